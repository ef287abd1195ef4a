//! The respite tables (`respite_bed_type`, `respite_capacity_exception`, `respite_booking`):
//! row structs (written through `store::rows`, their field names are the columns) and reads.
//! Dates are ISO text, so comparing them as text compares them as dates.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::Result;

pub const BED_TYPE: &str = "respite_bed_type";
pub const EXCEPTION: &str = "respite_capacity_exception";
pub const BOOKING: &str = "respite_booking";

#[derive(Debug, Clone, Serialize)]
pub struct BedTypeRow {
    pub facility_id: String,
    pub bed_type: String,
    pub beds: u32,
    pub max_stay_nights: u32,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExceptionRow {
    pub facility_id: String,
    pub bed_type: String,
    pub night: String,
    pub beds: u32,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BookingRow {
    pub child_id: String,
    pub facility_id: String,
    pub bed_type: String,
    pub from_date: String,
    pub to_date: String,
    pub status: String,
    pub requested_at: String,
    pub status_at: String,
    pub reason: String,
    pub note: String,
}

/// A live row as read back, with its id and row version.
#[derive(Debug, Clone)]
pub struct Stored<R> {
    pub id: String,
    pub row_version: i64,
    pub row: R,
}

fn bed_type_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored<BedTypeRow>> {
    Ok(Stored {
        id: r.get(0)?,
        row_version: r.get(1)?,
        row: BedTypeRow {
            facility_id: r.get(2)?,
            bed_type: r.get(3)?,
            beds: r.get(4)?,
            max_stay_nights: r.get(5)?,
            note: r.get(6)?,
        },
    })
}

const BED_TYPE_COLUMNS: &str =
    "id, row_version, facility_id, bed_type, beds, max_stay_nights, note";

/// The live bed types of a facility, in code order.
pub fn bed_types(conn: &Connection, facility_id: &str) -> Result<Vec<Stored<BedTypeRow>>> {
    let sql = format!(
        "SELECT {BED_TYPE_COLUMNS} FROM respite_bed_type
         WHERE facility_id = ?1 AND deleted_at IS NULL ORDER BY bed_type"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([facility_id], bed_type_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The live setting of one bed type at a facility.
pub fn bed_type(
    conn: &Connection,
    facility_id: &str,
    bed_type: &str,
) -> Result<Option<Stored<BedTypeRow>>> {
    let sql = format!(
        "SELECT {BED_TYPE_COLUMNS} FROM respite_bed_type
         WHERE facility_id = ?1 AND bed_type = ?2 AND deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([facility_id, bed_type], bed_type_row)
        .optional()?)
}

fn exception_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored<ExceptionRow>> {
    Ok(Stored {
        id: r.get(0)?,
        row_version: r.get(1)?,
        row: ExceptionRow {
            facility_id: r.get(2)?,
            bed_type: r.get(3)?,
            night: r.get(4)?,
            beds: r.get(5)?,
            note: r.get(6)?,
        },
    })
}

/// The live exceptions of a facility on the nights [from, to), every bed type, by night.
pub fn exceptions(
    conn: &Connection,
    facility_id: &str,
    from: &str,
    to: &str,
) -> Result<Vec<Stored<ExceptionRow>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, row_version, facility_id, bed_type, night, beds, note
         FROM respite_capacity_exception
         WHERE facility_id = ?1 AND night >= ?2 AND night < ?3 AND deleted_at IS NULL
         ORDER BY night, bed_type",
    )?;
    let rows = stmt.query_map([facility_id, from, to], exception_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const BOOKING_COLUMNS: &str = "b.id, b.row_version, b.child_id, b.facility_id, b.bed_type,
    b.from_date, b.to_date, b.status, b.requested_at, b.status_at, b.reason, b.note";

fn booking_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored<BookingRow>> {
    Ok(Stored {
        id: r.get(0)?,
        row_version: r.get(1)?,
        row: BookingRow {
            child_id: r.get(2)?,
            facility_id: r.get(3)?,
            bed_type: r.get(4)?,
            from_date: r.get(5)?,
            to_date: r.get(6)?,
            status: r.get(7)?,
            requested_at: r.get(8)?,
            status_at: r.get(9)?,
            reason: r.get(10)?,
            note: r.get(11)?,
        },
    })
}

/// A live booking.
pub fn booking(conn: &Connection, id: &str) -> Result<Option<Stored<BookingRow>>> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM respite_booking b WHERE b.id = ?1 AND b.deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], booking_row)
        .optional()?)
}

/// Live bookings of a facility's bed type in the given statuses (codes) that hold at least
/// one of the nights [from, to).
pub fn bookings_overlapping(
    conn: &Connection,
    facility_id: &str,
    bed_type: &str,
    statuses: &[&str],
    from: &str,
    to: &str,
) -> Result<Vec<Stored<BookingRow>>> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM respite_booking b
         WHERE b.facility_id = ?1 AND b.bed_type = ?2 AND b.deleted_at IS NULL
           AND b.status IN (SELECT value FROM json_each(?3))
           AND b.from_date < ?5 AND b.to_date > ?4
         ORDER BY b.from_date, b.id"
    );
    let statuses = serde_json::to_string(statuses).expect("codes serialise");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![facility_id, bed_type, statuses, from, to],
        booking_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Live bookings of a facility (any bed type) in the given statuses that hold at least one of
/// the nights [from, to).
pub fn facility_bookings_overlapping(
    conn: &Connection,
    facility_id: &str,
    statuses: &[&str],
    from: &str,
    to: &str,
) -> Result<Vec<Stored<BookingRow>>> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM respite_booking b
         WHERE b.facility_id = ?1 AND b.deleted_at IS NULL
           AND b.status IN (SELECT value FROM json_each(?2))
           AND b.from_date < ?4 AND b.to_date > ?3
         ORDER BY b.from_date, b.id"
    );
    let statuses = serde_json::to_string(statuses).expect("codes serialise");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![facility_id, statuses, from, to], booking_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Live bookings of a child in the given statuses that hold one of the nights [from, to),
/// at any facility.
pub fn child_bookings_overlapping(
    conn: &Connection,
    child_id: &str,
    statuses: &[&str],
    from: &str,
    to: &str,
) -> Result<Vec<Stored<BookingRow>>> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM respite_booking b
         WHERE b.child_id = ?1 AND b.deleted_at IS NULL
           AND b.status IN (SELECT value FROM json_each(?2))
           AND b.from_date < ?4 AND b.to_date > ?3
         ORDER BY b.from_date, b.id"
    );
    let statuses = serde_json::to_string(statuses).expect("codes serialise");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![child_id, statuses, from, to], booking_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Whether the child has had a confirmed or completed stay at the facility (other than
/// `except_id`): such a child is not a new client there.
pub fn has_stayed(
    conn: &Connection,
    child_id: &str,
    facility_id: &str,
    except_id: &str,
) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM respite_booking
             WHERE child_id = ?1 AND facility_id = ?2 AND id <> ?3 AND deleted_at IS NULL
               AND status IN ('confirmed', 'completed')",
        )?
        .exists([child_id, facility_id, except_id])?)
}

/// The waiting requests of a facility in request order (the earliest asked first).
pub fn waitlist(conn: &Connection, facility_id: &str) -> Result<Vec<Stored<BookingRow>>> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM respite_booking b
         WHERE b.facility_id = ?1 AND b.status = 'requested' AND b.deleted_at IS NULL
         ORDER BY b.requested_at, b.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([facility_id], booking_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Every live booking of a child, the latest stay first.
pub fn bookings_of_child(conn: &Connection, child_id: &str) -> Result<Vec<Stored<BookingRow>>> {
    let sql = format!(
        "SELECT {BOOKING_COLUMNS} FROM respite_booking b
         WHERE b.child_id = ?1 AND b.deleted_at IS NULL
         ORDER BY b.from_date DESC, b.requested_at DESC, b.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([child_id], booking_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// What a booking shows of its child and facility: (case number, child name, facility name).
pub fn names(
    conn: &Connection,
    child_id: &str,
    facility_id: &str,
) -> Result<(String, String, String)> {
    Ok(conn
        .prepare_cached(
            "SELECT (SELECT case_number FROM child WHERE id = ?1),
                    (SELECT name FROM child WHERE id = ?1),
                    (SELECT name FROM provider WHERE id = ?2)",
        )?
        .query_row([child_id, facility_id], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            ))
        })?)
}
