import { Center, Loader, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SetupAnswer } from "../api";
import { Shell } from "../shell/Shell";
import { LockScreen } from "../vault/LockScreen";
import { RecoveryKeyPage } from "../vault/RecoveryKeyPage";
import { SetupPage } from "../vault/SetupPage";
import { ProblemPage } from "./ProblemPage";
import { useApplyStatus, useAppStatus } from "./status";

/** Chooses the page from the vault state: a problem, first run, locked, or the app itself. */
export function Gate() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const applyStatus = useApplyStatus();
  // Right after setup the recovery key is shown once, whatever the status says meanwhile (a
  // language switch reads it again); it lives in this state only and is dropped on leaving.
  const [created, setCreated] = useState<SetupAnswer | null>(null);
  const retry = () => void status.refetch();

  if (created) {
    return (
      <RecoveryKeyPage
        recoveryKey={created.recovery_key.key}
        dataDir={created.status.data_dir}
        onDone={() => {
          setCreated(null);
          applyStatus(created.status);
        }}
      />
    );
  }

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Loader />
          <Text c="dimmed">{t("app.loading")}</Text>
        </Stack>
      </Center>
    );
  }
  if (status.isError) {
    return <ProblemPage problem={status.error} dataDir={null} onRetry={retry} />;
  }
  const { problem, state, data_dir } = status.data;
  if (problem) return <ProblemPage problem={problem} dataDir={data_dir} onRetry={retry} />;
  switch (state) {
    case "needs_setup":
      return <SetupPage onCreated={setCreated} />;
    case "locked":
      return <LockScreen logins={status.data.logins} />;
    case "unlocked":
      return <Shell dataDir={data_dir} />;
  }
}
