import "./print.css";
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { GatePage } from "./GatePage";

type Props = { recoveryKey: string; dataDir: string; onDone: () => void };

/**
 * Shown once, right after setup: the organisation's recovery key, to print and keep. The key
 * lives only in the props of this page (never in a query cache, storage or a log); leaving the
 * page forgets it, and the core never shows it again.
 */
export function RecoveryKeyPage({ recoveryKey, dataDir, onDone }: Props) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const [createdOn] = useState(() => new Date());
  const printButton = useRef<HTMLButtonElement>(null);

  useEffect(() => printButton.current?.focus(), []);

  return (
    <GatePage title={t("setupRecovery.title")} size={680}>
      <Text>{t("setupRecovery.explanation")}</Text>
      <RecoveryKeySheet recoveryKey={recoveryKey} dataDir={dataDir} createdOn={createdOn} />
      <Alert color="yellow" variant="light" py="xs">
        {t("setupRecovery.warning")}
      </Alert>
      <Group>
        <Button
          ref={printButton}
          variant="default"
          onClick={() => window.print()}
          data-testid="recovery-print"
        >
          {t("setupRecovery.print")}
        </Button>
      </Group>
      <Checkbox
        checked={kept}
        onChange={(event) => setKept(event.currentTarget.checked)}
        label={t("setupRecovery.kept")}
        data-testid="recovery-kept"
      />
      <Button fullWidth disabled={!kept} onClick={onDone} data-testid="recovery-done">
        {t("setupRecovery.start")}
      </Button>
    </GatePage>
  );
}

type SheetProps = { recoveryKey: string; dataDir: string; createdOn: Date };

/**
 * The part that goes on paper (see print.css): the key in groups of four, large and monospace,
 * with the date and the data folder it opens.
 */
export function RecoveryKeySheet({ recoveryKey, dataDir, createdOn }: SheetProps) {
  const { t, i18n } = useTranslation();
  const groups = recoveryKey.split("-").filter((group) => group !== "");
  const date = new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", {
    dateStyle: "long",
  }).format(createdOn);
  return (
    <Paper withBorder p="lg" bg="gray.0" className="recovery-sheet" data-testid="recovery-sheet">
      <Stack gap="sm">
        <Text fw={700}>{t("setupRecovery.sheetTitle")}</Text>
        <SimpleGrid
          cols={4}
          spacing="xs"
          verticalSpacing="xs"
          data-testid="recovery-key"
          aria-label={t("setupRecovery.keyLabel")}
        >
          {groups.map((group, index) => (
            <Box
              // The same group can occur twice in one key; its place is its identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: groups never move
              key={index}
              ff="monospace"
              fz={26}
              fw={700}
              ta="center"
              bg="white"
              py={2}
              style={{ letterSpacing: "0.12em", border: "1px solid var(--mantine-color-gray-4)" }}
            >
              {group}
            </Box>
          ))}
        </SimpleGrid>
        {/* The core writes the key in RFC 4648 base32 (keys.rs): A–Z and 2–7, no 0 or 1. */}
        <Text size="sm">{t("setupRecovery.characters")}</Text>
        <Text size="sm">{t("setupRecovery.howToUse")}</Text>
        <Text size="sm">
          {t("setupRecovery.createdOn")}
          {date}
        </Text>
        <Text size="sm">
          {t("setupRecovery.dataDir")}
          <Code>{dataDir}</Code>
        </Text>
      </Stack>
    </Paper>
  );
}
