//! Use cases that read respite: a facility's bed types, its month of nights (beds, used, free
//! and waiting, by type), its waitlist in request order, a child's stays, one booking.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;

use crate::error::{Error, Invalid, Result};
use crate::respite::capacity::{Ledger, night_count};
use crate::respite::types::*;
use crate::respite::write::{
    bed_type_of, booking_not_found, date_of, ledger, respite_facility, status_of,
};
use crate::store::respite::{self as table, BedTypeRow, BookingRow, Stored};
use crate::users::Permission;
use crate::vault::Registry;

/// A booking with its child's and facility's names.
pub(crate) fn booking_of(conn: &Connection, b: Stored<BookingRow>) -> Result<Booking> {
    let (case_number, child_name, facility_name) =
        table::names(conn, &b.row.child_id, &b.row.facility_id)?;
    let (from, to) = (date_of(&b.row.from_date)?, date_of(&b.row.to_date)?);
    Ok(Booking {
        status: status_of(&b)?,
        bed_type: bed_type_of(&b.row.bed_type)?,
        nights: night_count(from, to),
        id: b.id,
        row_version: b.row_version,
        child_id: b.row.child_id,
        case_number,
        child_name,
        facility_id: b.row.facility_id,
        facility_name,
        from: b.row.from_date,
        to: b.row.to_date,
        requested_at: b.row.requested_at,
        status_at: b.row.status_at,
        reason: b.row.reason,
        note: b.row.note,
    })
}

fn setting_of(s: Stored<BedTypeRow>) -> Result<BedTypeSetting> {
    Ok(BedTypeSetting {
        bed_type: bed_type_of(&s.row.bed_type)?,
        id: s.id,
        row_version: s.row_version,
        beds: s.row.beds,
        max_stay_nights: s.row.max_stay_nights,
        note: s.row.note,
    })
}

/// `YYYY-MM` → the first day of that month and of the next, or a refusal at `month`.
pub(crate) fn month_range(text: &str) -> Result<(NaiveDate, NaiveDate)> {
    let bad = || Error::invalid("month", Invalid::BadMonth);
    let text = text.trim();
    let (y, m) = text.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)?;
    let next = first.checked_add_months(Months::new(1)).ok_or_else(bad)?;
    Ok((first, next))
}

impl Registry {
    /// The bed types of a respite facility, in bed type order.
    pub fn respite_bed_types(&self, facility_id: &str) -> Result<Vec<BedTypeSetting>> {
        self.require(Permission::Read)?;
        let (facility, _) = respite_facility(&self.conn, facility_id)?;
        table::bed_types(&self.conn, &facility.id)?
            .into_iter()
            .map(setting_of)
            .collect()
    }

    /// A facility's month (`YYYY-MM`): every night with, per bed type, its beds (usual or the
    /// exception's), the beds confirmed and completed stays hold, the free ones, and the
    /// requests waiting for it.
    pub fn respite_nights(&self, facility_id: &str, month: &str) -> Result<FacilityNights> {
        self.require(Permission::Read)?;
        let (from, to) = month_range(month)?;
        let (facility, _) = respite_facility(&self.conn, facility_id)?;
        let settings: Vec<BedTypeSetting> = table::bed_types(&self.conn, &facility.id)?
            .into_iter()
            .map(setting_of)
            .collect::<Result<_>>()?;
        let waiting = table::facility_bookings_overlapping(
            &self.conn,
            &facility.id,
            &["requested"],
            &from.to_string(),
            &to.to_string(),
        )?;
        // Per bed type, night by night: (date, beds, held, exception) and the requests waiting.
        type Column = (BedType, Vec<(NaiveDate, u32, u32, bool)>, Vec<u32>);
        let mut per_type: Vec<Column> = Vec::with_capacity(settings.len());
        for s in &settings {
            let held = ledger(&self.conn, &facility.id, s.bed_type, s.beds, from, to)?;
            // A ledger with no beds counts the waiting requests night by night.
            let mut asked = Ledger::new(from, to, 0, []);
            for w in waiting
                .iter()
                .filter(|w| w.row.bed_type == s.bed_type.code())
            {
                asked.hold(date_of(&w.row.from_date)?, date_of(&w.row.to_date)?);
            }
            per_type.push((
                s.bed_type,
                held.iter().collect(),
                asked.iter().map(|n| n.2).collect(),
            ));
        }
        let nights = crate::respite::capacity::nights(from, to)
            .enumerate()
            .map(|(i, date)| Night {
                date: date.to_string(),
                beds: per_type
                    .iter()
                    .map(|(bed_type, held, asked)| {
                        let (_, beds, used, exception) = held[i];
                        NightBeds {
                            bed_type: *bed_type,
                            beds,
                            used,
                            free: beds.saturating_sub(used),
                            waiting: asked[i],
                            exception,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(FacilityNights {
            facility_id: facility.id,
            facility_name: facility.row.name,
            month: format!("{:04}-{:02}", from.year(), from.month()),
            bed_types: settings,
            nights,
        })
    }

    /// The waiting requests of a facility in the order they were asked (the first is offered a
    /// freed bed first).
    pub fn respite_waitlist(&self, facility_id: &str) -> Result<Vec<Booking>> {
        self.require(Permission::Read)?;
        let (facility, _) = respite_facility(&self.conn, facility_id)?;
        table::waitlist(&self.conn, &facility.id)?
            .into_iter()
            .map(|b| booking_of(&self.conn, b))
            .collect()
    }

    /// Every booking of a child at any facility, the latest stay first.
    pub fn child_respite_bookings(&self, child_id: &str) -> Result<Vec<Booking>> {
        self.require(Permission::Read)?;
        table::bookings_of_child(&self.conn, child_id.trim())?
            .into_iter()
            .map(|b| booking_of(&self.conn, b))
            .collect()
    }

    pub fn get_booking(&self, booking_id: &str) -> Result<Booking> {
        self.require(Permission::Read)?;
        let b = table::booking(&self.conn, booking_id.trim())?
            .ok_or_else(|| booking_not_found(booking_id))?;
        booking_of(&self.conn, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_its_nights_up_to_the_first_of_the_next() {
        let (from, to) = month_range("2026-12").unwrap();
        assert_eq!(from.to_string(), "2026-12-01");
        assert_eq!(
            to.to_string(),
            "2027-01-01",
            "December runs into the new year"
        );
        let (from, to) = month_range("2028-02").unwrap();
        assert_eq!(night_count(from, to), 29, "a leap February");
        for bad in ["2026-13", "2026-1", "26-12", "2026/12", "", "2026-12-01"] {
            assert_eq!(
                month_range(bad).unwrap_err().field(),
                Some("month"),
                "{bad:?}"
            );
        }
    }
}
