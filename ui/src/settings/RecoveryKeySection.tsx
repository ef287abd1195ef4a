import { Alert, Button, Checkbox, Group, Modal, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasRecoveryKey, newRecoveryKey, type RecoveryKey } from "../api";
import { useCan } from "../app/session";
import "../vault/print.css";

export const RECOVERY_KEY_KEY = ["has_recovery_key"] as const;

/**
 * The organisation recovery key (administrators only): whether there is one — a registry from
 * before users has none, which is said plainly — and making a new one, after a confirmation
 * that the old one stops working. The new key is shown once, to print, and the dialog closes
 * only once someone ticks that they kept it.
 */
export function RecoveryKeySection() {
  const isAdmin = useCan("admin");
  return isAdmin ? <RecoveryKeyPanel /> : null;
}

function RecoveryKeyPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const has = useQuery({ queryKey: RECOVERY_KEY_KEY, queryFn: hasRecoveryKey });
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<RecoveryKey | null>(null);
  const make = useMutation({
    mutationFn: newRecoveryKey,
    onSuccess: (key) => {
      setConfirming(false);
      setShown(key);
      void client.invalidateQueries({ queryKey: RECOVERY_KEY_KEY });
    },
  });
  const exists = has.data === true;
  return (
    <Stack gap="sm" data-testid="recovery-key-section">
      <Title order={2} size="h4">
        {t("recoveryKey.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("recoveryKey.description")}
      </Text>
      {has.isError && (
        <Alert color="red" title={t(`errorKind.${has.error.kind}`)}>
          {has.error.message}
        </Alert>
      )}
      {has.data === false && (
        <Alert
          color="orange"
          title={t("recoveryKey.missingTitle")}
          data-testid="recovery-key-missing"
        >
          {t("recoveryKey.missing")}
        </Alert>
      )}
      {exists && (
        <Text size="sm" data-testid="recovery-key-present">
          {t("recoveryKey.present")}
        </Text>
      )}
      {make.error && !confirming && (
        <Alert color="red" title={t(`errorKind.${make.error.kind}`)}>
          {make.error.message}
        </Alert>
      )}
      {has.data !== undefined && (
        <Group>
          <Button
            variant={exists ? "default" : "filled"}
            onClick={() => (exists ? setConfirming(true) : make.mutate())}
            loading={make.isPending && !confirming}
            data-testid="recovery-key-make"
          >
            {exists ? t("recoveryKey.regenerate") : t("recoveryKey.create")}
          </Button>
        </Group>
      )}

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("recoveryKey.confirmTitle")}
      >
        <Stack gap="md">
          <Alert color="orange" data-testid="recovery-key-confirm-text">
            {t("recoveryKey.confirm")}
          </Alert>
          {make.error && (
            <Alert color="red" title={t(`errorKind.${make.error.kind}`)}>
              {make.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => setConfirming(false)}
              data-testid="recovery-key-confirm-cancel"
            >
              {t("recoveryKey.cancel")}
            </Button>
            <Button
              color="red"
              onClick={() => make.mutate()}
              loading={make.isPending}
              data-testid="recovery-key-confirm-submit"
            >
              {t("recoveryKey.confirmSubmit")}
            </Button>
          </Group>
        </Stack>
      </Modal>

      {shown && <ShownOnce recoveryKey={shown} onClose={() => setShown(null)} />}
    </Stack>
  );
}

/** The new key, once: print it, tick 保管しました, close. Nothing keeps it afterwards. */
function ShownOnce({ recoveryKey, onClose }: { recoveryKey: RecoveryKey; onClose: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <Modal
      opened
      onClose={() => {
        if (stored) onClose();
      }}
      title={t("recoveryKey.shownTitle")}
      size="lg"
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      <Stack gap="md" data-testid="recovery-key-shown">
        <Alert color="orange">{t("recoveryKey.shownOnce")}</Alert>
        <Paper withBorder p="md" className="recovery-sheet">
          <Stack gap="xs" align="center">
            <Text fw={700}>{t("recoveryKey.sheetTitle")}</Text>
            <Text
              ff="monospace"
              fz={22}
              fw={700}
              ta="center"
              style={{ letterSpacing: "0.06em", wordBreak: "break-word", userSelect: "all" }}
              data-testid="recovery-key-value"
            >
              {recoveryKey.key}
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              {t("recoveryKey.sheetNote")}
            </Text>
          </Stack>
        </Paper>
        <Group justify="space-between">
          <Button variant="default" onClick={() => window.print()} data-testid="recovery-key-print">
            {t("recoveryKey.print")}
          </Button>
          <Group gap="md">
            <Checkbox
              label={t("recoveryKey.stored")}
              checked={stored}
              onChange={(e) => setStored(e.currentTarget.checked)}
              data-testid="recovery-key-stored"
            />
            <Button disabled={!stored} onClick={onClose} data-testid="recovery-key-close">
              {t("recoveryKey.close")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
