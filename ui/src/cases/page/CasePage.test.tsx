import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ChangeStatusRequest, ChildDetail, UpdateChildRequest } from "../../api/bindings";
import { childDetail, fakeScores, MUNICIPALITIES } from "../../test/cases";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";

type Handler = (args: Record<string, unknown>) => unknown;

function pageShell(detail: ChildDetail = childDetail(), handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    get_child: () => detail,
    list_municipalities: () => MUNICIPALITIES,
    compute_scores: fakeScores,
    ...handlers,
  });
}

const optionValues = (select: HTMLElement) =>
  within(select)
    .getAllByRole("option")
    .map((option) => (option as HTMLOptionElement).value);

describe("case page", () => {
  it("shows who the child is, with age in months under two and the status", async () => {
    const calls = pageShell();
    renderApp("/cases/child-1");

    expect(await screen.findByTestId("case-title")).toHaveTextContent("山田 花子");
    expect(screen.getByText("ヤマダ ハナコ")).toBeInTheDocument();
    expect(screen.getByTestId("case-number")).toHaveTextContent("KH-2026-0001");
    expect(screen.getByTestId("case-age")).toHaveTextContent("23か月");
    expect(screen.getByTestId("case-status")).toHaveTextContent("在宅");
    const summary = screen.getByTestId("case-summary");
    expect(summary).toHaveTextContent("令和6年5月1日");
    expect(summary).toHaveTextContent("低酸素性虚血性脳症");
    expect(summary).toHaveTextContent("周産期由来");
    expect(summary).toHaveTextContent("川越市");
    expect(summary).toHaveTextContent("090-1234-5678");
    expect(summary).toHaveTextContent("身体障害者手帳 1級");
    expect(summary).toHaveTextContent("在宅支援チーム・医療機関");
    expect(callsOf(calls, "get_child")).toEqual([{ input: { id: "child-1", case_number: null } }]);
  });

  it("says years and months from two years on", async () => {
    pageShell(childDetail({ age_months: 31 }));
    renderApp("/cases/child-1");
    expect(await screen.findByTestId("case-age")).toHaveTextContent("2歳7か月");
  });

  it("shows the care items with their details and both scores with their breakdowns", async () => {
    pageShell();
    renderApp("/cases/child-1");

    const care = await screen.findByTestId("case-care");
    const ventilator = within(care).getByTestId("case-care-ventilator");
    expect(ventilator).toHaveTextContent("人工呼吸器の管理");
    expect(ventilator).toHaveTextContent("高");
    expect(ventilator).toHaveTextContent("Trilogy");
    expect(ventilator).toHaveTextContent("24時間/日");
    expect(ventilator).toHaveTextContent("2024-08-01〜");
    expect(within(care).getByTestId("score-medical-care-total")).toHaveTextContent("10");
    expect(within(care).getByTestId("score-medical-care-band")).toHaveTextContent(
      "医療的ケア児（3点以上）",
    );
    expect(within(care).getByTestId("score-line-ventilator")).toHaveTextContent("10点");
    expect(within(care).getByTestId("score-severe-total")).toHaveTextContent("11");
    expect(within(care).getByTestId("score-severe-mobility")).toHaveTextContent(
      "運動機能が座位まで: 満たす",
    );
    expect(within(care).getByText("レスピレーター管理")).toBeInTheDocument();
  });

  it("shows the status history newest first and the change history as before → after", async () => {
    pageShell();
    renderApp("/cases/child-1");

    const items = await screen.findAllByTestId("status-history-item");
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining("在宅2026-04-01退院"),
      expect.stringContaining("紹介受付2026-03-01NICUより紹介"),
    ]);
    const [latest, earlier] = screen.getAllByTestId("history-entry");
    expect(latest).toHaveTextContent("佐藤");
    expect(latest).toHaveTextContent("基本情報");
    expect(latest).toHaveTextContent("担当コーディネーター");
    expect(latest).toHaveTextContent("鈴木 → 佐藤");
    // Codes read as their labels.
    expect(earlier).toHaveTextContent("医療的ケア");
    expect(earlier).toHaveTextContent("見守り低 → 高");
    expect(screen.getByTestId("case-team")).toHaveTextContent(
      "退院支援の機能で在宅支援チームを登録できるようになります（準備中）",
    );
  });

  it("offers only the statuses the current one may move to, and sends the change with its version", async () => {
    const calls = pageShell(childDetail(), {
      change_child_status: (args) => {
        const input = args.input as ChangeStatusRequest;
        return childDetail({
          status: input.status,
          row_version: 4,
          status_history: [
            ...childDetail().status_history,
            {
              status: input.status,
              date: input.date,
              note: input.note,
              recorded_at: "2026-05-01T00:00:00Z",
              recorded_by: "佐藤",
            },
          ],
        });
      },
    });
    const { user } = renderApp("/cases/child-1");
    const select = await screen.findByTestId("status-change-select");

    expect(optionValues(select)).toEqual(["", "readmitted", "transitioned", "deceased", "closed"]);
    expect(screen.getByTestId("status-change-submit")).toBeDisabled();

    await user.selectOptions(select, "readmitted");
    const date = screen.getByTestId("status-change-date");
    await user.clear(date);
    await user.type(date, "2026/5/1");
    await user.type(screen.getByTestId("status-change-note"), "肺炎で入院{Enter}");

    await waitFor(() => expect(screen.getByTestId("case-status")).toHaveTextContent("再入院中"));
    expect(callsOf(calls, "change_child_status")).toEqual([
      {
        input: {
          id: "child-1",
          row_version: 3,
          status: "readmitted",
          date: "2026-05-01",
          note: "肺炎で入院",
        },
      },
    ]);
    // The options follow the new status.
    expect(optionValues(screen.getByTestId("status-change-select"))).toEqual([
      "",
      "at_home",
      "transitioned",
      "deceased",
      "closed",
    ]);
  });

  it("shows the core's refusal of a status at the status field", async () => {
    pageShell(childDetail(), {
      change_child_status: () => {
        throw apiError("validation", "在宅から紹介受付には変更できません", "status");
      },
    });
    const { user } = renderApp("/cases/child-1");
    await user.selectOptions(await screen.findByTestId("status-change-select"), "closed");
    await user.click(screen.getByTestId("status-change-submit"));

    await waitFor(() =>
      expect(screen.getByTestId("status-change-select")).toHaveAccessibleDescription(
        "在宅から紹介受付には変更できません",
      ),
    );
  });

  it("says a final status cannot change instead of offering an empty choice", async () => {
    pageShell(childDetail({ status: "deceased" }));
    renderApp("/cases/child-1");
    expect(await screen.findByTestId("status-final")).toHaveTextContent("「死亡」は最終の状態");
    expect(screen.queryByTestId("status-change-select")).not.toBeInTheDocument();
  });

  it("records a weight and shows the refusal of an impossible one at the weight field", async () => {
    let attempt = 0;
    const calls = pageShell(childDetail(), {
      record_weight: () => {
        attempt++;
        if (attempt === 1)
          throw apiError(
            "validation",
            "体重は0より大きく150kg以下で入力してください",
            "weight.weight_kg",
          );
        return childDetail({
          weights: [{ measured_on: "2026-05-01", weight_kg: 8.9 }, ...childDetail().weights],
        });
      },
    });
    const { user } = renderApp("/cases/child-1");
    const kg = await screen.findByTestId("weight-kg");

    await user.type(kg, "890{Enter}");
    await waitFor(() =>
      expect(kg).toHaveAccessibleDescription("体重は0より大きく150kg以下で入力してください"),
    );
    await user.clear(kg);
    await user.type(kg, "8.9{Enter}");

    await waitFor(() => expect(screen.getByTestId("weight-list")).toHaveTextContent("8.9 kg"));
    expect(callsOf(calls, "record_weight").at(-1)).toEqual({
      input: {
        id: "child-1",
        weight: { measured_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), weight_kg: 8.9 },
      },
    });
  });

  it("shows its labels in English once switched", async () => {
    pageShell();
    const { user } = renderApp("/cases/child-1");
    await screen.findByTestId("case-title");

    await user.click(screen.getByText("English"));

    expect(await screen.findByRole("heading", { name: "Status history" })).toBeInTheDocument();
    expect(screen.getByTestId("case-status")).toHaveTextContent("At home");
    expect(screen.getByTestId("case-age")).toHaveTextContent("23 mo");
    expect(screen.getByRole("heading", { name: "Change history" })).toBeInTheDocument();
    expect(screen.getByTestId("case-edit")).toHaveTextContent("Edit");
  });
});

describe("editing a case", () => {
  it("opens filled in and saves with the version it was loaded at", async () => {
    const calls = pageShell(childDetail(), {
      update_child: (args) =>
        childDetail({ child: (args.input as UpdateChildRequest).child, row_version: 4 }),
    });
    const { user } = renderApp("/cases/child-1");
    await user.click(await screen.findByTestId("case-edit"));

    const name = await screen.findByTestId("child-name");
    expect(name).toHaveValue("山田 花子");
    expect(screen.getByTestId("child-municipality")).toHaveValue("川越市");
    expect(screen.getByTestId("care-item-ventilator")).toBeChecked();
    expect(screen.getByTestId("care-item-ventilator-supervision")).toHaveValue("high");
    expect(screen.queryByTestId("child-weight")).not.toBeInTheDocument();
    await user.clear(name);
    await user.type(name, "山田 はな子");
    await user.click(screen.getByTestId("child-save"));

    expect(await screen.findByTestId("case-title")).toHaveTextContent("山田 はな子");
    const [update] = callsOf(calls, "update_child");
    const input = update?.input as UpdateChildRequest;
    expect(input.id).toBe("child-1");
    expect(input.row_version).toBe(3);
    expect(input.child.care_items).toEqual(childDetail().child.care_items);
  });

  it("tells when someone else saved first, keeping what was typed", async () => {
    pageShell(childDetail(), {
      update_child: () => {
        throw apiError("conflict", "ほかの人が先に保存しました。最新の内容を開き直してください。");
      },
    });
    const { user } = renderApp("/cases/child-1/edit");
    const name = await screen.findByTestId("child-name");
    await user.type(name, "X");
    await user.click(screen.getByTestId("child-save"));

    expect(await screen.findByTestId("case-form-error")).toHaveTextContent(
      "ほかの人が先に保存しました",
    );
    expect(name).toHaveValue("山田 花子X");
  });
});
