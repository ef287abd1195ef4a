//! What every domain record carries: a UUIDv7 id, and who changed it when; and the
//! office's clock (UTC+9) that dates and stored instants are read against.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use uuid::{Timestamp, Uuid};

/// Who is making a change, and when. Use cases take it from their caller instead of
/// reading a clock, so tests control time.
#[derive(Debug, Clone)]
pub struct Stamp {
    pub actor: String,
    pub at: DateTime<Utc>,
}

impl Stamp {
    pub fn new(actor: impl Into<String>, at: DateTime<Utc>) -> Stamp {
        Stamp {
            actor: actor.into(),
            at,
        }
    }

    /// The instant as stored: UTC RFC 3339 with milliseconds, which sorts as text.
    pub fn at_text(&self) -> String {
        stored_instant(self.at)
    }
}

/// The office's offset (Japan, UTC+9): times typed without an offset are the office's.
pub fn office() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("UTC+9 is a valid offset")
}

/// An instant as stored: UTC RFC 3339 with milliseconds (sorts as text).
pub fn stored_instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The start of an office day, as a stored instant.
pub fn start_of_day(day: NaiveDate) -> String {
    let local = day
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_local_timezone(office())
        .single()
        .expect("a fixed offset has one midnight");
    stored_instant(local.with_timezone(&Utc))
}

/// A new UUIDv7 for a record made at `stamp.at`: time-ordered, and unique across laptops
/// (74 random bits), so records can later sync without id collisions.
pub fn new_id(stamp: &Stamp) -> String {
    let ms = stamp.at.timestamp_millis().max(0) as u64;
    let ts = Timestamp::from_unix_time(ms / 1000, ((ms % 1000) * 1_000_000) as u32, 0, 0);
    Uuid::new_v7(ts).to_string()
}

/// A UUIDv7 for a record made at `stamp.at` whose random part is given: for generators
/// that must be reproducible from a seed.
pub fn id_with_random(stamp: &Stamp, random: [u8; 10]) -> String {
    let ms = stamp.at.timestamp_millis().max(0) as u64;
    uuid::Builder::from_unix_timestamp_millis(ms, &random)
        .into_uuid()
        .to_string()
}

impl Stamp {
    /// The calendar date at the office (Japan, UTC+9), which is what "today" means for
    /// dates of birth, due dates and ages.
    pub fn today(&self) -> NaiveDate {
        self.at.with_timezone(&office()).date_naive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_day_starts_at_midnight_japan_time() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(start_of_day(day), "2026-11-30T15:00:00.000Z");
    }
}
