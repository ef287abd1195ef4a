// The plan's vocabulary as the screens need it: roles and the provider kinds that fill them,
// phases and their days from the target date, the training checklist. (A referral's allowed
// steps come from the core with the referral, `Referral.next`.) Each table
// mirrors one in the core (named beside it), which stays the judge: it refuses anything else.
import type { TFunction } from "i18next";
import type {
  ApiError,
  Phase,
  ProviderKind,
  ReferralStatus,
  Role,
  TrainingItem,
  TrainingLevel,
} from "../api";

/** Every role, in the order the team is listed (core: `Role::ALL`). */
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

/**
 * The kinds of provider that fill each role, most usual first (core: `Role::provider_kinds`).
 * Empty for the people of the hospital or the hub: they join by name, never by referral.
 */
export const ROLE_KINDS: Record<Role, readonly ProviderKind[]> = {
  attending_physician: ["hospital"],
  home_doctor: ["home_care_clinic", "pediatric_clinic"],
  visiting_nurse: ["visiting_nursing"],
  home_help: ["home_help"],
  consultation_specialist: ["consultation_support"],
  respite: ["short_stay", "disabled_children_facility", "hospital"],
  public_health_nurse: ["health_center"],
  school: ["school"],
  equipment_vendor: ["equipment_vendor"],
  coordinator: [],
  msw: [],
  ward_nurse: [],
};

/** The roles a person (not a provider of the directory) usually holds: the add-person form's first. */
export const PEOPLE_ROLES: readonly Role[] = ["msw", "ward_nurse", "coordinator"];

export const PHASES: readonly Phase[] = [
  "introduction",
  "preparation",
  "transition",
  "discharge",
  "home",
];

/**
 * Where each phase starts and ends, in days from the target date (DOMAIN.md §5: 導入期 −90,
 * 準備期 −60, 移行期 −30, 退院 0, 在宅 +1…+30). 退院 is the day itself.
 */
export const PHASE_SPAN: Record<Phase, { from: number; to: number }> = {
  introduction: { from: -90, to: -60 },
  preparation: { from: -60, to: -30 },
  transition: { from: -30, to: 0 },
  discharge: { from: 0, to: 0 },
  home: { from: 0, to: 30 },
};

export const REFERRAL_COLOR: Record<ReferralStatus, string> = {
  draft: "gray",
  sent: "blue",
  accepted: "teal",
  declined: "red",
  active: "green",
  ended: "dark",
  cancelled: "gray",
};

export const TRAINING_ITEMS: readonly TrainingItem[] = [
  "suction",
  "tube_feeding",
  "tracheostomy_care",
  "accidental_decannulation",
  "ventilator",
  "resuscitation_bag",
  "oxygen",
  "medication",
  "observation",
  "cpr",
  "bathing_and_moving",
];

export const TRAINING_LEVELS: readonly TrainingLevel[] = [
  "none",
  "taught",
  "demonstrated",
  "independent",
];

export const TRAINING_COLOR: Record<TrainingLevel, string> = {
  none: "gray",
  taught: "blue",
  demonstrated: "yellow",
  independent: "teal",
};

/** Age as the plan heads it: 「1歳3か月」, 「8か月」 under a year, 「2歳」 on a birthday month. */
export function formatAgeYm(t: TFunction, months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return t("plan.age.months", { months: rest });
  if (rest === 0) return t("plan.age.years", { years });
  return t("plan.age.yearsMonths", { years, months: rest });
}

const DAY_MS = 24 * 3600 * 1000;

const utc = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};

/** Days from `from` to `to` (ISO dates), negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY_MS);

/** The ISO date `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The message the core gave for one field of a small form, and whether the error names none of
 * the form's fields (then it is shown above the buttons).
 */
export function errorsAt(error: ApiError | null, fields: readonly string[]) {
  const at = (field: string) =>
    error?.kind === "validation" && error.field === field ? error.message : undefined;
  const elsewhere =
    error !== null && !(error.kind === "validation" && fields.includes(error.field ?? ""));
  return { at, elsewhere };
}
