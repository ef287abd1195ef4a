//! 超重症児(者)・準超重症児(者) 判定基準 (診療報酬 A212 超重症児(者)入院診療加算): the 14
//! scored items of DOMAIN.md §3.2, read from the child's care items and a few states
//! ([`SevereFactors`]), and the class they give together with condition 1 (mobility).
//!
//! Rule set `a212-2022`. Before release, check against 別添6 別紙14 of the current 通知:
//! items 13 (人工肛門) and 14 (体位交換), and the shorter duration rule for children
//! coming out of a NICU. An older version (1994, 鈴木らの判定基準) weights items differently,
//! which is why every score carries the version that produced it.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::care_item::{
    CareItemCode, CareItemEntry, FeedingRoute, Mobility, SevereFactors, SuctionFrequency,
};

/// Which rule set produced a score; stored with every snapshot.
pub const SEVERE_RULES_VERSION: &str = "a212-2022";

/// Lowest total of 超重症児(者).
const SUPER_SEVERE_MIN: u32 = 25;
/// Lowest total of 準超重症児(者).
const QUASI_SEVERE_MIN: u32 = 10;
/// How long the state must have lasted (condition 2), in months.
const DURATION_MONTHS: u32 = 6;
/// Nebulizer uses per day that count for item 6.
const NEBULIZER_MIN_PER_DAY: u32 = 6;
/// Catheterizations per day that count as 定期導尿 (item 12).
const CATHETERIZATIONS_MIN_PER_DAY: u32 = 3;
/// Position changes per day that count for item 14.
const POSITION_CHANGES_MIN_PER_DAY: u32 = 6;

/// Whether a condition of the 判定基準 holds, as far as the record tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    Met,
    NotMet,
    /// The record lacks what the condition needs.
    Unknown,
}

/// The result of the 判定.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SevereClass {
    /// 超重症児(者): 25 or more, mobility no better than sitting.
    SuperSevere,
    /// 準超重症児(者): 10–24, mobility no better than sitting.
    QuasiSevere,
    /// Under 10, or mobility better than sitting.
    None,
    /// The score would qualify but the child's mobility is not recorded.
    Undetermined,
}

impl SevereClass {
    /// The class of `total` given condition 1. Condition 2 (duration) is not applied: see
    /// [`SevereScore::duration_condition`].
    pub fn decide(total: u32, mobility: Condition) -> SevereClass {
        let by_score = if total >= SUPER_SEVERE_MIN {
            SevereClass::SuperSevere
        } else if total >= QUASI_SEVERE_MIN {
            SevereClass::QuasiSevere
        } else {
            return SevereClass::None;
        };
        match mobility {
            Condition::Met => by_score,
            Condition::NotMet => SevereClass::None,
            Condition::Unknown => SevereClass::Undetermined,
        }
    }
}

/// One counted row of the 判定基準.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SevereLine {
    /// The item's number, 1–14. Item 9 can give two lines: 腸ろう・腸管栄養 and its pump.
    pub item_no: u8,
    /// The row as the 判定基準 words it.
    pub label: String,
    pub points: u32,
    /// What in the child's record made it count.
    pub reason: String,
}

/// The 超重症児(者)・準超重症児(者) 判定 of a child on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SevereScore {
    pub rules_version: String,
    /// The sum of the lines' points.
    pub total: u32,
    pub class: SevereClass,
    /// Condition 1: 運動機能が座位まで.
    pub mobility_condition: Condition,
    /// Condition 2's duration: whether the earliest counted care item started at least six
    /// months before the day. Shown for the coordinator to confirm, not used to decide the
    /// class: the record cannot tell when the whole score was reached, and the shorter rule
    /// for children out of a NICU is still to be confirmed.
    pub duration_condition: Condition,
    /// The rows that counted, by item number.
    pub lines: Vec<SevereLine>,
}

/// A row of the 判定基準: its number, its wording and its points.
#[derive(Clone, Copy)]
struct Row {
    item_no: u8,
    label: &'static str,
    points: u32,
}

const fn row(item_no: u8, label: &'static str, points: u32) -> Row {
    Row {
        item_no,
        label,
        points,
    }
}

// DOMAIN.md §3.2, in its order.
const VENTILATOR: Row = row(1, "レスピレーター管理", 10);
const INTUBATION_OR_TRACHEOSTOMY: Row = row(2, "気管内挿管・気管切開", 8);
const NASOPHARYNGEAL_AIRWAY: Row = row(3, "鼻咽頭エアウェイ", 5);
const OXYGEN_OR_LOW_SATURATION: Row = row(4, "O2吸入 又は SaO2 90%以下の状態が10%以上", 5);
const SUCTION_HOURLY: Row = row(5, "吸引", 8);
const SUCTION_SIX_PER_DAY: Row = row(5, "吸引", 3);
const NEBULIZER: Row = row(6, "ネブライザ 6回/日以上 又は継続使用", 3);
const IVH: Row = row(7, "IVH", 10);
const ORAL_FULL_ASSISTANCE: Row = row(8, "経口摂取(全介助)", 3);
const TUBE_FEEDING: Row = row(8, "経管(経鼻・胃ろう含む)", 5);
const INTESTINAL_FEEDING: Row = row(9, "腸ろう・腸管栄養", 8);
const INTESTINAL_PUMP: Row = row(9, "持続注入ポンプ使用 (腸ろう・腸管栄養時)", 3);
const HYPERTONIA: Row = row(
    10,
    "手術・服薬にても改善しない過緊張で、発汗による更衣と姿勢修正を3回以上/日",
    3,
);
const DIALYSIS: Row = row(11, "継続する透析 (腹膜灌流を含む)", 10);
const CATHETERIZATION: Row = row(12, "定期導尿 (3回/日以上)", 5);
const STOMA: Row = row(13, "人工肛門", 5);
const POSITION_CHANGES: Row = row(14, "体位交換 6回/日以上", 3);

const LOW_SATURATION: &str = "SaO2 90%以下の状態が10%以上";

/// The counted rows and the care items behind them (for the duration condition).
#[derive(Default)]
struct Tally<'a> {
    lines: Vec<SevereLine>,
    from_items: Vec<&'a CareItemEntry>,
}

impl<'a> Tally<'a> {
    fn count(&mut self, row: Row, reason: impl Into<String>, from: Option<&'a CareItemEntry>) {
        self.lines.push(SevereLine {
            item_no: row.item_no,
            label: row.label.to_string(),
            points: row.points,
            reason: reason.into(),
        });
        self.from_items.extend(from);
    }
}

/// The 判定 on `on` from the care items active that day and the child's other states.
pub fn severe_score(
    items: &[CareItemEntry],
    factors: &SevereFactors,
    on: NaiveDate,
) -> SevereScore {
    let active: Vec<&CareItemEntry> = items.iter().filter(|i| i.is_active_on(on)).collect();
    let find = |code: CareItemCode| active.iter().copied().find(|i| i.code == code);
    let label = |item: &CareItemEntry| item.code.rule().label_ja;
    let mut t = Tally::default();

    // 1–3: one care item each.
    for (code, row) in [
        (CareItemCode::Ventilator, VENTILATOR),
        (CareItemCode::Tracheostomy, INTUBATION_OR_TRACHEOSTOMY),
        (CareItemCode::NasopharyngealAirway, NASOPHARYNGEAL_AIRWAY),
    ] {
        if let Some(item) = find(code) {
            t.count(row, label(item), Some(item));
        }
    }

    // 4: oxygen, or low saturation without it; counted once either way.
    match (find(CareItemCode::Oxygen), factors.low_spo2) {
        (Some(oxygen), low) => {
            let reason = if low {
                format!("{}・{LOW_SATURATION}", label(oxygen))
            } else {
                label(oxygen).to_string()
            };
            t.count(OXYGEN_OR_LOW_SATURATION, reason, Some(oxygen));
        }
        (None, true) => t.count(OXYGEN_OR_LOW_SATURATION, LOW_SATURATION, None),
        (None, false) => {}
    }

    // 5: one of the two frequencies; less often, or not recorded, scores nothing.
    if let Some(suction) = find(CareItemCode::Suction) {
        match suction.details.suction_frequency {
            Some(SuctionFrequency::HourlyOrMore) => {
                t.count(SUCTION_HOURLY, "吸引 1回/時間以上", Some(suction));
            }
            Some(SuctionFrequency::SixPerDayOrMore) => {
                t.count(SUCTION_SIX_PER_DAY, "吸引 6回/日以上", Some(suction));
            }
            Some(SuctionFrequency::Less) | None => {}
        }
    }

    // 6
    if let Some(nebulizer) = find(CareItemCode::Nebulizer) {
        let d = &nebulizer.details;
        if d.nebulizer_continuous {
            t.count(NEBULIZER, "ネブライザー 継続使用", Some(nebulizer));
        } else if let Some(n) = d.nebulizer_per_day.filter(|&n| n >= NEBULIZER_MIN_PER_DAY) {
            t.count(NEBULIZER, format!("ネブライザー {n}回/日"), Some(nebulizer));
        }
    }

    // 7
    if let Some(cvc) = find(CareItemCode::CentralVenousCatheter) {
        t.count(IVH, label(cvc), Some(cvc));
    }

    // 8 and 9: a gastric tube (or one whose route is not recorded) is 経管; an intestinal
    // one is 腸ろう・腸管栄養 instead, with the pump on top. Oral feeding with full
    // assistance counts only when there is no gastric tube.
    let feeding = find(CareItemCode::TubeFeeding);
    let route = feeding.and_then(|f| f.details.feeding_route);
    let intestinal = feeding.filter(|_| route.is_some_and(FeedingRoute::is_intestinal));
    match feeding {
        Some(tube) if intestinal.is_none() => {
            let route = route.map_or("経路未入力", FeedingRoute::label_ja);
            t.count(
                TUBE_FEEDING,
                format!("{}（{route}）", label(tube)),
                Some(tube),
            );
        }
        _ if factors.oral_full_assistance => {
            t.count(ORAL_FULL_ASSISTANCE, "経口摂取 全介助", None);
        }
        _ => {}
    }
    if let Some(tube) = intestinal {
        let route = route.map_or("", FeedingRoute::label_ja);
        t.count(
            INTESTINAL_FEEDING,
            format!("{}（{route}）", label(tube)),
            Some(tube),
        );
        if let Some(pump) = find(CareItemCode::TubeFeedingPump) {
            t.count(INTESTINAL_PUMP, label(pump), Some(pump));
        }
    }

    // 10
    if factors.hypertonia_care {
        t.count(HYPERTONIA, "過緊張による更衣と姿勢修正 3回以上/日", None);
    }

    // 11
    if let Some(dialysis) = find(CareItemCode::Dialysis) {
        t.count(DIALYSIS, label(dialysis), Some(dialysis));
    }

    // 12: intermittent catheterization only, three times a day or more.
    if let Some(catheter) = find(CareItemCode::UrinaryCatheterIntermittent)
        && let Some(n) = catheter
            .details
            .catheterizations_per_day
            .filter(|&n| n >= CATHETERIZATIONS_MIN_PER_DAY)
    {
        t.count(
            CATHETERIZATION,
            format!("{} {n}回/日", label(catheter)),
            Some(catheter),
        );
    }

    // 13
    if let Some(stoma) = find(CareItemCode::BowelStoma) {
        t.count(STOMA, label(stoma), Some(stoma));
    }

    // 14
    if let Some(n) = factors
        .position_changes_per_day
        .filter(|&n| n >= POSITION_CHANGES_MIN_PER_DAY)
    {
        t.count(POSITION_CHANGES, format!("体位交換 {n}回/日"), None);
    }

    let total = t.lines.iter().map(|l| l.points).sum();
    let mobility_condition = mobility_condition(factors.mobility);
    SevereScore {
        rules_version: SEVERE_RULES_VERSION.to_string(),
        total,
        class: SevereClass::decide(total, mobility_condition),
        mobility_condition,
        duration_condition: duration_condition(&t.from_items, on),
        lines: t.lines,
    }
}

/// Condition 1, 運動機能が座位まで: lying or sitting at best.
fn mobility_condition(mobility: Option<Mobility>) -> Condition {
    match mobility {
        None => Condition::Unknown,
        Some(Mobility::Bedridden | Mobility::Sitting) => Condition::Met,
        Some(Mobility::WalkingImpaired | Mobility::Walking | Mobility::Running) => {
            Condition::NotMet
        }
    }
}

/// Whether the earliest of the counted care items started six months or more before `on`.
/// When none did and some start dates are missing, a missing one might be early enough, so
/// the answer is unknown rather than not met.
fn duration_condition(counted: &[&CareItemEntry], on: NaiveDate) -> Condition {
    let earliest = counted.iter().filter_map(|i| i.start()).min();
    let long_enough = earliest
        .and_then(|start| start.checked_add_months(Months::new(DURATION_MONTHS)))
        .is_some_and(|six_months_on| six_months_on <= on);
    if long_enough {
        Condition::Met
    } else if counted.is_empty() || counted.iter().any(|i| i.start().is_none()) {
        Condition::Unknown
    } else {
        Condition::NotMet
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care_item::Supervision::Low;
    use crate::domain::care_item::{CareItemCode as C, CareItemDetails};
    use crate::domain::scores::tests::{entry, on};

    fn bedridden() -> SevereFactors {
        SevereFactors {
            mobility: Some(Mobility::Bedridden),
            ..SevereFactors::default()
        }
    }

    fn with(code: CareItemCode, set: impl FnOnce(&mut CareItemDetails)) -> CareItemEntry {
        let mut e = entry(code, Low);
        set(&mut e.details);
        e
    }

    fn score(items: &[CareItemEntry], factors: &SevereFactors) -> SevereScore {
        severe_score(items, factors, on())
    }

    /// (item number, points) of each counted line.
    fn rows(s: &SevereScore) -> Vec<(u8, u32)> {
        s.lines.iter().map(|l| (l.item_no, l.points)).collect()
    }

    #[test]
    fn every_item_of_the_table_scores_its_points_alone() {
        use FeedingRoute::{Gastrostomy, Jejunostomy};
        let f = |set: fn(&mut SevereFactors)| {
            let mut factors = bedridden();
            set(&mut factors);
            factors
        };
        // (what, items, factors, item number, points): DOMAIN.md §3.2 written out by hand.
        let cases: Vec<(&str, Vec<CareItemEntry>, SevereFactors, u8, u32)> = vec![
            (
                "ventilator",
                vec![entry(C::Ventilator, Low)],
                bedridden(),
                1,
                10,
            ),
            (
                "tracheostomy",
                vec![entry(C::Tracheostomy, Low)],
                bedridden(),
                2,
                8,
            ),
            (
                "nasopharyngeal airway",
                vec![entry(C::NasopharyngealAirway, Low)],
                bedridden(),
                3,
                5,
            ),
            ("oxygen", vec![entry(C::Oxygen, Low)], bedridden(), 4, 5),
            ("low SpO2", vec![], f(|f| f.low_spo2 = true), 4, 5),
            (
                "suction hourly",
                vec![with(C::Suction, |d| {
                    d.suction_frequency = Some(SuctionFrequency::HourlyOrMore)
                })],
                bedridden(),
                5,
                8,
            ),
            (
                "suction 6/day",
                vec![with(C::Suction, |d| {
                    d.suction_frequency = Some(SuctionFrequency::SixPerDayOrMore)
                })],
                bedridden(),
                5,
                3,
            ),
            (
                "nebulizer 6/day",
                vec![with(C::Nebulizer, |d| d.nebulizer_per_day = Some(6))],
                bedridden(),
                6,
                3,
            ),
            (
                "nebulizer continuous",
                vec![with(C::Nebulizer, |d| d.nebulizer_continuous = true)],
                bedridden(),
                6,
                3,
            ),
            (
                "IVH",
                vec![entry(C::CentralVenousCatheter, Low)],
                bedridden(),
                7,
                10,
            ),
            (
                "oral full assistance",
                vec![],
                f(|f| f.oral_full_assistance = true),
                8,
                3,
            ),
            (
                "gastrostomy",
                vec![with(C::TubeFeeding, |d| {
                    d.feeding_route = Some(Gastrostomy)
                })],
                bedridden(),
                8,
                5,
            ),
            (
                "jejunostomy",
                vec![with(C::TubeFeeding, |d| {
                    d.feeding_route = Some(Jejunostomy)
                })],
                bedridden(),
                9,
                8,
            ),
            ("hypertonia", vec![], f(|f| f.hypertonia_care = true), 10, 3),
            (
                "dialysis",
                vec![entry(C::Dialysis, Low)],
                bedridden(),
                11,
                10,
            ),
            (
                "catheterization 3/day",
                vec![with(C::UrinaryCatheterIntermittent, |d| {
                    d.catheterizations_per_day = Some(3)
                })],
                bedridden(),
                12,
                5,
            ),
            ("stoma", vec![entry(C::BowelStoma, Low)], bedridden(), 13, 5),
            (
                "position changes 6/day",
                vec![],
                f(|f| f.position_changes_per_day = Some(6)),
                14,
                3,
            ),
        ];
        for (what, items, factors, item_no, points) in cases {
            let s = score(&items, &factors);
            assert_eq!(rows(&s), [(item_no, points)], "{what}");
            assert_eq!(s.total, points, "{what}");
            assert!(!s.lines[0].reason.is_empty(), "{what}: the line says why");
        }
    }

    #[test]
    fn items_outside_the_table_or_below_its_frequencies_score_nothing() {
        let cases: Vec<(&str, CareItemEntry)> = vec![
            (
                "suction less than 6/day",
                with(C::Suction, |d| {
                    d.suction_frequency = Some(SuctionFrequency::Less)
                }),
            ),
            ("suction, frequency not recorded", entry(C::Suction, Low)),
            (
                "nebulizer 5/day",
                with(C::Nebulizer, |d| d.nebulizer_per_day = Some(5)),
            ),
            (
                "catheterization 2/day",
                with(C::UrinaryCatheterIntermittent, |d| {
                    d.catheterizations_per_day = Some(2)
                }),
            ),
            (
                "continuous catheter: not 定期導尿",
                entry(C::UrinaryCatheterContinuous, Low),
            ),
            (
                "subcutaneous injection",
                entry(C::SubcutaneousInjection, Low),
            ),
            ("blood glucose", entry(C::BloodGlucose, Low)),
            ("seizure care", entry(C::SeizureCare, Low)),
            ("enema", entry(C::BowelEnema, Low)),
            ("disimpaction", entry(C::BowelDisimpaction, Low)),
        ];
        for (what, item) in cases {
            assert_eq!(score(&[item], &bedridden()).total, 0, "{what}");
        }
        let five = SevereFactors {
            position_changes_per_day: Some(5),
            ..bedridden()
        };
        assert_eq!(score(&[], &five).total, 0, "5 position changes a day");
    }

    #[test]
    fn the_two_suction_frequencies_are_alternatives_not_a_sum() {
        let hourly = with(C::Suction, |d| {
            d.suction_frequency = Some(SuctionFrequency::HourlyOrMore)
        });
        let s = score(&[hourly], &bedridden());
        assert_eq!(
            rows(&s),
            [(5, 8)],
            "hourly suction is also 6/day, but only 8 counts"
        );
        assert_eq!(s.lines[0].reason, "吸引 1回/時間以上");
    }

    #[test]
    fn oxygen_and_low_saturation_count_once() {
        let factors = SevereFactors {
            low_spo2: true,
            ..bedridden()
        };
        let s = score(&[entry(C::Oxygen, Low)], &factors);
        assert_eq!(rows(&s), [(4, 5)]);
    }

    #[test]
    fn tube_feeding_wins_over_oral_full_assistance() {
        let oral = SevereFactors {
            oral_full_assistance: true,
            ..bedridden()
        };
        let gastric = with(C::TubeFeeding, |d| {
            d.feeding_route = Some(FeedingRoute::Nasogastric)
        });
        assert_eq!(
            rows(&score(&[gastric], &oral)),
            [(8, 5)],
            "item 8 is one of the two: 経管 5, not 5 + 3"
        );
        assert_eq!(
            rows(&score(&[entry(C::TubeFeeding, Low)], &oral)),
            [(8, 5)],
            "a tube without a recorded route counts as 経管"
        );
        assert_eq!(
            rows(&score(&[], &oral)),
            [(8, 3)],
            "no tube: 経口摂取(全介助)"
        );
    }

    #[test]
    fn intestinal_feeding_scores_item_9_instead_of_item_8() {
        for route in [
            FeedingRoute::Nasointestinal,
            FeedingRoute::Gastrojejunal,
            FeedingRoute::Jejunostomy,
        ] {
            let tube = with(C::TubeFeeding, |d| d.feeding_route = Some(route));
            assert_eq!(rows(&score(&[tube], &bedridden())), [(9, 8)], "{route:?}");
        }
        for route in [
            FeedingRoute::Nasogastric,
            FeedingRoute::Gastrostomy,
            FeedingRoute::Esophagostomy,
        ] {
            let tube = with(C::TubeFeeding, |d| d.feeding_route = Some(route));
            assert_eq!(rows(&score(&[tube], &bedridden())), [(8, 5)], "{route:?}");
        }
    }

    #[test]
    fn a_ventilator_and_a_tracheostomy_both_count() {
        let s = score(
            &[entry(C::Ventilator, Low), entry(C::Tracheostomy, Low)],
            &bedridden(),
        );
        assert_eq!(
            rows(&s),
            [(1, 10), (2, 8)],
            "the no-見守り rule is the medical-care score's, not this one's"
        );
    }

    /// Sets of exactly `total` points, for the threshold edges.
    fn items_worth(total: u32) -> (Vec<CareItemEntry>, SevereFactors) {
        let six_a_day = with(C::Suction, |d| {
            d.suction_frequency = Some(SuctionFrequency::SixPerDayOrMore)
        });
        let nebulizer = with(C::Nebulizer, |d| d.nebulizer_continuous = true);
        let hypertonia = SevereFactors {
            hypertonia_care: true,
            ..SevereFactors::default()
        };
        match total {
            // 3 + 3 + 3
            9 => (vec![six_a_day, nebulizer], hypertonia),
            // 10
            10 => (vec![entry(C::Ventilator, Low)], SevereFactors::default()),
            // 10 + 8 + 3 + 3
            24 => (
                vec![
                    entry(C::Ventilator, Low),
                    entry(C::Tracheostomy, Low),
                    six_a_day,
                    nebulizer,
                ],
                SevereFactors::default(),
            ),
            // 10 + 10 + 5
            25 => (
                vec![
                    entry(C::Ventilator, Low),
                    entry(C::CentralVenousCatheter, Low),
                    entry(C::Oxygen, Low),
                ],
                SevereFactors::default(),
            ),
            _ => unreachable!("no set written for {total}"),
        }
    }

    #[test]
    fn class_thresholds_fall_at_10_and_25() {
        for (total, class) in [
            (9, SevereClass::None),
            (10, SevereClass::QuasiSevere),
            (24, SevereClass::QuasiSevere),
            (25, SevereClass::SuperSevere),
        ] {
            let (items, factors) = items_worth(total);
            let factors = SevereFactors {
                mobility: Some(Mobility::Sitting),
                ..factors
            };
            let s = score(&items, &factors);
            assert_eq!((s.total, s.class), (total, class), "total {total}");
        }
    }

    #[test]
    fn mobility_better_than_sitting_means_no_class_whatever_the_score() {
        let (items, _) = items_worth(25);
        for (mobility, condition, class) in [
            (
                Some(Mobility::Bedridden),
                Condition::Met,
                SevereClass::SuperSevere,
            ),
            (
                Some(Mobility::Sitting),
                Condition::Met,
                SevereClass::SuperSevere,
            ),
            (
                Some(Mobility::WalkingImpaired),
                Condition::NotMet,
                SevereClass::None,
            ),
            (
                Some(Mobility::Walking),
                Condition::NotMet,
                SevereClass::None,
            ),
            (
                Some(Mobility::Running),
                Condition::NotMet,
                SevereClass::None,
            ),
            (None, Condition::Unknown, SevereClass::Undetermined),
        ] {
            let factors = SevereFactors {
                mobility,
                ..SevereFactors::default()
            };
            let s = score(&items, &factors);
            assert_eq!(s.total, 25, "mobility never changes the points");
            assert_eq!(
                (s.mobility_condition, s.class),
                (condition, class),
                "{mobility:?}"
            );
        }
    }

    #[test]
    fn unknown_mobility_leaves_a_low_score_at_none() {
        let (items, factors) = items_worth(9);
        assert_eq!(factors.mobility, None);
        let s = score(&items, &factors);
        assert_eq!(s.total, 9);
        assert_eq!(
            (s.mobility_condition, s.class),
            (Condition::Unknown, SevereClass::None),
            "under 10 no mobility could make it qualify"
        );
        let (items, factors) = items_worth(10);
        assert_eq!(
            score(&items, &factors).class,
            SevereClass::Undetermined,
            "at 10 it would qualify if mobility were recorded"
        );
    }

    #[test]
    fn an_ended_item_does_not_count() {
        let mut ventilator = entry(C::Ventilator, Low);
        ventilator.start_date = Some("2024-01-01".into());
        ventilator.end_date = Some("2026-03-31".into());
        let s = score(&[ventilator, entry(C::Oxygen, Low)], &bedridden());
        assert_eq!(rows(&s), [(4, 5)], "the ventilator ended the day before");
    }

    #[test]
    fn the_duration_condition_needs_six_months_since_the_earliest_counted_item() {
        // on() is 2026-04-01.
        let started = |code, date: Option<&str>| {
            let mut e = entry(code, Low);
            e.start_date = date.map(str::to_string);
            e
        };
        let cases = [
            (
                vec![started(C::Ventilator, Some("2025-10-01"))],
                Condition::Met,
            ),
            (
                vec![started(C::Ventilator, Some("2025-10-02"))],
                Condition::NotMet,
            ),
            (
                vec![
                    started(C::Ventilator, Some("2026-03-01")),
                    started(C::Oxygen, Some("2025-09-15")),
                ],
                Condition::Met,
            ),
            (vec![started(C::Ventilator, None)], Condition::Unknown),
            (
                vec![
                    started(C::Ventilator, None),
                    started(C::Oxygen, Some("2026-03-01")),
                ],
                Condition::Unknown,
            ),
            (
                vec![
                    started(C::Ventilator, Some("2026-03-01")),
                    // An old item that scores nothing here does not make the state long.
                    started(C::SeizureCare, Some("2020-01-01")),
                ],
                Condition::NotMet,
            ),
            (vec![], Condition::Unknown),
        ];
        for (items, condition) in cases {
            let s = score(&items, &bedridden());
            assert_eq!(s.duration_condition, condition, "{items:?}");
        }
    }

    #[test]
    fn the_duration_is_shown_but_does_not_decide_the_class() {
        let mut ventilator = entry(C::Ventilator, Low);
        ventilator.start_date = Some("2026-03-01".into());
        let s = score(&[ventilator], &bedridden());
        assert_eq!(s.duration_condition, Condition::NotMet);
        assert_eq!(
            s.class,
            SevereClass::QuasiSevere,
            "the NICU rule may allow shorter durations; the coordinator confirms"
        );
    }

    #[test]
    fn the_score_names_its_rules_and_serialises_with_the_documented_codes() {
        let s = score(&[], &SevereFactors::default());
        assert_eq!(s.rules_version, "a212-2022");
        for (class, code) in [
            (SevereClass::SuperSevere, "super_severe"),
            (SevereClass::QuasiSevere, "quasi_severe"),
            (SevereClass::None, "none"),
            (SevereClass::Undetermined, "undetermined"),
        ] {
            assert_eq!(serde_json::to_value(class).unwrap(), code);
        }
        for (condition, code) in [
            (Condition::Met, "met"),
            (Condition::NotMet, "not_met"),
            (Condition::Unknown, "unknown"),
        ] {
            assert_eq!(serde_json::to_value(condition).unwrap(), code);
        }
    }
}
