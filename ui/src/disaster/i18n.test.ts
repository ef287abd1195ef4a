import { describe, expect, it } from "vitest";
import casesJa from "../i18n/cases.ja.json";
import disasterEn from "../i18n/disaster.en.json";
import disasterJa from "../i18n/disaster.ja.json";
import en from "../i18n/en.json";
import ja from "../i18n/ja.json";
import { DEVICE_KINDS } from "./model";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? keys(value, `${path}.`)
      : [path];
  });
}

describe("disaster translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    expect([...new Set(keys(disasterEn))].sort()).toEqual([...new Set(keys(disasterJa))].sort());
  });

  it("keeps its top-level key apart from the shared files', so none is overwritten when merged", () => {
    expect(
      Object.keys(disasterJa).filter((key) => key in ja || key in en || key in casesJa),
    ).toEqual([]);
  });

  it("names every device kind with the core's Japanese label", () => {
    expect(Object.keys(disasterJa.disaster.deviceKind)).toEqual([...DEVICE_KINDS]);
    expect(disasterJa.disaster.deviceKind.ventilator).toBe("人工呼吸器");
  });
});
