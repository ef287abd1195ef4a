import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Roster, RosterQuery } from "../../api";
import { childDetail, fakeScores, MUNICIPALITIES } from "../../test/cases";
import { renderApp } from "../../test/render";
import { callsOf, fakeShell, status } from "../../test/shell";
import { noProfile, rosterRow } from "../testData";

type Handler = (args: Record<string, unknown>) => unknown;

/** The core's order: ventilated (short battery first), then power-dependent, then the rest. */
const ROSTER: Roster = {
  made_on: "2026-12-15",
  rows: [
    rosterRow(1, {
      name: "渡辺 湊",
      ventilated: true,
      power_dependent: true,
      total_battery_hours: 4,
      emergency_hospital: "埼玉医科大学総合医療センター",
      warnings: [
        {
          code: "ventilator_without_external_battery",
          message: "人工呼吸器の外部バッテリーがありません。",
        },
        {
          code: "battery_under24_hours",
          message: "バッテリーで動かせるのは4時間です（24時間未満）。",
        },
      ],
    }),
    rosterRow(2, {
      name: "青木 陽葵",
      ventilated: true,
      power_dependent: true,
      total_battery_hours: 30,
    }),
    rosterRow(3, { name: "加藤 蓮", power_dependent: true, total_battery_hours: null }),
    rosterRow(4, { name: "阿部 結衣" }),
  ],
};

function rosterShell(handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked"), {
    emergency_roster: () => ROSTER,
    list_municipalities: () => MUNICIPALITIES,
    get_child: () => childDetail(),
    get_disaster_profile: () => noProfile(),
    compute_scores: fakeScores,
    ...handlers,
  });
}

describe("emergency roster", () => {
  it("lists the children in the core's risk order, never re-sorted, with what a call needs", async () => {
    const calls = rosterShell();
    renderApp("/disaster");

    const rows = await screen.findAllByTestId("roster-row");
    expect(screen.getByTestId("nav-disaster")).not.toHaveTextContent("準備中");
    expect(rows.map((row) => within(row).getByTestId("roster-name").textContent)).toEqual([
      "渡辺 湊",
      "青木 陽葵",
      "加藤 蓮",
      "阿部 結衣",
    ]);
    expect(rows.map((row) => within(row).getByTestId("roster-rank").textContent)).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
    const [first, second, third, fourth] = rows as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(first).toHaveTextContent("人工呼吸器");
    expect(first).toHaveTextContent("090-0000-0001");
    expect(first).toHaveTextContent("埼玉医科大学総合医療センター");
    expect(first).toHaveTextContent("外部バッテリーなし");
    expect(first).toHaveTextContent("24時間未満");
    const battery = (row: HTMLElement) => within(row).getByTestId("roster-battery");
    expect(battery(first)).toHaveTextContent("4時間");
    expect(battery(first), "under a day is red").toHaveStyle({
      color: "var(--mantine-color-red-8)",
    });
    expect(battery(second)).toHaveTextContent("30時間");
    expect(battery(second)).not.toHaveStyle({ color: "var(--mantine-color-red-8)" });
    expect(third).toHaveTextContent("電源依存");
    expect(
      battery(third),
      "unknown hours of a power-dependent child are red too",
    ).toHaveTextContent("不明");
    expect(battery(third)).toHaveStyle({ color: "var(--mantine-color-red-8)" });
    expect(battery(fourth)).toHaveTextContent("—");
    expect(screen.getByTestId("roster-made-on")).toHaveTextContent("2026/12/15");
    expect(screen.getByTestId("roster-count")).toHaveTextContent("4人");
    expect(callsOf(calls, "emergency_roster")).toEqual([{ request: { municipality_code: null } }]);
  });

  it("asks the core again for the municipality chosen in the filter", async () => {
    const calls = rosterShell();
    const { user } = renderApp("/disaster");
    await screen.findAllByTestId("roster-row");

    await user.type(screen.getByTestId("roster-municipality"), "川越市");
    await user.keyboard("{Enter}");

    await waitFor(() =>
      expect(callsOf(calls, "emergency_roster")).toContainEqual({
        request: { municipality_code: "112011" } satisfies RosterQuery,
      }),
    );
  });

  it("opens the child's case page from a row", async () => {
    rosterShell();
    const { user } = renderApp("/disaster");
    const [first] = await screen.findAllByTestId("roster-row");
    await user.click(within(first as HTMLElement).getByText("川越市"));
    expect(await screen.findByTestId("case-page")).toBeInTheDocument();
    expect(window.location.hash).toBe("#/cases/child-1");
  });

  it("exports as CSV in Shift_JIS for the municipality shown, and says where it was saved", async () => {
    const calls = rosterShell({
      export_roster: () => ({ path: "/home/coordinator/緊急時連絡網_2026-12-15.csv" }),
    });
    const { user } = renderApp("/disaster");
    await screen.findAllByTestId("roster-row");

    await user.click(screen.getByTestId("roster-export"));
    const modal = await screen.findByTestId("roster-export-modal");
    expect(within(modal).getByLabelText("PDF（印刷用）"), "PDF is offered first").toBeChecked();
    expect(within(modal).queryByText("CSVの文字コード")).not.toBeInTheDocument();
    await user.click(within(modal).getByLabelText("CSV"));
    await user.click(within(modal).getByLabelText("Shift_JIS（古いExcel向け）"));
    await user.click(within(modal).getByTestId("roster-export-save"));

    expect(await screen.findByTestId("saved-file-path")).toHaveTextContent(
      "保存先: /home/coordinator/緊急時連絡網_2026-12-15.csv",
    );
    expect(callsOf(calls, "export_roster")).toEqual([
      {
        request: {
          query: { municipality_code: null },
          format: "csv",
          encoding: "shift_jis",
        },
      },
    ]);
    await waitFor(() =>
      expect(screen.queryByTestId("roster-export-modal")).not.toBeInTheDocument(),
    );
  });

  it("keeps the dialog open and says nothing when the save dialog is cancelled", async () => {
    rosterShell({ export_roster: () => null });
    const { user } = renderApp("/disaster");
    await screen.findAllByTestId("roster-row");
    await user.click(screen.getByTestId("roster-export"));
    await user.click(await screen.findByTestId("roster-export-save"));
    await waitFor(() =>
      expect(screen.getByTestId("roster-export-save")).not.toHaveAttribute("data-loading"),
    );
    expect(screen.getByTestId("roster-export-modal")).toBeInTheDocument();
    expect(screen.queryByTestId("saved-file")).not.toBeInTheDocument();
  });

  it("says what to do when no child is at home", async () => {
    rosterShell({ emergency_roster: () => ({ made_on: "2026-12-15", rows: [] }) });
    renderApp("/disaster");
    expect(await screen.findByTestId("roster-empty")).toHaveTextContent(
      "在宅の子どもがいません。ケース登録から子どもを登録し、状態を「在宅」にすると、ここに載ります。",
    );
    expect(screen.getByRole("link", { name: "ケース一覧を開く" })).toHaveAttribute(
      "href",
      "#/cases",
    );
    expect(screen.queryByTestId("roster-table")).not.toBeInTheDocument();
  });

  it("reads in English after the switch, the core's order and words unchanged", async () => {
    rosterShell();
    const { user } = renderApp("/disaster");
    await screen.findAllByTestId("roster-row");
    await user.click(screen.getByText("English"));

    expect(await screen.findByRole("heading", { name: "Emergency roster" })).toBeInTheDocument();
    expect(screen.getByRole("columnheader", { name: "Battery total" })).toBeInTheDocument();
    const [first] = screen.getAllByTestId("roster-row");
    expect(first).toHaveTextContent("No external battery");
    expect(within(first as HTMLElement).getByTestId("roster-battery")).toHaveTextContent("4 h");
    expect(screen.getByTestId("roster-count")).toHaveTextContent("4 children");
  });
});
