import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CARE_GROUPS, CARE_ITEMS } from "../../careItems";
import { FormSection } from "../FormSection";
import { memoSection } from "../memoSection";
import type { CaseForm } from "../useCaseForm";
import { CareItemRow } from "./CareItemRow";

/** The 19 care items of the 医療的ケア判定スコア, grouped as the office thinks of them. */
function CareItemsSectionView({ form, intake }: { form: CaseForm; intake: boolean }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t("caseForm.section.care")} testId="care-items">
      <Text size="sm" c="dimmed">
        {t("caseForm.careHint")}
      </Text>
      {CARE_GROUPS.map((group) => (
        <Stack key={group} gap={2} role="group" aria-labelledby={`care-group-${group}`}>
          <Text id={`care-group-${group}`} size="sm" fw={700} c="teal.8" mt="xs">
            {t(`careGroup.${group}`)}
          </Text>
          <SimpleGrid cols={1} spacing={2}>
            {CARE_ITEMS.filter((item) => item.group === group).map((item) => (
              <CareItemRow key={item.code} form={form} code={item.code} intake={intake} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </FormSection>
  );
}

export const CareItemsSection = memoSection(
  CareItemsSectionView,
  (v) => [v.care],
  () => ["care"],
);
