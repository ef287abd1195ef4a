import { Group, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MunicipalitySelect } from "../../../municipalities/MunicipalitySelect";
import { NumberField } from "../../fields/NumberField";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

function AddressSectionView({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  const municipality = form.getInputProps("residence.municipality_code");
  return (
    <FormSection title={t("caseForm.section.address")}>
      <Group align="flex-start" gap="md">
        <TextInput
          w={130}
          label={t("caseForm.postalCode")}
          placeholder={t("caseForm.postalPlaceholder")}
          {...form.getInputProps("residence.postal_code")}
        />
        <MunicipalitySelect
          w={260}
          label={t("caseForm.municipality")}
          placeholder={t("caseForm.municipalityPlaceholder")}
          required
          testId="child-municipality"
          value={form.values.residence.municipality_code}
          onChange={(code) => form.setFieldValue("residence.municipality_code", code)}
          error={municipality.error}
        />
      </Group>
      <TextInput
        label={t("caseForm.address")}
        placeholder="川越市○○町1-2-3"
        {...form.getInputProps("residence.address")}
      />
      <Group align="flex-start" gap="md">
        <NumberField
          w={130}
          decimal
          negative
          label={t("caseForm.lat")}
          placeholder="35.9251"
          {...form.getInputProps("residence.lat")}
        />
        <NumberField
          w={130}
          decimal
          negative
          label={t("caseForm.lon")}
          placeholder="139.4858"
          {...form.getInputProps("residence.lon")}
        />
        <Text size="xs" c="dimmed" mt={32}>
          {t("caseForm.coordsHint")}
        </Text>
      </Group>
    </FormSection>
  );
}

export const AddressSection = memoSection(
  AddressSectionView,
  (v) => [v.residence],
  () => ["residence"],
);
