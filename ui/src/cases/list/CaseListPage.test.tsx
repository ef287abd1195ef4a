import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { caseRow, childDetail, MUNICIPALITIES, searchOver } from "../../test/cases";
import { renderApp } from "../../test/render";
import { callsOf, fakeShell, status } from "../../test/shell";

const ROWS = [
  caseRow(1, {
    name: "山田 花子",
    kana: "ヤマダ ハナコ",
    care_items: ["ventilator", "tracheostomy"],
  }),
  caseRow(2, {
    name: "佐藤 太郎",
    kana: "サトウ タロウ",
    status: "referred",
    medical_care_score: 3,
  }),
];

function listShell(rows = ROWS) {
  return fakeShell(status("unlocked"), {
    search_children: searchOver(rows),
    list_municipalities: () => MUNICIPALITIES,
    get_child: () => childDetail(),
  });
}

describe("case list", () => {
  it("shows the count and one row per case, with reading, age, status and short care labels", async () => {
    listShell();
    renderApp("/cases");

    expect(await screen.findByTestId("case-count")).toHaveTextContent("2件");
    const rows = screen.getAllByTestId("case-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("KH-2026-0001");
    expect(rows[0]).toHaveTextContent("山田 花子");
    expect(rows[0]).toHaveTextContent("ヤマダ ハナコ");
    expect(rows[0]).toHaveTextContent("在宅");
    expect(rows[0]).toHaveTextContent("呼吸器");
    expect(rows[0]).toHaveTextContent("気切");
    expect(rows[1]).toHaveTextContent("紹介受付");
  });

  it("sends what is typed to the core with the first page's limit and offset", async () => {
    const calls = listShell();
    const { user } = renderApp("/cases");
    const search = await screen.findByTestId("case-search");
    expect(search).toHaveFocus();

    await user.type(search, "サトウ");

    await waitFor(() => expect(screen.getByTestId("case-count")).toHaveTextContent("1件"));
    expect(screen.getAllByTestId("case-row")).toHaveLength(1);
    expect(callsOf(calls, "search_children")).toContainEqual({
      input: {
        query: "サトウ",
        municipality_code: null,
        status: null,
        care_item: null,
        score_min: null,
        score_max: null,
        limit: 200,
        offset: 0,
      },
    });
  });

  it("passes the status, care item and score filters", async () => {
    const calls = listShell();
    const { user } = renderApp("/cases");
    await screen.findByTestId("case-count");

    await user.selectOptions(screen.getByTestId("case-filter-status"), "referred");
    await user.selectOptions(screen.getByTestId("case-filter-care-item"), "suction");
    await user.type(screen.getByTestId("case-filter-score-min"), "３");

    await waitFor(() =>
      expect(callsOf(calls, "search_children")).toContainEqual({
        input: expect.objectContaining({ status: "referred", care_item: "suction", score_min: 3 }),
      }),
    );
  });

  it("tells what to do when no case is registered yet", async () => {
    listShell([]);
    renderApp("/cases");

    expect(await screen.findByTestId("case-empty")).toHaveTextContent(
      "まだケースが登録されていません。「新規登録」から最初のケースを登録してください。",
    );
    expect(screen.getByTestId("case-count")).toHaveTextContent("0件");
  });

  it("says nothing matches, rather than that the registry is empty, when a search finds none", async () => {
    listShell();
    const { user } = renderApp("/cases");

    await user.type(await screen.findByTestId("case-search"), "いない");

    expect(await screen.findByTestId("case-no-match")).toHaveTextContent(
      "条件に合うケースはありません",
    );
    expect(screen.queryByTestId("case-empty")).not.toBeInTheDocument();
  });

  it("asks for the next page of 200 only when rows beyond the first page come into view", async () => {
    const many = Array.from({ length: 450 }, (_, i) => caseRow(i + 1));
    const calls = listShell(many);
    renderApp("/cases");
    expect(await screen.findByTestId("case-count")).toHaveTextContent("450件");
    expect(callsOf(calls, "search_children")).toHaveLength(1);
    expect(screen.getAllByTestId("case-row").length).toBeLessThan(60);

    const scroller = screen.getByTestId("case-table").firstElementChild as HTMLElement;
    scroller.scrollTop = 44 * 300;
    fireEvent.scroll(scroller);

    await waitFor(() =>
      expect(callsOf(calls, "search_children")).toContainEqual({
        input: expect.objectContaining({ limit: 200, offset: 200 }),
      }),
    );
    expect(await screen.findByText("KH-2026-0301")).toBeInTheDocument();
  });

  it("opens the case from a row with the keyboard: ↓ moves, Enter opens", async () => {
    const calls = listShell();
    const { user } = renderApp("/cases");
    const rows = await screen.findAllByTestId("case-row");

    (rows[0] as HTMLElement).focus();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getAllByTestId("case-row")[1]).toHaveFocus());
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("case-title")).toBeInTheDocument();
    expect(callsOf(calls, "get_child")).toContainEqual({
      input: { id: "child-2", case_number: null },
    });
  });

  it("opens the intake form from 新規登録", async () => {
    listShell();
    const { user } = renderApp("/cases");
    await user.click(await screen.findByTestId("cases-new"));
    expect(within(await screen.findByTestId("case-form")).getByTestId("child-name")).toHaveFocus();
  });
});
