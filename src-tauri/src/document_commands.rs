//! IPC command of the printable documents (docs/ipc.md, "Documents"): the case summary, the
//! discharge plan handout and the emergency information sheet of a child as PDF. The native
//! save dialog picks the file; the core checks the consent, makes the PDF and writes it whole
//! or not at all. (The roster's PDF is `export_roster`'s, in disaster_commands.rs.)

use kakehashi::pdf::{DocumentRequest, DocumentSaved};
use tauri::{AppHandle, State};

use crate::case_commands::stamp;
use crate::commands::Answer;
use crate::dialog::{SaveAs, pick_save_file};
use crate::state::AppState;

/// Asks where to save the document, then makes and writes it; `null` when the person cancels
/// the dialog. A recipient the family's consent does not cover is refused before the dialog
/// opens (`recipient` field) unless `acknowledge_consent_gap` is set.
#[tauri::command(async)]
pub fn export_document(
    app: AppHandle,
    state: State<'_, AppState>,
    request: DocumentRequest,
) -> Answer<Option<DocumentSaved>> {
    let lang = state.lang();
    let stamp = stamp(&state)?;
    // Make the PDF first: a refusal (consent, no plan) comes before any dialog.
    let (pdf, file_name) = state.with_registry(|r| {
        let pdf = r.document_pdf(&request, &stamp)?;
        let name = r.document_file_name(&request, &stamp)?;
        Ok((pdf, name))
    })?;
    let title = lang.pick(
        format!("{}の保存先", request.kind.title()),
        "Save the document as".into(),
    );
    let Some(path) = pick_save_file(
        &app,
        &SaveAs {
            title: &title,
            file_name: &file_name,
            filter_name: "PDF",
            extension: "pdf",
        },
    )?
    else {
        return Ok(None);
    };
    kakehashi::pdf::write_pdf(&path, &pdf).map_err(|e| e.to_api(lang))?;
    Ok(Some(DocumentSaved {
        path: path.display().to_string(),
    }))
}
