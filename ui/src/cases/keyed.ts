/**
 * React keys for rows that have no id (weights, contacts, audit entries): the row's own content,
 * numbered when the same content repeats.
 */
export function keyed<T>(rows: readonly T[], keyOf: (row: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = keyOf(row);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [n === 0 ? base : `${base}#${n}`, row];
  });
}
