import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PassphraseStrength } from "../api/bindings";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, status } from "../test/shell";

/** The core's verdict, stood in by length: long passphrases are acceptable, short ones are not. */
function strengthOf(passphrase: string): PassphraseStrength {
  return passphrase.length >= 16
    ? { score: 4, acceptable: true, hint: null }
    : { score: 1, acceptable: false, hint: "もっと長くしてください" };
}

const strong = "あおいそらと しろいくもと 2024ねん";

function setupShell(onSetup: (args: Record<string, unknown>) => unknown) {
  return fakeShell(status("needs_setup"), {
    passphrase_strength: (args) => strengthOf(String(args.passphrase)),
    setup_vault: onSetup,
  });
}

describe("first-run setup page", () => {
  it("explains that a lost passphrase cannot be recovered and focuses the first field", async () => {
    setupShell(() => status("unlocked"));
    renderApp();

    expect(await screen.findByText(/取り戻す方法はない/)).toBeInTheDocument();
    expect(screen.getByTestId("setup-passphrase")).toHaveFocus();
    expect(screen.getByTestId("setup-submit")).toBeDisabled();
  });

  it("enables submit only for an acceptable passphrase typed the same twice", async () => {
    const calls = setupShell(() => status("unlocked"));
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

  it("shows the core's validation message at the field it names", async () => {
    const calls = setupShell(() => {
      throw apiError("validation", "確認用のパスフレーズが一致しません", "confirmation");
    });
    const { user } = renderApp();
    const passphrase = await screen.findByTestId("setup-passphrase");

    await user.type(passphrase, strong);
    await user.type(screen.getByTestId("setup-confirmation"), strong);
    await waitFor(() => expect(screen.getByTestId("setup-submit")).toBeEnabled());
    await user.keyboard("{Enter}");

    const message = await screen.findByText("確認用のパスフレーズが一致しません");
    const field = screen.getByTestId("setup-confirmation");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message.textContent ?? ""));
    expect(callsOf(calls, "setup_vault")).toEqual([
      { input: { passphrase: strong, confirmation: strong } },
    ]);
  });

  it("opens the app once the vault is created", async () => {
    setupShell(() => status("unlocked"));
    const { user } = renderApp();

    await user.type(await screen.findByTestId("setup-passphrase"), strong);
    await user.type(screen.getByTestId("setup-confirmation"), strong);
    await waitFor(() => expect(screen.getByTestId("setup-submit")).toBeEnabled());
    await user.click(screen.getByTestId("setup-submit"));

    expect(await screen.findByTestId("lock-button")).toBeInTheDocument();
  });
});
