// What the intake/edit form holds while it is filled in: text as typed. Numbers and dates stay
// text until a request is built (request.ts); the core validates them.
import { randomId } from "@mantine/hooks";
import type {
  CareItemCode,
  ChildInput,
  ChildStatus,
  ConsentScope,
  FeedingRoute,
  Mobility,
  Sex,
  SuctionFrequency,
  Supervision,
} from "../../api";
import { CARE_ITEMS, type CareItemSpec } from "../careItems";

export type CareItemValues = {
  checked: boolean;
  supervision: Supervision;
  device: string;
  cannula_size: string;
  feeding_route: FeedingRoute | "";
  hours_per_day: string;
  suction_frequency: SuctionFrequency | "";
  nebulizer_per_day: string;
  nebulizer_continuous: boolean;
  catheterizations_per_day: string;
  note: string;
  start_date: string;
  end_date: string;
};

export type DiagnosisValues = { key: string; text: string; icd10: string; perinatal: boolean };

export type GuardianValues = {
  key: string;
  name: string;
  relation: string;
  phone_primary: string;
  phone_secondary: string;
  email: string;
  language_needs: string;
};

export type CaseFormValues = {
  case_number: string;
  name: string;
  kana: string;
  date_of_birth: string;
  sex: Sex;
  gestational_weeks: string;
  birth_weight_g: string;
  /** Intake only: the first weight. */
  weight_kg: string;
  weight_measured_on: string;
  diagnoses: DiagnosisValues[];
  residence: {
    postal_code: string;
    address: string;
    municipality_code: string | null;
    lat: string;
    lon: string;
  };
  guardians: GuardianValues[];
  siblings: string;
  certificates: {
    physical_disability_grade: string;
    ryoiku_techo: string;
    shoman_disease: string;
    special_child_allowance: boolean;
    service_certificate: boolean;
    medical_care_category: string;
  };
  oshima_cell: string;
  yokochi_code: string;
  severe: {
    mobility: Mobility | "";
    low_spo2: boolean;
    oral_full_assistance: boolean;
    hypertonia_care: boolean;
    position_changes_per_day: string;
  };
  care: Record<CareItemCode, CareItemValues>;
  consent: { given_on: string; scope: ConsentScope[]; note: string };
  coordinator: string;
  /** Intake only: the status the case starts in, and since when. */
  status: ChildStatus;
  status_date: string;
};

/**
 * Which form row each entry of a sent list came from: blank rows are not sent, so
 * `child.guardians[1]` in an error may be the form's third contact.
 */
export type SentRows = {
  diagnoses: number[];
  guardians: number[];
  care_items: CareItemCode[];
};

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

export const emptyDiagnosis = (): DiagnosisValues => ({
  key: randomId(),
  text: "",
  icd10: "",
  perinatal: false,
});

export const emptyGuardian = (): GuardianValues => ({
  key: randomId(),
  name: "",
  relation: "",
  phone_primary: "",
  phone_secondary: "",
  email: "",
  language_needs: "",
});

function emptyCareItem(): CareItemValues {
  return {
    checked: false,
    // 低 (no supervision points) is every item's level; the select shows it, so nothing is hidden.
    supervision: "low",
    device: "",
    cannula_size: "",
    feeding_route: "",
    hours_per_day: "",
    suction_frequency: "",
    nebulizer_per_day: "",
    nebulizer_continuous: false,
    catheterizations_per_day: "",
    note: "",
    start_date: "",
    end_date: "",
  };
}

const careRecord = (make: (spec: CareItemSpec) => CareItemValues) =>
  Object.fromEntries(CARE_ITEMS.map((spec) => [spec.code, make(spec)])) as Record<
    CareItemCode,
    CareItemValues
  >;

export function emptyValues(today: string): CaseFormValues {
  return {
    case_number: "",
    name: "",
    kana: "",
    date_of_birth: "",
    sex: "unknown",
    gestational_weeks: "",
    birth_weight_g: "",
    weight_kg: "",
    weight_measured_on: today,
    diagnoses: [emptyDiagnosis()],
    residence: { postal_code: "", address: "", municipality_code: null, lat: "", lon: "" },
    guardians: [emptyGuardian()],
    siblings: "",
    certificates: {
      physical_disability_grade: "",
      ryoiku_techo: "",
      shoman_disease: "",
      special_child_allowance: false,
      service_certificate: false,
      medical_care_category: "",
    },
    oshima_cell: "",
    yokochi_code: "",
    severe: {
      mobility: "",
      low_spo2: false,
      oral_full_assistance: false,
      hypertonia_care: false,
      position_changes_per_day: "",
    },
    care: careRecord(emptyCareItem),
    consent: { given_on: "", scope: [], note: "" },
    coordinator: "",
    status: "referred",
    status_date: today,
  };
}

/** The form filled with a saved case, for editing. */
export function valuesFromChild(child: ChildInput, today: string): CaseFormValues {
  const base = emptyValues(today);
  const care = careRecord((spec) => {
    const entry = child.care_items.find((item) => item.code === spec.code);
    if (!entry) return emptyCareItem();
    const d = entry.details;
    return {
      checked: true,
      supervision: entry.supervision,
      device: text(d.device),
      cannula_size: text(d.cannula_size),
      feeding_route: d.feeding_route ?? "",
      hours_per_day: text(d.hours_per_day),
      suction_frequency: d.suction_frequency ?? "",
      nebulizer_per_day: text(d.nebulizer_per_day),
      nebulizer_continuous: d.nebulizer_continuous,
      catheterizations_per_day: text(d.catheterizations_per_day),
      note: text(d.note),
      start_date: text(entry.start_date),
      end_date: text(entry.end_date),
    };
  });
  const c = child.certificates;
  return {
    ...base,
    case_number: text(child.case_number),
    name: child.name,
    kana: child.kana,
    date_of_birth: child.date_of_birth,
    sex: child.sex,
    gestational_weeks: text(child.gestational_weeks),
    birth_weight_g: text(child.birth_weight_g),
    diagnoses: child.diagnoses.map((d) => ({
      key: randomId(),
      text: d.text,
      icd10: text(d.icd10),
      perinatal: d.perinatal,
    })),
    residence: {
      postal_code: child.residence.postal_code,
      address: child.residence.address,
      municipality_code: child.residence.municipality_code || null,
      lat: text(child.residence.lat),
      lon: text(child.residence.lon),
    },
    guardians: child.guardians.map((g) => ({ key: randomId(), ...g })),
    siblings: text(child.siblings),
    certificates: {
      physical_disability_grade: text(c.physical_disability_grade),
      ryoiku_techo: text(c.ryoiku_techo),
      shoman_disease: text(c.shoman_disease),
      special_child_allowance: c.special_child_allowance,
      service_certificate: c.service_certificate,
      medical_care_category: text(c.medical_care_category),
    },
    oshima_cell: text(child.oshima_cell),
    yokochi_code: text(child.yokochi_code),
    severe: {
      mobility: child.severe_factors.mobility ?? "",
      low_spo2: child.severe_factors.low_spo2,
      oral_full_assistance: child.severe_factors.oral_full_assistance,
      hypertonia_care: child.severe_factors.hypertonia_care,
      position_changes_per_day: text(child.severe_factors.position_changes_per_day),
    },
    care,
    consent: {
      given_on: text(child.consent.given_on),
      scope: [...child.consent.scope],
      note: child.consent.note,
    },
    coordinator: child.coordinator,
  };
}
