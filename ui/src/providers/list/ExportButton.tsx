import { Alert, Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApiError,
  type CsvEncoding,
  type ExportDone,
  type ExportFormat,
  exportDirectory,
} from "../../api";
import { WriteAction } from "../../users/WriteAction";

type Audience = "public" | "internal";

/** The formats each audience has, in the order offered (the core refuses any other pair). */
const FORMATS: Record<Audience, ExportFormat[]> = {
  public: ["csv", "html", "kml", "geojson"],
  internal: ["csv", "xlsx"],
};
const ENCODINGS: CsvEncoding[] = ["utf8_bom", "shift_jis"];

/**
 * 「書き出し」: the whole directory, for the office (every field, CSV or XLSX) or for the public
 * (only what each provider consented to publish: CSV, a web page, map files). The file is saved
 * where the person chooses in the native dialog.
 */
export function ExportButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [audience, setAudience] = useState<Audience>("public");
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [encoding, setEncoding] = useState<CsvEncoding>("utf8_bom");
  const [done, setDone] = useState<ExportDone | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const save = useMutation({
    mutationFn: () => exportDirectory({ public: audience === "public", format, encoding }),
    onMutate: () => {
      setError(null);
      setDone(null);
    },
    onSuccess: (answer) => {
      if (answer) setDone(answer);
    },
    onError: setError,
  });

  const changeAudience = (next: Audience) => {
    setAudience(next);
    if (!FORMATS[next].includes(format)) setFormat("csv");
    setDone(null);
  };

  const reopen = () => {
    setDone(null);
    setError(null);
    open();
  };

  return (
    <>
      <WriteAction>
        <Button variant="default" onClick={reopen} data-testid="export-open">
          {t("providerExport.open")}
        </Button>
      </WriteAction>
      <Modal
        opened={opened}
        onClose={close}
        title={t("providerExport.title")}
        size="lg"
        closeButtonProps={{ "aria-label": t("providerExport.close") }}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t("providerExport.intro")}
            </Text>
            <Radio.Group
              label={t("providerExport.audience")}
              value={audience}
              onChange={(value) => changeAudience(value as Audience)}
            >
              <Stack gap="xs" mt={6}>
                {(["public", "internal"] as const).map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`providerExport.audienceOption.${value}`)}
                    description={t(`providerExport.audienceHint.${value}`)}
                    data-testid={`export-audience-${value}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Radio.Group
              label={t("providerExport.format")}
              value={format}
              onChange={(value) => setFormat(value as ExportFormat)}
            >
              <Stack gap="xs" mt={6}>
                {FORMATS[audience].map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`providerExport.formatOption.${value}`)}
                    description={t(`providerExport.formatHint.${value}`)}
                    data-testid={`export-format-${value}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {format === "csv" && (
              <Radio.Group
                label={t("providerExport.encoding")}
                value={encoding}
                onChange={(value) => setEncoding(value as CsvEncoding)}
              >
                <Group gap="lg" mt={6}>
                  {ENCODINGS.map((value) => (
                    <Radio
                      key={value}
                      value={value}
                      label={t(`providerExport.encodingOption.${value}`)}
                      data-testid={`export-encoding-${value}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
            )}
            {error && (
              <Alert color="red" title={t("providerExport.errorTitle")} data-testid="export-error">
                {error.message}
              </Alert>
            )}
            {done && <ExportResult done={done} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t("providerExport.close")}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="export-save">
                {t("providerExport.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function ExportResult({ done }: { done: ExportDone }) {
  const { t, i18n } = useTranslation();
  const { summary } = done;
  const count = (n: number) => n.toLocaleString(i18n.language);
  return (
    <Alert color="teal" title={t("providerExport.doneTitle")} data-testid="export-done">
      <Stack gap={4}>
        <Text size="sm">
          {t("providerExport.done", {
            kind: t(`providerExport.audienceOption.${summary.public ? "public" : "internal"}`),
            format: t(`providerExport.formatOption.${summary.format}`),
            file: done.file_name,
            count: count(summary.providers),
          })}
        </Text>
        {summary.not_public > 0 && (
          <Text size="sm" data-testid="export-not-public">
            {t("providerExport.notPublic", { count: count(summary.not_public) })}
          </Text>
        )}
        {summary.left_out > 0 && (
          <Text size="sm" data-testid="export-left-out">
            {t("providerExport.leftOut", { count: count(summary.left_out) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
