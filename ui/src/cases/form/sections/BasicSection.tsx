import { Group, NativeSelect, TextInput } from "@mantine/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { Sex } from "../../../api";
import { DateField } from "../../fields/DateField";
import { NumberField } from "../../fields/NumberField";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

const SEXES: readonly Sex[] = ["female", "male", "other", "unknown"];

type Props = { form: CaseForm; intake: boolean; firstField: Ref<HTMLInputElement> };

function BasicSectionView({ form, intake, firstField }: Props) {
  const { t } = useTranslation();
  return (
    <FormSection title={t("caseForm.section.basic")}>
      <Group align="flex-start" gap="md">
        <TextInput
          ref={firstField}
          w={200}
          label={t("caseForm.name")}
          placeholder={t("caseForm.namePlaceholder")}
          required
          data-testid="child-name"
          {...form.getInputProps("name")}
        />
        <TextInput
          w={200}
          label={t("caseForm.kana")}
          placeholder={t("caseForm.kanaPlaceholder")}
          required
          data-testid="child-kana"
          {...form.getInputProps("kana")}
        />
        <DateField
          w={150}
          label={t("caseForm.dob")}
          required
          data-testid="child-dob"
          {...form.getInputProps("date_of_birth")}
        />
        <NativeSelect
          w={100}
          label={t("caseForm.sex")}
          data={SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          data-testid="child-sex"
          {...form.getInputProps("sex")}
        />
      </Group>
      <Group align="flex-start" gap="md">
        <NumberField
          w={110}
          label={t("caseForm.gestationalWeeks")}
          {...form.getInputProps("gestational_weeks")}
        />
        <NumberField
          w={110}
          label={t("caseForm.birthWeight")}
          {...form.getInputProps("birth_weight_g")}
        />
        {intake && (
          <>
            <NumberField
              w={120}
              decimal
              label={t("caseForm.weight")}
              data-testid="child-weight"
              {...form.getInputProps("weight_kg")}
            />
            <DateField
              w={150}
              label={t("caseForm.weightDate")}
              data-testid="child-weight-date"
              {...form.getInputProps("weight_measured_on")}
            />
          </>
        )}
        <TextInput
          w={170}
          label={t("caseForm.caseNumber")}
          description={intake ? t("caseForm.caseNumberHint") : undefined}
          inputWrapperOrder={["label", "input", "description", "error"]}
          placeholder="KH-2026-0001"
          data-testid="child-case-number"
          {...form.getInputProps("case_number")}
        />
      </Group>
    </FormSection>
  );
}

export const BasicSection = memoSection(
  BasicSectionView,
  (v) => [
    v.name,
    v.kana,
    v.date_of_birth,
    v.sex,
    v.gestational_weeks,
    v.birth_weight_g,
    v.weight_kg,
    v.weight_measured_on,
    v.case_number,
  ],
  () => [
    "name",
    "kana",
    "date_of_birth",
    "sex",
    "gestational_weeks",
    "birth_weight_g",
    "weight_kg",
    "weight_measured_on",
    "case_number",
  ],
);
