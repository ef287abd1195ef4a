import type { StateCounts, TargetState } from "../api";

/** Every state, in the order the core sorts targets by. */
export const TARGET_STATES: readonly TargetState[] = [
  "sent",
  "phoned",
  "visited",
  "no_answer",
  "answered",
];

/** The states a call or visit can set (answered is reached only by entering the answer). */
export const STEP_STATES: readonly Exclude<TargetState, "answered">[] = [
  "phoned",
  "visited",
  "no_answer",
  "sent",
];

/** Answered first, then how far chasing went, then not chased yet: the progress bar's order. */
export const PROGRESS_ORDER: readonly TargetState[] = [
  "answered",
  "phoned",
  "visited",
  "no_answer",
  "sent",
];

export const STATE_COLOR: Record<TargetState, string> = {
  answered: "teal",
  phoned: "blue",
  visited: "grape",
  no_answer: "orange",
  sent: "gray",
};

export const isOpen = (state: TargetState) => state !== "answered";

/** Targets not answered yet, whatever chasing they had. */
export const openCount = (c: StateCounts) => c.sent + c.phoned + c.visited + c.no_answer;
