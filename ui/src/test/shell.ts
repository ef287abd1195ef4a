// A stand-in for the desktop shell at the IPC boundary only: the app's own modules run for real.
import type { InvokeArgs } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  ApiError,
  AppStatus,
  Permission,
  Session,
  UserRole,
  VaultState,
} from "../api/bindings";

type Handler = (args: Record<string, unknown>) => unknown;
export type Call = { command: string; args: Record<string, unknown> };

/** A signed-in user; by default the administrator that setup makes. */
export function session(
  role: UserRole = "admin",
  login = "admin",
  display_name = "管理者",
): Session {
  return { user_id: `user-${login}`, login, display_name, role, permissions: PERMISSIONS[role] };
}

/** What the core answers in `Session.permissions` for each role (users.rs, UserRole::allows). */
const PERMISSIONS: Record<UserRole, Permission[]> = {
  admin: ["read", "write", "admin"],
  coordinator: ["read", "write"],
  viewer: ["read"],
};

/**
 * The app status in `state`: one user, `admin`, who is signed in when unlocked; `more` replaces
 * any of it (other logins, another session).
 */
export function status(
  state: VaultState,
  problem: ApiError | null = null,
  more: Partial<AppStatus> = {},
): AppStatus {
  return {
    state,
    data_dir: "/home/coordinator/.local/share/kakehashi",
    problem,
    logins: state === "needs_setup" ? [] : ["admin"],
    session: state === "unlocked" ? session() : null,
    ...more,
  };
}

export function apiError(kind: ApiError["kind"], message: string, field: string | null = null) {
  return { kind, message, field } satisfies ApiError;
}

/**
 * Answers `app_status` with `initial` and `set_language` with null unless told otherwise; any other
 * command without a handler rejects the way the real shell rejects an unknown command. Returns
 * the calls made, in order.
 */
export function fakeShell(initial: AppStatus, handlers: Record<string, Handler> = {}): Call[] {
  const calls: Call[] = [];
  const all: Record<string, Handler> = {
    app_status: () => initial,
    set_language: () => null,
    ...handlers,
  };
  mockIPC((command: string, payload?: InvokeArgs) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ command, args });
    const handler = all[command];
    if (!handler) throw `command ${command} not found`;
    return handler(args);
  });
  return calls;
}

export const callsOf = (calls: Call[], command: string) =>
  calls.filter((call) => call.command === command).map((call) => call.args);

/** Delivers `message` on a Channel a command was given, as the shell does while it runs. */
export function sendOnChannel(channel: unknown, index: number, message: unknown) {
  const internals = (window as unknown as { __TAURI_INTERNALS__: TauriInternals })
    .__TAURI_INTERNALS__;
  internals.runCallback((channel as { id: number }).id, { index, message });
}

type TauriInternals = { runCallback: (id: number, data: unknown) => void };
