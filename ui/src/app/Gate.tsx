import { Center, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Shell } from "../shell/Shell";
import { SetupPage } from "../vault/SetupPage";
import { UnlockPage } from "../vault/UnlockPage";
import { ProblemPage } from "./ProblemPage";
import { useAppStatus } from "./status";

/** Chooses the page from the vault state: a problem, first run, locked, or the app itself. */
export function Gate() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const retry = () => void status.refetch();

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
      return <SetupPage />;
    case "locked":
      return <UnlockPage />;
    case "unlocked":
      return <Shell dataDir={data_dir} />;
  }
}
