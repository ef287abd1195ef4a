import { Button, Checkbox, CloseButton, Group, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";
import { emptyDiagnosis } from "../values";

function DiagnosesSectionView({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  const rows = form.values.diagnoses;
  return (
    <FormSection title={t("caseForm.section.diagnoses")}>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("caseForm.noDiagnoses")}
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="md" wrap="nowrap">
          <TextInput
            flex={1}
            miw={220}
            label={t("caseForm.diagnosis")}
            {...form.getInputProps(`diagnoses.${index}.text`)}
          />
          <TextInput
            w={110}
            label={t("caseForm.icd10")}
            placeholder="P07.2"
            {...form.getInputProps(`diagnoses.${index}.icd10`)}
          />
          <Checkbox
            mt={30}
            label={t("caseForm.perinatal")}
            {...form.getInputProps(`diagnoses.${index}.perinatal`, { type: "checkbox" })}
          />
          <CloseButton
            mt={28}
            aria-label={t("caseForm.removeRow", { n: index + 1 })}
            onClick={() => form.removeListItem("diagnoses", index)}
          />
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => form.insertListItem("diagnoses", emptyDiagnosis())}
        >
          {t("caseForm.addDiagnosis")}
        </Button>
      </Group>
    </FormSection>
  );
}

export const DiagnosesSection = memoSection(
  DiagnosesSectionView,
  (v) => [v.diagnoses],
  () => ["diagnoses"],
);
