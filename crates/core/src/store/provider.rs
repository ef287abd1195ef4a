//! The `provider` and `provider_conditions_version` tables: row structs (written through
//! `store::rows`) and reads.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::error::Result;

pub const PROVIDER: &str = "provider";
pub const CONDITIONS_VERSION: &str = "provider_conditions_version";

/// The `provider` row's columns (besides the record columns).
#[derive(Debug, Clone, Serialize)]
pub struct ProviderRow {
    pub kind: String,
    pub name: String,
    pub kana: String,
    pub name_folded: String,
    pub kana_folded: String,
    pub search_text: String,
    pub postal_code: String,
    pub address: String,
    pub municipality_code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub location_source: String,
    pub phone: String,
    pub fax: String,
    pub email: String,
    pub contact_person: String,
    pub business_number: Option<String>,
    pub capacity: Option<u32>,
    pub opening_hours: String,
    pub record_source: String,
    pub last_verified_on: Option<String>,
    pub publication: serde_json::Value,
    /// A copy of the latest answered conditions, for filtering.
    pub conditions: serde_json::Value,
    pub accepts_children: String,
    pub around_the_clock: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConditionsVersionRow {
    pub provider_id: String,
    pub answered_on: String,
    pub source: String,
    pub conditions: serde_json::Value,
}

#[derive(Debug, Clone)]
pub struct StoredProvider {
    pub id: String,
    pub row_version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub row: ProviderRow,
}

fn json(text: String) -> serde_json::Value {
    crate::store::json_column(&text)
}

pub const COLUMNS: &str = "id, row_version, created_at, updated_at, kind, name, kana, name_folded,
    kana_folded, search_text, postal_code, address, municipality_code, lat, lon, location_source,
    phone, fax, email, contact_person, business_number, capacity, opening_hours, record_source,
    last_verified_on, publication, conditions, accepts_children, around_the_clock";

pub fn stored(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredProvider> {
    Ok(StoredProvider {
        id: r.get(0)?,
        row_version: r.get(1)?,
        created_at: r.get(2)?,
        updated_at: r.get(3)?,
        row: ProviderRow {
            kind: r.get(4)?,
            name: r.get(5)?,
            kana: r.get(6)?,
            name_folded: r.get(7)?,
            kana_folded: r.get(8)?,
            search_text: r.get(9)?,
            postal_code: r.get(10)?,
            address: r.get(11)?,
            municipality_code: r.get(12)?,
            lat: r.get(13)?,
            lon: r.get(14)?,
            location_source: r.get::<_, Option<String>>(15)?.unwrap_or_default(),
            phone: r.get(16)?,
            fax: r.get(17)?,
            email: r.get(18)?,
            contact_person: r.get(19)?,
            business_number: r.get(20)?,
            capacity: r.get(21)?,
            opening_hours: r.get(22)?,
            record_source: r.get(23)?,
            last_verified_on: r.get(24)?,
            publication: json(r.get(25)?),
            conditions: json(r.get(26)?),
            accepts_children: r.get(27)?,
            around_the_clock: r.get(28)?,
        },
    })
}

pub fn find(conn: &Connection, id: &str) -> Result<Option<StoredProvider>> {
    let sql = format!("SELECT {COLUMNS} FROM provider WHERE id = ?1 AND deleted_at IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], stored)
        .optional()?)
}

/// The live provider holding a business number (事業所番号), if any.
pub fn find_by_business_number(conn: &Connection, number: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM provider WHERE business_number = ?1 AND deleted_at IS NULL",
        )?
        .query_row([number], |r| r.get(0))
        .optional()?)
}

/// Answered versions of a provider's conditions, oldest first: (row, recorded_at, recorded_by).
pub fn condition_versions(
    conn: &Connection,
    provider_id: &str,
) -> Result<Vec<(ConditionsVersionRow, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT answered_on, source, conditions, created_at, updated_by FROM provider_conditions_version
         WHERE provider_id = ?1 AND deleted_at IS NULL ORDER BY answered_on, created_at",
    )?;
    let rows = stmt.query_map([provider_id], |r| {
        Ok((
            ConditionsVersionRow {
                provider_id: provider_id.to_string(),
                answered_on: r.get(0)?,
                source: r.get(1)?,
                conditions: json(r.get(2)?),
            },
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
