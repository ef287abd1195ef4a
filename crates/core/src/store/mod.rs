//! The encrypted SQLite store: opening a connection with its key and pragmas, the schema
//! and its migrations, and one module per group of tables.

pub mod audit;
pub mod campaign;
pub mod child;
pub mod consultation;
pub mod disaster;
pub mod equipment;
pub mod municipality;
pub mod plan;
pub mod provider;
pub mod respite;
pub mod rows;
mod schema;

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};
use crate::keys::DataKey;

pub use schema::{CURRENT_VERSION, migrate};

/// SQLite page cache per connection, in KiB (negative `cache_size` means KiB).
const PAGE_CACHE_KIB: i64 = 64 * 1024;
/// How long a writer waits for another writer's lock before giving up, in milliseconds.
const BUSY_TIMEOUT_MS: u64 = 5_000;

/// Opens (creating if asked) the encrypted database at `path` with `key`, sets the
/// pragmas every connection needs, and proves the key opens it.
///
/// The key came out of an authenticated key file, so a failure to read the database here
/// means the file itself is damaged or is not ours — never a wrong passphrase.
pub fn open(path: &Path, key: &DataKey, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let damaged = |detail: String| Error::DatabaseDamaged {
        path: path.to_path_buf(),
        detail,
    };
    let conn = Connection::open_with_flags(path, flags).map_err(|e| damaged(e.to_string()))?;
    let literal = key.sqlcipher_literal();
    conn.pragma_update(None, "key", literal.as_str())?;
    // The first read decrypts page 1: this is where a damaged or foreign file shows.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            damaged("not a Kakehashi database, or its pages do not decrypt".into())
        }
        _ => Error::Sqlite(e),
    })?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // WAL keeps readers off writers' backs; FULL sync makes every commit durable
    // (clinical records must survive a power cut or kill -9 once committed).
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Internal(format!("journal_mode stayed {mode}")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // SQLCipher decrypts every page it reads from the file; a page cache large enough for a
    // national-scale registry keeps searches from decrypting the same pages on every keystroke.
    conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
    Ok(conn)
}

/// A JSON text column read back as a value; unreadable text (never written by us) is `null`.
pub(crate) fn json_column(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

/// `PRAGMA integrity_check` and `foreign_key_check`: the list of problems, empty when sound.
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = row?;
        if line != "ok" {
            problems.push(line);
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    for row in stmt.query_map([], |r| {
        Ok(format!(
            "foreign key: {} row {} → {}",
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1).unwrap_or(-1),
            r.get::<_, String>(2)?
        ))
    })? {
        problems.push(row?);
    }
    // Every domain row was created through a use case, which audits in the same transaction.
    for table in DOMAIN_TABLES {
        let missing: i64 = conn.query_row(
            &format!(
                "SELECT count(*) FROM {table} WHERE id NOT IN
                 (SELECT entity_id FROM audit_log WHERE entity = '{table}' AND action = 'create')"
            ),
            [],
            |r| r.get(0),
        )?;
        if missing > 0 {
            problems.push(format!(
                "audit: {missing} {table} row(s) without a creation record"
            ));
        }
    }
    Ok(problems)
}

/// Tables of domain records (UUIDv7 id, stamps, tombstone, row version, audited).
pub const DOMAIN_TABLES: [&str; 27] = [
    "child",
    "child_care_item",
    "child_weight",
    "child_diagnosis",
    "child_guardian",
    "child_status_change",
    "score_snapshot",
    "provider",
    "provider_conditions_version",
    "survey_campaign",
    "survey_target",
    "pathway_template",
    "pathway_template_task",
    "plan",
    "plan_task",
    "team_member",
    "referral",
    "conference",
    "training_item",
    "respite_bed_type",
    "respite_capacity_exception",
    "respite_booking",
    "equipment_type",
    "equipment_unit",
    "equipment_loan",
    "consultation",
    "disaster_profile",
];
