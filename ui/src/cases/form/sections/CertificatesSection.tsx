import { Checkbox, Group, NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

/** 身体障害者手帳 grades 1–6. */
const GRADES = [1, 2, 3, 4, 5, 6];

function CertificatesSectionView({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t("caseForm.section.certificates")}>
      <Group align="flex-start" gap="md">
        <NativeSelect
          w={130}
          label={t("caseForm.physicalGrade")}
          data={[
            { value: "", label: t("caseForm.gradeNone") },
            ...GRADES.map((g) => ({ value: String(g), label: t("caseForm.grade", { grade: g }) })),
          ]}
          {...form.getInputProps("certificates.physical_disability_grade")}
        />
        <TextInput
          w={110}
          label={t("caseForm.ryoiku")}
          placeholder={t("caseForm.ryoikuPlaceholder")}
          {...form.getInputProps("certificates.ryoiku_techo")}
        />
        <TextInput
          w={200}
          label={t("caseForm.shoman")}
          {...form.getInputProps("certificates.shoman_disease")}
        />
        <TextInput
          w={170}
          label={t("caseForm.medicalCareCategory")}
          {...form.getInputProps("certificates.medical_care_category")}
        />
      </Group>
      <Group gap="xl">
        <Checkbox
          label={t("caseForm.allowance")}
          {...form.getInputProps("certificates.special_child_allowance", { type: "checkbox" })}
        />
        <Checkbox
          label={t("caseForm.serviceCertificate")}
          {...form.getInputProps("certificates.service_certificate", { type: "checkbox" })}
        />
      </Group>
    </FormSection>
  );
}

export const CertificatesSection = memoSection(
  CertificatesSectionView,
  (v) => [v.certificates],
  () => ["certificates"],
);
