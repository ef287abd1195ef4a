import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";

/** Rows per request: a screenful many times over, small enough to answer at once. */
export const PAGE_SIZE = 200;

type Paged = { limit: number | null; offset: number };
type Page<Row> = { total: number; rows: Row[] };

/** A paged search command of the core (it counts every match and returns one page). */
export type PagedSource<Search extends Paged, Row> = {
  key: readonly unknown[];
  search: (input: Search) => Promise<Page<Row>>;
};

type Filters<Search> = Omit<Search, "limit" | "offset">;

function pageQuery<Search extends Paged, Row>(
  source: PagedSource<Search, Row>,
  filters: Filters<Search>,
  page: number,
) {
  return {
    queryKey: [...source.key, filters, page],
    queryFn: () =>
      source.search({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE } as Search),
  };
}

/** The first page: it carries the total, which sizes a virtualised list. */
export function usePagedFirstPage<Search extends Paged, Row>(
  source: PagedSource<Search, Row>,
  filters: Filters<Search>,
) {
  // Keep the last rows on screen while the next answer is on its way.
  return useQuery({ ...pageQuery(source, filters, 0), placeholderData: keepPreviousData });
}

/**
 * The rows at the indexes on screen, fetched a page at a time as they scroll into view, so a
 * jump to the end of 20,000 rows asks for one page, not a hundred. Unfetched rows are undefined.
 */
export function usePagedRows<Search extends Paged, Row>(
  source: PagedSource<Search, Row>,
  filters: Filters<Search>,
  first: Page<Row> | undefined,
  from: number,
  to: number,
): (index: number) => Row | undefined {
  const pages: number[] = [];
  for (let p = Math.max(1, Math.floor(from / PAGE_SIZE)); p <= Math.floor(to / PAGE_SIZE); p++) {
    pages.push(p);
  }
  const results = useQueries({ queries: pages.map((p) => pageQuery(source, filters, p)) });
  return (index) => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = page === 0 ? first : results[pages.indexOf(page)]?.data;
    return data?.rows[index - page * PAGE_SIZE];
  };
}
