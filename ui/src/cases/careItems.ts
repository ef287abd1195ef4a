import type { CareItemCode, Supervision } from "../api";

/** The groups the intake checklist shows the care items in. */
export type CareGroup = "respiratory" | "nutrition" | "injection" | "excretion" | "other";
export const CARE_GROUPS: readonly CareGroup[] = [
  "respiratory",
  "nutrition",
  "injection",
  "excretion",
  "other",
];

/** Details a care item can carry besides supervision and dates (CareItemDetails fields). */
export type CareDetail =
  | "device"
  | "cannula_size"
  | "feeding_route"
  | "hours_per_day"
  | "suction_frequency"
  | "nebulizer"
  | "catheterizations_per_day";

export type CareItemSpec = {
  code: CareItemCode;
  group: CareGroup;
  /** The 見守り levels the item has in the score table (DOMAIN §3.1), highest first. */
  levels: readonly Supervision[];
  /** The details asked for this item; the core refuses details that belong to another item. */
  details: readonly CareDetail[];
  /** A pump counts only on top of its base item; the core refuses it alone. */
  requires?: CareItemCode;
};

const HIGH_LOW: readonly Supervision[] = ["high", "low"];
const LOW_ONLY: readonly Supervision[] = ["low"];

/**
 * DOMAIN.md §3.1 in the table's order: the one place in the UI that knows which supervision levels
 * and details each item has. Points are not here: the core computes every score.
 */
export const CARE_ITEMS: readonly CareItemSpec[] = [
  {
    code: "ventilator",
    group: "respiratory",
    levels: ["high", "medium", "low"],
    details: ["device", "hours_per_day"],
  },
  {
    code: "tracheostomy",
    group: "respiratory",
    levels: HIGH_LOW,
    details: ["cannula_size", "device"],
  },
  { code: "nasopharyngeal_airway", group: "respiratory", levels: HIGH_LOW, details: ["device"] },
  { code: "oxygen", group: "respiratory", levels: HIGH_LOW, details: ["device", "hours_per_day"] },
  { code: "suction", group: "respiratory", levels: HIGH_LOW, details: ["suction_frequency"] },
  { code: "nebulizer", group: "respiratory", levels: LOW_ONLY, details: ["nebulizer", "device"] },
  { code: "tube_feeding", group: "nutrition", levels: HIGH_LOW, details: ["feeding_route"] },
  {
    code: "tube_feeding_pump",
    group: "nutrition",
    levels: HIGH_LOW,
    details: ["device"],
    requires: "tube_feeding",
  },
  { code: "central_venous_catheter", group: "injection", levels: HIGH_LOW, details: ["device"] },
  { code: "subcutaneous_injection", group: "injection", levels: HIGH_LOW, details: ["device"] },
  {
    code: "subcutaneous_pump",
    group: "injection",
    levels: HIGH_LOW,
    details: ["device"],
    requires: "subcutaneous_injection",
  },
  { code: "blood_glucose", group: "injection", levels: HIGH_LOW, details: ["device"] },
  { code: "dialysis", group: "injection", levels: HIGH_LOW, details: ["device"] },
  {
    code: "urinary_catheter_intermittent",
    group: "excretion",
    levels: LOW_ONLY,
    details: ["catheterizations_per_day"],
  },
  { code: "urinary_catheter_continuous", group: "excretion", levels: HIGH_LOW, details: [] },
  { code: "bowel_stoma", group: "excretion", levels: HIGH_LOW, details: [] },
  { code: "bowel_disimpaction", group: "excretion", levels: LOW_ONLY, details: [] },
  { code: "bowel_enema", group: "excretion", levels: LOW_ONLY, details: [] },
  { code: "seizure_care", group: "other", levels: HIGH_LOW, details: ["device"] },
];

export const CARE_CODES: readonly CareItemCode[] = CARE_ITEMS.map((item) => item.code);

export function careItemSpec(code: CareItemCode): CareItemSpec {
  const spec = CARE_ITEMS.find((item) => item.code === code);
  if (!spec) throw new Error(`unknown care item ${code}`);
  return spec;
}
