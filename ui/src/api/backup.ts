// The backup commands of docs/ipc.md ("Backups"). Paths never cross: a backup is named by its
// file name in the backup folder, or chosen in the shell's open dialog.

import { Channel } from "@tauri-apps/api/core";
import type {
  BackupDone,
  BackupList,
  BackupProgress,
  BackupSchedule,
  RestoreReport,
  RestoreRequest,
} from "./bindings";
import { call } from "./call";

/** Backs up now, reporting progress; null when cancelled. */
export function backupNow(
  onProgress: (progress: BackupProgress) => void = () => {},
): Promise<BackupDone | null> {
  const channel = new Channel<BackupProgress>(onProgress);
  return call("backup_now", { onProgress: channel });
}

/** Stops the running backup; it then answers null and leaves nothing behind. */
export const cancelBackup = (): Promise<void> => call("cancel_backup");

export const listBackups = (): Promise<BackupList> => call("list_backups");

export const getBackupSchedule = (): Promise<BackupSchedule> => call("get_backup_schedule");

export const setBackupSchedule = (input: BackupSchedule): Promise<BackupSchedule> =>
  call("set_backup_schedule", { input });

/** Restores the named backup, or one chosen in the open dialog (name null); null when cancelled. */
export const restoreBackup = (input: RestoreRequest): Promise<RestoreReport | null> =>
  call("restore_backup", { input });
