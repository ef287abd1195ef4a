import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listMunicipalities } from "../api";

/**
 * Municipalities matching a query. The core folds kana and width and sorts 五十音順, so the query
 * goes through as typed (trimmed only).
 */
export function useMunicipalities(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: ["municipalities", trimmed],
    queryFn: () => listMunicipalities({ query: trimmed }),
    // Keep the last rows on screen while the next answer is on its way, instead of a blank table.
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
