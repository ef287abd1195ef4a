//! IPC commands of disaster preparedness (docs/ipc.md, "Disaster"): a child's profile, the
//! emergency roster, and the roster saved as a file through the native save dialog (the path
//! stays on this side). Warnings and ages are worded in the app's language.

use kakehashi::disaster::*;
use tauri::{AppHandle, State};

use crate::case_commands::{run, stamp};
use crate::commands::Answer;
use crate::dialog::{SaveAs, pick_save_file};
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_disaster_profile(
    state: State<'_, AppState>,
    child_id: String,
) -> Answer<DisasterProfile> {
    let lang = state.lang();
    run(&state, |r, s| r.disaster_profile_in(&child_id, lang, s))
}

#[tauri::command(async)]
pub fn save_disaster_profile(
    state: State<'_, AppState>,
    request: SaveDisasterProfileRequest,
) -> Answer<DisasterProfile> {
    let lang = state.lang();
    run(&state, |r, s| r.save_disaster_profile_in(&request, lang, s))
}

#[tauri::command(async)]
pub fn emergency_roster(state: State<'_, AppState>, request: RosterQuery) -> Answer<Roster> {
    let lang = state.lang();
    run(&state, |r, s| r.emergency_roster_in(&request, lang, s))
}

/// Asks where to save the roster (CSV, XLSX or PDF), then writes it whole or not at all;
/// `null` when the person cancels the dialog.
#[tauri::command(async)]
pub fn export_roster(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ExportRosterRequest,
) -> Answer<Option<RosterExported>> {
    let lang = state.lang();
    let stamp = stamp(&state)?;
    let file_name = request.format.file_name(stamp.today());
    let title = lang.pick(
        "緊急時連絡網の保存先".into(),
        "Save the emergency roster as".into(),
    );
    let Some(path) = pick_save_file(
        &app,
        &SaveAs {
            title: &title,
            file_name: &file_name,
            filter_name: request.format.label(),
            extension: request.format.extension(),
        },
    )?
    else {
        return Ok(None);
    };
    state.with_registry(|r| {
        r.export_roster(
            &request.query,
            request.format,
            request.encoding,
            &path,
            &stamp,
        )
    })?;
    Ok(Some(RosterExported {
        path: path.display().to_string(),
    }))
}
