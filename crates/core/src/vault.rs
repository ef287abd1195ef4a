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

use crate::error::{ApiError, Error, Result};
use crate::keys::{KdfParams, KeyFile};
use crate::passphrase;
use crate::store;

pub const DB_FILE: &str = "kakehashi.db";
pub const KEY_FILE: &str = "kakehashi.keys.json";
const LOCK_FILE: &str = "kakehashi.lock";

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
}

/// First-run request: the passphrase twice.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SetupRequest {
    pub passphrase: String,
    pub confirmation: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct UnlockRequest {
    pub passphrase: String,
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

    /// First run: checks the passphrase, creates the encrypted database with a new random
    /// data key, and only then writes the key file wrapping that key. A database left
    /// without a key file (a crash during an earlier setup) can never be opened; it is moved
    /// aside, not deleted.
    pub fn set_up(&self, request: &SetupRequest, kdf: KdfParams) -> Result<Registry> {
        passphrase::validate_new(&request.passphrase, &request.confirmation)?;
        if self.key_path().exists() {
            return Err(Error::AlreadySetUp {
                dir: self.dir.clone(),
            });
        }
        self.move_aside_keyless_database()?;
        let (key_file, key) = KeyFile::create(&request.passphrase, kdf)?;
        let registry = Registry::open(&self.db_path(), &key, true)?;
        key_file.write(&self.key_path())?;
        Ok(registry)
    }

    /// Unlocks with `passphrase`: a wrong one is a validation error on `passphrase`; a
    /// missing, empty or damaged database file is reported as such and left untouched.
    pub fn unlock(&self, request: &UnlockRequest) -> Result<Registry> {
        if !self.key_path().exists() {
            return Err(Error::NotSetUp {
                dir: self.dir.clone(),
            });
        }
        let key_file = KeyFile::read(&self.key_path())?;
        let key = key_file.unwrap_key(&request.passphrase)?;
        let db = self.db_path();
        let size = fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
        if size == 0 {
            // SQLite would happily treat a missing or empty file as a new, empty database.
            return Err(Error::DatabaseDamaged {
                path: db,
                detail: "the file is missing or empty".into(),
            });
        }
        Registry::open(&db, &key, false)
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
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Registry { .. }")
    }
}

impl Registry {
    pub(crate) fn open(path: &Path, key: &crate::keys::DataKey, create: bool) -> Result<Registry> {
        let mut conn = store::open(path, key, create)?;
        store::migrate(&mut conn)?;
        store::municipality::seed(&conn)?;
        Ok(Registry {
            conn,
            match_cache: Default::default(),
            key: key.duplicate(),
        })
    }

    /// The database's schema version (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Checks the database: SQLite's integrity check and foreign keys. Empty = sound.
    pub fn verify(&self) -> Result<Vec<String>> {
        store::integrity_problems(&self.conn)
    }

    /// The audit rows of one record, oldest first.
    pub fn history(&self, entity: &str, entity_id: &str) -> Result<Vec<store::audit::AuditRow>> {
        store::audit::history(&self.conn, entity, entity_id)
    }
}
