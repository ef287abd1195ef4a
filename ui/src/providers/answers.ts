import type { Answer, CareItemCode, Conditions } from "../api";
import { CARE_CODES } from "../cases/careItems";

/** The three answers, in the order every control and matrix shows them. */
export const ANSWERS: readonly Answer[] = ["yes", "no", "unknown"];

/**
 * What is printed for each answer. The symbol, the word and the colour each say it alone, so the
 * matrix reads the same on a grey printout and for colour-blind readers (blue and red, not green
 * and red).
 */
export const ANSWER_SYMBOL: Record<Answer, string> = { yes: "○", no: "×", unknown: "－" };
export const ANSWER_COLOR: Record<Answer, string> = { yes: "blue", no: "red", unknown: "gray" };

/** The conditions answered with ○ / × / 未回答 besides the care items. */
export const GENERAL_ANSWERS = [
  "accepts_children",
  "nights",
  "weekends",
  "around_the_clock",
  "taking_new_clients",
] as const;
export type GeneralAnswer = (typeof GENERAL_ANSWERS)[number];

/** A care item's answer: an item the provider did not answer is 未回答, never ×. */
export function careAnswer(conditions: Conditions, code: CareItemCode): Answer {
  return conditions.care_items.find((item) => item.code === code)?.answer ?? "unknown";
}

/** Every care item's answer, listed or not. */
export function careAnswers(conditions: Conditions): Record<CareItemCode, Answer> {
  return Object.fromEntries(
    CARE_CODES.map((code) => [code, careAnswer(conditions, code)]),
  ) as Record<CareItemCode, Answer>;
}

/** Conditions with nothing answered: what a new provider starts with. */
export function unansweredConditions(): Conditions {
  return {
    accepts_children: "unknown",
    age_min_months: null,
    age_max_months: null,
    weight_min_kg: null,
    weight_max_kg: null,
    care_items: [],
    service_area: { municipality_codes: [], radius_km: null },
    nights: "unknown",
    weekends: "unknown",
    around_the_clock: "unknown",
    taking_new_clients: "unknown",
    free_text: "",
  };
}
