import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type {
  CampaignDetail,
  CampaignTarget,
  RecordAnswerRequest,
  SetTargetStateRequest,
} from "../../api/bindings";
import { todayIso } from "../../cases/dates";
import { MUNICIPALITIES } from "../../test/cases";
import { providerDetail } from "../../test/providers";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import { chaseRow, detail, target } from "../testData";

type Handler = (args: Record<string, unknown>) => unknown;

/** A shell whose campaign changes as the handlers say, read again after each write. */
function pageShell(start: CampaignDetail = detail(), handlers: Record<string, Handler> = {}) {
  const state = { current: start };
  const calls = fakeShell(status("unlocked"), {
    get_campaign: () => state.current,
    chase_list: () => state.current.targets.filter((t) => t.state !== "answered").map(chaseRow),
    list_municipalities: () => MUNICIPALITIES,
    get_provider: () => providerDetail(),
    ...handlers,
  });
  return { calls, state };
}

const rowOf = async (name: string) => {
  const rows = await screen.findAllByTestId("target-row");
  const row = rows.find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

const rowOf1 = () =>
  screen
    .getAllByTestId("target-row")
    .find((r) => r.textContent?.includes("ステーション 1")) as HTMLElement;

const replaced = (d: CampaignDetail, next: CampaignTarget) =>
  detail(d.targets.map((t) => (t.id === next.id ? next : t)));

afterEach(() => vi.restoreAllMocks());

describe("survey campaign page", () => {
  it("lists the targets in 五十音順 with their state, and filters them by state", async () => {
    pageShell();
    const { user } = renderApp("/surveys/campaign-1");

    expect(await screen.findByTestId("survey-page-title")).toHaveTextContent(
      "令和8年度 小児受け入れ調査",
    );
    expect(screen.getByTestId("survey-page-progress-line")).toHaveTextContent(
      "3件送付 · 0件回答 · 1件電話",
    );
    expect(screen.getByTestId("survey-page-progress-legend")).toHaveTextContent("送付済み 2");
    const names = () =>
      screen.getAllByTestId("target-row").map((r) => r.querySelector("a")?.textContent);
    // The core sends them by state; the page reads them by reading, whatever their state.
    expect(names()).toEqual([
      "訪問看護ステーション 1",
      "訪問看護ステーション 2",
      "訪問看護ステーション 3",
    ]);
    const phoned = await rowOf("ステーション 2");
    expect(within(phoned).getByTestId("target-state")).toHaveTextContent("電話済み");
    expect(phoned).toHaveTextContent("2026-04-10");
    expect(phoned).toHaveTextContent("担当者不在、来週再度");

    await user.click(screen.getByRole("radio", { name: "電話済み 1" }));
    expect(names()).toEqual(["訪問看護ステーション 2"]);
    await user.click(screen.getByRole("radio", { name: "回答済み 0" }));
    expect(screen.getByTestId("target-none")).toHaveTextContent("この状況の事業所はありません。");
  });

  it("records a call with its date and note, saved with the row version, then shows it", async () => {
    const { calls, state } = pageShell(detail(), {
      set_target_state: (args) => {
        const input = args.input as SetTargetStateRequest;
        const next = target(1, {
          row_version: 2,
          state: input.state,
          state_on: input.on,
          note: input.note,
        });
        state.current = replaced(state.current, next);
        return next;
      },
    });
    const { user } = renderApp("/surveys/campaign-1");

    await user.click(within(await rowOf("ステーション 1")).getByTestId("target-record-step"));
    const form = await screen.findByTestId("step-form");
    expect(within(form).getByTestId("step-state")).toHaveFocus();
    expect(within(form).getByTestId("step-state")).toHaveValue("phoned");
    expect(within(form).getByTestId("step-on")).toHaveValue(todayIso());
    // Esc closes it without saving; opening it again starts afresh.
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("step-form")).not.toBeInTheDocument();
    await waitFor(() => expect(within(rowOf1()).getByTestId("target-record-step")).toHaveFocus());
    await user.click(within(await rowOf("ステーション 1")).getByTestId("target-record-step"));
    const again = await screen.findByTestId("step-form");
    expect(again).not.toBe(form);
    await user.selectOptions(within(again).getByTestId("step-state"), "no_answer");
    await user.type(within(again).getByTestId("step-note"), "留守電に伝言{Enter}");

    await waitFor(() => expect(screen.queryByTestId("step-form")).not.toBeInTheDocument());
    expect(callsOf(calls, "set_target_state")).toEqual([
      {
        input: {
          target_id: "target-1",
          row_version: 1,
          state: "no_answer",
          on: todayIso(),
          note: "留守電に伝言",
        },
      },
    ]);
    const row = await rowOf("ステーション 1");
    await waitFor(() =>
      expect(within(row).getByTestId("target-state")).toHaveTextContent("応答なし"),
    );
    expect(row).toHaveTextContent("留守電に伝言");
    expect(screen.getByTestId("survey-page-progress-line")).toHaveTextContent(
      "3件送付 · 0件回答 · 1件電話 · 1件応答なし",
    );
  });

  it("says when someone else saved the target first, keeps the input, and retries with the new version", async () => {
    let tries = 0;
    const { calls, state } = pageShell(detail(), {
      set_target_state: () => {
        tries += 1;
        if (tries === 1) {
          state.current = replaced(
            state.current,
            target(1, { row_version: 5, note: "別の人のメモ" }),
          );
          throw apiError(
            "conflict",
            "この記録は開いている間に他の人が変更しました。開き直して最新の内容を確認してから、もう一度保存してください。",
          );
        }
        return target(1, { row_version: 6, state: "phoned" });
      },
    });
    const { user } = renderApp("/surveys/campaign-1");

    await user.click(within(await rowOf("ステーション 1")).getByTestId("target-record-step"));
    await user.type(await screen.findByTestId("step-note"), "折り返し待ち");
    await user.click(screen.getByTestId("step-save"));

    const error = await screen.findByTestId("step-error");
    expect(error).toHaveTextContent("他の人が変更しました");
    expect(error).toHaveFocus();
    expect(screen.getByTestId("step-note")).toHaveValue("折り返し待ち");
    // The row behind the form shows what the other person saved.
    await waitFor(async () =>
      expect(await rowOf("ステーション 1")).toHaveTextContent("別の人のメモ"),
    );

    await user.click(screen.getByTestId("step-save"));
    await waitFor(() => expect(screen.queryByTestId("step-form")).not.toBeInTheDocument());
    const versions = callsOf(calls, "set_target_state").map(
      (args) => (args.input as SetTargetStateRequest).row_version,
    );
    expect(versions).toEqual([1, 5]);
  });

  it("enters an answer with the provider's conditions form and records it as the target's answer", async () => {
    const { calls, state } = pageShell(detail(), {
      record_survey_answer: (args) => {
        const input = args.input as RecordAnswerRequest;
        const next = target(3, {
          row_version: 2,
          state: "answered",
          state_on: input.answered_on,
          answered_on: input.answered_on,
        });
        state.current = replaced(state.current, next);
        return next;
      },
    });
    const { user } = renderApp("/surveys/campaign-1");

    await user.click(within(await rowOf("ステーション 3")).getByTestId("target-enter-answer"));
    const form = await screen.findByTestId("answer-form");
    expect(within(form).queryByTestId("answer-source")).not.toBeInTheDocument();
    const date = within(form).getByTestId("answer-date");
    await user.clear(date);
    await user.type(date, "2026/4/20");
    await user.click(within(form).getByTestId("condition-dialysis-yes"));
    await user.click(within(form).getByTestId("answer-save"));

    await waitFor(() => expect(screen.queryByTestId("answer-form")).not.toBeInTheDocument());
    const [request] = callsOf(calls, "record_survey_answer").map(
      (args) => args.input as RecordAnswerRequest,
    );
    expect(request?.target_id).toBe("target-3");
    expect(request?.row_version).toBe(1);
    expect(request?.answered_on).toBe("2026-04-20");
    expect(request?.conditions.care_items).toContainEqual({ code: "dialysis", answer: "yes" });
    expect(callsOf(calls, "record_conditions")).toEqual([]);

    const row = await rowOf("ステーション 3");
    await waitFor(() =>
      expect(within(row).getByTestId("target-state")).toHaveTextContent("回答済み"),
    );
    expect(row).toHaveTextContent("2026-04-20");
    expect(within(row).queryByTestId("target-enter-answer")).not.toBeInTheDocument();
    expect(screen.getByTestId("survey-page-progress-line")).toHaveTextContent(
      "3件送付 · 1件回答 · 1件電話",
    );
  });

  it("saves the chase list as CSV and says how many providers went into which file", async () => {
    const { calls } = pageShell(detail(), {
      save_chase_list: () => ({
        file_name: "督促リスト_令和8年度_小児受け入れ調査_2026-05-01.csv",
        rows: 3,
      }),
    });
    const { user } = renderApp("/surveys/campaign-1");

    await user.click(await screen.findByTestId("chase-save"));
    expect(await screen.findByTestId("chase-saved")).toHaveTextContent(
      "督促リスト（3件）を 督促リスト_令和8年度_小児受け入れ調査_2026-05-01.csv に保存しました",
    );
    expect(callsOf(calls, "save_chase_list")).toEqual([{ campaign_id: "campaign-1" }]);
  });

  it("says nothing when the save dialog is cancelled", async () => {
    pageShell(detail(), { save_chase_list: () => null });
    const { user } = renderApp("/surveys/campaign-1");

    await user.click(await screen.findByTestId("chase-save"));
    await waitFor(() =>
      expect(screen.getByTestId("chase-save")).not.toHaveAttribute("data-loading"),
    );
    expect(screen.queryByTestId("chase-saved")).not.toBeInTheDocument();
    expect(screen.queryByTestId("chase-save-error")).not.toBeInTheDocument();
  });

  it("prints only the chase list: the open targets with phone, FAX and contact person", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    pageShell(detail([target(1), target(2, { state: "answered", answered_on: "2026-04-05" })]));
    const { user } = renderApp("/surveys/campaign-1");

    const rows = await screen.findAllByTestId("chase-print-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("訪問看護ステーション 1");
    expect(rows[0]).toHaveTextContent("049-222-9999");
    expect(rows[0]).toHaveTextContent("田中");
    expect(screen.getByTestId("chase-print")).toHaveClass("kh-print-only");
    expect(screen.getByTestId("chase-print")).not.toHaveTextContent("ステーション 2");
    await user.click(screen.getByTestId("chase-print-button"));
    expect(print).toHaveBeenCalledOnce();
  });

  it("shows the page in English", async () => {
    pageShell();
    const { user } = renderApp("/surveys/campaign-1");
    await screen.findByTestId("survey-page-title");

    await user.click(screen.getByText("English"));
    await waitFor(() =>
      expect(screen.getByTestId("survey-page-progress-line")).toHaveTextContent(
        "3 sent · 0 answered · 1 phoned",
      ),
    );
    expect(screen.getByTestId("chase-save")).toHaveTextContent("Save chase list as CSV");
    expect(within(await rowOf("ステーション 2")).getByTestId("target-state")).toHaveTextContent(
      "Phoned",
    );
    expect(screen.getByTestId("nav-surveys")).toHaveTextContent("Surveys");
  });
});
