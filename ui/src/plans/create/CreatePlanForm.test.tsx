import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CreatePlanRequest, PathwayTemplate } from "../../api/bindings";
import { childDetail } from "../../test/cases";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import { addDays } from "../model";
import { planDetail, saved, TODAY } from "../testData";

const TEMPLATES: PathwayTemplate[] = [
  {
    id: "template-default",
    row_version: 1,
    name: "小児在宅パス",
    note: "",
    is_default: true,
    tasks: [],
  },
  {
    id: "template-short",
    row_version: 1,
    name: "短期入院用",
    note: "",
    is_default: false,
    tasks: [],
  },
];

function createShell(createPlan: (args: Record<string, unknown>) => unknown) {
  return fakeShell(status("unlocked"), {
    plan_for_child: () => null,
    get_child: () => childDetail(),
    list_templates: () => TEMPLATES,
    create_plan: createPlan,
  });
}

describe("creating a discharge plan", () => {
  it("offers the form when the child has none, a target about 90 days ahead and the default template", async () => {
    createShell(() => null);
    renderApp("/cases/child-1/plan");

    expect(await screen.findByTestId("plan-create-form")).toHaveTextContent("退院支援計画の作成");
    expect(await screen.findByText("山田 花子（KH-2026-0001）")).toBeInTheDocument();
    const target = screen.getByTestId("plan-create-target");
    expect(target).toHaveValue(addDays(TODAY, 90));
    expect(target).toHaveFocus();
    const template = screen.getByTestId("plan-create-template");
    await waitFor(() => expect(template).toHaveTextContent("小児在宅パス（標準）"));
    expect(template).toHaveValue("");
    expect(template).toHaveTextContent("短期入院用");
  });

  it("shows the core's refusal of a past target date at that field, and creates nothing", async () => {
    const calls = createShell((args) => {
      const input = args.input as CreatePlanRequest;
      if (input.target_date < TODAY) {
        throw apiError("validation", "目標退院日は今日以降の日付にしてください", "target_date");
      }
      return saved("plan-1", planDetail());
    });
    const { user } = renderApp("/cases/child-1/plan");

    const target = await screen.findByTestId("plan-create-target");
    await user.clear(target);
    await user.type(target, "2020/4/1");
    await user.click(screen.getByTestId("plan-create-submit"));

    expect(await screen.findByText("目標退院日は今日以降の日付にしてください")).toBeInTheDocument();
    expect(target).toHaveAttribute("aria-invalid", "true");
    // Typed as people write dates, sent as ISO; the default template is left to the core.
    expect(callsOf(calls, "create_plan")).toEqual([
      { input: { child_id: "child-1", target_date: "2020-04-01", template_id: null, note: "" } },
    ]);
    expect(screen.queryByTestId("plan-page")).not.toBeInTheDocument();
    await waitFor(() => expect(target).toHaveFocus());
  });

  it("opens the plan page once the plan is made", async () => {
    const calls = createShell(() => saved("plan-1", planDetail()));
    const { user } = renderApp("/cases/child-1/plan");

    const template = await screen.findByTestId("plan-create-template");
    await waitFor(() => expect(template).toHaveTextContent("短期入院用"));
    await user.selectOptions(template, "template-short");
    await user.type(screen.getByTestId("plan-create-note"), "外泊訓練の結果で見直す");
    await user.click(screen.getByTestId("plan-create-submit"));

    expect(await screen.findByTestId("plan-page")).toBeInTheDocument();
    expect(screen.getByTestId("plan-child-name")).toHaveTextContent("山田 花子");
    expect(screen.getByTestId("plan-age-at-target")).toHaveTextContent("1歳3か月");
    expect(callsOf(calls, "create_plan")[0]).toEqual({
      input: {
        child_id: "child-1",
        target_date: addDays(TODAY, 90),
        template_id: "template-short",
        note: "外泊訓練の結果で見直す",
      },
    });
  });
});
