import { describe, expect, it } from "vitest";
import campaignsJa from "../i18n/campaigns.ja.json";
import casesJa from "../i18n/cases.ja.json";
import ja from "../i18n/ja.json";
import planningEn from "../i18n/planning.en.json";
import planningJa from "../i18n/planning.ja.json";
import providersJa from "../i18n/providers.ja.json";
import { PHASES, ROLES } from "./codes";

/** Dotted key paths of a resource tree, with plural suffixes folded into the base key. */
function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, "")}`;
    return typeof value === "object" && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe("planning translations", () => {
  it("has every Japanese string in English too, and nothing English-only", () => {
    const jaKeys = [...new Set(keys(planningJa))].sort();
    const enKeys = [...new Set(keys(planningEn))].sort();
    expect(enKeys).toEqual(jaKeys);
  });

  it("keeps its top-level key apart from the others', so none is overwritten when merged", () => {
    const shared = Object.keys(planningJa).filter(
      (key) => key in ja || key in casesJa || key in providersJa || key in campaignsJa,
    );
    expect(shared).toEqual([]);
  });

  it("names every phase and role the core knows, as DOMAIN.md §5 does", () => {
    expect(Object.keys(planningJa.planning.phase)).toEqual([...PHASES]);
    expect(Object.keys(planningJa.planning.role).sort()).toEqual([...ROLES].sort());
    expect(planningJa.planning.role.public_health_nurse).toBe("保健師");
  });
});
