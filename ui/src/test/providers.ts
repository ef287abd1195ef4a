// Resource directory answers as the core would give them, for the component tests.
import type {
  Conditions,
  ConditionsVersion,
  ProviderDetail,
  ProviderListRow,
  ProviderSearch,
  ProviderSearchResult,
} from "../api/bindings";
import { KAWAGOE } from "./cases";

export function conditions(overrides: Partial<Conditions> = {}): Conditions {
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
    ...overrides,
  };
}

export function providerRow(n: number, overrides: Partial<ProviderListRow> = {}): ProviderListRow {
  return {
    id: `provider-${n}`,
    kind: "visiting_nursing",
    name: `訪問看護ステーション ${n}`,
    kana: `ホウモンカンゴ ${n}`,
    municipality_code: KAWAGOE.code6,
    municipality_name: "川越市",
    phone: "049-222-0000",
    accepts_children: "yes",
    around_the_clock: "unknown",
    taking_new_clients: "no",
    last_verified_on: "2099-01-01",
    ...overrides,
  };
}

/** search_providers over `all`: the query matches name or reading; pages by limit/offset. */
export function searchProvidersOver(all: ProviderListRow[]) {
  return (args: Record<string, unknown>): ProviderSearchResult => {
    const input = args.input as ProviderSearch;
    const matches = all.filter(
      (row) =>
        (input.query === "" || row.name.includes(input.query) || row.kana.includes(input.query)) &&
        (input.kind === null || row.kind === input.kind),
    );
    const limit = input.limit ?? 200;
    return { total: matches.length, rows: matches.slice(input.offset, input.offset + limit) };
  };
}

/** The 2025 answer: children yes, ventilator ×, suction ○; the rest not answered. */
export const ANSWER_2025: ConditionsVersion = {
  answered_on: "2025-06-10",
  source: "survey",
  recorded_at: "2025-06-12T01:00:00Z",
  recorded_by: "佐藤",
  conditions: conditions({
    accepts_children: "yes",
    age_max_months: 72,
    care_items: [
      { code: "ventilator", answer: "no" },
      { code: "suction", answer: "yes" },
    ],
    nights: "no",
  }),
};

/** The current answer (2026): ventilator now ○, tracheostomy ○, oxygen ×, pumps not listed. */
export const ANSWER_2026: ConditionsVersion = {
  answered_on: "2026-04-01",
  source: "manual",
  recorded_at: "2026-04-01T02:00:00Z",
  recorded_by: "鈴木",
  conditions: conditions({
    accepts_children: "yes",
    age_min_months: 6,
    age_max_months: 216,
    weight_max_kg: 40,
    care_items: [
      { code: "ventilator", answer: "yes" },
      { code: "tracheostomy", answer: "yes" },
      { code: "oxygen", answer: "no" },
      { code: "suction", answer: "yes" },
      { code: "tube_feeding", answer: "unknown" },
    ],
    service_area: { municipality_codes: [KAWAGOE.code6], radius_km: 15 },
    nights: "yes",
    weekends: "no",
    around_the_clock: "yes",
    taking_new_clients: "unknown",
    free_text: "気管切開は主治医の指示書があれば対応可",
  }),
};

export function providerDetail(overrides: Partial<ProviderDetail> = {}): ProviderDetail {
  return {
    id: "provider-1",
    row_version: 4,
    municipality_name: "川越市",
    location_source: "municipality_hall",
    provider: {
      kind: "visiting_nursing",
      name: "かわごえ訪問看護ステーション",
      kana: "カワゴエホウモンカンゴステーション",
      postal_code: "350-0001",
      address: "川越市古谷上1-2-3",
      municipality_code: KAWAGOE.code6,
      lat: null,
      lon: null,
      phone: "049-222-1111",
      fax: "049-222-1112",
      email: "info@example.jp",
      contact_person: "田中 看護師長",
      business_number: "1160100001",
      capacity: null,
      opening_hours: "月〜金 9:00-18:00",
      record_source: "survey",
      last_verified_on: "2026-04-01",
      conditions: ANSWER_2026.conditions,
      publication: {
        name: true,
        address: true,
        phone: false,
        contact_person: false,
        conditions: true,
        consented_on: "2025-06-10",
      },
    },
    versions: [ANSWER_2025, ANSWER_2026],
    history: [
      {
        at: "2026-04-01T02:00:00Z",
        actor: "鈴木",
        entity: "provider",
        action: "update",
        fields: [
          {
            field: "conditions",
            before: JSON.stringify(ANSWER_2025.conditions),
            after: JSON.stringify(ANSWER_2026.conditions),
          },
          { field: "record_source", before: "manual", after: "survey" },
        ],
      },
      {
        at: "2025-06-12T01:00:00Z",
        actor: "佐藤",
        entity: "provider",
        action: "create",
        fields: [{ field: "name", before: null, after: "かわごえ訪問看護ステーション" }],
      },
    ],
    created_at: "2025-06-12T01:00:00Z",
    updated_at: "2026-04-01T02:00:00Z",
    ...overrides,
  };
}
