//! IPC commands of the provider import (docs/ipc.md, "Import"): the file is chosen in a native
//! dialog and kept here; the UI only ever sees its name, the preview and the report.

use kakehashi::io::Encoding;
use kakehashi::providers::import::{ImportOptions, ImportPreview, ImportReport, preview_import};
use kakehashi::{ApiError, Error, Lang};
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

/// Checks (dry run) or imports the chosen file with the given mapping and mode.
#[tauri::command(async)]
pub fn run_import(state: State<'_, AppState>, input: ImportOptions) -> Answer<ImportReport> {
    let path = state.import_file().ok_or_else(|| no_file(state.lang()))?;
    let stamp = stamp();
    state.with_registry(|r| r.import_providers(&path, &input, &stamp, &mut |_, _| true))
}

fn no_file(lang: Lang) -> ApiError {
    Error::invalid("file", kakehashi::error::Invalid::Required).to_api(lang)
}
