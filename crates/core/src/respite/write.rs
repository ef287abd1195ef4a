//! Use cases that change bookings — request, confirm, complete, cancel, no-show — and the
//! helpers the facility's beds (`beds`) share with them.
//!
//! Every write runs in one `BEGIN IMMEDIATE` transaction: it takes the database's write lock
//! before reading anything, so two connections (two users, two windows) confirming the last
//! bed run one after the other, and the second one counts the first one's booking. The
//! capacity rule itself is pure ([`crate::respite::capacity`]).

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::cases::validate::{max_len, parse_date};
use crate::domain::provider_kind::ProviderKind;
use crate::domain::role::Role;
use crate::error::{Error, Invalid, Lang, Result};
use crate::record::{Stamp, new_id};
use crate::respite::acceptance::{self, Acceptance};
use crate::respite::capacity::{Ledger, night_count};
use crate::respite::types::*;
use crate::store::provider::{self as provider_table, StoredProvider};
use crate::store::respite::{self as table, BedTypeRow, BookingRow, Stored};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

const MAX_REASON: usize = 200;
pub(super) const MAX_NOTE: usize = 2000;

/// The write transaction every respite use case runs in: the write lock first, then the reads.
pub(crate) fn immediate(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

pub(crate) fn date_of(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Internal(format!("unreadable date {text} in the database")))
}

pub(super) fn next_day(field: &str, d: NaiveDate) -> Result<NaiveDate> {
    d.checked_add_days(Days::new(1))
        .ok_or_else(|| Error::invalid(field, Invalid::BadDate))
}

pub(super) fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let t = value.trim().to_string();
    max_len(field, &t, max)?;
    Ok(t)
}

/// A live provider that offers respite beds (DOMAIN.md §6: short stay, disabled children's
/// facility, hospital), with its kind; others are refused at `facility_id`.
pub(crate) fn respite_facility(
    conn: &Connection,
    id: &str,
) -> Result<(StoredProvider, ProviderKind)> {
    let id = id.trim();
    let facility = provider_table::find(conn, id)?.ok_or_else(|| Error::NotFound {
        entity: provider_table::PROVIDER,
        id: id.to_string(),
    })?;
    let kind = ProviderKind::ALL
        .into_iter()
        .find(|k| k.code() == facility.row.kind)
        .ok_or_else(|| Error::Internal(format!("unknown provider kind {}", facility.row.kind)))?;
    if !Role::Respite.accepts(kind) {
        return Err(Error::invalid(
            "facility_id",
            Invalid::NotRespiteFacility {
                kind: kind.code_and_label().1,
            },
        ));
    }
    Ok((facility, kind))
}

/// The facility's setting of a bed type; a type it has no beds of is refused at `bed_type`.
pub(super) fn configured(
    conn: &Connection,
    facility_id: &str,
    bed_type: BedType,
) -> Result<Stored<BedTypeRow>> {
    table::bed_type(conn, facility_id, bed_type.code())?
        .ok_or_else(|| Error::invalid("bed_type", Invalid::NoBedsOfType { bed_type }))
}

pub(crate) fn bed_type_of(code: &str) -> Result<BedType> {
    BedType::from_code(code)
        .ok_or_else(|| Error::Internal(format!("unknown bed type {code} in the database")))
}

pub(crate) fn status_of(b: &Stored<BookingRow>) -> Result<BookingStatus> {
    BookingStatus::from_code(&b.row.status)
        .ok_or_else(|| Error::Internal(format!("unknown booking status {}", b.row.status)))
}

/// The nights [from, to) of one bed type as they stand: the facility's usual beds, the
/// exceptions of those nights, and every confirmed or completed stay holding one of them.
pub(crate) fn ledger(
    conn: &Connection,
    facility_id: &str,
    bed_type: BedType,
    usual_beds: u32,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Ledger> {
    let (from_text, to_text) = (from.to_string(), to.to_string());
    let exceptions = table::exceptions(conn, facility_id, &from_text, &to_text)?
        .into_iter()
        .filter(|e| e.row.bed_type == bed_type.code())
        .map(|e| Ok((date_of(&e.row.night)?, e.row.beds)))
        .collect::<Result<Vec<_>>>()?;
    let mut ledger = Ledger::new(from, to, usual_beds, exceptions);
    for b in table::bookings_overlapping(
        conn,
        facility_id,
        bed_type.code(),
        &HOLDING,
        &from_text,
        &to_text,
    )? {
        ledger.hold(date_of(&b.row.from_date)?, date_of(&b.row.to_date)?);
    }
    Ok(ledger)
}

/// A booking request as checked before anything is read: the nights, and the texts.
struct CheckedRequest {
    from: NaiveDate,
    to: NaiveDate,
    reason: String,
    note: String,
}

fn check_request(request: &BookingRequest, today: NaiveDate) -> Result<CheckedRequest> {
    let from = parse_date("from", &request.from)?;
    let to = parse_date("to", &request.to)?;
    if to <= from {
        return Err(Error::invalid("to", Invalid::NoNights));
    }
    if from < today {
        return Err(Error::invalid(
            "from",
            Invalid::DateBefore {
                earliest: today.to_string(),
            },
        ));
    }
    Ok(CheckedRequest {
        from,
        to,
        reason: text("reason", &request.reason, MAX_REASON)?,
        note: text("note", &request.note, MAX_NOTE)?,
    })
}

/// The stay must fit the facility's longest stay in that bed type.
fn refuse_too_long(setting: &Stored<BedTypeRow>, from: NaiveDate, to: NaiveDate) -> Result<()> {
    let nights = night_count(from, to);
    if nights > setting.row.max_stay_nights {
        return Err(Error::invalid(
            "to",
            Invalid::StayTooLong {
                nights,
                max_nights: setting.row.max_stay_nights,
            },
        ));
    }
    Ok(())
}

/// Refuses, at `from`, when the child already has a booking in `statuses` (other than
/// `except_id`) on one of the nights [from, to) — at `facility_id` only, or anywhere.
fn refuse_double_booking(
    conn: &Connection,
    child_id: &str,
    facility_id: Option<&str>,
    statuses: &[&str],
    except_id: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<()> {
    let clash = table::child_bookings_overlapping(
        conn,
        child_id,
        statuses,
        &from.to_string(),
        &to.to_string(),
    )?
    .into_iter()
    .find(|b| b.id != except_id && facility_id.is_none_or(|f| b.row.facility_id == f));
    if let Some(b) = clash {
        let night = date_of(&b.row.from_date)?.max(from);
        let (_, _, facility) = table::names(conn, child_id, &b.row.facility_id)?;
        return Err(Error::invalid(
            "from",
            Invalid::ChildAlreadyBooked {
                night: night.to_string(),
                facility,
            },
        ));
    }
    Ok(())
}

/// Checks a request against the facility and writes it as waiting (`requested`, asked at
/// `stamp.at`); returns it with the facility's verdicts on the child.
fn insert_request(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    request: &BookingRequest,
    checked: &CheckedRequest,
) -> Result<(Stored<BookingRow>, Acceptance)> {
    let child_id = request.child_id.trim();
    if crate::store::child::find(tx, child_id)?.is_none() {
        return Err(Error::NotFound {
            entity: crate::store::child::CHILD,
            id: child_id.to_string(),
        });
    }
    let (facility, kind) = respite_facility(tx, &request.facility_id)?;
    let setting = configured(tx, &facility.id, request.bed_type)?;
    refuse_too_long(&setting, checked.from, checked.to)?;
    // One open booking per child and facility for any night, so the waitlist has no doubles.
    refuse_double_booking(
        tx,
        child_id,
        Some(&facility.id),
        &["requested", "confirmed"],
        "",
        checked.from,
        checked.to,
    )?;
    let id = new_id(stamp);
    let row = BookingRow {
        child_id: child_id.to_string(),
        facility_id: facility.id.clone(),
        bed_type: request.bed_type.code().into(),
        from_date: checked.from.to_string(),
        to_date: checked.to.to_string(),
        status: BookingStatus::Requested.code().into(),
        requested_at: stamp.at_text(),
        status_at: stamp.at_text(),
        reason: checked.reason.clone(),
        note: checked.note.clone(),
    };
    rows::insert(tx, stamp, table::BOOKING, &id, &columns_of(&row))?;
    let returning = table::has_stayed(tx, child_id, &facility.id, &id)?;
    let verdicts = acceptance::check(
        tx,
        child_id,
        &facility,
        kind,
        checked.from,
        returning,
        request.lang,
    )?;
    let stored = table::booking(tx, &id)?.ok_or_else(|| booking_not_found(&id))?;
    Ok((stored, verdicts))
}

/// Confirms a waiting request inside the caller's write transaction, or refuses it: the
/// child's other confirmed stays, the facility's conditions (unmet ones refuse; unknown ones
/// are returned), then the beds of every night. Returns the verdicts.
fn confirm_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    booking: &Stored<BookingRow>,
    lang: Lang,
) -> Result<Acceptance> {
    let status = status_of(booking)?;
    if !status.can_move_to(BookingStatus::Confirmed) {
        return Err(status_change(status, BookingStatus::Confirmed));
    }
    let b = &booking.row;
    let (from, to) = (date_of(&b.from_date)?, date_of(&b.to_date)?);
    let today = stamp.today();
    if from < today {
        return Err(Error::invalid(
            "from",
            Invalid::DateBefore {
                earliest: today.to_string(),
            },
        ));
    }
    let (facility, kind) = respite_facility(tx, &b.facility_id)?;
    let bed_type = bed_type_of(&b.bed_type)?;
    let setting = configured(tx, &facility.id, bed_type)?;
    refuse_too_long(&setting, from, to)?;
    refuse_double_booking(tx, &b.child_id, None, &["confirmed"], &booking.id, from, to)?;
    let returning = table::has_stayed(tx, &b.child_id, &facility.id, &booking.id)?;
    let verdicts = acceptance::check(tx, &b.child_id, &facility, kind, from, returning, lang)?;
    if !verdicts.unmet.is_empty() {
        return Err(Error::invalid(
            "child_id",
            Invalid::ConditionsUnmet {
                reasons: verdicts.unmet_reasons(),
            },
        ));
    }
    let nights = ledger(tx, &facility.id, bed_type, setting.row.beds, from, to)?;
    if let Some(night) = nights.first_full(from, to) {
        return Err(Error::invalid(
            "nights",
            Invalid::NightFull {
                night: night.to_string(),
                bed_type,
            },
        ));
    }
    set_status(tx, stamp, booking, BookingStatus::Confirmed, None)?;
    Ok(verdicts)
}

fn set_status(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    booking: &Stored<BookingRow>,
    status: BookingStatus,
    reason: Option<&str>,
) -> Result<()> {
    let mut cols = rows::Columns::new();
    cols.insert("status".into(), status.code().into());
    cols.insert("status_at".into(), stamp.at_text().into());
    if let Some(reason) = reason {
        cols.insert("reason".into(), reason.into());
    }
    rows::update(
        tx,
        stamp,
        table::BOOKING,
        &booking.id,
        Some(booking.row_version),
        &cols,
    )?;
    Ok(())
}

/// After a confirmed stay was cancelled: the first waiting request (in request order) of the
/// same bed type that shares one of its nights, starts today or later, and now fits on every
/// night.
fn offer_after_cancel(
    tx: &Transaction<'_>,
    cancelled: &Stored<BookingRow>,
    today: NaiveDate,
) -> Result<Option<Stored<BookingRow>>> {
    let c = &cancelled.row;
    let bed_type = bed_type_of(&c.bed_type)?;
    let Some(setting) = table::bed_type(tx, &c.facility_id, bed_type.code())? else {
        return Ok(None);
    };
    let (freed_from, freed_to) = (date_of(&c.from_date)?, date_of(&c.to_date)?);
    for waiting in table::waitlist(tx, &c.facility_id)? {
        let w = &waiting.row;
        let (from, to) = (date_of(&w.from_date)?, date_of(&w.to_date)?);
        let shares_a_night = from < freed_to && to > freed_from;
        if w.bed_type != c.bed_type || !shares_a_night || from < today {
            continue;
        }
        let nights = ledger(tx, &c.facility_id, bed_type, setting.row.beds, from, to)?;
        if nights.first_full(from, to).is_none() {
            return Ok(Some(waiting));
        }
    }
    Ok(None)
}

fn status_change(from: BookingStatus, to: BookingStatus) -> Error {
    Error::invalid("status", Invalid::BookingStatusChange { from, to })
}

pub(crate) fn booking_not_found(id: &str) -> Error {
    Error::NotFound {
        entity: table::BOOKING,
        id: id.to_string(),
    }
}

fn live_booking(conn: &Connection, id: &str) -> Result<Stored<BookingRow>> {
    table::booking(conn, id.trim())?.ok_or_else(|| booking_not_found(id))
}

fn check_version(booking: &Stored<BookingRow>, expected: i64) -> Result<()> {
    if booking.row_version != expected {
        return Err(Error::StaleRecord {
            entity: table::BOOKING,
            id: booking.id.clone(),
        });
    }
    Ok(())
}

impl Registry {
    /// Puts a family's request on the facility's waitlist (asked at `stamp.at`). Refused: no
    /// night (from ≥ to), a first night before today, a stay longer than the facility's
    /// maximum, a facility that offers no respite or no beds of that type, a second open
    /// booking of the child at the facility on the same night. The answer shows the
    /// facility's conditions the child does not meet (confirming will refuse them) and those
    /// not answered.
    pub fn request_booking(
        &mut self,
        request: &BookingRequest,
        stamp: &Stamp,
    ) -> Result<BookingSaved> {
        self.require(Permission::Write)?;
        let checked = check_request(request, stamp.today())?;
        let tx = immediate(&mut self.conn)?;
        let (booking, verdicts) = insert_request(&tx, stamp, request, &checked)?;
        tx.commit()?;
        self.booking_saved(booking, verdicts, None)
    }

    /// Confirms a waiting request, inside one write transaction that first takes the write
    /// lock: refused when the child meets a condition of the facility's not (with the
    /// reasons), when the child has another confirmed stay on one of the nights, or when any
    /// night has no free bed of the type (naming the first full night). Conditions the
    /// facility has not answered do not refuse it; the answer lists them.
    pub fn confirm_booking(
        &mut self,
        request: &ConfirmBookingRequest,
        stamp: &Stamp,
    ) -> Result<BookingSaved> {
        self.require(Permission::Write)?;
        let tx = immediate(&mut self.conn)?;
        let booking = live_booking(&tx, &request.booking_id)?;
        check_version(&booking, request.row_version)?;
        let verdicts = confirm_record(&tx, stamp, &booking, request.lang)?;
        let booking = live_booking(&tx, &booking.id)?;
        tx.commit()?;
        self.booking_saved(booking, verdicts, None)
    }

    /// Requests and confirms a stay at once (`kakehashi respite book`): all of
    /// [`Registry::request_booking`]'s and [`Registry::confirm_booking`]'s checks in one
    /// transaction, so a refusal leaves nothing behind — not even a waiting request.
    pub fn book_respite(
        &mut self,
        request: &BookingRequest,
        stamp: &Stamp,
    ) -> Result<BookingSaved> {
        self.require(Permission::Write)?;
        let checked = check_request(request, stamp.today())?;
        let tx = immediate(&mut self.conn)?;
        let (booking, _) = insert_request(&tx, stamp, request, &checked)?;
        let verdicts = confirm_record(&tx, stamp, &booking, request.lang)?;
        let booking = live_booking(&tx, &booking.id)?;
        tx.commit()?;
        self.booking_saved(booking, verdicts, None)
    }

    /// Moves a booking on: a confirmed stay to completed or no-show (once its first night has
    /// come), a request or a confirmed stay to cancelled (with a reason, if given). Confirming
    /// goes through [`Registry::confirm_booking`]'s checks. When a confirmed stay is cancelled,
    /// the answer names the waiting request to offer the freed bed to first.
    pub fn move_booking(
        &mut self,
        request: &MoveBookingRequest,
        stamp: &Stamp,
    ) -> Result<BookingSaved> {
        self.require(Permission::Write)?;
        if request.status == BookingStatus::Confirmed {
            return self.confirm_booking(
                &ConfirmBookingRequest {
                    booking_id: request.booking_id.clone(),
                    row_version: request.row_version,
                    lang: request.lang,
                },
                stamp,
            );
        }
        let reason = match &request.reason {
            Some(r) => Some(text("reason", r, MAX_REASON)?),
            None => None,
        };
        let tx = immediate(&mut self.conn)?;
        let booking = live_booking(&tx, &request.booking_id)?;
        check_version(&booking, request.row_version)?;
        let current = status_of(&booking)?;
        if !current.can_move_to(request.status) {
            return Err(status_change(current, request.status));
        }
        let from = date_of(&booking.row.from_date)?;
        let after_the_stay_began = matches!(
            request.status,
            BookingStatus::Completed | BookingStatus::NoShow
        );
        if after_the_stay_began && stamp.today() < from {
            return Err(Error::invalid(
                "status",
                Invalid::StayNotStarted {
                    from: from.to_string(),
                },
            ));
        }
        set_status(&tx, stamp, &booking, request.status, reason.as_deref())?;
        let offer =
            if current == BookingStatus::Confirmed && request.status == BookingStatus::Cancelled {
                offer_after_cancel(&tx, &booking, stamp.today())?
            } else {
                None
            };
        let booking = live_booking(&tx, &booking.id)?;
        tx.commit()?;
        self.booking_saved(booking, Acceptance::default(), offer)
    }

    fn booking_saved(
        &self,
        booking: Stored<BookingRow>,
        verdicts: Acceptance,
        offer: Option<Stored<BookingRow>>,
    ) -> Result<BookingSaved> {
        Ok(BookingSaved {
            booking: crate::respite::read::booking_of(&self.conn, booking)?,
            unmet: verdicts.unmet_checks(),
            unknown: verdicts.unknown,
            offer: offer
                .map(|o| crate::respite::read::booking_of(&self.conn, o))
                .transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn request(from: &str, to: &str) -> BookingRequest {
        BookingRequest {
            child_id: "c".into(),
            facility_id: "f".into(),
            bed_type: BedType::Ventilator,
            from: from.into(),
            to: to.into(),
            reason: String::new(),
            note: String::new(),
            lang: Lang::Ja,
        }
    }

    fn field_of<T: std::fmt::Debug>(r: Result<T>) -> String {
        r.expect_err("refused")
            .field()
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn a_stay_needs_at_least_one_night_from_today_on() {
        assert_eq!(
            field_of(check_request(&request("2026-12-03", "2026-12-03"), today()).map(|_| ())),
            "to",
            "from = to is no night"
        );
        assert_eq!(
            field_of(check_request(&request("2026-12-04", "2026-12-03"), today()).map(|_| ())),
            "to"
        );
        assert_eq!(
            field_of(check_request(&request("2026-11-23", "2026-11-25"), today()).map(|_| ())),
            "from",
            "a stay cannot start in the past"
        );
        assert_eq!(
            field_of(check_request(&request("2026-12-xx", "2026-12-05"), today()).map(|_| ())),
            "from"
        );
        let ok = check_request(&request("2026-11-24", "2026-11-25"), today()).unwrap();
        assert_eq!(night_count(ok.from, ok.to), 1, "tonight is bookable");
    }
}
