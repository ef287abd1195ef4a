import { Alert, Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApiError, type CsvEncoding, exportRoster, type RosterFormat } from "../../api";

const FORMATS: RosterFormat[] = ["pdf", "csv", "xlsx"];
const ENCODINGS: CsvEncoding[] = ["utf8_bom", "shift_jis"];

type Props = {
  opened: boolean;
  municipality: string | null;
  onClose: () => void;
  onSaved: (path: string) => void;
};

/**
 * 書き出し・印刷: the roster as shown (same municipality), as a PDF to print, CSV (UTF-8 with a
 * BOM or Shift_JIS) or Excel, saved where the person chooses in the native dialog. A cancelled
 * dialog changes nothing.
 */
export function RosterExportModal({ opened, municipality, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<RosterFormat>("pdf");
  const [encoding, setEncoding] = useState<CsvEncoding>("utf8_bom");
  const [error, setError] = useState<ApiError | null>(null);

  const save = useMutation({
    mutationFn: () =>
      exportRoster({ query: { municipality_code: municipality }, format, encoding }),
    onMutate: () => setError(null),
    onSuccess: (answer) => {
      if (answer) onSaved(answer.path);
    },
    onError: setError,
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("disaster.export.title")}
      size="md"
      closeButtonProps={{ "aria-label": t("disaster.export.close") }}
    >
      <form
        data-testid="roster-export-modal"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("disaster.export.intro")}
          </Text>
          <Radio.Group
            label={t("disaster.export.format")}
            value={format}
            onChange={(value) => setFormat(value as RosterFormat)}
          >
            <Group gap="lg" mt={6}>
              {FORMATS.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`disaster.export.formatOption.${value}`)}
                  data-testid={`roster-format-${value}`}
                />
              ))}
            </Group>
          </Radio.Group>
          {format === "csv" && (
            <Radio.Group
              label={t("disaster.export.encoding")}
              value={encoding}
              onChange={(value) => setEncoding(value as CsvEncoding)}
            >
              <Group gap="lg" mt={6}>
                {ENCODINGS.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`disaster.export.encodingOption.${value}`)}
                    data-testid={`roster-encoding-${value}`}
                  />
                ))}
              </Group>
            </Radio.Group>
          )}
          {error && (
            <Alert
              color="red"
              title={t("disaster.export.errorTitle")}
              data-testid="roster-export-error"
            >
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("disaster.export.close")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="roster-export-save">
              {t("disaster.export.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
