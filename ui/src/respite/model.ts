// Respite's calendar arithmetic on ISO dates (YYYY-MM-DD) and months (YYYY-MM), in UTC so no
// time zone moves a night, and the kinds of provider that offer respite beds (DOMAIN.md §6).
import type { ApiError, BedType, BookingStatus, ProviderKind } from "../api";
import { addDays } from "../planning/dates";

export { addDays };

/** The provider kinds that offer respite beds, as the core's `respite_facility` accepts them. */
export const RESPITE_KINDS: readonly ProviderKind[] = [
  "short_stay",
  "disabled_children_facility",
  "hospital",
];

export const BED_TYPES: readonly BedType[] = ["ventilator", "medical", "welfare"];

/** The status moves a person makes from a booking's list row (confirming has its own button). */
export const MOVES: Partial<Record<BookingStatus, BookingStatus[]>> = {
  requested: ["confirmed", "cancelled"],
  confirmed: ["completed", "cancelled", "no_show"],
};

const pad = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM of an ISO date. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

/** The month `delta` months after `month`. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const date = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

export const isMonth = (text: string | null): text is string =>
  text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The weekday (0 = Sunday) of an ISO date. */
export function weekdayIndex(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * The month's dates in weeks of seven, Sunday first as Japanese wall calendars are; days of the
 * neighbouring months are null.
 */
export function monthWeeks(dates: string[]): (string | null)[][] {
  if (dates.length === 0) return [];
  const cells: (string | null)[] = [
    ...Array.from({ length: weekdayIndex(dates[0] as string) }, () => null),
    ...dates,
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The nights of a stay [from, to): 0 when `to` is not after `from`. */
export function nightCount(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b <= a) return 0;
  return Math.round((b - a) / 86_400_000);
}

/** Whether `night` is one of the nights [from, to). */
export const inStay = (night: string, from: string, to: string) => night >= from && night < to;

/**
 * The night a refusal names: the core refuses a full night at field `nights` and writes its ISO
 * date into the message (「2026-12-03 は満床です（人工呼吸器対応）」).
 */
export function refusedNight(error: ApiError | null | undefined): string | null {
  if (error?.field !== "nights") return null;
  return /\d{4}-\d{2}-\d{2}/.exec(error.message)?.[0] ?? null;
}
