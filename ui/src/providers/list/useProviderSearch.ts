import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import {
  type ProviderListRow,
  type ProviderSearch,
  type ProviderSearchResult,
  searchProviders,
} from "../../api";
import { PROVIDERS_KEY } from "../useProvider";

/** Rows per request: a screenful many times over, small enough to answer at once. */
export const PAGE_SIZE = 200;

export type ProviderFilters = Omit<ProviderSearch, "limit" | "offset">;

export const NO_FILTERS: ProviderFilters = {
  query: "",
  kind: null,
  municipality_code: null,
  accepts_children: null,
  care_item: null,
  age_months: null,
  weight_kg: null,
  around_the_clock: false,
  published_only: false,
};

const pageQuery = (filters: ProviderFilters, page: number) => ({
  queryKey: [...PROVIDERS_KEY, filters, page],
  queryFn: () => searchProviders({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
});

/** The first page: it carries the total, which sizes the list. */
export function useProviderFirstPage(filters: ProviderFilters) {
  return useQuery({ ...pageQuery(filters, 0), placeholderData: keepPreviousData });
}

/** The rows at the indexes on screen, fetched a page at a time as they scroll into view. */
export function useProviderRows(
  filters: ProviderFilters,
  first: ProviderSearchResult | undefined,
  from: number,
  to: number,
): (index: number) => ProviderListRow | undefined {
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
