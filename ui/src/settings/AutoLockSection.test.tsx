import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, session, status } from "../test/shell";

type Handler = (args: Record<string, unknown>) => unknown;

function settingsShell(role: "admin" | "viewer", handlers: Record<string, Handler> = {}) {
  return fakeShell(status("unlocked", null, { session: session(role) }), {
    auto_lock_settings: () => ({ minutes: 15, idle_seconds: 900 }),
    take_draft: () => null,
    set_auto_lock_minutes: ({ minutes }) => {
      if ((minutes as number) < 1 || (minutes as number) > 240) {
        throw apiError("validation", "1から240の範囲で入力してください。", "minutes");
      }
      return minutes;
    },
    ...handlers,
  });
}

describe("auto-lock setting", () => {
  it("lets an administrator change the minutes, and shows the core's refusal at the field", async () => {
    const calls = settingsShell("admin");
    const { user } = renderApp("/settings");
    const section = await screen.findByTestId("auto-lock-section");
    const input = await within(section).findByTestId("auto-lock-minutes");
    expect(input).toHaveValue("15");

    await user.clear(input);
    await user.type(input, "300");
    await user.click(within(section).getByTestId("auto-lock-save"));
    expect(await within(section).findByText("1から240の範囲で入力してください。")).toBeVisible();
    expect(input).toHaveAttribute("aria-invalid", "true");

    await user.clear(input);
    await user.type(input, "30{Enter}");
    expect(await within(section).findByTestId("auto-lock-saved")).toHaveTextContent(
      "30分に設定しました。",
    );
    expect(callsOf(calls, "set_auto_lock_minutes")).toEqual([{ minutes: 300 }, { minutes: 30 }]);
    expect(input).not.toHaveAttribute("aria-invalid", "true");
  });

  it("shows everyone else the time, read-only", async () => {
    settingsShell("viewer");
    renderApp("/settings");
    expect(await screen.findByTestId("auto-lock-minutes-text")).toHaveTextContent(
      "15分間操作がないと自動でロックします",
    );
    expect(screen.queryByTestId("auto-lock-minutes")).not.toBeInTheDocument();
    expect(screen.queryByTestId("auto-lock-save")).not.toBeInTheDocument();
  });

  it("speaks English", async () => {
    window.localStorage.setItem("kakehashi.lang", "en");
    settingsShell("viewer");
    renderApp("/settings");
    expect(await screen.findByTestId("auto-lock-minutes-text")).toHaveTextContent(
      "Locks automatically after 15 minutes without activity.",
    );
    expect(screen.getByRole("heading", { name: "Auto-lock" })).toBeInTheDocument();
  });
});
