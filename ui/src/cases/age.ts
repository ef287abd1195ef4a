import type { TFunction } from "i18next";

/** Age as the office says it: months only under 2 years (18か月), then years and months. */
export function formatAge(t: TFunction, months: number): string {
  if (months < 24) return t("age.months", { months });
  return t("age.yearsMonths", { years: Math.floor(months / 12), months: months % 12 });
}
