import { Badge, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Booking, BookingStatus } from "../../api";
import { currentLang } from "../../i18n";
import { dateWithWeekday } from "../../planning/dates";

const STATUS_COLOUR: Record<BookingStatus, string> = {
  requested: "grape",
  confirmed: "teal",
  completed: "gray",
  cancelled: "gray",
  no_show: "orange",
};

/** One booking as a line: status, who or where, the nights, the bed type, and its actions. */
export function BookingRow({
  booking,
  who,
  children,
  testId,
}: {
  booking: Booking;
  who: "child" | "facility";
  children?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Group
      justify="space-between"
      wrap="wrap"
      gap="xs"
      py={6}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
      data-testid={testId}
    >
      <Group gap="sm" wrap="wrap">
        <Badge color={STATUS_COLOUR[booking.status]} variant="light" miw={72}>
          {t(`respite.status.${booking.status}`)}
        </Badge>
        <Text fw={600} size="sm">
          {who === "child"
            ? `${booking.child_name}（${booking.case_number}）`
            : booking.facility_name}
        </Text>
        <Text size="sm">
          {dateWithWeekday(t, booking.from, lang)}〜{dateWithWeekday(t, booking.to, lang)}{" "}
          {t("respite.booking.nights", { count: booking.nights })}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`respite.bedType.${booking.bed_type}`)}
          {booking.reason ? `・${booking.reason}` : ""}
        </Text>
      </Group>
      {children && <Group gap={4}>{children}</Group>}
    </Group>
  );
}
