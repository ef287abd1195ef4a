import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type {
  CompleteTaskRequest,
  CreateReferralRequest,
  MatchRequest,
  MoveReferralRequest,
  PlanDetail,
} from "../../api/bindings";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import {
  ALL_MET,
  matchAnswer,
  member,
  planDetail,
  referral,
  saved,
  TARGET,
  TASKS,
  TODAY,
} from "../testData";

type Handler = (args: Record<string, unknown>) => unknown;

/** A shell holding one plan, which the write handlers replace as the core would. */
function planShell(start: PlanDetail = planDetail(), handlers: Record<string, Handler> = {}) {
  const state = { current: start };
  const calls = fakeShell(status("unlocked"), {
    plan_for_child: () => state.current,
    match_providers: matchAnswer,
    ...handlers,
  });
  return { calls, state };
}

const textsOf = (elements: HTMLElement[]) => elements.map((e) => e.textContent?.trim());

describe("discharge plan page", () => {
  it("heads the plan with the child, the target date and the age on it", async () => {
    planShell();
    renderApp("/cases/child-1/plan");

    expect(await screen.findByTestId("plan-child-name")).toHaveTextContent("山田 花子");
    expect(screen.getByTestId("plan-target-date")).toHaveTextContent(TARGET);
    expect(screen.getByTestId("plan-days-left")).toHaveTextContent("あと60日");
    expect(screen.getByTestId("plan-age-at-target")).toHaveTextContent("1歳3か月");
    expect(screen.getByTestId("plan-status")).toHaveTextContent("進行中");
    // The timeline draws every task, the overdue one marked, and today and the target.
    const dots = screen.getAllByTestId("timeline-task");
    expect(dots).toHaveLength(TASKS.length);
    expect(dots.filter((d) => d.dataset.overdue)).toHaveLength(1);
    expect(screen.getByTestId("timeline-today")).toHaveTextContent("今日");
    expect(screen.getByTestId("timeline-target")).toHaveTextContent("目標退院日");
    expect(screen.getByTestId("timeline-phase-introduction")).toHaveTextContent("導入期");
  });

  it("groups the tasks by role with the overdue one marked 期限超過, and ticks one done", async () => {
    const { calls, state } = planShell(planDetail(), {
      complete_task: (args) => {
        const input = args.input as CompleteTaskRequest;
        const tasks = state.current.tasks.map((x) =>
          x.id === input.task_id
            ? { ...x, status: "done" as const, done_on: TODAY, overdue: false, row_version: 2 }
            : x,
        );
        state.current = { ...state.current, tasks };
        return saved(input.task_id, state.current);
      },
    });
    const { user } = renderApp("/cases/child-1/plan");

    const msw = await screen.findByTestId("task-group-msw");
    expect(within(msw).getByText("MSW")).toBeInTheDocument();
    const mswRows = within(msw).getAllByTestId("task-row");
    expect(textsOf(mswRows.map((r) => within(r).getByTestId("task-title")))).toEqual([
      "訪問看護・在宅医・相談支援の候補探し",
      "第1回 退院前合同カンファレンス",
    ]);
    const late = mswRows[0] as HTMLElement;
    expect(within(late).getByTestId("task-overdue")).toHaveTextContent("期限超過");
    expect(within(mswRows[1] as HTMLElement).queryByTestId("task-overdue")).toBeNull();
    expect(screen.getByTestId("tasks-summary")).toHaveTextContent("（期限超過 1件）");
    // The done one is ticked, with its date; groups follow the team's role order.
    const doctor = screen.getByTestId("task-group-attending_physician");
    expect(within(doctor).getByRole("checkbox")).toBeChecked();
    const groups = screen.getAllByTestId(/^task-group-/).map((g) => g.dataset.testid);
    expect(groups).toEqual([
      "task-group-attending_physician",
      "task-group-msw",
      "task-group-ward_nurse",
    ]);

    // The owner choices are the team's members, and nobody.
    const owner = within(late).getByTestId("task-owner");
    expect(textsOf(within(owner).getAllByRole("option"))).toEqual(["担当者なし", "佐藤 MSW"]);

    await user.click(
      within(late).getByRole("checkbox", {
        name: "「訪問看護・在宅医・相談支援の候補探し」を完了にする",
      }),
    );
    await waitFor(() => expect(within(late).getByRole("checkbox")).toBeChecked());
    expect(callsOf(calls, "complete_task")).toEqual([
      { input: { task_id: "task-2", row_version: 1, done_on: null } },
    ]);
    expect(within(late).queryByTestId("task-overdue")).toBeNull();
    expect(late).toHaveTextContent(`${TODAY} 完了`);

    // By phase, the same tasks under 導入期 / 準備期 / 移行期.
    await user.click(screen.getByRole("radio", { name: "時期別" }));
    expect(
      within(screen.getByTestId("task-group-introduction")).getAllByTestId("task-row"),
    ).toHaveLength(2);
  });

  it("finds visiting nurses with ○ × ？ and the reasons, and refers one in a single step", async () => {
    const { calls, state } = planShell(planDetail(), {
      create_referral: (args) => {
        const input = args.input as CreateReferralRequest;
        const draft = referral({
          id: "referral-9",
          row_version: 1,
          provider_id: input.provider_id,
          status: "draft",
          sent_on: null,
          history: [],
        });
        state.current = { ...state.current, referrals: [draft] };
        return saved("referral-9", state.current);
      },
      move_referral: (args) => {
        const input = args.input as MoveReferralRequest;
        const sent = referral({ id: input.referral_id, row_version: 2, status: input.status });
        state.current = { ...state.current, referrals: [sent] };
        return saved(input.referral_id, state.current);
      },
    });
    const { user } = renderApp("/cases/child-1/plan");

    await user.click(await screen.findByTestId("find-open-visiting_nurse"));
    const finder = await screen.findByTestId("finder-visiting_nurse");
    await waitFor(() => expect(within(finder).getAllByTestId("match-provider")).toHaveLength(2));
    expect(callsOf(calls, "match_providers")).toEqual([
      {
        input: {
          child_id: "child-1",
          kind: "visiting_nursing",
          target_date: TARGET,
          include_unmet: false,
          limit: null,
          lang: "ja",
        },
      },
    ]);
    expect(within(finder).getByTestId("find-counts")).toHaveTextContent(
      "条件をすべて満たす 1件 · 未回答あり 1件 · 条件に合わない 1件",
    );
    expect(within(finder).getByTestId("find-facts")).toHaveTextContent("体重 12.4kg");
    const [good, unknown] = within(finder).getAllByTestId("match-provider") as HTMLElement[];
    expect(within(good as HTMLElement).getByTestId("match-outcome")).toHaveTextContent(
      "条件をすべて満たす",
    );
    expect(within(good as HTMLElement).getByTestId("match-distance")).toHaveTextContent(
      "自宅から 1.2km",
    );
    expect(within(good as HTMLElement).getByTestId("match-area")).toHaveTextContent("対応地域内");
    expect(textsOf(within(good as HTMLElement).getAllByTestId("match-mark"))).toContain("○呼吸器");
    expect(within(unknown as HTMLElement).getByTestId("match-reasons")).toHaveTextContent(
      "？ 人工呼吸器の管理 未回答",
    );

    // The station too heavy for is shown once asked for, with the figures on both sides.
    await user.click(
      within(finder).getByRole("switch", { name: "条件に合わない事業所も表示（1件）" }),
    );
    await waitFor(() => expect(within(finder).getAllByTestId("match-provider")).toHaveLength(3));
    const unmet = within(finder).getAllByTestId("match-provider")[2] as HTMLElement;
    expect(within(unmet).getByTestId("match-outcome")).toHaveTextContent("条件に合わない");
    expect(textsOf(within(unmet).getAllByTestId("match-mark"))).toContain("×体重");
    expect(within(unmet).getByTestId("match-reasons")).toHaveTextContent(
      "× 体重上限 10kg、現在 12.4kg",
    );

    await user.click(
      within(good as HTMLElement).getByRole("button", { name: `${ALL_MET.name} に紹介する` }),
    );
    await waitFor(() => expect(callsOf(calls, "move_referral")).toHaveLength(1));
    expect(callsOf(calls, "create_referral")).toEqual([
      {
        input: {
          plan_id: "plan-1",
          provider_id: "provider-1",
          role: "visiting_nurse",
          start_on: null,
          note: "",
        },
      },
    ]);
    // Sent with the draft's row version, dated today by the core.
    expect(callsOf(calls, "move_referral")).toEqual([
      {
        input: {
          referral_id: "referral-9",
          row_version: 1,
          status: "sent",
          on: null,
          reason: "",
          start_on: null,
        },
      },
    ]);
    expect(await within(finder).findByTestId("find-sent")).toHaveTextContent(
      "こもれび訪問看護ステーション に紹介を送りました",
    );
    expect(within(good as HTMLElement).getByTestId("match-referred")).toHaveTextContent(
      "紹介済み（依頼済み）",
    );
    const card = within(screen.getByTestId("plan-referrals")).getByTestId("referral");
    expect(within(card).getByTestId("referral-status")).toHaveTextContent("依頼済み");
  });

  it("moves an accepted referral's provider into the team under its role, and onto the timeline", async () => {
    const { calls, state } = planShell(planDetail({ referrals: [referral()] }), {
      move_referral: (args) => {
        const input = args.input as MoveReferralRequest;
        const nurse = member(2, {
          role: "visiting_nurse",
          provider_id: "provider-1",
          provider_kind: "visiting_nursing",
          name: "こもれび訪問看護ステーション",
          person_name: "",
          organisation: "",
          contact: "049-200-0001",
          start_date: input.start_on ?? TARGET,
          referral_id: input.referral_id,
        });
        const team = [...state.current.team, nurse];
        state.current = planDetail({
          team,
          referrals: [referral({ row_version: 3, status: "accepted", decided_on: TODAY })],
        });
        return saved(input.referral_id, state.current);
      },
    });
    const { user } = renderApp("/cases/child-1/plan");

    expect(await screen.findByTestId("team-open-visiting_nurse")).toHaveTextContent("未定");
    expect(screen.getByTestId("find-visiting_nurse")).toBeInTheDocument();
    await user.click(await screen.findByTestId("referral-step-accepted"));
    const form = await screen.findByTestId("referral-step-form");
    expect(within(form).getByTestId("referral-step-start")).toHaveValue(TARGET);
    await user.click(within(form).getByTestId("referral-step-save"));

    await waitFor(() =>
      expect(
        within(screen.getByTestId("referral")).getByTestId("referral-status"),
      ).toHaveTextContent("受諾"),
    );
    expect(callsOf(calls, "move_referral")).toEqual([
      {
        input: {
          referral_id: "referral-1",
          row_version: 2,
          status: "accepted",
          on: TODAY,
          reason: "",
          start_on: TARGET,
        },
      },
    ]);
    const nurse = screen
      .getAllByTestId("team-member")
      .find((m) => m.dataset.role === "visiting_nurse") as HTMLElement;
    expect(nurse).toHaveTextContent("訪問看護");
    expect(nurse).toHaveTextContent("こもれび訪問看護ステーション");
    expect(nurse).toHaveTextContent(`${TARGET} から開始予定`);
    expect(screen.queryByTestId("team-open-visiting_nurse")).toBeNull();
    expect(screen.queryByTestId("find-visiting_nurse")).toBeNull();
    expect(screen.getByTestId("timeline-member")).toHaveTextContent(
      "訪問看護 こもれび訪問看護ステーション",
    );
    // Accepted, it can start or be cancelled; nothing else.
    expect(textsOf(within(screen.getByTestId("referral")).getAllByRole("button"))).toEqual([
      "経過（2件）",
      "開始",
      "取消",
    ]);
  });

  it("refuses a decline without a reason at the reason field, then records it with one", async () => {
    const { calls, state } = planShell(planDetail({ referrals: [referral()] }), {
      move_referral: (args) => {
        const input = args.input as MoveReferralRequest;
        if (input.status === "declined" && input.reason === "") {
          throw apiError("validation", "理由を入力してください", "reason");
        }
        state.current = planDetail({
          referrals: [
            referral({
              row_version: 3,
              status: "declined",
              decided_on: TODAY,
              reason: input.reason,
            }),
          ],
        });
        return saved(input.referral_id, state.current);
      },
    });
    const { user } = renderApp("/cases/child-1/plan");

    await user.click(await screen.findByTestId("referral-step-declined"));
    const form = await screen.findByTestId("referral-step-form");
    const reason = within(form).getByTestId("referral-step-reason");
    expect(reason).toHaveFocus();
    await user.click(within(form).getByTestId("referral-step-save"));
    expect(await within(form).findByText("理由を入力してください")).toBeInTheDocument();
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(within(screen.getByTestId("referral")).getByTestId("referral-status")).toHaveTextContent(
      "依頼済み",
    );

    await user.type(reason, "呼吸器の小児は受け入れ体制がない{Enter}");
    await waitFor(() =>
      expect(
        within(screen.getByTestId("referral")).getByTestId("referral-status"),
      ).toHaveTextContent("辞退"),
    );
    expect(screen.getByTestId("referral-reason")).toHaveTextContent(
      "理由: 呼吸器の小児は受け入れ体制がない",
    );
    expect(
      callsOf(calls, "move_referral").map((c) => (c.input as MoveReferralRequest).reason),
    ).toEqual(["", "呼吸器の小児は受け入れ体制がない"]);
    // Declined, it can only be reopened.
    expect(screen.getByTestId("referral-step-draft")).toHaveTextContent("再開");
  });

  it("switches to English, with the core's words asked for in English too", async () => {
    const { calls } = planShell();
    const { user } = renderApp("/cases/child-1/plan");
    await screen.findByTestId("plan-page");
    await user.click(screen.getByRole("radio", { name: "English" }));
    expect(await screen.findByText("Find providers", { selector: "h2" })).toBeInTheDocument();
    expect(screen.getByTestId("plan-age-at-target")).toHaveTextContent("1 y 3 m");
    await user.click(screen.getByTestId("find-open-visiting_nurse"));
    await waitFor(() =>
      expect(callsOf(calls, "match_providers").map((c) => (c.input as MatchRequest).lang)).toEqual([
        "en",
      ]),
    );
  });
});
