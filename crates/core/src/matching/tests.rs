//! The matching rule, condition by condition: each criterion met, unmet and unknown; the age
//! on the target date; the service area by list and by radius; nights and weekends only when
//! needed; the outcome and the listing order; the reasons in words.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::evaluate::*;
use super::types::*;
use super::words::{age_words, check_words};
use crate::cases::LocationSource;
use crate::cases::read::months_between;
use crate::domain::care_item::{
    CareItemCode, CareItemDetails, CareItemEntry, SuctionFrequency, Supervision,
};
use crate::domain::provider_kind::ProviderKind;
use crate::error::Lang;
use crate::providers::{Answer, CareItemAnswer, Conditions, ServiceArea};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// 川越市役所 and a point about 11 km east of it.
const KAWAGOE: Point = Point {
    lat: 35.9251,
    lon: 139.4858,
};
const ELEVEN_KM_EAST: Point = Point {
    lat: 35.9251,
    lon: 139.6075,
};

/// A ventilated 2-year-old of 12.4 kg at home in 川越市.
fn child() -> ChildNeeds {
    ChildNeeds {
        age_months: 30,
        weight_kg: Some(12.4),
        care_items: vec![CareItemCode::Ventilator, CareItemCode::TubeFeeding],
        municipality_code: "112011".into(),
        municipality_parent_code: None,
        home: KAWAGOE,
        needs_nights_and_weekends: true,
    }
}

/// Conditions that take that child: every answer yes, 川越市 listed.
fn welcoming() -> Conditions {
    Conditions {
        accepts_children: Answer::Yes,
        age_min_months: Some(0),
        age_max_months: Some(18 * 12),
        weight_min_kg: None,
        weight_max_kg: Some(30.0),
        care_items: vec![
            CareItemAnswer {
                code: CareItemCode::Ventilator,
                answer: Answer::Yes,
            },
            CareItemAnswer {
                code: CareItemCode::TubeFeeding,
                answer: Answer::Yes,
            },
        ],
        service_area: ServiceArea {
            municipality_codes: vec!["112011".into()],
            radius_km: None,
        },
        nights: Answer::Yes,
        weekends: Answer::Yes,
        around_the_clock: Answer::Unknown,
        taking_new_clients: Answer::Yes,
        free_text: String::new(),
    }
}

fn verdict_of(e: &Evaluation, criterion: Criterion) -> Verdict {
    e.checks
        .iter()
        .find(|c| c.criterion == criterion)
        .unwrap_or_else(|| panic!("{criterion:?} was not checked: {:?}", e.checks))
        .verdict
}

fn run(child: &ChildNeeds, c: &Conditions) -> Evaluation {
    evaluate(child, c, KAWAGOE)
}

const NOT_ANSWERED: Verdict = Verdict::Unknown {
    reason: UnknownReason::NotAnswered,
};

#[test]
fn a_provider_answering_yes_to_everything_is_all_met_in_a_fixed_order() {
    let e = run(&child(), &welcoming());
    assert_eq!(e.outcome, MatchOutcome::AllMet, "{:?}", e.checks);
    let order: Vec<Criterion> = e.checks.iter().map(|c| c.criterion).collect();
    assert_eq!(
        order,
        vec![
            Criterion::AcceptsChildren,
            Criterion::Age,
            Criterion::Weight,
            Criterion::CareItem {
                code: CareItemCode::Ventilator
            },
            Criterion::CareItem {
                code: CareItemCode::TubeFeeding
            },
            Criterion::ServiceArea,
            Criterion::Nights,
            Criterion::Weekends,
            Criterion::TakingNewClients,
        ],
        "the same conditions in the same order for every provider, so the UI can line them up"
    );
    assert_eq!(e.in_service_area, Some(true));
    assert_eq!(e.distance_km, 0.0, "the provider sits at the home point");
}

#[test]
fn accepting_children_is_met_unmet_or_unknown_as_answered() {
    for (answer, expected) in [
        (Answer::Yes, Verdict::Met),
        (
            Answer::No,
            Verdict::Unmet {
                reason: UnmetReason::ChildrenNotAccepted,
            },
        ),
        (Answer::Unknown, NOT_ANSWERED),
    ] {
        let c = Conditions {
            accepts_children: answer,
            ..welcoming()
        };
        assert_eq!(
            verdict_of(&run(&child(), &c), Criterion::AcceptsChildren),
            expected,
            "{answer:?}"
        );
    }
}

#[test]
fn taking_new_clients_is_met_unmet_or_unknown_as_answered() {
    for (answer, expected, outcome) in [
        (Answer::Yes, Verdict::Met, MatchOutcome::AllMet),
        (
            Answer::No,
            Verdict::Unmet {
                reason: UnmetReason::NotTakingNewClients,
            },
            MatchOutcome::Unmet,
        ),
        (Answer::Unknown, NOT_ANSWERED, MatchOutcome::SomeUnknown),
    ] {
        let c = Conditions {
            taking_new_clients: answer,
            ..welcoming()
        };
        let e = run(&child(), &c);
        assert_eq!(verdict_of(&e, Criterion::TakingNewClients), expected);
        assert_eq!(e.outcome, outcome, "{answer:?}");
    }
}

#[test]
fn age_is_checked_in_whole_months_on_the_target_date_across_a_birthday() {
    // Born 2024-06-10; the provider takes children up to 24 months (inclusive).
    let dob = d("2024-06-10");
    let c = Conditions {
        age_max_months: Some(24),
        ..welcoming()
    };
    let on = |target: &str| {
        let needs = ChildNeeds {
            age_months: months_between(dob, d(target)),
            ..child()
        };
        verdict_of(&run(&needs, &c), Criterion::Age)
    };
    assert_eq!(on("2026-06-09"), Verdict::Met, "23 months the day before");
    assert_eq!(on("2026-06-10"), Verdict::Met, "24 months is still inside");
    assert_eq!(on("2026-07-09"), Verdict::Met, "not yet 25 months");
    assert_eq!(
        on("2026-07-10"),
        Verdict::Unmet {
            reason: UnmetReason::AgeAbove {
                max_months: 24,
                age_months: 25
            }
        },
        "25 months on the target date is over the limit"
    );
}

#[test]
fn age_below_the_minimum_is_unmet_and_absent_limits_hold_nobody_back() {
    let young = ChildNeeds {
        age_months: 5,
        ..child()
    };
    let c = Conditions {
        age_min_months: Some(6),
        ..welcoming()
    };
    assert_eq!(
        verdict_of(&run(&young, &c), Criterion::Age),
        Verdict::Unmet {
            reason: UnmetReason::AgeBelow {
                min_months: 6,
                age_months: 5
            }
        }
    );
    let open = Conditions {
        age_min_months: None,
        age_max_months: None,
        ..welcoming()
    };
    assert_eq!(
        verdict_of(&run(&young, &open), Criterion::Age),
        Verdict::Met,
        "the directory cannot tell no limit from not answered; like its search, no limit"
    );
}

#[test]
fn weight_is_checked_against_both_limits_inclusively() {
    let at = |kg: f64, min: Option<f64>, max: Option<f64>| {
        let needs = ChildNeeds {
            weight_kg: Some(kg),
            ..child()
        };
        let c = Conditions {
            weight_min_kg: min,
            weight_max_kg: max,
            ..welcoming()
        };
        verdict_of(&run(&needs, &c), Criterion::Weight)
    };
    assert_eq!(
        at(12.4, None, Some(10.0)),
        Verdict::Unmet {
            reason: UnmetReason::WeightAbove {
                max_kg: 10.0,
                current_kg: 12.4
            }
        }
    );
    assert_eq!(
        at(10.0, None, Some(10.0)),
        Verdict::Met,
        "the limit itself is inside"
    );
    assert_eq!(
        at(2.4, Some(2.5), None),
        Verdict::Unmet {
            reason: UnmetReason::WeightBelow {
                min_kg: 2.5,
                current_kg: 2.4
            }
        }
    );
    assert_eq!(at(2.5, Some(2.5), Some(10.0)), Verdict::Met);
    assert_eq!(at(80.0, None, None), Verdict::Met, "no limits");
}

#[test]
fn weight_limits_without_a_weight_on_record_are_unknown_not_met() {
    let unweighed = ChildNeeds {
        weight_kg: None,
        ..child()
    };
    let e = run(&unweighed, &welcoming());
    assert_eq!(
        verdict_of(&e, Criterion::Weight),
        Verdict::Unknown {
            reason: UnknownReason::WeightNotRecorded
        }
    );
    assert_eq!(e.outcome, MatchOutcome::SomeUnknown);
    let no_limits = Conditions {
        weight_max_kg: None,
        ..welcoming()
    };
    assert_eq!(
        verdict_of(&run(&unweighed, &no_limits), Criterion::Weight),
        Verdict::Met,
        "nothing to compare with"
    );
}

#[test]
fn each_care_item_is_accepted_refused_or_not_answered() {
    let ventilator = Criterion::CareItem {
        code: CareItemCode::Ventilator,
    };
    for (answer, expected) in [
        (Some(Answer::Yes), Verdict::Met),
        (
            Some(Answer::No),
            Verdict::Unmet {
                reason: UnmetReason::CareItemRefused {
                    code: CareItemCode::Ventilator,
                },
            },
        ),
        (Some(Answer::Unknown), NOT_ANSWERED),
        (None, NOT_ANSWERED),
    ] {
        let mut c = welcoming();
        c.care_items.retain(|a| a.code != CareItemCode::Ventilator);
        if let Some(answer) = answer {
            c.care_items.push(CareItemAnswer {
                code: CareItemCode::Ventilator,
                answer,
            });
        }
        let e = run(&child(), &c);
        assert_eq!(verdict_of(&e, ventilator), expected, "{answer:?}");
        assert_eq!(
            verdict_of(
                &e,
                Criterion::CareItem {
                    code: CareItemCode::TubeFeeding
                }
            ),
            Verdict::Met,
            "the other item is judged on its own answer"
        );
    }
}

#[test]
fn an_item_the_child_does_not_have_is_not_checked_even_when_refused() {
    let mut c = welcoming();
    c.care_items.push(CareItemAnswer {
        code: CareItemCode::Dialysis,
        answer: Answer::No,
    });
    assert_eq!(run(&child(), &c).outcome, MatchOutcome::AllMet);
}

fn entry(code: CareItemCode, start: Option<&str>, end: Option<&str>) -> CareItemEntry {
    CareItemEntry {
        code,
        supervision: Supervision::Low,
        details: CareItemDetails::default(),
        start_date: start.map(str::to_string),
        end_date: end.map(str::to_string),
    }
}

#[test]
fn care_items_are_those_the_child_has_on_the_target_date() {
    let items = [
        entry(CareItemCode::Oxygen, None, Some("2026-03-31")),
        entry(CareItemCode::Ventilator, Some("2026-05-01"), None),
        entry(CareItemCode::Suction, Some("2025-01-01"), None),
    ];
    assert_eq!(
        care_items_on(&items, d("2026-04-15")),
        vec![CareItemCode::Suction],
        "oxygen ended before, the ventilator starts after"
    );
    assert_eq!(
        care_items_on(&items, d("2026-05-01")),
        vec![CareItemCode::Ventilator, CareItemCode::Suction],
        "score-table order, start date inclusive"
    );
}

fn area(codes: &[&str], radius_km: Option<f64>) -> Conditions {
    Conditions {
        service_area: ServiceArea {
            municipality_codes: codes.iter().map(|c| c.to_string()).collect(),
            radius_km,
        },
        ..welcoming()
    }
}

#[test]
fn the_service_area_by_list_covers_the_home_municipality_or_its_designated_city() {
    let e = evaluate(&child(), &area(&["112011", "112089"], None), ELEVEN_KM_EAST);
    assert_eq!(verdict_of(&e, Criterion::ServiceArea), Verdict::Met);
    assert_eq!(e.in_service_area, Some(true));

    let e = evaluate(&child(), &area(&["112089"], None), ELEVEN_KM_EAST);
    assert_eq!(
        verdict_of(&e, Criterion::ServiceArea),
        Verdict::Unmet {
            reason: UnmetReason::OutsideServiceArea {
                listed_municipalities: 1,
                radius_km: None,
                distance_km: e.distance_km,
            }
        }
    );
    assert_eq!(e.in_service_area, Some(false));

    // A child in 浦和区 (a ward of さいたま市) and an area listing さいたま市 as a whole.
    let in_ward = ChildNeeds {
        municipality_code: "111074".into(),
        municipality_parent_code: Some("111007".into()),
        ..child()
    };
    let e = evaluate(&in_ward, &area(&["111007"], None), ELEVEN_KM_EAST);
    assert_eq!(e.in_service_area, Some(true), "the city covers its wards");
}

#[test]
fn the_service_area_by_radius_compares_the_haversine_distance_in_km() {
    let e = evaluate(&child(), &area(&[], Some(12.0)), ELEVEN_KM_EAST);
    assert!(
        (10.5..11.5).contains(&e.distance_km),
        "about 11 km: {}",
        e.distance_km
    );
    assert_eq!(verdict_of(&e, Criterion::ServiceArea), Verdict::Met);

    let e = evaluate(&child(), &area(&[], Some(10.0)), ELEVEN_KM_EAST);
    assert_eq!(
        verdict_of(&e, Criterion::ServiceArea),
        Verdict::Unmet {
            reason: UnmetReason::OutsideServiceArea {
                listed_municipalities: 0,
                radius_km: Some(10.0),
                distance_km: e.distance_km,
            }
        }
    );

    let e = evaluate(&child(), &area(&["112089"], Some(12.0)), ELEVEN_KM_EAST);
    assert_eq!(
        e.in_service_area,
        Some(true),
        "either the list or the radius is enough"
    );
}

#[test]
fn an_unanswered_service_area_is_unknown_with_no_inside_or_outside() {
    let e = evaluate(&child(), &area(&[], None), ELEVEN_KM_EAST);
    assert_eq!(verdict_of(&e, Criterion::ServiceArea), NOT_ANSWERED);
    assert_eq!(e.in_service_area, None);
    assert!(e.distance_km > 10.0, "the distance is known all the same");
}

#[test]
fn the_home_point_is_the_entered_one_else_the_municipality_hall() {
    let entered = home_point(Some(35.9), Some(139.5), KAWAGOE);
    assert_eq!(
        (entered.lat, entered.lon, entered.source),
        (35.9, 139.5, LocationSource::Entered)
    );
    let hall = home_point(Some(35.9), None, KAWAGOE);
    assert_eq!(
        (hall.lat, hall.lon, hall.source),
        (KAWAGOE.lat, KAWAGOE.lon, LocationSource::MunicipalityHall),
        "half a coordinate is no point"
    );
    assert_eq!(site_point(None, None, KAWAGOE), KAWAGOE);
    assert_eq!(
        site_point(Some(36.0), Some(139.0), KAWAGOE),
        Point {
            lat: 36.0,
            lon: 139.0
        }
    );
}

#[test]
fn haversine_gives_known_distances() {
    let tokyo = Point {
        lat: 35.6812,
        lon: 139.7671,
    };
    let osaka = Point {
        lat: 34.7025,
        lon: 135.4959,
    };
    let km = haversine_km(tokyo, osaka);
    assert!(
        (400.0..406.0).contains(&km),
        "Tokyo–Osaka stations ≈ 403 km: {km}"
    );
    assert_eq!(haversine_km(osaka, tokyo), km, "symmetric");
    assert_eq!(haversine_km(tokyo, tokyo), 0.0);
}

#[test]
fn nights_and_weekends_are_needed_for_breathing_support_from_home_visiting_kinds() {
    let on = d("2026-06-01");
    let ventilator = [entry(CareItemCode::Ventilator, None, None)];
    assert!(needs_nights_and_weekends(
        &ventilator,
        on,
        ProviderKind::VisitingNursing
    ));
    assert!(needs_nights_and_weekends(
        &[entry(CareItemCode::Tracheostomy, None, None)],
        on,
        ProviderKind::HomeCareClinic
    ));
    assert!(
        !needs_nights_and_weekends(&ventilator, on, ProviderKind::School),
        "a school is not asked about nights"
    );
    assert!(
        !needs_nights_and_weekends(
            &[entry(CareItemCode::Ventilator, None, Some("2026-05-31"))],
            on,
            ProviderKind::VisitingNursing
        ),
        "the ventilator was weaned off before the target date"
    );
    let suction = |f| {
        let mut e = entry(CareItemCode::Suction, None, None);
        e.details.suction_frequency = Some(f);
        [e]
    };
    assert!(needs_nights_and_weekends(
        &suction(SuctionFrequency::HourlyOrMore),
        on,
        ProviderKind::HomeHelp
    ));
    assert!(!needs_nights_and_weekends(
        &suction(SuctionFrequency::SixPerDayOrMore),
        on,
        ProviderKind::HomeHelp
    ));
    assert!(!needs_nights_and_weekends(
        &[entry(CareItemCode::TubeFeeding, None, None)],
        on,
        ProviderKind::VisitingNursing
    ));
}

#[test]
fn nights_and_weekends_are_met_unmet_or_unknown_and_24h_covers_an_unanswered_one() {
    let case = |nights, around_the_clock| {
        let c = Conditions {
            nights,
            weekends: nights,
            around_the_clock,
            ..welcoming()
        };
        let e = run(&child(), &c);
        (
            verdict_of(&e, Criterion::Nights),
            verdict_of(&e, Criterion::Weekends),
        )
    };
    assert_eq!(case(Answer::Yes, Answer::No), (Verdict::Met, Verdict::Met));
    assert_eq!(
        case(Answer::No, Answer::Unknown),
        (
            Verdict::Unmet {
                reason: UnmetReason::NoNights
            },
            Verdict::Unmet {
                reason: UnmetReason::NoWeekends
            }
        )
    );
    assert_eq!(
        case(Answer::Unknown, Answer::Unknown),
        (NOT_ANSWERED, NOT_ANSWERED)
    );
    assert_eq!(
        case(Answer::Unknown, Answer::Yes),
        (Verdict::Met, Verdict::Met),
        "24時間対応 ○ covers nights and weekends not answered separately"
    );
    assert_eq!(
        case(Answer::No, Answer::Yes).0,
        Verdict::Unmet {
            reason: UnmetReason::NoNights
        },
        "an explicit no wins over 24h"
    );
}

#[test]
fn nights_and_weekends_are_not_checked_when_not_needed() {
    let c = Conditions {
        nights: Answer::No,
        weekends: Answer::No,
        ..welcoming()
    };
    let needs = ChildNeeds {
        needs_nights_and_weekends: false,
        ..child()
    };
    let e = run(&needs, &c);
    assert!(
        e.checks
            .iter()
            .all(|c| !matches!(c.criterion, Criterion::Nights | Criterion::Weekends)),
        "{:?}",
        e.checks
    );
    assert_eq!(e.outcome, MatchOutcome::AllMet);
}

#[test]
fn one_unmet_condition_outweighs_any_number_of_unknowns() {
    let c = Conditions {
        accepts_children: Answer::Unknown,
        nights: Answer::Unknown,
        weight_max_kg: Some(10.0),
        ..welcoming()
    };
    assert_eq!(run(&child(), &c).outcome, MatchOutcome::Unmet);
}

#[test]
fn the_listing_order_is_all_met_then_unknown_then_unmet_then_distance_then_reading() {
    let mut rows = [
        (MatchOutcome::Unmet, 0.5, "ア"),
        (MatchOutcome::SomeUnknown, 1.0, "イ"),
        (MatchOutcome::AllMet, 9.0, "ウ"),
        (MatchOutcome::AllMet, 2.0, "カ"),
        (MatchOutcome::AllMet, 2.0, "オ"),
        (MatchOutcome::SomeUnknown, 0.2, "エ"),
    ];
    rows.sort_by(|a, b| listing_order(*a, *b));
    let kana: Vec<&str> = rows.iter().map(|r| r.2).collect();
    assert_eq!(
        kana,
        vec!["オ", "カ", "ウ", "エ", "イ", "ア"],
        "all met first (a tie at 2.0 km in 五十音順), then unknown by distance, then unmet"
    );
}

#[test]
fn distances_are_rounded_to_a_tenth_of_a_km_so_a_near_tie_is_a_tie() {
    let a = evaluate(
        &child(),
        &welcoming(),
        Point {
            lat: KAWAGOE.lat + 0.0100,
            lon: KAWAGOE.lon,
        },
    );
    let b = evaluate(
        &child(),
        &welcoming(),
        Point {
            lat: KAWAGOE.lat - 0.0101,
            lon: KAWAGOE.lon,
        },
    );
    assert_eq!(a.distance_km, 1.1);
    assert_eq!(
        a.distance_km, b.distance_km,
        "1.11 km and 1.12 km both read 1.1 km; the reading decides"
    );
}

#[test]
fn reasons_are_worded_with_both_figures_in_japanese_and_english() {
    let over = Verdict::Unmet {
        reason: UnmetReason::WeightAbove {
            max_kg: 10.0,
            current_kg: 12.4,
        },
    };
    assert_eq!(
        check_words(Criterion::Weight, over, Lang::Ja),
        "体重上限 10kg、現在 12.4kg"
    );
    assert_eq!(
        check_words(Criterion::Weight, over, Lang::En),
        "Weight limit 10 kg; now 12.4 kg"
    );
    let ventilator = Criterion::CareItem {
        code: CareItemCode::Ventilator,
    };
    assert_eq!(
        check_words(ventilator, NOT_ANSWERED, Lang::Ja),
        "人工呼吸器の管理 未回答"
    );
    assert_eq!(
        check_words(ventilator, NOT_ANSWERED, Lang::En),
        "Ventilator: not answered"
    );
    let outside = Verdict::Unmet {
        reason: UnmetReason::OutsideServiceArea {
            listed_municipalities: 2,
            radius_km: Some(10.0),
            distance_km: 12.3,
        },
    };
    assert_eq!(
        check_words(Criterion::ServiceArea, outside, Lang::Ja),
        "サービス提供地域外（自宅の市町村は対象外、半径 10km に対し自宅まで 12.3km）"
    );
    let old = Verdict::Unmet {
        reason: UnmetReason::AgeAbove {
            max_months: 72,
            age_months: 74,
        },
    };
    assert_eq!(
        check_words(Criterion::Age, old, Lang::Ja),
        "年齢上限 6歳、対象日の年齢 6歳2か月"
    );
    assert_eq!(age_words(8, Lang::Ja), "8か月");
    assert_eq!(age_words(27, Lang::En), "2 y 3 m");
}

#[test]
fn a_check_is_worded_in_the_language_asked_with_the_condition_named_first() {
    let ventilator = Criterion::CareItem {
        code: CareItemCode::Ventilator,
    };
    assert_eq!(
        check_words(ventilator, Verdict::Met, Lang::Ja),
        "人工呼吸器の管理 ○"
    );
    assert_eq!(
        check_words(ventilator, Verdict::Met, Lang::En),
        "Ventilator: met",
        "an English item name starts the label with a capital"
    );
    assert_eq!(ventilator.label(Lang::En), "Ventilator");
    assert_eq!(
        check_words(Criterion::Nights, Verdict::Met, Lang::Ja),
        "夜間対応 ○"
    );
    assert_eq!(
        check_words(Criterion::Nights, NOT_ANSWERED, Lang::En),
        "Nights: not answered"
    );
    let unweighed = Verdict::Unknown {
        reason: UnknownReason::WeightNotRecorded,
    };
    assert_eq!(
        check_words(Criterion::Weight, unweighed, Lang::Ja),
        "体重制限あり、体重の記録なし"
    );
    assert_eq!(
        check_words(Criterion::Weight, unweighed, Lang::En),
        "The provider has weight limits; no weight on record"
    );
}

fn any_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unknown)]
}

proptest! {
    /// QUALITY.md: matching never shows a provider whose known condition is unmet as met.
    #[test]
    fn a_known_refusal_is_never_listed_as_met(
        accepts in any_answer(),
        new_clients in any_answer(),
        ventilator in any_answer(),
        nights in any_answer(),
        around_the_clock in any_answer(),
        max_kg in proptest::option::of(5.0f64..40.0),
        kg in proptest::option::of(2.0f64..40.0),
        age_max in proptest::option::of(0u32..240),
        age in 0u32..240,
        radius in proptest::option::of(1.0f64..30.0),
        listed in proptest::bool::ANY,
    ) {
        let needs = ChildNeeds { weight_kg: kg, age_months: age, ..child() };
        let c = Conditions {
            accepts_children: accepts,
            taking_new_clients: new_clients,
            care_items: vec![CareItemAnswer { code: CareItemCode::Ventilator, answer: ventilator }],
            nights,
            around_the_clock,
            weight_max_kg: max_kg,
            age_max_months: age_max,
            service_area: ServiceArea {
                municipality_codes: if listed { vec!["112011".into()] } else { vec![] },
                radius_km: radius,
            },
            ..welcoming()
        };
        let e = evaluate(&needs, &c, ELEVEN_KM_EAST);
        let known_refusal = accepts == Answer::No
            || new_clients == Answer::No
            || ventilator == Answer::No
            || nights == Answer::No
            || matches!((kg, max_kg), (Some(kg), Some(max)) if kg > max)
            || age_max.is_some_and(|max| age > max)
            || (!listed && radius.is_some_and(|r| r < 10.0));
        if known_refusal {
            prop_assert_eq!(e.outcome, MatchOutcome::Unmet, "{:?}", e.checks);
        }
        if e.outcome == MatchOutcome::AllMet {
            prop_assert!(e.checks.iter().all(|c| c.verdict == Verdict::Met));
        }
        prop_assert_eq!(e.outcome, outcome_of(&e.checks));
        prop_assert_eq!(
            classify(&needs, &c, ELEVEN_KM_EAST),
            (e.outcome, e.distance_km),
            "the first pass ranks exactly as the full evaluation"
        );
    }
}

// The compact index (the first pass over a cached directory) against the rule itself.

/// A few municipalities: the child's (川越市), a ward and its designated city (浦和区,
/// さいたま市), a neighbour (所沢市), and a code no municipality has.
const CODES: [&str; 5] = ["112011", "111074", "111007", "112089", "999999"];

/// Points around 川越市: the same few again and again, so distances tie.
fn any_site() -> impl Strategy<Value = Point> {
    (0usize..4, 0usize..4).prop_map(|(dlat, dlon)| Point {
        lat: KAWAGOE.lat + 0.05 * dlat as f64,
        lon: KAWAGOE.lon + 0.07 * dlon as f64,
    })
}

/// A distance between two of those points as shown (to 0.1 km): a radius exactly on the edge.
fn a_shown_distance() -> impl Strategy<Value = f64> {
    (any_site(), any_site()).prop_map(|(a, b)| (haversine_km(a, b) * 10.0).round() / 10.0)
}

fn any_code() -> impl Strategy<Value = CareItemCode> {
    proptest::sample::select(
        crate::domain::care_item::CARE_ITEM_RULES
            .iter()
            .map(|r| r.code)
            .collect::<Vec<_>>(),
    )
}

/// Any conditions, unanswered parts and odd ones included: an item answered twice, a
/// municipality listed twice, limits that exclude everybody.
fn any_conditions() -> impl Strategy<Value = Conditions> {
    (
        (
            any_answer(),
            any_answer(),
            any_answer(),
            any_answer(),
            any_answer(),
        ),
        (
            proptest::option::of(0u32..60),
            proptest::option::of(0u32..240),
            proptest::option::of(prop_oneof![2.0f64..40.0, Just(12.4)]),
            proptest::option::of(prop_oneof![2.0f64..40.0, Just(12.4)]),
        ),
        proptest::collection::vec((any_code(), any_answer()), 0..8),
        proptest::collection::vec(proptest::sample::select(CODES.to_vec()), 0..4),
        proptest::option::of(prop_oneof![0.0f64..30.0, a_shown_distance()]),
    )
        .prop_map(
            |(
                (accepts, new_clients, nights, weekends, around_the_clock),
                (age_min, age_max, weight_min, weight_max),
                items,
                codes,
                radius_km,
            )| Conditions {
                accepts_children: accepts,
                age_min_months: age_min,
                age_max_months: age_max,
                weight_min_kg: weight_min,
                weight_max_kg: weight_max,
                care_items: items
                    .into_iter()
                    .map(|(code, answer)| CareItemAnswer { code, answer })
                    .collect(),
                service_area: ServiceArea {
                    municipality_codes: codes.into_iter().map(String::from).collect(),
                    radius_km,
                },
                nights,
                weekends,
                around_the_clock,
                taking_new_clients: new_clients,
                free_text: String::new(),
            },
        )
}

/// Any child: at home in one of the municipalities (in a ward of さいたま市 or not).
fn any_needs() -> impl Strategy<Value = ChildNeeds> {
    (
        0u32..240,
        proptest::option::of(prop_oneof![2.0f64..40.0, Just(12.4)]),
        proptest::collection::vec(any_code(), 0..5),
        proptest::sample::select(CODES.to_vec()),
        any_site(),
        proptest::bool::ANY,
    )
        .prop_map(|(age_months, weight_kg, mut items, code, home, nights)| {
            items.sort();
            items.dedup();
            ChildNeeds {
                age_months,
                weight_kg,
                care_items: items,
                municipality_code: code.into(),
                municipality_parent_code: (code == "111074").then(|| "111007".into()),
                home,
                needs_nights_and_weekends: nights,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The compact form of a provider classifies exactly as the full evaluation.
    #[test]
    fn the_compact_index_classifies_every_provider_as_evaluate_does(
        needs in any_needs(),
        providers in proptest::collection::vec((any_conditions(), any_site()), 1..6),
    ) {
        let mut index = super::index::KindIndex::default();
        for (i, (c, site)) in providers.iter().enumerate() {
            index.push(i as i64 + 1, "カナ", c, *site).unwrap();
        }
        for (i, (c, site)) in providers.iter().enumerate() {
            let e = evaluate(&needs, c, *site);
            prop_assert_eq!(
                index.classify(i, &needs),
                (e.outcome, e.distance_km),
                "provider {} {:?}: {:?}", i, c, e.checks
            );
        }
    }

    /// The first pass over the index counts and orders as classifying each provider, sorting
    /// them all in the listing order (older row first on a full tie) and cutting at the limit.
    #[test]
    fn ranking_over_the_index_lists_what_a_full_sort_would(
        needs in any_needs(),
        providers in proptest::collection::vec(
            (any_conditions(), any_site(), proptest::sample::select(vec!["ア", "イ", "ウ"])),
            0..40,
        ),
        include_unmet in proptest::bool::ANY,
        limit in 0usize..30,
    ) {
        let mut index = super::index::KindIndex::default();
        // Row ids not in insertion order, so the tie-break is tested apart from position.
        let rowid = |i: usize| ((i * 37) % 41) as i64 + 100;
        for (i, (c, site, kana)) in providers.iter().enumerate() {
            index.push(rowid(i), kana, c, *site).unwrap();
        }
        let (counts, page) = index.rank(&needs, include_unmet, limit);

        let mut expected_counts = MatchCounts::default();
        let mut all: Vec<(MatchOutcome, f64, &str, i64)> = Vec::new();
        for (i, (c, site, kana)) in providers.iter().enumerate() {
            let (outcome, distance_km) = classify(&needs, c, *site);
            match outcome {
                MatchOutcome::AllMet => expected_counts.all_met += 1,
                MatchOutcome::SomeUnknown => expected_counts.some_unknown += 1,
                MatchOutcome::Unmet => expected_counts.unmet += 1,
            }
            if outcome != MatchOutcome::Unmet || include_unmet {
                all.push((outcome, distance_km, kana, rowid(i)));
            }
        }
        all.sort_by(|a, b| listing_order((a.0, a.1, a.2), (b.0, b.1, b.2)).then(a.3.cmp(&b.3)));
        all.truncate(limit);
        let expected: Vec<super::index::Ranked> = all
            .iter()
            .map(|&(outcome, distance_km, _, rowid)| super::index::Ranked {
                rowid,
                outcome,
                distance_km,
            })
            .collect();
        prop_assert_eq!(counts, expected_counts);
        prop_assert_eq!(page, expected);
    }
}

#[test]
fn the_compact_index_reads_the_first_answer_of_an_item_answered_twice() {
    let mut c = welcoming();
    c.care_items.insert(
        0,
        CareItemAnswer {
            code: CareItemCode::Ventilator,
            answer: Answer::Unknown,
        },
    );
    let mut index = super::index::KindIndex::default();
    index.push(1, "ア", &c, KAWAGOE).unwrap();
    assert_eq!(
        index.classify(0, &child()),
        (MatchOutcome::SomeUnknown, 0.0),
        "the rule finds the first answer (not answered), not the later yes"
    );
    assert_eq!(classify(&child(), &c, KAWAGOE).0, MatchOutcome::SomeUnknown);
}
