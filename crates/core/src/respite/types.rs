//! What crosses the boundary for respite (DOMAIN.md §6): a facility's beds by type, the
//! exceptions of given nights, bookings with their lifecycle, the waitlist, and the month of
//! nights with beds used and free.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Lang;
use crate::matching::ConditionCheck;

/// An enum of stable codes with its Japanese and English labels, from one table.
macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => ($code:literal, $ja:literal, $en:literal)),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[doc = $ja] $variant),+
        }

        impl $name {
            /// Every value, in the order lists are sorted by.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }

            pub fn label_ja(self) -> &'static str {
                match self {
                    $($name::$variant => $ja),+
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $($name::$variant => $en),+
                }
            }

            /// The label in `lang`.
            pub fn label(self, lang: crate::error::Lang) -> &'static str {
                match lang {
                    crate::error::Lang::Ja => self.label_ja(),
                    crate::error::Lang::En => self.label_en(),
                }
            }
        }
    };
}
pub(crate) use coded;

coded! {
    /// A kind of respite bed. Facilities count their beds per night by type: a ventilated child
    /// needs a ventilator-capable bed, whatever else is free.
    BedType {
        Ventilator => ("ventilator", "人工呼吸器対応", "Ventilator-capable"),
        Medical => ("medical", "医療型", "Medical"),
        Welfare => ("welfare", "福祉型", "Welfare"),
    }
}

coded! {
    /// Where a booking stands: requested → confirmed → completed / cancelled / no-show; a
    /// request may be cancelled too. Completed, cancelled and no-show are final.
    BookingStatus {
        Requested => ("requested", "申込み", "Requested"),
        Confirmed => ("confirmed", "確定", "Confirmed"),
        Completed => ("completed", "利用済み", "Completed"),
        Cancelled => ("cancelled", "取り消し", "Cancelled"),
        NoShow => ("no_show", "来所なし", "No-show"),
    }
}

impl BookingStatus {
    /// The statuses a booking may move to from this one.
    pub fn next(self) -> &'static [BookingStatus] {
        use BookingStatus::*;
        match self {
            Requested => &[Confirmed, Cancelled],
            Confirmed => &[Completed, Cancelled, NoShow],
            Completed | Cancelled | NoShow => &[],
        }
    }

    pub fn can_move_to(self, next: BookingStatus) -> bool {
        self.next().contains(&next)
    }

    /// Whether the booking holds a bed on its nights (a completed stay held one too).
    pub fn holds_beds(self) -> bool {
        matches!(self, BookingStatus::Confirmed | BookingStatus::Completed)
    }
}

/// The codes of the statuses that hold beds, for queries.
pub(crate) const HOLDING: [&str; 2] = ["confirmed", "completed"];

// ---- Requests -------------------------------------------------------------------------

/// Sets how many beds of one type a facility has each night, and its longest stay in them.
/// Setting it again replaces both; 0 beds keeps the type with no usual beds (exceptions may
/// still add some).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SetBedTypeRequest {
    pub facility_id: String,
    pub bed_type: BedType,
    /// Beds per night, 0–200
    pub beds: u32,
    /// The longest stay the facility takes, in nights, 1–90
    pub max_stay_nights: u32,
    #[serde(default)]
    pub note: String,
}

/// Beds on the nights [from, to) that differ from the usual: 0 closes them, more adds beds.
/// Replaces earlier exceptions of those nights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CapacityExceptionRequest {
    pub facility_id: String,
    pub bed_type: BedType,
    /// ISO date of the first night
    pub from: String,
    /// ISO date after the last night (exclusive); one night when `None`; at most 366 nights
    pub to: Option<String>,
    /// Beds on those nights, 0–200
    pub beds: u32,
    #[serde(default)]
    pub note: String,
}

/// Takes the exceptions of the nights [from, to) away: those nights have the usual beds again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RemoveCapacityExceptionRequest {
    pub facility_id: String,
    pub bed_type: BedType,
    pub from: String,
    /// Exclusive; one night when `None`
    pub to: Option<String>,
}

/// A family's request for a stay: the nights [from, to) in one bed type. It waits on the
/// facility's waitlist until it is confirmed (or cancelled).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BookingRequest {
    pub child_id: String,
    pub facility_id: String,
    pub bed_type: BedType,
    /// ISO date of the first night (today or later)
    pub from: String,
    /// ISO date the child leaves (after `from`; the stay is at most the facility's maximum)
    pub to: String,
    /// Why the stay is wanted (family rest, a sibling's event…), at most 200 characters
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub note: String,
    /// The language the conditions' words are written in
    #[serde(default)]
    pub lang: Lang,
}

/// Confirms a waiting request: the beds of every night and the facility's acceptance
/// conditions are checked first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConfirmBookingRequest {
    pub booking_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    #[serde(default)]
    pub lang: Lang,
}

/// Moves a booking on: completed, cancelled or no-show (confirming is
/// [`crate::Registry::confirm_booking`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MoveBookingRequest {
    pub booking_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub status: BookingStatus,
    /// Why (for a cancellation); replaces the booking's reason when given
    #[serde(default)]
    pub reason: Option<String>,
    /// The language of the conditions' words (when confirming)
    #[serde(default)]
    pub lang: Lang,
}

// ---- Answers --------------------------------------------------------------------------

/// One bed type of a facility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BedTypeSetting {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub bed_type: BedType,
    pub beds: u32,
    pub max_stay_nights: u32,
    pub note: String,
}

/// A booking with its child and facility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Booking {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub child_id: String,
    pub case_number: String,
    pub child_name: String,
    pub facility_id: String,
    pub facility_name: String,
    pub bed_type: BedType,
    /// ISO date of the first night
    pub from: String,
    /// ISO date the child leaves
    pub to: String,
    pub nights: u32,
    pub status: BookingStatus,
    /// When the family asked (UTC): the waitlist's order
    pub requested_at: String,
    /// When the current status was reached (UTC)
    pub status_at: String,
    pub reason: String,
    pub note: String,
}

/// What a booking write answers: the booking as it now is, and what a person should know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BookingSaved {
    pub booking: Booking,
    /// The facility's conditions this child does not meet, with the reasons. A request is
    /// kept with them (the facility may decide otherwise); confirming refuses them, so a
    /// confirmed booking never has any.
    pub unmet: Vec<ConditionCheck>,
    /// Conditions the facility has not answered (or that need a weight on record): they do not
    /// refuse the booking, but should be checked with the facility.
    pub unknown: Vec<ConditionCheck>,
    /// After a confirmed booking is cancelled: the waiting request to offer the freed bed to
    /// first — the earliest requested of the same bed type, sharing a freed night, whose every
    /// night now fits.
    pub offer: Option<Booking>,
}

/// Beds of one type on one night.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NightBeds {
    pub bed_type: BedType,
    /// Beds that night (the usual number, or the exception's)
    pub beds: u32,
    /// Held by confirmed and completed stays
    pub used: u32,
    /// `beds - used` (never below 0)
    pub free: u32,
    /// Requests waiting that include this night
    pub waiting: u32,
    /// Whether an exception (closure, extra beds) set the beds of this night
    pub exception: bool,
}

/// One night of the month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Night {
    /// ISO date of the night (the evening the child sleeps there)
    pub date: String,
    /// One entry per bed type of the facility, in bed type order
    pub beds: Vec<NightBeds>,
}

/// A facility's month of nights, by bed type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FacilityNights {
    pub facility_id: String,
    pub facility_name: String,
    /// YYYY-MM
    pub month: String,
    pub bed_types: Vec<BedTypeSetting>,
    pub nights: Vec<Night>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_serde_form_and_read_back() {
        for &s in BookingStatus::ALL {
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.code().into())
            );
            assert_eq!(BookingStatus::from_code(s.code()), Some(s));
        }
        for &t in BedType::ALL {
            assert_eq!(BedType::from_code(t.code()), Some(t));
        }
    }

    #[test]
    fn the_lifecycle_goes_forward_only() {
        use BookingStatus::*;
        assert!(Requested.can_move_to(Confirmed));
        assert!(Requested.can_move_to(Cancelled));
        assert!(
            !Requested.can_move_to(Completed),
            "a stay that was never confirmed cannot be completed"
        );
        assert!(!Requested.can_move_to(NoShow));
        for to in [Completed, Cancelled, NoShow] {
            assert!(Confirmed.can_move_to(to));
        }
        for end in [Completed, Cancelled, NoShow] {
            for &to in BookingStatus::ALL {
                assert!(!end.can_move_to(to), "{end:?} is final");
            }
        }
    }

    #[test]
    fn only_confirmed_and_completed_stays_hold_beds() {
        let holding: Vec<&str> = BookingStatus::ALL
            .iter()
            .filter(|s| s.holds_beds())
            .map(|s| s.code())
            .collect();
        assert_eq!(holding, HOLDING, "the queries count the same statuses");
    }
}
