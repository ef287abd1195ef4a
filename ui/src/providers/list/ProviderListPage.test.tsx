import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "../../test/cases";
import { providerDetail, providerRow, searchProvidersOver } from "../../test/providers";
import { renderApp } from "../../test/render";
import { callsOf, fakeShell, status } from "../../test/shell";

const ROWS = [
  providerRow(1, {
    name: "かわごえ訪問看護ステーション",
    kana: "カワゴエホウモンカンゴステーション",
    accepts_children: "yes",
    around_the_clock: "yes",
    taking_new_clients: "no",
  }),
  providerRow(2, {
    kind: "short_stay",
    name: "さやま短期入所センター",
    kana: "サヤマタンキニュウショセンター",
    municipality_name: "狭山市",
    accepts_children: "unknown",
    around_the_clock: "no",
    taking_new_clients: "unknown",
    last_verified_on: null,
  }),
];

function listShell(rows = ROWS) {
  return fakeShell(status("unlocked"), {
    search_providers: searchProvidersOver(rows),
    list_municipalities: () => MUNICIPALITIES,
    get_provider: () => providerDetail(),
  });
}

describe("directory list", () => {
  it("opens from the 資源 navigation with the count and one row per provider, answers as ○ × 未回答", async () => {
    listShell();
    const { user } = renderApp("/cases");
    await user.click(await screen.findByTestId("nav-providers"));

    expect(await screen.findByTestId("provider-count")).toHaveTextContent("2件");
    const rows = screen.getAllByTestId("provider-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("訪問看護");
    expect(rows[0]).toHaveTextContent("かわごえ訪問看護ステーション");
    expect(rows[0]).toHaveTextContent("カワゴエホウモンカンゴステーション");
    expect(rows[0]).toHaveTextContent("川越市");
    expect(rows[0]).toHaveTextContent("049-222-0000");
    const [children, day, fresh] = within(rows[0] as HTMLElement).getAllByText(/可|不可|未回答/);
    expect(children).toHaveTextContent("可");
    expect(day).toHaveTextContent("可");
    expect(fresh).toHaveTextContent("不可");
    expect(rows[0]).toHaveTextContent("○");
    expect(rows[0]).toHaveTextContent("×");
    // Not answered is shown as such, never as ×.
    expect(rows[1]).toHaveTextContent("短期入所");
    expect(rows[1]).toHaveTextContent("－未回答");
    expect(rows[1]).toHaveTextContent("未確認");
  });

  it("sends the search and every filter to the core, with the first page's limit and offset", async () => {
    const calls = listShell();
    const { user } = renderApp("/providers");
    const search = await screen.findByTestId("provider-search");
    expect(search).toHaveFocus();

    await user.type(search, "かわごえ");
    await user.selectOptions(screen.getByTestId("provider-filter-kind"), "visiting_nursing");
    await user.type(screen.getByTestId("provider-filter-municipality"), "川越");
    await user.keyboard("{Enter}");
    await user.selectOptions(screen.getByTestId("provider-filter-children"), "yes");
    await user.selectOptions(screen.getByTestId("provider-filter-care-item"), "ventilator");
    await user.type(screen.getByTestId("provider-filter-age"), "1歳6か月");
    await user.type(screen.getByTestId("provider-filter-weight"), "１２.５");
    await user.click(screen.getByTestId("provider-filter-24h"));
    await user.click(screen.getByTestId("provider-filter-published"));

    expect(screen.getByTestId("provider-filter-age-shown")).toHaveTextContent("18か月");
    await waitFor(() =>
      expect(callsOf(calls, "search_providers").at(-1)).toEqual({
        input: {
          query: "かわごえ",
          kind: "visiting_nursing",
          municipality_code: "112011",
          accepts_children: "yes",
          care_item: "ventilator",
          age_months: 18,
          weight_kg: 12.5,
          around_the_clock: true,
          published_only: true,
          limit: 200,
          offset: 0,
        },
      }),
    );
    expect(callsOf(calls, "search_providers")[0]).toEqual({
      input: {
        query: "",
        kind: null,
        municipality_code: null,
        accepts_children: null,
        care_item: null,
        age_months: null,
        weight_kg: null,
        around_the_clock: false,
        published_only: false,
        limit: 200,
        offset: 0,
      },
    });

    await user.click(screen.getByTestId("provider-filter-clear"));
    await waitFor(() =>
      expect(callsOf(calls, "search_providers").at(-1)).toEqual({
        input: expect.objectContaining({ query: "かわごえ", kind: null, care_item: null }),
      }),
    );
  });

  it("tells what to do when the directory is empty", async () => {
    listShell([]);
    renderApp("/providers");

    expect(await screen.findByTestId("provider-empty")).toHaveTextContent(
      "まだ事業所が登録されていません。「新規登録」から登録するか、「ファイルから取込」で調査票や公開データを取り込んでください。",
    );
    expect(screen.getByTestId("provider-count")).toHaveTextContent("0件");
  });

  it("says nothing matches, rather than that the directory is empty, when a filter finds none", async () => {
    listShell();
    const { user } = renderApp("/providers");
    await screen.findByTestId("provider-count");

    await user.selectOptions(screen.getByTestId("provider-filter-kind"), "pharmacy");

    expect(await screen.findByTestId("provider-no-match")).toHaveTextContent(
      "条件に合う事業所はありません",
    );
    expect(screen.queryByTestId("provider-empty")).not.toBeInTheDocument();
  });

  it("asks for the next page of 200 only when rows beyond the first page come into view", async () => {
    const many = Array.from({ length: 450 }, (_, i) => providerRow(i + 1));
    const calls = listShell(many);
    renderApp("/providers");
    expect(await screen.findByTestId("provider-count")).toHaveTextContent("450件");
    expect(screen.getAllByTestId("provider-row").length).toBeLessThan(60);

    const scroller = screen.getByTestId("provider-table").firstElementChild as HTMLElement;
    scroller.scrollTop = 44 * 300;
    fireEvent.scroll(scroller);

    await waitFor(() =>
      expect(callsOf(calls, "search_providers")).toContainEqual({
        input: expect.objectContaining({ limit: 200, offset: 200 }),
      }),
    );
    expect(await screen.findByText("訪問看護ステーション 301")).toBeInTheDocument();
  });

  it("opens a provider from its row with the keyboard: ↓ moves, Enter opens", async () => {
    const calls = listShell();
    const { user } = renderApp("/providers");
    const rows = await screen.findAllByTestId("provider-row");

    (rows[0] as HTMLElement).focus();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getAllByTestId("provider-row")[1]).toHaveFocus());
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("provider-title")).toBeInTheDocument();
    expect(callsOf(calls, "get_provider")).toEqual([{ id: "provider-2" }]);
  });

  it("opens the new-provider form from 新規登録, with the kind first", async () => {
    listShell();
    const { user } = renderApp("/providers");
    await user.click(await screen.findByTestId("providers-new"));
    expect(await screen.findByTestId("provider-kind")).toHaveFocus();
  });

  it("shows the list in English", async () => {
    listShell();
    const { user } = renderApp("/providers");
    await screen.findByTestId("provider-count");

    await user.click(screen.getByText("English"));

    await waitFor(() =>
      expect(screen.getByTestId("provider-count")).toHaveTextContent("2 providers"),
    );
    expect(screen.getByRole("heading", { name: "Resources (providers)" })).toBeInTheDocument();
    expect(screen.getByTestId("providers-new")).toHaveTextContent("New provider");
    const rows = screen.getAllByTestId("provider-row");
    expect(rows[0]).toHaveTextContent("Visiting nursing");
    expect(rows[1]).toHaveTextContent("Not answered");
    expect(screen.getByText("Last verified")).toBeInTheDocument();
  });
});
