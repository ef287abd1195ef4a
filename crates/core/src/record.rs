//! What every domain record carries: a UUIDv7 id, and who changed it when.

use chrono::{DateTime, SecondsFormat, Utc};
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
        self.at.to_rfc3339_opts(SecondsFormat::Millis, true)
    }
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
    pub fn today(&self) -> chrono::NaiveDate {
        let jst = chrono::FixedOffset::east_opt(9 * 3600).expect("UTC+9 is a valid offset");
        self.at.with_timezone(&jst).date_naive()
    }
}
