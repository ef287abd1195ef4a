//! The `provider` table: writes with their audit rows.

use rusqlite::{Transaction, params};

use crate::domain::provider_kind::ProviderKind;
use crate::error::Result;
use crate::record::Stamp;
use crate::store::audit::{self, Action, FieldChange};

/// The fields of a new provider that the foundation knows; the directory issue adds more.
#[derive(Debug, Clone)]
pub struct NewProvider {
    pub id: String,
    pub kind: ProviderKind,
    pub name: String,
    pub kana: String,
    pub municipality_code: String,
    pub address: String,
    pub phone: String,
    pub lat: f64,
    pub lon: f64,
    /// `entered` or `municipality_hall`
    pub location_source: &'static str,
    /// `yes` / `no` / `unknown`: "not answered" is not "no".
    pub accepts_children: &'static str,
    /// `survey` / `open_data` / `manual`
    pub record_source: &'static str,
}

pub fn insert(tx: &Transaction<'_>, stamp: &Stamp, p: &NewProvider) -> Result<()> {
    let at = stamp.at_text();
    tx.prepare_cached(
        "INSERT INTO provider (id, kind, name, kana, municipality_code, address, phone, lat, lon,
                               location_source, accepts_children, record_source,
                               created_at, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
    )?
    .execute(params![
        p.id,
        p.kind.code(),
        p.name,
        p.kana,
        p.municipality_code,
        p.address,
        p.phone,
        p.lat,
        p.lon,
        p.location_source,
        p.accepts_children,
        p.record_source,
        at,
        stamp.actor
    ])?;
    audit::record(
        tx,
        stamp,
        "provider",
        &p.id,
        Action::Create,
        &[
            FieldChange::set("kind", p.kind.code()),
            FieldChange::set("name", p.name.as_str()),
            FieldChange::set("kana", p.kana.as_str()),
            FieldChange::set("municipality_code", p.municipality_code.as_str()),
            FieldChange::set("address", p.address.as_str()),
            FieldChange::set("phone", p.phone.as_str()),
            FieldChange::set("accepts_children", p.accepts_children),
            FieldChange::set("record_source", p.record_source),
        ],
    )
}
