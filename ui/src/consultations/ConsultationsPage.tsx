import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useOfficeNow } from "../equipment/useEquipment";
import { ConsultationList } from "./ConsultationList";
import { MonthlyCounts } from "./MonthlyCounts";
import { QuickEntry } from "./QuickEntry";

/** 相談記録: log a call quickly, find earlier ones, and count them per month. */
export function ConsultationsPage() {
  const { t } = useTranslation();
  const now = useOfficeNow();
  return (
    <Stack gap="lg" data-testid="consultations-page">
      <Stack gap={4} maw={760}>
        <Title order={1} size="h2">
          {t("consultations.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("consultations.intro")}
        </Text>
      </Stack>
      <QuickEntry />
      <ConsultationList />
      {now.data && <MonthlyCounts initialYear={Number(now.data.slice(0, 4))} />}
    </Stack>
  );
}
