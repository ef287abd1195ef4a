import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PassphraseStrength } from "../api/bindings";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, session, status } from "../test/shell";

const strengthOf = (passphrase: string): PassphraseStrength =>
  passphrase.length >= 16
    ? { score: 4, acceptable: true, hint: null }
    : { score: 1, acceptable: false, hint: null };

const fresh = "あたらしい ながい パスフレーズ 2026";
const WRONG_KEY = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH";
// Typed from the printed sheet: spaces for dashes, lower case; the core folds both.
const RIGHT_KEY = "k7qf 3mzp 9xtr h2ld w8cb q4nv j6ys e5ga";

describe("forgotten passphrase", () => {
  it("sets a new passphrase with the recovery key, showing a wrong key at its field", async () => {
    const calls = fakeShell(status("locked"), {
      passphrase_strength: (args) => strengthOf(String(args.passphrase)),
      recover_vault: (args) => {
        const input = args.input as { recovery_key: string };
        if (input.recovery_key !== RIGHT_KEY) {
          throw apiError("validation", "回復キーが違います", "recovery_key");
        }
        return status("unlocked");
      },
    });
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "パスフレーズを忘れた場合" }));

    expect(
      await screen.findByRole("heading", { name: "パスフレーズの再設定" }),
    ).toBeInTheDocument();
    expect(screen.getByTestId("recover-login")).toHaveValue("admin");
    const key = screen.getByTestId("recover-key");
    expect(key).toHaveFocus();
    expect(key).not.toHaveAttribute("type", "password");
    expect(key).toHaveAccessibleDescription(/ハイフン・空白・大文字と小文字の違いは気にせず/);

    await user.type(key, WRONG_KEY);
    await user.type(screen.getByTestId("recover-passphrase"), fresh);
    await user.type(screen.getByTestId("recover-confirmation"), fresh);
    await waitFor(() => expect(screen.getByTestId("recover-submit")).toBeEnabled());
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("recover-key-error")).toHaveTextContent("回復キーが違います");
    expect(key).toHaveAttribute("aria-invalid", "true");
    expect(key).toHaveFocus();
    expect(key).toHaveValue(WRONG_KEY);
    expect(screen.getByTestId("recover-passphrase")).toHaveValue(fresh);

    await user.clear(key);
    await user.type(key, RIGHT_KEY);
    await user.click(screen.getByTestId("recover-submit"));

    expect(await screen.findByTestId("session-user")).toHaveTextContent("管理者");
    expect(callsOf(calls, "recover_vault")).toEqual([
      {
        input: { login: "admin", recovery_key: WRONG_KEY, passphrase: fresh, confirmation: fresh },
      },
      {
        input: { login: "admin", recovery_key: RIGHT_KEY, passphrase: fresh, confirmation: fresh },
      },
    ]);
    expect(callsOf(calls, "unlock")).toEqual([]);
  });

  it("brings the chosen user along and back, and speaks English after the switch", async () => {
    const calls = fakeShell(status("locked", null, { logins: ["sato", "tanaka"] }), {
      passphrase_strength: (args) => strengthOf(String(args.passphrase)),
      recover_vault: () =>
        status("unlocked", null, { session: session("viewer", "tanaka", "田中 一郎") }),
    });
    const { user } = renderApp();
    await screen.findByTestId("unlock-login");
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    await user.click(screen.getByTestId("unlock-forgot"));

    expect(await screen.findByTestId("recover-login")).toHaveValue("tanaka");
    await user.click(screen.getByText("English"));
    expect(
      await screen.findByRole("heading", { name: "Set a new passphrase" }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("Recovery key")).toBe(screen.getByTestId("recover-key"));
    await user.click(screen.getByRole("button", { name: "Back to the lock screen" }));

    expect(await screen.findByTestId("unlock-login")).toHaveValue("tanaka");
    expect(screen.getByRole("button", { name: "Forgot your passphrase?" })).toBeInTheDocument();

    await user.click(screen.getByTestId("unlock-forgot"));
    await user.type(await screen.findByTestId("recover-key"), RIGHT_KEY);
    await user.type(screen.getByTestId("recover-passphrase"), fresh);
    await user.type(screen.getByTestId("recover-confirmation"), fresh);
    await waitFor(() => expect(screen.getByTestId("recover-submit")).toBeEnabled());
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("session-role")).toHaveTextContent("Viewer");
    expect(callsOf(calls, "recover_vault")).toEqual([
      {
        input: { login: "tanaka", recovery_key: RIGHT_KEY, passphrase: fresh, confirmation: fresh },
      },
    ]);
    expect(window.localStorage.getItem("kakehashi.lastLogin")).toBe("tanaka");
  });
});
