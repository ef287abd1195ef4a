//! The `child`, `child_care_item` and `child_weight` tables: writes with their audit rows.

use rusqlite::{Transaction, params};

use crate::domain::care_item::{CareItemCode, Supervision};
use crate::domain::child_status::ChildStatus;
use crate::error::Result;
use crate::record::Stamp;
use crate::store::audit::{self, Action, FieldChange};

/// The fields of a new child record that the foundation knows; the registry issue adds more.
#[derive(Debug, Clone)]
pub struct NewChild {
    pub id: String,
    pub case_number: String,
    pub name: String,
    pub kana: String,
    /// ISO date
    pub date_of_birth: String,
    /// `female` / `male` / `other` / `unknown`
    pub sex: &'static str,
    pub municipality_code: String,
    pub status: ChildStatus,
}

pub fn insert(tx: &Transaction<'_>, stamp: &Stamp, c: &NewChild) -> Result<()> {
    let at = stamp.at_text();
    tx.prepare_cached(
        "INSERT INTO child (id, case_number, name, kana, date_of_birth, sex, municipality_code,
                            status, created_at, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
    )?
    .execute(params![
        c.id,
        c.case_number,
        c.name,
        c.kana,
        c.date_of_birth,
        c.sex,
        c.municipality_code,
        c.status.code(),
        at,
        stamp.actor
    ])?;
    audit::record(
        tx,
        stamp,
        "child",
        &c.id,
        Action::Create,
        &[
            FieldChange::set("case_number", c.case_number.as_str()),
            FieldChange::set("name", c.name.as_str()),
            FieldChange::set("kana", c.kana.as_str()),
            FieldChange::set("date_of_birth", c.date_of_birth.as_str()),
            FieldChange::set("sex", c.sex),
            FieldChange::set("municipality_code", c.municipality_code.as_str()),
            FieldChange::set("status", c.status.code()),
        ],
    )
}

pub fn insert_care_item(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    id: &str,
    child_id: &str,
    code: CareItemCode,
    supervision: Supervision,
    start_date: &str,
) -> Result<()> {
    let at = stamp.at_text();
    tx.prepare_cached(
        "INSERT INTO child_care_item (id, child_id, code, supervision, start_date,
                                      created_at, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
    )?
    .execute(params![
        id,
        child_id,
        code.code(),
        supervision.code(),
        start_date,
        at,
        stamp.actor
    ])?;
    audit::record(
        tx,
        stamp,
        "child_care_item",
        id,
        Action::Create,
        &[
            FieldChange::set("child_id", child_id),
            FieldChange::set("code", code.code()),
            FieldChange::set("supervision", supervision.code()),
            FieldChange::set("start_date", start_date),
        ],
    )
}

pub fn insert_weight(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    id: &str,
    child_id: &str,
    measured_on: &str,
    weight_kg: f64,
) -> Result<()> {
    let at = stamp.at_text();
    tx.prepare_cached(
        "INSERT INTO child_weight (id, child_id, measured_on, weight_kg, created_at, updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
    )?
    .execute(params![id, child_id, measured_on, weight_kg, at, stamp.actor])?;
    audit::record(
        tx,
        stamp,
        "child_weight",
        id,
        Action::Create,
        &[
            FieldChange::set("child_id", child_id),
            FieldChange::set("measured_on", measured_on),
            FieldChange::set("weight_kg", weight_kg),
        ],
    )
}

/// Whether a case number is already taken (tombstoned rows keep theirs).
pub fn case_number_exists(tx: &Transaction<'_>, case_number: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM child WHERE case_number = ?1")?
        .exists([case_number])?)
}
