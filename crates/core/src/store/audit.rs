//! The audit log: one row per change to a domain record, written in the same transaction
//! as the change, with the field-level before/after values, and one row per reading of a
//! case (`view`).
//!
//! **Hash chain** (schema 9). Every row carries `prev_hash` (the previous row's `hash`;
//! [`GENESIS`] before the first row) and `hash` = SHA-256 over a canonical encoding of
//! (seq, id, at, actor, entity, entity_id, action, changes, prev_hash): the ASCII tag
//! `kakehashi-audit-v1`, then each of those nine fields as its UTF-8 bytes (seq in decimal)
//! preceded by their length as an 8-byte big-endian integer, so no two different rows encode
//! alike. `seq` goes up by exactly one per row. The head of the chain (last seq and hash) is
//! kept in `audit_head`, moved by a trigger in the appending transaction; a new row always
//! extends the *head* (not whatever row happens to be last), so rows removed from the end
//! stay visible to [`crate::audit`]'s verification even after later writes. Triggers refuse
//! UPDATE and DELETE on `audit_log` and any insert that does not extend the head.

use rusqlite::{Connection, Transaction, TransactionBehavior, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::record::Stamp;

/// What happened to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    Restore,
    /// A person read the record (a case page); no changes.
    View,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Restore => "restore",
            Action::View => "view",
        }
    }
}

/// `prev_hash` of the first row: 64 zeros.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The chained fields of one audit row, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainRow {
    pub seq: i64,
    pub id: String,
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    pub changes: String,
    pub prev_hash: String,
    pub hash: String,
}

impl ChainRow {
    /// The hash this row should carry, as if it had been written as `seq`.
    pub fn hash_as(&self, seq: i64) -> String {
        row_hash(
            seq,
            [
                &self.id,
                &self.at,
                &self.actor,
                &self.entity,
                &self.entity_id,
                &self.action,
                &self.changes,
                &self.prev_hash,
            ],
        )
    }
}

/// SHA-256 (lower-case hex) of the canonical encoding described in the module docs;
/// `fields` are id, at, actor, entity, entity_id, action, changes, prev_hash.
pub fn row_hash(seq: i64, fields: [&str; 8]) -> String {
    let mut h = Sha256::new();
    h.update(b"kakehashi-audit-v1");
    let seq = seq.to_string();
    for part in std::iter::once(seq.as_str()).chain(fields) {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The chain's head as recorded in `audit_head`: (seq, hash).
pub fn head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT seq, hash FROM audit_head WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?)
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
    append(tx, stamp, entity, entity_id, action, changes)
}

/// Appends a `view` row for `entity`/`entity_id`: in the caller's transaction if one is
/// open, else in its own (`BEGIN IMMEDIATE`, so it never fails upgrading a read lock).
pub(crate) fn record_view(
    conn: &Connection,
    stamp: &Stamp,
    entity: &str,
    entity_id: &str,
) -> Result<()> {
    if !conn.is_autocommit() {
        return append(conn, stamp, entity, entity_id, Action::View, &[]);
    }
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    append(&tx, stamp, entity, entity_id, Action::View, &[])?;
    tx.commit()?;
    Ok(())
}

fn append(
    conn: &Connection,
    stamp: &Stamp,
    entity: &str,
    entity_id: &str,
    action: Action,
    changes: &[FieldChange],
) -> Result<()> {
    let changes = serde_json::to_string(changes).expect("field changes are plain JSON values");
    let (head_seq, prev_hash) = match head(conn) {
        Ok(head) => head,
        // Only inside migrations before schema 9 (the default template seeded at 6): the row
        // is written unchained and chained by `seal_existing` when the upgrade reaches 9.
        Err(crate::error::Error::Sqlite(e)) if e.to_string().contains("no such table") => {
            conn.prepare_cached(
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
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let seq = head_seq + 1;
    let id = crate::record::new_id(stamp);
    let at = stamp.at_text();
    let hash = row_hash(
        seq,
        [
            &id,
            &at,
            &stamp.actor,
            entity,
            entity_id,
            action.code(),
            &changes,
            &prev_hash,
        ],
    );
    conn.prepare_cached(
        "INSERT INTO audit_log (seq, id, at, actor, entity, entity_id, action, changes, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        seq,
        id,
        at,
        stamp.actor,
        entity,
        entity_id,
        action.code(),
        changes,
        prev_hash,
        hash
    ])?;
    Ok(())
}

/// Chains the rows of a database from before schema 9 (copied with an empty hash by the
/// migration), in seq order, and moves the head to the last one. Runs inside the migration's
/// transaction; the triggers let a row be updated only while its hash is empty.
pub(crate) fn seal_existing(tx: &Transaction<'_>) -> Result<()> {
    let rows: Vec<ChainRow> = tx
        .prepare("SELECT seq, id, at, actor, entity, entity_id, action, changes FROM audit_log ORDER BY seq")?
        .query_map([], |r| {
            Ok(ChainRow {
                seq: r.get(0)?,
                id: r.get(1)?,
                at: r.get(2)?,
                actor: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                action: r.get(6)?,
                changes: r.get(7)?,
                prev_hash: String::new(),
                hash: String::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE seq = ?1")?;
    let mut prev = GENESIS.to_string();
    let mut last = 0;
    for mut row in rows {
        row.prev_hash = prev;
        let hash = row.hash_as(row.seq);
        update.execute(params![row.seq, row.prev_hash, hash])?;
        last = row.seq;
        prev = hash;
    }
    if last > 0 {
        tx.execute(
            "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1",
            params![last, prev],
        )?;
    }
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

/// The audit rows of one record that changed it (views left out), oldest first.
pub fn history(
    conn: &rusqlite::Connection,
    entity: &str,
    entity_id: &str,
) -> Result<Vec<AuditRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, entity, entity_id, action, changes FROM audit_log
         WHERE entity = ?1 AND entity_id = ?2 AND action <> 'view' ORDER BY seq",
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
