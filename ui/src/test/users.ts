// Signed-in users and the core's passphrase verdict, for the tests of users and roles.
import type { AppStatus, PassphraseStrength, Session, UserRole } from "../api/bindings";
import { session, status } from "./shell";

export const ADMIN: Session = { ...session("admin", "tanaka", "田中 一郎"), user_id: "u-admin" };

export const VIEWER: Session = { ...session("viewer", "sato", "佐藤 花子"), user_id: "u-sato" };

/** The same user with another role (and that role's permissions, as the core would answer). */
export function withRole(user: Session, role: UserRole): Session {
  return { ...session(role, user.login, user.display_name), user_id: user.user_id };
}

/** The status of an unlocked registry with `session` signed in. */
export function unlockedAs(session: Session): AppStatus {
  return { ...status("unlocked"), logins: ["sato", "tanaka"], session };
}

/** The core's verdict, stood in by length: 16 characters or more are acceptable. */
export function strengthOf(passphrase: string): PassphraseStrength {
  return passphrase.length >= 16
    ? { score: 4, acceptable: true, hint: null }
    : { score: 1, acceptable: false, hint: "もっと長くしてください" };
}
