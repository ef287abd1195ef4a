//! IPC commands of locking with a form open, and of the auto-lock time (issue 8).
//!
//! The UI watches for input; when nobody has touched the app for the auto-lock time (or the
//! lock button is pressed) it sends the open form's unsaved input to `lock_keeping_draft`,
//! which seals it with the data key and then drops the registry (closing the database and
//! zeroing the key). After the next unlock, `take_draft` gives it back to the same user once.

use kakehashi::settings::AutoLockSettings;
use kakehashi::{AppStatus, Registry};
use tauri::State;

use crate::case_commands::run;
use crate::commands::Answer;
use crate::state::AppState;

/// Makes the UI lock after this many seconds without input instead of the office's minutes
/// (end-to-end tests only: a journey cannot wait 15 minutes).
pub const TEST_IDLE_SECONDS_ENV: &str = "KAKEHASHI_TEST_IDLE_SECONDS";

/// Keeps `draft` (the open form's input, as JSON) sealed for the signed-in user, then locks.
/// Locking never depends on the draft: if it cannot be kept the app locks all the same (the
/// input is then lost, which is said on stderr) — an unlocked app left alone is worse.
#[tauri::command(async)]
pub fn lock_keeping_draft(state: State<'_, AppState>, draft: Option<String>) -> Answer<AppStatus> {
    // Taken out first, so no other command runs between keeping the draft and locking.
    let registry: Option<Registry> = state.take_registry();
    if let (Some(registry), Some(draft)) = (&registry, &draft)
        && let Err(e) = registry.keep_draft(draft)
    {
        eprintln!("the open form's input could not be kept at lock; locking without it: {e}");
    }
    // Dropping the registry closes the database and zeroes the key.
    drop(registry);
    state.release();
    Ok(state.status())
}

/// The input kept at the last lock by the signed-in user, given once (`null` when none).
#[tauri::command(async)]
pub fn take_draft(state: State<'_, AppState>) -> Answer<Option<String>> {
    state.with_registry(|r| r.take_draft())
}

#[tauri::command(async)]
pub fn auto_lock_settings(state: State<'_, AppState>) -> Answer<AutoLockSettings> {
    let minutes = state.with_registry(|r| r.auto_lock_minutes())?;
    Ok(AutoLockSettings {
        minutes,
        idle_seconds: test_idle_seconds().unwrap_or(u64::from(minutes) * 60),
    })
}

/// Sets the office's auto-lock time (admin), 1 to 240 minutes; answers the time kept.
#[tauri::command(async)]
pub fn set_auto_lock_minutes(state: State<'_, AppState>, minutes: u32) -> Answer<u32> {
    run(&state, |r, s| r.set_auto_lock_minutes(minutes, s))
}

/// The idle seconds the end-to-end journeys set; unset (or unparsable, said on stderr) → none.
fn test_idle_seconds() -> Option<u64> {
    let value = std::env::var(TEST_IDLE_SECONDS_ENV).ok()?;
    match value.trim().parse::<u64>() {
        Ok(seconds) if seconds > 0 => Some(seconds),
        _ => {
            eprintln!("{TEST_IDLE_SECONDS_ENV}: {value:?} is not a number of seconds; ignored");
            None
        }
    }
}
