import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AppStatus, appStatus, setLanguage } from "../api";
import { currentLang } from "../i18n";

export const STATUS_KEY = ["app_status"] as const;

/**
 * The vault state decides which page is shown. Messages in the status (a `problem`) come from the
 * core in the language last set, so the language is sent first, every time the status is read.
 */
export function useAppStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: async () => {
      await setLanguage(currentLang());
      return appStatus();
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Shows the page for a new vault state. Locking also forgets every cached answer from the vault. */
export function useApplyStatus(): (status: AppStatus) => void {
  const client = useQueryClient();
  return (status) => applyStatus(client, status);
}

function applyStatus(client: QueryClient, status: AppStatus): void {
  if (status.state !== "unlocked") forgetVaultData(client);
  client.setQueryData(STATUS_KEY, status);
}

/** Drops every cached answer that came out of the vault, so nothing of it stays in memory. */
export function forgetVaultData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_KEY[0] });
}
