import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AuditEntry, AuditPage, AuditQuery, AuditVerification } from "../api";
import { caseRow, searchOver } from "../test/cases";
import { renderApp } from "../test/render";
import { callsOf, fakeShell, status } from "../test/shell";

const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: "2026-11-24T09:00:00.000Z",
  actor: "佐藤",
  entity: "child",
  entity_label: "児童",
  entity_id: "c-1",
  action: "update",
  action_label: "変更",
  child_id: "c-1",
  child_name: "川越 陽葵",
  fields: ["name"],
  summary: `児童「川越 陽葵」を変更：name (${seq})`,
  ...over,
});

const page = (entries: AuditEntry[], total = entries.length): AuditPage => ({ total, entries });

const INTACT: AuditVerification = {
  intact: true,
  rows: 240,
  head_seq: 240,
  problem: null,
  message: "監査記録 240 件はすべて改ざんされていません（末尾 #240）。",
};

const TAMPERED: AuditVerification = {
  intact: false,
  rows: 17,
  head_seq: 240,
  problem: {
    kind: "missing",
    seq: 17,
    other_seq: 17,
    entity: null,
    entity_id: null,
    at: null,
  },
  message: "監査記録 #17〜#17（1 件）が削除されています。",
};

const base = {
  audit_actors: () => ["kakehashi", "佐藤", "鈴木"],
  audit_entries: () =>
    page([
      entry(3, { action: "view", action_label: "閲覧", summary: "児童「川越 陽葵」を閲覧" }),
      entry(2),
      entry(1, { action: "create", action_label: "作成" }),
    ]),
};

const lastRequest = (calls: ReturnType<typeof fakeShell>) =>
  callsOf(calls, "audit_entries").at(-1)?.request as AuditQuery;

describe("the audit log screen", () => {
  it("is in the navigation and lists rows newest first with who, when and what", async () => {
    fakeShell(status("unlocked"), base);
    const { user } = renderApp("/cases");
    await user.click(await screen.findByTestId("nav-audit"));
    const rows = await screen.findAllByTestId("audit-row");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent("3");
    expect(rows[0]).toHaveTextContent("閲覧");
    expect(rows[0]).toHaveTextContent("児童「川越 陽葵」を閲覧");
    expect(rows[0], "the instant in office time (UTC+9)").toHaveTextContent("2026-11-24 18:00");
    expect(rows[0]).toHaveTextContent("佐藤");
  });

  it("sends who, what, which action and the office days as filters", async () => {
    const calls = fakeShell(status("unlocked"), base);
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    await waitFor(() =>
      expect(within(screen.getByTestId("audit-filter-actor")).getAllByRole("option")).toHaveLength(
        4,
      ),
    );
    await user.selectOptions(screen.getByTestId("audit-filter-actor"), "鈴木");
    await user.selectOptions(screen.getByTestId("audit-filter-entity"), "provider");
    await user.selectOptions(screen.getByTestId("audit-filter-action"), "view");
    await user.type(screen.getByTestId("audit-filter-from"), "2026/11/1");
    await user.type(screen.getByTestId("audit-filter-to"), "令和8年11月30日");
    await user.tab();
    await waitFor(() =>
      expect(lastRequest(calls)).toMatchObject({
        actor: "鈴木",
        entity: "provider",
        action: "view",
        from: "2026-11-01",
        to: "2026-11-30",
        child_id: null,
        offset: 0,
      }),
    );
    await user.click(screen.getByTestId("audit-filter-clear"));
    // Back to the unfiltered list (answered from the cache: the same request as at first).
    expect(screen.getByTestId("audit-filter-actor")).toHaveValue("");
    expect(screen.getByTestId("audit-filter-from")).toHaveValue("");
    expect(screen.queryByTestId("audit-filter-clear")).not.toBeInTheDocument();
  });

  it("sends a date only once it is whole, and says so under a field left with no date", async () => {
    const calls = fakeShell(status("unlocked"), base);
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    const from = screen.getByTestId("audit-filter-from");
    await user.type(from, "2026/11");
    expect(
      callsOf(calls, "audit_entries").map((c) => (c.request as AuditQuery).from),
      "half a date is never sent",
    ).not.toContain("2026/11");
    expect(screen.queryByText(/日付は 2026\/12\/1/)).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByText(/日付は 2026\/12\/1/)).toBeInTheDocument();
    expect(from).toHaveAttribute("aria-invalid", "true");
    expect(screen.getAllByTestId("audit-row"), "the list stays").toHaveLength(3);

    await user.type(from, "/5");
    await user.tab();
    await waitFor(() => expect(lastRequest(calls).from).toBe("2026-11-05"));
    expect(screen.queryByText(/日付は 2026\/12\/1/)).not.toBeInTheDocument();
    expect(
      within(screen.getByTestId("audit-filter-entity"))
        .getAllByRole("option")
        .map((o) => o.textContent),
      "every kind of record the core logs can be chosen",
    ).toEqual(expect.arrayContaining(["判定スコア", "機器の種類", "病床数の例外"]));
  });

  it("filters by the child picked by name", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      search_children: searchOver([caseRow(1, { id: "c-9", name: "川越 陽葵" })]),
    });
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    await user.type(screen.getByTestId("audit-filter-child-search"), "川越");
    await user.click(await screen.findByTestId("audit-filter-child-option"));
    await waitFor(() => expect(lastRequest(calls).child_id).toBe("c-9"));
  });

  it("says so when nothing matches, and shows more rows on request", async () => {
    const calls = fakeShell(status("unlocked"), {
      ...base,
      audit_entries: (args) => {
        const request = args.request as AuditQuery;
        if (request.action === "delete") return page([]);
        return page([entry(2), entry(1)], 150);
      },
    });
    const { user } = renderApp("/audit");
    await screen.findAllByTestId("audit-row");
    expect(screen.getByTestId("audit-list")).toHaveTextContent("150 件中 2 件");
    await user.click(screen.getByTestId("audit-more"));
    await waitFor(() => expect(lastRequest(calls).limit).toBe(200));
    await user.selectOptions(screen.getByTestId("audit-filter-action"), "delete");
    expect(await screen.findByTestId("audit-list-empty")).toHaveTextContent(
      "条件に合う記録はありません",
    );
  });

  it("runs the tamper check and shows an intact chain", async () => {
    const calls = fakeShell(status("unlocked"), { ...base, verify_audit: () => INTACT });
    const { user } = renderApp("/audit");
    await user.click(await screen.findByRole("button", { name: "改ざん検査" }));
    const result = await screen.findByTestId("audit-verify-intact");
    expect(result).toHaveTextContent("改ざんはありません");
    expect(result).toHaveTextContent("240 件");
    expect(callsOf(calls, "verify_audit")).toHaveLength(1);
  });

  it("shows where the chain is broken when rows were tampered with", async () => {
    fakeShell(status("unlocked"), { ...base, verify_audit: () => TAMPERED });
    const { user } = renderApp("/audit");
    await user.click(await screen.findByTestId("audit-verify-button"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("改ざんが見つかりました");
    expect(alert).toHaveTextContent("#17〜#17（1 件）が削除されています");
    expect(screen.getByTestId("audit-verify-where")).toHaveTextContent("記録 #17");
  });

  it("shows the shell's refusal when the check cannot run", async () => {
    fakeShell(status("unlocked"), {
      ...base,
      verify_audit: () => {
        throw { kind: "internal", message: "データベースを読めませんでした", field: null };
      },
    });
    const { user } = renderApp("/audit");
    await user.click(await screen.findByTestId("audit-verify-button"));
    expect(await screen.findByTestId("audit-verify-error")).toHaveTextContent(
      "データベースを読めませんでした",
    );
  });
});
