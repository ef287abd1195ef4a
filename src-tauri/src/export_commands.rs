//! IPC command of the directory export (docs/ipc.md, "Export"): the native save dialog picks
//! the file (the path stays in Rust), the core writes it whole or not at all.

use kakehashi::io::write_atomically;
use kakehashi::providers::export::{ExportDone, ExportOptions};
use tauri::{AppHandle, State};

use crate::case_commands::stamp;
use crate::commands::Answer;
use crate::dialog::{SaveAs, pick_save_file};
use crate::state::AppState;

/// Asks where to save, then exports; `null` when the person cancels the dialog.
#[tauri::command(async)]
pub fn export_directory(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ExportOptions,
) -> Answer<Option<ExportDone>> {
    let lang = state.lang();
    input.check().map_err(|e| e.to_api(lang))?;
    let stamp = stamp(&state)?;
    let file_name = input.file_name(stamp.today());
    let title = lang.pick("書き出し先を選択".into(), "Save the export as".into());
    let Some(path) = pick_save_file(
        &app,
        &SaveAs {
            title: &title,
            file_name: &file_name,
            filter_name: input.format.label(),
            extension: input.format.extension(),
        },
    )?
    else {
        return Ok(None);
    };
    let summary = state
        .with_registry(|r| write_atomically(&path, |w| r.export_providers(&input, &stamp, w)))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(file_name);
    Ok(Some(ExportDone { file_name, summary }))
}
