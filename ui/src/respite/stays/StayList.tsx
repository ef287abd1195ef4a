import { Alert, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError, Booking } from "../../api";
import { useChildStays } from "../useRespite";
import { BookingRow } from "./BookingRow";
import { MoveButtons } from "./MoveButtons";
import { OfferAlert } from "./OfferAlert";

/**
 * A child's respite stays at every facility, the latest first, with the moves each allows; after
 * a confirmed stay is cancelled, the offer of the freed bed to the first one waiting.
 */
export function StayList({ childId, title }: { childId: string; title?: string }) {
  const { t } = useTranslation();
  const stays = useChildStays(childId);
  const [offer, setOffer] = useState<Booking | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  return (
    <Stack gap={4} data-testid="respite-stays">
      {title && (
        <Title order={3} size="h5" mt="sm">
          {title}
        </Title>
      )}
      {offer && <OfferAlert offer={offer} onDone={() => setOffer(null)} />}
      {problem && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
          {problem.message}
        </Alert>
      )}
      {stays.isError && <Alert color="red">{stays.error.message}</Alert>}
      {stays.isSuccess && stays.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("respite.stays.empty")}
        </Text>
      )}
      {stays.data?.map((booking) => (
        <BookingRow key={booking.id} booking={booking} who="facility" testId="respite-stay">
          <MoveButtons
            booking={booking}
            onMoved={(saved) => {
              setProblem(null);
              setOffer(saved.offer);
            }}
            onError={setProblem}
          />
        </BookingRow>
      ))}
    </Stack>
  );
}
