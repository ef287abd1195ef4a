// Plan page answers as the core would give them, for the component tests. "Today" is this
// computer's date, as the core's would be on the same day.
import type {
  ConditionCheck,
  MatchRequest,
  MatchResult,
  PlanDetail,
  PlanSaved,
  PlanTask,
  ProviderMatch,
  Referral,
  ReferralStatus,
  TeamMember,
  TrainingEntry,
} from "../api/bindings";
import { todayIso } from "../cases/dates";
import { addDays, TRAINING_ITEMS } from "./model";

export const TODAY = todayIso();
export const TARGET = addDays(TODAY, 60);

export function task(n: number, overrides: Partial<PlanTask> = {}): PlanTask {
  return {
    id: `task-${n}`,
    row_version: 1,
    position: n,
    phase: "preparation",
    role: "msw",
    title: `課題 ${n}`,
    note: "",
    owner: null,
    owner_name: "",
    offset_days: -60,
    due_date: addDays(TARGET, -60),
    status: "open",
    done_on: null,
    overdue: false,
    ...overrides,
  };
}

/** A plan 60 days before its target: one task done, one overdue, others open. */
export const TASKS: PlanTask[] = [
  task(1, {
    phase: "introduction",
    role: "attending_physician",
    title: "院内カンファレンス",
    offset_days: -90,
    due_date: addDays(TARGET, -90),
    status: "done",
    done_on: addDays(TODAY, -25),
  }),
  task(2, {
    phase: "introduction",
    role: "msw",
    title: "訪問看護・在宅医・相談支援の候補探し",
    offset_days: -90,
    due_date: addDays(TARGET, -90),
    overdue: true,
  }),
  task(3, { role: "msw", title: "第1回 退院前合同カンファレンス" }),
  task(4, {
    phase: "transition",
    role: "ward_nurse",
    title: "自宅の機器配置・環境確認と家庭訪問",
    offset_days: -30,
    due_date: addDays(TARGET, -30),
  }),
];

export function member(n: number, overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    id: `member-${n}`,
    row_version: 1,
    role: "msw",
    provider_id: null,
    provider_kind: null,
    name: "佐藤 MSW",
    person_name: "佐藤 MSW",
    organisation: "埼玉医科大学病院",
    contact: "内線 2345",
    start_date: addDays(TODAY, -30),
    end_date: null,
    current: true,
    referral_id: null,
    note: "",
    ...overrides,
  };
}

/** The core's answers of `next` per status, as a fake shell returns them. */
const NEXT_STEPS: Record<ReferralStatus, ReferralStatus[]> = {
  draft: ["sent", "cancelled"],
  sent: ["accepted", "declined", "cancelled"],
  accepted: ["active", "cancelled"],
  active: ["ended"],
  declined: ["draft"],
  cancelled: ["draft"],
  ended: [],
};

export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: "referral-1",
    row_version: 2,
    role: "visiting_nurse",
    provider_id: "provider-1",
    provider_name: "こもれび訪問看護ステーション",
    provider_kind: "visiting_nursing",
    status: "sent",
    status_on: TODAY,
    sent_on: TODAY,
    decided_on: null,
    start_on: TARGET,
    ended_on: null,
    reason: "",
    note: "",
    history: [
      { status: "draft", on: TODAY, reason: "", recorded_at: `${TODAY}T01:00:00Z`, actor: "owner" },
      { status: "sent", on: TODAY, reason: "", recorded_at: `${TODAY}T01:00:01Z`, actor: "owner" },
    ],
    ...overrides,
    // What the core answers for the status (ReferralStatus::next), unless a test says otherwise.
    next: overrides.next ?? NEXT_STEPS[overrides.status ?? "sent"],
  };
}

const TRAINING: TrainingEntry[] = TRAINING_ITEMS.map((item) => ({
  item,
  id: null,
  row_version: null,
  level: "none",
  on: null,
  by_whom: "",
  note: "",
}));

const REFERABLE = [
  "attending_physician",
  "home_doctor",
  "visiting_nurse",
  "home_help",
  "consultation_specialist",
  "respite",
  "public_health_nurse",
  "school",
  "equipment_vendor",
] as const;

export function planDetail(overrides: Partial<PlanDetail> = {}): PlanDetail {
  const team = overrides.team ?? [member(1)];
  return {
    plan: {
      id: "plan-1",
      row_version: 1,
      child_id: "child-1",
      target_date: TARGET,
      status: "active",
      closed_on: null,
      template_id: "template-default",
      note: "",
      created_at: `${TODAY}T00:00:00Z`,
      updated_at: `${TODAY}T00:00:00Z`,
    },
    child: {
      id: "child-1",
      case_number: "KH-2026-0001",
      name: "山田 花子",
      kana: "ヤマダ ハナコ",
      date_of_birth: "2025-11-01",
      age_months_at_target: 15,
      status: "inpatient_planning",
    },
    today: TODAY,
    tasks: TASKS,
    team,
    open_roles: REFERABLE.filter((role) => !team.some((m) => m.current && m.role === role)),
    referrals: [],
    conferences: [],
    training: TRAINING,
    ...overrides,
  };
}

export const saved = (id: string, plan: PlanDetail): PlanSaved => ({ id, plan });

const met = (criterion: ConditionCheck["criterion"], words: string): ConditionCheck => ({
  criterion,
  verdict: { status: "met" },
  words,
});

function stationChecks(): ConditionCheck[] {
  return [
    met({ kind: "accepts_children" }, "小児の受け入れ ○"),
    met({ kind: "age" }, "年齢 ○"),
    met({ kind: "weight" }, "体重 ○"),
    met({ kind: "care_item", code: "ventilator" }, "人工呼吸器の管理 ○"),
    met({ kind: "service_area" }, "サービス提供地域 ○"),
    met({ kind: "nights" }, "夜間対応 ○"),
  ];
}

export function station(n: number, overrides: Partial<ProviderMatch> = {}): ProviderMatch {
  return {
    provider_id: `provider-${n}`,
    name: `訪問看護ステーション ${n}`,
    kana: `ホウモンカンゴ ${n}`,
    municipality_code: "112011",
    municipality_name: "川越市",
    address: `川越市脇田本町${n}-1`,
    phone: `049-200-000${n}`,
    outcome: "all_met",
    distance_km: 1.2 * n,
    in_service_area: true,
    checks: stationChecks(),
    ...overrides,
  };
}

/** One station meeting everything, one not answering 人工呼吸器, one below the child's weight. */
export const ALL_MET = station(1, { name: "こもれび訪問看護ステーション" });
export const UNKNOWN = station(2, {
  name: "ささのは訪問看護ステーション",
  outcome: "some_unknown",
  checks: stationChecks().map((c) =>
    c.criterion.kind === "care_item"
      ? {
          ...c,
          verdict: { status: "unknown", reason: "not_answered" },
          words: "人工呼吸器の管理 未回答",
        }
      : c,
  ),
});
export const UNMET = station(3, {
  name: "はなみずき訪問看護ステーション",
  outcome: "unmet",
  checks: stationChecks().map((c) =>
    c.criterion.kind === "weight"
      ? {
          ...c,
          verdict: {
            status: "unmet",
            reason: { kind: "weight_above", max_kg: 10, current_kg: 12.4 },
          },
          words: "体重上限 10kg、現在 12.4kg",
        }
      : c,
  ),
});

/** match_providers as the core answers it: unmet providers only when asked for. */
export function matchAnswer(args: Record<string, unknown>): MatchResult {
  const input = args.input as MatchRequest;
  return {
    child_id: input.child_id,
    case_number: "KH-2026-0001",
    kind: input.kind,
    target_date: input.target_date ?? TODAY,
    age_months: 15,
    weight: { measured_on: addDays(TODAY, -3), weight_kg: 12.4 },
    care_items: ["ventilator", "tracheostomy"],
    home: { lat: 35.9, lon: 139.48, source: "entered" },
    needs_nights_and_weekends: true,
    counts: { all_met: 1, some_unknown: 1, unmet: 1 },
    providers: input.include_unmet ? [ALL_MET, UNKNOWN, UNMET] : [ALL_MET, UNKNOWN],
  };
}
