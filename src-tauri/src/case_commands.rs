//! IPC commands of the case registry (docs/ipc.md, "Case registry"): each calls one core
//! use case with the unlocked registry and maps its error.

use kakehashi::Registry;
use kakehashi::cases::*;
use kakehashi::record::Stamp;
use tauri::State;

use crate::state::AppState;

use crate::commands::Answer;

/// Until users arrive (issue 8), every change is recorded as the data directory's owner.
pub(crate) fn stamp() -> Stamp {
    Stamp::new("owner", chrono::Utc::now())
}

pub(crate) fn run<T>(
    state: &AppState,
    f: impl FnOnce(&mut Registry, &Stamp) -> kakehashi::Result<T>,
) -> Answer<T> {
    let stamp = stamp();
    state.with_registry(|r| f(r, &stamp))
}

#[tauri::command(async)]
pub fn compute_scores(state: State<'_, AppState>, input: ScoreRequest) -> Answer<Scores> {
    run(&state, |r, s| r.compute_scores(&input, s))
}

#[tauri::command(async)]
pub fn find_duplicates(
    state: State<'_, AppState>,
    input: DuplicateQuery,
) -> Answer<Vec<DuplicateCandidate>> {
    run(&state, |r, _| r.find_duplicates(&input))
}

#[tauri::command(async)]
pub fn register_child(
    state: State<'_, AppState>,
    input: RegisterChildRequest,
) -> Answer<ChildDetail> {
    run(&state, |r, s| r.register_child(&input, s))
}

#[tauri::command(async)]
pub fn update_child(state: State<'_, AppState>, input: UpdateChildRequest) -> Answer<ChildDetail> {
    run(&state, |r, s| r.update_child(&input, s))
}

#[tauri::command(async)]
pub fn change_child_status(
    state: State<'_, AppState>,
    input: ChangeStatusRequest,
) -> Answer<ChildDetail> {
    run(&state, |r, s| r.change_child_status(&input, s))
}

#[tauri::command(async)]
pub fn record_weight(
    state: State<'_, AppState>,
    input: RecordWeightRequest,
) -> Answer<ChildDetail> {
    run(&state, |r, s| r.record_weight(&input, s))
}

#[tauri::command(async)]
pub fn get_child(state: State<'_, AppState>, input: CaseRef) -> Answer<ChildDetail> {
    run(&state, |r, s| r.get_child(&input, s))
}

#[tauri::command(async)]
pub fn search_children(state: State<'_, AppState>, input: CaseSearch) -> Answer<CaseSearchResult> {
    run(&state, |r, _| r.search_children(&input))
}
