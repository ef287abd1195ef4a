import { Checkbox, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Mobility } from "../../../api";
import { NumberField } from "../../fields/NumberField";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

/** 大島分類 cells 1–25. */
const OSHIMA_CELLS = Array.from({ length: 25 }, (_, i) => String(i + 1));
const MOBILITIES: readonly Mobility[] = [
  "bedridden",
  "sitting",
  "walking_impaired",
  "walking",
  "running",
];

/** 大島分類, 横地分類, and the factors of the 超重症児 score that are not care items. */
function DevelopmentSectionView({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  const checkbox = (path: string) => form.getInputProps(path, { type: "checkbox" });
  return (
    <FormSection title={t("caseForm.section.development")}>
      <Group align="flex-start" gap="md">
        <NativeSelect
          w={120}
          label={t("caseForm.oshima")}
          data={[{ value: "", label: t("caseForm.oshimaNone") }, ...OSHIMA_CELLS]}
          {...form.getInputProps("oshima_cell")}
        />
        <TextInput
          w={130}
          label={t("caseForm.yokochi")}
          placeholder={t("caseForm.yokochiPlaceholder")}
          {...form.getInputProps("yokochi_code")}
        />
        <NativeSelect
          w={220}
          label={t("caseForm.mobility")}
          description={t("caseForm.mobilityHint")}
          inputWrapperOrder={["label", "input", "description", "error"]}
          data={[
            { value: "", label: t("caseForm.mobilityNone") },
            ...MOBILITIES.map((m) => ({ value: m, label: t(`mobility.${m}`) })),
          ]}
          data-testid="severe-mobility"
          {...form.getInputProps("severe.mobility")}
        />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t("caseForm.severeFactors")}
        </Text>
        <Checkbox
          label={t("caseForm.lowSpo2")}
          data-testid="severe-low-spo2"
          {...checkbox("severe.low_spo2")}
        />
        <Checkbox
          label={t("caseForm.oralFull")}
          data-testid="severe-oral-full"
          {...checkbox("severe.oral_full_assistance")}
        />
        <Checkbox
          label={t("caseForm.hypertonia")}
          data-testid="severe-hypertonia"
          {...checkbox("severe.hypertonia_care")}
        />
        <NumberField
          w={160}
          label={t("caseForm.positionChanges")}
          data-testid="severe-position-changes"
          {...form.getInputProps("severe.position_changes_per_day")}
        />
      </Stack>
    </FormSection>
  );
}

export const DevelopmentSection = memoSection(
  DevelopmentSectionView,
  (v) => [v.oshima_cell, v.yokochi_code, v.severe],
  () => ["oshima_cell", "yokochi_code", "severe"],
);
