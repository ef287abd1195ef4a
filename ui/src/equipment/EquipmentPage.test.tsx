import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, status } from "../test/shell";
import { childRow, loan, NOW, overdue, suctionType, unit } from "./testData";

const base = {
  office_now: () => NOW,
  equipment_types: () => [suctionType()],
  search_children: () => ({ total: 1, rows: [childRow] }),
};

describe("equipment lending", () => {
  it("lists overdue units first, in red, with the child, the guardian's phone and how many days late", async () => {
    fakeShell(status("unlocked"), {
      ...base,
      equipment_units: () => [unit(1, { loan: loan() }), unit(2)],
      overdue_loans: () => [overdue()],
    });
    renderApp("/equipment");

    const page = await screen.findByTestId("equipment-page");
    expect(screen.getByTestId("nav-equipment")).toHaveAttribute("aria-current", "page");
    const sections = within(page)
      .getAllByRole("heading", { level: 2 })
      .map((h) => h.textContent);
    expect(sections[0], "the overdue list is the first thing on the page").toBe("返却期限切れ");
    const [row] = await screen.findAllByTestId("equipment-overdue-row");
    expect(row).toHaveTextContent("KH-SUC-001");
    expect(row).toHaveTextContent("足踏み式吸引器");
    expect(row).toHaveTextContent("川越 湊");
    expect(row).toHaveTextContent("ケース番号 KH-2026-0001");
    expect(row).toHaveTextContent("川越 彩");
    expect(row).toHaveTextContent("090-3456-7812");
    expect(row).toHaveTextContent("2026/12/10（木）");
    expect(within(row as HTMLElement).getByTestId("equipment-overdue-days")).toHaveTextContent(
      "5日超過",
    );
    expect(await screen.findByTestId("equipment-today")).toHaveTextContent("今日 2026/12/15（火）");

    const units = await screen.findAllByTestId("equipment-unit-row");
    expect(units[0]).toHaveTextContent("川越 湊");
    expect(units[0], "a unit past its due date is marked in the list too").toHaveTextContent(
      "期限切れ",
    );
    expect(units[1]).toHaveTextContent("貸出可");
  });

  it("says what to do when nothing is registered or overdue", async () => {
    fakeShell(status("unlocked"), {
      ...base,
      equipment_types: () => [],
      equipment_units: () => [],
      overdue_loans: () => [],
    });
    renderApp("/equipment");
    expect(await screen.findByTestId("equipment-overdue-none")).toHaveTextContent(
      "返却期限を過ぎた機器はありません。",
    );
    expect(await screen.findByTestId("equipment-units-empty")).toHaveTextContent(
      "「機器の登録」で種類（例: 足踏み式吸引器）を追加し",
    );
  });

  it("lends a unit to the child found by name, from today until the due date typed", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      equipment_units: () => [unit(1), unit(2)],
      overdue_loans: () => [],
      lend_equipment: () =>
        loan({ unit_id: "unit-2", asset_tag: "KH-SUC-002", due_on: "2026-12-25" }),
    });
    const { user } = renderApp("/equipment");

    const rows = await screen.findAllByTestId("equipment-unit-row");
    await user.click(within(rows[1] as HTMLElement).getByTestId("unit-lend"));
    const modal = await screen.findByRole("dialog", { name: "機器を貸し出す" });
    expect(within(modal).getByLabelText(/機器/)).toHaveValue("unit-2");
    expect(within(modal).getByRole("textbox", { name: /貸出日/ })).toHaveValue("2026-12-15");

    await user.type(within(modal).getByRole("searchbox", { name: /お子さん/ }), "かわごえ");
    await user.click(await within(modal).findByTestId("lend-child-option"));
    await user.type(within(modal).getByRole("textbox", { name: /返却予定日/ }), "2026/12/25");
    await user.click(within(modal).getByRole("button", { name: "貸し出す" }));

    await waitFor(() =>
      expect(callsOf(calls, "lend_equipment")).toEqual([
        {
          input: {
            unit_id: "unit-2",
            child_id: "child-1",
            lent_on: "2026-12-15",
            due_on: "2026-12-25",
            note: "",
          },
        },
      ]),
    );
    expect(callsOf(calls, "search_children").at(-1)).toMatchObject({
      input: { query: "かわごえ", offset: 0 },
    });
    expect(await screen.findByTestId("equipment-done")).toHaveTextContent(
      "KH-SUC-002 を 川越 湊 さんに貸し出しました（返却予定 2026/12/25（金））。",
    );
  });

  it("shows the core's refusal at the field it names and keeps the form open", async () => {
    fakeShell(status("unlocked"), {
      ...base,
      equipment_units: () => [unit(1)],
      overdue_loans: () => [],
      lend_equipment: () => {
        throw apiError("validation", "返却予定日が貸出日より前です。", "due_on");
      },
    });
    const { user } = renderApp("/equipment");

    await user.click(await screen.findByTestId("equipment-lend"));
    const modal = await screen.findByRole("dialog", { name: "機器を貸し出す" });
    await user.click(within(modal).getByRole("button", { name: "貸し出す" }));
    expect(
      await within(modal).findByText("貸し出すお子さんを選んでください。"),
      "a child is needed before anything is sent",
    ).toBeVisible();

    await user.type(within(modal).getByRole("searchbox", { name: /お子さん/ }), "川越");
    await user.click(await within(modal).findByTestId("lend-child-option"));
    await user.type(within(modal).getByRole("textbox", { name: /返却予定日/ }), "2026-12-01");
    await user.click(within(modal).getByRole("button", { name: "貸し出す" }));

    const due = within(modal).getByRole("textbox", { name: /返却予定日/ });
    await waitFor(() => expect(due).toHaveAccessibleDescription(/返却予定日が貸出日より前です。/));
    expect(due).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("dialog", { name: "機器を貸し出す" })).toBeVisible();
  });

  it("records a return from the overdue list with the date and the condition it came back in", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      equipment_units: () => [unit(1, { loan: loan() })],
      overdue_loans: () => [overdue()],
      equipment_unit: () => unit(1, { loan: loan() }),
      return_equipment: () => loan({ returned_on: "2026-12-15", return_condition: "needs_repair" }),
    });
    const { user } = renderApp("/equipment");

    const [row] = await screen.findAllByTestId("equipment-overdue-row");
    await user.click(within(row as HTMLElement).getByRole("button", { name: "返却" }));
    const modal = await screen.findByRole("dialog", { name: "返却を記録: KH-SUC-001" });
    expect(await within(modal).findByTestId("return-loan")).toHaveTextContent(
      "川越 湊 さんに 2026/12/01（火） から貸出中（返却予定 2026/12/10（木））",
    );
    await user.selectOptions(within(modal).getByLabelText("返却時の状態"), "要修理");
    await user.click(within(modal).getByRole("button", { name: "返却を記録" }));

    await waitFor(() =>
      expect(callsOf(calls, "return_equipment")).toEqual([
        {
          input: {
            unit_id: "unit-1",
            returned_on: "2026-12-15",
            condition: "needs_repair",
            note: null,
          },
        },
      ]),
    );
    expect(await screen.findByTestId("equipment-done")).toHaveTextContent(
      "KH-SUC-001 の返却を記録しました。",
    );
    expect(
      callsOf(calls, "overdue_loans").length,
      "the overdue list is read again after the return",
    ).toBeGreaterThan(1);
  });
});
