//! Use cases that set a facility's beds: the usual number per night of each bed type with the
//! longest stay, and the exceptions of given nights (closures, extra beds). Beds that
//! confirmed stays hold from today on are never taken away. Each runs in one `BEGIN IMMEDIATE`
//! transaction, like the bookings (see `write`), so a confirmation and a closure of the same
//! night cannot cross.

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::cases::validate::parse_date;
use crate::error::{Error, Invalid, Result};
use crate::record::{Stamp, new_id};
use crate::respite::capacity::{night_count, nights};
use crate::respite::types::*;
use crate::respite::write::{
    MAX_NOTE, configured, date_of, immediate, ledger, next_day, respite_facility, text,
};
use crate::store::respite::{self as table, BedTypeRow, ExceptionRow, Stored};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

const MAX_BEDS: i64 = 200;
const MAX_STAY_NIGHTS: i64 = 90;
const MAX_EXCEPTION_NIGHTS: u32 = 366;

fn count(field: &str, value: u32, min: i64, max: i64) -> Result<u32> {
    if !(min..=max).contains(&i64::from(value)) {
        return Err(Error::invalid(field, Invalid::OutOfRange { min, max }));
    }
    Ok(value)
}

/// After beds were taken away (fewer usual beds, a closure, an extra bed removed): refuses,
/// at `field`, when a night from `today` on now holds more confirmed stays than beds.
fn refuse_overfilled(
    tx: &Transaction<'_>,
    facility_id: &str,
    bed_type: BedType,
    today: NaiveDate,
    field: &str,
) -> Result<()> {
    let Some(setting) = table::bed_type(tx, facility_id, bed_type.code())? else {
        return Ok(());
    };
    let booked = table::bookings_overlapping(
        tx,
        facility_id,
        bed_type.code(),
        &HOLDING,
        &today.to_string(),
        "9999-12-31",
    )?;
    let mut last = today;
    for b in &booked {
        last = last.max(date_of(&b.row.to_date)?);
    }
    let ledger = ledger(tx, facility_id, bed_type, setting.row.beds, today, last)?;
    if let Some(night) = ledger.first_overfilled() {
        let booked = ledger.iter().find(|n| n.0 == night).map_or(0, |n| n.2);
        return Err(Error::invalid(
            field,
            Invalid::CapacityBelowBookings {
                night: night.to_string(),
                booked,
            },
        ));
    }
    Ok(())
}

/// The nights [from, to) of an exception request: one night when `to` is not given.
fn exception_nights(from: &str, to: Option<&str>) -> Result<(NaiveDate, NaiveDate)> {
    let from = parse_date("from", from)?;
    let to = match to.map(str::trim) {
        None | Some("") => next_day("from", from)?,
        Some(t) => parse_date("to", t)?,
    };
    if to <= from {
        return Err(Error::invalid("to", Invalid::NoNights));
    }
    if night_count(from, to) > MAX_EXCEPTION_NIGHTS {
        return Err(Error::invalid(
            "to",
            Invalid::TooManyNights {
                max_nights: MAX_EXCEPTION_NIGHTS,
            },
        ));
    }
    Ok((from, to))
}

impl Registry {
    /// Sets a facility's beds per night of one type and its longest stay in them (a second
    /// call replaces both). Fewer beds than confirmed stays hold on a night from today on are
    /// refused at `beds`, naming the night.
    pub fn set_bed_type(
        &mut self,
        request: &SetBedTypeRequest,
        stamp: &Stamp,
    ) -> Result<BedTypeSetting> {
        self.require(Permission::Write)?;
        let beds = count("beds", request.beds, 0, MAX_BEDS)?;
        let max_stay_nights = count(
            "max_stay_nights",
            request.max_stay_nights,
            1,
            MAX_STAY_NIGHTS,
        )?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let tx = immediate(&mut self.conn)?;
        let (facility, _) = respite_facility(&tx, &request.facility_id)?;
        let row = BedTypeRow {
            facility_id: facility.id.clone(),
            bed_type: request.bed_type.code().into(),
            beds,
            max_stay_nights,
            note,
        };
        let id = match table::bed_type(&tx, &facility.id, request.bed_type.code())? {
            Some(existing) => {
                rows::update(
                    &tx,
                    stamp,
                    table::BED_TYPE,
                    &existing.id,
                    None,
                    &columns_of(&row),
                )?;
                existing.id
            }
            None => {
                let id = new_id(stamp);
                rows::insert(&tx, stamp, table::BED_TYPE, &id, &columns_of(&row))?;
                id
            }
        };
        refuse_overfilled(&tx, &facility.id, request.bed_type, stamp.today(), "beds")?;
        let saved = table::bed_type(&tx, &facility.id, request.bed_type.code())?
            .ok_or_else(|| Error::Internal(format!("bed type {id} vanished")))?;
        tx.commit()?;
        Ok(BedTypeSetting {
            id: saved.id,
            row_version: saved.row_version,
            bed_type: request.bed_type,
            beds: saved.row.beds,
            max_stay_nights: saved.row.max_stay_nights,
            note: saved.row.note,
        })
    }

    /// Sets the beds of the nights [from, to) of one bed type apart from the usual number: 0
    /// closes them, more adds beds. Returns the nights set. Taking beds that confirmed stays
    /// hold is refused at `beds`, naming the night.
    pub fn set_capacity_exception(
        &mut self,
        request: &CapacityExceptionRequest,
        stamp: &Stamp,
    ) -> Result<u32> {
        self.require(Permission::Write)?;
        let (from, to) = exception_nights(&request.from, request.to.as_deref())?;
        let beds = count("beds", request.beds, 0, MAX_BEDS)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let tx = immediate(&mut self.conn)?;
        let (facility, _) = respite_facility(&tx, &request.facility_id)?;
        configured(&tx, &facility.id, request.bed_type)?;
        let existing: Vec<Stored<ExceptionRow>> =
            table::exceptions(&tx, &facility.id, &from.to_string(), &to.to_string())?
                .into_iter()
                .filter(|e| e.row.bed_type == request.bed_type.code())
                .collect();
        let mut set = 0;
        for night in nights(from, to) {
            let row = ExceptionRow {
                facility_id: facility.id.clone(),
                bed_type: request.bed_type.code().into(),
                night: night.to_string(),
                beds,
                note: note.clone(),
            };
            match existing.iter().find(|e| e.row.night == row.night) {
                Some(e) => {
                    rows::update(&tx, stamp, table::EXCEPTION, &e.id, None, &columns_of(&row))?;
                }
                None => {
                    rows::insert(
                        &tx,
                        stamp,
                        table::EXCEPTION,
                        &new_id(stamp),
                        &columns_of(&row),
                    )?;
                }
            }
            set += 1;
        }
        refuse_overfilled(&tx, &facility.id, request.bed_type, stamp.today(), "beds")?;
        tx.commit()?;
        Ok(set)
    }

    /// Takes away the exceptions of the nights [from, to) of one bed type (tombstones): those
    /// nights have the usual beds again. Returns how many were removed; removing extra beds
    /// that confirmed stays hold is refused at `from`, naming the night.
    pub fn remove_capacity_exception(
        &mut self,
        request: &RemoveCapacityExceptionRequest,
        stamp: &Stamp,
    ) -> Result<u32> {
        self.require(Permission::Write)?;
        let (from, to) = exception_nights(&request.from, request.to.as_deref())?;
        let tx = immediate(&mut self.conn)?;
        let (facility, _) = respite_facility(&tx, &request.facility_id)?;
        let mut removed = 0;
        for e in table::exceptions(&tx, &facility.id, &from.to_string(), &to.to_string())? {
            if e.row.bed_type == request.bed_type.code() {
                rows::tombstone(&tx, stamp, table::EXCEPTION, &e.id)?;
                removed += 1;
            }
        }
        refuse_overfilled(&tx, &facility.id, request.bed_type, stamp.today(), "from")?;
        tx.commit()?;
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of<T: std::fmt::Debug>(r: Result<T>) -> String {
        r.expect_err("refused")
            .field()
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn an_exception_is_one_night_unless_a_range_is_given() {
        let (from, to) = exception_nights("2026-12-31", None).unwrap();
        assert_eq!(night_count(from, to), 1);
        let (from, to) = exception_nights("2026-12-29", Some("2027-01-04")).unwrap();
        assert_eq!(night_count(from, to), 6, "年末年始 closure");
        assert_eq!(
            field_of(exception_nights("2026-12-29", Some("2026-12-29"))),
            "to"
        );
        assert_eq!(
            field_of(exception_nights("2026-01-01", Some("2027-01-03"))),
            "to",
            "at most 366 nights at once"
        );
    }
}
