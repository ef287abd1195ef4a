import {
  Group,
  MultiSelect,
  type MultiSelectProps,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import { type ReactNode, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Answer } from "../../api";
import { CARE_GROUPS, CARE_ITEMS } from "../../cases/careItems";
import { NumberField } from "../../cases/fields/NumberField";
import { filterOptions, toOptions } from "../../municipalities/options";
import { useMunicipalities } from "../../municipalities/useMunicipalities";
import { GENERAL_ANSWERS } from "../answers";
import type { ConditionsValues } from "../form/values";
import { formatAgeLimit } from "../limits";
import { AnswerControl } from "./AnswerControl";
import "./conditions.css";

/** Municipalities listed in the dropdown at once; typing narrows the ~1,900. */
const SHOWN = 60;

type Props = {
  values: ConditionsValues;
  /** The form's errors, by full path (`conditions.care.ventilator`). */
  errors: Record<string, ReactNode>;
  /** Sets one value, by its path under `conditions`. */
  onChange: (path: string, value: unknown) => void;
};

/** One question answered ○ / × / 未回答, its label on the left. */
function AnswerRow({
  label,
  hint,
  value,
  onChange,
  testId,
  error,
}: {
  label: string;
  hint?: string;
  value: Answer;
  onChange: (answer: Answer) => void;
  testId: string;
  error?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="conditions-editor__row">
      <div>
        <Text id={`${id}-label`} className="conditions-editor__label">
          {label}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        )}
        {error && (
          <Text id={`${id}-error`} size="xs" c="red.7">
            {error}
          </Text>
        )}
      </div>
      <AnswerControl
        labelledBy={`${id}-label`}
        value={value}
        onChange={onChange}
        testId={testId}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

/** A months field that shows the age it means (30 → 2歳6か月) under it. */
function MonthsField({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const months = value === "" ? null : Number(value);
  return (
    <NumberField
      w={150}
      label={label}
      rightSection={
        <Text size="xs" c="dimmed">
          {t("providerForm.monthsUnit")}
        </Text>
      }
      rightSectionWidth={40}
      description={months !== null && Number.isFinite(months) ? formatAgeLimit(t, months) : " "}
      inputWrapperOrder={["label", "input", "description", "error"]}
      value={value}
      onChange={onChange}
      error={error}
      data-testid={testId}
    />
  );
}

/**
 * The conditions as a matrix to fill in: every question with a ○ 可 / × 不可 / 未回答 control
 * (未回答 until answered; 未回答 is never sent as ×), then the age and weight limits, the service
 * area and free text.
 */
export function ConditionsEditor({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const error = (path: string) => errors[`conditions.${path}`];
  const kgUnit = (
    <Text size="xs" c="dimmed">
      kg
    </Text>
  );

  return (
    <Stack gap="md" data-testid="conditions-editor">
      <Stack gap={0}>
        <Text size="sm" fw={700} c="teal.8" mb={4}>
          {t("providerConditions.general")}
        </Text>
        {GENERAL_ANSWERS.map((key) => (
          <AnswerRow
            key={key}
            label={t(`providerConditions.question.${key}`)}
            value={values[key]}
            onChange={(answer) => onChange(key, answer)}
            testId={`condition-${key}`}
            error={error(key)}
          />
        ))}
      </Stack>

      <Group align="flex-start" gap="xl">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("providerConditions.age")}
          </Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <MonthsField
              label={t("providerForm.ageMin")}
              value={values.age_min_months}
              onChange={(v) => onChange("age_min_months", v)}
              error={error("age_min_months")}
              testId="provider-age-min"
            />
            <Text mt={30}>〜</Text>
            <MonthsField
              label={t("providerForm.ageMax")}
              value={values.age_max_months}
              onChange={(v) => onChange("age_max_months", v)}
              error={error("age_max_months")}
              testId="provider-age-max"
            />
          </Group>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("providerConditions.weight")}
          </Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <NumberField
              w={120}
              decimal
              label={t("providerForm.weightMin")}
              rightSection={kgUnit}
              value={values.weight_min_kg}
              onChange={(v) => onChange("weight_min_kg", v)}
              error={error("weight_min_kg")}
              data-testid="provider-weight-min"
            />
            <Text mt={30}>〜</Text>
            <NumberField
              w={120}
              decimal
              label={t("providerForm.weightMax")}
              rightSection={kgUnit}
              value={values.weight_max_kg}
              onChange={(v) => onChange("weight_max_kg", v)}
              error={error("weight_max_kg")}
              data-testid="provider-weight-max"
            />
          </Group>
        </Stack>
      </Group>
      <Text size="xs" c="dimmed" mt={-8}>
        {t("providerForm.limitsHint")}
      </Text>

      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t("providerForm.careTitle")}
        </Text>
        <Text size="xs" c="dimmed">
          {t("providerForm.careHint")}
        </Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="sm" maw={1280}>
          {[
            ["respiratory", "nutrition"],
            ["injection", "excretion", "other"],
          ].map((column) => (
            <Stack key={column.join()} gap="sm">
              {CARE_GROUPS.filter((g) => column.includes(g)).map((group) => (
                <Stack key={group} gap={0} role="group" aria-label={t(`careGroup.${group}`)}>
                  <Text size="sm" fw={700} c="teal.8" mb={2}>
                    {t(`careGroup.${group}`)}
                  </Text>
                  {CARE_ITEMS.filter((item) => item.group === group).map(({ code }) => (
                    <AnswerRow
                      key={code}
                      label={t(`careItem.${code}.label`)}
                      value={values.care[code]}
                      onChange={(answer) => onChange(`care.${code}`, answer)}
                      testId={`condition-${code}`}
                      error={error(`care.${code}`)}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>

      <Group align="flex-start" gap="md">
        <ServiceAreaSelect
          value={values.service_area.municipality_codes}
          onChange={(codes) => onChange("service_area.municipality_codes", codes)}
          error={error("service_area.municipality_codes")}
        />
        <NumberField
          w={140}
          decimal
          label={t("providerForm.radius")}
          rightSection={
            <Text size="xs" c="dimmed">
              km
            </Text>
          }
          value={values.service_area.radius_km}
          onChange={(v) => onChange("service_area.radius_km", v)}
          error={error("service_area.radius_km")}
          data-testid="provider-radius"
        />
      </Group>
      <Textarea
        label={t("providerConditions.freeText")}
        placeholder={t("providerForm.freeTextPlaceholder")}
        rows={3}
        value={values.free_text}
        onChange={(event) => onChange("free_text", event.currentTarget.value)}
        error={error("free_text")}
        data-testid="provider-free-text"
      />
    </Stack>
  );
}

/** The municipalities served: type a name or reading, Enter or a click adds it. */
function ServiceAreaSelect({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const list = useMunicipalities("");
  const options = useMemo(() => toOptions(list.data ?? []), [list.data]);
  const data = useMemo(() => options.map((o) => ({ value: o.value, label: o.label })), [options]);
  const filter: MultiSelectProps["filter"] = ({ search, limit }) => {
    const shown = new Set(filterOptions(options, search).map((o) => o.value));
    return data.filter((item) => shown.has(item.value)).slice(0, limit);
  };
  return (
    <MultiSelect
      miw={300}
      flex={1}
      label={t("providerForm.serviceArea")}
      placeholder={value.length === 0 ? t("providerForm.serviceAreaPlaceholder") : undefined}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={filter}
      limit={SHOWN}
      nothingFoundMessage={t("municipalities.empty")}
      error={error}
      data-testid="provider-service-area"
    />
  );
}
