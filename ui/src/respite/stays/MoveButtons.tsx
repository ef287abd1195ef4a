import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError, Booking, BookingSaved } from "../../api";
import { currentLang } from "../../i18n";
import { MOVES } from "../model";
import { useMoveBooking } from "../useRespite";

const LABEL = {
  confirmed: "respite.stays.confirm",
  completed: "respite.stays.complete",
  cancelled: "respite.stays.cancel",
  no_show: "respite.stays.noShow",
} as const;

/** The status moves a booking allows now: 確定する / 利用完了 / 取消 / 無断欠席. */
export function MoveButtons({
  booking,
  onMoved,
  onError,
}: {
  booking: Booking;
  onMoved: (saved: BookingSaved) => void;
  onError: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const move = useMoveBooking();
  return (
    <>
      {(MOVES[booking.status] ?? []).map((status) => (
        <Button
          key={status}
          size="compact-sm"
          variant={status === "confirmed" ? "filled" : status === "cancelled" ? "light" : "default"}
          color={status === "cancelled" ? "red" : undefined}
          loading={move.isPending && move.variables?.status === status}
          disabled={move.isPending}
          onClick={() =>
            move.mutate(
              {
                booking_id: booking.id,
                row_version: booking.row_version,
                status,
                reason: null,
                lang: currentLang(),
              },
              { onSuccess: onMoved, onError },
            )
          }
          data-testid={`booking-move-${status}`}
        >
          {t(LABEL[status as keyof typeof LABEL])}
        </Button>
      ))}
    </>
  );
}
