//! The rule itself: one child's needs against one provider's conditions, condition by
//! condition, and the order providers are listed in. Pure: no SQL, no clock — the use case
//! reads the child and the providers and passes the target date's facts in.

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::cases::LocationSource;
use crate::domain::care_item::{CareItemCode, CareItemEntry, SuctionFrequency};
use crate::domain::provider_kind::ProviderKind;
use crate::matching::types::{
    Criterion, HomePoint, MatchOutcome, UnknownReason, UnmetReason, Verdict,
};
use crate::providers::{Answer, Conditions};

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

/// What matching needs to know about the child, taken on the target date.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildNeeds {
    /// Whole months from the date of birth to the target date
    pub age_months: u32,
    /// The most recent measurement, kg
    pub weight_kg: Option<f64>,
    /// The care items the child has on the target date, each checked once
    pub care_items: Vec<CareItemCode>,
    /// 6-digit code of the home municipality
    pub municipality_code: String,
    /// The designated city the home ward belongs to: an area listing さいたま市 covers its wards
    pub municipality_parent_code: Option<String>,
    /// The entered coordinates, else the municipality hall's
    pub home: Point,
    /// Whether nights and weekends are checked (see [`needs_nights_and_weekends`])
    pub needs_nights_and_weekends: bool,
}

/// One condition and its verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    pub criterion: Criterion,
    pub verdict: Verdict,
}

/// Every condition of one provider checked against one child.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub outcome: MatchOutcome,
    /// Home to the provider's point, km rounded to 0.1 km (the figure shown, compared and sorted)
    pub distance_km: f64,
    /// `None` when the provider has not answered its service area
    pub in_service_area: Option<bool>,
    /// In a fixed order: children, age, weight, care items, area, nights, weekends, new clients
    pub checks: Vec<Check>,
}

/// The child's home point: its entered coordinates (both of them), else its municipality hall's.
pub fn home_point(lat: Option<f64>, lon: Option<f64>, hall: Point) -> HomePoint {
    match (lat, lon) {
        (Some(lat), Some(lon)) => HomePoint {
            lat,
            lon,
            source: LocationSource::Entered,
        },
        _ => HomePoint {
            lat: hall.lat,
            lon: hall.lon,
            source: LocationSource::MunicipalityHall,
        },
    }
}

/// A provider's point: its own coordinates, else its municipality hall's.
pub fn site_point(lat: Option<f64>, lon: Option<f64>, hall: Point) -> Point {
    match (lat, lon) {
        (Some(lat), Some(lon)) => Point { lat, lon },
        _ => hall,
    }
}

const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A point as haversine reads it: the latitude in radians and its cosine (worked out once per
/// point, so a directory's points can be kept ready), the longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PreparedPoint {
    lat_rad: f64,
    cos_lat: f64,
    lon: f64,
}

impl PreparedPoint {
    pub fn of(p: Point) -> PreparedPoint {
        let lat_rad = p.lat.to_radians();
        PreparedPoint {
            lat_rad,
            cos_lat: lat_rad.cos(),
            lon: p.lon,
        }
    }
}

/// Great-circle distance in km (haversine on the mean Earth radius).
pub fn haversine_km(a: Point, b: Point) -> f64 {
    haversine_prepared_km(PreparedPoint::of(a), PreparedPoint::of(b))
}

/// [`haversine_km`] on prepared points: the same operations in the same order, so the same
/// figure to the last bit.
fn haversine_prepared_km(a: PreparedPoint, b: PreparedPoint) -> f64 {
    let half_dlat = (b.lat_rad - a.lat_rad) / 2.0;
    let half_dlon = (b.lon - a.lon).to_radians() / 2.0;
    let h = half_dlat.sin().powi(2) + a.cos_lat * b.cos_lat * half_dlon.sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// The distance matching shows, compares and sorts: home to site, km rounded to 0.1 km.
pub fn distance_km(home: PreparedPoint, site: PreparedPoint) -> f64 {
    tenth_km(haversine_prepared_km(home, site))
}

/// Distances are shown to 0.1 km; comparing and sorting the shown figure keeps a radius
/// verdict and a tie in the list consistent with what a person reads.
fn tenth_km(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

/// Whether the child needs a provider that comes at night and at weekends: care that cannot
/// wait for office hours — breathing through a ventilator (NPPV and high-flow included) or a
/// tracheostomy, or suction at least hourly — on the target date, and a kind of provider
/// that comes to the home (在宅医, 訪問看護, 訪問介護, 医療機器業者). Other kinds (a school, a
/// day service, a respite bed, a clinic the family visits) are not asked about nights.
pub fn needs_nights_and_weekends(
    items: &[CareItemEntry],
    on: NaiveDate,
    kind: ProviderKind,
) -> bool {
    let comes_home = matches!(
        kind,
        ProviderKind::HomeCareClinic
            | ProviderKind::VisitingNursing
            | ProviderKind::HomeHelp
            | ProviderKind::EquipmentVendor
    );
    comes_home
        && items.iter().filter(|i| i.is_active_on(on)).any(|i| {
            matches!(
                i.code,
                CareItemCode::Ventilator | CareItemCode::Tracheostomy
            ) || (i.code == CareItemCode::Suction
                && i.details.suction_frequency == Some(SuctionFrequency::HourlyOrMore))
        })
}

/// The care items a child has on `on`, in the score table's order, each once.
pub fn care_items_on(items: &[CareItemEntry], on: NaiveDate) -> Vec<CareItemCode> {
    let mut codes: Vec<CareItemCode> = items
        .iter()
        .filter(|i| i.is_active_on(on))
        .map(|i| i.code)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// A yes/no/not-answered question: yes is met, no is unmet for `reason`, not answered is unknown.
pub(super) fn answered(answer: Answer, reason: UnmetReason) -> Verdict {
    match answer {
        Answer::Yes => Verdict::Met,
        Answer::No => Verdict::Unmet { reason },
        Answer::Unknown => Verdict::Unknown {
            reason: UnknownReason::NotAnswered,
        },
    }
}

/// Nights or weekends: the specific answer decides; when it is not answered, 24時間対応 ○
/// covers it.
pub(super) fn out_of_hours(
    answer: Answer,
    around_the_clock: Answer,
    reason: UnmetReason,
) -> Verdict {
    match (answer, around_the_clock) {
        (Answer::Unknown, Answer::Yes) => Verdict::Met,
        _ => answered(answer, reason),
    }
}

/// Age limits are inclusive. The directory stores "no limit" and "not answered" alike as no
/// value, so an absent limit does not hold the child back (as in the directory search).
fn age(child: &ChildNeeds, c: &Conditions) -> Verdict {
    let age_months = child.age_months;
    if let Some(min_months) = c.age_min_months
        && age_months < min_months
    {
        return Verdict::Unmet {
            reason: UnmetReason::AgeBelow {
                min_months,
                age_months,
            },
        };
    }
    if let Some(max_months) = c.age_max_months
        && age_months > max_months
    {
        return Verdict::Unmet {
            reason: UnmetReason::AgeAbove {
                max_months,
                age_months,
            },
        };
    }
    Verdict::Met
}

/// Weight limits are inclusive and read against the latest measurement.
fn weight(child: &ChildNeeds, c: &Conditions) -> Verdict {
    if c.weight_min_kg.is_none() && c.weight_max_kg.is_none() {
        return Verdict::Met;
    }
    let Some(current_kg) = child.weight_kg else {
        return Verdict::Unknown {
            reason: UnknownReason::WeightNotRecorded,
        };
    };
    if let Some(max_kg) = c.weight_max_kg
        && current_kg > max_kg
    {
        return Verdict::Unmet {
            reason: UnmetReason::WeightAbove { max_kg, current_kg },
        };
    }
    if let Some(min_kg) = c.weight_min_kg
        && current_kg < min_kg
    {
        return Verdict::Unmet {
            reason: UnmetReason::WeightBelow { min_kg, current_kg },
        };
    }
    Verdict::Met
}

fn care_item(code: CareItemCode, c: &Conditions) -> Verdict {
    let answer = c
        .care_items
        .iter()
        .find(|a| a.code == code)
        .map_or(Answer::Unknown, |a| a.answer);
    answered(answer, UnmetReason::CareItemRefused { code })
}

/// The home is inside when the area lists its municipality (or the designated city of its
/// ward), or lies within the radius of the provider's point; either one is enough.
fn service_area(child: &ChildNeeds, c: &Conditions, distance_km: f64) -> (Verdict, Option<bool>) {
    let area = &c.service_area;
    if area.municipality_codes.is_empty() && area.radius_km.is_none() {
        return (
            Verdict::Unknown {
                reason: UnknownReason::NotAnswered,
            },
            None,
        );
    }
    let listed = area.municipality_codes.iter().any(|code| {
        *code == child.municipality_code
            || child.municipality_parent_code.as_deref() == Some(code.as_str())
    });
    let within_radius = area.radius_km.is_some_and(|r| distance_km <= r);
    if listed || within_radius {
        return (Verdict::Met, Some(true));
    }
    (
        Verdict::Unmet {
            reason: UnmetReason::OutsideServiceArea {
                listed_municipalities: area.municipality_codes.len() as u32,
                radius_km: area.radius_km,
                distance_km,
            },
        },
        Some(false),
    )
}

/// Runs every check in the fixed order, handing each verdict to `verdict`; returns the
/// distance and whether the home is in the service area. The one place the rule lives:
/// [`evaluate`] keeps the checks, [`classify`] keeps only the outcome.
fn judge(
    child: &ChildNeeds,
    c: &Conditions,
    site: Point,
    verdict: &mut impl FnMut(Criterion, Verdict),
) -> (f64, Option<bool>) {
    let distance_km = distance_km(PreparedPoint::of(child.home), PreparedPoint::of(site));
    verdict(
        Criterion::AcceptsChildren,
        answered(c.accepts_children, UnmetReason::ChildrenNotAccepted),
    );
    verdict(Criterion::Age, age(child, c));
    verdict(Criterion::Weight, weight(child, c));
    for &code in &child.care_items {
        verdict(Criterion::CareItem { code }, care_item(code, c));
    }
    let (area, in_service_area) = service_area(child, c, distance_km);
    verdict(Criterion::ServiceArea, area);
    if child.needs_nights_and_weekends {
        verdict(
            Criterion::Nights,
            out_of_hours(c.nights, c.around_the_clock, UnmetReason::NoNights),
        );
        verdict(
            Criterion::Weekends,
            out_of_hours(c.weekends, c.around_the_clock, UnmetReason::NoWeekends),
        );
    }
    verdict(
        Criterion::TakingNewClients,
        answered(c.taking_new_clients, UnmetReason::NotTakingNewClients),
    );
    (distance_km, in_service_area)
}

/// Checks every condition of a provider at `site` (its point, or its municipality hall's)
/// against the child.
pub fn evaluate(child: &ChildNeeds, conditions: &Conditions, site: Point) -> Evaluation {
    let mut checks = Vec::with_capacity(8 + child.care_items.len());
    let (distance_km, in_service_area) =
        judge(child, conditions, site, &mut |criterion, verdict| {
            checks.push(Check { criterion, verdict })
        });
    Evaluation {
        outcome: outcome_of(&checks),
        distance_km,
        in_service_area,
        checks,
    }
}

/// The outcome and the distance (km, to 0.1) of [`evaluate`], without keeping the checks:
/// the first pass over a whole directory, where only the listed page needs its reasons.
pub fn classify(child: &ChildNeeds, conditions: &Conditions, site: Point) -> (MatchOutcome, f64) {
    let mut outcome = MatchOutcome::AllMet;
    let (distance_km, _) = judge(child, conditions, site, &mut |_, verdict| {
        outcome = outcome.max(outcome_of_verdict(verdict))
    });
    (outcome, distance_km)
}

/// The outcome one verdict alone would give.
pub(super) fn outcome_of_verdict(verdict: Verdict) -> MatchOutcome {
    match verdict {
        Verdict::Met => MatchOutcome::AllMet,
        Verdict::Unknown { .. } => MatchOutcome::SomeUnknown,
        Verdict::Unmet { .. } => MatchOutcome::Unmet,
    }
}

/// Unmet if any condition is unmet; else some unknown if any is unknown; else all met.
pub fn outcome_of(checks: &[Check]) -> MatchOutcome {
    let mut outcome = MatchOutcome::AllMet;
    for c in checks {
        match c.verdict {
            Verdict::Unmet { .. } => return MatchOutcome::Unmet,
            Verdict::Unknown { .. } => outcome = MatchOutcome::SomeUnknown,
            Verdict::Met => {}
        }
    }
    outcome
}

/// The listing order: all met, then some unknown, then unmet; ties by distance (as shown,
/// to 0.1 km), then by reading (`kana` folded with `text::fold`, so 五十音順 whatever kana
/// or width was typed).
pub fn listing_order(a: (MatchOutcome, f64, &str), b: (MatchOutcome, f64, &str)) -> Ordering {
    a.0.cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then_with(|| a.2.cmp(b.2))
}
