import type { Phase } from "../api";

// The phases and roles in the core's order, one list for the whole UI.
export { PHASES, ROLES } from "../plans/model";

/** The usual days from the target date of a task of each phase: where a new row starts. */
export const PHASE_OFFSET: Record<Phase, number> = {
  introduction: -90,
  preparation: -60,
  transition: -30,
  discharge: 0,
  home: 7,
};
