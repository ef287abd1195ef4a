// The user and recovery-key commands of docs/ipc.md ("Users"). The core checks the role of the
// signed-in user for each (users and the recovery key are for admins; everyone may change their
// own passphrase) and every field.

import type {
  ChangePassphraseRequest,
  NewUserRequest,
  RecoveryKey,
  ResetPassphraseRequest,
  UpdateUserRequest,
  UserSummary,
} from "./bindings";
import { call } from "./call";

/** Every user, admins first. */
export const listUsers = (): Promise<UserSummary[]> => call("list_users");

export const addUser = (input: NewUserRequest): Promise<UserSummary> => call("add_user", { input });

export const updateUser = (input: UpdateUserRequest): Promise<UserSummary> =>
  call("update_user", { input });

export const removeUser = (userId: string): Promise<null> => call("remove_user", { userId });

/** An admin sets another user's passphrase (they forgot theirs). */
export const resetUserPassphrase = (input: ResetPassphraseRequest): Promise<null> =>
  call("reset_user_passphrase", { input });

/** The signed-in user changes their own passphrase; `current` must be the one in use. */
export const changeOwnPassphrase = (input: ChangePassphraseRequest): Promise<null> =>
  call("change_own_passphrase", { input });

/** A new organisation recovery key; the old one stops working. Shown once. */
export const newRecoveryKey = (): Promise<RecoveryKey> => call("new_recovery_key");

export const hasRecoveryKey = (): Promise<boolean> => call("has_recovery_key");
