// Survey campaign answers as the core would give them, for the component tests.
import type {
  CampaignDetail,
  CampaignSummary,
  CampaignTarget,
  ChaseRow,
  StateCounts,
} from "../api/bindings";

export function counts(overrides: Partial<StateCounts> = {}): StateCounts {
  return { sent: 0, phoned: 0, visited: 0, no_answer: 0, answered: 0, ...overrides };
}

export function summary(overrides: Partial<CampaignSummary> = {}): CampaignSummary {
  const c = overrides.counts ?? counts({ sent: 2, phoned: 1 });
  const total = c.sent + c.phoned + c.visited + c.no_answer + c.answered;
  return {
    id: "campaign-1",
    row_version: 1,
    title: "令和8年度 小児受け入れ調査",
    sent_on: "2026-04-01",
    due_on: "2026-04-30",
    note: "",
    counts: c,
    total,
    answered_percent: total === 0 ? 0 : Math.round((c.answered * 100) / total),
    created_at: "2026-04-01T01:00:00Z",
    updated_at: "2026-04-01T01:00:00Z",
    ...overrides,
  };
}

export function target(n: number, overrides: Partial<CampaignTarget> = {}): CampaignTarget {
  return {
    id: `target-${n}`,
    row_version: 1,
    provider_id: `provider-${n}`,
    provider_name: `訪問看護ステーション ${n}`,
    provider_kana: `ホウモンカンゴ ${n}`,
    provider_kind: "visiting_nursing",
    municipality_name: "川越市",
    phone: `049-222-000${n}`,
    state: "sent",
    state_on: "2026-04-01",
    answered_on: null,
    note: "",
    ...overrides,
  };
}

/** Three targets, in the core's order (by state, then reading): two sent, one phoned. */
export function detail(targets: CampaignTarget[] = defaultTargets()): CampaignDetail {
  const c = counts();
  for (const t of targets) c[t.state] += 1;
  return { campaign: summary({ counts: c }), targets };
}

function defaultTargets(): CampaignTarget[] {
  return [
    target(1),
    target(3),
    target(2, { state: "phoned", state_on: "2026-04-10", note: "担当者不在、来週再度" }),
  ];
}

export function chaseRow(t: CampaignTarget): ChaseRow {
  return {
    target_id: t.id,
    provider_id: t.provider_id,
    name: t.provider_name,
    kana: t.provider_kana,
    kind: t.provider_kind,
    municipality_name: t.municipality_name,
    phone: t.phone,
    fax: "049-222-9999",
    contact_person: "田中",
    state: t.state,
    state_on: t.state_on,
    note: t.note,
  };
}
