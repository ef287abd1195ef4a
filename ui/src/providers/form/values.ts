// What the provider form and the answer form hold while they are filled in: text as typed, the
// answers as ○ / × / 未回答. Numbers and dates stay text until the request is built (request.ts);
// the core validates them.
import type {
  Answer,
  CareItemCode,
  Conditions,
  ProviderInput,
  ProviderKind,
  RecordSource,
} from "../../api";
import { careAnswers, unansweredConditions } from "../answers";

export type ConditionsValues = {
  accepts_children: Answer;
  nights: Answer;
  weekends: Answer;
  around_the_clock: Answer;
  taking_new_clients: Answer;
  age_min_months: string;
  age_max_months: string;
  weight_min_kg: string;
  weight_max_kg: string;
  /** Every care item, 未回答 until answered. */
  care: Record<CareItemCode, Answer>;
  service_area: { municipality_codes: string[]; radius_km: string };
  free_text: string;
};

export type ProviderFormValues = {
  kind: ProviderKind | "";
  name: string;
  kana: string;
  postal_code: string;
  address: string;
  municipality_code: string | null;
  lat: string;
  lon: string;
  phone: string;
  fax: string;
  email: string;
  contact_person: string;
  business_number: string;
  capacity: string;
  opening_hours: string;
  record_source: RecordSource;
  last_verified_on: string;
  conditions: ConditionsValues;
  publication: {
    name: boolean;
    address: boolean;
    phone: boolean;
    contact_person: boolean;
    conditions: boolean;
    consented_on: string;
  };
  /** The date the conditions were answered, for the new version a change makes. */
  answered_on: string;
};

/** The 「回答を記録」 form: one dated answer, from a survey form or a phone call. */
export type AnswerFormValues = {
  answered_on: string;
  source: RecordSource;
  conditions: ConditionsValues;
};

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

export function conditionsValues(c: Conditions): ConditionsValues {
  return {
    accepts_children: c.accepts_children,
    nights: c.nights,
    weekends: c.weekends,
    around_the_clock: c.around_the_clock,
    taking_new_clients: c.taking_new_clients,
    age_min_months: text(c.age_min_months),
    age_max_months: text(c.age_max_months),
    weight_min_kg: text(c.weight_min_kg),
    weight_max_kg: text(c.weight_max_kg),
    care: careAnswers(c),
    service_area: {
      municipality_codes: [...c.service_area.municipality_codes],
      radius_km: text(c.service_area.radius_km),
    },
    free_text: c.free_text,
  };
}

export function emptyProviderValues(today: string): ProviderFormValues {
  return {
    kind: "",
    name: "",
    kana: "",
    postal_code: "",
    address: "",
    municipality_code: null,
    lat: "",
    lon: "",
    phone: "",
    fax: "",
    email: "",
    contact_person: "",
    business_number: "",
    capacity: "",
    opening_hours: "",
    record_source: "manual",
    last_verified_on: today,
    conditions: conditionsValues(unansweredConditions()),
    publication: {
      name: false,
      address: false,
      phone: false,
      contact_person: false,
      conditions: false,
      consented_on: "",
    },
    answered_on: today,
  };
}

/** The form filled with a saved provider, for editing. */
export function providerValues(p: ProviderInput, today: string): ProviderFormValues {
  return {
    kind: p.kind,
    name: p.name,
    kana: p.kana,
    postal_code: p.postal_code,
    address: p.address,
    municipality_code: p.municipality_code || null,
    lat: text(p.lat),
    lon: text(p.lon),
    phone: p.phone,
    fax: p.fax,
    email: p.email,
    contact_person: p.contact_person,
    business_number: text(p.business_number),
    capacity: text(p.capacity),
    opening_hours: p.opening_hours,
    record_source: p.record_source,
    last_verified_on: text(p.last_verified_on),
    conditions: conditionsValues(p.conditions),
    publication: { ...p.publication, consented_on: text(p.publication.consented_on) },
    answered_on: today,
  };
}
