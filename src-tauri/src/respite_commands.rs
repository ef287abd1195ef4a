//! IPC commands of respite (docs/ipc.md, "Respite"): each calls one core use case with the
//! unlocked registry and maps its error. Arguments keep the snake_case of the payload types
//! (`{ facility_id, month }`, `{ child_id }`), as the plan commands do.

use kakehashi::respite::*;
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn set_bed_type(
    state: State<'_, AppState>,
    input: SetBedTypeRequest,
) -> Answer<BedTypeSetting> {
    run(&state, |r, s| r.set_bed_type(&input, s))
}

/// Answers how many nights were set.
#[tauri::command(async, rename_all = "snake_case")]
pub fn set_capacity_exception(
    state: State<'_, AppState>,
    input: CapacityExceptionRequest,
) -> Answer<u32> {
    run(&state, |r, s| r.set_capacity_exception(&input, s))
}

/// Answers how many nights have their usual beds again.
#[tauri::command(async, rename_all = "snake_case")]
pub fn remove_capacity_exception(
    state: State<'_, AppState>,
    input: RemoveCapacityExceptionRequest,
) -> Answer<u32> {
    run(&state, |r, s| r.remove_capacity_exception(&input, s))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn request_booking(state: State<'_, AppState>, input: BookingRequest) -> Answer<BookingSaved> {
    run(&state, |r, s| r.request_booking(&input, s))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn confirm_booking(
    state: State<'_, AppState>,
    input: ConfirmBookingRequest,
) -> Answer<BookingSaved> {
    run(&state, |r, s| r.confirm_booking(&input, s))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn book_respite(state: State<'_, AppState>, input: BookingRequest) -> Answer<BookingSaved> {
    run(&state, |r, s| r.book_respite(&input, s))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn move_booking(state: State<'_, AppState>, input: MoveBookingRequest) -> Answer<BookingSaved> {
    run(&state, |r, s| r.move_booking(&input, s))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn respite_bed_types(
    state: State<'_, AppState>,
    facility_id: String,
) -> Answer<Vec<BedTypeSetting>> {
    run(&state, |r, _| r.respite_bed_types(&facility_id))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn respite_nights(
    state: State<'_, AppState>,
    facility_id: String,
    month: String,
) -> Answer<FacilityNights> {
    run(&state, |r, _| r.respite_nights(&facility_id, &month))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn respite_waitlist(state: State<'_, AppState>, facility_id: String) -> Answer<Vec<Booking>> {
    run(&state, |r, _| r.respite_waitlist(&facility_id))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn child_respite_bookings(
    state: State<'_, AppState>,
    child_id: String,
) -> Answer<Vec<Booking>> {
    run(&state, |r, _| r.child_respite_bookings(&child_id))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn get_booking(state: State<'_, AppState>, booking_id: String) -> Answer<Booking> {
    run(&state, |r, _| r.get_booking(&booking_id))
}
