import { Group, NativeSelect, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateField } from "../../fields/DateField";
import { INTAKE_STATUSES } from "../../status";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";

/** The responsible coordinator and, on intake, the status the case starts in. */
function AssignmentSectionView({ form, intake }: { form: CaseForm; intake: boolean }) {
  const { t } = useTranslation();
  return (
    <FormSection
      title={t(intake ? "caseForm.section.assignment" : "caseForm.section.assignmentEdit")}
    >
      <Group align="flex-start" gap="md">
        <TextInput
          w={240}
          label={t("caseForm.coordinator")}
          {...form.getInputProps("coordinator")}
        />
        {intake && (
          <>
            <NativeSelect
              w={200}
              label={t("caseForm.initialStatus")}
              data={INTAKE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              data-testid="child-status"
              {...form.getInputProps("status")}
            />
            <DateField
              w={170}
              label={t("caseForm.statusDate")}
              data-testid="child-status-date"
              {...form.getInputProps("status_date")}
            />
          </>
        )}
      </Group>
    </FormSection>
  );
}

export const AssignmentSection = memoSection(
  AssignmentSectionView,
  (v) => [v.coordinator, v.status, v.status_date],
  () => ["coordinator", "status", "status_date"],
);
