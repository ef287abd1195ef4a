//! Native file dialogs, opened from Rust so that the UI never sees or sends a file path.
//!
//! This is the one seam end-to-end tests go through: WebDriver cannot drive a native dialog,
//! so when `KAKEHASHI_TEST_OPEN_FILE` is set, the open dialog answers with that path instead
//! of showing itself.

use std::path::PathBuf;
use std::sync::mpsc;

use kakehashi::{ApiError, ErrorKind};
use tauri::AppHandle;

pub const TEST_OPEN_FILE_ENV: &str = "KAKEHASHI_TEST_OPEN_FILE";

/// Asks the person for a CSV or Excel file to import; `None` when they cancel.
pub fn pick_import_file(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, ApiError> {
    if let Some(path) = std::env::var_os(TEST_OPEN_FILE_ENV).filter(|p| !p.is_empty()) {
        return Ok(Some(PathBuf::from(path)));
    }
    let (tx, rx) = mpsc::channel();
    let title = title.to_string();
    // GTK dialogs must run on the main (GTK) thread; commands run on a worker thread.
    app.run_on_main_thread(move || {
        let picked = rfd::FileDialog::new()
            .set_title(&title)
            .add_filter("CSV / Excel", &["csv", "txt", "tsv", "xlsx"])
            .pick_file();
        let _ = tx.send(picked);
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
