//! Writing domain rows generically, with their audit rows: every domain table has `id`,
//! `created_at`, `updated_at`, `updated_by`, `deleted_at` and `row_version`; the other
//! columns come as a JSON object whose keys are column names (our own structs' fields,
//! never user input). Updates write only the columns that changed, audit exactly those, and
//! check the row version the caller saw, so a stale form never silently overwrites.

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::record::Stamp;
use crate::store::audit::{self, Action, FieldChange};

/// The columns of a row, by name. Booleans become 0/1, objects and arrays JSON text.
pub type Columns = Map<String, Value>;

/// Turns a serialisable struct into columns (its field names are the column names).
pub fn columns_of<T: serde::Serialize>(row: &T) -> Columns {
    match serde_json::to_value(row).expect("row structs serialise") {
        Value::Object(map) => map.into_iter().map(|(k, v)| (k, stored_form(v))).collect(),
        _ => panic!("a row struct serialises to an object"),
    }
}

/// The value as SQLite will hold it, so that comparing old and new is exact.
fn stored_form(v: Value) -> Value {
    match v {
        Value::Bool(b) => Value::from(i64::from(b)),
        Value::Object(_) | Value::Array(_) => Value::String(v.to_string()),
        other => other,
    }
}

fn to_sql(v: &Value) -> SqlValue {
    match v {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

fn from_sql(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::from(i),
        ValueRef::Real(f) => Value::from(f),
        ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::String(format!("<{} bytes>", b.len())),
    }
}

/// For the audit: values as people read them (JSON text shown as its JSON).
fn audit_form(v: &Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::String(s) if s.starts_with('{') || s.starts_with('[') => {
            Some(serde_json::from_str(s).unwrap_or_else(|_| v.clone()))
        }
        other => Some(other.clone()),
    }
}

/// Inserts a new row with id `id` and audits its creation.
pub fn insert(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    table: &'static str,
    id: &str,
    cols: &Columns,
) -> Result<()> {
    let names: Vec<&str> = cols.keys().map(String::as_str).collect();
    let sql = format!(
        "INSERT INTO {table} (id, {}, created_at, updated_at, updated_by) VALUES (?1, {}, ?{n}, ?{n}, ?{m})",
        names.join(", "),
        (2..names.len() + 2)
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", "),
        n = names.len() + 2,
        m = names.len() + 3,
    );
    let mut values: Vec<SqlValue> = vec![SqlValue::Text(id.to_string())];
    values.extend(cols.values().map(to_sql));
    values.push(SqlValue::Text(stamp.at_text()));
    values.push(SqlValue::Text(stamp.actor.clone()));
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    let changes: Vec<FieldChange> = cols
        .iter()
        .filter_map(|(k, v)| {
            audit_form(v).map(|after| FieldChange {
                field: k.clone(),
                before: None,
                after: Some(after),
            })
        })
        .collect();
    audit::record(tx, stamp, table, id, Action::Create, &changes)
}

/// Updates the columns of `cols` that differ from the stored row. `expected_version`, when
/// given, must be the row's current version (optimistic concurrency). Returns whether
/// anything changed; nothing changed = nothing written, not even an audit row.
pub fn update(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    table: &'static str,
    id: &str,
    expected_version: Option<i64>,
    cols: &Columns,
) -> Result<bool> {
    let names: Vec<&str> = cols.keys().map(String::as_str).collect();
    let sql = format!(
        "SELECT row_version, {} FROM {table} WHERE id = ?1 AND deleted_at IS NULL",
        names.join(", ")
    );
    let current: Option<(i64, Vec<Value>)> = tx
        .prepare_cached(&sql)?
        .query_row([id], |r| {
            let version: i64 = r.get(0)?;
            let values = (0..names.len())
                .map(|i| r.get_ref(i + 1).map(from_sql))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((version, values))
        })
        .optional()?;
    let Some((version, old)) = current else {
        return Err(Error::NotFound {
            entity: table,
            id: id.to_string(),
        });
    };
    if let Some(expected) = expected_version
        && expected != version
    {
        return Err(Error::StaleRecord {
            entity: table,
            id: id.to_string(),
        });
    }
    let mut changed: Vec<(&str, &Value, &Value)> = Vec::new();
    for ((name, new), old) in cols.iter().zip(old.iter()) {
        if !same(old, new) {
            changed.push((name.as_str(), old, new));
        }
    }
    if changed.is_empty() {
        return Ok(false);
    }
    let sets: Vec<String> = changed
        .iter()
        .enumerate()
        .map(|(i, (name, _, _))| format!("{name} = ?{}", i + 2))
        .collect();
    let sql = format!(
        "UPDATE {table} SET {}, updated_at = ?{a}, updated_by = ?{b}, row_version = row_version + 1
         WHERE id = ?1",
        sets.join(", "),
        a = changed.len() + 2,
        b = changed.len() + 3,
    );
    let mut values: Vec<SqlValue> = vec![SqlValue::Text(id.to_string())];
    values.extend(changed.iter().map(|(_, _, new)| to_sql(new)));
    values.push(SqlValue::Text(stamp.at_text()));
    values.push(SqlValue::Text(stamp.actor.clone()));
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    let changes: Vec<FieldChange> = changed
        .iter()
        .map(|(name, old, new)| FieldChange {
            field: name.to_string(),
            before: audit_form(old),
            after: audit_form(new),
        })
        .collect();
    audit::record(tx, stamp, table, id, Action::Update, &changes)?;
    Ok(true)
}

/// Marks a row deleted (a tombstone, never a DELETE) and audits it.
pub fn tombstone(tx: &Transaction<'_>, stamp: &Stamp, table: &'static str, id: &str) -> Result<()> {
    let sql = format!(
        "UPDATE {table} SET deleted_at = ?2, updated_at = ?2, updated_by = ?3,
         row_version = row_version + 1 WHERE id = ?1 AND deleted_at IS NULL"
    );
    let n =
        tx.prepare_cached(&sql)?
            .execute(rusqlite::params![id, stamp.at_text(), stamp.actor])?;
    if n == 0 {
        return Err(Error::NotFound {
            entity: table,
            id: id.to_string(),
        });
    }
    audit::record(tx, stamp, table, id, Action::Delete, &[])
}

/// Bumps a row's version (and stamps) without changing its columns: a change to its
/// children (care items, guardians…) is a change to the record.
pub fn touch(tx: &Transaction<'_>, stamp: &Stamp, table: &'static str, id: &str) -> Result<()> {
    let sql = format!(
        "UPDATE {table} SET updated_at = ?2, updated_by = ?3, row_version = row_version + 1 WHERE id = ?1"
    );
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params![id, stamp.at_text(), stamp.actor])?;
    Ok(())
}

/// Equal as stored: numbers compare by value (1 and 1.0 are the same weight).
fn same(old: &Value, new: &Value) -> bool {
    match (old, new) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        _ => old == new,
    }
}
