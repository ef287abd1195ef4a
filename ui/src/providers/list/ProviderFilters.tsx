import {
  Box,
  Button,
  Checkbox,
  Group,
  Input,
  Loader,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Answer, CareItemCode, ProviderKind } from "../../api";
import { CARE_CODES } from "../../cases/careItems";
import { NumberField } from "../../cases/fields/NumberField";
import { MunicipalitySelect } from "../../municipalities/MunicipalitySelect";
import { ANSWER_SYMBOL, ANSWERS } from "../answers";
import { PROVIDER_KINDS } from "../kinds";
import { formatAgeLimit, parseAgeMonths } from "../limits";

/** What the filter fields hold while typing; the page turns it into a ProviderSearch. */
export type FilterInput = {
  query: string;
  kind: ProviderKind | "";
  municipality: string | null;
  children: Answer | "";
  careItem: CareItemCode | "";
  age: string;
  weight: string;
  aroundTheClock: boolean;
  published: boolean;
};

export const EMPTY_FILTER_INPUT: FilterInput = {
  query: "",
  kind: "",
  municipality: null,
  children: "",
  careItem: "",
  age: "",
  weight: "",
  aroundTheClock: false,
  published: false,
};

type Props = {
  value: FilterInput;
  onChange: (value: FilterInput) => void;
  searching: boolean;
  searchRef: React.Ref<HTMLInputElement>;
  /** Shown at the end of the second row: the count. */
  aside?: React.ReactNode;
};

export function ProviderFilters({ value, onChange, searching, searchRef, aside }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof FilterInput>(key: K, next: FilterInput[K]) =>
    onChange({ ...value, [key]: next });
  const filtered =
    JSON.stringify({ ...value, query: "" }) !== JSON.stringify({ ...EMPTY_FILTER_INPUT });
  const months = parseAgeMonths(value.age);
  const any = { value: "", label: t("providerList.any") };

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          ref={searchRef}
          type="search"
          w={220}
          label={t("providerList.search")}
          placeholder={t("providerList.searchPlaceholder")}
          value={value.query}
          onChange={(event) => set("query", event.currentTarget.value)}
          rightSection={searching ? <Loader size="xs" /> : null}
          data-testid="provider-search"
        />
        <NativeSelect
          w={220}
          label={t("providerList.kind")}
          value={value.kind}
          onChange={(event) => set("kind", event.currentTarget.value as ProviderKind | "")}
          data={[
            any,
            ...PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKind.${k}.label`) })),
          ]}
          data-testid="provider-filter-kind"
        />
        <MunicipalitySelect
          w={160}
          label={t("providerList.municipality")}
          placeholder={t("providerList.any")}
          value={value.municipality}
          onChange={(code) => set("municipality", code)}
          testId="provider-filter-municipality"
        />
        <NativeSelect
          w={110}
          label={t("providerList.children")}
          value={value.children}
          onChange={(event) => set("children", event.currentTarget.value as Answer | "")}
          data={[
            any,
            ...ANSWERS.map((a) => ({
              value: a,
              label: `${ANSWER_SYMBOL[a]} ${t(`providerAnswer.${a}`)}`,
            })),
          ]}
          data-testid="provider-filter-children"
        />
        <NativeSelect
          w={200}
          label={t("providerList.careItem")}
          title={t("providerList.careItemHint")}
          value={value.careItem}
          onChange={(event) => set("careItem", event.currentTarget.value as CareItemCode | "")}
          data={[any, ...CARE_CODES.map((c) => ({ value: c, label: t(`careItem.${c}.label`) }))]}
          data-testid="provider-filter-care-item"
        />
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Input.Wrapper
          label={t("providerList.fitsChild")}
          description={t("providerList.fitsChildHint")}
        >
          <Group gap="xs" wrap="nowrap" align="center" mt={2}>
            <TextInput
              w={170}
              leftSection={<Text size="xs">{t("providerList.age")}</Text>}
              leftSectionWidth={48}
              aria-label={t("providerList.age")}
              placeholder={t("providerList.agePlaceholder")}
              value={value.age}
              onChange={(event) => set("age", event.currentTarget.value)}
              error={value.age !== "" && months === null}
              data-testid="provider-filter-age"
            />
            <Text size="sm" c="dimmed" miw={64} data-testid="provider-filter-age-shown">
              {months !== null ? `= ${formatAgeLimit(t, months)}` : ""}
            </Text>
            <NumberField
              w={130}
              decimal
              leftSection={<Text size="xs">{t("providerList.weight")}</Text>}
              leftSectionWidth={48}
              aria-label={t("providerList.weightLabel")}
              placeholder="12.5"
              rightSection={
                <Text size="xs" c="dimmed">
                  kg
                </Text>
              }
              value={value.weight}
              onChange={(next) => set("weight", next)}
              data-testid="provider-filter-weight"
            />
          </Group>
        </Input.Wrapper>
        <Checkbox
          mb={8}
          label={t("providerList.aroundTheClock")}
          checked={value.aroundTheClock}
          onChange={(event) => set("aroundTheClock", event.currentTarget.checked)}
          data-testid="provider-filter-24h"
        />
        <Checkbox
          mb={8}
          label={t("providerList.published")}
          checked={value.published}
          onChange={(event) => set("published", event.currentTarget.checked)}
          data-testid="provider-filter-published"
        />
        {filtered && (
          <Button
            variant="subtle"
            mb={2}
            onClick={() => onChange({ ...EMPTY_FILTER_INPUT, query: value.query })}
            data-testid="provider-filter-clear"
          >
            {t("providerList.clearFilters")}
          </Button>
        )}
        {aside && <Box ml="auto">{aside}</Box>}
      </Group>
    </Stack>
  );
}
