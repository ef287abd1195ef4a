import type { Phase, Role } from "../api";

/** The phases of the pathway in time order (DOMAIN.md §5), as the core sorts them. */
export const PHASES: readonly Phase[] = [
  "introduction",
  "preparation",
  "transition",
  "discharge",
  "home",
];

/** Every role of the care team, in the order the team is listed (the core's `Role::ALL`). */
export const ROLES: readonly Role[] = [
  "attending_physician",
  "home_doctor",
  "visiting_nurse",
  "home_help",
  "consultation_specialist",
  "respite",
  "public_health_nurse",
  "school",
  "equipment_vendor",
  "coordinator",
  "msw",
  "ward_nurse",
];

/** The usual days from the target date of a task of each phase: where a new row starts. */
export const PHASE_OFFSET: Record<Phase, number> = {
  introduction: -90,
  preparation: -60,
  transition: -30,
  discharge: 0,
  home: 7,
};
