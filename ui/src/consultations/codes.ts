import type { CallerType, ConsultationOutcome } from "../api";

/** In the order of the core's enums (DOMAIN.md §8); number key n picks the n-th. */
export const CALLER_TYPES: readonly CallerType[] = [
  "family",
  "clinic",
  "nursing_station",
  "school",
  "municipality",
  "other",
];

export const OUTCOMES: readonly ConsultationOutcome[] = [
  "advice",
  "visit_arranged",
  "emergency_admission",
  "respite_arranged",
  "referred",
];

/** Whether a key press is the end of an IME conversion (Japanese input), not a real Enter. */
export const composing = (event: { nativeEvent: KeyboardEvent }) =>
  event.nativeEvent.isComposing || event.nativeEvent.keyCode === 229;
