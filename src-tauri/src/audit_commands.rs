//! IPC commands of the audit log (docs/ipc.md, "Audit log"): the filtered list, the people in
//! it, and the tamper check. Each calls one core use case; messages are worded in the
//! language the UI set (`set_language`).

use kakehashi::audit::{AuditPage, AuditQuery, AuditVerification};
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

/// The audit log, filtered, newest first (`{ request: AuditQuery }`).
#[tauri::command(async)]
pub fn audit_entries(state: State<'_, AppState>, request: AuditQuery) -> Answer<AuditPage> {
    let lang = state.lang();
    run(&state, |r, _| {
        r.audit_entries(&AuditQuery {
            lang,
            ..request.clone()
        })
    })
}

/// The actors found in the audit log, for the "who" filter.
#[tauri::command(async)]
pub fn audit_actors(state: State<'_, AppState>) -> Answer<Vec<String>> {
    run(&state, |r, _| r.audit_actors())
}

/// Checks the hash chain and its head; the first break, located, in words.
#[tauri::command(async)]
pub fn verify_audit(state: State<'_, AppState>) -> Answer<AuditVerification> {
    let lang = state.lang();
    run(&state, |r, _| r.verify_audit(lang))
}
