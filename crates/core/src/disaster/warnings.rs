//! The pure rules of preparedness: whether a child is ventilated or power-dependent, how long
//! the batteries last, and what is missing (DOMAIN.md §7). No SQL, no clock: the facts and
//! today come in.

use chrono::{Months, NaiveDate};

use crate::disaster::types::DisasterWarningCode as W;
use crate::disaster::types::{DeviceKind, DisasterProfileInput, DisasterWarning, PowerDevice};
use crate::disaster::words::warning;
use crate::domain::care_item::CareItemCode;
use crate::error::Lang;

/// Below this many hours on batteries a household cannot bridge a day without mains power.
pub const MIN_BATTERY_HOURS: f64 = 24.0;
/// Months at home after which a 個別避難計画 is expected.
pub const INDIVIDUAL_PLAN_MONTHS: u32 = 6;

/// Care items that run on mains power at home besides the ventilator.
const POWERED_CARE: [CareItemCode; 3] = [
    CareItemCode::Oxygen,
    CareItemCode::Suction,
    CareItemCode::TubeFeedingPump,
];

/// What the rules need to know about the child besides the profile.
#[derive(Debug, Clone, Default)]
pub struct ChildFacts {
    /// Care items the child has today.
    pub care_items: Vec<CareItemCode>,
    /// The day the child first went home (the first 在宅 in the status history).
    pub home_since: Option<NaiveDate>,
}

/// The verdict on one child's preparedness.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub ventilated: bool,
    pub power_dependent: bool,
    pub total_battery_hours: Option<f64>,
    pub warnings: Vec<DisasterWarning>,
}

/// How long one device runs on its batteries: internal + external, an absent external
/// battery counting 0; `None` when the internal battery's hours are not known.
pub fn device_hours(d: &PowerDevice) -> Option<f64> {
    Some(d.internal_battery_hours? + d.external_battery_hours.unwrap_or(0.0))
}

/// Assesses `profile` (`None`: never saved) for a child with `facts`, on `today`.
///
/// - ventilated: a ventilator care item or a ventilator device;
/// - power-dependent: ventilated, any device in the profile, or oxygen, suction or a feeding
///   pump among the care items;
/// - total battery hours: the weakest device's [`device_hours`]; unknown when a device's
///   hours are unknown, or when the child is power-dependent by care items and no device is
///   listed;
/// - without a profile the only warning is that there is none (everything else would be a
///   consequence of that).
pub fn assess(
    profile: Option<&DisasterProfileInput>,
    facts: &ChildFacts,
    today: NaiveDate,
    lang: Lang,
) -> Assessment {
    let ventilator_care = facts.care_items.contains(&CareItemCode::Ventilator);
    let powered_care = POWERED_CARE.iter().any(|c| facts.care_items.contains(c));
    let Some(p) = profile else {
        return Assessment {
            ventilated: ventilator_care,
            power_dependent: ventilator_care || powered_care,
            total_battery_hours: None,
            warnings: vec![warning(W::NoProfile, None, lang)],
        };
    };
    let ventilators: Vec<&PowerDevice> = p
        .devices
        .iter()
        .filter(|d| d.kind == DeviceKind::Ventilator)
        .collect();
    let ventilated = ventilator_care || !ventilators.is_empty();
    let power_dependent = ventilated || powered_care || !p.devices.is_empty();
    let total = if p.devices.is_empty() {
        None
    } else {
        p.devices
            .iter()
            .map(device_hours)
            .try_fold(f64::INFINITY, |weakest, h| h.map(|h| weakest.min(h)))
    };
    let mut codes = Vec::new();
    if ventilated
        && !ventilators
            .iter()
            .any(|d| d.external_battery_hours.is_some_and(|h| h > 0.0))
    {
        codes.push(W::VentilatorWithoutExternalBattery);
    }
    if power_dependent {
        match total {
            Some(h) if h < MIN_BATTERY_HOURS => codes.push(W::BatteryUnder24Hours),
            Some(_) => {}
            None => codes.push(W::BatteryHoursUnknown),
        }
        if !p.power_company.registered {
            codes.push(W::NoPowerCompanyRegistration);
        }
    }
    if !p.individual_plan.registered && plan_overdue(facts.home_since, today) {
        codes.push(W::NoIndividualPlan);
    }
    if p.contacts.is_empty() {
        codes.push(W::NoContacts);
    }
    Assessment {
        ventilated,
        power_dependent,
        total_battery_hours: if power_dependent { total } else { None },
        warnings: codes.into_iter().map(|c| warning(c, total, lang)).collect(),
    }
}

/// Whether six months or more have passed since the child went home (home on 15 January:
/// overdue from 15 July; on 31 August: from 28 February).
pub fn plan_overdue(home_since: Option<NaiveDate>, today: NaiveDate) -> bool {
    home_since
        .and_then(|d| d.checked_add_months(Months::new(INDIVIDUAL_PLAN_MONTHS)))
        .is_some_and(|due| due <= today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::disaster::types::DisasterWarningCode;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn device(kind: DeviceKind, internal: Option<f64>, external: Option<f64>) -> PowerDevice {
        PowerDevice {
            kind,
            name: String::new(),
            internal_battery_hours: internal,
            external_battery_hours: external,
        }
    }

    fn codes(a: &Assessment) -> Vec<DisasterWarningCode> {
        a.warnings.iter().map(|w| w.code).collect()
    }

    #[test]
    fn the_weakest_device_decides_the_total() {
        let p = DisasterProfileInput {
            devices: vec![
                device(DeviceKind::Ventilator, Some(4.0), Some(20.0)),
                device(DeviceKind::Suction, Some(1.0), None),
            ],
            ..DisasterProfileInput::default()
        };
        let a = assess(Some(&p), &ChildFacts::default(), d("2026-11-24"), Lang::Ja);
        assert_eq!(a.total_battery_hours, Some(1.0), "suction lasts 1 h");
        assert!(codes(&a).contains(&DisasterWarningCode::BatteryUnder24Hours));
        assert!(!codes(&a).contains(&DisasterWarningCode::VentilatorWithoutExternalBattery));
    }

    #[test]
    fn six_months_at_home_is_counted_by_the_calendar() {
        assert!(!plan_overdue(Some(d("2026-01-15")), d("2026-07-14")));
        assert!(plan_overdue(Some(d("2026-01-15")), d("2026-07-15")));
        assert!(plan_overdue(Some(d("2026-08-31")), d("2027-02-28")));
        assert!(
            !plan_overdue(None, d("2030-01-01")),
            "never home, never overdue"
        );
    }
}
