import { describe, expect, it } from "vitest";
import casesEn from "./cases.en.json";
import casesJa from "./cases.ja.json";
import en from "./en.json";
import ja from "./ja.json";
import providersEn from "./providers.en.json";
import providersJa from "./providers.ja.json";
import usersEn from "./users.en.json";
import usersJa from "./users.ja.json";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe("translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    for (const [jaTree, enTree] of [
      [ja, en],
      [casesJa, casesEn],
      [providersJa, providersEn],
      [usersJa, usersEn],
    ] as const) {
      const jaKeys = [...new Set(keys(jaTree))].sort();
      const enKeys = [...new Set(keys(enTree))].sort();
      expect(enKeys).toEqual(jaKeys);
    }
  });

  it("keeps the case registry's top-level keys apart from the shell's, so none is overwritten", () => {
    const shared = Object.keys(casesJa).filter((key) => key in ja);
    expect(shared).toEqual([]);
  });

  it("keeps the resource directory's top-level keys apart from the others' too", () => {
    const shared = Object.keys(providersJa).filter((key) => key in ja || key in casesJa);
    expect(shared).toEqual([]);
  });
});
