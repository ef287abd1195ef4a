import { Alert, Button, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api";
import { AUTO_LOCK_KEY, type AutoLockSettings, autoLockSettings, setAutoLockMinutes } from "../api";
import { useCan } from "../app/session";

/**
 * The office's auto-lock time: an administrator sets it (1 to 240 minutes, checked by the core);
 * everyone else reads it.
 */
export function AutoLockSection() {
  const { t } = useTranslation();
  const admin = useCan("admin");
  const settings = useQuery({
    queryKey: AUTO_LOCK_KEY,
    queryFn: autoLockSettings,
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <Stack gap="xs" align="flex-start" data-testid="auto-lock-section">
      <Title order={2} size="h4">
        {t("autoLockSettings.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("autoLockSettings.description")}
      </Text>
      {settings.isError && (
        <Alert color="red" title={t("autoLockSettings.loadError")}>
          {settings.error.message}
        </Alert>
      )}
      {settings.data &&
        (admin ? (
          <MinutesForm settings={settings.data} />
        ) : (
          <Stack gap={2}>
            <Text size="sm" data-testid="auto-lock-minutes-text">
              {t("autoLockSettings.readOnly", { minutes: settings.data.minutes })}
            </Text>
            <Text size="xs" c="dimmed">
              {t("autoLockSettings.adminOnly")}
            </Text>
          </Stack>
        ))}
    </Stack>
  );
}

function MinutesForm({ settings }: { settings: AutoLockSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [minutes, setMinutes] = useState<number | string>(settings.minutes);
  const [saved, setSaved] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () => setAutoLockMinutes(Number(minutes)),
    onMutate: () => setSaved(null),
    onSuccess: (kept) => {
      setSaved(kept);
      // The idle timer reads the new time from the same query.
      void client.invalidateQueries({ queryKey: AUTO_LOCK_KEY });
    },
  });
  const error: ApiError | null = save.error;
  const fieldError = error?.kind === "validation" && error.field === "minutes" ? error : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Group align="flex-start" gap="sm">
        <NumberInput
          label={t("autoLockSettings.minutes")}
          rightSection={
            <Text size="sm" c="dimmed" pr="xs">
              {t("autoLockSettings.unit")}
            </Text>
          }
          rightSectionWidth={40}
          w={180}
          min={1}
          max={240}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          hideControls
          value={minutes}
          onChange={(value) => {
            setMinutes(value);
            setSaved(null);
          }}
          error={fieldError?.message}
          data-testid="auto-lock-minutes"
        />
        <Button type="submit" mt={25} loading={save.isPending} data-testid="auto-lock-save">
          {t("autoLockSettings.save")}
        </Button>
      </Group>
      {saved !== null && (
        <Text size="sm" c="teal" mt="xs" data-testid="auto-lock-saved">
          {t("autoLockSettings.saved", { minutes: saved })}
        </Text>
      )}
      {error && !fieldError && (
        <Alert color="red" mt="xs" data-testid="auto-lock-error">
          {error.message}
        </Alert>
      )}
    </form>
  );
}
