import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Booking } from "../../api";
import { currentLang } from "../../i18n";
import { dateWithWeekday } from "../../planning/dates";
import { useConfirmBooking } from "../useRespite";

/**
 * After a confirmed stay is cancelled, the core names the waiting request to offer the freed bed
 * to first; one click confirms it (the core checks the beds and conditions again).
 */
export function OfferAlert({ offer, onDone }: { offer: Booking; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const confirm = useConfirmBooking();
  return (
    <Alert
      color="blue"
      title={t("respite.offer.title", { name: offer.child_name })}
      data-testid="respite-offer"
    >
      <Text size="sm">
        {offer.facility_name}{" "}
        {t("respite.offer.detail", {
          from: dateWithWeekday(t, offer.from, lang),
          to: dateWithWeekday(t, offer.to, lang),
          nights: offer.nights,
          type: t(`respite.bedType.${offer.bed_type}`),
        })}
      </Text>
      {confirm.isError && (
        <Text c="red" fw={700} mt={4} role="alert">
          {confirm.error.message}
        </Text>
      )}
      <Group gap="sm" mt="xs">
        <Button
          size="xs"
          loading={confirm.isPending}
          onClick={() =>
            confirm.mutate(
              { booking_id: offer.id, row_version: offer.row_version, lang },
              { onSuccess: onDone },
            )
          }
          data-testid="respite-offer-confirm"
        >
          {t("respite.offer.confirm", { name: offer.child_name })}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t("respite.offer.dismiss")}
        </Button>
      </Group>
    </Alert>
  );
}
