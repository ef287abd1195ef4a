//! The `disaster_profile` table: its row struct (written through `store::rows`) and reads, one
//! child's or every at-home child's at once (the roster reads them in one query).

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::error::Result;

pub const PROFILE: &str = "disaster_profile";

/// The `disaster_profile` row's columns (besides the record columns). JSON columns hold the
/// shapes of `disaster::types`.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileRow {
    pub child_id: String,
    pub devices: serde_json::Value,
    pub other_power: serde_json::Value,
    pub consumables_days: Option<u32>,
    pub power_company: serde_json::Value,
    pub evacuation_list: serde_json::Value,
    pub individual_plan: serde_json::Value,
    pub evacuation_site: String,
    pub welfare_shelter: String,
    pub emergency_hospital: String,
    pub contacts: serde_json::Value,
    pub note: String,
}

/// A live profile as read back, with its record columns.
#[derive(Debug, Clone)]
pub struct StoredProfile {
    pub id: String,
    pub row_version: i64,
    pub updated_at: String,
    pub row: ProfileRow,
}

const COLUMNS: &str = "p.id, p.row_version, p.updated_at, p.child_id, p.devices, p.other_power,
    p.consumables_days, p.power_company, p.evacuation_list, p.individual_plan, p.evacuation_site,
    p.welfare_shelter, p.emergency_hospital, p.contacts, p.note";

fn json(text: String) -> serde_json::Value {
    crate::store::json_column(&text)
}

fn stored(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredProfile> {
    Ok(StoredProfile {
        id: r.get(0)?,
        row_version: r.get(1)?,
        updated_at: r.get(2)?,
        row: ProfileRow {
            child_id: r.get(3)?,
            devices: json(r.get(4)?),
            other_power: json(r.get(5)?),
            consumables_days: r.get(6)?,
            power_company: json(r.get(7)?),
            evacuation_list: json(r.get(8)?),
            individual_plan: json(r.get(9)?),
            evacuation_site: r.get(10)?,
            welfare_shelter: r.get(11)?,
            emergency_hospital: r.get(12)?,
            contacts: json(r.get(13)?),
            note: r.get(14)?,
        },
    })
}

/// The child's live profile, if one was saved.
pub fn of_child(conn: &Connection, child_id: &str) -> Result<Option<StoredProfile>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM disaster_profile p WHERE p.child_id = ?1 AND p.deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([child_id], stored)
        .optional()?)
}

/// The live profiles of every live child with status `status`.
pub fn of_children_with_status(conn: &Connection, status: &str) -> Result<Vec<StoredProfile>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM disaster_profile p JOIN child c ON c.id = p.child_id
         WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND c.status = ?1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([status], stored)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
