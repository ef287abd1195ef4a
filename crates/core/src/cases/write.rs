//! Use cases that change a case: register, update, change status, record a weight.

use chrono::{Datelike, NaiveDate};
use rusqlite::Transaction;

use crate::cases::read::{compute, existing_duplicates};
use crate::cases::types::*;
use crate::cases::validate::{check_child, check_note, check_weight, past_date, phone_digits};
use crate::domain::child_status::ChildStatus;
use crate::error::{Error, Invalid, Result};
use crate::record::{Stamp, new_id};
use crate::store::child::{self as table, CareItemRow, ChildRow, DiagnosisRow, GuardianRow};
use crate::store::child::{SnapshotRow, StatusChangeRow, WeightRow};
use crate::store::rows::{self, columns_of};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

impl Registry {
    /// Registers a child. Refuses with `PossibleDuplicates` when a case with the same
    /// reading and date of birth, or a same guardian phone, exists — unless the user has seen
    /// them and confirmed (`confirmed_not_duplicate`); a silent duplicate is never made.
    pub fn register_child(
        &mut self,
        request: &RegisterChildRequest,
        stamp: &Stamp,
    ) -> Result<ChildDetail> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let mut req = request.clone();
        let conn = &self.conn;
        check_child(&mut req.child, today, |code| {
            crate::store::municipality::exists(conn, code)
        })?;
        if let Some(w) = &mut req.weight {
            check_weight("weight", w, today)?;
        }
        let status = req.status.unwrap_or(ChildStatus::Referred);
        let status_date = match &req.status_date {
            Some(d) if !d.trim().is_empty() => past_date("status_date", d, today)?,
            _ => today,
        };
        if !req.confirmed_not_duplicate {
            let found = existing_duplicates(&self.conn, &duplicate_query(&req.child))?;
            if !found.is_empty() {
                return Err(Error::PossibleDuplicates { count: found.len() });
            }
        }
        let tx = self.conn.transaction()?;
        let mut ids = || new_id(stamp);
        let id = insert_child_record(
            &tx,
            stamp,
            &mut ids,
            &req.child,
            status,
            status_date,
            req.weight.as_ref(),
        )?;
        tx.commit()?;
        self.child_detail(&id, today)
    }

    /// Saves an edited case. `row_version` must be the one the form was loaded at.
    /// Care items are matched by code, diagnoses and guardians by position; only what
    /// changed is written and audited. Status changes go through [`Self::change_child_status`].
    pub fn update_child(
        &mut self,
        request: &UpdateChildRequest,
        stamp: &Stamp,
    ) -> Result<ChildDetail> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let mut child = request.child.clone();
        let conn = &self.conn;
        check_child(&mut child, today, |code| {
            crate::store::municipality::exists(conn, code)
        })?;
        let stored = table::find(&self.conn, &request.id)?.ok_or_else(|| not_found(&request.id))?;
        let case_number = match &child.case_number {
            Some(n) if *n != stored.row.case_number => {
                if table::case_number_exists(&self.conn, n)? {
                    return Err(Error::invalid(
                        "child.case_number",
                        Invalid::CaseNumberTaken,
                    ));
                }
                n.clone()
            }
            _ => stored.row.case_number.clone(),
        };
        let scores = compute(&child.care_items, &child.severe_factors, today);
        let status = ChildStatus::from_code(&stored.row.status)
            .ok_or_else(|| Error::Internal(format!("unknown status {}", stored.row.status)))?;
        let row = child_row(&child, case_number, status, scores.medical_care.total);

        let tx = self.conn.transaction()?;
        let id = request.id.as_str();
        let mut changed = rows::update(
            &tx,
            stamp,
            table::CHILD,
            id,
            Some(request.row_version),
            &columns_of(&row),
        )?;
        let mut ids = || new_id(stamp);
        let parts_changed = sync_care_items(&tx, stamp, &mut ids, id, &child)?
            | sync_diagnoses(&tx, stamp, &mut ids, id, &child)?
            | sync_guardians(&tx, stamp, &mut ids, id, &child)?;
        if parts_changed && !changed {
            rows::touch(&tx, stamp, table::CHILD, id)?;
        }
        changed |= parts_changed;
        if changed {
            insert_snapshots(&tx, stamp, &mut ids, id, &scores)?;
        }
        tx.commit()?;
        self.child_detail(id, today)
    }

    /// Moves a case to another status on a date, with a note; only the transitions of
    /// [`ChildStatus::next`] are allowed, and not dated before the previous change.
    pub fn change_child_status(
        &mut self,
        request: &ChangeStatusRequest,
        stamp: &Stamp,
    ) -> Result<ChildDetail> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let date = past_date("date", &request.date, today)?;
        check_note("note", &request.note)?;
        let stored = table::find(&self.conn, &request.id)?.ok_or_else(|| not_found(&request.id))?;
        let current = ChildStatus::from_code(&stored.row.status)
            .ok_or_else(|| Error::Internal(format!("unknown status {}", stored.row.status)))?;
        if !current.can_change_to(request.status) {
            return Err(Error::invalid(
                "status",
                Invalid::StatusTransition {
                    from: current.label_ja(),
                    to: request.status.label_ja(),
                },
            ));
        }
        if let Some((last, _, _)) = table::status_changes(&self.conn, &request.id)?.last()
            && date.to_string() < last.changed_on
        {
            return Err(Error::invalid(
                "date",
                Invalid::DateBefore {
                    earliest: last.changed_on.clone(),
                },
            ));
        }
        let tx = self.conn.transaction()?;
        let mut cols = rows::Columns::new();
        cols.insert("status".into(), request.status.code().into());
        rows::update(
            &tx,
            stamp,
            table::CHILD,
            &request.id,
            Some(request.row_version),
            &cols,
        )?;
        let change = StatusChangeRow {
            child_id: request.id.clone(),
            status: request.status.code().into(),
            changed_on: date.to_string(),
            note: request.note.trim().to_string(),
        };
        rows::insert(
            &tx,
            stamp,
            table::STATUS_CHANGE,
            &new_id(stamp),
            &columns_of(&change),
        )?;
        tx.commit()?;
        self.child_detail(&request.id, today)
    }

    /// Adds a weight measurement (kg); the latest one drives acceptance checks.
    pub fn record_weight(
        &mut self,
        request: &RecordWeightRequest,
        stamp: &Stamp,
    ) -> Result<ChildDetail> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let mut weight = request.weight.clone();
        check_weight("weight", &mut weight, today)?;
        table::find(&self.conn, &request.id)?.ok_or_else(|| not_found(&request.id))?;
        let tx = self.conn.transaction()?;
        let row = WeightRow {
            child_id: request.id.clone(),
            measured_on: weight.measured_on,
            weight_kg: weight.weight_kg,
        };
        rows::insert(&tx, stamp, table::WEIGHT, &new_id(stamp), &columns_of(&row))?;
        rows::touch(&tx, stamp, table::CHILD, &request.id)?;
        tx.commit()?;
        self.child_detail(&request.id, today)
    }
}

pub(crate) fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "child",
        id: id.to_string(),
    }
}

pub(crate) fn duplicate_query(child: &ChildInput) -> DuplicateQuery {
    DuplicateQuery {
        kana: child.kana.clone(),
        date_of_birth: child.date_of_birth.clone(),
        phones: child
            .guardians
            .iter()
            .flat_map(|g| [g.phone_primary.clone(), g.phone_secondary.clone()])
            .filter(|p| !p.trim().is_empty())
            .collect(),
    }
}

/// Writes a new, already checked case with all its parts, inside `tx`; returns its id.
/// `ids` makes record ids (UUIDv7; the demo passes a seeded generator).
pub(crate) fn insert_child_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    child: &ChildInput,
    status: ChildStatus,
    status_date: NaiveDate,
    weight: Option<&Weight>,
) -> Result<String> {
    let case_number = match &child.case_number {
        Some(n) => {
            if table::case_number_exists(tx, n)? {
                return Err(Error::invalid(
                    "child.case_number",
                    Invalid::CaseNumberTaken,
                ));
            }
            n.clone()
        }
        None => next_case_number(tx, stamp.today())?,
    };
    let scores = compute(&child.care_items, &child.severe_factors, stamp.today());
    let id = ids();
    let row = child_row(child, case_number, status, scores.medical_care.total);
    rows::insert(tx, stamp, table::CHILD, &id, &columns_of(&row))?;
    sync_care_items(tx, stamp, ids, &id, child)?;
    sync_diagnoses(tx, stamp, ids, &id, child)?;
    sync_guardians(tx, stamp, ids, &id, child)?;
    if let Some(w) = weight {
        let row = WeightRow {
            child_id: id.clone(),
            measured_on: w.measured_on.clone(),
            weight_kg: w.weight_kg,
        };
        rows::insert(tx, stamp, table::WEIGHT, &ids(), &columns_of(&row))?;
    }
    let change = StatusChangeRow {
        child_id: id.clone(),
        status: status.code().into(),
        changed_on: status_date.to_string(),
        note: String::new(),
    };
    rows::insert(
        tx,
        stamp,
        table::STATUS_CHANGE,
        &ids(),
        &columns_of(&change),
    )?;
    insert_snapshots(tx, stamp, ids, &id, &scores)?;
    Ok(id)
}

/// `KH-YYYY-NNNN`: the year of registration and the next number in that year.
fn next_case_number(tx: &Transaction<'_>, today: NaiveDate) -> Result<String> {
    let prefix = format!("KH-{}-", today.year());
    let next = table::last_case_sequence(tx, &prefix)? + 1;
    Ok(format!("{prefix}{next:04}"))
}

fn child_row(
    child: &ChildInput,
    case_number: String,
    status: ChildStatus,
    medical_care_score: u32,
) -> ChildRow {
    let r = &child.residence;
    let located = r.lat.is_some() && r.lon.is_some();
    let search_text = crate::text::search_text(&[&child.kana, &child.name, &case_number]);
    ChildRow {
        case_number,
        name: child.name.clone(),
        kana: child.kana.clone(),
        name_folded: fold(&child.name),
        kana_folded: fold(&child.kana),
        search_text,
        date_of_birth: child.date_of_birth.clone(),
        sex: child.sex.code().into(),
        gestational_weeks: child.gestational_weeks,
        birth_weight_g: child.birth_weight_g,
        postal_code: r.postal_code.clone(),
        address: r.address.clone(),
        municipality_code: r.municipality_code.clone(),
        lat: r.lat,
        lon: r.lon,
        // Without entered coordinates, distances use the municipality hall's point.
        location_source: if located {
            "entered"
        } else {
            "municipality_hall"
        }
        .into(),
        siblings: child.siblings,
        certificates: serde_json::to_value(&child.certificates).expect("plain data"),
        oshima_cell: child.oshima_cell,
        yokochi_code: child.yokochi_code.clone().filter(|c| !c.trim().is_empty()),
        severe_factors: serde_json::to_value(&child.severe_factors).expect("plain data"),
        consent: serde_json::to_value(&child.consent).expect("plain data"),
        coordinator: child.coordinator.clone(),
        status: status.code().into(),
        medical_care_score,
    }
}

/// Care items matched by code: changed ones updated, new ones inserted, dropped ones
/// tombstoned. Returns whether anything changed.
fn sync_care_items(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    child_id: &str,
    child: &ChildInput,
) -> Result<bool> {
    let existing = table::care_items(tx, child_id)?;
    let mut changed = false;
    for item in &child.care_items {
        let row = CareItemRow {
            child_id: child_id.to_string(),
            code: item.code.code().into(),
            supervision: item.supervision.code().into(),
            details: serde_json::to_value(&item.details).expect("plain data"),
            start_date: item.start_date.clone(),
            end_date: item.end_date.clone(),
        };
        match existing.iter().find(|(_, r)| r.code == row.code) {
            Some((row_id, _)) => {
                changed |=
                    rows::update(tx, stamp, table::CARE_ITEM, row_id, None, &columns_of(&row))?
            }
            None => {
                rows::insert(tx, stamp, table::CARE_ITEM, &ids(), &columns_of(&row))?;
                changed = true;
            }
        }
    }
    for (row_id, row) in &existing {
        if !child.care_items.iter().any(|i| i.code.code() == row.code) {
            rows::tombstone(tx, stamp, table::CARE_ITEM, row_id)?;
            changed = true;
        }
    }
    Ok(changed)
}

/// Rows of a list part matched by position: update, insert, or tombstone the extra ones.
fn sync_by_position<R: serde::Serialize>(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    table_name: &'static str,
    existing: &[String],
    wanted: &[R],
) -> Result<bool> {
    let mut changed = false;
    for (i, row) in wanted.iter().enumerate() {
        match existing.get(i) {
            Some(row_id) => {
                changed |= rows::update(tx, stamp, table_name, row_id, None, &columns_of(row))?
            }
            None => {
                rows::insert(tx, stamp, table_name, &ids(), &columns_of(row))?;
                changed = true;
            }
        }
    }
    for row_id in existing.iter().skip(wanted.len()) {
        rows::tombstone(tx, stamp, table_name, row_id)?;
        changed = true;
    }
    Ok(changed)
}

fn sync_diagnoses(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    child_id: &str,
    child: &ChildInput,
) -> Result<bool> {
    let existing: Vec<String> = table::diagnoses(tx, child_id)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let wanted: Vec<DiagnosisRow> = child
        .diagnoses
        .iter()
        .enumerate()
        .map(|(i, d)| DiagnosisRow {
            child_id: child_id.to_string(),
            position: i as u32,
            text: d.text.clone(),
            icd10: d.icd10.clone(),
            perinatal: d.perinatal,
        })
        .collect();
    sync_by_position(tx, stamp, ids, table::DIAGNOSIS, &existing, &wanted)
}

fn sync_guardians(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    child_id: &str,
    child: &ChildInput,
) -> Result<bool> {
    let existing: Vec<String> = table::guardians(tx, child_id)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let wanted: Vec<GuardianRow> = child
        .guardians
        .iter()
        .enumerate()
        .map(|(i, g)| {
            Ok(GuardianRow {
                child_id: child_id.to_string(),
                position: i as u32,
                name: g.name.clone(),
                relation: g.relation.clone(),
                phone_primary: g.phone_primary.clone(),
                phone_secondary: g.phone_secondary.clone(),
                phone_primary_digits: phone_digits("phone", &g.phone_primary)?,
                phone_secondary_digits: phone_digits("phone", &g.phone_secondary)?,
                email: g.email.clone(),
                language_needs: g.language_needs.clone(),
            })
        })
        .collect::<Result<_>>()?;
    sync_by_position(tx, stamp, ids, table::GUARDIAN, &existing, &wanted)
}

fn insert_snapshots(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    child_id: &str,
    scores: &Scores,
) -> Result<()> {
    let medical = SnapshotRow {
        child_id: child_id.to_string(),
        kind: "medical_care".into(),
        computed_on: scores.on.clone(),
        rules_version: scores.medical_care.rules_version.clone(),
        total: scores.medical_care.total,
        result: serde_json::to_value(&scores.medical_care).expect("plain data"),
    };
    let severe = SnapshotRow {
        child_id: child_id.to_string(),
        kind: "severe".into(),
        computed_on: scores.on.clone(),
        rules_version: scores.severe.rules_version.clone(),
        total: scores.severe.total,
        result: serde_json::to_value(&scores.severe).expect("plain data"),
    };
    rows::insert(
        tx,
        stamp,
        table::SCORE_SNAPSHOT,
        &ids(),
        &columns_of(&medical),
    )?;
    rows::insert(
        tx,
        stamp,
        table::SCORE_SNAPSHOT,
        &ids(),
        &columns_of(&severe),
    )?;
    Ok(())
}
