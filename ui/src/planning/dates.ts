// Dates as the planning screens show them: 西暦 with the weekday, 2026/11/27（金）. All
// arithmetic is on ISO calendar dates (YYYY-MM-DD) in UTC, so no time zone moves a day.
import type { TFunction } from "i18next";
import type { Lang } from "../api";

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDate(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The short weekday of an ISO date in the language shown: 金 / Fri. */
export function weekday(isoDate: string, lang: Lang): string {
  const date = utcDate(isoDate);
  if (!date) return "";
  return new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-GB", {
    weekday: "short",
    timeZone: "UTC",
  }).format(date);
}

/** 2026/11/27（金）; text that is not an ISO date is shown as it is. */
export function dateWithWeekday(t: TFunction, isoDate: string, lang: Lang): string {
  if (!utcDate(isoDate)) return isoDate;
  return t("planning.date.withWeekday", {
    date: isoDate.replaceAll("-", "/"),
    weekday: weekday(isoDate, lang),
  });
}

/** Whole days from `from` to `to` (negative when `to` is earlier); 0 when either is not a date. */
export function daysBetween(from: string, to: string): number {
  const a = utcDate(from);
  const b = utcDate(to);
  if (!a || !b) return 0;
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** The ISO date `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const date = utcDate(isoDate);
  if (!date) return isoDate;
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** A template offset as the office says it: 退院90日前, 退院日, 退院後7日. */
export function offsetLabel(t: TFunction, days: number): string {
  if (days < 0) return t("planning.offset.before", { count: -days });
  if (days === 0) return t("planning.offset.day");
  return t("planning.offset.after", { count: days });
}
