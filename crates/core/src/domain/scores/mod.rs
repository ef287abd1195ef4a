//! The official scores computed from a child's care items, as pure, versioned rule sets:
//! [`medical_care`] (医療的ケア判定スコア, DOMAIN.md §3.1) and [`severe`]
//! (超重症児(者)・準超重症児(者) 判定基準, DOMAIN.md §3.2). Each takes the day to score
//! (only items active that day count) and returns its total, its breakdown and the version
//! of the rules that produced it, so a stored snapshot can say which rules it followed.

pub mod medical_care;
pub mod severe;

#[cfg(test)]
mod tests {
    use chrono::{Days, NaiveDate};
    use proptest::prelude::*;

    use super::medical_care::{MedicalCareBand, medical_care_score};
    use super::severe::{SevereClass, severe_score};
    use crate::domain::care_item::{
        CareItemCode, CareItemDetails, CareItemEntry, FeedingRoute, Mobility, SevereFactors,
        SuctionFrequency, Supervision, validate_care_items,
    };

    /// The day every test scores on.
    pub(super) fn on() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
    }

    /// An ongoing item with no details and no dates.
    pub(super) fn entry(code: CareItemCode, supervision: Supervision) -> CareItemEntry {
        CareItemEntry {
            code,
            supervision,
            details: CareItemDetails::default(),
            start_date: None,
            end_date: None,
        }
    }

    /// `item`, ended the day before [`on`].
    pub(super) fn ended(mut item: CareItemEntry) -> CareItemEntry {
        item.start_date = Some("2025-01-01".into());
        item.end_date = Some("2026-03-31".into());
        item
    }

    /// One row of DOMAIN.md §3.1.
    pub(super) struct TableRow {
        pub code: CareItemCode,
        pub base: u32,
        pub high: Option<u32>,
        pub medium: Option<u32>,
    }

    const fn r(code: CareItemCode, base: u32, high: Option<u32>, medium: Option<u32>) -> TableRow {
        TableRow {
            code,
            base,
            high,
            medium,
        }
    }

    /// DOMAIN.md §3.1 copied by hand (not from CARE_ITEM_RULES, so that a wrong rule table
    /// fails the tests). 低 is 0 for every row.
    pub(super) const DOMAIN_3_1: [TableRow; 19] = {
        use CareItemCode as C;
        [
            r(C::Ventilator, 10, Some(2), Some(1)),
            r(C::Tracheostomy, 8, Some(2), None),
            r(C::NasopharyngealAirway, 5, Some(1), None),
            r(C::Oxygen, 8, Some(1), None),
            r(C::Suction, 8, Some(1), None),
            r(C::Nebulizer, 3, None, None),
            r(C::TubeFeeding, 8, Some(2), None),
            r(C::TubeFeedingPump, 3, Some(1), None),
            r(C::CentralVenousCatheter, 8, Some(2), None),
            r(C::SubcutaneousInjection, 5, Some(1), None),
            r(C::SubcutaneousPump, 3, Some(1), None),
            r(C::BloodGlucose, 3, Some(1), None),
            r(C::Dialysis, 8, Some(2), None),
            r(C::UrinaryCatheterIntermittent, 5, None, None),
            r(C::UrinaryCatheterContinuous, 3, Some(1), None),
            r(C::BowelStoma, 5, Some(1), None),
            r(C::BowelDisimpaction, 5, None, None),
            r(C::BowelEnema, 3, None, None),
            r(C::SeizureCare, 3, Some(2), None),
        ]
    };

    /// The levels a hand-copied row allows, with their points.
    fn levels(row: &TableRow) -> Vec<(Supervision, u32)> {
        let mut levels = Vec::new();
        levels.extend(row.high.map(|p| (Supervision::High, p)));
        levels.extend(row.medium.map(|p| (Supervision::Medium, p)));
        levels.push((Supervision::Low, 0));
        levels
    }

    fn tube_feeding(route: FeedingRoute) -> CareItemEntry {
        let mut e = entry(CareItemCode::TubeFeeding, Supervision::Low);
        e.details.feeding_route = Some(route);
        e
    }

    #[test]
    fn a_pump_with_gastric_feeding_counts_only_in_the_medical_care_score() {
        let items = [
            tube_feeding(FeedingRoute::Gastrostomy),
            entry(CareItemCode::TubeFeedingPump, Supervision::Low),
        ];
        let bedridden = SevereFactors {
            mobility: Some(Mobility::Bedridden),
            ..SevereFactors::default()
        };
        assert_eq!(
            medical_care_score(&items, on()).total,
            8 + 3,
            "医療的ケア: the pump is a row of its own"
        );
        assert_eq!(
            severe_score(&items, &bedridden, on()).total,
            5,
            "超重症児: the pump counts only with 腸ろう・腸管栄養"
        );
    }

    #[test]
    fn a_pump_with_intestinal_feeding_adds_3_to_item_9() {
        let items = [
            tube_feeding(FeedingRoute::Jejunostomy),
            entry(CareItemCode::TubeFeedingPump, Supervision::Low),
        ];
        let severe = severe_score(&items, &SevereFactors::default(), on());
        assert_eq!(
            severe
                .lines
                .iter()
                .map(|l| (l.item_no, l.points))
                .collect::<Vec<_>>(),
            [(9, 8), (9, 3)],
            "腸ろう 8 + pump 3, and not 経管's 5"
        );
        assert_eq!(medical_care_score(&items, on()).total, 8 + 3);
    }

    #[test]
    fn the_journey_child_is_staffed_1_to_1_and_super_severe() {
        // The end-to-end journey of issue 3: ventilator, tracheostomy, suction once an hour,
        // gastrostomy feeding.
        let mut suction = entry(CareItemCode::Suction, Supervision::High);
        suction.details.suction_frequency = Some(SuctionFrequency::HourlyOrMore);
        let mut feeding = tube_feeding(FeedingRoute::Gastrostomy);
        feeding.supervision = Supervision::High;
        let items = [
            entry(CareItemCode::Ventilator, Supervision::High),
            entry(CareItemCode::Tracheostomy, Supervision::High),
            suction,
            feeding,
        ];
        let medical = medical_care_score(&items, on());
        assert_eq!(
            medical.total,
            (10 + 2) + 8 + (8 + 1) + (8 + 2),
            "the tracheostomy's 見守り is dropped beside the ventilator"
        );
        assert_eq!(medical.band, MedicalCareBand::Staffing1To1);
        let severe = severe_score(
            &items,
            &SevereFactors {
                mobility: Some(Mobility::Bedridden),
                ..SevereFactors::default()
            },
            on(),
        );
        assert_eq!(severe.total, 10 + 8 + 8 + 5);
        assert_eq!(severe.class, SevereClass::SuperSevere);
    }

    /// What the generator draws for one care item of the table.
    #[derive(Debug, Clone)]
    struct Draw {
        include: bool,
        level: prop::sample::Index,
        route: Option<prop::sample::Index>,
        suction: Option<prop::sample::Index>,
        nebulizer_per_day: Option<u32>,
        nebulizer_continuous: bool,
        catheterizations_per_day: Option<u32>,
        /// Days before `on`.
        start_days_before: Option<u64>,
        /// Days after the start (or after `on` − 1000 days when the start is unknown).
        end_days_after: Option<u64>,
    }

    fn draw() -> impl Strategy<Value = Draw> {
        (
            (
                any::<bool>(),
                any::<prop::sample::Index>(),
                proptest::option::of(any::<prop::sample::Index>()),
                proptest::option::of(any::<prop::sample::Index>()),
                proptest::option::of(0u32..=200),
            ),
            (
                any::<bool>(),
                proptest::option::of(0u32..=200),
                proptest::option::of(0u64..1500),
                proptest::option::of(0u64..2000),
            ),
        )
            .prop_map(
                |((include, level, route, suction, neb), (cont, cath, start, end))| Draw {
                    include,
                    level,
                    route,
                    suction,
                    nebulizer_per_day: neb,
                    nebulizer_continuous: cont,
                    catheterizations_per_day: cath,
                    start_days_before: start,
                    end_days_after: end,
                },
            )
    }

    fn factors() -> impl Strategy<Value = SevereFactors> {
        let mobility = proptest::option::of(proptest::sample::select(vec![
            Mobility::Bedridden,
            Mobility::Sitting,
            Mobility::WalkingImpaired,
            Mobility::Walking,
            Mobility::Running,
        ]));
        (
            mobility,
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(0u32..20),
        )
            .prop_map(
                |(mobility, low_spo2, oral, hypertonia, turns)| SevereFactors {
                    mobility,
                    low_spo2,
                    oral_full_assistance: oral,
                    hypertonia_care: hypertonia,
                    position_changes_per_day: turns,
                },
            )
    }

    /// A valid item set built from one draw per table row, with each item's expected
    /// 医療的ケア points (before the ventilator rule) and whether it is active on `on`.
    fn build(draws: &[Draw]) -> Vec<(CareItemEntry, u32, bool)> {
        use CareItemCode as C;
        let routes = [
            FeedingRoute::Nasogastric,
            FeedingRoute::Gastrostomy,
            FeedingRoute::Esophagostomy,
            FeedingRoute::Nasointestinal,
            FeedingRoute::Gastrojejunal,
            FeedingRoute::Jejunostomy,
        ];
        let frequencies = [
            SuctionFrequency::HourlyOrMore,
            SuctionFrequency::SixPerDayOrMore,
            SuctionFrequency::Less,
        ];
        let mut built = Vec::new();
        for (row, d) in DOMAIN_3_1.iter().zip(draws) {
            if !d.include {
                continue;
            }
            let levels = levels(row);
            let (supervision, supervision_points) = levels[d.level.index(levels.len())];
            let mut e = entry(row.code, supervision);
            match row.code {
                C::TubeFeeding => {
                    e.details.feeding_route = d.route.map(|i| routes[i.index(routes.len())]);
                }
                C::Suction => {
                    e.details.suction_frequency =
                        d.suction.map(|i| frequencies[i.index(frequencies.len())]);
                }
                C::Nebulizer => {
                    e.details.nebulizer_per_day = d.nebulizer_per_day;
                    e.details.nebulizer_continuous = d.nebulizer_continuous;
                }
                C::UrinaryCatheterIntermittent => {
                    e.details.catheterizations_per_day = d.catheterizations_per_day;
                }
                _ => {}
            }
            let start = d.start_days_before.map(|n| on() - Days::new(n));
            let end = d
                .end_days_after
                .map(|n| start.unwrap_or(on() - Days::new(1000)) + Days::new(n));
            e.start_date = start.map(|s| s.to_string());
            e.end_date = end.map(|s| s.to_string());
            let active = start.is_none_or(|s| s <= on()) && end.is_none_or(|e| e >= on());
            built.push((e, row.base + supervision_points, active));
        }
        // A pump is only entered with its base item.
        let codes: Vec<CareItemCode> = built.iter().map(|(e, ..)| e.code).collect();
        built.retain(|(e, ..)| match e.code {
            C::TubeFeedingPump => codes.contains(&C::TubeFeeding),
            C::SubcutaneousPump => codes.contains(&C::SubcutaneousInjection),
            _ => true,
        });
        built
    }

    proptest! {
        #[test]
        fn totals_are_the_sum_of_their_lines_and_of_the_table(
            draws in proptest::collection::vec(draw(), 19),
            factors in factors(),
        ) {
            let built = build(&draws);
            let items: Vec<CareItemEntry> = built.iter().map(|(e, ..)| e.clone()).collect();
            prop_assert!(
                validate_care_items(&items, on()).is_ok(),
                "the generator makes only valid sets: {:?}",
                validate_care_items(&items, on())
            );

            let medical = medical_care_score(&items, on());
            prop_assert_eq!(medical.total, medical.lines.iter().map(|l| l.points).sum::<u32>());
            for line in &medical.lines {
                prop_assert_eq!(line.points, line.base + line.supervision_points);
            }
            // Independently: the hand-copied table, active items only, and a tracheostomy
            // beside an active ventilator keeps only its base points.
            let ventilated = built
                .iter()
                .any(|(e, _, active)| *active && e.code == CareItemCode::Ventilator);
            let expected: u32 = built
                .iter()
                .filter(|(_, _, active)| *active)
                .map(|(e, points, _)| {
                    let base = DOMAIN_3_1.iter().find(|r| r.code == e.code).unwrap().base;
                    if ventilated && e.code == CareItemCode::Tracheostomy { base } else { *points }
                })
                .sum();
            prop_assert_eq!(medical.total, expected);
            prop_assert_eq!(medical.band, MedicalCareBand::for_total(medical.total));

            let severe = severe_score(&items, &factors, on());
            prop_assert_eq!(severe.total, severe.lines.iter().map(|l| l.points).sum::<u32>());
            prop_assert_eq!(
                severe.class,
                SevereClass::decide(severe.total, severe.mobility_condition)
            );
        }
    }
}
