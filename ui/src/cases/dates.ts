// Dates as people in a Japanese office write them: 2024-05-01, 2024/5/1, 20240501, 令和6年5月1日,
// R6.5.1 — with full-width digits too. The core receives ISO dates (YYYY-MM-DD) and validates them.

const ERAS = [
  { name: "令和", letter: "R", start: "2019-05-01", offset: 2018 },
  { name: "平成", letter: "H", start: "1989-01-08", offset: 1988 },
  { name: "昭和", letter: "S", start: "1926-12-25", offset: 1925 },
] as const;

/** Full-width digits and date punctuation to their ASCII forms. */
export function foldWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, "/")
    .replace(/[．。]/g, ".")
    .replace(/[－−‐ー]/g, "-")
    .replace(/[　]/g, " ");
}

const pad = (n: number) => String(n).padStart(2, "0");

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The ISO date a typed text means, or null when it is not a date. */
export function parseDate(text: string): string | null {
  const s = foldWidth(text).trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(令和|平成|昭和|[RHSrhs])\s*(\d{1,2}|元)[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) {
    const era = ERAS.find((e) => e.name === m?.[1] || e.letter === m?.[1]?.toUpperCase());
    if (!era) return null;
    const year = m[2] === "元" ? 1 : Number(m[2]);
    return iso(era.offset + year, Number(m[3]), Number(m[4]));
  }
  return null;
}

/** What to send for a typed date: its ISO form, or the text as typed so the core names the field. */
export const normalizeDate = (text: string): string => parseDate(text) ?? text.trim();

/** 和暦 of an ISO date, e.g. 令和6年5月1日 (元年 for the first year). */
export function wareki(isoDate: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const era = ERAS.find((e) => isoDate >= e.start);
  if (!era) return null;
  const year = Number(m[1]) - era.offset;
  return `${era.name}${year === 1 ? "元" : year}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Today on this computer's calendar, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole months from birth to `on` (both ISO dates); null when either is not a date. */
export function ageMonths(birth: string, on: string): number | null {
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth);
  const o = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!b || !o) return null;
  let months = (Number(o[1]) - Number(b[1])) * 12 + (Number(o[2]) - Number(b[2]));
  if (Number(o[3]) < Number(b[3])) months -= 1;
  return months < 0 ? null : months;
}

/**
 * A timestamp from the core (RFC 3339) as the office reads it (Japan, UTC+9), to the minute:
 * 2026-04-01 10:23 — the same on a laptop whose clock is set to another zone, and the same
 * day the core means by "today".
 */
export function formatDateTime(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return timestamp;
  const d = new Date(ms + 9 * 3600 * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}`;
}
