//! The IPC commands: each calls one core use case and maps its error (docs/ipc.md).
//! No rules live here; the core validates everything.

use kakehashi::keys::KdfParams;
use kakehashi::municipalities::MunicipalityQuery;
use kakehashi::passphrase::{self, PassphraseStrength};
use kakehashi::store::municipality::Municipality;
use kakehashi::vault::{RecoverRequest, SetupAnswer, SetupRequest, UnlockRequest};
use kakehashi::{ApiError, AppStatus, Lang};
use tauri::State;

use crate::state::AppState;

/// What every command answers: its result, or the error a person is shown.
pub(crate) type Answer<T> = Result<T, ApiError>;

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> Answer<AppStatus> {
    Ok(state.status())
}

#[tauri::command(async)]
pub fn set_language(state: State<'_, AppState>, lang: Lang) -> Answer<()> {
    state.set_lang(lang);
    Ok(())
}

#[tauri::command(async)]
pub fn passphrase_strength(
    state: State<'_, AppState>,
    passphrase: String,
) -> Answer<PassphraseStrength> {
    Ok(passphrase::strength(&passphrase, state.lang()))
}

#[tauri::command(async)]
pub fn setup_vault(state: State<'_, AppState>, input: SetupRequest) -> Answer<SetupAnswer> {
    let (registry, recovery_key) = state
        .vault()?
        .set_up(&input, KdfParams::default())
        .map_err(|e| e.to_api(state.lang()))?;
    state.hold(registry);
    Ok(SetupAnswer {
        status: state.status(),
        recovery_key,
    })
}

#[tauri::command(async)]
pub fn unlock(state: State<'_, AppState>, input: UnlockRequest) -> Answer<AppStatus> {
    let registry = state
        .vault()?
        .unlock(&input, crate::case_commands::now())
        .map_err(|e| e.to_api(state.lang()))?;
    state.hold(registry);
    Ok(state.status())
}

/// A forgotten passphrase: the organisation's recovery key sets a new one for `input.login`,
/// then the app is unlocked as them.
#[tauri::command(async)]
pub fn recover_vault(state: State<'_, AppState>, input: RecoverRequest) -> Answer<AppStatus> {
    let registry = state
        .vault()?
        .recover(&input, crate::case_commands::now())
        .map_err(|e| e.to_api(state.lang()))?;
    state.hold(registry);
    Ok(state.status())
}

#[tauri::command(async)]
pub fn list_municipalities(
    state: State<'_, AppState>,
    input: MunicipalityQuery,
) -> Answer<Vec<Municipality>> {
    state.with_registry(|r| r.list_municipalities(&input))
}
