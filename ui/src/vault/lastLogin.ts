// The login last used on this machine, so that the lock screen comes with it already chosen. A
// login is a staff id shown on the lock screen anyway, not a secret; nothing else is kept.
const KEY = "kakehashi.lastLogin";

export function rememberLogin(login: string): void {
  try {
    window.localStorage.setItem(KEY, login);
  } catch {
    // Storage can be unavailable (a full or read-only profile); choosing again is enough.
  }
}

/** The only user, else the last one used here if they still exist, else none. */
export function initialLogin(logins: readonly string[]): string | null {
  if (logins.length === 1) return logins[0] ?? null;
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(KEY);
  } catch {
    last = null;
  }
  return last !== null && logins.includes(last) ? last : null;
}
