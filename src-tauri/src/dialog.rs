//! Native file dialogs, opened from Rust so that the UI never sees or sends a file path.
//!
//! This is the one seam end-to-end tests go through: WebDriver cannot drive a native dialog,
//! so when `KAKEHASHI_TEST_OPEN_FILE` is set, the open dialog answers with that path, and when
//! `KAKEHASHI_TEST_SAVE_DIR` is set, the save dialog answers with the suggested file name in
//! that directory, instead of showing themselves.

use std::path::PathBuf;
use std::sync::mpsc;

use kakehashi::{ApiError, ErrorKind};
use tauri::AppHandle;

pub const TEST_OPEN_FILE_ENV: &str = "KAKEHASHI_TEST_OPEN_FILE";
pub const TEST_SAVE_DIR_ENV: &str = "KAKEHASHI_TEST_SAVE_DIR";

/// Asks the person for a CSV or Excel file to import; `None` when they cancel.
pub fn pick_import_file(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, ApiError> {
    if let Some(path) = test_answer(TEST_OPEN_FILE_ENV) {
        return Ok(Some(path));
    }
    let title = title.to_string();
    on_main_thread(app, move || {
        rfd::FileDialog::new()
            .set_title(&title)
            .add_filter("CSV / Excel", &["csv", "txt", "tsv", "xlsx"])
            .pick_file()
    })
}

/// Asks the person for a backup file to restore (`.kbak`, or the `before-restore` copy of
/// the database); `None` when they cancel. Tests answer through `KAKEHASHI_TEST_OPEN_FILE`.
pub fn pick_backup_file(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, ApiError> {
    if let Some(path) = test_answer(TEST_OPEN_FILE_ENV) {
        return Ok(Some(path));
    }
    let title = title.to_string();
    on_main_thread(app, move || {
        rfd::FileDialog::new()
            .set_title(&title)
            .add_filter("Kakehashi backup", &["kbak", "before-restore"])
            .pick_file()
    })
}

/// What the save dialog offers: its title, the suggested file name, and the one file type.
pub struct SaveAs<'a> {
    pub title: &'a str,
    pub file_name: &'a str,
    pub filter_name: &'a str,
    pub extension: &'a str,
}

/// Asks the person where to save a file; `None` when they cancel.
pub fn pick_save_file(app: &AppHandle, save: &SaveAs<'_>) -> Result<Option<PathBuf>, ApiError> {
    if let Some(dir) = test_answer(TEST_SAVE_DIR_ENV) {
        return Ok(Some(dir.join(save.file_name)));
    }
    let (title, file_name) = (save.title.to_string(), save.file_name.to_string());
    let (filter_name, extension) = (save.filter_name.to_string(), save.extension.to_string());
    on_main_thread(app, move || {
        rfd::FileDialog::new()
            .set_title(&title)
            .set_file_name(&file_name)
            .add_filter(&filter_name, &[extension.as_str()])
            .save_file()
    })
}

fn test_answer(env: &str) -> Option<PathBuf> {
    std::env::var_os(env)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// GTK dialogs must run on the main (GTK) thread; commands run on a worker thread.
fn on_main_thread(
    app: &AppHandle,
    dialog: impl FnOnce() -> Option<PathBuf> + Send + 'static,
) -> Result<Option<PathBuf>, ApiError> {
    let (tx, rx) = mpsc::channel();
    app.run_on_main_thread(move || {
        let _ = tx.send(dialog());
    })
    .map_err(|e| internal(e.to_string()))?;
    rx.recv().map_err(|e| internal(e.to_string()))
}

fn internal(detail: String) -> ApiError {
    ApiError {
        kind: ErrorKind::Internal,
        message: detail,
        field: None,
    }
}
