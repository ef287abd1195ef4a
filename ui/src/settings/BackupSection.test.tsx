import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { BackupDone, BackupInfo, BackupList, RestoreReport } from "../api";
import { renderApp } from "../test/render";
import { apiError, callsOf, fakeShell, sendOnChannel, status } from "../test/shell";
import { ADMIN, unlockedAs, withRole } from "../test/users";

const OLDER: BackupInfo = {
  name: "kakehashi-20261130-100000.kbak",
  created_at: "2026-11-30T01:00:00.000Z",
  size_bytes: 2_400_000,
  verified: true,
  schema_version: 9,
  rows: 5210,
};
const NEWER: BackupInfo = {
  ...OLDER,
  name: "kakehashi-20261201-100000.kbak",
  created_at: "2026-12-01T01:00:00.000Z",
};

function list(overrides: Partial<BackupList> = {}): BackupList {
  return {
    dir: "/home/coordinator/.local/share/kakehashi/backups",
    schedule: { every_hours: 24, keep: 7 },
    backups: [NEWER, OLDER],
    last_backup_at: NEWER.created_at,
    last_auto_error: null,
    ...overrides,
  };
}

const DONE: BackupDone = {
  backup: { ...NEWER, name: "kakehashi-20261202-100000.kbak" },
  dir: "/home/coordinator/.local/share/kakehashi/backups",
  millis: 120,
  removed: [],
};

const REPORT: RestoreReport = {
  backup: OLDER.name,
  created_at: OLDER.created_at,
  schema_version_found: 9,
  schema_version: 9,
  rows: 5210,
  previous_kept_as: "kakehashi.db.before-restore",
};

async function openSettings() {
  const page = renderApp("/settings");
  await screen.findByTestId("backup-section");
  return page;
}

describe("the backup panel", () => {
  it("shows the last backup, the folder and the generations with their check", async () => {
    fakeShell(status("unlocked"), {
      list_backups: () => list({ backups: [NEWER, { ...OLDER, verified: false }] }),
    });
    await openSettings();

    // In office time (UTC+9), as the file names are, whatever the computer's zone.
    expect(await screen.findByTestId("backup-last")).toHaveTextContent(
      "最終バックアップ: 2026-12-01 10:00",
    );
    expect(screen.getByTestId("backup-dir")).toHaveTextContent(
      "/home/coordinator/.local/share/kakehashi/backups",
    );
    const rows = screen.getAllByTestId("backup-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(NEWER.name);
    expect(rows[0]).toHaveTextContent("2026-12-01 10:00");
    expect(rows[0]).toHaveTextContent("2.4 MB");
    expect(rows[0]).toHaveTextContent("検証済み");
    expect(rows[1]).toHaveTextContent("未検証");
    expect(screen.getByTestId("backup-interval")).toHaveValue("24");
    expect(screen.getByTestId("backup-keep")).toHaveValue("7");
  });

  it("says when there is no backup yet and when the automatic one failed", async () => {
    fakeShell(status("unlocked"), {
      list_backups: () =>
        list({
          backups: [],
          last_backup_at: null,
          last_auto_error: apiError("io", "バックアップ先の空き容量が足りません"),
        }),
    });
    await openSettings();

    expect(await screen.findByTestId("backup-last")).toHaveTextContent(
      "まだバックアップはありません。",
    );
    expect(screen.getByTestId("backup-auto-error")).toHaveTextContent(
      "自動バックアップに失敗しました: バックアップ先の空き容量が足りません",
    );
    expect(screen.queryByTestId("backup-list")).not.toBeInTheDocument();
  });

  it("backs up now with progress, then lists the new generation", async () => {
    let finish: (value: BackupDone | null) => void = () => {};
    let channel: unknown = null;
    let backups = [NEWER, OLDER];
    const calls = fakeShell(status("unlocked"), {
      list_backups: () => list({ backups }),
      backup_now: (args) => {
        channel = args.onProgress;
        return new Promise<BackupDone | null>((resolve) => {
          finish = resolve;
        });
      },
    });
    const { user } = await openSettings();
    await user.click(await screen.findByTestId("backup-now"));

    expect(await screen.findByTestId("backup-progress-label")).toHaveTextContent(
      "バックアップしています…",
    );
    await waitFor(() => expect(channel).not.toBeNull());
    act(() => {
      sendOnChannel(channel, 0, { done: 30, total: 120 });
    });
    expect(await screen.findByTestId("backup-progress-label")).toHaveTextContent(
      "バックアップしています… 25%",
    );

    backups = [DONE.backup, NEWER, OLDER];
    act(() => finish(DONE));

    expect(await screen.findByTestId("backup-done")).toHaveTextContent(
      "バックアップしました（検証済み）: kakehashi-20261202-100000.kbak（2.4 MB）",
    );
    await waitFor(() => expect(screen.getAllByTestId("backup-row")).toHaveLength(3));
    expect(callsOf(calls, "list_backups").length).toBeGreaterThanOrEqual(2);
  });

  it("stops a running backup on 中止 and says nothing was left behind", async () => {
    let finish: (value: BackupDone | null) => void = () => {};
    const calls = fakeShell(status("unlocked"), {
      list_backups: () => list(),
      backup_now: () =>
        new Promise<BackupDone | null>((resolve) => {
          finish = resolve;
        }),
      cancel_backup: () => {
        finish(null);
        return null;
      },
    });
    const { user } = await openSettings();
    await user.click(await screen.findByTestId("backup-now"));
    await user.click(await screen.findByTestId("backup-cancel"));

    expect(await screen.findByTestId("backup-cancelled")).toHaveTextContent(
      "作りかけのファイルは残していません",
    );
    expect(callsOf(calls, "cancel_backup")).toHaveLength(1);
    expect(screen.getByTestId("backup-now")).toBeEnabled();
  });

  it("shows a failed backup's message (a full disk) and keeps the list", async () => {
    fakeShell(status("unlocked"), {
      list_backups: () => list(),
      backup_now: () => {
        throw apiError(
          "io",
          "バックアップ先の空き容量が足りません。これまでのバックアップはそのまま残っています。",
        );
      },
    });
    const { user } = await openSettings();
    await user.click(await screen.findByTestId("backup-now"));

    expect(await screen.findByTestId("backup-error")).toHaveTextContent(
      "バックアップ先の空き容量が足りません",
    );
    expect(screen.getAllByTestId("backup-row")).toHaveLength(2);
  });

  it("asks before restoring, saying the current data is kept, and restores only when confirmed", async () => {
    const calls = fakeShell(status("unlocked"), {
      list_backups: () => list(),
      restore_backup: () => REPORT,
    });
    const { user } = await openSettings();
    await user.click(await screen.findByTestId(`backup-restore-${OLDER.name}`));

    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByTestId("backup-confirm-text")).toHaveTextContent(OLDER.name);
    expect(within(dialog).getByTestId("backup-confirm-kept")).toHaveTextContent(
      "現在のデータは復元前の状態として保存されます",
    );
    await user.click(within(dialog).getByTestId("backup-confirm-cancel"));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(callsOf(calls, "restore_backup")).toHaveLength(0);

    const listsBefore = callsOf(calls, "list_backups").length;
    await user.click(screen.getByTestId(`backup-restore-${OLDER.name}`));
    await user.click(await screen.findByTestId("backup-confirm-restore"));

    expect(await screen.findByTestId("backup-restored")).toHaveTextContent(
      `${OLDER.name} から復元しました`,
    );
    expect(screen.getByTestId("backup-restored")).toHaveTextContent("kakehashi.db.before-restore");
    expect(callsOf(calls, "restore_backup")).toEqual([{ input: { name: OLDER.name } }]);
    // Everything is read again from the restored database.
    await waitFor(() => expect(callsOf(calls, "list_backups").length).toBeGreaterThan(listsBefore));
  });

  it("restores from a file chosen in the dialog, and a cancelled dialog changes nothing", async () => {
    const calls = fakeShell(status("unlocked"), {
      list_backups: () => list(),
      restore_backup: () => null,
    });
    const { user } = await openSettings();
    await user.click(await screen.findByTestId("backup-restore-file"));
    expect(await screen.findByTestId("backup-confirm-text")).toHaveTextContent(
      "次に選ぶバックアップファイル",
    );
    await user.click(screen.getByTestId("backup-confirm-restore"));

    await waitFor(() =>
      expect(callsOf(calls, "restore_backup")).toEqual([{ input: { name: null } }]),
    );
    expect(screen.queryByTestId("backup-restored")).not.toBeInTheDocument();
    expect(screen.queryByTestId("backup-error")).not.toBeInTheDocument();
  });

  it("shows why a restore was refused", async () => {
    fakeShell(status("unlocked"), {
      list_backups: () => list(),
      restore_backup: () => {
        throw apiError(
          "io",
          "kakehashi-20261130-100000.kbak は復元に使えません（integrity_check）。現在のデータは変更していません。",
        );
      },
    });
    const { user } = await openSettings();
    await user.click(await screen.findByTestId(`backup-restore-${OLDER.name}`));
    await user.click(await screen.findByTestId("backup-confirm-restore"));

    expect(await screen.findByTestId("backup-error")).toHaveTextContent(
      "現在のデータは変更していません",
    );
  });

  it("saves the schedule, and shows a refusal at its field", async () => {
    let schedule = { every_hours: 24, keep: 7 };
    const calls = fakeShell(status("unlocked"), {
      list_backups: () => list({ schedule }),
      set_backup_schedule: (args) => {
        const { input } = args as { input: typeof schedule };
        if (input.keep > 100)
          throw apiError("validation", "1から100の範囲で入力してください。", "keep");
        schedule = input;
        return input;
      },
    });
    const { user } = await openSettings();
    const interval = await screen.findByTestId("backup-interval");
    await user.selectOptions(interval, "6");
    const keep = screen.getByTestId("backup-keep");
    await user.clear(keep);
    await user.type(keep, "3");
    await user.click(screen.getByTestId("backup-schedule-save"));

    expect(await screen.findByTestId("backup-schedule-saved")).toHaveTextContent("保存しました。");
    expect(callsOf(calls, "set_backup_schedule")).toEqual([{ input: { every_hours: 6, keep: 3 } }]);
    expect(
      within(interval)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toContain("自動バックアップしない");

    await user.clear(keep);
    await user.type(keep, "250");
    await user.click(screen.getByTestId("backup-schedule-save"));
    expect(await screen.findByTestId("backup-schedule-field-error")).toHaveTextContent(
      "保存世代数：1から100の範囲で入力してください。",
    );
    expect(keep, "the refused field is marked").toHaveAttribute("aria-invalid", "true");
    expect(interval).not.toHaveAttribute("aria-invalid", "true");
  });
});

describe("the backup panel for someone who is not an administrator", () => {
  it("shows the generations but offers backup, restore and the schedule to administrators only", async () => {
    fakeShell(unlockedAs(withRole(ADMIN, "coordinator")), { list_backups: () => list() });
    const { user } = await openSettings();
    await screen.findByTestId("backup-list");

    for (const id of [
      "backup-now",
      "backup-restore-file",
      `backup-restore-${NEWER.name}`,
      "backup-schedule-save",
    ]) {
      expect(screen.getByTestId(id), id).toBeDisabled();
    }
    await user.hover(screen.getByTestId("backup-now").parentElement as HTMLElement);
    expect(await screen.findByText("管理者だけが操作できます")).toBeInTheDocument();
  });
});
