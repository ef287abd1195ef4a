//! Use cases that change the equipment store: types, units, lending and returns — each in
//! one transaction, audited through `store::rows`. Lending and returning take the write lock
//! first (`BEGIN IMMEDIATE`), so two users lending the same unit at once run one after the
//! other and the second is refused; the partial unique index `equipment_loan_one_open`
//! holds the same rule in the database.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use unicode_normalization::UnicodeNormalization;

use crate::cases::validate::{max_len, parse_date, past_date, required};
use crate::equipment::types::*;
use crate::error::{Error, Invalid, Result};
use crate::record::{Stamp, new_id};
use crate::store::equipment::{self as table, LoanRow, TypeRow, UnitRow, UnitWithType};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

const MAX_NAME: usize = 100;
const MAX_TAG: usize = 50;
const MAX_NOTE: usize = 2000;

fn immediate(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let t = value.trim().to_string();
    max_len(field, &t, max)?;
    Ok(t)
}

/// An asset tag as stored: NFKC (full-width letters and digits as half-width), trimmed.
fn asset_tag(text: &str) -> Result<String> {
    let tag: String = text.nfkc().collect::<String>().trim().to_string();
    required("asset_tag", &tag)?;
    max_len("asset_tag", &tag, MAX_TAG)?;
    Ok(tag)
}

pub(crate) fn date_of(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Internal(format!("unreadable date {text} in the database")))
}

pub(crate) fn condition_of(code: &str) -> Result<UnitCondition> {
    UnitCondition::from_code(code)
        .ok_or_else(|| Error::Internal(format!("unknown unit condition {code} in the database")))
}

pub(crate) fn live_unit(conn: &Connection, id: &str) -> Result<UnitWithType> {
    table::find_unit(conn, id.trim())?.ok_or_else(|| Error::NotFound {
        entity: table::UNIT,
        id: id.to_string(),
    })
}

/// Refuses at `unit_id` when the unit is out on a loan.
fn refuse_on_loan(conn: &Connection, unit_id: &str) -> Result<()> {
    if let Some(open) = table::open_loan(conn, unit_id)? {
        return Err(Error::invalid(
            "unit_id",
            Invalid::UnitOnLoan {
                since: open.loan.row.lent_on,
                due_on: open.loan.row.due_on,
            },
        ));
    }
    Ok(())
}

impl Registry {
    /// Adds a kind of equipment; a name already in use is refused at `name`.
    pub fn add_equipment_type(
        &mut self,
        input: &EquipmentTypeInput,
        stamp: &Stamp,
    ) -> Result<EquipmentType> {
        self.require(Permission::Write)?;
        let name = input.name.trim().to_string();
        required("name", &name)?;
        max_len("name", &name, MAX_NAME)?;
        let note = text("note", &input.note, MAX_NOTE)?;
        let tx = immediate(&mut self.conn)?;
        if table::type_name_taken(&tx, &name)? {
            return Err(Error::invalid("name", Invalid::EquipmentTypeTaken));
        }
        let id = new_id(stamp);
        rows::insert(
            &tx,
            stamp,
            table::TYPE,
            &id,
            &columns_of(&TypeRow { name, note }),
        )?;
        tx.commit()?;
        self.equipment_types()?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| Error::Internal(format!("equipment type {id} vanished")))
    }

    /// Adds a unit of a type with its asset tag (unique) and condition.
    pub fn add_equipment_unit(
        &mut self,
        request: &AddUnitRequest,
        stamp: &Stamp,
    ) -> Result<EquipmentUnit> {
        self.require(Permission::Write)?;
        let tag = asset_tag(&request.asset_tag)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let tx = immediate(&mut self.conn)?;
        let type_id = request.type_id.trim();
        if table::find_type(&tx, type_id)?.is_none() {
            return Err(Error::NotFound {
                entity: table::TYPE,
                id: type_id.to_string(),
            });
        }
        if table::find_unit_by_tag(&tx, &tag)?.is_some() {
            return Err(Error::invalid("asset_tag", Invalid::AssetTagTaken));
        }
        let id = new_id(stamp);
        let row = UnitRow {
            type_id: type_id.to_string(),
            asset_tag: tag,
            condition: request.condition.code().into(),
            retired_on: None,
            note,
        };
        rows::insert(&tx, stamp, table::UNIT, &id, &columns_of(&row))?;
        tx.commit()?;
        self.equipment_unit(&id)
    }

    /// Changes a unit's condition and note, or retires it. A unit out on a loan is not retired.
    pub fn update_equipment_unit(
        &mut self,
        request: &UpdateUnitRequest,
        stamp: &Stamp,
    ) -> Result<EquipmentUnit> {
        self.require(Permission::Write)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let retired_on = match request.retired_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(past_date("retired_on", d, stamp.today())?),
        };
        let tx = immediate(&mut self.conn)?;
        let unit = live_unit(&tx, &request.unit_id)?;
        if retired_on.is_some() {
            refuse_on_loan(&tx, &unit.unit.id)?;
        }
        let mut cols = rows::Columns::new();
        cols.insert("condition".into(), request.condition.code().into());
        cols.insert(
            "retired_on".into(),
            retired_on.map(|d| d.to_string()).into(),
        );
        cols.insert("note".into(), note.into());
        rows::update(
            &tx,
            stamp,
            table::UNIT,
            &unit.unit.id,
            Some(request.row_version),
            &cols,
        )?;
        tx.commit()?;
        self.equipment_unit(&unit.unit.id)
    }

    /// Lends a unit to a child's family from `lent_on` until `due_on`. Refused: a unit already
    /// out (also when two users lend it at once), retired, or not in working order; a due date
    /// before the loan starts; a start in the future or before the unit's last return.
    pub fn lend_equipment(&mut self, request: &LendRequest, stamp: &Stamp) -> Result<Loan> {
        self.require(Permission::Write)?;
        let lent_on = past_date("lent_on", &request.lent_on, stamp.today())?;
        let due_on = parse_date("due_on", &request.due_on)?;
        if due_on < lent_on {
            return Err(Error::invalid("due_on", Invalid::DueBeforeStart));
        }
        let note = text("note", &request.note, MAX_NOTE)?;
        let tx = immediate(&mut self.conn)?;
        let unit = live_unit(&tx, &request.unit_id)?;
        refuse_on_loan(&tx, &unit.unit.id)?;
        if let Some(on) = &unit.unit.row.retired_on {
            return Err(Error::invalid(
                "unit_id",
                Invalid::UnitRetired { on: on.clone() },
            ));
        }
        let condition = condition_of(&unit.unit.row.condition)?;
        if !condition.lendable() {
            return Err(Error::invalid(
                "unit_id",
                Invalid::UnitNotLendable { condition },
            ));
        }
        if let Some(last) = table::last_return(&tx, &unit.unit.id)?
            && lent_on < date_of(&last)?
        {
            return Err(Error::invalid(
                "lent_on",
                Invalid::DateBefore { earliest: last },
            ));
        }
        let child_id = request.child_id.trim();
        if crate::store::child::find(&tx, child_id)?.is_none() {
            return Err(Error::NotFound {
                entity: crate::store::child::CHILD,
                id: child_id.to_string(),
            });
        }
        let id = new_id(stamp);
        let row = LoanRow {
            unit_id: unit.unit.id.clone(),
            child_id: child_id.to_string(),
            lent_on: lent_on.to_string(),
            due_on: due_on.to_string(),
            returned_on: None,
            return_condition: None,
            note,
        };
        rows::insert(&tx, stamp, table::LOAN, &id, &columns_of(&row))?;
        let loan = table::find_loan(&tx, &id)?
            .ok_or_else(|| Error::Internal(format!("loan {id} vanished")))?;
        tx.commit()?;
        crate::equipment::read::loan_of(loan)
    }

    /// A unit comes back on `returned_on` (today by default) in the condition given, which
    /// becomes the unit's. A unit that is not out is refused at `unit_id`.
    pub fn return_equipment(&mut self, request: &ReturnRequest, stamp: &Stamp) -> Result<Loan> {
        self.require(Permission::Write)?;
        let returned_on = match request.returned_on.as_deref().map(str::trim) {
            None | Some("") => stamp.today(),
            Some(d) => past_date("returned_on", d, stamp.today())?,
        };
        let note = match &request.note {
            Some(n) => Some(text("note", n, MAX_NOTE)?),
            None => None,
        };
        let tx = immediate(&mut self.conn)?;
        let unit = live_unit(&tx, &request.unit_id)?;
        let open = table::open_loan(&tx, &unit.unit.id)?
            .ok_or_else(|| Error::invalid("unit_id", Invalid::UnitNotLent))?;
        if returned_on < date_of(&open.loan.row.lent_on)? {
            return Err(Error::invalid(
                "returned_on",
                Invalid::DateBefore {
                    earliest: open.loan.row.lent_on.clone(),
                },
            ));
        }
        let mut cols = rows::Columns::new();
        cols.insert("returned_on".into(), returned_on.to_string().into());
        cols.insert("return_condition".into(), request.condition.code().into());
        if let Some(note) = note {
            cols.insert("note".into(), note.into());
        }
        rows::update(&tx, stamp, table::LOAN, &open.loan.id, None, &cols)?;
        let mut unit_cols = rows::Columns::new();
        unit_cols.insert("condition".into(), request.condition.code().into());
        rows::update(&tx, stamp, table::UNIT, &unit.unit.id, None, &unit_cols)?;
        let loan = table::find_loan(&tx, &open.loan.id)?
            .ok_or_else(|| Error::Internal(format!("loan {} vanished", open.loan.id)))?;
        tx.commit()?;
        crate::equipment::read::loan_of(loan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_tags_are_compared_as_typed_on_either_keyboard() {
        assert_eq!(asset_tag(" ＫＨ－ＳＵＣ－００３ ").unwrap(), "KH-SUC-003");
        assert_eq!(asset_tag("  ").unwrap_err().field(), Some("asset_tag"));
        assert_eq!(
            asset_tag(&"A".repeat(51)).unwrap_err().field(),
            Some("asset_tag")
        );
    }
}
