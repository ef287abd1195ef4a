//! IPC commands of the planning dashboard and the pathway templates (docs/ipc.md, "Planning
//! dashboard and templates"): each calls one core use case with the unlocked registry and maps
//! its error. "Today" for the dashboard is the office's date of the shell's stamp.

use kakehashi::plans::*;
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

#[tauri::command(async)]
pub fn planning_dashboard(
    state: State<'_, AppState>,
    input: DashboardRequest,
) -> Answer<Dashboard> {
    run(&state, |r, s| r.dashboard(&input, s.today()))
}

#[tauri::command(async)]
pub fn list_templates(state: State<'_, AppState>) -> Answer<Vec<PathwayTemplate>> {
    run(&state, |r, _| r.list_templates())
}

#[tauri::command(async)]
pub fn get_template(state: State<'_, AppState>, id: String) -> Answer<PathwayTemplate> {
    run(&state, |r, _| r.get_template(&id))
}

#[tauri::command(async)]
pub fn save_template(
    state: State<'_, AppState>,
    input: SaveTemplateRequest,
) -> Answer<PathwayTemplate> {
    run(&state, |r, s| r.save_template(&input, s))
}
