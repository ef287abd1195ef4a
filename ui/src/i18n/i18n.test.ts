import { describe, expect, it } from "vitest";
import en from "./en.json";
import ja from "./ja.json";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe("translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    const jaKeys = [...new Set(keys(ja))].sort();
    const enKeys = [...new Set(keys(en))].sort();
    expect(enKeys).toEqual(jaKeys);
  });
});
