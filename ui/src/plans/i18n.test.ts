import { describe, expect, it } from "vitest";
import campaignsJa from "../i18n/campaigns.ja.json";
import casesJa from "../i18n/cases.ja.json";
import ja from "../i18n/ja.json";
import planningJa from "../i18n/planning.ja.json";
import plansEn from "../i18n/plans.en.json";
import plansJa from "../i18n/plans.ja.json";
import providersJa from "../i18n/providers.ja.json";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe("discharge plan translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    const jaKeys = [...new Set(keys(plansJa))].sort();
    const enKeys = [...new Set(keys(plansEn))].sort();
    expect(enKeys).toEqual(jaKeys);
  });

  it("keeps its top-level keys apart from the others', so none is overwritten when merged", () => {
    const others = [ja, casesJa, providersJa, campaignsJa, planningJa];
    const shared = Object.keys(plansJa).filter((key) => others.some((tree) => key in tree));
    expect(shared).toEqual([]);
  });
});
