import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { fakeShell, status } from "../../test/shell";
import { counts, summary } from "../testData";

describe("survey list", () => {
  it("says what to do when there is no survey yet", async () => {
    fakeShell(status("unlocked"), { list_campaigns: () => [] });
    const { user } = renderApp("/surveys");

    const empty = await screen.findByTestId("surveys-empty");
    expect(empty).toHaveTextContent("まだ調査がありません。");
    expect(empty).toHaveTextContent("「新しい調査」から対象の事業所を選んで始めます。");
    expect(screen.getByTestId("nav-surveys")).toHaveTextContent("調査");
    expect(screen.getByTestId("nav-surveys")).toHaveAttribute("aria-current", "page");

    await user.click(within(empty).getByRole("link", { name: "新しい調査" }));
    expect(await screen.findByTestId("survey-form")).toBeInTheDocument();
  });

  it("shows each survey's dates and progress as the office says it: sent, answered, phoned", async () => {
    fakeShell(status("unlocked"), {
      list_campaigns: () => [
        summary({ counts: counts({ answered: 109, phoned: 39 }), note: "FAXと郵送で送付" }),
        summary({
          id: "campaign-0",
          title: "令和7年度 調査",
          sent_on: "2025-04-01",
          due_on: null,
          counts: counts({ answered: 3, sent: 1, visited: 2, no_answer: 1 }),
        }),
      ],
      list_municipalities: () => [],
    });
    renderApp("/surveys");

    const rows = await screen.findAllByTestId("survey-row");
    expect(rows).toHaveLength(2);
    const [latest, older] = rows as [HTMLElement, HTMLElement];
    expect(within(latest).getByTestId("survey-title")).toHaveTextContent(
      "令和8年度 小児受け入れ調査",
    );
    expect(latest).toHaveTextContent("送付日 2026-04-01");
    expect(latest).toHaveTextContent("締切 2026-04-30");
    expect(latest).toHaveTextContent("FAXと郵送で送付");
    expect(within(latest).getByTestId("survey-progress-campaign-1-line")).toHaveTextContent(
      "148件送付 · 109件回答 · 39件電話",
    );
    expect(latest).toHaveTextContent("回答率 74%");
    // The bar: one part per state that has targets, answered first, each named for a screen reader.
    expect(
      within(latest)
        .getAllByRole("progressbar")
        .map((part) => part.getAttribute("aria-label")),
    ).toEqual(["回答済み 109", "電話済み 39"]);
    expect(within(latest).getByTestId("survey-title")).toHaveAttribute(
      "href",
      "#/surveys/campaign-1",
    );

    expect(within(older).getByTestId("survey-progress-campaign-0-line")).toHaveTextContent(
      "7件送付 · 3件回答 · 2件訪問 · 1件応答なし",
    );
    expect(older).toHaveTextContent("締切 なし");
  });
});
