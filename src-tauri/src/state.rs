//! What the shell holds: the data directory (taken at start), the unlocked registry when
//! there is one, and the language of messages.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use kakehashi::vault::VaultState;
use kakehashi::{ApiError, AppStatus, Error, Lang, Registry, Vault};

pub struct AppState {
    data_dir: PathBuf,
    /// `Err` when the directory cannot be used at all (another instance holds it, read-only…);
    /// the UI shows that problem instead of any form.
    vault: Result<Vault, Error>,
    registry: Mutex<Option<Registry>>,
    lang: Mutex<Lang>,
    /// The file chosen in the import dialog (paths stay on this side of the IPC boundary).
    import_file: Mutex<Option<PathBuf>>,
    /// Set by `cancel_import`; the running import polls it (it cannot take the registry's
    /// lock, which the import holds).
    import_cancelled: AtomicBool,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> AppState {
        let vault = Vault::open(&data_dir);
        AppState {
            data_dir,
            vault,
            registry: Mutex::new(None),
            lang: Mutex::new(Lang::Ja),
            import_file: Mutex::new(None),
            import_cancelled: AtomicBool::new(false),
        }
    }

    pub fn lang(&self) -> Lang {
        *lock(&self.lang)
    }

    pub fn set_lang(&self, lang: Lang) {
        *lock(&self.lang) = lang;
    }

    /// The vault, or the problem that keeps the data directory from being used.
    pub fn vault(&self) -> Result<&Vault, ApiError> {
        self.vault.as_ref().map_err(|e| e.to_api(self.lang()))
    }

    pub fn status(&self) -> AppStatus {
        let data_dir = self.data_dir.display().to_string();
        match &self.vault {
            Err(e) => AppStatus {
                state: VaultState::Locked,
                data_dir,
                problem: Some(e.to_api(self.lang())),
                logins: Vec::new(),
                session: None,
            },
            Ok(vault) => {
                let session = lock(&self.registry).as_ref().map(|r| r.session().clone());
                AppStatus {
                    state: if session.is_some() {
                        VaultState::Unlocked
                    } else {
                        vault.state()
                    },
                    data_dir,
                    problem: None,
                    logins: vault.logins(),
                    session,
                }
            }
        }
    }

    pub fn set_import_file(&self, path: Option<PathBuf>) {
        *lock(&self.import_file) = path;
    }

    pub fn import_file(&self) -> Option<PathBuf> {
        lock(&self.import_file).clone()
    }

    /// Asks the running import (if any) to stop; it then writes nothing.
    pub fn cancel_import(&self) {
        self.import_cancelled.store(true, Ordering::Relaxed);
    }

    /// Clears a cancel request left from before; called when an import starts.
    pub fn start_import(&self) {
        self.import_cancelled.store(false, Ordering::Relaxed);
    }

    pub fn import_cancelled(&self) -> bool {
        self.import_cancelled.load(Ordering::Relaxed)
    }

    /// Keeps `registry` as the unlocked one (replacing any other).
    pub fn hold(&self, registry: Registry) {
        *lock(&self.registry) = Some(registry);
    }

    /// Takes the registry out (a restore closes it and holds the reopened one); the app is
    /// locked until then.
    pub fn take_registry(&self) -> Option<Registry> {
        lock(&self.registry).take()
    }

    /// Drops the registry: closes the database and zeroes the key.
    pub fn release(&self) {
        *lock(&self.registry) = None;
    }

    /// Runs `f` on the unlocked registry, mapping errors for the UI.
    pub fn with_registry<T>(
        &self,
        f: impl FnOnce(&mut Registry) -> kakehashi::Result<T>,
    ) -> Result<T, ApiError> {
        let mut guard = lock(&self.registry);
        let registry = guard
            .as_mut()
            .ok_or_else(|| Error::Locked.to_api(self.lang()))?;
        f(registry).map_err(|e| e.to_api(self.lang()))
    }
}

/// A poisoned lock only means another command panicked mid-way; the data behind it is a
/// handle, not a half-written value, so carry on with it.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
