import { describe, expect, it } from "vitest";
import en from "../i18n/en.json";
import ja from "../i18n/ja.json";
import respiteEn from "../i18n/respite.en.json";
import respiteJa from "../i18n/respite.ja.json";
import { BED_TYPES } from "./model";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? keys(value, `${path}.`)
      : [path];
  });
}

describe("respite translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    expect([...new Set(keys(respiteEn))].sort()).toEqual([...new Set(keys(respiteJa))].sort());
  });

  it("keeps its top-level key apart from the shared files', so none is overwritten when merged", () => {
    expect(Object.keys(respiteJa).filter((key) => key in ja || key in en)).toEqual([]);
  });

  it("names every bed type, with the core's Japanese label (DOMAIN.md §6)", () => {
    expect(Object.keys(respiteJa.respite.bedType)).toEqual([...BED_TYPES]);
    expect(respiteJa.respite.bedType.ventilator).toBe("人工呼吸器対応");
    expect(respiteJa.respite.calendar.weekdays).toHaveLength(7);
  });
});
