import type {
  DeviceKind,
  DisasterProfileInput,
  DisasterWarningCode,
  EmergencyContact,
  PowerDevice,
  Registration,
} from "../api";
import { normalizeDate } from "../cases/dates";

export const DEVICE_KINDS: readonly DeviceKind[] = [
  "ventilator",
  "oxygen_concentrator",
  "suction",
  "pulse_oximeter",
  "feeding_pump",
  "other",
];

export const REGISTRATIONS = ["power_company", "evacuation_list", "individual_plan"] as const;
export type RegistrationKey = (typeof REGISTRATIONS)[number];

/** Warnings that mean the child's life is at risk in a power cut: shown in red, not yellow. */
export const SEVERE_WARNINGS: readonly DisasterWarningCode[] = [
  "ventilator_without_external_battery",
  "battery_under24_hours",
  "battery_hours_unknown",
];

/** Below this the batteries do not last a day: the roster shows the hours in red. */
export const SAFE_HOURS = 24;

// The form keeps numbers as typed text (NumberField) and each row with a key of its own, so
// React keeps a row's inputs when rows are removed or moved.
export type DeviceValues = {
  key: string;
  kind: DeviceKind;
  name: string;
  internal_battery_hours: string;
  external_battery_hours: string;
};
export type ContactValues = { key: string; name: string; relation: string; phone: string };
export type RegistrationValues = { registered: boolean; on: string };
export type ProfileValues = {
  devices: DeviceValues[];
  other_power: { car: boolean; generator: boolean; spare_batteries: boolean; note: string };
  consumables_days: string;
  power_company: RegistrationValues;
  evacuation_list: RegistrationValues;
  individual_plan: RegistrationValues;
  evacuation_site: string;
  welfare_shelter: string;
  emergency_hospital: string;
  contacts: ContactValues[];
  note: string;
};

let nextKey = 0;
const rowKey = () => `row-${++nextKey}`;

export const emptyDevice = (kind: DeviceKind = "ventilator"): DeviceValues => ({
  key: rowKey(),
  kind,
  name: "",
  internal_battery_hours: "",
  external_battery_hours: "",
});

export const emptyContact = (): ContactValues => ({
  key: rowKey(),
  name: "",
  relation: "",
  phone: "",
});

const numberText = (n: number | null) => (n === null ? "" : String(n));
const registrationValues = (r: Registration): RegistrationValues => ({
  registered: r.registered,
  on: r.on ?? "",
});

/** The form filled with a saved profile (or the empty one of a child with none yet). */
export function valuesFromProfile(p: DisasterProfileInput): ProfileValues {
  return {
    devices: p.devices.map((d) => ({
      key: rowKey(),
      kind: d.kind,
      name: d.name,
      internal_battery_hours: numberText(d.internal_battery_hours),
      external_battery_hours: numberText(d.external_battery_hours),
    })),
    other_power: { ...p.other_power },
    consumables_days: numberText(p.consumables_days),
    power_company: registrationValues(p.power_company),
    evacuation_list: registrationValues(p.evacuation_list),
    individual_plan: registrationValues(p.individual_plan),
    evacuation_site: p.evacuation_site,
    welfare_shelter: p.welfare_shelter,
    emergency_hospital: p.emergency_hospital,
    contacts: p.contacts.map((c) => ({ key: rowKey(), ...c })),
    note: p.note,
  };
}

/** Typed text to a number: empty (or not a number at all) is "not known". */
function toNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** Which form row each sent contact came from: entirely blank rows are not sent. */
export type SentRows = { contacts: number[] };

/** The request's profile, and which form rows it holds. */
export function buildProfile(v: ProfileValues): { profile: DisasterProfileInput; sent: SentRows } {
  const sent: SentRows = { contacts: [] };
  const contacts: EmergencyContact[] = [];
  v.contacts.forEach((c, index) => {
    if (!c.name.trim() && !c.relation.trim() && !c.phone.trim()) return;
    sent.contacts.push(index);
    contacts.push({ name: c.name, relation: c.relation, phone: c.phone });
  });
  const devices: PowerDevice[] = v.devices.map((d) => ({
    kind: d.kind,
    name: d.name,
    internal_battery_hours: toNumber(d.internal_battery_hours),
    external_battery_hours: toNumber(d.external_battery_hours),
  }));
  const registration = (r: RegistrationValues): Registration => ({
    registered: r.registered,
    on: r.registered && r.on.trim() ? normalizeDate(r.on) : null,
  });
  const days = toNumber(v.consumables_days);
  return {
    profile: {
      devices,
      other_power: { ...v.other_power },
      consumables_days: days === null ? null : Math.trunc(days),
      power_company: registration(v.power_company),
      evacuation_list: registration(v.evacuation_list),
      individual_plan: registration(v.individual_plan),
      evacuation_site: v.evacuation_site,
      welfare_shelter: v.welfare_shelter,
      emergency_hospital: v.emergency_hospital,
      contacts,
      note: v.note,
    },
    sent,
  };
}

/**
 * The form field a refusal from the core belongs to. The core names fields by the request's
 * shape (`profile.devices[0].external_battery_hours`, `profile.power_company.on`,
 * `profile.contacts[1].phone`); blank contact rows are not sent, so contact indexes are
 * translated through what was sent. Null when the path names no field of the form.
 */
export function formPathOf(field: string, sent: SentRows): string | null {
  const path = field.replace(/^profile\./, "");
  const contact = /^contacts\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (contact) {
    const index = sent.contacts[Number(contact[1])];
    if (index === undefined) return null;
    return `contacts.${index}.${contact[2] ?? "name"}`;
  }
  const device = /^devices\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (device) return `devices.${device[1]}.${device[2] ?? "kind"}`;
  return path.replace(/\[(\d+)\]/g, ".$1");
}

/** Hours as the core words them: 8 stays 「8」, 7.5 stays 「7.5」. */
export const formatHours = (h: number) => String(Math.round(h * 10) / 10);
