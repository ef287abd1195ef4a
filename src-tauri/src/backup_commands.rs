//! IPC commands of backups and restore (docs/ipc.md, "Backups"), and the timer that makes
//! scheduled backups: at unlock when one is due, then checked every hour while unlocked.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use kakehashi::backup::{
    BackupDone, BackupList, BackupOptions, BackupProgress, BackupSchedule, RestoreReport,
    RestoreRequest,
};
use kakehashi::vault::VaultState;
use kakehashi::{ApiError, Error};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::case_commands::now;
use crate::commands::Answer;
use crate::dialog::pick_backup_file;
use crate::state::AppState;

/// Set by `cancel_backup`; the running backup polls it between steps.
static CANCELLED: AtomicBool = AtomicBool::new(false);
/// Why the last automatic backup failed (shown in the backup panel), cleared when one works.
static LAST_AUTO_ERROR: Mutex<Option<ApiError>> = Mutex::new(None);

/// How often a running backup reports progress to the window.
const PROGRESS_EVERY: Duration = Duration::from_millis(150);
/// How often the timer looks whether the registry was unlocked.
const TICK: Duration = Duration::from_secs(10);
/// How often, while unlocked, it asks whether a scheduled backup is due.
const CHECK_EVERY: Duration = Duration::from_secs(60 * 60);

/// Makes a backup now into the backup folder, sending progress over `on_progress`;
/// `null` when `cancel_backup` stopped it (nothing is left behind).
#[tauri::command(async)]
pub fn backup_now(
    state: State<'_, AppState>,
    on_progress: Channel<BackupProgress>,
) -> Answer<Option<BackupDone>> {
    CANCELLED.store(false, Ordering::Relaxed);
    let mut last_sent: Option<Instant> = None;
    let mut progress = |p: BackupProgress| {
        if p.done == p.total || last_sent.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY) {
            let _ = on_progress.send(p);
            last_sent = Some(Instant::now());
        }
        !CANCELLED.load(Ordering::Relaxed)
    };
    state.with_registry(|r| r.backup(&BackupOptions::default(), now(), &mut progress))
}

/// Asks the running backup to stop.
#[tauri::command]
pub fn cancel_backup() {
    CANCELLED.store(true, Ordering::Relaxed);
}

/// The backup folder, schedule and generations (newest first).
#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Answer<BackupList> {
    let mut list = state.with_registry(|r| r.list_backups())?;
    list.last_auto_error = lock_error().clone();
    Ok(list)
}

#[tauri::command(async)]
pub fn get_backup_schedule(state: State<'_, AppState>) -> Answer<BackupSchedule> {
    state.with_registry(|r| r.backup_schedule())
}

#[tauri::command(async)]
pub fn set_backup_schedule(
    state: State<'_, AppState>,
    input: BackupSchedule,
) -> Answer<BackupSchedule> {
    state.with_registry(|r| r.set_backup_schedule(&input))
}

/// Restores the backup named in `input` (from the backup folder), or one chosen in the open
/// dialog when the name is `null` (`null` answer: the dialog was cancelled). The backup is
/// checked and copied before anything live changes; then the registry is closed, switched
/// and reopened. If the switch fails the registry stays locked and the UI asks to unlock
/// (the previous database is then the one opened).
#[tauri::command(async)]
pub fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    input: RestoreRequest,
) -> Answer<Option<RestoreReport>> {
    let path = match &input.name {
        Some(name) => state.with_registry(|r| r.backup_path(name))?,
        None => {
            let title = state.lang().pick(
                "復元するバックアップを選択".into(),
                "Choose a backup to restore".into(),
            );
            match pick_backup_file(&app, &title)? {
                Some(path) => path,
                None => return Ok(None),
            }
        }
    };
    let prepared = state.with_registry(|r| r.prepare_restore(&path))?;
    let registry = state
        .take_registry()
        .ok_or_else(|| Error::Locked.to_api(state.lang()))?;
    let (registry, report) = prepared
        .switch(registry)
        .map_err(|e| e.to_api(state.lang()))?;
    state.hold(registry);
    Ok(Some(report))
}

/// Starts the scheduled-backup timer (a plain thread; it only acts while unlocked).
pub fn start_scheduler(app: AppHandle) {
    std::thread::Builder::new()
        .name("backup-schedule".into())
        .spawn(move || {
            let mut was_unlocked = false;
            let mut last_check: Option<Instant> = None;
            loop {
                std::thread::sleep(TICK);
                let state = app.state::<AppState>();
                let unlocked = state.status().state == VaultState::Unlocked;
                let just_unlocked = unlocked && !was_unlocked;
                was_unlocked = unlocked;
                if !unlocked {
                    continue;
                }
                if just_unlocked || last_check.is_none_or(|at| at.elapsed() >= CHECK_EVERY) {
                    last_check = Some(Instant::now());
                    run_if_due(&state);
                }
            }
        })
        .expect("a thread for the backup schedule");
}

fn run_if_due(state: &AppState) {
    // Whoever is signed in: the scheduled backup is not a backup on demand (admin only).
    let result = state.with_registry(|r| r.backup_scheduled(now()));
    match result {
        Ok(Some(done)) => {
            *lock_error() = None;
            eprintln!(
                "scheduled backup: {} ({} ms)",
                done.backup.name, done.millis
            );
        }
        Ok(None) => {}
        Err(e) => {
            eprintln!("scheduled backup failed: {}", e.message);
            *lock_error() = Some(e);
        }
    }
}

fn lock_error() -> std::sync::MutexGuard<'static, Option<ApiError>> {
    LAST_AUTO_ERROR.lock().unwrap_or_else(|p| p.into_inner())
}
