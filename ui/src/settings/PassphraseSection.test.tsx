import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell } from "../test/shell";
import { strengthOf, unlockedAs, VIEWER } from "../test/users";

const CURRENT = "いまのパスフレーズ 2025";
const NEW = "あたらしいパスフレーズ 2026";

describe("changing your own passphrase", () => {
  it("shows a wrong current passphrase at that field, keeps the input, then changes it", async () => {
    let attempts = 0;
    const calls = fakeShell(unlockedAs(VIEWER), {
      list_templates: () => [],
      passphrase_strength: (args) => strengthOf(String(args.passphrase)),
      change_own_passphrase: () => {
        attempts += 1;
        if (attempts === 1) {
          throw apiError("validation", "パスフレーズが違います。", "current");
        }
        return null;
      },
    });
    const { user } = renderApp("/settings");
    // A viewer changes their own passphrase too.
    expect(await screen.findByTestId("own-passphrase-section")).toHaveTextContent(
      "佐藤 花子（sato）",
    );
    await user.click(screen.getByTestId("own-passphrase-open"));
    const current = await screen.findByTestId("own-passphrase-current");
    expect(current).toHaveFocus();

    await user.type(current, "まちがえたパスフレーズ");
    await user.type(screen.getByTestId("own-passphrase-passphrase"), NEW);
    await user.type(screen.getByTestId("own-passphrase-confirmation"), NEW);
    const submit = screen.getByTestId("own-passphrase-submit");
    await waitFor(() => expect(submit).toBeEnabled());
    await user.click(submit);

    expect(await screen.findByText("パスフレーズが違います。")).toBeInTheDocument();
    expect(current).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("own-passphrase-passphrase")).toHaveValue(NEW);

    await user.clear(current);
    await user.type(current, CURRENT);
    await user.click(submit);

    expect(await screen.findByTestId("own-passphrase-done")).toHaveTextContent(
      "パスフレーズを変更しました",
    );
    expect(callsOf(calls, "change_own_passphrase").at(-1)).toEqual({
      input: { current: CURRENT, passphrase: NEW, confirmation: NEW },
    });
    // The form closes; nothing typed stays on the page.
    expect(screen.queryByTestId("own-passphrase-current")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("own-passphrase-open"));
    expect(await screen.findByTestId("own-passphrase-current")).toHaveValue("");
  });
});
