//! IPC commands of the 24/365 consultation log (docs/ipc.md, "Consultation log"): each calls one
//! core use case with the unlocked registry and maps its error; and the office's now, which the
//! forms start from so they agree with the stamps (and the test clock).

use chrono::SecondsFormat;
use kakehashi::consultations::*;
use tauri::State;

use crate::case_commands::{now, run};
use crate::commands::Answer;
use crate::state::AppState;

#[tauri::command(async)]
pub fn record_consultation(
    state: State<'_, AppState>,
    input: ConsultationInput,
) -> Answer<Consultation> {
    run(&state, |r, s| r.record_consultation(&input, s))
}

#[tauri::command(async)]
pub fn list_consultations(
    state: State<'_, AppState>,
    input: ConsultationFilter,
) -> Answer<ConsultationList> {
    run(&state, |r, _| r.consultations(&input))
}

#[tauri::command(async)]
pub fn consultation_counts(state: State<'_, AppState>, year: i32) -> Answer<YearCounts> {
    run(&state, |r, _| r.consultation_counts(year))
}

/// Now at the office (UTC+9) as RFC 3339, `2026-12-01T10:00:00+09:00`: the clock stamps use.
#[tauri::command(async)]
pub fn office_now() -> Answer<String> {
    let office = chrono::FixedOffset::east_opt(9 * 3600).expect("UTC+9 is a valid offset");
    Ok(now()
        .with_timezone(&office)
        .to_rfc3339_opts(SecondsFormat::Secs, false))
}
