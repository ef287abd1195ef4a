// Disaster answers as the core would give them, for the component tests.
import type { DisasterProfile, DisasterProfileInput, RosterRow } from "../api";

export function emptyInput(): DisasterProfileInput {
  return {
    devices: [],
    other_power: { car: false, generator: false, spare_batteries: false, note: "" },
    consumables_days: null,
    power_company: { registered: false, on: null },
    evacuation_list: { registered: false, on: null },
    individual_plan: { registered: false, on: null },
    evacuation_site: "",
    welfare_shelter: "",
    emergency_hospital: "",
    contacts: [],
    note: "",
  };
}

/** A child with no profile saved yet, as `get_disaster_profile` answers. */
export function noProfile(childId = "child-1"): DisasterProfile {
  return {
    child_id: childId,
    profile: emptyInput(),
    row_version: 0,
    updated_at: null,
    warnings: [
      {
        code: "no_profile",
        message: "災害時の備え（電源・避難・連絡先）がまだ登録されていません。",
      },
    ],
    total_battery_hours: null,
  };
}

/** A ventilated child whose ventilator runs 4 hours on its own battery and has no external one. */
export function savedProfile(overrides: Partial<DisasterProfile> = {}): DisasterProfile {
  return {
    child_id: "child-1",
    profile: {
      ...emptyInput(),
      devices: [
        {
          kind: "ventilator",
          name: "Trilogy Evo",
          internal_battery_hours: 4,
          external_battery_hours: null,
        },
      ],
      consumables_days: 7,
      power_company: { registered: true, on: "2026-04-10" },
      emergency_hospital: "埼玉医科大学総合医療センター",
      contacts: [{ name: "山田 和子", relation: "祖母", phone: "049-222-3333" }],
    },
    row_version: 1,
    updated_at: "2026-05-01T01:00:00Z",
    warnings: [
      {
        code: "ventilator_without_external_battery",
        message:
          "人工呼吸器の外部バッテリーがありません。停電すると内部バッテリーだけで動くことになります。",
      },
      {
        code: "battery_under24_hours",
        message:
          "バッテリーで動かせるのは4時間です（24時間未満）。予備バッテリー・車・発電機を確認してください。",
      },
    ],
    total_battery_hours: 4,
    ...overrides,
  };
}

export function rosterRow(rank: number, overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    rank,
    child_id: `child-${rank}`,
    case_number: `KH-2026-000${rank}`,
    name: `子ども ${rank}`,
    kana: `コドモ ${rank}`,
    date_of_birth: "2024-05-01",
    age: "2歳0か月",
    municipality_code: "112011",
    municipality: "川越市",
    address: "川越市新宿町1-1",
    ventilated: false,
    power_dependent: false,
    devices: [],
    total_battery_hours: null,
    guardians: [{ name: `保護者 ${rank}`, relation: "母", phone: `090-0000-000${rank}` }],
    contacts: [],
    team: [],
    emergency_hospital: "",
    evacuation_site: "",
    warnings: [],
    ...overrides,
  };
}
