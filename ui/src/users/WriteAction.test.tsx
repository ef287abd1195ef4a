import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { caseRow, childDetail, MUNICIPALITIES, searchOver } from "../test/cases";
import { renderApp } from "../test/render";
import { fakeShell } from "../test/shell";
import { ADMIN, unlockedAs, VIEWER } from "../test/users";

function caseShell(session: typeof VIEWER) {
  return fakeShell(unlockedAs(session), {
    search_children: searchOver([caseRow(1, { name: "山田 花子", kana: "ヤマダ ハナコ" })]),
    list_municipalities: () => MUNICIPALITIES,
    get_child: () => childDetail(),
  });
}

describe("what a read-only user is offered", () => {
  it("shows the case list with 新規登録 disabled, saying why", async () => {
    caseShell(VIEWER);
    const { user } = renderApp("/cases");
    await screen.findAllByTestId("case-row");

    const add = screen.getByTestId("cases-new");
    expect(add).toBeDisabled();
    expect(add).not.toHaveAttribute("href");
    await user.hover(add.parentElement as HTMLElement);
    expect(await screen.findByText("閲覧のみの利用者は変更できません")).toBeInTheDocument();
  });

  it("lets a coordinator or an administrator register", async () => {
    caseShell(ADMIN);
    renderApp("/cases");
    await screen.findAllByTestId("case-row");
    await waitFor(() =>
      expect(screen.getByTestId("cases-new")).toHaveAttribute("href", "#/cases/new"),
    );
    expect(screen.getByTestId("cases-new")).not.toBeDisabled();
  });
});
