// The requests built from what the forms hold: typed numbers and dates turned into what the core
// expects, and only the answered care items sent — 未回答 is left out, never sent as ×.
import type { CareItemCode, Conditions, ProviderInput, ProviderKind } from "../../api";
import { CARE_CODES } from "../../cases/careItems";
import { normalizeDate } from "../../cases/dates";
import type { ConditionsValues, ProviderFormValues } from "./values";

const dateOrNull = (value: string): string | null =>
  value.trim() === "" ? null : normalizeDate(value);

function numberOrNull(value: string): number | null {
  if (value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Which care item each entry of the sent `care_items` is, to place the core's errors. */
export type SentCare = CareItemCode[];

export function buildConditions(v: ConditionsValues): { conditions: Conditions; sent: SentCare } {
  const sent = CARE_CODES.filter((code) => v.care[code] !== "unknown");
  return {
    conditions: {
      accepts_children: v.accepts_children,
      age_min_months: numberOrNull(v.age_min_months),
      age_max_months: numberOrNull(v.age_max_months),
      weight_min_kg: numberOrNull(v.weight_min_kg),
      weight_max_kg: numberOrNull(v.weight_max_kg),
      care_items: sent.map((code) => ({ code, answer: v.care[code] })),
      service_area: {
        municipality_codes: [...v.service_area.municipality_codes],
        radius_km: numberOrNull(v.service_area.radius_km),
      },
      nights: v.nights,
      weekends: v.weekends,
      around_the_clock: v.around_the_clock,
      taking_new_clients: v.taking_new_clients,
      free_text: v.free_text.trim(),
    },
    sent,
  };
}

export function buildProvider(
  values: ProviderFormValues,
  kind: ProviderKind,
): { provider: ProviderInput; sent: SentCare } {
  const { conditions, sent } = buildConditions(values.conditions);
  const business = values.business_number.trim();
  const p = values.publication;
  return {
    provider: {
      kind,
      name: values.name.trim(),
      kana: values.kana.trim(),
      postal_code: values.postal_code.trim(),
      address: values.address.trim(),
      municipality_code: values.municipality_code ?? "",
      lat: numberOrNull(values.lat),
      lon: numberOrNull(values.lon),
      phone: values.phone.trim(),
      fax: values.fax.trim(),
      email: values.email.trim(),
      contact_person: values.contact_person.trim(),
      business_number: business === "" ? null : business,
      capacity: numberOrNull(values.capacity),
      opening_hours: values.opening_hours.trim(),
      record_source: values.record_source,
      last_verified_on: dateOrNull(values.last_verified_on),
      conditions,
      publication: {
        name: p.name,
        address: p.address,
        phone: p.phone,
        contact_person: p.contact_person,
        conditions: p.conditions,
        consented_on: dateOrNull(p.consented_on),
      },
    },
    sent,
  };
}
