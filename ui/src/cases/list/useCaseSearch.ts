import { type CaseRow, type CaseSearch, type CaseSearchResult, searchChildren } from "../../api";
import { type PagedSource, usePagedFirstPage, usePagedRows } from "../../common/pagedSearch";

export { PAGE_SIZE } from "../../common/pagedSearch";

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

const CASES: PagedSource<CaseSearch, CaseRow> = { key: CASES_KEY, search: searchChildren };

export const useCaseFirstPage = (filters: CaseFilters) => usePagedFirstPage(CASES, filters);

export const useCaseRows = (
  filters: CaseFilters,
  first: CaseSearchResult | undefined,
  from: number,
  to: number,
) => usePagedRows(CASES, filters, first, from, to);
