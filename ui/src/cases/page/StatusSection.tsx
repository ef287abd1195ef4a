import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Timeline,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChildDetail, type ChildStatus, changeChildStatus } from "../../api";
import { WriteAction } from "../../users/WriteAction";
import { formatDateTime, normalizeDate, todayIso } from "../dates";
import { DateField } from "../fields/DateField";
import { nextStatuses, STATUS_COLOR } from "../status";
import { Section } from "./Section";
import { useCaseAction } from "./useCaseAction";

/** The dated status changes, newest first, and the form for the next one. */
export function StatusSection({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const history = [...detail.status_history].sort((a, b) =>
    a.date === b.date ? b.recorded_at.localeCompare(a.recorded_at) : b.date.localeCompare(a.date),
  );
  return (
    <Section title={t("casePage.statusHistory")} testId="case-status-history">
      <Stack gap="md">
        {history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("casePage.noStatusHistory")}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={0}>
            {history.map((change) => (
              <Timeline.Item
                key={`${change.recorded_at}-${change.status}`}
                color={STATUS_COLOR[change.status]}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={700}>
                      {t(`status.${change.status}`)}
                    </Text>
                    <Text size="sm">{change.date}</Text>
                  </Group>
                }
                data-testid="status-history-item"
              >
                {change.note && <Text size="sm">{change.note}</Text>}
                <Text size="xs" c="dimmed">
                  {t("casePage.recordedBy", {
                    at: formatDateTime(change.recorded_at),
                    who: change.recorded_by,
                  })}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        <StatusChangeForm detail={detail} />
      </Stack>
    </Section>
  );
}

function StatusChangeForm({ detail }: { detail: ChildDetail }) {
  const { t } = useTranslation();
  const options = nextStatuses(detail.status);
  const [status, setStatus] = useState<ChildStatus | "">("");
  const [date, setDate] = useState(todayIso);
  const [note, setNote] = useState("");
  const change = useCaseAction(detail.id, changeChildStatus);
  const error = change.error;
  const at = (field: string) => (error?.field === field ? error.message : undefined);
  const elsewhere = error && !["status", "date", "note"].includes(error.field ?? "");

  if (options.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="status-final">
        {t("casePage.statusFinal", { status: t(`status.${detail.status}`) })}
      </Text>
    );
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (status === "") return;
        change.mutate(
          {
            id: detail.id,
            row_version: detail.row_version,
            status,
            date: normalizeDate(date),
            note: note.trim(),
          },
          {
            onSuccess: () => {
              setStatus("");
              setNote("");
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t("casePage.changeStatus")}
        </Text>
        <Group align="flex-start" gap="sm">
          <NativeSelect
            w={200}
            label={t("casePage.newStatus")}
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as ChildStatus | "")}
            data={[
              { value: "", label: t("casePage.choose") },
              ...options.map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
            error={at("status")}
            data-testid="status-change-select"
          />
          <DateField
            w={160}
            label={t("casePage.statusDate")}
            value={date}
            onChange={setDate}
            error={at("date")}
            data-testid="status-change-date"
          />
        </Group>
        <TextInput
          label={t("casePage.statusNote")}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={at("note")}
          data-testid="status-change-note"
        />
        {elsewhere && (
          <Alert color="red" title={t("casePage.actionError")}>
            {error.message}
          </Alert>
        )}
        <Group>
          <WriteAction>
            <Button
              type="submit"
              disabled={status === ""}
              loading={change.isPending}
              data-testid="status-change-submit"
            >
              {t("casePage.submitStatus")}
            </Button>
          </WriteAction>
        </Group>
      </Stack>
    </form>
  );
}
