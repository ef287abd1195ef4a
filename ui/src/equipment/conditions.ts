import type { UnitCondition } from "../api";

/** Unit conditions in the order of the core's `UnitCondition`, best first. */
export const CONDITIONS: readonly UnitCondition[] = ["good", "worn", "needs_repair", "broken"];

/** Badge colour per condition: the ones that do not go out stand out. */
export const CONDITION_COLOR: Record<UnitCondition, string> = {
  good: "teal",
  worn: "gray",
  needs_repair: "orange",
  broken: "red",
};
