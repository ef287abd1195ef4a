import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import { todayIso } from "../cases/dates";
import { emptyValues } from "../cases/form/values";
import { childDetail, fakeScores, MUNICIPALITIES } from "../test/cases";
import { callsOf, fakeShell, status } from "../test/shell";
import type { LockDraft } from "./drafts";

type Handler = (args: Record<string, unknown>) => unknown;

/** The app unlocked on the intake form's page, locking after `idle` seconds without input. */
function shell(handlers: Record<string, Handler> = {}, idle = 60) {
  return fakeShell(status("unlocked"), {
    auto_lock_settings: () => ({ minutes: 15, idle_seconds: idle }),
    take_draft: () => null,
    lock_keeping_draft: () => status("locked"),
    list_municipalities: () => MUNICIPALITIES,
    compute_scores: fakeScores,
    find_duplicates: () => [],
    register_child: () => childDetail(),
    get_child: () => childDetail(),
    ...handlers,
  });
}

function renderAt(path: string) {
  window.location.hash = `#${path}`;
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  return { user, ...render(<App />) };
}

/** Lets `seconds` pass with nobody touching the app. */
const idleFor = (seconds: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
  });

const keptDraft = (calls: ReturnType<typeof shell>) =>
  callsOf(calls, "lock_keeping_draft").map((args) =>
    args.draft === null ? null : (JSON.parse(args.draft as string) as LockDraft),
  );

const NO_CALLS = {
  total: 0,
  by_outcome: {
    advice: 0,
    visit_arranged: 0,
    emergency_admission: 0,
    respite_arranged: 0,
    referred: 0,
  },
  by_caller: { family: 0, clinic: 0, nursing_station: 0, school: 0, municipality: 0, other: 0 },
};

beforeEach(() => {
  // Time moves on by itself (so the app's promises settle) and can be jumped ahead.
  vi.useFakeTimers({ shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("auto-lock", () => {
  it("locks after the idle time, keeping the form's unsaved input, and says so on the lock screen", async () => {
    const calls = shell();
    const { user } = renderAt("/cases/new");
    await user.type(await screen.findByTestId("child-name"), "山田 太郎");
    await user.type(screen.getByTestId("child-kana"), "ヤマダ タロウ");

    await idleFor(61);

    await screen.findByTestId("unlock-passphrase");
    const [draft] = keptDraft(calls);
    expect(draft?.formId).toBe("case-new");
    expect(draft?.route).toBe("/cases/new");
    expect(draft?.values).toMatchObject({ name: "山田 太郎", kana: "ヤマダ タロウ" });
    expect(screen.getByTestId("auto-lock-notice")).toHaveTextContent(
      "一定時間操作がなかったため、ロックしました。入力中の内容は暗号化して保管しています",
    );
  });

  it("sends no draft when the open form has no changes", async () => {
    const calls = shell();
    renderAt("/cases/new");
    await screen.findByTestId("child-name");

    await idleFor(61);

    await screen.findByTestId("unlock-passphrase");
    expect(keptDraft(calls)).toEqual([null]);
    const notice = screen.getByTestId("auto-lock-notice");
    expect(notice).toHaveTextContent("一定時間操作がなかったため、ロックしました。");
    expect(notice).not.toHaveTextContent("入力中の内容");
  });

  it("warns before locking; 続ける (or any input) starts the time again", async () => {
    const calls = shell();
    const { user } = renderAt("/cases/new");
    await screen.findByTestId("child-name");

    await idleFor(50);
    const warning = await screen.findByTestId("auto-lock-warning");
    expect(warning).toHaveTextContent("まもなくロックします");
    await user.click(screen.getByRole("button", { name: "続ける" }));
    await waitFor(() => expect(screen.queryByTestId("auto-lock-warning")).not.toBeInTheDocument());

    await idleFor(40);
    expect(callsOf(calls, "lock_keeping_draft")).toEqual([]);
    expect(screen.getByTestId("child-name")).toBeInTheDocument();
  });

  it("keeps the input when ロック is pressed, and gives it back into the form after unlock", async () => {
    let kept: string | null = null;
    const calls = shell({
      lock_keeping_draft: ({ draft }) => {
        kept = draft as string | null;
        return status("locked");
      },
      unlock: () => status("unlocked"),
      take_draft: () => {
        const draft = kept;
        kept = null;
        return draft;
      },
    });
    const { user } = renderAt("/cases/new");
    await user.type(await screen.findByTestId("child-name"), "山田 太郎");
    await user.click(screen.getByTestId("lock-button"));

    expect(await screen.findByTestId("auto-lock-notice")).toHaveTextContent(
      "ロックしました。入力中の内容は暗号化して保管しています",
    );
    // The page to come back to is not shown while locked; the draft is not in any answer cached.
    expect(screen.queryByTestId("child-name")).not.toBeInTheDocument();

    await user.type(screen.getByTestId("unlock-passphrase"), "correct horse battery staple");
    await user.click(screen.getByTestId("unlock-submit"));

    await waitFor(() => expect(screen.getByTestId("child-name")).toHaveValue("山田 太郎"));
    expect(screen.getByTestId("draft-restored")).toHaveTextContent(
      "ロック前の入力内容を復元しました",
    );
    expect(screen.queryByTestId("auto-lock-notice")).not.toBeInTheDocument();
    expect(callsOf(calls, "take_draft").length).toBeGreaterThanOrEqual(1);
  });

  it("after unlock opens the kept form's page and fills it", async () => {
    const values = { ...emptyValues(todayIso()), name: "佐藤 花子", kana: "サトウ ハナコ" };
    shell({
      take_draft: () => JSON.stringify({ formId: "case-new", route: "/cases/new", values }),
    });
    renderAt("/cases");

    await waitFor(() => expect(window.location.hash).toBe("#/cases/new"));
    await waitFor(() => expect(screen.getByTestId("child-name")).toHaveValue("佐藤 花子"));
    expect(screen.getByTestId("child-kana")).toHaveValue("サトウ ハナコ");
    expect(screen.getByTestId("draft-restored")).toHaveTextContent(
      "ロック前の入力内容を復元しました",
    );
  });

  it("keeps a phone call being noted in the consultation log, and gives it back after unlock", async () => {
    let kept: string | null = null;
    const calls = shell({
      office_now: () => "2026-12-15T21:30:00+09:00",
      list_consultations: () => ({ total: 0, consultations: [] }),
      consultation_counts: ({ year }) => ({ year, months: [], year_total: NO_CALLS }),
      lock_keeping_draft: ({ draft }) => {
        kept = draft as string | null;
        return status("locked");
      },
      unlock: () => status("unlocked"),
      take_draft: () => {
        const draft = kept;
        kept = null;
        return draft;
      },
    });
    const { user } = renderAt("/consultations");
    await user.type(await screen.findByTestId("consultation-topic"), "吸引器の不調");
    await user.type(screen.getByTestId("consultation-note"), "夜間に再度連絡あり");
    await user.click(screen.getByTestId("lock-button"));

    await screen.findByTestId("unlock-passphrase");
    expect(keptDraft(calls)).toMatchObject([
      {
        formId: "consultation-quick-entry",
        route: "/consultations",
        values: { topic: "吸引器の不調", note: "夜間に再度連絡あり" },
      },
    ]);
    await user.type(screen.getByTestId("unlock-passphrase"), "correct horse battery staple");
    await user.click(screen.getByTestId("unlock-submit"));

    await waitFor(() =>
      expect(screen.getByTestId("consultation-topic")).toHaveValue("吸引器の不調"),
    );
    expect(screen.getByTestId("consultation-note")).toHaveValue("夜間に再度連絡あり");
  });

  it("speaks English", async () => {
    window.localStorage.setItem("kakehashi.lang", "en");
    shell();
    const { user } = renderAt("/cases/new");
    await user.type(await screen.findByTestId("child-name"), "Taro");

    await idleFor(50);
    expect(await screen.findByTestId("auto-lock-warning")).toHaveTextContent("Locking soon");
    await idleFor(11);

    const notice = await screen.findByTestId("auto-lock-notice");
    expect(notice).toHaveTextContent("Locked after a period without activity.");
    expect(notice).toHaveTextContent("The input in progress is kept encrypted");
  });
});
