//! The case tables: `child` and its parts (`child_care_item`, `child_diagnosis`,
//! `child_guardian`, `child_weight`, `child_status_change`, `score_snapshot`). Row structs
//! name their columns (written through `store::rows`); reads live here too.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;

pub const CHILD: &str = "child";
pub const CARE_ITEM: &str = "child_care_item";
pub const DIAGNOSIS: &str = "child_diagnosis";
pub const GUARDIAN: &str = "child_guardian";
pub const WEIGHT: &str = "child_weight";
pub const STATUS_CHANGE: &str = "child_status_change";
pub const SCORE_SNAPSHOT: &str = "score_snapshot";

/// The `child` row's columns (besides the record columns).
#[derive(Debug, Clone, Serialize)]
pub struct ChildRow {
    pub case_number: String,
    pub name: String,
    pub kana: String,
    pub name_folded: String,
    pub kana_folded: String,
    pub search_text: String,
    pub date_of_birth: String,
    pub sex: String,
    pub gestational_weeks: Option<u32>,
    pub birth_weight_g: Option<u32>,
    pub postal_code: String,
    pub address: String,
    pub municipality_code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub location_source: String,
    pub siblings: Option<u32>,
    pub certificates: serde_json::Value,
    pub oshima_cell: Option<u8>,
    pub yokochi_code: Option<String>,
    pub severe_factors: serde_json::Value,
    pub consent: serde_json::Value,
    pub coordinator: String,
    pub status: String,
    pub medical_care_score: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct CareItemRow {
    pub child_id: String,
    pub code: String,
    pub supervision: String,
    pub details: serde_json::Value,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiagnosisRow {
    pub child_id: String,
    pub position: u32,
    pub text: String,
    pub icd10: Option<String>,
    pub perinatal: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuardianRow {
    pub child_id: String,
    pub position: u32,
    pub name: String,
    pub relation: String,
    pub phone_primary: String,
    pub phone_secondary: String,
    pub phone_primary_digits: String,
    pub phone_secondary_digits: String,
    pub email: String,
    pub language_needs: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightRow {
    pub child_id: String,
    pub measured_on: String,
    pub weight_kg: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusChangeRow {
    pub child_id: String,
    pub status: String,
    pub changed_on: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SnapshotRow {
    pub child_id: String,
    pub kind: String,
    pub computed_on: String,
    pub rules_version: String,
    pub total: u32,
    pub result: serde_json::Value,
}

/// A stored child as read back, with its record columns.
#[derive(Debug, Clone)]
pub struct StoredChild {
    pub id: String,
    pub row_version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub row: ChildRow,
}

fn json(text: String) -> serde_json::Value {
    crate::store::json_column(&text)
}

const CHILD_COLUMNS: &str = "id, row_version, created_at, updated_at, case_number, name, kana,
    name_folded, kana_folded, search_text, date_of_birth, sex, gestational_weeks, birth_weight_g, postal_code,
    address, municipality_code, lat, lon, location_source, siblings, certificates, oshima_cell,
    yokochi_code, severe_factors, consent, coordinator, status, medical_care_score";

fn stored_child(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredChild> {
    Ok(StoredChild {
        id: r.get(0)?,
        row_version: r.get(1)?,
        created_at: r.get(2)?,
        updated_at: r.get(3)?,
        row: ChildRow {
            case_number: r.get(4)?,
            name: r.get(5)?,
            kana: r.get(6)?,
            name_folded: r.get(7)?,
            kana_folded: r.get(8)?,
            search_text: r.get(9)?,
            date_of_birth: r.get(10)?,
            sex: r.get(11)?,
            gestational_weeks: r.get(12)?,
            birth_weight_g: r.get(13)?,
            postal_code: r.get(14)?,
            address: r.get(15)?,
            municipality_code: r.get(16)?,
            lat: r.get(17)?,
            lon: r.get(18)?,
            location_source: r.get::<_, Option<String>>(19)?.unwrap_or_default(),
            siblings: r.get(20)?,
            certificates: json(r.get(21)?),
            oshima_cell: r.get(22)?,
            yokochi_code: r.get(23)?,
            severe_factors: json(r.get(24)?),
            consent: json(r.get(25)?),
            coordinator: r.get(26)?,
            status: r.get(27)?,
            medical_care_score: r.get(28)?,
        },
    })
}

pub fn find(conn: &Connection, id: &str) -> Result<Option<StoredChild>> {
    let sql = format!("SELECT {CHILD_COLUMNS} FROM child WHERE id = ?1 AND deleted_at IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], stored_child)
        .optional()?)
}

pub fn find_by_case_number(conn: &Connection, case_number: &str) -> Result<Option<StoredChild>> {
    let sql =
        format!("SELECT {CHILD_COLUMNS} FROM child WHERE case_number = ?1 AND deleted_at IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([case_number], stored_child)
        .optional()?)
}

/// Whether a case number is taken (tombstoned rows keep theirs, so numbers are never reused).
pub fn case_number_exists(conn: &Connection, case_number: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM child WHERE case_number = ?1")?
        .exists([case_number])?)
}

/// The highest NNNN among `{prefix}NNNN` case numbers, 0 when none.
pub fn last_case_sequence(conn: &Connection, prefix: &str) -> Result<u32> {
    let n: Option<i64> = conn
        .prepare_cached(
            "SELECT max(CAST(substr(case_number, length(?1) + 1) AS INTEGER)) FROM child
             WHERE case_number LIKE ?1 || '%'",
        )?
        .query_row([prefix], |r| r.get(0))?;
    Ok(n.unwrap_or(0).max(0) as u32)
}

/// Live care items of a child: (row id, row).
pub fn care_items(conn: &Connection, child_id: &str) -> Result<Vec<(String, CareItemRow)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, code, supervision, details, start_date, end_date FROM child_care_item
         WHERE child_id = ?1 AND deleted_at IS NULL ORDER BY created_at, id",
    )?;
    let rows = stmt.query_map([child_id], |r| {
        Ok((
            r.get(0)?,
            CareItemRow {
                child_id: child_id.to_string(),
                code: r.get(1)?,
                supervision: r.get(2)?,
                details: json(r.get(3)?),
                start_date: r.get(4)?,
                end_date: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn diagnoses(conn: &Connection, child_id: &str) -> Result<Vec<(String, DiagnosisRow)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, text, icd10, perinatal FROM child_diagnosis
         WHERE child_id = ?1 AND deleted_at IS NULL ORDER BY position",
    )?;
    let rows = stmt.query_map([child_id], |r| {
        Ok((
            r.get(0)?,
            DiagnosisRow {
                child_id: child_id.to_string(),
                position: r.get(1)?,
                text: r.get(2)?,
                icd10: r.get(3)?,
                perinatal: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn guardians(conn: &Connection, child_id: &str) -> Result<Vec<(String, GuardianRow)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, name, relation, phone_primary, phone_secondary, phone_primary_digits,
                phone_secondary_digits, email, language_needs FROM child_guardian
         WHERE child_id = ?1 AND deleted_at IS NULL ORDER BY position",
    )?;
    let rows = stmt.query_map([child_id], |r| {
        Ok((
            r.get(0)?,
            GuardianRow {
                child_id: child_id.to_string(),
                position: r.get(1)?,
                name: r.get(2)?,
                relation: r.get(3)?,
                phone_primary: r.get(4)?,
                phone_secondary: r.get(5)?,
                phone_primary_digits: r.get(6)?,
                phone_secondary_digits: r.get(7)?,
                email: r.get(8)?,
                language_needs: r.get(9)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Weights, newest first.
pub fn weights(conn: &Connection, child_id: &str) -> Result<Vec<WeightRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT measured_on, weight_kg FROM child_weight WHERE child_id = ?1 AND deleted_at IS NULL
         ORDER BY measured_on DESC, created_at DESC",
    )?;
    let rows = stmt.query_map([child_id], |r| {
        Ok(WeightRow {
            child_id: child_id.to_string(),
            measured_on: r.get(0)?,
            weight_kg: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Status changes, oldest first: (row, recorded_at, recorded_by).
pub fn status_changes(
    conn: &Connection,
    child_id: &str,
) -> Result<Vec<(StatusChangeRow, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, changed_on, note, created_at, updated_by FROM child_status_change
         WHERE child_id = ?1 AND deleted_at IS NULL ORDER BY changed_on, created_at",
    )?;
    let rows = stmt.query_map([child_id], |r| {
        Ok((
            StatusChangeRow {
                child_id: child_id.to_string(),
                status: r.get(0)?,
                changed_on: r.get(1)?,
                note: r.get(2)?,
            },
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Audit rows of the child and of every part of it, oldest first.
pub fn audit_of_child(
    conn: &Connection,
    child_id: &str,
) -> Result<Vec<crate::store::audit::AuditRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, entity, entity_id, action, changes FROM audit_log
         WHERE ((entity = 'child' AND entity_id = ?1)
            OR entity_id IN (SELECT id FROM child_care_item WHERE child_id = ?1
                             UNION ALL SELECT id FROM child_diagnosis WHERE child_id = ?1
                             UNION ALL SELECT id FROM child_guardian WHERE child_id = ?1
                             UNION ALL SELECT id FROM child_weight WHERE child_id = ?1
                             UNION ALL SELECT id FROM child_status_change WHERE child_id = ?1))
           AND action <> 'view'
         ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![child_id], |r| {
        let changes: String = r.get(5)?;
        Ok(crate::store::audit::AuditRow {
            at: r.get(0)?,
            actor: r.get(1)?,
            entity: r.get(2)?,
            entity_id: r.get(3)?,
            action: r.get(4)?,
            changes: json(changes),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
