// Signed-in users and the core's passphrase verdict, for the tests of users and roles.
import type { AppStatus, PassphraseStrength, Session } from "../api/bindings";
import { status } from "./shell";

export const ADMIN: Session = {
  user_id: "u-admin",
  login: "tanaka",
  display_name: "田中 一郎",
  role: "admin",
};

export const VIEWER: Session = {
  user_id: "u-sato",
  login: "sato",
  display_name: "佐藤 花子",
  role: "viewer",
};

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
