//! The data directory and the unlocked registry.
//!
//! A [`Vault`] is a data directory held exclusively by this process: the encrypted database
//! (`kakehashi.db`), its key file (`kakehashi.keys.json`) and a lock file. Setting it up or
//! unlocking it gives a [`Registry`], the handle every use case runs on; dropping the
//! registry closes the database and drops the key (locking).

use std::fs::{self, File, TryLockError};
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::{DateTime, Utc};

use crate::error::{ApiError, Error, Invalid, Result};
use crate::keys::{DataKey, KdfParams, KeyFile, NewSlotUser, Profile};
use crate::passphrase;
use crate::store;
use crate::users::{self, Permission, RecoveryKey, Session, UserRole};

pub const DB_FILE: &str = "kakehashi.db";
pub const KEY_FILE: &str = "kakehashi.keys.json";
const LOCK_FILE: &str = "kakehashi.lock";
/// Wrong passphrases in a row and when the last one was typed (no secret: a count and a time).
pub const ATTEMPTS_FILE: &str = "kakehashi.attempts.json";
/// Wrong tries allowed before the app makes the person wait (typos happen).
const FREE_TRIES: u32 = 3;
/// The longest wait between tries.
pub const MAX_WAIT_SECS: u64 = 300;
/// The login of the admin a registry from before users becomes.
pub const LEGACY_LOGIN: &str = "admin";

/// Where a data directory stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VaultState {
    /// No key file yet: first run.
    NeedsSetup,
    Locked,
    Unlocked,
}

/// What the app shows before anything else: the data directory, its state, and a problem
/// that keeps it from being used at all (another instance, a read-only folder…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    pub state: VaultState,
    pub data_dir: String,
    pub problem: Option<ApiError>,
    /// The users' logins, for the lock screen (no secret: staff login ids).
    pub logins: Vec<String>,
    /// The signed-in user when unlocked.
    pub session: Option<Session>,
}

/// First-run request: the first user (an admin) and their passphrase twice.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SetupRequest {
    pub login: String,
    pub display_name: String,
    pub passphrase: String,
    pub confirmation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct UnlockRequest {
    pub login: String,
    pub passphrase: String,
}

/// A forgotten passphrase: the organisation recovery key sets a new one for `login`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RecoverRequest {
    pub login: String,
    pub recovery_key: String,
    pub passphrase: String,
    pub confirmation: String,
}

/// What setting up answers the shell: the status, and the recovery key to show once.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SetupAnswer {
    pub status: AppStatus,
    pub recovery_key: RecoveryKey,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Attempts {
    failures: u32,
    last_failure: Option<DateTime<Utc>>,
}

/// Seconds to wait after `failures` wrong tries in a row: none for the first three, then
/// 1, 2, 4 … up to five minutes.
pub fn wait_after(failures: u32) -> u64 {
    if failures < FREE_TRIES {
        0
    } else {
        (1u64 << (failures - FREE_TRIES).min(16)).min(MAX_WAIT_SECS)
    }
}

/// A data directory held by this process. Only one process may hold a directory at a time,
/// so two running apps (or the app and the CLI) never write the same database.
#[derive(Debug)]
pub struct Vault {
    dir: PathBuf,
    // Held for the vault's lifetime; the OS releases the lock when the process ends,
    // even on kill -9, so a crash never leaves a stale lock.
    _lock: File,
}

impl Vault {
    /// Takes the data directory `dir` (creating it), refusing when another process holds it
    /// or when it cannot be written.
    pub fn open(dir: &Path) -> Result<Vault> {
        let unusable = |source| Error::DataDirUnusable {
            dir: dir.to_path_buf(),
            source,
        };
        fs::create_dir_all(dir).map_err(unusable)?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .map_err(unusable)?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(Error::InUse {
                    dir: dir.to_path_buf(),
                });
            }
            Err(TryLockError::Error(e)) => return Err(unusable(e)),
        }
        // Opening an existing lock file for writing can succeed in a read-only folder;
        // creating a file proves the folder takes new files (the WAL, the key file).
        let probe = dir.join(".kakehashi-write-probe");
        File::create(&probe).map_err(unusable)?;
        let _ = fs::remove_file(&probe);
        Ok(Vault {
            dir: dir.to_path_buf(),
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }

    pub fn key_path(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }

    /// `NeedsSetup` until a key file exists, then `Locked` (the vault itself never holds a key).
    pub fn state(&self) -> VaultState {
        if self.key_path().exists() {
            VaultState::Locked
        } else {
            VaultState::NeedsSetup
        }
    }

    /// First run: checks the first user and their passphrase, creates the encrypted database
    /// with a new random data key, and only then writes the key file wrapping that key for
    /// the user and for a new recovery key, answered to be shown once. A database left
    /// without a key file (a crash during an earlier setup) can never be opened; it is moved
    /// aside, not deleted.
    pub fn set_up(
        &self,
        request: &SetupRequest,
        kdf: KdfParams,
    ) -> Result<(Registry, RecoveryKey)> {
        let login = users::normalize_login(&request.login)?;
        let display_name = users::normalize_display_name(&request.display_name)?;
        passphrase::validate_new(&request.passphrase, &request.confirmation)?;
        if self.key_path().exists() {
            return Err(Error::AlreadySetUp {
                dir: self.dir.clone(),
            });
        }
        self.move_aside_keyless_database()?;
        let now = Utc::now();
        let user_id = crate::record::new_id(&crate::record::Stamp::new(&login, now));
        let profile = Profile {
            display_name,
            role: UserRole::Admin,
        };
        let (key_file, key, recovery) = KeyFile::create(
            &NewSlotUser {
                user_id: &user_id,
                login: &login,
                passphrase: &request.passphrase,
                profile: profile.clone(),
            },
            kdf,
        )?;
        let session = Session::new(user_id, login, profile.display_name, UserRole::Admin);
        let registry = Registry::open(&self.db_path(), &key, true, session, kdf)?;
        key_file.write(&self.key_path())?;
        Ok((
            registry,
            RecoveryKey {
                key: recovery.to_string(),
            },
        ))
    }

    /// The users' logins for the lock screen; empty before setup or when the key file is
    /// unreadable (unlocking then says why).
    pub fn logins(&self) -> Vec<String> {
        match KeyFile::read(&self.key_path()) {
            Ok(f) if f.is_legacy() => vec![LEGACY_LOGIN.to_string()],
            Ok(f) => f.logins(),
            Err(_) => Vec::new(),
        }
    }

    /// Unlocks as `login` with their passphrase: a wrong one is a validation error on
    /// `passphrase`, an unknown user on `login`; after three wrong tries in a row each next
    /// try must wait (1 s, 2 s, 4 s … 5 min), counted in a file so a restart does not reset
    /// it. A missing, empty or damaged database file is reported as such and left untouched.
    pub fn unlock(&self, request: &UnlockRequest, now: DateTime<Utc>) -> Result<Registry> {
        if !self.key_path().exists() {
            return Err(Error::NotSetUp {
                dir: self.dir.clone(),
            });
        }
        self.check_wait(now, "passphrase")?;
        let key_file = KeyFile::read(&self.key_path())?;
        let (key, session, kdf) = self.counting(
            now,
            open_key_file(
                key_file,
                &self.key_path(),
                &request.login,
                &request.passphrase,
            ),
        )?;
        self.open_database(&key, session, kdf)
    }

    /// A forgotten passphrase: the recovery key opens the recovery slot, `login`'s slot is
    /// rewrapped with the new passphrase (the others are untouched), and the registry is
    /// unlocked as them. Wrong recovery keys count towards the wait like passphrases.
    pub fn recover(&self, request: &RecoverRequest, now: DateTime<Utc>) -> Result<Registry> {
        if !self.key_path().exists() {
            return Err(Error::NotSetUp {
                dir: self.dir.clone(),
            });
        }
        self.check_wait(now, "recovery_key")?;
        let key_file = KeyFile::read(&self.key_path())?;
        let login = users::normalize_login(&request.login)
            .map_err(|_| Error::invalid("login", Invalid::UnknownLogin))?;
        if !key_file.logins().contains(&login) {
            return Err(Error::invalid("login", Invalid::UnknownLogin));
        }
        passphrase::validate_new(&request.passphrase, &request.confirmation)?;
        let (key, kdf) =
            self.counting(now, key_file.unlock_with_recovery(&request.recovery_key))?;
        let user = key_file
            .users(&key)?
            .into_iter()
            .find(|u| u.login == login)
            .ok_or_else(|| Error::invalid("login", Invalid::UnknownLogin))?;
        // The database opens first, so the new passphrase and its audit row go in together.
        let mut registry = self.open_database(&key, Session::from(user), kdf)?;
        let stamp = registry.stamp(now);
        registry.set_recovered_passphrase(&request.passphrase, &stamp)?;
        Ok(registry)
    }

    fn open_database(&self, key: &DataKey, session: Session, kdf: KdfParams) -> Result<Registry> {
        let db = self.db_path();
        let size = fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
        if size == 0 {
            // SQLite would happily treat a missing or empty file as a new, empty database.
            return Err(Error::DatabaseDamaged {
                path: db,
                detail: "the file is missing or empty".into(),
            });
        }
        Registry::open(&db, key, false, session, kdf)
    }

    /// Refuses while the wait after wrong tries runs. A clock moved backwards never makes
    /// the wait longer than the wait itself.
    fn check_wait(&self, now: DateTime<Utc>, field: &str) -> Result<()> {
        let a = self.attempts();
        let wait = wait_after(a.failures);
        let Some(last) = a.last_failure else {
            return Ok(());
        };
        // A clock moved back counts as no time elapsed: never more than the wait itself.
        let elapsed = u64::try_from((now - last).num_seconds()).unwrap_or(0);
        if elapsed < wait {
            return Err(Error::invalid(
                field,
                Invalid::TryAgainIn {
                    seconds: wait - elapsed,
                },
            ));
        }
        Ok(())
    }

    /// Counts a wrong secret (a validation error) and clears the count on success.
    fn counting<T>(&self, now: DateTime<Utc>, result: Result<T>) -> Result<T> {
        match &result {
            Ok(_) => {
                let _ = fs::remove_file(self.dir.join(ATTEMPTS_FILE));
            }
            Err(Error::Validation { .. }) => {
                let mut a = self.attempts();
                a.failures = a.failures.saturating_add(1);
                a.last_failure = Some(now);
                let text = serde_json::to_vec(&a).expect("plain data");
                let path = self.dir.join(ATTEMPTS_FILE);
                // Best effort: a folder that takes no file cannot have been unlocked anyway.
                let _ = crate::io::write_bytes_atomically(&path, &text);
            }
            Err(_) => {}
        }
        result
    }

    fn attempts(&self) -> Attempts {
        fs::read(self.dir.join(ATTEMPTS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn move_aside_keyless_database(&self) -> Result<()> {
        let db = self.db_path();
        if !db.exists() {
            return Ok(());
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", db.display()));
            if from.exists() {
                let to = PathBuf::from(format!("{}.unreadable-{stamp}{suffix}", db.display()));
                fs::rename(&from, &to).map_err(|source| Error::Io { path: from, source })?;
            }
        }
        Ok(())
    }
}

/// The unlocked registry: an open, keyed connection to the database at the current schema.
/// Every use case is a method on it (see the feature modules).
pub struct Registry {
    pub(crate) conn: Connection,
    /// What matching keeps in memory between matches (see `matching::cache`)
    pub(crate) match_cache: std::cell::RefCell<crate::matching::cache::MatchCache>,
    /// The data key, kept to write and check encrypted backups and to reopen the database
    /// after a restore (see `backup`); zeroed when the registry is dropped.
    pub(crate) key: crate::keys::DataKey,
    /// The signed-in user (see `users`).
    pub(crate) session: Session,
    /// The Argon2id cost of the slot that unlocked, for slots made in this session.
    pub(crate) kdf: KdfParams,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Registry { .. }")
    }
}

impl Registry {
    pub(crate) fn open(
        path: &Path,
        key: &DataKey,
        create: bool,
        session: Session,
        kdf: KdfParams,
    ) -> Result<Registry> {
        let mut conn = store::open(path, key, create)?;
        store::migrate(&mut conn)?;
        store::municipality::seed(&conn)?;
        Ok(Registry {
            conn,
            match_cache: Default::default(),
            key: key.duplicate(),
            session,
            kdf,
        })
    }

    /// The database's schema version (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        self.require(Permission::Read)?;
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Checks the database: SQLite's integrity check and foreign keys. Empty = sound.
    pub fn verify(&self) -> Result<Vec<String>> {
        self.require(Permission::Read)?;
        store::integrity_problems(&self.conn)
    }

    /// The audit rows of one record, oldest first.
    pub fn history(&self, entity: &str, entity_id: &str) -> Result<Vec<store::audit::AuditRow>> {
        self.require(Permission::Read)?;
        store::audit::history(&self.conn, entity, entity_id)
    }
}

/// Opens `file` as `login` with `passphrase`. A format-1 file (before users) opens as the
/// admin `admin` only, and is upgraded on the spot: its owner becomes that user with the same
/// passphrase, written to `key_path` (no recovery key yet; an admin makes one in 設定).
pub(crate) fn open_key_file(
    mut file: KeyFile,
    key_path: &Path,
    login: &str,
    passphrase: &str,
) -> Result<(DataKey, Session, KdfParams)> {
    let login = users::normalize_login(login)
        .map_err(|_| Error::invalid("login", Invalid::UnknownLogin))?;
    if !file.is_legacy() {
        let (key, user, kdf) = file.unlock(&login, passphrase)?;
        return Ok((key, Session::from(user), kdf));
    }
    if login != LEGACY_LOGIN {
        return Err(Error::invalid("login", Invalid::UnknownLogin));
    }
    let (key, kdf) = file.unlock_legacy(passphrase)?;
    let user_id = crate::record::new_id(&crate::record::Stamp::new(&login, Utc::now()));
    let profile = Profile {
        display_name: "管理者".into(),
        role: UserRole::Admin,
    };
    file.add_user(
        &key,
        &NewSlotUser {
            user_id: &user_id,
            login: &login,
            passphrase,
            profile: profile.clone(),
        },
        kdf,
    )?;
    file.write(key_path)?;
    Ok((
        key,
        Session::new(user_id, login, profile.display_name, UserRole::Admin),
        kdf,
    ))
}
