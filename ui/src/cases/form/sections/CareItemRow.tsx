import { Box, Checkbox, Group, NativeSelect, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CareItemCode, FeedingRoute, SuctionFrequency } from "../../../api";
import { type CareDetail, careItemSpec } from "../../careItems";
import { DateField } from "../../fields/DateField";
import { NumberField } from "../../fields/NumberField";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

const ROUTES: readonly FeedingRoute[] = [
  "nasogastric",
  "gastrostomy",
  "esophagostomy",
  "nasointestinal",
  "gastrojejunal",
  "jejunostomy",
];
const FREQUENCIES: readonly SuctionFrequency[] = ["hourly_or_more", "six_per_day_or_more", "less"];

type Props = { form: CaseForm; code: CareItemCode; intake: boolean };

/**
 * A fixed width for the input only: the field's error then takes the room it needs on one line
 * (the row wraps) instead of being squeezed under a narrow select.
 */
const width = (px: number) => ({ styles: { wrapper: { width: px } } });

/**
 * One care item of the checklist. Ticking it reveals its supervision choice, limited to the levels
 * the item has, and only the details that apply to it.
 */
function CareItemRowView({ form, code, intake }: Props) {
  const { t } = useTranslation();
  const spec = careItemSpec(code);
  const base = `care.${code}`;
  const values = form.values.care[code];
  const blocked = spec.requires !== undefined && !form.values.care[spec.requires].checked;
  const ticked = values.checked && !blocked;
  const checkedError = form.errors[`${base}.checked`];
  const hint = t(`careItem.${code}.hint`);
  const input = (name: string) => form.getInputProps(`${base}.${name}`);
  const id = (suffix: string) => `care-item-${code}-${suffix}`;

  const detail: Record<CareDetail, ReactNode> = {
    device: (
      <TextInput
        {...width(170)}
        label={t("caseForm.device")}
        data-testid={id("device")}
        {...input("device")}
      />
    ),
    cannula_size: (
      <TextInput
        {...width(130)}
        label={t("caseForm.cannulaSize")}
        placeholder="3.5"
        data-testid={id("cannula")}
        {...input("cannula_size")}
      />
    ),
    feeding_route: (
      <NativeSelect
        {...width(150)}
        label={t("caseForm.feedingRoute")}
        data={[
          { value: "", label: t("caseForm.notChosen") },
          ...ROUTES.map((r) => ({ value: r, label: t(`feedingRoute.${r}`) })),
        ]}
        data-testid={id("route")}
        {...input("feeding_route")}
      />
    ),
    hours_per_day: (
      <NumberField
        {...width(150)}
        decimal
        label={t("caseForm.hoursPerDay")}
        data-testid={id("hours")}
        {...input("hours_per_day")}
      />
    ),
    suction_frequency: (
      <NativeSelect
        {...width(170)}
        label={t("caseForm.suctionFrequency")}
        data={[
          { value: "", label: t("caseForm.notChosen") },
          ...FREQUENCIES.map((f) => ({ value: f, label: t(`suctionFrequency.${f}`) })),
        ]}
        data-testid={id("frequency")}
        {...input("suction_frequency")}
      />
    ),
    nebulizer: (
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <NumberField
          {...width(130)}
          label={t("caseForm.nebulizerPerDay")}
          data-testid={id("per-day")}
          {...input("nebulizer_per_day")}
        />
        <Checkbox
          mt={30}
          label={t("caseForm.nebulizerContinuous")}
          data-testid={id("continuous")}
          {...form.getInputProps(`${base}.nebulizer_continuous`, { type: "checkbox" })}
        />
      </Group>
    ),
    catheterizations_per_day: (
      <NumberField
        {...width(150)}
        label={t("caseForm.catheterizationsPerDay")}
        data-testid={id("per-day")}
        {...input("catheterizations_per_day")}
      />
    ),
  };

  return (
    <Box
      py={4}
      pl="xs"
      style={{
        borderLeft: `3px solid var(--mantine-color-${ticked ? "teal-5" : "gray-2"})`,
      }}
      data-testid={`care-row-${code}`}
    >
      <Checkbox
        label={t(`careItem.${code}.label`)}
        description={
          blocked
            ? t("caseForm.requires", { item: t(`careItem.${spec.requires ?? code}.label`) })
            : hint || undefined
        }
        disabled={blocked}
        checked={ticked}
        error={checkedError}
        aria-invalid={checkedError ? true : undefined}
        onChange={(event) => form.setFieldValue(`${base}.checked`, event.currentTarget.checked)}
        data-testid={`care-item-${code}`}
      />
      {ticked && (
        <Group gap="sm" align="flex-start" ml={30} mt={6} mb={4}>
          <NativeSelect
            {...width(90)}
            label={t("caseForm.supervision")}
            data={spec.levels.map((level) => ({ value: level, label: t(`supervision.${level}`) }))}
            data-testid={id("supervision")}
            {...input("supervision")}
          />
          {spec.details.map((name) => (
            <Box key={name}>{detail[name]}</Box>
          ))}
          <DateField
            {...width(150)}
            label={t("caseForm.startDate")}
            data-testid={id("start")}
            {...input("start_date")}
          />
          {!intake && (
            <DateField
              {...width(150)}
              label={t("caseForm.endDate")}
              data-testid={id("end")}
              {...input("end_date")}
            />
          )}
        </Group>
      )}
    </Box>
  );
}

export const CareItemRow = memoSection(
  CareItemRowView,
  (v, { code }) => {
    const requires = careItemSpec(code).requires;
    return [v.care[code], requires && v.care[requires].checked];
  },
  ({ code }) => [`care.${code}`],
);
