import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { callsOf, fakeShell } from "../test/shell";
import { ADMIN, unlockedAs } from "../test/users";

const KEY = "K7QF-3MZP-A2XD-9HTR-WB4N-6YCE-J8LS-P5UV";

function recoveryShell(has: boolean) {
  let exists = has;
  return fakeShell(unlockedAs(ADMIN), {
    list_users: () => [],
    list_templates: () => [],
    has_recovery_key: () => exists,
    new_recovery_key: () => {
      exists = true;
      return { key: KEY };
    },
  });
}

describe("the recovery key panel", () => {
  it("says plainly when a registry from before users has no recovery key", async () => {
    recoveryShell(false);
    renderApp("/settings");
    expect(await screen.findByTestId("recovery-key-missing")).toHaveTextContent(
      "回復キーがまだありません",
    );
    expect(screen.getByTestId("recovery-key-make")).toHaveTextContent("回復キーを作る");
  });

  it("makes a new key after a confirmation, shows it once, and closes only once kept", async () => {
    const calls = recoveryShell(true);
    const { user } = renderApp("/settings");
    expect(await screen.findByTestId("recovery-key-present")).toBeInTheDocument();

    await user.click(screen.getByTestId("recovery-key-make"));
    expect(await screen.findByTestId("recovery-key-confirm-text")).toHaveTextContent(
      "いまの回復キーは使えなくなります",
    );
    expect(callsOf(calls, "new_recovery_key")).toEqual([]);
    await user.click(screen.getByTestId("recovery-key-confirm-submit"));

    const shown = await screen.findByTestId("recovery-key-shown");
    expect(within(shown).getByTestId("recovery-key-value")).toHaveTextContent(KEY);
    expect(shown).toHaveTextContent("表示されるのは今回だけです");
    expect(within(shown).getByTestId("recovery-key-print")).toBeEnabled();
    const close = within(shown).getByTestId("recovery-key-close");
    expect(close).toBeDisabled();
    await user.click(within(shown).getByRole("checkbox", { name: "保管しました" }));
    await user.click(close);

    await waitFor(() => expect(screen.queryByTestId("recovery-key-shown")).not.toBeInTheDocument());
    expect(screen.queryByText(KEY)).not.toBeInTheDocument();
    expect(callsOf(calls, "new_recovery_key")).toHaveLength(1);
  });
});
