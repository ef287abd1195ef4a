import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CampaignInput } from "../../api/bindings";
import { todayIso } from "../../cases/dates";
import { MUNICIPALITIES } from "../../test/cases";
import { providerRow, searchProvidersOver } from "../../test/providers";
import { renderApp } from "../../test/render";
import { apiError, callsOf, fakeShell, status } from "../../test/shell";
import { detail } from "../testData";

type Handler = (args: Record<string, unknown>) => unknown;

const DIRECTORY = [
  providerRow(1),
  providerRow(2),
  providerRow(3, { kind: "pharmacy", name: "朝霞ひかり薬局", kana: "アサカヒカリヤッキョク" }),
  providerRow(4),
];

function newShell(handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    search_providers: searchProvidersOver(DIRECTORY),
    list_municipalities: () => MUNICIPALITIES,
    create_campaign: () => "campaign-1",
    get_campaign: () => detail(),
    chase_list: () => [],
    ...handlers,
  });
}

const sentInput = (calls: ReturnType<typeof newShell>) =>
  callsOf(calls, "create_campaign").map((args) => args.input as CampaignInput);

describe("new survey", () => {
  it("creates the survey with the stations shown after filtering by kind, then opens it", async () => {
    const calls = newShell();
    const { user } = renderApp("/surveys/new");

    const title = await screen.findByTestId("survey-title-input");
    expect(title).toHaveFocus();
    expect(screen.getByTestId("survey-sent-on")).toHaveValue(todayIso());
    await user.type(title, "令和8年度 小児受け入れ調査");
    await user.type(screen.getByTestId("survey-due-on"), "2026/4/30");
    await user.type(screen.getByTestId("survey-note"), "FAXで送付");

    expect(await screen.findAllByTestId("survey-target-row")).toHaveLength(4);
    await user.selectOptions(screen.getByTestId("survey-target-kind"), "visiting_nursing");
    await waitFor(() => expect(screen.getAllByTestId("survey-target-row")).toHaveLength(3));
    await user.click(screen.getByTestId("survey-select-shown"));
    expect(screen.getByTestId("survey-selected-count")).toHaveTextContent("3件を選択中");

    // One ticked off again by hand, and Enter in the filters does not submit half chosen.
    await user.click(screen.getByRole("checkbox", { name: "訪問看護ステーション 2 を選択" }));
    await user.type(screen.getByTestId("survey-target-search"), "{Enter}");
    expect(sentInput(calls)).toEqual([]);
    await user.click(screen.getByTestId("survey-create"));

    await screen.findByTestId("survey-page");
    expect(sentInput(calls)).toEqual([
      {
        title: "令和8年度 小児受け入れ調査",
        sent_on: todayIso(),
        due_on: "2026-04-30",
        note: "FAXで送付",
        provider_ids: ["provider-1", "provider-4"],
      },
    ]);
    expect(callsOf(calls, "get_campaign")).toEqual([{ campaign_id: "campaign-1" }]);
  });

  it("keeps the choice across filters and clears it on request", async () => {
    newShell();
    const { user } = renderApp("/surveys/new");

    await screen.findAllByTestId("survey-target-row");
    await user.click(screen.getByRole("checkbox", { name: "朝霞ひかり薬局 を選択" }));
    await user.selectOptions(screen.getByTestId("survey-target-kind"), "visiting_nursing");
    await waitFor(() => expect(screen.getAllByTestId("survey-target-row")).toHaveLength(3));
    await user.click(screen.getByTestId("survey-select-shown"));
    expect(screen.getByTestId("survey-selected-count")).toHaveTextContent("4件を選択中");

    await user.click(screen.getByTestId("survey-clear-selection"));
    expect(screen.getByTestId("survey-selected-count")).toHaveTextContent("0件を選択中");
    for (const box of screen.getAllByRole("checkbox")) expect(box).not.toBeChecked();
  });

  it("shows the core's refusals at their fields and moves to the first one", async () => {
    const calls = newShell({
      create_campaign: (args) => {
        const input = args.input as CampaignInput;
        if (input.title === "") throw apiError("validation", "入力してください。", "title");
        throw apiError("validation", "送付先の事業所を1件以上選んでください。", "provider_ids");
      },
    });
    const { user } = renderApp("/surveys/new");
    await screen.findAllByTestId("survey-target-row");

    // Enter in the title submits, like every form.
    await user.type(screen.getByTestId("survey-title-input"), "{Enter}");
    const title = screen.getByTestId("survey-title-input");
    await waitFor(() => expect(title).toHaveAttribute("aria-invalid", "true"));
    expect(title).toHaveFocus();
    expect(screen.getByTestId("survey-form")).toHaveTextContent("入力してください。");

    await user.type(title, "調査{Enter}");
    const targets = screen.getByTestId("survey-targets");
    await waitFor(() => expect(targets).toHaveAttribute("aria-invalid", "true"));
    expect(targets).toHaveFocus();
    expect(within(targets).getByTestId("survey-targets-error")).toHaveTextContent(
      "送付先の事業所を1件以上選んでください。",
    );
    expect(title).not.toHaveAttribute("aria-invalid");
    expect(sentInput(calls).map((input) => input.title)).toEqual(["", "調査"]);

    // Choosing a provider takes the message away.
    await user.click(screen.getByRole("checkbox", { name: "朝霞ひかり薬局 を選択" }));
    expect(screen.queryByTestId("survey-targets-error")).not.toBeInTheDocument();
  });
});
