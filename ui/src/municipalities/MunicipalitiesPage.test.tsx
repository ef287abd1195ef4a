import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Municipality } from "../api/bindings";
import { renderApp } from "../test/render";
import { callsOf, fakeShell, status } from "../test/shell";

const KAWAGOE: Municipality = {
  code6: "112011",
  code5: "11201",
  name: "川越市",
  kana: "かわごえし",
  kind: "city",
  parent_code6: null,
  lat: 35.9251,
  lon: 139.4858,
};
const KAWAJIMA: Municipality = {
  code6: "113465",
  code5: "11346",
  name: "川島町",
  kana: "かわじままち",
  kind: "town",
  parent_code6: null,
  lat: 35.9806,
  lon: 139.4817,
};
const URAWA: Municipality = {
  code6: "111074",
  code5: "11107",
  name: "浦和区",
  kana: "うらわく",
  kind: "ward",
  parent_code6: "111007",
  lat: 35.8617,
  lon: 139.6455,
};
const ALL = [URAWA, KAWAGOE, KAWAJIMA];

/** Stands in for the core's search: a prefix of the reading or a part of the name. */
function search(args: Record<string, unknown>): Municipality[] {
  const { query } = args.input as { query: string };
  return ALL.filter((m) => m.kana.startsWith(query) || m.name.includes(query));
}

describe("municipality screen", () => {
  it("lists every municipality with its count before anything is typed", async () => {
    fakeShell(status("unlocked"), { list_municipalities: search });
    renderApp("/municipalities");

    const table = await screen.findByTestId("municipality-table");
    expect(within(table).getAllByRole("row")).toHaveLength(ALL.length + 1);
    expect(screen.getByTestId("municipality-count")).toHaveTextContent("3件");
    expect(within(table).getByText("浦和区")).toBeInTheDocument();
    expect(within(table).getByText("区")).toBeInTheDocument();
  });

  it("sends the typed query to the core and shows the rows it returns", async () => {
    const calls = fakeShell(status("unlocked"), { list_municipalities: search });
    const { user } = renderApp("/municipalities");
    const input = await screen.findByTestId("municipality-search");
    expect(input).toHaveAttribute("placeholder", "名前または読みで検索（例: かわごえ）");

    await user.type(input, "かわごえ");

    await waitFor(() => expect(screen.getByTestId("municipality-count")).toHaveTextContent("1件"));
    const rows = within(screen.getByTestId("municipality-table")).getAllByRole("row");
    expect(rows).toHaveLength(2);
    const cells = within(rows[1] as HTMLElement).getAllByRole("cell");
    expect(cells.map((cell) => cell.textContent)).toEqual([
      "112011",
      "川越市",
      "かわごえし",
      "市",
      "35.9251, 139.4858",
    ]);
    expect(callsOf(calls, "list_municipalities")).toContainEqual({ input: { query: "かわごえ" } });
  });

  it("says so when nothing matches, with a hint what to try", async () => {
    fakeShell(status("unlocked"), { list_municipalities: search });
    const { user } = renderApp("/municipalities");

    await user.type(await screen.findByTestId("municipality-search"), "ないまち");

    expect(await screen.findByText("該当する市区町村はありません")).toBeInTheDocument();
    expect(screen.getByText(/ひらがなやカタカナの読み/)).toBeInTheDocument();
    expect(screen.getByTestId("municipality-count")).toHaveTextContent("0件");
    expect(screen.queryByTestId("municipality-table")).not.toBeInTheDocument();
  });
});
