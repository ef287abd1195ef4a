import { describe, expect, it } from "vitest";
import campaignsEn from "../i18n/campaigns.en.json";
import campaignsJa from "../i18n/campaigns.ja.json";
import casesJa from "../i18n/cases.ja.json";
import ja from "../i18n/ja.json";
import providersJa from "../i18n/providers.ja.json";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe("survey campaign translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    const jaKeys = [...new Set(keys(campaignsJa))].sort();
    const enKeys = [...new Set(keys(campaignsEn))].sort();
    expect(enKeys).toEqual(jaKeys);
  });

  it("keeps its top-level keys apart from the others', so none is overwritten when merged", () => {
    const shared = Object.keys(campaignsJa).filter(
      (key) => key in ja || key in casesJa || key in providersJa,
    );
    expect(shared).toEqual([]);
  });
});
