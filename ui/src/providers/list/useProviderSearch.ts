import {
  type ProviderListRow,
  type ProviderSearch,
  type ProviderSearchResult,
  searchProviders,
} from "../../api";
import { type PagedSource, usePagedFirstPage, usePagedRows } from "../../common/pagedSearch";
import { PROVIDERS_KEY } from "../useProvider";

export { PAGE_SIZE } from "../../common/pagedSearch";

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

const PROVIDERS: PagedSource<ProviderSearch, ProviderListRow> = {
  key: PROVIDERS_KEY,
  search: searchProviders,
};

export const useProviderFirstPage = (filters: ProviderFilters) =>
  usePagedFirstPage(PROVIDERS, filters);

export const useProviderRows = (
  filters: ProviderFilters,
  first: ProviderSearchResult | undefined,
  from: number,
  to: number,
) => usePagedRows(PROVIDERS, filters, first, from, to);
