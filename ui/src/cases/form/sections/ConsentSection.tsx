import { Checkbox, Group, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ConsentScope } from "../../../api";
import { DateField } from "../../fields/DateField";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

const SCOPES: readonly ConsentScope[] = [
  "care_team",
  "hospitals",
  "municipality",
  "schools",
  "fire_department",
  "power_company",
];

function ConsentSectionView({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t("caseForm.section.consent")}>
      <Group align="flex-start" gap="md">
        <DateField
          w={170}
          label={t("caseForm.consentGiven")}
          {...form.getInputProps("consent.given_on")}
        />
        <TextInput
          flex={1}
          miw={240}
          label={t("caseForm.consentNote")}
          {...form.getInputProps("consent.note")}
        />
      </Group>
      <Checkbox.Group label={t("caseForm.consentScope")} {...form.getInputProps("consent.scope")}>
        <Group gap="lg" mt={6}>
          {SCOPES.map((scope) => (
            <Checkbox key={scope} value={scope} label={t(`consentScope.${scope}`)} />
          ))}
        </Group>
      </Checkbox.Group>
    </FormSection>
  );
}

export const ConsentSection = memoSection(
  ConsentSectionView,
  (v) => [v.consent],
  () => ["consent"],
);
