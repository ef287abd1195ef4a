import type { TFunction } from "i18next";
import type { Conditions } from "../api";
import { foldWidth } from "../cases/dates";

/**
 * An age limit as the office says it: whole years as 歳 (12 → 1歳, 216 → 18歳), months under two
 * years (18か月), else years and months (2歳6か月).
 */
export function formatAgeLimit(t: TFunction, months: number): string {
  if (months >= 12 && months % 12 === 0)
    return t("providerConditions.years", { years: months / 12 });
  if (months < 24) return t("age.months", { months });
  return t("age.yearsMonths", { years: Math.floor(months / 12), months: months % 12 });
}

/** A range with either end open: 「6か月 〜 18歳」「6か月から」「18歳まで」; null when neither. */
function range(t: TFunction, min: string | null, max: string | null): string | null {
  if (min !== null && max !== null) return t("providerConditions.range", { min, max });
  if (min !== null) return t("providerConditions.from", { min });
  if (max !== null) return t("providerConditions.upTo", { max });
  return null;
}

export function ageRange(t: TFunction, c: Conditions): string | null {
  const show = (m: number | null) => (m === null ? null : formatAgeLimit(t, m));
  return range(t, show(c.age_min_months), show(c.age_max_months));
}

export function weightRange(t: TFunction, c: Conditions): string | null {
  const show = (kg: number | null) =>
    kg === null ? null : t("providerConditions.kg", { kg: kg.toLocaleString("ja-JP") });
  return range(t, show(c.weight_min_kg), show(c.weight_max_kg));
}

/**
 * Months from what people type for a child's age: 18, １８, 18か月, 1歳6か月, 1歳6ヶ月, 2歳. Null when
 * it is not an age.
 */
export function parseAgeMonths(text: string): number | null {
  const s = foldWidth(text).replace(/\s/g, "");
  if (s === "") return null;
  const m = /^(?:(\d{1,3})歳)?(?:(\d{1,4})(?:か月|ヶ月|ヵ月|カ月|ケ月|m)?)?$/i.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 12 + Number(m[2] ?? 0);
}
