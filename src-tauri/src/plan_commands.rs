//! IPC commands of discharge-to-home planning (docs/ipc.md, "Discharge plans"): the plan page's
//! reads and writes, and matching providers to the child. Each calls one core use case with the
//! unlocked registry and maps its error. Every write answers the plan page as it now is
//! (`PlanSaved`), so the screen never reads it again. Arguments keep the snake_case of the
//! payload types (`{ plan_id }`, `{ child_id }`), not Tauri's default camelCase.

use kakehashi::matching::{MatchRequest, MatchResult};
use kakehashi::plans::*;
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn get_plan(state: State<'_, AppState>, plan_id: String) -> Answer<PlanDetail> {
    run(&state, |r, s| r.get_plan(&plan_id, s))
}

/// The child's active plan; `null` when it has none (the page then offers to create one).
#[tauri::command(async, rename_all = "snake_case")]
pub fn plan_for_child(state: State<'_, AppState>, child_id: String) -> Answer<Option<PlanDetail>> {
    run(&state, |r, s| r.plan_for_child(&child_id, s))
}

#[tauri::command(async)]
pub fn create_plan(state: State<'_, AppState>, input: CreatePlanRequest) -> Answer<PlanSaved> {
    run(&state, |r, s| r.create_plan(&input, s))
}

#[tauri::command(async)]
pub fn move_target_date(
    state: State<'_, AppState>,
    input: MoveTargetDateRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.move_target_date(&input, s))
}

#[tauri::command(async)]
pub fn set_plan_status(
    state: State<'_, AppState>,
    input: SetPlanStatusRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.set_plan_status(&input, s))
}

#[tauri::command(async)]
pub fn add_task(state: State<'_, AppState>, input: AddTaskRequest) -> Answer<PlanSaved> {
    run(&state, |r, s| r.add_task(&input, s))
}

#[tauri::command(async)]
pub fn update_task(state: State<'_, AppState>, input: UpdateTaskRequest) -> Answer<PlanSaved> {
    run(&state, |r, s| r.update_task(&input, s))
}

#[tauri::command(async)]
pub fn complete_task(state: State<'_, AppState>, input: CompleteTaskRequest) -> Answer<PlanSaved> {
    run(&state, |r, s| r.complete_task(&input, s))
}

#[tauri::command(async)]
pub fn add_team_member(
    state: State<'_, AppState>,
    input: AddTeamMemberRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.add_team_member(&input, s))
}

#[tauri::command(async)]
pub fn end_team_member(
    state: State<'_, AppState>,
    input: EndTeamMemberRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.end_team_member(&input, s))
}

#[tauri::command(async)]
pub fn create_referral(
    state: State<'_, AppState>,
    input: CreateReferralRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.create_referral(&input, s))
}

/// One step of a referral's lifecycle; accepting it adds the provider to the team.
#[tauri::command(async)]
pub fn move_referral(state: State<'_, AppState>, input: MoveReferralRequest) -> Answer<PlanSaved> {
    run(&state, |r, s| r.move_referral(&input, s))
}

#[tauri::command(async)]
pub fn add_conference(
    state: State<'_, AppState>,
    input: AddConferenceRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.add_conference(&input, s))
}

#[tauri::command(async)]
pub fn update_conference(
    state: State<'_, AppState>,
    input: UpdateConferenceRequest,
) -> Answer<PlanSaved> {
    run(&state, |r, s| r.update_conference(&input, s))
}

#[tauri::command(async)]
pub fn set_training(state: State<'_, AppState>, input: SetTrainingRequest) -> Answer<PlanSaved> {
    run(&state, |r, s| r.set_training(&input, s))
}

/// Which providers of a kind could take the child, condition by condition, worded in the
/// request's `lang`.
#[tauri::command(async)]
pub fn match_providers(state: State<'_, AppState>, input: MatchRequest) -> Answer<MatchResult> {
    run(&state, |r, s| r.match_providers(&input, s))
}
