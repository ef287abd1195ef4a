import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { type CaseRow, type CaseSearch, type CaseSearchResult, searchChildren } from "../../api";

/** Rows per request: a screenful many times over, small enough to answer at once. */
export const PAGE_SIZE = 200;

export type CaseFilters = Omit<CaseSearch, "limit" | "offset">;

export const NO_FILTERS: CaseFilters = {
  query: "",
  municipality_code: null,
  status: null,
  care_item: null,
  score_min: null,
  score_max: null,
};

export const CASES_KEY = ["cases"] as const;

const pageQuery = (filters: CaseFilters, page: number) => ({
  queryKey: [...CASES_KEY, filters, page],
  queryFn: () => searchChildren({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
});

/** The first page: it carries the total, which sizes the list. */
export function useCaseFirstPage(filters: CaseFilters) {
  return useQuery({
    ...pageQuery(filters, 0),
    // Keep the last rows on screen while the next answer is on its way.
    placeholderData: keepPreviousData,
  });
}

/**
 * The rows at the indexes on screen, fetched a page at a time as they scroll into view, so a jump
 * to the end of 20,000 cases asks for one page, not a hundred. Unfetched rows are undefined.
 */
export function useCaseRows(
  filters: CaseFilters,
  first: CaseSearchResult | undefined,
  from: number,
  to: number,
): (index: number) => CaseRow | undefined {
  const pages: number[] = [];
  for (let p = Math.max(1, Math.floor(from / PAGE_SIZE)); p <= Math.floor(to / PAGE_SIZE); p++) {
    pages.push(p);
  }
  const results = useQueries({ queries: pages.map((p) => pageQuery(filters, p)) });
  return (index) => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = page === 0 ? first : results[pages.indexOf(page)]?.data;
    return data?.rows[index - page * PAGE_SIZE];
  };
}
