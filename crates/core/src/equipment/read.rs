//! Use cases that read the equipment store: types with their counts, units with their
//! current loan, the overdue list on a given day, and a unit's history.

use chrono::NaiveDate;

use crate::equipment::types::*;
use crate::equipment::write::{condition_of, date_of, live_unit};
use crate::error::{Error, Result};
use crate::store::equipment::{self as table, LoanWithParts, UnitWithType};
use crate::users::Permission;
use crate::vault::Registry;

pub(crate) fn loan_of(l: LoanWithParts) -> Result<Loan> {
    Ok(Loan {
        return_condition: l
            .loan
            .row
            .return_condition
            .as_deref()
            .map(condition_of)
            .transpose()?,
        id: l.loan.id,
        row_version: l.loan.row_version,
        unit_id: l.loan.row.unit_id,
        asset_tag: l.asset_tag,
        type_name: l.type_name,
        child_id: l.loan.row.child_id,
        case_number: l.case_number,
        child_name: l.child_name,
        lent_on: l.loan.row.lent_on,
        due_on: l.loan.row.due_on,
        returned_on: l.loan.row.returned_on,
        note: l.loan.row.note,
    })
}

impl Registry {
    fn unit_of(&self, u: UnitWithType) -> Result<EquipmentUnit> {
        let loan = table::open_loan(&self.conn, &u.unit.id)?
            .map(loan_of)
            .transpose()?;
        Ok(EquipmentUnit {
            condition: condition_of(&u.unit.row.condition)?,
            id: u.unit.id,
            row_version: u.unit.row_version,
            type_id: u.unit.row.type_id,
            type_name: u.type_name,
            asset_tag: u.unit.row.asset_tag,
            retired_on: u.unit.row.retired_on,
            note: u.unit.row.note,
            loan,
        })
    }

    /// Every kind of equipment by name, with its units in service and how many are out.
    pub fn equipment_types(&self) -> Result<Vec<EquipmentType>> {
        self.require(Permission::Read)?;
        Ok(table::types_with_counts(&self.conn)?
            .into_iter()
            .map(|(t, units, on_loan)| EquipmentType {
                id: t.id,
                row_version: t.row_version,
                name: t.row.name,
                note: t.row.note,
                units,
                on_loan,
            })
            .collect())
    }

    /// The units of one type (or of all), by type then asset tag, each with its current loan.
    pub fn equipment_units(&self, type_id: Option<&str>) -> Result<Vec<EquipmentUnit>> {
        self.require(Permission::Read)?;
        table::units(&self.conn, type_id.map(str::trim))?
            .into_iter()
            .map(|u| self.unit_of(u))
            .collect()
    }

    pub fn equipment_unit(&self, unit_id: &str) -> Result<EquipmentUnit> {
        self.require(Permission::Read)?;
        self.unit_of(live_unit(&self.conn, unit_id)?)
    }

    /// The unit carrying this asset tag (as typed: full-width counts as half-width).
    pub fn equipment_unit_by_tag(&self, asset_tag: &str) -> Result<EquipmentUnit> {
        self.require(Permission::Read)?;
        use unicode_normalization::UnicodeNormalization;
        let tag: String = asset_tag.nfkc().collect::<String>().trim().to_string();
        let unit = table::find_unit_by_tag(&self.conn, &tag)?.ok_or_else(|| Error::NotFound {
            entity: table::UNIT,
            id: tag.clone(),
        })?;
        self.unit_of(unit)
    }

    /// The loans not back by their due date as of `today` (the office's date, passed in so the
    /// list can be asked for any day): the longest overdue first, with the family to call.
    pub fn overdue_loans(&self, today: NaiveDate) -> Result<Vec<OverdueLoan>> {
        self.require(Permission::Read)?;
        table::overdue(&self.conn, &today.to_string())?
            .into_iter()
            .map(|l| {
                let due = date_of(&l.loan.row.due_on)?;
                let guardian = crate::store::child::guardians(&self.conn, &l.loan.row.child_id)?
                    .into_iter()
                    .next()
                    .map(|(_, g)| g);
                Ok(OverdueLoan {
                    days_overdue: (today - due).num_days().max(0) as u32,
                    guardian_name: guardian
                        .as_ref()
                        .map(|g| g.name.clone())
                        .unwrap_or_default(),
                    guardian_phone: guardian.map(|g| g.phone_primary).unwrap_or_default(),
                    loan: loan_of(l)?,
                })
            })
            .collect()
    }

    /// A unit and every loan it has been out on, the latest first.
    pub fn unit_history(&self, unit_id: &str) -> Result<UnitHistory> {
        self.require(Permission::Read)?;
        let unit = self.equipment_unit(unit_id)?;
        let loans = table::loans_of_unit(&self.conn, &unit.id)?
            .into_iter()
            .map(loan_of)
            .collect::<Result<_>>()?;
        Ok(UnitHistory { unit, loans })
    }
}
