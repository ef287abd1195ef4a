import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, status } from "../test/shell";

describe("app start", () => {
  it("sends the remembered language to the core before reading the status", async () => {
    window.localStorage.setItem("kakehashi.lang", "en");
    const calls = fakeShell(status("locked"));
    renderApp();

    expect(await screen.findByRole("button", { name: "Unlock" })).toBeInTheDocument();
    expect(calls.slice(0, 2)).toEqual([
      { command: "set_language", args: { lang: "en" } },
      { command: "app_status", args: {} },
    ]);
    expect(document.documentElement.lang).toBe("en");
  });

  it("shows a full-page error with what to do when the data folder cannot be used", async () => {
    fakeShell(
      status("locked", apiError("conflict", "別のかけはしがこのデータフォルダを使用中です")),
    );
    renderApp();

    const page = await screen.findByTestId("app-problem");
    expect(page).toHaveTextContent("データフォルダを使用できません");
    expect(page).toHaveTextContent("別のかけはしがこのデータフォルダを使用中です");
    expect(page).toHaveTextContent("ほかのかけはしのウィンドウを閉じてから");
    expect(page).toHaveTextContent("/home/coordinator/.local/share/kakehashi");
    expect(screen.queryByTestId("unlock-passphrase")).not.toBeInTheDocument();
  });

  it("treats a rejection that is not an ApiError as an internal error", async () => {
    fakeShell(status("locked"), {
      app_status: () => {
        throw "command app_status not found";
      },
    });
    renderApp();

    const page = await screen.findByTestId("app-problem");
    expect(page).toHaveTextContent("予期しないエラーが発生しました");
    expect(page).toHaveTextContent("command app_status not found");
  });
});

describe("app shell", () => {
  it("switches labels to English, remembers the choice and tells the core", async () => {
    const calls = fakeShell(status("unlocked"));
    const { user } = renderApp("/reports");
    expect(await screen.findByTestId("nav-municipalities")).toHaveTextContent("市区町村");
    expect(screen.getByTestId("session-role")).toHaveTextContent("管理者");

    await user.click(screen.getByText("English"));

    await waitFor(() =>
      expect(screen.getByTestId("nav-municipalities")).toHaveTextContent("Municipalities"),
    );
    expect(screen.getByTestId("lock-button")).toHaveTextContent("Lock");
    expect(screen.getByTestId("session-user")).toHaveTextContent("管理者");
    expect(screen.getByTestId("session-role")).toHaveTextContent("Administrator");
    expect(screen.getByRole("heading", { name: "Reports" })).toBeInTheDocument();
    expect(screen.getByText("This area is not ready yet")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    expect(window.localStorage.getItem("kakehashi.lang")).toBe("en");
    await waitFor(() => expect(callsOf(calls, "set_language")).toContainEqual({ lang: "en" }));
  });

  it("shows an honest empty state for an area that is not built yet", async () => {
    fakeShell(status("unlocked"));
    renderApp("/reports");

    expect(await screen.findByRole("heading", { name: "報告" })).toBeInTheDocument();
    expect(screen.getByText("この機能は準備中です")).toBeInTheDocument();
    expect(screen.getByText("このバージョンではまだ使えません。")).toBeInTheDocument();
  });

  it("falls back to the unlock page when the core answers that it has locked itself", async () => {
    let state: "unlocked" | "locked" = "unlocked";
    fakeShell(status("unlocked"), {
      app_status: () => status(state),
      list_municipalities: () => {
        state = "locked";
        throw apiError("locked", "ロックされています");
      },
    });
    renderApp("/municipalities");

    expect(await screen.findByTestId("unlock-passphrase")).toBeInTheDocument();
    expect(screen.queryByTestId("lock-button")).not.toBeInTheDocument();
  });

  it("shows the data folder in the settings", async () => {
    fakeShell(status("unlocked"));
    const { user } = renderApp();

    await user.click(await screen.findByTestId("nav-settings"));

    expect(await screen.findByTestId("settings-data-dir")).toHaveTextContent(
      "/home/coordinator/.local/share/kakehashi",
    );
  });
});
