import { useQuery } from "@tanstack/react-query";
import { getProvider } from "../api";

/** Every search of the directory list is under this key, so a save refreshes them all. */
export const PROVIDERS_KEY = ["providers"] as const;

export const providerKey = (id: string) => ["provider", id] as const;

/** One provider, as the provider page and the edit form show it. */
export function useProvider(id: string) {
  return useQuery({ queryKey: providerKey(id), queryFn: () => getProvider(id) });
}
