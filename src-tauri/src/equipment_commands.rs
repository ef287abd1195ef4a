//! IPC commands of equipment lending (docs/ipc.md, "Equipment lending"): each calls one core use
//! case with the unlocked registry and maps its error. Arguments of the reads keep snake_case
//! (`{ unit_id }`, `{ type_id }`, `{ asset_tag }`), like the payload types.

use kakehashi::equipment::*;
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

#[tauri::command(async)]
pub fn add_equipment_type(
    state: State<'_, AppState>,
    input: EquipmentTypeInput,
) -> Answer<EquipmentType> {
    run(&state, |r, s| r.add_equipment_type(&input, s))
}

#[tauri::command(async)]
pub fn add_equipment_unit(
    state: State<'_, AppState>,
    input: AddUnitRequest,
) -> Answer<EquipmentUnit> {
    run(&state, |r, s| r.add_equipment_unit(&input, s))
}

#[tauri::command(async)]
pub fn update_equipment_unit(
    state: State<'_, AppState>,
    input: UpdateUnitRequest,
) -> Answer<EquipmentUnit> {
    run(&state, |r, s| r.update_equipment_unit(&input, s))
}

#[tauri::command(async)]
pub fn lend_equipment(state: State<'_, AppState>, input: LendRequest) -> Answer<Loan> {
    run(&state, |r, s| r.lend_equipment(&input, s))
}

#[tauri::command(async)]
pub fn return_equipment(state: State<'_, AppState>, input: ReturnRequest) -> Answer<Loan> {
    run(&state, |r, s| r.return_equipment(&input, s))
}

#[tauri::command(async)]
pub fn equipment_types(state: State<'_, AppState>) -> Answer<Vec<EquipmentType>> {
    run(&state, |r, _| r.equipment_types())
}

/// The units of one type, or of every type when `type_id` is null.
#[tauri::command(async, rename_all = "snake_case")]
pub fn equipment_units(
    state: State<'_, AppState>,
    type_id: Option<String>,
) -> Answer<Vec<EquipmentUnit>> {
    run(&state, |r, _| r.equipment_units(type_id.as_deref()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn equipment_unit(state: State<'_, AppState>, unit_id: String) -> Answer<EquipmentUnit> {
    run(&state, |r, _| r.equipment_unit(&unit_id))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn equipment_unit_by_tag(
    state: State<'_, AppState>,
    asset_tag: String,
) -> Answer<EquipmentUnit> {
    run(&state, |r, _| r.equipment_unit_by_tag(&asset_tag))
}

/// The loans overdue on the office's today (the stamp's, so the test clock moves it too).
#[tauri::command(async)]
pub fn overdue_loans(state: State<'_, AppState>) -> Answer<Vec<OverdueLoan>> {
    run(&state, |r, s| r.overdue_loans(s.today()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn unit_history(state: State<'_, AppState>, unit_id: String) -> Answer<UnitHistory> {
    run(&state, |r, _| r.unit_history(&unit_id))
}
