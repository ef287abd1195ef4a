import { Alert, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../api";
import { formatDateTime } from "../../cases/dates";
import { useWaitlist } from "../useRespite";
import { BookingRow } from "./BookingRow";
import { MoveButtons } from "./MoveButtons";

/** The facility's waiting requests in the order they were asked; the first is offered first. */
export function Waitlist({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const waitlist = useWaitlist(facilityId);
  const [problem, setProblem] = useState<ApiError | null>(null);
  return (
    <Stack gap={4} data-testid="respite-waitlist">
      <Title order={2} size="h4">
        {t("respite.waitlist.title")}
      </Title>
      {problem && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
          {problem.message}
        </Alert>
      )}
      {waitlist.isError && <Alert color="red">{waitlist.error.message}</Alert>}
      {waitlist.isSuccess && waitlist.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("respite.waitlist.empty")}
        </Text>
      )}
      {waitlist.data?.map((booking, i) => (
        <BookingRow key={booking.id} booking={booking} who="child" testId="respite-waiting">
          <Text size="xs" c="dimmed">
            {i + 1}.{" "}
            {t("respite.waitlist.requestedAt", { at: formatDateTime(booking.requested_at) })}
          </Text>
          <MoveButtons booking={booking} onMoved={() => setProblem(null)} onError={setProblem} />
        </BookingRow>
      ))}
    </Stack>
  );
}
