//! IPC commands of the resource directory (docs/ipc.md, "Resource directory"): each calls one
//! core use case with the unlocked registry and maps its error.

use kakehashi::providers::*;
use tauri::State;

use crate::case_commands::run;
use crate::state::AppState;

use crate::commands::Answer;

#[tauri::command(async)]
pub fn add_provider(
    state: State<'_, AppState>,
    input: AddProviderRequest,
) -> Answer<ProviderDetail> {
    run(&state, |r, s| r.add_provider(&input, s))
}

#[tauri::command(async)]
pub fn update_provider(
    state: State<'_, AppState>,
    input: UpdateProviderRequest,
) -> Answer<ProviderDetail> {
    run(&state, |r, s| r.update_provider(&input, s))
}

#[tauri::command(async)]
pub fn record_conditions(
    state: State<'_, AppState>,
    input: RecordConditionsRequest,
) -> Answer<ProviderDetail> {
    run(&state, |r, s| r.record_conditions(&input, s))
}

#[tauri::command(async)]
pub fn get_provider(state: State<'_, AppState>, id: String) -> Answer<ProviderDetail> {
    run(&state, |r, _| r.get_provider(&id))
}

#[tauri::command(async)]
pub fn conditions_as_of(
    state: State<'_, AppState>,
    input: ConditionsAsOf,
) -> Answer<Option<ConditionsVersion>> {
    run(&state, |r, _| r.conditions_as_of(&input))
}

#[tauri::command(async)]
pub fn search_providers(
    state: State<'_, AppState>,
    input: ProviderSearch,
) -> Answer<ProviderSearchResult> {
    run(&state, |r, _| r.search_providers(&input))
}
