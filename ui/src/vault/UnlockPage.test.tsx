import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, session, status } from "../test/shell";

const twoUsers = status("locked", null, { logins: ["sato", "tanaka"] });
const tanaka = status("unlocked", null, {
  logins: ["sato", "tanaka"],
  session: session("coordinator", "tanaka", "田中 一郎"),
});

describe("unlock page", () => {
  it("comes with the only user chosen, and shows a wrong passphrase at its field", async () => {
    const calls = fakeShell(status("locked"), {
      unlock: () => {
        throw apiError("validation", "パスフレーズが違います", "passphrase");
      },
    });
    const { user } = renderApp();
    const field = await screen.findByTestId("unlock-passphrase");
    expect(field).toHaveFocus();
    expect(screen.getByTestId("unlock-login")).toHaveValue("admin");

    await user.type(field, "まちがい{Enter}");

    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("パスフレーズが違います");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(callsOf(calls, "unlock")).toEqual([
      { input: { login: "admin", passphrase: "まちがい" } },
    ]);
  });

  it("shows the core's slow-down message as it is, at the passphrase", async () => {
    const wait = "入力の誤りが続いたため、あと 4 秒待ってから入力してください。";
    fakeShell(status("locked"), {
      unlock: () => {
        throw apiError("validation", wait, "passphrase");
      },
    });
    const { user } = renderApp();

    await user.type(await screen.findByTestId("unlock-passphrase"), "まちがい{Enter}");

    expect(await screen.findByTestId("unlock-error")).toHaveTextContent(wait);
  });

  it("shows any other failure as an alert with its kind and message", async () => {
    fakeShell(status("locked"), {
      unlock: () => {
        throw apiError("io", "データベースファイルが壊れています");
      },
    });
    const { user } = renderApp();

    await user.type(await screen.findByTestId("unlock-passphrase"), "ただしい{Enter}");

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("データを読み書きできません");
    expect(alert).toHaveTextContent("データベースファイルが壊れています");
    expect(screen.queryByTestId("unlock-error")).not.toBeInTheDocument();
  });

  it("with two users and none used here before, asks which one before unlocking", async () => {
    const calls = fakeShell(twoUsers, { unlock: () => tanaka });
    const { user } = renderApp();
    const login = await screen.findByTestId("unlock-login");
    expect(login).toHaveFocus();
    expect(login).toHaveValue("");

    await user.type(screen.getByTestId("unlock-passphrase"), "たなかのパスフレーズ{Enter}");

    expect(await screen.findByTestId("unlock-login-error")).toHaveTextContent(
      "ユーザー名を選んでください",
    );
    expect(login).toHaveFocus();
    expect(callsOf(calls, "unlock")).toEqual([]);

    // By keyboard, as from the focus the error left: down to the second user, Enter to pick.
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(login).toHaveValue("tanaka");
    expect(screen.getByTestId("unlock-passphrase")).toHaveFocus();
    await user.keyboard("{Enter}");

    await screen.findByTestId("session-user");
    expect(callsOf(calls, "unlock")).toEqual([
      { input: { login: "tanaka", passphrase: "たなかのパスフレーズ" } },
    ]);
    expect(window.localStorage.getItem("kakehashi.lastLogin")).toBe("tanaka");
  });

  it("comes with the user last used on this machine chosen", async () => {
    window.localStorage.setItem("kakehashi.lastLogin", "tanaka");
    fakeShell(twoUsers);
    renderApp();

    expect(await screen.findByTestId("unlock-passphrase")).toHaveFocus();
    expect(screen.getByTestId("unlock-login")).toHaveValue("tanaka");
  });

  it("shows an unknown user at the user field", async () => {
    fakeShell(twoUsers, {
      unlock: () => {
        throw apiError("validation", "このユーザー名は登録されていません", "login");
      },
    });
    window.localStorage.setItem("kakehashi.lastLogin", "sato");
    const { user } = renderApp();

    await user.type(await screen.findByTestId("unlock-passphrase"), "さとう{Enter}");

    expect(await screen.findByTestId("unlock-login-error")).toHaveTextContent(
      "このユーザー名は登録されていません",
    );
    expect(screen.getByTestId("unlock-login")).toHaveAttribute("aria-invalid", "true");
  });

  it("opens the app as the user, shows who and their role, and the lock button comes back here", async () => {
    let current = twoUsers;
    const to = (next: typeof current) => () => {
      current = next;
      return next;
    };
    fakeShell(twoUsers, {
      app_status: () => current,
      unlock: to(tanaka),
      lock: to(twoUsers),
      lock_keeping_draft: to(twoUsers),
      take_draft: () => null,
      auto_lock_settings: () => ({ minutes: 15, idle_seconds: 900 }),
    });
    window.localStorage.setItem("kakehashi.lastLogin", "tanaka");
    const { user } = renderApp();

    await user.type(await screen.findByTestId("unlock-passphrase"), "ただしい{Enter}");

    const signedIn = await screen.findByTestId("session-user");
    expect(signedIn).toHaveTextContent("田中 一郎");
    expect(within(signedIn).getByTestId("session-role")).toHaveTextContent("コーディネーター");
    expect(signedIn).toHaveAccessibleName("ログイン中：田中 一郎（コーディネーター）");

    await user.click(screen.getByText("English"));
    await waitFor(() =>
      expect(screen.getByTestId("session-role")).toHaveTextContent("Coordinator"),
    );
    await user.click(screen.getByText("日本語"));

    await user.click(await screen.findByTestId("lock-button"));

    expect(await screen.findByTestId("unlock-passphrase")).toHaveValue("");
    expect(screen.getByTestId("unlock-login")).toHaveValue("tanaka");
  });
});
