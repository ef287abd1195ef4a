import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PassphraseStrength, SetupAnswer } from "../api/bindings";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, session, status } from "../test/shell";

/** The core's verdict, stood in by length: long passphrases are acceptable, short ones are not. */
function strengthOf(passphrase: string): PassphraseStrength {
  return passphrase.length >= 16
    ? { score: 4, acceptable: true, hint: null }
    : { score: 1, acceptable: false, hint: "もっと長くしてください" };
}

const strong = "あおいそらと しろいくもと 2024ねん";
const RECOVERY_KEY = "K7QF-3MZP-9XTR-H2LD-W8CB-Q4NV-J6YS-E5GA";
const created: SetupAnswer = {
  status: status("unlocked", null, { session: session("admin", "yamada", "山田 花子") }),
  recovery_key: { key: RECOVERY_KEY },
};

function setupShell(onSetup: (args: Record<string, unknown>) => unknown) {
  return fakeShell(status("needs_setup"), {
    passphrase_strength: (args) => strengthOf(String(args.passphrase)),
    setup_vault: onSetup,
  });
}

/** Fills the four fields as a person would, and waits until the form may be sent. */
async function fillIn(user: UserEvent, name = "山田 花子", login = "yamada") {
  await user.type(await screen.findByTestId("setup-display-name"), name);
  await user.type(screen.getByTestId("setup-login"), login);
  await user.type(screen.getByTestId("setup-passphrase"), strong);
  await user.type(screen.getByTestId("setup-confirmation"), strong);
  await waitFor(() => expect(screen.getByTestId("setup-submit")).toBeEnabled());
}

const FIELD_TEST_IDS = {
  display_name: "setup-display-name",
  login: "setup-login",
  passphrase: "setup-passphrase",
  confirmation: "setup-confirmation",
} as const;

describe("first-run setup page", () => {
  it("asks for a name, a user name and a passphrase, starting at the name", async () => {
    setupShell(() => created);
    renderApp();

    expect(await screen.findByText(/あなたが管理者になります/)).toBeInTheDocument();
    expect(screen.getByTestId("setup-display-name")).toHaveFocus();
    expect(screen.getByLabelText(/^お名前/)).toBe(screen.getByTestId("setup-display-name"));
    expect(screen.getByLabelText(/^ユーザー名（ログインID）/)).toHaveAttribute(
      "placeholder",
      "例：yamada",
    );
    expect(screen.getByText(/半角英小文字・数字/)).toBeInTheDocument();
    expect(screen.getByTestId("setup-submit")).toBeDisabled();
  });

  it("enables submit only for an acceptable passphrase typed the same twice", async () => {
    const calls = setupShell(() => created);
    const { user } = renderApp();
    const passphrase = await screen.findByTestId("setup-passphrase");
    const confirmation = screen.getByTestId("setup-confirmation");
    const submit = screen.getByTestId("setup-submit");

    await user.type(passphrase, "short");
    expect(await screen.findByText("もっと長くしてください")).toBeInTheDocument();
    expect(screen.getByText(/このパスフレーズでは弱すぎます/)).toBeInTheDocument();
    expect(screen.getByTestId("strength-meter")).toHaveAttribute("data-acceptable", "false");
    await user.type(confirmation, "short");
    expect(submit).toBeDisabled();

    await user.clear(passphrase);
    await user.type(passphrase, strong);
    await waitFor(() =>
      expect(screen.getByTestId("strength-meter")).toHaveAttribute("data-acceptable", "true"),
    );
    expect(screen.getByText(/このパスフレーズは使えます/)).toBeInTheDocument();
    expect(screen.getByText("パスフレーズが一致しません")).toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.clear(confirmation);
    await user.type(confirmation, strong);
    expect(screen.queryByText("パスフレーズが一致しません")).not.toBeInTheDocument();
    await waitFor(() => expect(submit).toBeEnabled());

    // The meter is debounced: typing a passphrase must not ask the core once per key.
    const asked = callsOf(calls, "passphrase_strength").length;
    expect(asked).toBeLessThan("short".length + strong.length);
  });

  it("asks for the name and the user name before sending anything", async () => {
    const calls = setupShell(() => created);
    const { user } = renderApp();
    await user.type(await screen.findByTestId("setup-passphrase"), strong);
    await user.type(screen.getByTestId("setup-confirmation"), strong);
    await waitFor(() => expect(screen.getByTestId("setup-submit")).toBeEnabled());

    await user.keyboard("{Enter}");

    expect(await screen.findByText("お名前を入力してください")).toBeInTheDocument();
    expect(screen.getByText("ユーザー名を入力してください")).toBeInTheDocument();
    expect(screen.getByTestId("setup-display-name")).toHaveFocus();
    expect(callsOf(calls, "setup_vault")).toEqual([]);
  });

  it.each(Object.entries(FIELD_TEST_IDS))(
    "shows the core's message for %s at that field, keeping everything typed",
    async (field, testId) => {
      const message = `${field} の内容を確かめてください`;
      const calls = setupShell(() => {
        throw apiError("validation", message, field);
      });
      const { user } = renderApp();
      await fillIn(user, "山田 花子", "Yamada");

      await user.keyboard("{Enter}");

      const shown = await screen.findByText(message);
      const input = screen.getByTestId(testId);
      expect(input).toHaveAttribute("aria-invalid", "true");
      expect(input).toHaveAccessibleDescription(expect.stringContaining(shown.textContent ?? ""));
      expect(input).toHaveFocus();
      expect(screen.queryByRole("alert")).not.toBeInTheDocument();
      // Nothing typed is lost: the person corrects one field and sends again.
      expect(screen.getByTestId("setup-display-name")).toHaveValue("山田 花子");
      expect(screen.getByTestId("setup-login")).toHaveValue("Yamada");
      expect(screen.getByTestId("setup-passphrase")).toHaveValue(strong);
      expect(screen.getByTestId("setup-confirmation")).toHaveValue(strong);
      expect(callsOf(calls, "setup_vault")).toEqual([
        {
          input: {
            display_name: "山田 花子",
            login: "Yamada",
            passphrase: strong,
            confirmation: strong,
          },
        },
      ]);
    },
  );
});

describe("recovery key shown once after setup", () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows the key in groups, prints it, and opens the app only once it is kept", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    setupShell(() => created);
    const { user } = renderApp();
    await fillIn(user);
    await user.click(screen.getByTestId("setup-submit"));

    const key = await screen.findByTestId("recovery-key");
    expect(Array.from(key.children, (group) => group.textContent)).toEqual(RECOVERY_KEY.split("-"));
    expect(screen.getByText(/この画面を閉じると二度と表示されません/)).toBeInTheDocument();
    const sheet = screen.getByTestId("recovery-sheet");
    expect(sheet).toHaveTextContent("/home/coordinator/.local/share/kakehashi");
    expect(sheet).toHaveTextContent(/作成日：\d{4}年\d{1,2}月\d{1,2}日/);

    await user.click(screen.getByRole("button", { name: "印刷する" }));
    expect(print).toHaveBeenCalledTimes(1);

    const start = screen.getByRole("button", { name: "かけはしを使い始める" });
    expect(start).toBeDisabled();
    await user.click(start);
    expect(screen.queryByTestId("lock-button")).not.toBeInTheDocument();

    await user.click(screen.getByLabelText("回復キーを保管しました"));
    await user.click(start);

    const signedIn = await screen.findByTestId("session-user");
    expect(signedIn).toHaveTextContent("山田 花子");
    expect(within(signedIn).getByTestId("session-role")).toHaveTextContent("管理者");
    // Shown once: gone from the screen, and never put in storage.
    expect(document.body).not.toHaveTextContent(RECOVERY_KEY.slice(0, 4));
    const stored = Object.keys(window.localStorage).map((k) => window.localStorage.getItem(k));
    expect(stored.join(" ")).not.toContain(RECOVERY_KEY.slice(5, 9));
  });

  it("stays on screen in English when the language is switched", async () => {
    // Switching reads the status again, which now says unlocked: the key must not vanish.
    let state: "needs_setup" | "unlocked" = "needs_setup";
    fakeShell(status("needs_setup"), {
      app_status: () => (state === "unlocked" ? created.status : status("needs_setup")),
      passphrase_strength: (args) => strengthOf(String(args.passphrase)),
      setup_vault: () => {
        state = "unlocked";
        return created;
      },
    });
    const { user } = renderApp();
    await fillIn(user);
    await user.click(screen.getByTestId("setup-submit"));
    await screen.findByTestId("recovery-key");

    await user.click(screen.getByText("English"));

    expect(await screen.findByRole("heading", { name: "Recovery key" })).toBeInTheDocument();
    expect(screen.getByTestId("recovery-key")).toHaveTextContent("K7QF");
    expect(screen.getByRole("button", { name: "Print" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Start using Kakehashi" })).toBeDisabled();
    await user.click(screen.getByLabelText("I have stored the recovery key"));
    await user.click(screen.getByRole("button", { name: "Start using Kakehashi" }));
    expect(await screen.findByTestId("session-role")).toHaveTextContent("Administrator");
  });
});
