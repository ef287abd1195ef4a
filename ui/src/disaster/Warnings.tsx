import { Alert, Badge, Group, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { DisasterWarning } from "../api";
import { formatHours, SAFE_HOURS, SEVERE_WARNINGS } from "./model";

const colorOf = (w: DisasterWarning) => (SEVERE_WARNINGS.includes(w.code) ? "red" : "yellow");

/** Each warning as an alert: its short name as the title, the core's sentence as the body. */
export function WarningAlerts({ warnings }: { warnings: readonly DisasterWarning[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="disaster-warnings">
      {warnings.map((w) => (
        <Alert
          key={w.code}
          color={colorOf(w)}
          variant="light"
          py="xs"
          title={t(`disaster.warningShort.${w.code}`)}
          data-testid={`disaster-warning-${w.code}`}
        >
          {w.message}
        </Alert>
      ))}
    </Stack>
  );
}

/** Each warning as a small badge (dense tables); the sentence shows on hover and to readers. */
export function WarningBadges({ warnings }: { warnings: readonly DisasterWarning[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {warnings.map((w) => (
        <Tooltip key={w.code} label={w.message} multiline w={280} withArrow>
          <Badge
            size="sm"
            variant="light"
            color={colorOf(w)}
            aria-label={w.message}
            style={{ cursor: "help" }}
          >
            {t(`disaster.warningShort.${w.code}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}

/**
 * Battery hours of the device that stops first: red when under a day or not known for a child
 * who depends on power; a dash when the child depends on no device.
 */
export function BatteryHours({
  hours,
  dependent,
  testId,
}: {
  hours: number | null;
  dependent: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!dependent && hours === null) {
    return (
      <Text span c="dimmed" data-testid={testId}>
        —
      </Text>
    );
  }
  const short = hours === null || hours < SAFE_HOURS;
  return (
    <Text span fw={700} c={short ? "red.8" : undefined} data-testid={testId}>
      {hours === null ? t("disaster.unknownHours") : t("disaster.hours", { h: formatHours(hours) })}
    </Text>
  );
}
