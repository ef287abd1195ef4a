//! The schema: append-only migrations, one SQL file per version, applied in order inside
//! one transaction each. `PRAGMA user_version` records the version a database is at.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Migration `i` takes a database from version `i` to `i + 1`. Never edit a released one;
/// append a new file and freeze the previous schema in `fixtures/schema/` for the upgrade test.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_weight_history.sql"),
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`CURRENT_VERSION`]. A database from a newer build is refused
/// before anything is written, so an older app never damages newer data.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > CURRENT_VERSION {
        return Err(Error::NewerSchema {
            found,
            supported: CURRENT_VERSION,
        });
    }
    for version in found..CURRENT_VERSION {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(())
}
