import { Button, Group, Input, Loader, NativeSelect, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CareItemCode, ChildStatus } from "../../api";
import { MunicipalitySelect } from "../../municipalities/MunicipalitySelect";
import { CARE_CODES } from "../careItems";
import { NumberField } from "../fields/NumberField";
import { STATUSES } from "../status";

/** What the filter fields hold while typing; the page turns it into a CaseSearch. */
export type FilterInput = {
  query: string;
  municipality: string | null;
  status: ChildStatus | "";
  careItem: CareItemCode | "";
  scoreMin: string;
  scoreMax: string;
};

export const EMPTY_FILTER_INPUT: FilterInput = {
  query: "",
  municipality: null,
  status: "",
  careItem: "",
  scoreMin: "",
  scoreMax: "",
};

type Props = {
  value: FilterInput;
  onChange: (value: FilterInput) => void;
  searching: boolean;
  searchRef: React.Ref<HTMLInputElement>;
};

export function CaseFilters({ value, onChange, searching, searchRef }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof FilterInput>(key: K, next: FilterInput[K]) =>
    onChange({ ...value, [key]: next });
  const filtered =
    JSON.stringify({ ...value, query: "" }) !== JSON.stringify({ ...EMPTY_FILTER_INPUT });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        ref={searchRef}
        type="search"
        w={280}
        label={t("caseList.search")}
        placeholder={t("caseList.searchPlaceholder")}
        value={value.query}
        onChange={(event) => set("query", event.currentTarget.value)}
        rightSection={searching ? <Loader size="xs" /> : null}
        data-testid="case-search"
      />
      <MunicipalitySelect
        w={180}
        label={t("caseList.municipality")}
        placeholder={t("caseList.any")}
        value={value.municipality}
        onChange={(code) => set("municipality", code)}
        testId="case-filter-municipality"
      />
      <NativeSelect
        w={170}
        label={t("caseList.status")}
        value={value.status}
        onChange={(event) => set("status", event.currentTarget.value as ChildStatus | "")}
        data={[
          { value: "", label: t("caseList.any") },
          ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
        data-testid="case-filter-status"
      />
      <NativeSelect
        w={200}
        label={t("caseList.careItem")}
        value={value.careItem}
        onChange={(event) => set("careItem", event.currentTarget.value as CareItemCode | "")}
        data={[
          { value: "", label: t("caseList.any") },
          ...CARE_CODES.map((c) => ({ value: c, label: t(`careItem.${c}.label`) })),
        ]}
        data-testid="case-filter-care-item"
      />
      <Input.Wrapper label={t("caseList.score")}>
        <Group gap={4} wrap="nowrap" align="center">
          <NumberField
            w={64}
            aria-label={t("caseList.scoreMin")}
            placeholder={t("caseList.min")}
            value={value.scoreMin}
            onChange={(next) => set("scoreMin", next)}
            data-testid="case-filter-score-min"
          />
          <Text size="sm">〜</Text>
          <NumberField
            w={64}
            aria-label={t("caseList.scoreMax")}
            placeholder={t("caseList.max")}
            value={value.scoreMax}
            onChange={(next) => set("scoreMax", next)}
            data-testid="case-filter-score-max"
          />
        </Group>
      </Input.Wrapper>
      {filtered && (
        <Button
          variant="subtle"
          onClick={() => onChange({ ...EMPTY_FILTER_INPUT, query: value.query })}
        >
          {t("caseList.clearFilters")}
        </Button>
      )}
    </Group>
  );
}
