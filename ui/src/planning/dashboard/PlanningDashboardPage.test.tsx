import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { callsOf, fakeShell, status } from "../../test/shell";
import { dashboard, dashboardTask, planSummary } from "../testData";

describe("planning dashboard", () => {
  it("shows overdue tasks in red first, then this week's, then plans by target date, each opening the child's plan", async () => {
    fakeShell(status("unlocked"), {
      planning_dashboard: () =>
        dashboard({
          overdue: [
            dashboardTask(1, "2026-11-24", {
              title: "24時間スケジュール作成",
              role: "ward_nurse",
              owner_name: "佐藤 看護師",
            }),
          ],
          due_this_week: [
            dashboardTask(2, "2026-11-27", { title: "外泊訓練" }),
            dashboardTask(1, "2026-11-30", { role: "msw", title: "移動手段の検討" }),
          ],
          plans: [
            planSummary(1, { days_to_target: 12, target_date: "2026-12-09", overdue_tasks: 1 }),
            planSummary(2, { days_to_target: 30, done_tasks: 3, total_tasks: 24 }),
          ],
        }),
    });
    renderApp("/planning");

    const page = await screen.findByTestId("planning-dashboard");
    expect(screen.getByTestId("nav-planning")).toHaveAttribute("aria-current", "page");
    expect(screen.getByTestId("nav-planning")).not.toHaveTextContent("準備中");
    expect(await within(page).findByTestId("planning-today")).toHaveTextContent(
      "今日 2026/11/27（金）",
    );
    const sections = within(page)
      .getAllByRole("heading", { level: 2 })
      .map((h) => h.textContent);
    expect(sections).toEqual(["期限超過", "今週の期限", "退院目標日の近い計画"]);

    const [late] = screen.getAllByTestId("planning-overdue-row") as [HTMLElement];
    expect(late).toHaveTextContent("2026/11/24（火）");
    expect(within(late).getByTestId("task-when")).toHaveTextContent("3日超過");
    expect(late).toHaveTextContent("山田 はると 1");
    expect(late).toHaveTextContent("ケース番号 2026-001");
    expect(late).toHaveTextContent("看護師");
    expect(late).toHaveTextContent("佐藤 看護師");
    expect(within(late).getByRole("link", { name: "24時間スケジュール作成" })).toHaveAttribute(
      "href",
      "#/cases/child-1/plan",
    );

    const week = screen.getAllByTestId("planning-week-row");
    expect(week.map((row) => within(row).getByTestId("task-when").textContent)).toEqual([
      "今日",
      "3日後",
    ]);
    expect(week[0]).toHaveTextContent("未定");
    expect(week[1]).toHaveTextContent("2026/11/30（月）");
    expect(week[1]).toHaveTextContent("MSW");
    expect(within(screen.getByTestId("planning-week-section")).getByText(/〜/)).toHaveTextContent(
      "2026/11/27（金）〜2026/12/03（木）",
    );

    const plans = screen.getAllByTestId("planning-plan-row");
    expect(plans).toHaveLength(2);
    const [soon, later] = plans as [HTMLElement, HTMLElement];
    expect(soon).toHaveTextContent("2026/12/09（水）");
    expect(within(soon).getByTestId("plan-days-left")).toHaveTextContent("あと 12 日");
    expect(within(soon).getByTestId("plan-overdue")).toHaveTextContent("期限超過 1件");
    expect(within(soon).getByRole("link", { name: "山田 はると 1" })).toHaveAttribute(
      "href",
      "#/cases/child-1/plan",
    );
    expect(within(later).getByTestId("plan-progress")).toHaveTextContent("3/24 完了");
    expect(within(later).getByRole("progressbar")).toHaveAttribute(
      "aria-label",
      "完了したタスク 3/24",
    );
    expect(later).toHaveTextContent("期限超過なし");
  });

  it("asks for one owner's tasks once a name is typed, and remembers the name for next time", async () => {
    const calls = fakeShell(status("unlocked"), {
      planning_dashboard: () => dashboard({ plans: [planSummary(1)] }),
    });
    const { user, unmount } = renderApp("/planning");

    await screen.findByTestId("planning-plans-section");
    expect(callsOf(calls, "planning_dashboard")[0]).toEqual({ input: { owner: null } });

    await user.type(screen.getByRole("textbox", { name: "自分のタスク" }), "山田 花子");
    await waitFor(() =>
      expect(callsOf(calls, "planning_dashboard").at(-1)).toEqual({
        input: { owner: "山田 花子" },
      }),
    );
    expect(
      await screen.findByText("山田 花子 さんが担当する期限超過のタスクはありません。"),
    ).toBeVisible();
    unmount();

    const again = fakeShell(status("unlocked"), {
      planning_dashboard: () => dashboard({ plans: [planSummary(1)] }),
    });
    renderApp("/planning");
    await screen.findByTestId("planning-plans-section");
    expect(screen.getByRole("textbox", { name: "自分のタスク" })).toHaveValue("山田 花子");
    expect(callsOf(again, "planning_dashboard")[0]).toEqual({ input: { owner: "山田 花子" } });
  });

  it("says how to start when there is no plan yet", async () => {
    fakeShell(status("unlocked"), { planning_dashboard: () => dashboard() });
    const { user } = renderApp("/planning");

    const empty = await screen.findByTestId("planning-empty");
    expect(empty).toHaveTextContent("退院支援計画はまだありません。");
    expect(empty).toHaveTextContent("ケースのページから「退院支援計画」を作成します。");
    fakeShell(status("unlocked"), {
      search_children: () => ({ total: 0, rows: [] }),
      list_municipalities: () => [],
    });
    await user.click(within(empty).getByRole("link", { name: "ケース一覧へ" }));
    expect(await screen.findByTestId("nav-cases")).toHaveAttribute("aria-current", "page");
  });

  it("shows the dashboard in English when English is chosen", async () => {
    window.localStorage.setItem("kakehashi.lang", "en");
    fakeShell(status("unlocked"), {
      planning_dashboard: () =>
        dashboard({
          overdue: [dashboardTask(1, "2026-11-26")],
          plans: [planSummary(1, { days_to_target: 1 })],
        }),
    });
    renderApp("/planning");

    const late = await screen.findByTestId("planning-overdue-row");
    expect(late).toHaveTextContent("2026/11/26 (Thu)");
    expect(late).toHaveTextContent("1 day overdue");
    expect(late).toHaveTextContent("Attending physician");
    expect(screen.getByTestId("plan-days-left")).toHaveTextContent("1 day left");
    expect(screen.getByRole("heading", { name: "Due this week" })).toBeVisible();
  });
});
