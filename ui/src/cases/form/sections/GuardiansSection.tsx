import { Button, CloseButton, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NumberField } from "../../fields/NumberField";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";
import { emptyGuardian } from "../values";

function GuardiansSectionView({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  const rows = form.values.guardians;
  const field = (index: number, name: string) => form.getInputProps(`guardians.${index}.${name}`);
  return (
    <FormSection title={t("caseForm.section.guardians")}>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("caseForm.noGuardians")}
        </Text>
      )}
      {rows.map((row, index) => (
        <Paper key={row.key} withBorder p="sm" bg="gray.0" data-testid="guardian-row">
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={700}>
              {t("caseForm.guardianNumber", { n: index + 1 })}
            </Text>
            <CloseButton
              size="sm"
              aria-label={t("caseForm.removeRow", { n: index + 1 })}
              onClick={() => form.removeListItem("guardians", index)}
            />
          </Group>
          <Stack gap="xs">
            <Group align="flex-start" gap="md">
              <TextInput w={200} label={t("caseForm.guardianName")} {...field(index, "name")} />
              <TextInput
                w={100}
                label={t("caseForm.relation")}
                placeholder={t("caseForm.relationPlaceholder")}
                {...field(index, "relation")}
              />
              <TextInput
                w={170}
                type="tel"
                label={t("caseForm.phonePrimary")}
                placeholder={t("caseForm.phonePlaceholder")}
                data-testid={`guardian-${index}-phone`}
                {...field(index, "phone_primary")}
              />
              <TextInput
                w={170}
                type="tel"
                label={t("caseForm.phoneSecondary")}
                {...field(index, "phone_secondary")}
              />
            </Group>
            <Group align="flex-start" gap="md">
              <TextInput
                w={280}
                type="email"
                label={t("caseForm.email")}
                {...field(index, "email")}
              />
              <TextInput
                flex={1}
                miw={240}
                label={t("caseForm.languageNeeds")}
                placeholder={t("caseForm.languageNeedsPlaceholder")}
                {...field(index, "language_needs")}
              />
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group align="flex-end" justify="space-between">
        <Button
          variant="light"
          size="xs"
          onClick={() => form.insertListItem("guardians", emptyGuardian())}
        >
          {t("caseForm.addGuardian")}
        </Button>
        <NumberField w={140} label={t("caseForm.siblings")} {...form.getInputProps("siblings")} />
      </Group>
    </FormSection>
  );
}

export const GuardiansSection = memoSection(
  GuardiansSectionView,
  (v) => [v.guardians, v.siblings],
  () => ["guardians", "siblings"],
);
