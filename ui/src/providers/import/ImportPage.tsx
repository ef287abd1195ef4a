import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type ApiError,
  cancelImport,
  chooseImportFile,
  type Encoding,
  type ImportMode,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  type Lang,
  previewImportFile,
  runImport,
} from "../../api";
import { WriteAction } from "../../users/WriteAction";
import { PROVIDERS_KEY } from "../useProvider";
import { ImportReportView } from "./ImportReportView";
import { MappingTable } from "./MappingTable";
import { type ColumnFields, fieldsOf, mappingWith } from "./mapping";

const ENCODINGS: Encoding[] = ["auto", "utf8", "sjis"];

function Step({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * A running dry run or import: how far it has read (bytes of a CSV as a bar, rows of an XLSX
 * as a count) and the way to stop it.
 */
function RunningImport({
  progress,
  stopping,
  onStop,
}: {
  progress: ImportProgress | null;
  stopping: boolean;
  onStop: () => void;
}) {
  const { t, i18n } = useTranslation();
  const percent =
    progress?.total != null && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  const label =
    percent != null
      ? t("providerImport.progressPercent", { percent })
      : progress
        ? t("providerImport.progressRows", { rows: progress.done.toLocaleString(i18n.language) })
        : t("providerImport.running");
  return (
    <Stack gap={6} data-testid="import-running">
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Loader size="sm" />
          <Text size="sm" data-testid="import-progress-label">
            {stopping ? t("providerImport.stopping") : label}
          </Text>
        </Group>
        <Button
          variant="default"
          size="xs"
          onClick={onStop}
          disabled={stopping}
          data-testid="import-cancel"
        >
          {t("providerImport.cancel")}
        </Button>
      </Group>
      {percent != null && (
        <Progress value={percent} size="lg" aria-label={label} data-testid="import-progress" />
      )}
    </Stack>
  );
}

/**
 * Providers from a file: choose it (native dialog, the path stays in the core), check the column
 * mapping, a dry run with the counts and problems, then the good rows or all rows or none.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [encoding, setEncoding] = useState<Encoding>("auto");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [fields, setFields] = useState<ColumnFields>([]);
  const [dryRun, setDryRun] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The mapping changed after a dry run: its counts no longer hold.
  const [stale, setStale] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // The last run was stopped by the person: nothing was written, they may run it again.
  const [cancelled, setCancelled] = useState(false);

  const showPreview = (next: ImportPreview) => {
    setPreview(next);
    setFields(fieldsOf(next));
    setDryRun(null);
    setResult(null);
    setStale(false);
  };

  const choose = useMutation({
    mutationFn: chooseImportFile,
    onMutate: () => setError(null),
    onSuccess: (next) => {
      if (next) showPreview(next);
    },
    onError: setError,
  });
  const reread = useMutation({
    mutationFn: previewImportFile,
    onMutate: () => setError(null),
    onSuccess: showPreview,
    onError: setError,
  });
  const run = useMutation({
    mutationFn: (mode: ImportMode) => {
      if (!preview) throw new Error("no file chosen");
      return runImport(
        {
          encoding,
          mapping: mappingWith(preview, fields),
          mode,
          lang: (i18n.language === "en" ? "en" : "ja") satisfies Lang,
        },
        setProgress,
      );
    },
    onMutate: () => {
      setError(null);
      setProgress(null);
      setCancelled(false);
    },
    onSuccess: (report, mode) => {
      if (report.cancelled) {
        setCancelled(true);
        return;
      }
      if (mode === "dry_run") {
        setDryRun(report);
        setStale(false);
        return;
      }
      setResult(report);
      if (report.applied) void client.invalidateQueries({ queryKey: PROVIDERS_KEY });
    },
    onError: setError,
  });

  const stop = useMutation({ mutationFn: cancelImport, onError: setError });
  const start = (mode: ImportMode) => {
    stop.reset();
    run.mutate(mode);
  };

  const busy = choose.isPending || reread.isPending || run.isPending;

  const changeEncoding = (next: Encoding) => {
    setEncoding(next);
    if (preview) reread.mutate(next);
  };

  const changeField = (index: number, field: string | null) => {
    setFields((current) => current.map((value, i) => (i === index ? field : value)));
    if (dryRun) setStale(true);
    setDryRun(null);
  };

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">
          {t("providerImport.title")}
        </Title>
        <Anchor component={Link} to="/providers" size="sm">
          {t("providerImport.backToList")}
        </Anchor>
      </Group>
      <Text size="sm" c="dimmed">
        {t("providerImport.intro")}
      </Text>

      {error && (
        <Alert color="red" title={t("providerImport.errorTitle")} data-testid="import-error">
          {error.message}
        </Alert>
      )}

      <Step title={t("providerImport.step1")}>
        <Group align="flex-end" gap="md" wrap="wrap">
          <WriteAction>
            <Button
              onClick={() => choose.mutate(encoding)}
              loading={choose.isPending}
              disabled={busy && !choose.isPending}
              variant={preview ? "default" : "filled"}
              data-testid="import-choose"
            >
              {preview ? t("providerImport.chooseAnother") : t("providerImport.choose")}
            </Button>
          </WriteAction>
          <NativeSelect
            label={t("providerImport.encoding")}
            data={ENCODINGS.map((value) => ({
              value,
              label: t(`providerImport.encodingOption.${value}`),
            }))}
            value={encoding}
            disabled={busy || result !== null}
            onChange={(event) => changeEncoding(event.currentTarget.value as Encoding)}
            data-testid="import-encoding"
            w={160}
          />
        </Group>
        {preview ? (
          <Group gap="xl" wrap="wrap">
            <Text size="sm">
              {t("providerImport.fileName")}:{" "}
              <Text component="span" fw={700} data-testid="import-file-name">
                {preview.file_name}
              </Text>
            </Text>
            <Text size="sm">
              {t("providerImport.format")}:{" "}
              <Text component="span" fw={700} data-testid="import-format">
                {t(`providerImport.formatName.${preview.format}`)}
              </Text>
            </Text>
            <Text size="sm" c="dimmed" data-testid="import-layout">
              {t(`providerImport.layout.${preview.mapping.layout}`)}
            </Text>
          </Group>
        ) : (
          <EmptyState
            py="lg"
            title={t("providerImport.emptyTitle")}
            description={t("providerImport.emptyHint")}
            data-testid="import-empty"
          />
        )}
      </Step>

      {preview && (
        <Step title={t("providerImport.step2")}>
          <Text size="sm" c="dimmed">
            {t("providerImport.mappingHint")}
          </Text>
          <MappingTable
            preview={preview}
            fields={fields}
            onChange={changeField}
            disabled={busy || result !== null}
          />
        </Step>
      )}

      {preview && (
        <Step title={t("providerImport.step3")}>
          <Group gap="md" align="center">
            <Button
              onClick={() => start("dry_run")}
              loading={run.isPending && run.variables === "dry_run"}
              disabled={busy || result !== null}
              data-testid="import-dry-run"
            >
              {t("providerImport.dryRun")}
            </Button>
            <Text size="sm" c="dimmed">
              {dryRun || run.isPending
                ? ""
                : stale
                  ? t("providerImport.dryRunStale")
                  : t("providerImport.dryRunHint")}
            </Text>
          </Group>
          {run.isPending ? (
            <RunningImport
              progress={progress}
              stopping={stop.isPending || stop.isSuccess}
              onStop={() => stop.mutate()}
            />
          ) : (
            busy && (
              <Group gap="xs" data-testid="import-running">
                <Loader size="sm" />
                <Text size="sm">{t("providerImport.running")}</Text>
              </Group>
            )
          )}
          {cancelled && !run.isPending && (
            <Alert color="orange" data-testid="import-cancelled">
              {t("providerImport.resultCancelled")}
            </Alert>
          )}
          {dryRun && <ImportReportView report={dryRun} />}
        </Step>
      )}

      {preview && dryRun && (
        <Step title={t("providerImport.step4")}>
          {result ? (
            <Alert
              color={result.applied ? "teal" : "orange"}
              title={t("providerImport.resultTitle")}
              data-testid="import-result"
            >
              <Stack gap="sm">
                {result.cancelled ? (
                  <Text size="sm">{t("providerImport.resultCancelled")}</Text>
                ) : (
                  !result.applied && <Text size="sm">{t("providerImport.resultNothing")}</Text>
                )}
                <ImportReportView report={result} />
                <Button
                  component={Link}
                  to="/providers"
                  variant="default"
                  w="fit-content"
                  data-testid="import-back"
                >
                  {t("providerImport.backToList")}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Group gap="lg" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Button
                  onClick={() => start("good_rows")}
                  loading={run.isPending && run.variables === "good_rows"}
                  disabled={busy}
                  data-testid="import-good-rows"
                >
                  {t("providerImport.goodRows")}
                </Button>
                <Text size="xs" c="dimmed">
                  {t("providerImport.goodRowsHint")}
                </Text>
              </Stack>
              <Stack gap={4}>
                <Button
                  onClick={() => start("all_or_nothing")}
                  loading={run.isPending && run.variables === "all_or_nothing"}
                  disabled={busy}
                  variant="default"
                  data-testid="import-all-or-nothing"
                >
                  {t("providerImport.allOrNothing")}
                </Button>
                <Text size="xs" c="dimmed">
                  {t("providerImport.allOrNothingHint")}
                </Text>
              </Stack>
            </Group>
          )}
        </Step>
      )}
    </Stack>
  );
}
