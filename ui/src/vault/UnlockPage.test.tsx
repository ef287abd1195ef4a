import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, status } from "../test/shell";

describe("unlock page", () => {
  it("shows the core's wrong-passphrase message at the passphrase field", async () => {
    const calls = fakeShell(status("locked"), {
      unlock: () => {
        throw apiError("validation", "パスフレーズが違います", "passphrase");
      },
    });
    const { user } = renderApp();
    const field = await screen.findByTestId("unlock-passphrase");
    expect(field).toHaveFocus();

    await user.type(field, "まちがい{Enter}");

    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("パスフレーズが違います");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(callsOf(calls, "unlock")).toEqual([{ input: { passphrase: "まちがい" } }]);
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

  it("opens the app on the right passphrase, and the lock button comes back here", async () => {
    fakeShell(status("locked"), {
      unlock: () => status("unlocked"),
      lock: () => status("locked"),
    });
    const { user } = renderApp();

    await user.type(await screen.findByTestId("unlock-passphrase"), "ただしい{Enter}");
    await user.click(await screen.findByTestId("lock-button"));

    expect(await screen.findByTestId("unlock-passphrase")).toHaveValue("");
  });
});
