// The requests built from what the form holds: numbers and dates turned from typed text into what
// the core expects, blank rows left out, and each ticked care item with only its own details.
import type {
  CareItemCode,
  CareItemEntry,
  ChildInput,
  RegisterChildRequest,
  ScoreRequest,
  SevereFactors,
} from "../../api";
import { CARE_CODES, careItemSpec } from "../careItems";
import { normalizeDate } from "../dates";
import type {
  CareItemValues,
  CaseFormValues,
  DiagnosisValues,
  GuardianValues,
  SentRows,
} from "./values";

const orNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());
const dateOrNull = (value: string): string | null =>
  value.trim() === "" ? null : normalizeDate(value);

function numberOrNull(value: string): number | null {
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** One ticked care item as the core expects it: details that belong to other items stay empty. */
export function careItemEntry(code: CareItemCode, v: CareItemValues): CareItemEntry {
  const has = careItemSpec(code).details;
  const when = <T>(detail: (typeof has)[number], value: T, none: T): T =>
    has.includes(detail) ? value : none;
  return {
    code,
    supervision: careItemSpec(code).levels.includes(v.supervision) ? v.supervision : "low",
    details: {
      device: when("device", orNull(v.device), null),
      cannula_size: when("cannula_size", orNull(v.cannula_size), null),
      feeding_route: when("feeding_route", v.feeding_route || null, null),
      hours_per_day: when("hours_per_day", numberOrNull(v.hours_per_day), null),
      suction_frequency: when("suction_frequency", v.suction_frequency || null, null),
      nebulizer_per_day: when("nebulizer", numberOrNull(v.nebulizer_per_day), null),
      nebulizer_continuous: when("nebulizer", v.nebulizer_continuous, false),
      catheterizations_per_day: when(
        "catheterizations_per_day",
        numberOrNull(v.catheterizations_per_day),
        null,
      ),
      note: orNull(v.note),
    },
    start_date: dateOrNull(v.start_date),
    end_date: dateOrNull(v.end_date),
  };
}

/** The ticked items in the table's order; a pump whose base item is unticked is not sent. */
export function tickedCodes(values: CaseFormValues): CareItemCode[] {
  return CARE_CODES.filter((code) => {
    const spec = careItemSpec(code);
    return values.care[code].checked && (!spec.requires || values.care[spec.requires].checked);
  });
}

function severeFactors(values: CaseFormValues): SevereFactors {
  const s = values.severe;
  return {
    mobility: s.mobility || null,
    low_spo2: s.low_spo2,
    oral_full_assistance: s.oral_full_assistance,
    hypertonia_care: s.hypertonia_care,
    position_changes_per_day: numberOrNull(s.position_changes_per_day),
  };
}

/** What the live score panel sends: only what the scores read. */
export function scoreRequest(values: CaseFormValues): ScoreRequest {
  return {
    care_items: tickedCodes(values).map((code) => careItemEntry(code, values.care[code])),
    severe_factors: severeFactors(values),
  };
}

const isBlank = (row: Record<string, unknown>) =>
  Object.entries(row).every(([key, value]) => key === "key" || value === "" || value === false);

/** Indexes of the rows that are not blank, in order. */
const filledRows = (rows: Record<string, unknown>[]) =>
  rows.flatMap((row, index) => (isBlank(row) ? [] : [index]));

export function buildChild(values: CaseFormValues): { child: ChildInput; sent: SentRows } {
  const diagnosisRows = filledRows(values.diagnoses);
  const guardianRows = filledRows(values.guardians);
  const codes = tickedCodes(values);
  const c = values.certificates;
  const child: ChildInput = {
    case_number: orNull(values.case_number),
    name: values.name.trim(),
    kana: values.kana.trim(),
    date_of_birth: normalizeDate(values.date_of_birth),
    sex: values.sex,
    gestational_weeks: numberOrNull(values.gestational_weeks),
    birth_weight_g: numberOrNull(values.birth_weight_g),
    diagnoses: diagnosisRows.map((i) => {
      const d = values.diagnoses[i] as DiagnosisValues;
      return { text: d.text.trim(), icd10: orNull(d.icd10), perinatal: d.perinatal };
    }),
    residence: {
      postal_code: values.residence.postal_code.trim(),
      address: values.residence.address.trim(),
      municipality_code: values.residence.municipality_code ?? "",
      lat: numberOrNull(values.residence.lat),
      lon: numberOrNull(values.residence.lon),
    },
    guardians: guardianRows.map((i) => {
      const { key: _key, ...g } = values.guardians[i] as GuardianValues;
      return {
        name: g.name.trim(),
        relation: g.relation.trim(),
        phone_primary: g.phone_primary.trim(),
        phone_secondary: g.phone_secondary.trim(),
        email: g.email.trim(),
        language_needs: g.language_needs.trim(),
      };
    }),
    siblings: numberOrNull(values.siblings),
    certificates: {
      physical_disability_grade: numberOrNull(c.physical_disability_grade),
      ryoiku_techo: orNull(c.ryoiku_techo),
      shoman_disease: orNull(c.shoman_disease),
      special_child_allowance: c.special_child_allowance,
      service_certificate: c.service_certificate,
      medical_care_category: orNull(c.medical_care_category),
    },
    oshima_cell: numberOrNull(values.oshima_cell),
    yokochi_code: orNull(values.yokochi_code),
    severe_factors: severeFactors(values),
    care_items: codes.map((code) => careItemEntry(code, values.care[code])),
    consent: {
      given_on: dateOrNull(values.consent.given_on),
      scope: values.consent.scope,
      note: values.consent.note.trim(),
    },
    coordinator: values.coordinator.trim(),
  };
  return { child, sent: { diagnoses: diagnosisRows, guardians: guardianRows, care_items: codes } };
}

export function buildRegister(
  values: CaseFormValues,
  confirmedNotDuplicate: boolean,
): { request: RegisterChildRequest; sent: SentRows } {
  const { child, sent } = buildChild(values);
  const weight = numberOrNull(values.weight_kg);
  return {
    request: {
      child,
      weight:
        weight === null
          ? null
          : { measured_on: normalizeDate(values.weight_measured_on), weight_kg: weight },
      status: values.status,
      status_date: dateOrNull(values.status_date),
      confirmed_not_duplicate: confirmedNotDuplicate,
    },
    sent,
  };
}

/** Every phone of every contact, for the duplicate check. */
export const guardianPhones = (child: ChildInput): string[] =>
  child.guardians.flatMap((g) => [g.phone_primary, g.phone_secondary]).filter((p) => p !== "");
