//! Encrypted backups, their rotation and schedule, and restoring one (issue 8).
//!
//! **A backup** is a copy of the database made with SQLite's online backup API, page by page,
//! into a file opened with the *same data key*: it is as encrypted as the database itself
//! (SQLCipher encrypts every page it writes; nothing is ever decrypted to disk). It is written
//! under a hidden temporary name in the backup folder (`.kakehashi-….kbak.partial`), closed,
//! synced, then **verified** by opening it again with the key: `PRAGMA integrity_check`, the
//! schema version, and the row count of every table must equal the source's. Only then is its
//! manifest written and the file renamed to `kakehashi-YYYYMMDD-HHMMSS.kbak` (office time,
//! UTC+9), and only then are the oldest generations beyond `keep` deleted. Any failure removes
//! the temporary file and leaves earlier backups as they were.
//!
//! **Opening a backup with the passphrase**: the manifest beside each backup
//! (`kakehashi-….kbak.json`) holds the data directory's key file as it was at backup time
//! (the data key wrapped by the passphrase with Argon2id, never the key itself) together with
//! the size, schema version and row counts checked at verification. Restoring into an empty
//! data directory (a new laptop) takes the key file from there and asks for the passphrase
//! that was current when the backup was made.
//!
//! **Restore** never writes over the live database until the copy is known good: the backup
//! is checked (it must decrypt with this registry's key, pass `integrity_check`, match its
//! manifest and not be newer than this build), copied to `kakehashi.db.restoring` beside the
//! live database, migrated if it is older, and checked again. Then the registry is closed,
//! the live file is hard-linked as `kakehashi.db.before-restore` (kept until the next
//! restore, so a wrong restore can be undone by restoring that file), and the new file is
//! renamed over `kakehashi.db` — one atomic rename, so a process killed at any moment leaves
//! either the old or the new database, never a mixture. If the reopened database does not
//! open, the previous one is renamed back.
//!
//! **Schedule**: `BackupSchedule` lives in `kakehashi.settings.json` in the data directory
//! (there is no settings table; the file is written atomically and other keys in it are kept).

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Result};
use crate::io::{sync_dir, write_bytes_atomically};
use crate::keys::{DataKey, KeyFile};
use crate::record::{office, stored_instant};
use crate::store::{self, CURRENT_VERSION};
use crate::users::Permission;
use crate::vault::{DB_FILE, KEY_FILE, Registry, Vault, open_key_file};

/// The backup folder inside the data directory, unless another is given.
pub const BACKUP_DIR: &str = "backups";
/// The extension of a backup file.
pub const BACKUP_EXTENSION: &str = "kbak";
/// Where the previous database is kept after a restore (beside `kakehashi.db`).
pub const BEFORE_RESTORE_FILE: &str = "kakehashi.db.before-restore";
/// The settings file in the data directory (the backup schedule, under `"backup"`).
pub use crate::settings::SETTINGS_FILE;
/// The restored copy while it is being checked, beside `kakehashi.db`.
const RESTORING_FILE: &str = "kakehashi.db.restoring";
const NAME_PREFIX: &str = "kakehashi-";
const MANIFEST_FORMAT: u32 = 1;
/// Pages copied per backup step (64 × 4 KiB = 256 KiB) between two progress reports.
const PAGES_PER_STEP: i32 = 64;
/// Room left on top of the database's size when checking free space before a backup.
const SPACE_MARGIN: u64 = 1024 * 1024;
/// Generations kept at most, and hours between scheduled backups at most (30 days).
pub const MAX_KEEP: u32 = 100;
pub const MAX_EVERY_HOURS: u32 = 720;

/// When to back up by itself, and how many generations to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupSchedule {
    /// Hours between automatic backups; 0 = no automatic backups.
    pub every_hours: u32,
    /// Generations kept in the backup folder (the oldest beyond this are deleted once a new
    /// backup is verified).
    pub keep: u32,
}

impl Default for BackupSchedule {
    fn default() -> Self {
        BackupSchedule {
            every_hours: 24,
            keep: 7,
        }
    }
}

impl BackupSchedule {
    /// Refuses a schedule outside the offered ranges, naming the field.
    pub fn validate(&self) -> Result<()> {
        if self.every_hours > MAX_EVERY_HOURS {
            return Err(Error::invalid(
                "every_hours",
                Invalid::OutOfRange {
                    min: 0,
                    max: MAX_EVERY_HOURS.into(),
                },
            ));
        }
        validate_keep(self.keep)
    }
}

fn validate_keep(keep: u32) -> Result<()> {
    if keep == 0 || keep > MAX_KEEP {
        return Err(Error::invalid(
            "keep",
            Invalid::OutOfRange {
                min: 1,
                max: MAX_KEEP.into(),
            },
        ));
    }
    Ok(())
}

/// Where to write a backup and how many generations to keep; `None` = the data directory's
/// `backups/` folder and the schedule's `keep`.
#[derive(Debug, Clone, Default)]
pub struct BackupOptions {
    pub dir: Option<PathBuf>,
    pub keep: Option<u32>,
}

/// How far a running backup has got, in database pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct BackupProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// One backup file in a backup folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    /// The file name (`kakehashi-YYYYMMDD-HHMMSS.kbak`), unique in its folder.
    pub name: String,
    /// When it was made (UTC, RFC 3339), from its manifest or else its name.
    pub created_at: Option<String>,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// It was checked after writing (manifest present) and its size has not changed since.
    pub verified: bool,
    #[ts(type = "number | null")]
    pub schema_version: Option<i64>,
    /// Rows in all tables at backup time (from the manifest).
    #[ts(type = "number | null")]
    pub rows: Option<u64>,
}

/// A finished backup and the old generations removed to keep `keep`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupDone {
    pub backup: BackupInfo,
    /// The folder it is in.
    pub dir: String,
    #[ts(type = "number")]
    pub millis: u64,
    /// File names of the generations deleted by rotation.
    pub removed: Vec<String>,
}

/// The backup panel's view: the folder, the schedule and the generations, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupList {
    pub dir: String,
    pub schedule: BackupSchedule,
    pub backups: Vec<BackupInfo>,
    /// The newest verified backup's time (UTC, RFC 3339).
    pub last_backup_at: Option<String>,
    /// Why the last automatic backup failed, if it did (the shell runs those and fills this
    /// in; the core leaves it empty).
    pub last_auto_error: Option<crate::error::ApiError>,
}

/// Which backup to restore: one of the backup folder's by file name, or `null` to choose a
/// file in the open dialog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreRequest {
    pub name: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    /// The backup's file name.
    pub backup: String,
    pub created_at: Option<String>,
    /// The backup's schema version, and the version after migrating it (the current one).
    #[ts(type = "number")]
    pub schema_version_found: i64,
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub rows: u64,
    /// The file the previous database was kept as (in the data directory); `null` when
    /// restoring into an empty data directory.
    pub previous_kept_as: Option<String>,
}

/// What the manifest beside a backup records (`<name>.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    created_at: String,
    size_bytes: u64,
    schema_version: i64,
    /// Row count per table, as checked in the written copy.
    tables: BTreeMap<String, u64>,
    verified_at: String,
    /// The data directory's key file at backup time, verbatim (the wrapped data key).
    key_file: serde_json::Value,
}

/// What a database holds, as compared between a source and its copy.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snapshot {
    schema_version: i64,
    tables: BTreeMap<String, u64>,
}

impl Snapshot {
    fn rows(&self) -> u64 {
        self.tables.values().sum()
    }

    /// The first difference between what was expected and what was found, in words.
    fn difference(&self, found: &Snapshot) -> Option<String> {
        if self.schema_version != found.schema_version {
            return Some(format!(
                "schema version {} expected, {} found",
                self.schema_version, found.schema_version
            ));
        }
        for (table, rows) in &self.tables {
            let other = found.tables.get(table).copied();
            if other != Some(*rows) {
                return Some(match other {
                    Some(n) => format!("table {table}: {rows} rows expected, {n} found"),
                    None => format!("table {table} missing"),
                });
            }
        }
        found
            .tables
            .keys()
            .find(|t| !self.tables.contains_key(*t))
            .map(|t| format!("unexpected table {t}"))
    }
}

/// The default backup folder of a data directory.
pub fn default_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUP_DIR)
}

impl Registry {
    /// The data directory this registry's database is in.
    pub(crate) fn data_dir(&self) -> Result<PathBuf> {
        self.conn
            .path()
            .and_then(|p| Path::new(p).parent())
            .map(Path::to_path_buf)
            .ok_or_else(|| Error::Internal("the database has no file path".into()))
    }

    /// Backs the database up into an encrypted, verified copy (see the module docs), on an
    /// admin's demand. `progress` is called after every step of [`PAGES_PER_STEP`] pages;
    /// returning `false` cancels: the partial file is removed and `Ok(None)` returned. `now`
    /// names the file and is recorded as its time.
    pub fn backup(
        &self,
        options: &BackupOptions,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(BackupProgress) -> bool,
    ) -> Result<Option<BackupDone>> {
        self.require(Permission::Admin)?;
        self.make_backup(options, now, progress)
    }

    /// The scheduled automatic backup, made whoever is signed in (the schedule is the
    /// admin's; a viewer's session keeps it going): a backup into the default folder when
    /// [`Self::backup_due`] says one is due at `now`, else `Ok(None)`.
    pub fn backup_scheduled(&self, now: DateTime<Utc>) -> Result<Option<BackupDone>> {
        self.require(Permission::Read)?;
        if !self.backup_due(now)? {
            return Ok(None);
        }
        self.make_backup(&BackupOptions::default(), now, &mut |_| true)
    }

    /// [`Self::backup`] without the check of who asks.
    fn make_backup(
        &self,
        options: &BackupOptions,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(BackupProgress) -> bool,
    ) -> Result<Option<BackupDone>> {
        let started = std::time::Instant::now();
        let data_dir = self.data_dir()?;
        let dir = options
            .dir
            .clone()
            .unwrap_or_else(|| default_dir(&data_dir));
        let keep = match options.keep {
            Some(keep) => {
                validate_keep(keep)?;
                keep
            }
            None => read_schedule(&data_dir)?.keep,
        };
        let write_error = |detail: String| Error::BackupWrite {
            dir: dir.clone(),
            detail,
        };
        fs::create_dir_all(&dir).map_err(|e| write_error(e.to_string()))?;
        remove_stale_partials(&dir);

        let needed = self.database_bytes()? + SPACE_MARGIN;
        check_space(&dir, needed, available_space(&dir))?;
        // Measured when the error is made, after any partial file is removed.
        let no_space = || Error::BackupNoSpace {
            dir: dir.clone(),
            needed,
            available: available_space(&dir),
        };

        let name = unique_name(&dir, now);
        let partial = dir.join(format!(".{name}.partial"));
        let written = match self.write_copy(&partial, progress) {
            Ok(done) => done,
            Err(e) => {
                // A write error with the folder (nearly) full is a full disk too, whatever
                // errno the file system gave; asked before the partial file is removed.
                let available = available_space(&dir);
                let partial_bytes = fs::metadata(&partial).map_or(0, |m| m.len());
                let full = available.is_some_and(|a| a < needed.saturating_sub(partial_bytes));
                remove_database_files(&partial);
                return Err(match e {
                    CopyError::Other(detail) if !full => write_error(detail),
                    CopyError::NoSpace | CopyError::Other(_) => no_space(),
                });
            }
        };
        if !written {
            remove_database_files(&partial);
            return Ok(None);
        }

        let source = snapshot(&self.conn)?;
        let manifest = match self.verify_copy(&partial, &source, &data_dir, now) {
            Ok(m) => m,
            Err(detail) => {
                remove_database_files(&partial);
                return Err(Error::BackupVerifyFailed {
                    path: dir.join(&name),
                    detail,
                });
            }
        };
        let final_path = dir.join(&name);
        let finish = || -> std::io::Result<()> {
            write_bytes_atomically(&manifest_path(&final_path), &manifest_json(&manifest))?;
            fs::rename(&partial, &final_path)?;
            sync_dir(&dir);
            Ok(())
        };
        if let Err(e) = finish() {
            remove_database_files(&partial);
            let _ = fs::remove_file(manifest_path(&final_path));
            return Err(if is_no_space(&e) {
                no_space()
            } else {
                write_error(e.to_string())
            });
        }
        let removed = rotate(&dir, keep, &name);
        let backup = info_from(&final_path, &name)?;
        Ok(Some(BackupDone {
            backup,
            dir: dir.display().to_string(),
            millis: started.elapsed().as_millis() as u64,
            removed,
        }))
    }

    /// The size of the database in bytes (pages × page size).
    fn database_bytes(&self) -> Result<u64> {
        let pages: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))?;
        // SQLCipher answers `page_size` as text (its `cipher_page_size`).
        let size: i64 = self.conn.pragma_query_value(None, "page_size", |r| {
            Ok(match r.get_ref(0)? {
                rusqlite::types::ValueRef::Integer(n) => n,
                other => other
                    .as_str()
                    .ok()
                    .and_then(|t| t.parse().ok())
                    .unwrap_or(4096),
            })
        })?;
        Ok((pages.max(0) as u64) * (size.max(0) as u64))
    }

    /// Copies the database page by page into a new file at `to` opened with the same key.
    /// `Ok(false)` when cancelled.
    fn write_copy(
        &self,
        to: &Path,
        progress: &mut dyn FnMut(BackupProgress) -> bool,
    ) -> std::result::Result<bool, CopyError> {
        let mut dst = Connection::open_with_flags(
            to,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // The key first: every page the backup writes is then encrypted with it.
        dst.pragma_update(None, "key", self.key.sqlcipher_literal().as_str())?;
        dst.pragma_update(None, "synchronous", "FULL")?;
        {
            let backup = Backup::new(&self.conn, &mut dst)?;
            loop {
                let step = backup.step(PAGES_PER_STEP)?;
                let p = backup.progress();
                let total = p.pagecount.max(0) as u64;
                let done = total.saturating_sub(p.remaining.max(0) as u64);
                match step {
                    StepResult::Done => {
                        progress(BackupProgress { done: total, total });
                        break;
                    }
                    StepResult::Busy | StepResult::Locked => {
                        std::thread::sleep(Duration::from_millis(20))
                    }
                    _ => {}
                }
                if !progress(BackupProgress { done, total }) {
                    return Ok(false);
                }
            }
        }
        // The copied first page says WAL like the source; a backup is one self-contained
        // file, so it leaves WAL mode (no -wal/-shm files beside it).
        let mode: String =
            dst.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(CopyError::Other(format!("journal_mode stayed {mode}")));
        }
        dst.close().map_err(|(_, e)| CopyError::from(e))?;
        File::open(to)
            .and_then(|f| f.sync_all())
            .map_err(CopyError::from)?;
        Ok(true)
    }

    /// Opens the copy at `path` with the key and checks it against `source`; the manifest
    /// to write beside it, or what is wrong in words.
    fn verify_copy(
        &self,
        path: &Path,
        source: &Snapshot,
        data_dir: &Path,
        now: DateTime<Utc>,
    ) -> std::result::Result<Manifest, String> {
        let (found, problems) = inspect(path, &self.key)?;
        if let Some(first) = problems.first() {
            return Err(format!("integrity_check: {first}"));
        }
        if let Some(difference) = source.difference(&found) {
            return Err(difference);
        }
        let key_text =
            fs::read_to_string(data_dir.join(KEY_FILE)).map_err(|e| format!("key file: {e}"))?;
        let key_file: serde_json::Value =
            serde_json::from_str(&key_text).map_err(|e| format!("key file: {e}"))?;
        let size_bytes = fs::metadata(path).map_err(|e| e.to_string())?.len();
        Ok(Manifest {
            format: MANIFEST_FORMAT,
            created_at: stored_instant(now),
            size_bytes,
            schema_version: found.schema_version,
            tables: found.tables,
            verified_at: stored_instant(Utc::now().max(now)),
            key_file,
        })
    }

    /// The backups in the default folder, the schedule and the last backup's time.
    pub fn list_backups(&self) -> Result<BackupList> {
        self.require(Permission::Read)?;
        let data_dir = self.data_dir()?;
        let dir = default_dir(&data_dir);
        let backups = list_backups(&dir)?;
        let last_backup_at = backups
            .iter()
            .filter(|b| b.verified)
            .filter_map(|b| b.created_at.clone())
            .max();
        Ok(BackupList {
            dir: dir.display().to_string(),
            schedule: read_schedule(&data_dir)?,
            backups,
            last_backup_at,
            last_auto_error: None,
        })
    }

    pub fn backup_schedule(&self) -> Result<BackupSchedule> {
        self.require(Permission::Read)?;
        read_schedule(&self.data_dir()?)
    }

    /// Checks and stores the schedule.
    pub fn set_backup_schedule(&self, schedule: &BackupSchedule) -> Result<BackupSchedule> {
        self.require(Permission::Admin)?;
        schedule.validate()?;
        write_schedule(&self.data_dir()?, schedule)?;
        Ok(*schedule)
    }

    /// Whether a scheduled backup is due at `now`: automatic backups are on and no verified
    /// backup in the default folder was made in the last `every_hours`. A backup dated after
    /// `now` (the clock was moved back) does not count, so backups go on being made.
    pub fn backup_due(&self, now: DateTime<Utc>) -> Result<bool> {
        self.require(Permission::Read)?;
        let data_dir = self.data_dir()?;
        let schedule = read_schedule(&data_dir)?;
        if schedule.every_hours == 0 {
            return Ok(false);
        }
        let last = list_backups(&default_dir(&data_dir))?
            .into_iter()
            .filter(|b| b.verified)
            .filter_map(|b| b.created_at.as_deref().and_then(parse_rfc3339))
            .filter(|at| *at <= now)
            .max();
        Ok(match last {
            None => true,
            Some(at) => now - at >= chrono::Duration::hours(schedule.every_hours.into()),
        })
    }

    /// The path of the backup called `name` in the default folder; only a backup's own file
    /// name is accepted (no folders), and it must exist.
    pub fn backup_path(&self, name: &str) -> Result<PathBuf> {
        self.require(Permission::Admin)?;
        let plain = !name.contains(['/', '\\']) && is_backup_name(name);
        let path = default_dir(&self.data_dir()?).join(name);
        if !plain || !path.is_file() {
            return Err(Error::NotFound {
                entity: "backup",
                id: name.to_string(),
            });
        }
        Ok(path)
    }

    /// Checks a backup file without changing anything: it must open with this registry's key,
    /// pass `integrity_check`, and match its manifest when it has one.
    pub fn check_backup(&self, backup: &Path) -> Result<BackupInfo> {
        self.require(Permission::Admin)?;
        check_backup_with(backup, &self.key)?;
        let name = file_name(backup);
        info_from(backup, &name)
    }

    /// The first half of a restore, which changes nothing live: checks the backup, copies it
    /// beside the database as `kakehashi.db.restoring`, migrates the copy if it is older and
    /// checks it again. Finish with [`PreparedRestore::switch`].
    pub fn prepare_restore(&self, backup: &Path) -> Result<PreparedRestore> {
        self.require(Permission::Admin)?;
        let data_dir = self.data_dir()?;
        let live = data_dir.join(DB_FILE);
        if same_file(backup, &live) {
            return Err(unusable(backup, "this is the database in use".into()));
        }
        let (found, manifest) = check_backup_with(backup, &self.key)?;
        let (schema_version, rows) = copy_and_check(backup, &data_dir, &self.key)?;
        Ok(PreparedRestore {
            data_dir,
            key: self.key.duplicate(),
            report: RestoreReport {
                backup: file_name(backup),
                created_at: manifest.map(|m| m.created_at),
                schema_version_found: found.schema_version,
                schema_version,
                rows,
                previous_kept_as: Some(BEFORE_RESTORE_FILE.into()),
            },
        })
    }
}

/// A checked copy of a backup waiting beside the live database; [`PreparedRestore::switch`]
/// puts it in place. Dropping it instead removes the copy.
pub struct PreparedRestore {
    data_dir: PathBuf,
    key: DataKey,
    report: RestoreReport,
}

impl std::fmt::Debug for PreparedRestore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedRestore")
            .field("data_dir", &self.data_dir)
            .field("report", &self.report)
            .finish_non_exhaustive()
    }
}

/// The moments of a restore's switch, for tests that stop it there as a kill would.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchStep {
    /// The registry is closed; nothing renamed yet.
    Closed,
    /// The live database is also linked as `kakehashi.db.before-restore`.
    KeptPrevious,
    /// The restored copy is renamed over `kakehashi.db`; not reopened yet.
    Renamed,
}

impl PreparedRestore {
    pub fn report(&self) -> &RestoreReport {
        &self.report
    }

    /// Closes `registry`, keeps the live database as `kakehashi.db.before-restore`, renames
    /// the checked copy over it and reopens. On an error the registry stays closed (unlock
    /// again); the database is then the previous one.
    pub fn switch(self, registry: Registry) -> Result<(Registry, RestoreReport)> {
        let opened = self.switch_until(registry, None)?;
        Ok(opened.expect("runs to the end without a stop"))
    }

    /// [`Self::switch`], stopping right after `stop` as if the process were killed there
    /// (nothing is cleaned up). For the crash tests only.
    #[doc(hidden)]
    pub fn switch_until(
        mut self,
        registry: Registry,
        stop: Option<SwitchStep>,
    ) -> Result<Option<(Registry, RestoreReport)>> {
        let failed = |detail: String| Error::RestoreFailed { detail };
        let live = self.data_dir.join(DB_FILE);
        let restoring = self.data_dir.join(RESTORING_FILE);
        let previous = self.data_dir.join(BEFORE_RESTORE_FILE);

        // 1. Close: checkpoint the WAL into the file, then close the only connection.
        let _ = registry
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let Registry {
            conn, session, kdf, ..
        } = registry;
        conn.close()
            .map_err(|(_, e)| failed(format!("closing the database: {e}")))?;
        let wal = sidecar(&live, "-wal");
        if fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false) {
            // Another connection still has the database open: renaming now would pair the
            // restored file with the old file's log.
            return Err(failed("the database is still open elsewhere".into()));
        }
        let _ = fs::remove_file(&wal);
        let _ = fs::remove_file(sidecar(&live, "-shm"));
        if stop == Some(SwitchStep::Closed) {
            return Ok(None);
        }

        // 2. Keep the previous database (a second name for the same file, or a copy).
        remove_database_files(&previous);
        if fs::hard_link(&live, &previous).is_err() {
            copy_synced(&live, &previous)
                .map_err(|e| failed(format!("keeping the previous database: {e}")))?;
        }
        sync_dir(&self.data_dir);
        if stop == Some(SwitchStep::KeptPrevious) {
            return Ok(None);
        }

        // 3. The switch itself: one atomic rename.
        fs::rename(&restoring, &live)
            .map_err(|e| failed(format!("renaming the restored database: {e}")))?;
        sync_dir(&self.data_dir);
        if stop == Some(SwitchStep::Renamed) {
            return Ok(None);
        }

        // 4. Reopen; if the restored file will not open, put the previous one back.
        match Registry::open(&live, &self.key, false, session, kdf) {
            Ok(registry) => Ok(Some((registry, std::mem::take(&mut self.report)))),
            Err(e) => {
                let _ = fs::rename(&previous, &live);
                sync_dir(&self.data_dir);
                Err(failed(format!("opening the restored database: {e}")))
            }
        }
    }
}

impl Drop for PreparedRestore {
    fn drop(&mut self) {
        // Unused (or already renamed): nothing of the copy should stay behind.
        remove_database_files(&self.data_dir.join(RESTORING_FILE));
    }
}

/// Restores a backup into a data directory that has no registry yet (a new computer): the
/// key file comes from the backup's manifest and `login`'s passphrase must open it (the
/// users and passphrases current when the backup was made). The key file is written last, so
/// a failure leaves the directory still "not set up".
pub fn restore_into_new(
    vault: &Vault,
    backup: &Path,
    login: &str,
    passphrase: &str,
) -> Result<(Registry, RestoreReport)> {
    if vault.key_path().exists() {
        return Err(Error::AlreadySetUp {
            dir: vault.dir().to_path_buf(),
        });
    }
    let manifest = read_manifest(backup)
        .ok_or_else(|| unusable(backup, "its manifest (.json beside it) is missing".into()))?;
    let key_text = serde_json::to_string_pretty(&manifest.key_file)
        .map_err(|e| Error::Internal(e.to_string()))?;
    let key_tmp = vault.dir().join(format!("{KEY_FILE}.restoring"));
    write_bytes_atomically(&key_tmp, key_text.as_bytes()).map_err(|source| Error::Io {
        path: key_tmp.clone(),
        source,
    })?;
    let result = (|| {
        let (key, session, kdf) =
            open_key_file(KeyFile::read(&key_tmp)?, &key_tmp, login, passphrase)?;
        let (found, manifest) = check_backup_with(backup, &key)?;
        let (schema_version, rows) = copy_and_check(backup, vault.dir(), &key)?;
        let live = vault.db_path();
        if live.exists() {
            // A database without a key file can never be opened; keep it aside, never delete.
            let aside = vault.dir().join(format!(
                "{DB_FILE}.unreadable-{}",
                Utc::now().format("%Y%m%dT%H%M%S")
            ));
            fs::rename(&live, &aside).map_err(|source| Error::Io {
                path: live.clone(),
                source,
            })?;
        }
        let restoring = vault.dir().join(RESTORING_FILE);
        fs::rename(&restoring, &live).map_err(|source| Error::Io {
            path: live.clone(),
            source,
        })?;
        fs::rename(&key_tmp, vault.key_path()).map_err(|source| Error::Io {
            path: vault.key_path(),
            source,
        })?;
        sync_dir(vault.dir());
        let registry = Registry::open(&live, &key, false, session, kdf)?;
        Ok((
            registry,
            RestoreReport {
                backup: file_name(backup),
                created_at: manifest.map(|m| m.created_at),
                schema_version_found: found.schema_version,
                schema_version,
                rows,
                previous_kept_as: None,
            },
        ))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&key_tmp);
        remove_database_files(&vault.dir().join(RESTORING_FILE));
    }
    result
}

/// Checks a backup with `key`: it decrypts, passes `integrity_check`, is not newer than this
/// build, and matches its manifest (when it has one).
fn check_backup_with(backup: &Path, key: &DataKey) -> Result<(Snapshot, Option<Manifest>)> {
    let size = fs::metadata(backup)
        .map_err(|e| unusable(backup, e.to_string()))?
        .len();
    if size == 0 {
        return Err(unusable(backup, "the file is empty".into()));
    }
    let (found, problems) = inspect(backup, key).map_err(|detail| unusable(backup, detail))?;
    if let Some(first) = problems.first() {
        return Err(unusable(backup, format!("integrity_check: {first}")));
    }
    if found.schema_version > CURRENT_VERSION {
        return Err(Error::NewerSchema {
            found: found.schema_version,
            supported: CURRENT_VERSION,
        });
    }
    let manifest = read_manifest(backup);
    if let Some(m) = &manifest {
        let expected = Snapshot {
            schema_version: m.schema_version,
            tables: m.tables.clone(),
        };
        if let Some(difference) = expected.difference(&found) {
            return Err(unusable(
                backup,
                format!("it does not match its manifest: {difference}"),
            ));
        }
    }
    Ok((found, manifest))
}

/// Copies `backup` to `kakehashi.db.restoring` in `data_dir`, migrates and checks the copy and
/// leaves it closed in rollback-journal mode; the schema version and row total after that.
fn copy_and_check(backup: &Path, data_dir: &Path, key: &DataKey) -> Result<(i64, u64)> {
    let restoring = data_dir.join(RESTORING_FILE);
    remove_database_files(&restoring);
    let result = (|| {
        copy_synced(backup, &restoring).map_err(|e| Error::RestoreFailed {
            detail: format!("copying the backup: {}", io_words(&e)),
        })?;
        let mut conn = store::open(&restoring, key, false)?;
        store::migrate(&mut conn)?;
        let problems = integrity_lines(&conn)?;
        if let Some(first) = problems.first() {
            return Err(Error::RestoreFailed {
                detail: format!("the copy fails integrity_check: {first}"),
            });
        }
        let snap = snapshot(&conn)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(Error::Internal(format!("journal_mode stayed {mode}")));
        }
        conn.close().map_err(|(_, e)| Error::Sqlite(e))?;
        File::open(&restoring)
            .and_then(|f| f.sync_all())
            .map_err(|source| Error::Io {
                path: restoring.clone(),
                source,
            })?;
        Ok((snap.schema_version, snap.rows()))
    })();
    if result.is_err() {
        remove_database_files(&restoring);
    }
    result
}

/// Opens `path` read-only with `key`; its snapshot and `integrity_check` problems, or why it
/// does not open (in words).
fn inspect(path: &Path, key: &DataKey) -> std::result::Result<(Snapshot, Vec<String>), String> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| e.to_string())?;
    conn.pragma_update(None, "key", key.sqlcipher_literal().as_str())
        .map_err(|e| e.to_string())?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            "it does not decrypt with this registry's key (not a Kakehashi backup, damaged, \
             or made by another registry)"
                .to_string()
        }
        _ => e.to_string(),
    })?;
    let problems = integrity_lines(&conn).map_err(|e| e.to_string())?;
    let snap = snapshot(&conn).map_err(|e| e.to_string())?;
    Ok((snap, problems))
}

/// `PRAGMA integrity_check` lines other than "ok".
fn integrity_lines(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let lines = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines.into_iter().filter(|l| l != "ok").collect())
}

/// The schema version and the row count of every table.
fn snapshot(conn: &Connection) -> Result<Snapshot> {
    let schema_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let names = conn
        .prepare(
            "SELECT name FROM sqlite_master
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut tables = BTreeMap::new();
    for name in names {
        let sql = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
        let n: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
        tables.insert(name, n.max(0) as u64);
    }
    Ok(Snapshot {
        schema_version,
        tables,
    })
}

/// The backups in `dir`, newest first; an absent folder has none.
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let mut list = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_backup_name(&name) || !entry.path().is_file() {
            continue;
        }
        if let Ok(info) = info_from(&entry.path(), &name) {
            list.push(info);
        }
    }
    list.sort_by(|a, b| {
        (b.created_at.as_deref(), b.name.as_str()).cmp(&(a.created_at.as_deref(), &a.name))
    });
    Ok(list)
}

fn info_from(path: &Path, name: &str) -> Result<BackupInfo> {
    let size_bytes = fs::metadata(path)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    let manifest = read_manifest(path);
    let verified = manifest
        .as_ref()
        .is_some_and(|m| m.size_bytes == size_bytes);
    let created_at = manifest
        .as_ref()
        .map(|m| m.created_at.clone())
        .or_else(|| time_from_name(name).map(stored_instant));
    Ok(BackupInfo {
        name: name.to_string(),
        created_at,
        size_bytes,
        verified,
        schema_version: manifest.as_ref().map(|m| m.schema_version),
        rows: manifest.as_ref().map(|m| m.tables.values().sum()),
    })
}

/// Deletes the oldest backups in `dir` beyond `keep`, never `newest` (the one just made,
/// even if the clock was moved back and its name sorts older). The names deleted.
fn rotate(dir: &Path, keep: u32, newest: &str) -> Vec<String> {
    let Ok(list) = list_backups(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    let others = list.into_iter().filter(|b| b.name != newest);
    for old in others.skip(keep.saturating_sub(1) as usize) {
        let path = dir.join(&old.name);
        if fs::remove_file(&path).is_ok() {
            let _ = fs::remove_file(manifest_path(&path));
            removed.push(old.name);
        }
    }
    if !removed.is_empty() {
        sync_dir(dir);
    }
    removed
}

fn is_backup_name(name: &str) -> bool {
    name.starts_with(NAME_PREFIX) && name.ends_with(&format!(".{BACKUP_EXTENSION}"))
}

/// `kakehashi-YYYYMMDD-HHMMSS.kbak` in office time, with `-2`, `-3`… when taken.
fn unique_name(dir: &Path, now: DateTime<Utc>) -> String {
    let stem = format!(
        "{NAME_PREFIX}{}",
        now.with_timezone(&office()).format("%Y%m%d-%H%M%S")
    );
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.{BACKUP_EXTENSION}")
        } else {
            format!("{stem}-{n}.{BACKUP_EXTENSION}")
        };
        if !dir.join(&name).exists() {
            return name;
        }
        n += 1;
    }
}

fn time_from_name(name: &str) -> Option<DateTime<Utc>> {
    let stem = name.strip_prefix(NAME_PREFIX)?.get(..15)?;
    let naive = NaiveDateTime::parse_from_str(stem, "%Y%m%d-%H%M%S").ok()?;
    office()
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.to_utc())
}

fn parse_rfc3339(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.to_utc())
}

fn manifest_path(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

fn read_manifest(backup: &Path) -> Option<Manifest> {
    let text = fs::read_to_string(manifest_path(backup)).ok()?;
    let manifest: Manifest = serde_json::from_str(&text).ok()?;
    (manifest.format == MANIFEST_FORMAT).then_some(manifest)
}

fn manifest_json(manifest: &Manifest) -> Vec<u8> {
    serde_json::to_vec_pretty(manifest).expect("plain data serialises")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn unusable(path: &Path, detail: String) -> Error {
    Error::BackupUnusable {
        path: path.to_path_buf(),
        detail,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `path` plus a suffix such as `-wal` (SQLite's sidecar files).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a database file and any journal/WAL files SQLite left beside it.
fn remove_database_files(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = fs::remove_file(sidecar(path, suffix));
    }
}

/// Removes temporary files of backups that never finished (a crash or a kill).
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&format!(".{NAME_PREFIX}"))
            && (name.ends_with(".partial") || name.ends_with(".partial-journal"))
            && entry.path().is_file()
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn copy_synced(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::copy(from, to)?;
    File::options().write(true).open(to)?.sync_all()
}

fn is_no_space(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::StorageFull || e.kind() == std::io::ErrorKind::QuotaExceeded
}

fn io_words(e: &std::io::Error) -> String {
    if is_no_space(e) {
        "disk full".into()
    } else {
        e.to_string()
    }
}

/// Refuses to start a backup that cannot fit (`available` = `None`: unknown, let it try).
fn check_space(dir: &Path, needed: u64, available: Option<u64>) -> Result<()> {
    match available {
        Some(available) if available < needed => Err(Error::BackupNoSpace {
            dir: dir.to_path_buf(),
            needed,
            available: Some(available),
        }),
        _ => Ok(()),
    }
}

/// Bytes free for this user in the file system holding `dir`.
#[cfg(unix)]
fn available_space(dir: &Path) -> Option<u64> {
    let s = rustix::fs::statvfs(dir).ok()?;
    Some(s.f_bavail.saturating_mul(s.f_frsize))
}

#[cfg(not(unix))]
fn available_space(_dir: &Path) -> Option<u64> {
    None
}

/// Why writing the copy failed: out of space (SQLite's SQLITE_FULL or ENOSPC), or anything else.
enum CopyError {
    NoSpace,
    Other(String),
}

impl From<rusqlite::Error> for CopyError {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => CopyError::NoSpace,
            _ => CopyError::Other(e.to_string()),
        }
    }
}

impl From<std::io::Error> for CopyError {
    fn from(e: std::io::Error) -> Self {
        if is_no_space(&e) {
            CopyError::NoSpace
        } else {
            CopyError::Other(e.to_string())
        }
    }
}

/// The schedule stored in the data directory's settings file (the default when none).
pub fn read_schedule(data_dir: &Path) -> Result<BackupSchedule> {
    let Some(v) = crate::settings::read_value(data_dir, "backup")? else {
        return Ok(BackupSchedule::default());
    };
    let unreadable = |detail: String| Error::SettingsUnreadable {
        path: data_dir.join(SETTINGS_FILE),
        detail,
    };
    let schedule: BackupSchedule =
        serde_json::from_value(v).map_err(|e| unreadable(e.to_string()))?;
    schedule
        .validate()
        .map_err(|_| unreadable("backup schedule out of range".into()))?;
    Ok(schedule)
}

/// Stores the schedule under `"backup"` in the settings file, keeping its other keys.
fn write_schedule(data_dir: &Path, schedule: &BackupSchedule) -> Result<()> {
    let value = serde_json::to_value(schedule).map_err(|e| Error::Internal(e.to_string()))?;
    crate::settings::write_value(data_dir, "backup", value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_office_time_and_read_back_as_the_same_instant() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T01:02:03Z")
            .unwrap()
            .to_utc();
        let dir = tempfile::tempdir().unwrap();
        let name = unique_name(dir.path(), now);
        assert_eq!(
            name, "kakehashi-20261201-100203.kbak",
            "office time is UTC+9"
        );
        assert_eq!(time_from_name(&name), Some(now));
        fs::write(dir.path().join(&name), b"x").unwrap();
        assert_eq!(
            unique_name(dir.path(), now),
            "kakehashi-20261201-100203-2.kbak",
            "a second backup in the same second (or after the clock went back) gets its own name"
        );
    }

    #[test]
    fn too_little_free_space_is_refused_before_writing_and_unknown_space_is_tried() {
        let dir = Path::new("/backups");
        let refused = check_space(dir, 10_000_000, Some(5_000_000));
        assert!(
            matches!(
                refused,
                Err(Error::BackupNoSpace {
                    needed: 10_000_000,
                    available: Some(5_000_000),
                    ..
                })
            ),
            "{refused:?}"
        );
        assert!(check_space(dir, 10, Some(10)).is_ok());
        assert!(check_space(dir, 10, None).is_ok());
    }

    #[test]
    fn schedules_outside_the_offered_ranges_name_their_field() {
        let bad_keep = BackupSchedule {
            every_hours: 24,
            keep: 0,
        };
        assert_eq!(bad_keep.validate().unwrap_err().field(), Some("keep"));
        let bad_hours = BackupSchedule {
            every_hours: MAX_EVERY_HOURS + 1,
            keep: 7,
        };
        assert_eq!(
            bad_hours.validate().unwrap_err().field(),
            Some("every_hours")
        );
        assert!(
            BackupSchedule {
                every_hours: 0,
                keep: 1
            }
            .validate()
            .is_ok(),
            "0 hours turns automatic backups off"
        );
    }
}
