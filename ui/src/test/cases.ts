// Case registry answers as the core would give them, for the component tests.
import type {
  CaseRow,
  CaseSearch,
  CaseSearchResult,
  ChildDetail,
  Municipality,
  ScoreRequest,
  Scores,
} from "../api/bindings";

export const KAWAGOE: Municipality = {
  code6: "112011",
  code5: "11201",
  name: "川越市",
  kana: "かわごえし",
  kind: "city",
  parent_code6: null,
  lat: 35.9251,
  lon: 139.4858,
};
export const KAWAGOE_TOWN: Municipality = {
  code6: "243418",
  code5: "24341",
  name: "川越町",
  kana: "かわごえちょう",
  kind: "town",
  parent_code6: null,
  lat: 35.0222,
  lon: 136.6736,
};
export const MUNICIPALITIES = [KAWAGOE, KAWAGOE_TOWN];

export function caseRow(n: number, overrides: Partial<CaseRow> = {}): CaseRow {
  return {
    id: `child-${n}`,
    case_number: `KH-2026-${String(n).padStart(4, "0")}`,
    name: `山田 ${n}`,
    kana: `ヤマダ ${n}`,
    date_of_birth: "2024-05-01",
    municipality_code: KAWAGOE.code6,
    municipality_name: "川越市",
    status: "at_home",
    medical_care_score: 20,
    care_items: ["ventilator", "tracheostomy", "suction", "tube_feeding"],
    ...overrides,
  };
}

/** search_children over `all`: the query matches name, reading or case number; pages by limit/offset. */
export function searchOver(all: CaseRow[]) {
  return (args: Record<string, unknown>): CaseSearchResult => {
    const input = args.input as CaseSearch;
    const matches = all.filter(
      (row) =>
        (input.query === "" ||
          row.name.includes(input.query) ||
          row.kana.includes(input.query) ||
          row.case_number.includes(input.query)) &&
        (input.status === null || row.status === input.status),
    );
    const limit = input.limit ?? 200;
    return { total: matches.length, rows: matches.slice(input.offset, input.offset + limit) };
  };
}

/**
 * A stand-in for compute_scores: 8 points per item plus 2 for 高, so a test can tell which items
 * were sent. The real tables are tested in the core.
 */
export function fakeScores(args: Record<string, unknown>): Scores {
  const request = args.input as ScoreRequest;
  const lines = request.care_items.map((item) => {
    const supervision_points = item.supervision === "high" ? 2 : 0;
    return {
      code: item.code,
      label: item.code,
      base: 8,
      supervision: item.supervision,
      supervision_points,
      points: 8 + supervision_points,
      note: null,
    };
  });
  const total = lines.reduce((sum, line) => sum + line.points, 0);
  const mobility = request.severe_factors.mobility;
  return {
    on: "2026-04-01",
    medical_care: {
      rules_version: "mhlw-2021",
      total,
      band:
        total >= 32
          ? "staffing_1_to_1"
          : total >= 16
            ? "staffing_2_to_1"
            : total >= 3
              ? "medical_care_child"
              : "below_threshold",
      lines,
    },
    severe: {
      rules_version: "a212-2022",
      total: total + 1,
      class: mobility === null ? "undetermined" : total + 1 >= 25 ? "super_severe" : "none",
      mobility_condition: mobility === null ? "unknown" : "met",
      duration_condition: "unknown",
      lines: [{ item_no: 1, label: "レスピレーター管理", points: 10, reason: "人工呼吸器" }],
    },
  };
}

export function childDetail(overrides: Partial<ChildDetail> = {}): ChildDetail {
  return {
    id: "child-1",
    row_version: 3,
    case_number: "KH-2026-0001",
    municipality_name: "川越市",
    location_source: "municipality_hall",
    age_months: 23,
    status: "at_home",
    child: {
      case_number: "KH-2026-0001",
      name: "山田 花子",
      kana: "ヤマダ ハナコ",
      date_of_birth: "2024-05-01",
      sex: "female",
      gestational_weeks: 28,
      birth_weight_g: 980,
      diagnoses: [{ text: "低酸素性虚血性脳症", icd10: "P91.6", perinatal: true }],
      residence: {
        postal_code: "350-0001",
        address: "川越市古谷上1-2-3",
        municipality_code: KAWAGOE.code6,
        lat: null,
        lon: null,
      },
      guardians: [
        {
          name: "山田 恵",
          relation: "母",
          phone_primary: "090-1234-5678",
          phone_secondary: "",
          email: "",
          language_needs: "",
        },
      ],
      siblings: 1,
      certificates: {
        physical_disability_grade: 1,
        ryoiku_techo: "A1",
        shoman_disease: null,
        special_child_allowance: true,
        service_certificate: false,
        medical_care_category: null,
      },
      oshima_cell: 1,
      yokochi_code: null,
      severe_factors: {
        mobility: "bedridden",
        low_spo2: false,
        oral_full_assistance: false,
        hypertonia_care: false,
        position_changes_per_day: null,
      },
      care_items: [
        {
          code: "ventilator",
          supervision: "high",
          details: {
            device: "Trilogy",
            cannula_size: null,
            feeding_route: null,
            hours_per_day: 24,
            suction_frequency: null,
            nebulizer_per_day: null,
            nebulizer_continuous: false,
            catheterizations_per_day: null,
            note: null,
          },
          start_date: "2024-08-01",
          end_date: null,
        },
      ],
      consent: { given_on: "2026-04-01", scope: ["care_team", "hospitals"], note: "" },
      coordinator: "佐藤",
    },
    status_history: [
      {
        status: "referred",
        date: "2026-03-01",
        note: "NICUより紹介",
        recorded_at: "2026-03-01T01:00:00Z",
        recorded_by: "佐藤",
      },
      {
        status: "at_home",
        date: "2026-04-01",
        note: "退院",
        recorded_at: "2026-04-01T01:00:00Z",
        recorded_by: "佐藤",
      },
    ],
    weights: [{ measured_on: "2026-04-01", weight_kg: 8.4 }],
    scores: fakeScores({
      input: {
        care_items: [
          {
            code: "ventilator",
            supervision: "high",
            details: {} as never,
            start_date: null,
            end_date: null,
          },
        ],
        severe_factors: { mobility: "bedridden" },
      },
    }),
    history: [
      {
        at: "2026-04-02T03:04:00Z",
        actor: "佐藤",
        entity: "child",
        action: "update",
        fields: [{ field: "coordinator", before: "鈴木", after: "佐藤" }],
      },
      {
        at: "2026-04-01T01:00:00Z",
        actor: "佐藤",
        entity: "child_care_item",
        action: "update",
        fields: [{ field: "supervision", before: "low", after: "high" }],
      },
    ],
    created_at: "2026-03-01T01:00:00Z",
    updated_at: "2026-04-02T03:04:00Z",
    ...overrides,
  };
}
