//! The schema: append-only migrations, one SQL file per version, applied in order inside
//! one transaction each. `PRAGMA user_version` records the version a database is at.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::text::fold;

/// Migration `i` takes a database from version `i` to `i + 1`. Never edit a released one;
/// append a new file and freeze the previous schema in `fixtures/schema/` for the upgrade test.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_foundation.sql"),
    include_str!("migrations/0002_weight_history.sql"),
    include_str!("migrations/0003_case_registry.sql"),
    include_str!("migrations/0004_resource_directory.sql"),
    include_str!("migrations/0005_campaigns.sql"),
    include_str!("migrations/0006_plans.sql"),
    include_str!("migrations/0007_respite_equipment_consultations.sql"),
    include_str!("migrations/0008_disaster.sql"),
    include_str!("migrations/0009_audit_chain.sql"),
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
        after_migration(&tx, version + 1)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Data steps that SQL alone cannot do, run in the same transaction as their migration.
fn after_migration(tx: &rusqlite::Transaction<'_>, reached: i64) -> Result<()> {
    if reached == 3 {
        // Fill the folded search keys of children written before schema 3.
        let rows: Vec<(String, String, String, String)> = tx
            .prepare("SELECT id, name, kana, case_number FROM child")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut update = tx.prepare(
            "UPDATE child SET name_folded = ?2, kana_folded = ?3, search_text = ?4 WHERE id = ?1",
        )?;
        for (id, name, kana, case_number) in rows {
            let text = crate::text::search_text(&[&kana, &name, &case_number]);
            update.execute(rusqlite::params![id, fold(&name), fold(&kana), text])?;
        }
    }
    if reached == 4 {
        // Fill the search keys of providers written before schema 4.
        let rows: Vec<(String, String, String, String)> = tx
            .prepare("SELECT id, name, kana, address FROM provider")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut update = tx.prepare(
            "UPDATE provider SET name_folded = ?2, kana_folded = ?3, search_text = ?4 WHERE id = ?1",
        )?;
        for (id, name, kana, address) in rows {
            let text = crate::text::search_text(&[&kana, &name, &address]);
            update.execute(rusqlite::params![id, fold(&name), fold(&kana), text])?;
        }
    }
    if reached == 6 {
        // The default pathway template (DOMAIN.md §5), which new plans get.
        crate::plans::template::seed_default(tx)?;
    }
    if reached == 9 {
        // Chain the audit rows written before schema 9 (store::audit).
        crate::store::audit::seal_existing(tx)?;
    }
    Ok(())
}
