//! IPC commands of users and the recovery key (docs/ipc.md, "Users"): each calls one core use
//! case with the unlocked registry, stamped by the signed-in user. The core checks the role
//! (`Error::Forbidden`) and every field; the shell only maps errors.

use kakehashi::users::{
    ChangePassphraseRequest, NewUserRequest, RecoveryKey, ResetPassphraseRequest,
    UpdateUserRequest, UserSummary,
};
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

/// Every user, admins first (admin only).
#[tauri::command(async)]
pub fn list_users(state: State<'_, AppState>) -> Answer<Vec<UserSummary>> {
    run(&state, |r, _| r.list_users())
}

/// Adds a user with their first passphrase (`{ input: NewUserRequest }`, admin only).
#[tauri::command(async)]
pub fn add_user(state: State<'_, AppState>, input: NewUserRequest) -> Answer<UserSummary> {
    run(&state, |r, s| r.add_user(&input, s))
}

/// Changes a user's display name and role (`{ input: UpdateUserRequest }`, admin only).
#[tauri::command(async)]
pub fn update_user(state: State<'_, AppState>, input: UpdateUserRequest) -> Answer<UserSummary> {
    run(&state, |r, s| r.update_user(&input, s))
}

/// Removes a user (`{ userId }`, admin only; not yourself, not the last admin).
#[tauri::command(async)]
pub fn remove_user(state: State<'_, AppState>, user_id: String) -> Answer<()> {
    run(&state, |r, s| r.remove_user(&user_id, s))
}

/// Sets another user's passphrase (`{ input: ResetPassphraseRequest }`, admin only).
#[tauri::command(async)]
pub fn reset_user_passphrase(
    state: State<'_, AppState>,
    input: ResetPassphraseRequest,
) -> Answer<()> {
    run(&state, |r, s| r.reset_passphrase(&input, s))
}

/// The signed-in user changes their own passphrase (`{ input: ChangePassphraseRequest }`).
#[tauri::command(async)]
pub fn change_own_passphrase(
    state: State<'_, AppState>,
    input: ChangePassphraseRequest,
) -> Answer<()> {
    run(&state, |r, s| r.change_own_passphrase(&input, s))
}

/// Makes a new organisation recovery key, replacing the old one; shown once (admin only).
#[tauri::command(async)]
pub fn new_recovery_key(state: State<'_, AppState>) -> Answer<RecoveryKey> {
    run(&state, |r, s| r.new_recovery_key(s))
}

/// Whether the registry has a recovery key (one from before users has none).
#[tauri::command(async)]
pub fn has_recovery_key(state: State<'_, AppState>) -> Answer<bool> {
    run(&state, |r, _| r.has_recovery_key())
}
