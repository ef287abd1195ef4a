import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { UserSummary } from "../api";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell } from "../test/shell";
import { ADMIN, strengthOf, unlockedAs, VIEWER, withRole } from "../test/users";

const ME: UserSummary = { ...ADMIN, is_me: true };
const SATO: UserSummary = { ...VIEWER, is_me: false };
const STRONG = "しろいくもと あおいうみ 2026";

function usersShell(handlers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeShell(unlockedAs(ADMIN), {
    list_users: () => [ME, SATO],
    has_recovery_key: () => true,
    list_templates: () => [],
    passphrase_strength: (args) => strengthOf(String(args.passphrase)),
    ...handlers,
  });
}

async function openUsers() {
  const page = renderApp("/settings");
  await screen.findByTestId("users-table");
  return page;
}

describe("the users panel", () => {
  it("lists each user with name, login and role, marks you, and offers no removing yourself", async () => {
    usersShell();
    await openUsers();

    const me = screen.getByTestId("user-row-tanaka");
    expect(me).toHaveTextContent("田中 一郎");
    expect(me).toHaveTextContent("あなた");
    expect(within(me).getByTestId("user-role")).toHaveTextContent("管理者");
    expect(within(me).queryByTestId("user-remove-tanaka")).not.toBeInTheDocument();

    const sato = screen.getByTestId("user-row-sato");
    expect(sato).toHaveTextContent("佐藤 花子");
    expect(sato).toHaveTextContent("sato");
    expect(sato).not.toHaveTextContent("あなた");
    expect(within(sato).getByTestId("user-role")).toHaveTextContent("閲覧のみ");
    expect(within(sato).getByTestId("user-remove-sato")).toBeInTheDocument();
  });

  it("is not shown to anyone but an administrator", async () => {
    const calls = fakeShell(unlockedAs(withRole(ADMIN, "coordinator")), {
      list_templates: () => [],
    });
    renderApp("/settings");
    await screen.findByTestId("own-passphrase-section");
    expect(screen.queryByTestId("users-section")).not.toBeInTheDocument();
    expect(screen.queryByTestId("recovery-key-section")).not.toBeInTheDocument();
    expect(callsOf(calls, "list_users")).toEqual([]);
  });

  it("adds a user; a field error from the core lands at the field and keeps what was typed", async () => {
    let attempts = 0;
    const calls = usersShell({
      add_user: () => {
        attempts += 1;
        if (attempts === 1)
          throw apiError("validation", "このユーザー名はすでに使われています。", "login");
        return {
          user_id: "u-suzuki",
          login: "suzuki",
          display_name: "鈴木 次郎",
          role: "coordinator",
          is_me: false,
        };
      },
    });
    const { user } = await openUsers();

    await user.click(screen.getByTestId("users-add"));
    const dialog = await screen.findByRole("dialog");
    // Each role says what it may do.
    expect(dialog).toHaveTextContent("記録を見るだけで、登録や変更はできません");
    await user.type(within(dialog).getByTestId("user-display-name"), "鈴木 次郎");
    await user.type(within(dialog).getByTestId("user-login"), "sato");
    await user.click(within(dialog).getByRole("radio", { name: /コーディネーター/ }));
    await user.type(within(dialog).getByTestId("user-passphrase"), STRONG);
    await user.type(within(dialog).getByTestId("user-confirmation"), STRONG);
    const submit = within(dialog).getByTestId("user-add-submit");
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    expect(
      await within(dialog).findByText("このユーザー名はすでに使われています。"),
    ).toBeInTheDocument();
    expect(within(dialog).getByTestId("user-login")).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByTestId("user-display-name")).toHaveValue("鈴木 次郎");
    expect(within(dialog).getByTestId("user-passphrase")).toHaveValue(STRONG);

    await user.clear(within(dialog).getByTestId("user-login"));
    await user.type(within(dialog).getByTestId("user-login"), "suzuki");
    await user.click(submit);

    expect(await screen.findByTestId("users-notice")).toHaveTextContent(
      "鈴木 次郎（suzuki）を追加しました",
    );
    expect(callsOf(calls, "add_user").at(-1)).toEqual({
      input: {
        display_name: "鈴木 次郎",
        login: "suzuki",
        role: "coordinator",
        passphrase: STRONG,
        confirmation: STRONG,
      },
    });
    // The lock screen's list of users comes with the status: it is read again.
    expect(callsOf(calls, "app_status").length).toBeGreaterThan(1);
  });

  it("keeps the last administrator: the core's refusal is shown at the role", async () => {
    usersShell({
      update_user: () => {
        throw apiError(
          "validation",
          "管理者が一人もいなくなるため、この変更はできません。",
          "role",
        );
      },
    });
    const { user } = await openUsers();

    await user.click(screen.getByTestId("user-edit-tanaka"));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("radio", { name: /閲覧のみ/ }));
    await user.click(within(dialog).getByTestId("user-edit-submit"));

    expect(
      await within(dialog).findByText("管理者が一人もいなくなるため、この変更はできません。"),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole("radio", { name: /閲覧のみ/ })).toBeChecked();
  });

  it("removes someone only after a confirmation that names them", async () => {
    let users = [ME, SATO];
    const calls = usersShell({
      list_users: () => users,
      remove_user: () => {
        users = [ME];
        return null;
      },
    });
    const { user } = await openUsers();

    await user.click(screen.getByTestId("user-remove-sato"));
    expect(await screen.findByTestId("user-remove-confirm")).toHaveTextContent(
      "佐藤 花子（sato）を削除しますか？",
    );
    expect(callsOf(calls, "remove_user")).toEqual([]);
    await user.click(screen.getByTestId("user-remove-submit"));

    expect(await screen.findByTestId("users-notice")).toHaveTextContent(
      "佐藤 花子（sato）を削除しました",
    );
    expect(callsOf(calls, "remove_user")).toEqual([{ userId: "u-sato" }]);
    await waitFor(() => expect(screen.queryByTestId("user-row-sato")).not.toBeInTheDocument());
  });

  it("shows the core's refusal to remove the last administrator in the confirmation", async () => {
    const other: UserSummary = {
      ...ME,
      user_id: "u-2",
      login: "yamada",
      display_name: "山田",
      is_me: false,
    };
    usersShell({
      list_users: () => [ME, other],
      remove_user: () => {
        throw apiError("validation", "最後の管理者は削除できません。", "user_id");
      },
    });
    const { user } = await openUsers();

    await user.click(screen.getByTestId("user-remove-yamada"));
    await user.click(await screen.findByTestId("user-remove-submit"));
    expect(await screen.findByTestId("user-remove-error")).toHaveTextContent(
      "最後の管理者は削除できません。",
    );
  });

  it("reads in English after the switch", async () => {
    usersShell();
    const { user } = await openUsers();
    await user.click(
      within(screen.getByTestId("settings-language-switch")).getByRole("radio", {
        name: "English",
      }),
    );

    expect(await screen.findByRole("heading", { name: "Users" })).toBeInTheDocument();
    const me = screen.getByTestId("user-row-tanaka");
    expect(me).toHaveTextContent("You");
    expect(within(me).getByTestId("user-role")).toHaveTextContent("Administrator");
    expect(screen.getByTestId("users-add")).toHaveTextContent("Add user");
    expect(screen.getByTestId("own-passphrase-open")).toHaveTextContent("Change passphrase…");
  });
});
