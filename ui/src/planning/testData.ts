// Planning answers as the core would give them, for the component tests. The office's today is
// Friday 2026-11-27.
import type {
  Dashboard,
  DashboardTask,
  PathwayTemplate,
  PlanSummary,
  TemplateTask,
} from "../api/bindings";

export const TODAY = "2026-11-27";

export function dashboardTask(
  n: number,
  due: string,
  overrides: Partial<DashboardTask["task"]> = {},
  child: Partial<Omit<DashboardTask, "task">> = {},
): DashboardTask {
  return {
    plan_id: `plan-${n}`,
    child_id: `child-${n}`,
    case_number: `2026-00${n}`,
    child_name: `山田 はると ${n}`,
    target_date: "2026-12-27",
    ...child,
    task: {
      id: `task-${n}-${due}`,
      row_version: 1,
      position: 0,
      phase: "transition",
      role: "attending_physician",
      title: "訪問看護指示書",
      note: "",
      owner: null,
      owner_name: "",
      offset_days: -30,
      due_date: due,
      status: "open",
      done_on: null,
      overdue: due < TODAY,
      ...overrides,
    },
  };
}

export function planSummary(n: number, overrides: Partial<PlanSummary> = {}): PlanSummary {
  return {
    plan_id: `plan-${n}`,
    child_id: `child-${n}`,
    case_number: `2026-00${n}`,
    child_name: `山田 はると ${n}`,
    target_date: "2026-12-27",
    days_to_target: 30,
    open_tasks: 20,
    overdue_tasks: 0,
    done_tasks: 4,
    total_tasks: 24,
    ...overrides,
  };
}

export function dashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return { today: TODAY, due_this_week: [], overdue: [], plans: [], ...overrides };
}

export function templateTask(n: number, overrides: Partial<TemplateTask> = {}): TemplateTask {
  return {
    id: `tt-${n}`,
    row_version: 1,
    position: n,
    phase: "introduction",
    role: "msw",
    title: `タスク ${n}`,
    note: "",
    offset_days: -90,
    ...overrides,
  };
}

/** The default template, shortened to one task of three phases. */
export function pathwayTemplate(overrides: Partial<PathwayTemplate> = {}): PathwayTemplate {
  return {
    id: "template-1",
    row_version: 4,
    name: "標準の退院支援パス",
    note: "岐阜県版小児在宅パスに基づく既定のテンプレート",
    is_default: true,
    tasks: [
      templateTask(0, {
        title: "院内カンファレンス",
        role: "attending_physician",
        note: "ほかに 看護師・MSW",
      }),
      templateTask(1, { phase: "preparation", title: "移動手段の検討", offset_days: -60 }),
      templateTask(2, {
        phase: "home",
        title: "保健師の訪問",
        role: "public_health_nurse",
        offset_days: 7,
      }),
    ],
    ...overrides,
  };
}
