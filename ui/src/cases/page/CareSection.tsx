import { Divider, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CareItemEntry, ChildDetail } from "../../api";
import { MedicalCareScoreView, SevereScoreView } from "../scores/ScoreViews";
import { Section } from "./Section";

/** The details of one item in a line: only what was entered. */
function detailText(t: TFunction, item: CareItemEntry): string {
  const d = item.details;
  return [
    d.feeding_route && t(`feedingRoute.${d.feeding_route}`),
    d.suction_frequency && t(`suctionFrequency.${d.suction_frequency}`),
    d.cannula_size && `${t("caseForm.cannulaSize")} ${d.cannula_size}`,
    d.device,
    d.hours_per_day !== null && t("casePage.hoursValue", { n: d.hours_per_day }),
    d.nebulizer_per_day !== null && t("casePage.timesValue", { n: d.nebulizer_per_day }),
    d.nebulizer_continuous && t("caseForm.nebulizerContinuous"),
    d.catheterizations_per_day !== null &&
      t("casePage.timesValue", { n: d.catheterizations_per_day }),
    d.note,
  ]
    .filter((part): part is string => Boolean(part))
    .join(" ・ ");
}

function period(t: TFunction, item: CareItemEntry): string {
  if (item.start_date && item.end_date) {
    return t("casePage.period", { start: item.start_date, end: item.end_date });
  }
  if (item.start_date) return t("casePage.since", { date: item.start_date });
  if (item.end_date) return t("casePage.period", { start: "", end: item.end_date });
  return "";
}

export function CareSection({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const items = detail.child.care_items;
  return (
    <Section
      title={t("casePage.care")}
      testId="case-care"
      action={
        <Text size="xs" c="dimmed">
          {t("scores.on", { date: detail.scores.on })}
        </Text>
      }
    >
      <Stack gap="md">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("casePage.noCare")}
          </Text>
        ) : (
          <Table striped fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("casePage.columnItem")}</Table.Th>
                <Table.Th w={70}>{t("casePage.columnSupervision")}</Table.Th>
                <Table.Th>{t("casePage.columnDetails")}</Table.Th>
                <Table.Th w={200}>{t("casePage.columnPeriod")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.code} data-testid={`case-care-${item.code}`}>
                  <Table.Td fw={500}>{t(`careItem.${item.code}.label`)}</Table.Td>
                  <Table.Td>{t(`supervision.${item.supervision}`)}</Table.Td>
                  <Table.Td>{detailText(t, item)}</Table.Td>
                  <Table.Td c="dimmed">{period(t, item)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Divider />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <MedicalCareScoreView score={detail.scores.medical_care} />
          <SevereScoreView score={detail.scores.severe} />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}
