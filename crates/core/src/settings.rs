//! The data directory's settings file, `kakehashi.settings.json`: small office-wide choices
//! that must be readable before unlock (the backup schedule, the auto-lock time). No personal
//! data goes here: it is not encrypted. Each key is read and written on its own, keeping the
//! others; the file is replaced atomically.

use std::fs;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Invalid, Result};
use crate::io::write_bytes_atomically;
use crate::record::Stamp;
use crate::users::Permission;
use crate::vault::Registry;

pub const SETTINGS_FILE: &str = "kakehashi.settings.json";

/// Minutes of no input before the app locks itself, unless changed.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 15;
pub const MAX_AUTO_LOCK_MINUTES: u32 = 240;
const AUTO_LOCK_KEY: &str = "auto_lock_minutes";

/// The value under `key`, `None` when the file or the key is absent.
pub(crate) fn read_value(data_dir: &Path, key: &str) -> Result<Option<serde_json::Value>> {
    let path = data_dir.join(SETTINGS_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::SettingsUnreadable {
                path,
                detail: e.to_string(),
            });
        }
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Error::SettingsUnreadable {
            path,
            detail: e.to_string(),
        })?;
    Ok(value.get(key).cloned())
}

/// Stores `value` under `key`, keeping the file's other keys.
pub(crate) fn write_value(data_dir: &Path, key: &str, value: serde_json::Value) -> Result<()> {
    let path = data_dir.join(SETTINGS_FILE);
    let mut all = fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .filter(serde_json::Value::is_object)
        .unwrap_or_else(|| serde_json::json!({}));
    all[key] = value;
    let text = serde_json::to_vec_pretty(&all).map_err(|e| Error::Internal(e.to_string()))?;
    write_bytes_atomically(&path, &text).map_err(|source| Error::Io { path, source })
}

/// The auto-lock time as the app uses it: the office's minutes, and the seconds without input
/// before locking (the minutes, or a shorter time the shell sets for end-to-end tests).
#[derive(Debug, Clone, Serialize, TS)]
pub struct AutoLockSettings {
    pub minutes: u32,
    #[ts(type = "number")]
    pub idle_seconds: u64,
}

/// The auto-lock time in minutes (the default when unset or out of range).
pub fn read_auto_lock_minutes(data_dir: &Path) -> u32 {
    read_value(data_dir, AUTO_LOCK_KEY)
        .ok()
        .flatten()
        .and_then(|v| v.as_u64())
        .and_then(|m| u32::try_from(m).ok())
        .filter(|m| (1..=MAX_AUTO_LOCK_MINUTES).contains(m))
        .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES)
}

impl Registry {
    pub fn auto_lock_minutes(&self) -> Result<u32> {
        self.require(Permission::Read)?;
        Ok(read_auto_lock_minutes(&self.data_dir()?))
    }

    /// Sets the auto-lock time (admin: it is the office's rule), 1 to 240 minutes.
    pub fn set_auto_lock_minutes(&mut self, minutes: u32, _stamp: &Stamp) -> Result<u32> {
        self.require(Permission::Admin)?;
        if !(1..=MAX_AUTO_LOCK_MINUTES).contains(&minutes) {
            return Err(Error::invalid(
                "minutes",
                Invalid::OutOfRange {
                    min: 1,
                    max: i64::from(MAX_AUTO_LOCK_MINUTES),
                },
            ));
        }
        write_value(&self.data_dir()?, AUTO_LOCK_KEY, minutes.into())?;
        Ok(minutes)
    }
}
