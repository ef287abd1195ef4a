//! What crosses the boundary for matching: the request, and per provider each condition's
//! verdict as data (criterion, met / unmet with its reason / unknown) plus the same verdict
//! worded in the request's language. The same shapes are the CLI's `match --json`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::{LocationSource, Weight};
use crate::domain::care_item::CareItemCode;
use crate::domain::provider_kind::ProviderKind;
use crate::error::Lang;

/// Which providers of one kind could take this child, and why not the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MatchRequest {
    pub child_id: String,
    pub kind: ProviderKind,
    /// ISO date the child would start with the provider (e.g. the target discharge date): the
    /// age and the care items are taken on it. Defaults to today.
    pub target_date: Option<String>,
    /// Also list providers with an unmet condition (hidden by default; always counted)
    #[serde(default)]
    pub include_unmet: bool,
    /// Most providers listed (default 200, at most 1000); the counts cover every provider
    pub limit: Option<u32>,
    /// The language `words` are written in
    #[serde(default)]
    pub lang: Lang,
}

/// One condition of a provider that a child is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Criterion {
    /// 小児の受け入れ
    AcceptsChildren,
    /// Age in whole months on the target date against the age range
    Age,
    /// The latest weight against the weight range
    Weight,
    /// One care item the child has on the target date
    CareItem { code: CareItemCode },
    /// The home against the municipalities and the radius served
    ServiceArea,
    /// 夜間対応, checked only when the child needs it (see `MatchResult::needs_nights_and_weekends`)
    Nights,
    /// 休日対応, likewise
    Weekends,
    /// 新規受け入れ
    TakingNewClients,
}

/// Why a condition is not met: the facts on both sides, for wording in either language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnmetReason {
    ChildrenNotAccepted,
    AgeBelow {
        min_months: u32,
        age_months: u32,
    },
    AgeAbove {
        max_months: u32,
        age_months: u32,
    },
    WeightBelow {
        min_kg: f64,
        current_kg: f64,
    },
    WeightAbove {
        max_kg: f64,
        current_kg: f64,
    },
    CareItemRefused {
        code: CareItemCode,
    },
    /// Neither the listed municipalities (how many were listed; 0 = no list) nor the radius
    /// (if one was given) covers the home, `distance_km` away.
    OutsideServiceArea {
        listed_municipalities: u32,
        radius_km: Option<f64>,
        distance_km: f64,
    },
    NoNights,
    NoWeekends,
    NotTakingNewClients,
}

/// Why a condition can be neither met nor unmet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum UnknownReason {
    /// 未回答: the provider has not answered this ("not answered" is not "no")
    NotAnswered,
    /// The provider has weight limits but the child has no weight on record
    WeightNotRecorded,
}

/// The verdict on one condition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Unmet { reason: UnmetReason },
    Unknown { reason: UnknownReason },
}

/// One condition checked, as data and in words (e.g. 「体重上限 10kg、現在 12.4kg」).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConditionCheck {
    pub criterion: Criterion,
    pub verdict: Verdict,
    pub words: String,
}

/// Where a provider stands overall; providers are listed in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchOutcome {
    /// Every condition met
    AllMet,
    /// None unmet, at least one unknown
    SomeUnknown,
    /// At least one condition unmet
    Unmet,
}

/// One provider with its verdicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProviderMatch {
    pub provider_id: String,
    pub name: String,
    pub kana: String,
    pub municipality_code: String,
    pub municipality_name: String,
    pub address: String,
    pub phone: String,
    pub outcome: MatchOutcome,
    /// Straight-line (haversine) distance from the child's home point to the provider's
    /// point (its municipality hall's when it has none), in km rounded to 0.1 km
    pub distance_km: f64,
    /// Whether the home is inside the service area; `None` when the area is not answered
    pub in_service_area: Option<bool>,
    pub checks: Vec<ConditionCheck>,
}

/// Where the child's home is taken to be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct HomePoint {
    pub lat: f64,
    pub lon: f64,
    pub source: LocationSource,
}

/// How many providers of the kind fell in each outcome (listed or not).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MatchCounts {
    pub all_met: u32,
    pub some_unknown: u32,
    pub unmet: u32,
}

/// The answer: what was checked about the child, the counts, and the providers in order
/// (all met, then some unknown, then — when asked — unmet; ties by distance, then reading).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MatchResult {
    pub child_id: String,
    pub case_number: String,
    pub kind: ProviderKind,
    /// ISO date the age and care items were taken on
    pub target_date: String,
    pub age_months: u32,
    /// The most recent measurement; `None` when no weight is on record
    pub weight: Option<Weight>,
    /// The care items checked: those the child has on the target date
    pub care_items: Vec<CareItemCode>,
    pub home: HomePoint,
    /// Whether nights and weekends were checked (see `matching` for the rule)
    pub needs_nights_and_weekends: bool,
    pub counts: MatchCounts,
    pub providers: Vec<ProviderMatch>,
}
