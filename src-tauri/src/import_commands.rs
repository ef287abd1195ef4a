//! IPC commands of the provider import (docs/ipc.md, "Import"): the file is chosen in a native
//! dialog and kept here; the UI only ever sees its name, the preview and the report.

use kakehashi::io::Encoding;
use std::time::{Duration, Instant};

use kakehashi::providers::import::{
    ImportOptions, ImportPreview, ImportProgress, ImportReport, preview_import,
};
use kakehashi::{ApiError, Error, Lang};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::case_commands::stamp;
use crate::dialog::pick_import_file;
use crate::state::AppState;

use crate::commands::Answer;

/// Opens the file dialog; `null` when the person cancels. The chosen file is remembered for
/// `preview_import_file` and `run_import`.
#[tauri::command(async)]
pub fn choose_import_file(
    app: AppHandle,
    state: State<'_, AppState>,
    encoding: Encoding,
) -> Answer<Option<ImportPreview>> {
    let title = state.lang().pick(
        "取り込むファイルを選択".into(),
        "Choose a file to import".into(),
    );
    let Some(path) = pick_import_file(&app, &title)? else {
        return Ok(None);
    };
    let preview = preview_import(&path, encoding).map_err(|e| e.to_api(state.lang()))?;
    state.set_import_file(Some(path));
    Ok(Some(preview))
}

/// Reads the chosen file again, e.g. with another encoding.
#[tauri::command(async)]
pub fn preview_import_file(
    state: State<'_, AppState>,
    encoding: Encoding,
) -> Answer<ImportPreview> {
    let path = state.import_file().ok_or_else(|| no_file(state.lang()))?;
    preview_import(&path, encoding).map_err(|e| e.to_api(state.lang()))
}

/// Checks (dry run) or imports the chosen file with the given mapping and mode, sending
/// progress over `on_progress` at most every [`PROGRESS_EVERY`]; `cancel_import` stops it
/// and nothing is written.
#[tauri::command(async)]
pub fn run_import(
    state: State<'_, AppState>,
    input: ImportOptions,
    on_progress: Channel<ImportProgress>,
) -> Answer<ImportReport> {
    let path = state.import_file().ok_or_else(|| no_file(state.lang()))?;
    let stamp = stamp(&state)?;
    state.start_import();
    let mut last_sent: Option<Instant> = None;
    let mut progress = |done: u64, total: u64| {
        if last_sent.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY) {
            // The window may be gone (closed mid-import); the import goes on regardless.
            let _ = on_progress.send(ImportProgress::from_pair(done, total));
            last_sent = Some(Instant::now());
        }
        !state.import_cancelled()
    };
    state.with_registry(|r| r.import_providers(&path, &input, &stamp, &mut progress))
}

/// How often a running import reports progress to the window.
const PROGRESS_EVERY: Duration = Duration::from_millis(150);

/// Asks the running import to stop; it answers with `cancelled: true` and writes nothing.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.cancel_import();
}

fn no_file(lang: Lang) -> ApiError {
    Error::invalid("file", kakehashi::error::Invalid::Required).to_api(lang)
}
