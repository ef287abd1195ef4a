// The shell commands of locking with a form open and of the auto-lock time
// (src-tauri/src/autolock_commands.rs).
import type { AppStatus, AutoLockSettings } from "./bindings";
import { call } from "./call";

/** Seals `draft` (the open form's input, JSON) for the signed-in user, then locks. */
export const lockKeepingDraft = (draft: string | null): Promise<AppStatus> =>
  call("lock_keeping_draft", { draft });

/** The input this user kept at the last lock, given once; null when there is none. */
export const takeDraft = (): Promise<string | null> => call("take_draft");

export const autoLockSettings = (): Promise<AutoLockSettings> => call("auto_lock_settings");

/** Admin only; 1 to 240 minutes. Answers the minutes kept. */
export const setAutoLockMinutes = (minutes: number): Promise<number> =>
  call("set_auto_lock_minutes", { minutes });

export const AUTO_LOCK_KEY = ["auto_lock_settings"] as const;
export const TAKEN_DRAFT_KEY = ["taken_draft"] as const;
