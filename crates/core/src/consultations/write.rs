//! Logging a call: checked quickly (when, who, topic and outcome are all that is required),
//! written in one transaction with its audit row.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use unicode_normalization::UnicodeNormalization;

use crate::cases::validate::{max_len, required};
use crate::consultations::types::*;
use crate::error::{Error, Invalid, Result};
use crate::record::{Stamp, new_id, office, stored_instant};
use crate::store::consultation::{self as table, ConsultationRow};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

const MAX_STAFF: usize = 100;
const MAX_NOTE: usize = 2000;
const MAX_MINUTES: u32 = 24 * 60;

/// When a call came, as typed: `2026-11-24T21:30`, `2026-11-24 21:30(:05)` (the office's
/// time) or RFC 3339 with an offset; full-width digits are fine. Refused at `at` otherwise.
pub(crate) fn parse_at(text: &str) -> Result<DateTime<Utc>> {
    let folded: String = text.nfkc().collect::<String>().trim().to_string();
    if folded.is_empty() {
        return Err(Error::invalid("at", Invalid::Required));
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(&folded) {
        return Ok(at.with_timezone(&Utc));
    }
    let local = folded.replacen(' ', "T", 1);
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&local, f).ok())
        .and_then(|t| t.and_local_timezone(office()).single())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| Error::invalid("at", Invalid::BadDateTime))
}

/// A call as checked, ready to write (the child is checked against the registry on writing).
pub(crate) fn check(input: &ConsultationInput, now: DateTime<Utc>) -> Result<ConsultationRow> {
    let at = parse_at(&input.at)?;
    // A call is logged after it came; a minute's grace covers a form filled in "now".
    if at > now + TimeDelta::minutes(1) {
        return Err(Error::invalid("at", Invalid::DateInFuture));
    }
    let caller_type = input
        .caller_type
        .ok_or_else(|| Error::invalid("caller_type", Invalid::Required))?;
    let topic = input.topic.trim().to_string();
    required("topic", &topic)?;
    let outcome = input
        .outcome
        .ok_or_else(|| Error::invalid("outcome", Invalid::Required))?;
    let staff = input.staff.trim().to_string();
    max_len("staff", &staff, MAX_STAFF)?;
    if let Some(m) = input.minutes
        && m > MAX_MINUTES
    {
        return Err(Error::invalid(
            "minutes",
            Invalid::OutOfRange {
                min: 0,
                max: i64::from(MAX_MINUTES),
            },
        ));
    }
    let note = input.note.trim().to_string();
    max_len("note", &note, MAX_NOTE)?;
    let child_id = input
        .child_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    Ok(ConsultationRow {
        at: stored_instant(at),
        caller_type: caller_type.code().into(),
        child_id,
        search_text: crate::text::search_text(&[&topic, &note, &staff]),
        topic,
        outcome: outcome.code().into(),
        staff,
        minutes: input.minutes,
        note,
    })
}

impl Registry {
    /// Logs a call. Required: when (not in the future), who called, the topic and the outcome;
    /// the child, staff, minutes and note may be left empty.
    pub fn record_consultation(
        &mut self,
        input: &ConsultationInput,
        stamp: &Stamp,
    ) -> Result<Consultation> {
        self.require(Permission::Write)?;
        let row = check(input, stamp.at)?;
        let tx = self.conn.transaction()?;
        if let Some(child_id) = &row.child_id
            && crate::store::child::find(&tx, child_id)?.is_none()
        {
            return Err(Error::NotFound {
                entity: crate::store::child::CHILD,
                id: child_id.clone(),
            });
        }
        let id = new_id(stamp);
        rows::insert(&tx, stamp, table::CONSULTATION, &id, &columns_of(&row))?;
        tx.commit()?;
        self.consultation(&id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        // 2026-11-24 21:40 at the office
        Utc.with_ymd_and_hms(2026, 11, 24, 12, 40, 0).unwrap()
    }

    fn call() -> ConsultationInput {
        ConsultationInput {
            at: "2026-11-24 21:30".into(),
            caller_type: Some(CallerType::Family),
            child_id: None,
            topic: " 夜間の吸引で出血 ".into(),
            outcome: Some(ConsultationOutcome::Advice),
            staff: String::new(),
            minutes: None,
            note: String::new(),
        }
    }

    fn field(input: &ConsultationInput) -> String {
        check(input, now())
            .expect_err("refused")
            .field()
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn a_time_typed_at_the_office_is_japan_time_stored_in_utc() {
        let row = check(&call(), now()).unwrap();
        assert_eq!(row.at, "2026-11-24T12:30:00.000Z");
        assert_eq!(row.topic, "夜間の吸引で出血");
        for typed in [
            "2026-11-24T21:30",
            "２０２６-１１-２４ ２１:３０",
            "2026-11-24T21:30:00+09:00",
            "2026-11-24T12:30:00Z",
        ] {
            assert_eq!(
                parse_at(typed).map(stored_instant).unwrap(),
                "2026-11-24T12:30:00.000Z",
                "{typed}"
            );
        }
    }

    #[test]
    fn only_when_who_topic_and_outcome_are_required() {
        assert!(check(&call(), now()).is_ok());
        let mut i = call();
        i.at = " ".into();
        assert_eq!(field(&i), "at");
        i.at = "昨日の夜".into();
        assert_eq!(field(&i), "at");
        i.at = "2026-11-24 21:42".into();
        assert_eq!(field(&i), "at", "two minutes from now is the future");
        i.at = "2026-11-24 21:41".into();
        assert!(check(&i, now()).is_ok(), "a minute's grace");
        let mut i = call();
        i.caller_type = None;
        assert_eq!(field(&i), "caller_type");
        let mut i = call();
        i.topic = "  ".into();
        assert_eq!(field(&i), "topic");
        let mut i = call();
        i.outcome = None;
        assert_eq!(field(&i), "outcome");
        let mut i = call();
        i.minutes = Some(24 * 60 + 1);
        assert_eq!(field(&i), "minutes");
    }
}
