//! The audit log: one row per change to a domain record, written in the same transaction
//! as the change, with the field-level before/after values.

use rusqlite::{Transaction, params};
use serde::Serialize;

use crate::error::Result;
use crate::record::Stamp;

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    Restore,
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Restore => "restore",
        }
    }
}

/// One field's value before and after a change (`None` = absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Appends the audit row for a change to `entity`/`entity_id`; call it inside the
/// transaction that makes the change, so both commit or neither does.
pub fn record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    entity: &str,
    entity_id: &str,
    action: Action,
    changes: &[FieldChange],
) -> Result<()> {
    let changes = serde_json::to_string(changes).expect("field changes are plain JSON values");
    tx.prepare_cached(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        crate::record::new_id(stamp),
        stamp.at_text(),
        stamp.actor,
        entity,
        entity_id,
        action.code(),
        changes
    ])?;
    Ok(())
}

/// An audit row as read back (for history views and tests).
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub changes: serde_json::Value,
}

/// The audit rows of one record, oldest first.
pub fn history(
    conn: &rusqlite::Connection,
    entity: &str,
    entity_id: &str,
) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, entity, entity_id, action, changes FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![entity, entity_id], |r| {
        let changes: String = r.get(5)?;
        Ok(AuditRow {
            at: r.get(0)?,
            actor: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            action: r.get(4)?,
            changes: crate::store::json_column(&changes),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
