import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  NumberInput,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApiError,
  type BackupDone,
  type BackupInfo,
  type BackupProgress,
  type BackupSchedule,
  backupNow,
  cancelBackup,
  listBackups,
  type RestoreReport,
  restoreBackup,
  setBackupSchedule,
} from "../api";
import { STATUS_KEY } from "../app/status";
import { formatDateTime } from "../cases/dates";
import { WriteAction } from "../users/WriteAction";

export const BACKUPS_KEY = ["backups"] as const;

/** The intervals offered for automatic backups, in hours (0 = off). */
const INTERVALS = [0, 1, 6, 12, 24, 72, 168] as const;

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * The backup panel of the settings: when the last backup was made, 今すぐバックアップ with
 * progress and 中止, the generations in the backup folder, the schedule (interval, generations
 * kept), and 復元… behind a confirmation. After a restore every cached answer is dropped and
 * read again from the restored database.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: BACKUPS_KEY, queryFn: listBackups });
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [done, setDone] = useState<BackupDone | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The backup to restore once confirmed: a file name, or null for "choose a file".
  const [confirming, setConfirming] = useState<{ name: string | null } | null>(null);
  const [restored, setRestored] = useState<RestoreReport | null>(null);

  const run = useMutation({
    mutationFn: () => backupNow(setProgress),
    onMutate: () => {
      setError(null);
      setDone(null);
      setCancelled(false);
      setRestored(null);
      setProgress(null);
    },
    onSuccess: (result) => {
      if (result) setDone(result);
      else setCancelled(true);
      void client.invalidateQueries({ queryKey: BACKUPS_KEY });
    },
    onError: setError,
  });
  const stop = useMutation({ mutationFn: cancelBackup, onError: setError });

  const restore = useMutation({
    mutationFn: (name: string | null) => restoreBackup({ name }),
    onMutate: () => {
      setError(null);
      setDone(null);
      setRestored(null);
      setConfirming(null);
    },
    onSuccess: (report) => {
      if (!report) return;
      setRestored(report);
      // Everything shown came from the previous database: read it all again.
      void client.resetQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
    },
    onError: (e: ApiError) => {
      setError(e);
      // A failed switch leaves the registry locked: the status then shows the unlock page.
      void client.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });

  const data = list.data;
  return (
    <Stack gap="sm" data-testid="backup-section">
      <Title order={2} size="h4">
        {t("backup.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("backup.description")}
      </Text>
      {list.isError && (
        <Alert color="red" data-testid="backup-list-error">
          {(list.error as unknown as ApiError).message ?? String(list.error)}
        </Alert>
      )}
      {data && (
        <>
          <Text size="sm" data-testid="backup-last">
            {data.last_backup_at
              ? t("backup.last", { at: formatDateTime(data.last_backup_at) })
              : t("backup.none")}
          </Text>
          <Text size="xs" c="dimmed" data-testid="backup-dir">
            {t("backup.dir", { dir: data.dir })}
          </Text>
          {data.last_auto_error && (
            <Alert color="orange" data-testid="backup-auto-error">
              {t("backup.autoFailed", { message: data.last_auto_error.message })}
            </Alert>
          )}
        </>
      )}

      {run.isPending ? (
        <RunningBackup
          progress={progress}
          stopping={stop.isPending || stop.isSuccess}
          onStop={() => stop.mutate()}
        />
      ) : (
        <Group gap="sm">
          <WriteAction need="admin">
            <Button
              onClick={() => {
                stop.reset();
                run.mutate();
              }}
              disabled={restore.isPending}
              data-testid="backup-now"
            >
              {t("backup.now")}
            </Button>
          </WriteAction>
          <WriteAction need="admin">
            <Button
              variant="default"
              onClick={() => setConfirming({ name: null })}
              disabled={restore.isPending}
              data-testid="backup-restore-file"
            >
              {t("backup.restoreFromFile")}
            </Button>
          </WriteAction>
        </Group>
      )}
      {restore.isPending && (
        <Group gap="xs" data-testid="backup-restoring">
          <Loader size="sm" />
          <Text size="sm">{t("backup.restoring")}</Text>
        </Group>
      )}
      {done && (
        <Alert color="teal" data-testid="backup-done">
          {t("backup.done", {
            name: done.backup.name,
            size: megabytes(done.backup.size_bytes),
          })}
          {done.removed.length > 0 && ` ${t("backup.removed", { count: done.removed.length })}`}
        </Alert>
      )}
      {cancelled && (
        <Alert color="orange" data-testid="backup-cancelled">
          {t("backup.cancelled")}
        </Alert>
      )}
      {restored && (
        <Alert color="teal" data-testid="backup-restored">
          {t("backup.restored", {
            name: restored.backup,
            rows: restored.rows.toLocaleString(),
            kept: restored.previous_kept_as ?? "",
          })}
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="backup-error">
          {error.message}
        </Alert>
      )}

      {data && (
        <Generations
          backups={data.backups}
          disabled={run.isPending || restore.isPending}
          onRestore={(name) => setConfirming({ name })}
        />
      )}
      {data && <ScheduleForm schedule={data.schedule} />}

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t("backup.confirmTitle")}
        size="md"
      >
        <Stack gap="md">
          <Text size="sm" data-testid="backup-confirm-text">
            {confirming?.name
              ? t("backup.confirmNamed", { name: confirming.name })
              : t("backup.confirmFile")}
          </Text>
          <Alert color="orange" data-testid="backup-confirm-kept">
            {t("backup.confirmKept")}
          </Alert>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => setConfirming(null)}
              data-testid="backup-confirm-cancel"
            >
              {t("backup.cancel")}
            </Button>
            <Button
              color="red"
              onClick={() => restore.mutate(confirming?.name ?? null)}
              data-testid="backup-confirm-restore"
            >
              {t("backup.confirmRestore")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function RunningBackup({
  progress,
  stopping,
  onStop,
}: {
  progress: BackupProgress | null;
  stopping: boolean;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const percent =
    progress && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  const label = stopping
    ? t("backup.stopping")
    : percent != null
      ? t("backup.progress", { percent })
      : t("backup.running");
  return (
    <Stack gap={6} data-testid="backup-running">
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Loader size="sm" />
          <Text size="sm" data-testid="backup-progress-label">
            {label}
          </Text>
        </Group>
        <Button
          variant="default"
          size="xs"
          onClick={onStop}
          disabled={stopping}
          data-testid="backup-cancel"
        >
          {t("backup.stop")}
        </Button>
      </Group>
      {percent != null && (
        <Progress value={percent} size="lg" aria-label={label} data-testid="backup-progress" />
      )}
    </Stack>
  );
}

function Generations({
  backups,
  disabled,
  onRestore,
}: {
  backups: BackupInfo[];
  disabled: boolean;
  onRestore: (name: string) => void;
}) {
  const { t } = useTranslation();
  if (backups.length === 0) return null;
  return (
    <Table striped withTableBorder data-testid="backup-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("backup.when")}</Table.Th>
          <Table.Th>{t("backup.size")}</Table.Th>
          <Table.Th>{t("backup.check")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name} data-testid="backup-row">
            <Table.Td>
              {/* Office time (UTC+9), as in the file name under it, whatever this PC's zone. */}
              <Text size="sm">{b.created_at ? formatDateTime(b.created_at) : b.name}</Text>
              <Text size="xs" c="dimmed">
                {b.name}
              </Text>
            </Table.Td>
            <Table.Td>{megabytes(b.size_bytes)}</Table.Td>
            <Table.Td>
              {b.verified ? (
                <Badge color="teal" variant="light">
                  {t("backup.verified")}
                </Badge>
              ) : (
                <Badge color="orange" variant="light">
                  {t("backup.unverified")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <WriteAction need="admin">
                <Button
                  size="xs"
                  variant="default"
                  disabled={disabled}
                  onClick={() => onRestore(b.name)}
                  data-testid={`backup-restore-${b.name}`}
                >
                  {t("backup.restore")}
                </Button>
              </WriteAction>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ScheduleForm({ schedule }: { schedule: BackupSchedule }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [everyHours, setEveryHours] = useState(schedule.every_hours);
  const [keep, setKeep] = useState<number | string>(schedule.keep);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => setBackupSchedule({ every_hours: everyHours, keep: Number(keep) }),
    onMutate: () => setSaved(false),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: BACKUPS_KEY });
    },
  });
  useEffect(() => {
    setEveryHours(schedule.every_hours);
    setKeep(schedule.keep);
  }, [schedule]);
  const failure = save.error as ApiError | null;
  // A refusal of one field marks it and is said under the row, naming the field: said inside the
  // narrow field it would wrap and push the row out of line.
  const fieldLabel =
    failure?.field === "every_hours"
      ? t("backup.interval")
      : failure?.field === "keep"
        ? t("backup.keep")
        : null;
  const intervals: number[] = INTERVALS.includes(everyHours as (typeof INTERVALS)[number])
    ? [...INTERVALS]
    : [...INTERVALS, everyHours];
  return (
    <Stack gap="xs" data-testid="backup-schedule">
      <Title order={3} size="h5">
        {t("backup.scheduleTitle")}
      </Title>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t("backup.interval")}
          value={String(everyHours)}
          onChange={(e) => setEveryHours(Number(e.currentTarget.value))}
          data={intervals.map((h) => ({
            value: String(h),
            label: h === 0 ? t("backup.intervalOff") : t("backup.intervalHours", { count: h }),
          }))}
          error={failure?.field === "every_hours"}
          data-testid="backup-interval"
        />
        <NumberInput
          label={t("backup.keep")}
          value={keep}
          onChange={setKeep}
          min={1}
          max={100}
          allowDecimal={false}
          clampBehavior="none"
          w={140}
          error={failure?.field === "keep"}
          data-testid="backup-keep"
        />
        <WriteAction need="admin">
          <Button
            variant="default"
            onClick={() => save.mutate()}
            loading={save.isPending}
            data-testid="backup-schedule-save"
          >
            {t("backup.saveSchedule")}
          </Button>
        </WriteAction>
      </Group>
      {saved && (
        <Text size="sm" c="teal" data-testid="backup-schedule-saved">
          {t("backup.scheduleSaved")}
        </Text>
      )}
      {failure && fieldLabel && (
        <Text size="sm" c="red" data-testid="backup-schedule-field-error">
          {t("backup.fieldError", { field: fieldLabel, message: failure.message })}
        </Text>
      )}
      {failure && !fieldLabel && (
        <Alert color="red" data-testid="backup-schedule-error">
          {failure.message}
        </Alert>
      )}
    </Stack>
  );
}
