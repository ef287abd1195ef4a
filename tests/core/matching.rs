//! Matching a ventilated child against the directory (DOMAIN.md §5), on a real encrypted
//! registry: each provider's conditions as met / unmet with the reason / unknown, the
//! distance from home, the service area, and the listing order with its ties.

use kakehashi::cases::*;
use kakehashi::domain::care_item::{
    CareItemCode, CareItemDetails, CareItemEntry, FeedingRoute, SuctionFrequency, Supervision,
};
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::matching::*;
use kakehashi::providers::*;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::support::{PASSPHRASE, new_registry, stamp};

/// 川越市役所, where a child without entered coordinates is taken to live.
const HALL: (f64, f64) = (35.925, 139.485833);

fn item(code: CareItemCode) -> CareItemEntry {
    CareItemEntry {
        code,
        supervision: Supervision::Low,
        details: CareItemDetails::default(),
        start_date: Some("2025-06-01".into()),
        end_date: None,
    }
}

/// Born 2024-05-10 in 川越市 (no coordinates entered): ventilator, tracheostomy, hourly
/// suction, gastrostomy feeding. Weighed 11.0 kg in August, then 12.4 kg in November, then
/// an older measurement from May entered last.
fn ventilated_child(registry: &mut Registry) -> ChildDetail {
    let mut suction = item(CareItemCode::Suction);
    suction.details.suction_frequency = Some(SuctionFrequency::HourlyOrMore);
    let mut feeding = item(CareItemCode::TubeFeeding);
    feeding.details.feeding_route = Some(FeedingRoute::Gastrostomy);
    let child = ChildInput {
        case_number: None,
        name: "川越 陽葵".into(),
        kana: "カワゴエ ヒマリ".into(),
        date_of_birth: "2024-05-10".into(),
        sex: Sex::Female,
        gestational_weeks: Some(27),
        birth_weight_g: Some(850),
        diagnoses: vec![],
        residence: Residence {
            postal_code: String::new(),
            address: "川越市新宿町1-1".into(),
            municipality_code: "112011".into(),
            lat: None,
            lon: None,
        },
        guardians: vec![],
        siblings: None,
        certificates: Certificates::default(),
        oshima_cell: None,
        yokochi_code: None,
        severe_factors: Default::default(),
        care_items: vec![
            item(CareItemCode::Ventilator),
            item(CareItemCode::Tracheostomy),
            suction,
            feeding,
        ],
        consent: Consent::default(),
        coordinator: String::new(),
    };
    let mut d = registry
        .register_child(
            &RegisterChildRequest {
                child,
                weight: Some(Weight {
                    measured_on: "2026-08-01".into(),
                    weight_kg: 11.0,
                }),
                status: None,
                status_date: None,
                confirmed_not_duplicate: false,
            },
            &stamp(),
        )
        .expect("the child is registered");
    for (on, kg) in [("2026-11-20", 12.4), ("2026-05-01", 9.0)] {
        d = registry
            .record_weight(
                &RecordWeightRequest {
                    id: d.id.clone(),
                    weight: Weight {
                        measured_on: on.into(),
                        weight_kg: kg,
                    },
                },
                &stamp(),
            )
            .expect("weights are recorded");
    }
    d
}

fn yes(code: CareItemCode) -> CareItemAnswer {
    CareItemAnswer {
        code,
        answer: Answer::Yes,
    }
}

/// Conditions that take the ventilated child, 川越市 in the area.
fn takes_everything() -> Conditions {
    Conditions {
        accepts_children: Answer::Yes,
        age_min_months: Some(0),
        age_max_months: Some(18 * 12),
        weight_min_kg: None,
        weight_max_kg: Some(30.0),
        care_items: vec![
            yes(CareItemCode::Ventilator),
            yes(CareItemCode::Tracheostomy),
            yes(CareItemCode::Suction),
            yes(CareItemCode::TubeFeeding),
        ],
        service_area: ServiceArea {
            municipality_codes: vec!["112011".into()],
            radius_km: None,
        },
        nights: Answer::Yes,
        weekends: Answer::Yes,
        around_the_clock: Answer::Yes,
        taking_new_clients: Answer::Yes,
        free_text: String::new(),
    }
}

/// A provider `dlat` degrees north of 川越市役所 (about 1.11 km per 0.01), or at the hall
/// of its municipality when `dlat` is `None`.
fn add(
    registry: &mut Registry,
    kind: ProviderKind,
    name: &str,
    kana: &str,
    dlat: Option<f64>,
    conditions: Conditions,
) -> String {
    registry
        .add_provider(
            &AddProviderRequest {
                provider: ProviderInput {
                    kind,
                    name: name.into(),
                    kana: kana.into(),
                    postal_code: String::new(),
                    address: String::new(),
                    municipality_code: "112011".into(),
                    lat: dlat.map(|d| HALL.0 + d),
                    lon: dlat.map(|_| HALL.1),
                    phone: "049-222-1111".into(),
                    fax: String::new(),
                    email: String::new(),
                    contact_person: String::new(),
                    business_number: None,
                    capacity: None,
                    opening_hours: String::new(),
                    record_source: RecordSource::Survey,
                    last_verified_on: None,
                    conditions,
                    publication: PublicationConsent::default(),
                },
                answered_on: Some("2026-10-01".into()),
            },
            &stamp(),
        )
        .expect("the provider is added")
        .id
}

struct Directory {
    at_hall: String,
    aoba: String,
    midori: String,
    far: String,
    unanswered_ventilator: String,
    light_weight: String,
    outside: String,
}

/// Visiting nursing stations around the child's home, and one home-help office.
fn directory(registry: &mut Registry) -> Directory {
    let nursing = ProviderKind::VisitingNursing;
    let at_hall = add(
        registry,
        nursing,
        "川越市役所前訪問看護",
        "カワゴエシヤクショマエ",
        None,
        takes_everything(),
    );
    let midori = add(
        registry,
        nursing,
        "みどり訪問看護",
        "ミドリ",
        Some(0.01),
        takes_everything(),
    );
    // Same point as みどり: the tie goes to the reading, whatever kana it was typed in.
    let aoba = add(
        registry,
        nursing,
        "あおば訪問看護",
        "あおば",
        Some(0.01),
        takes_everything(),
    );
    let far = add(
        registry,
        nursing,
        "遠方訪問看護",
        "アアア",
        Some(0.05),
        takes_everything(),
    );
    let mut no_ventilator_answer = takes_everything();
    no_ventilator_answer
        .care_items
        .retain(|a| a.code != CareItemCode::Ventilator);
    let unanswered_ventilator = add(
        registry,
        nursing,
        "ひかり訪問看護",
        "ヒカリ",
        Some(0.002),
        no_ventilator_answer,
    );
    let light_weight = add(
        registry,
        nursing,
        "こもれび訪問看護",
        "コモレビ",
        Some(0.001),
        Conditions {
            weight_max_kg: Some(10.0),
            ..takes_everything()
        },
    );
    let outside = add(
        registry,
        nursing,
        "所沢つばさ訪問看護",
        "トコロザワツバサ",
        Some(0.2),
        Conditions {
            service_area: ServiceArea {
                municipality_codes: vec!["112089".into()],
                radius_km: Some(5.0),
            },
            ..takes_everything()
        },
    );
    add(
        registry,
        ProviderKind::HomeHelp,
        "川越ヘルパー",
        "カワゴエヘルパー",
        None,
        takes_everything(),
    );
    Directory {
        at_hall,
        aoba,
        midori,
        far,
        unanswered_ventilator,
        light_weight,
        outside,
    }
}

fn request(child: &ChildDetail) -> MatchRequest {
    MatchRequest {
        child_id: child.id.clone(),
        kind: ProviderKind::VisitingNursing,
        target_date: None,
        include_unmet: false,
        limit: None,
        lang: Lang::Ja,
    }
}

fn ids(result: &MatchResult) -> Vec<&str> {
    result
        .providers
        .iter()
        .map(|p| p.provider_id.as_str())
        .collect()
}

fn check(p: &ProviderMatch, criterion: Criterion) -> &ConditionCheck {
    p.checks
        .iter()
        .find(|c| c.criterion == criterion)
        .unwrap_or_else(|| panic!("{criterion:?} not checked for {}", p.name))
}

#[test]
fn a_ventilated_child_sees_matches_first_then_unknowns_with_unmet_hidden() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);

    let result = registry
        .match_providers(&request(&child), &stamp())
        .expect("matching runs");

    assert_eq!(result.target_date, "2026-11-24", "today at the office");
    assert_eq!(result.age_months, 30, "2024-05-10 to 2026-11-24");
    let weight = result.weight.as_ref().expect("a weight is on record");
    assert_eq!(
        (weight.measured_on.as_str(), weight.weight_kg),
        ("2026-11-20", 12.4),
        "the most recent measurement, not the last one entered"
    );
    assert_eq!(
        result.care_items,
        vec![
            CareItemCode::Ventilator,
            CareItemCode::Tracheostomy,
            CareItemCode::Suction,
            CareItemCode::TubeFeeding
        ]
    );
    assert_eq!(result.home.source, LocationSource::MunicipalityHall);
    assert_eq!((result.home.lat, result.home.lon), HALL);
    assert!(
        result.needs_nights_and_weekends,
        "a ventilator at home needs a station that comes at night and at weekends"
    );
    assert_eq!(
        result.counts,
        MatchCounts {
            all_met: 4,
            some_unknown: 1,
            unmet: 2
        },
        "the home-help office is another kind and not counted"
    );
    assert_eq!(
        ids(&result),
        vec![
            dir.at_hall.as_str(),
            dir.aoba.as_str(),
            dir.midori.as_str(),
            dir.far.as_str(),
            dir.unanswered_ventilator.as_str(),
        ],
        "all met by distance (a tie at 1.1 km in 五十音順: あおば before ミドリ), then the \
         unknown one although it is nearer; unmet ones hidden"
    );
    let first = &result.providers[0];
    assert_eq!(first.outcome, MatchOutcome::AllMet);
    assert_eq!(
        first.distance_km, 0.0,
        "without coordinates a provider sits at its municipality hall, as the child does"
    );
    assert_eq!(first.in_service_area, Some(true));
    assert_eq!(first.municipality_name, "川越市");
    assert!(
        first.checks.iter().all(|c| c.verdict == Verdict::Met),
        "{:?}",
        first.checks
    );
    assert_eq!(result.providers[1].distance_km, 1.1);
    assert_eq!(result.providers[2].distance_km, 1.1);

    let unknown = &result.providers[4];
    assert_eq!(unknown.outcome, MatchOutcome::SomeUnknown);
    let ventilator = check(
        unknown,
        Criterion::CareItem {
            code: CareItemCode::Ventilator,
        },
    );
    assert_eq!(
        ventilator.verdict,
        Verdict::Unknown {
            reason: UnknownReason::NotAnswered
        },
        "not answered is not no"
    );
    assert_eq!(ventilator.words, "人工呼吸器の管理 未回答");
}

#[test]
fn unmet_providers_are_listed_last_with_their_reasons_when_asked() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);

    let result = registry
        .match_providers(
            &MatchRequest {
                include_unmet: true,
                ..request(&child)
            },
            &stamp(),
        )
        .unwrap();
    let order = ids(&result);
    assert_eq!(
        &order[5..],
        &[dir.light_weight.as_str(), dir.outside.as_str()],
        "unmet last, the nearer first"
    );

    let light = &result.providers[5];
    assert_eq!(light.outcome, MatchOutcome::Unmet);
    let weight = check(light, Criterion::Weight);
    assert_eq!(
        weight.verdict,
        Verdict::Unmet {
            reason: UnmetReason::WeightAbove {
                max_kg: 10.0,
                current_kg: 12.4
            }
        }
    );
    assert_eq!(weight.words, "体重上限 10kg、現在 12.4kg");

    let outside = &result.providers[6];
    assert_eq!(outside.in_service_area, Some(false));
    assert!(
        (22.0..22.5).contains(&outside.distance_km),
        "0.2° of latitude ≈ 22.2 km: {}",
        outside.distance_km
    );
    let area = check(outside, Criterion::ServiceArea);
    assert_eq!(
        area.verdict,
        Verdict::Unmet {
            reason: UnmetReason::OutsideServiceArea {
                listed_municipalities: 1,
                radius_km: Some(5.0),
                distance_km: outside.distance_km,
            }
        }
    );
    assert!(
        area.words.starts_with("サービス提供地域外"),
        "{}",
        area.words
    );
    assert!(
        outside
            .checks
            .iter()
            .filter(|c| c.criterion != Criterion::ServiceArea)
            .all(|c| c.verdict == Verdict::Met),
        "only the area holds it back"
    );
}

#[test]
fn reasons_come_in_english_on_request() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    directory(&mut registry);
    let result = registry
        .match_providers(
            &MatchRequest {
                include_unmet: true,
                lang: Lang::En,
                ..request(&child)
            },
            &stamp(),
        )
        .unwrap();
    let words: Vec<&str> = result
        .providers
        .iter()
        .flat_map(|p| p.checks.iter().map(|c| c.words.as_str()))
        .collect();
    assert!(
        words.contains(&"Weight limit 10 kg; now 12.4 kg"),
        "{words:?}"
    );
    assert!(words.contains(&"Ventilator: not answered"), "{words:?}");
}

#[test]
fn the_limit_cuts_the_list_but_not_the_counts() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);
    let result = registry
        .match_providers(
            &MatchRequest {
                limit: Some(2),
                ..request(&child)
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(ids(&result), vec![dir.at_hall.as_str(), dir.aoba.as_str()]);
    assert_eq!(result.counts.all_met, 4);
}

#[test]
fn the_current_conditions_are_the_ones_checked() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);
    registry
        .record_conditions(
            &RecordConditionsRequest {
                id: dir.light_weight.clone(),
                answered_on: "2026-11-01".into(),
                source: RecordSource::Survey,
                conditions: Conditions {
                    weight_max_kg: Some(15.0),
                    ..takes_everything()
                },
            },
            &stamp(),
        )
        .unwrap();
    let result = registry
        .match_providers(&request(&child), &stamp())
        .unwrap();
    let light = result
        .providers
        .iter()
        .find(|p| p.provider_id == dir.light_weight)
        .expect("a newer answer raising the limit to 15 kg lets the child in");
    assert_eq!(light.outcome, MatchOutcome::AllMet);
    assert_eq!(
        ids(&result)[..2],
        [dir.at_hall.as_str(), dir.light_weight.as_str()],
        "and at 0.1 km it now comes right after the one at the hall"
    );
}

#[test]
fn age_is_taken_on_the_target_date() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let toddlers = add(
        &mut registry,
        ProviderKind::VisitingNursing,
        "ちいさな訪問看護",
        "チイサナ",
        None,
        Conditions {
            age_max_months: Some(31),
            ..takes_everything()
        },
    );
    let on = |registry: &Registry, date: &str| {
        let r = registry
            .match_providers(
                &MatchRequest {
                    target_date: Some(date.into()),
                    include_unmet: true,
                    ..request(&child)
                },
                &stamp(),
            )
            .unwrap();
        let p = r
            .providers
            .iter()
            .find(|p| p.provider_id == toddlers)
            .unwrap();
        (r.age_months, check(p, Criterion::Age).clone())
    };
    let (age, before) = on(&registry, "2026-12-09");
    assert_eq!(age, 30, "the day before turning 31 months");
    assert_eq!(before.verdict, Verdict::Met);
    let (age, after) = on(&registry, "2027-01-10");
    assert_eq!(age, 32);
    assert_eq!(
        after.verdict,
        Verdict::Unmet {
            reason: UnmetReason::AgeAbove {
                max_months: 31,
                age_months: 32
            }
        }
    );
    assert_eq!(after.words, "年齢上限 2歳7か月、対象日の年齢 2歳8か月");
}

#[test]
fn entered_home_coordinates_are_used_for_distance() {
    let (_dir, _vault, mut registry) = new_registry();
    let mut child = ventilated_child(&mut registry);
    let far = add(
        &mut registry,
        ProviderKind::VisitingNursing,
        "北の訪問看護",
        "キタ",
        Some(0.1),
        takes_everything(),
    );
    child.child.residence.lat = Some(HALL.0 + 0.1);
    child.child.residence.lon = Some(HALL.1);
    let child = registry
        .update_child(
            &UpdateChildRequest {
                id: child.id.clone(),
                row_version: child.row_version,
                child: child.child.clone(),
            },
            &stamp(),
        )
        .unwrap();
    let result = registry
        .match_providers(&request(&child), &stamp())
        .unwrap();
    assert_eq!(result.home.source, LocationSource::Entered);
    let p = result
        .providers
        .iter()
        .find(|p| p.provider_id == far)
        .unwrap();
    assert_eq!(
        p.distance_km, 0.0,
        "the provider is at the entered home point"
    );
}

#[test]
fn bad_requests_are_refused_at_their_field() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let refused = |r: MatchRequest| registry.match_providers(&r, &stamp()).unwrap_err();

    let e = refused(MatchRequest {
        target_date: Some("2026/12/01".into()),
        ..request(&child)
    });
    assert_eq!(e.field(), Some("target_date"), "{e:?}");
    let e = refused(MatchRequest {
        target_date: Some("2024-05-09".into()),
        ..request(&child)
    });
    assert_eq!(
        e.field(),
        Some("target_date"),
        "a day before the child was born: {e:?}"
    );
    assert!(e.to_api(Lang::Ja).message.contains("2024-05-10"));
    let e = refused(MatchRequest {
        child_id: "no-such-child".into(),
        ..request(&child)
    });
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");
    assert_eq!(e.to_api(Lang::Ja).kind, ErrorKind::NotFound);
}

fn counts_and_ids(registry: &Registry, request: &MatchRequest) -> (MatchCounts, Vec<String>) {
    let result = registry.match_providers(request, &stamp()).unwrap();
    let ids = ids(&result).into_iter().map(String::from).collect();
    (result.counts, ids)
}

#[test]
fn every_write_to_the_directory_is_in_the_very_next_match() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);
    let nursing = request(&child);
    let home_help = MatchRequest {
        kind: ProviderKind::HomeHelp,
        ..request(&child)
    };
    let (counts, _) = counts_and_ids(&registry, &nursing);
    assert_eq!(counts.all_met, 4, "the first match builds the kind's index");
    assert_eq!(counts_and_ids(&registry, &home_help).0.all_met, 1);
    assert!(
        registry.match_cache_bytes() > 0,
        "both kinds are kept for the next match"
    );

    // A newer conditions answer raising the weight limit to 15 kg.
    registry
        .record_conditions(
            &RecordConditionsRequest {
                id: dir.light_weight.clone(),
                answered_on: "2026-11-01".into(),
                source: RecordSource::Survey,
                conditions: Conditions {
                    weight_max_kg: Some(15.0),
                    ..takes_everything()
                },
            },
            &stamp(),
        )
        .unwrap();
    let (counts, ids) = counts_and_ids(&registry, &nursing);
    assert_eq!(
        (counts.all_met, counts.unmet),
        (5, 1),
        "the new answer counts at once, not the cached one"
    );
    assert_eq!(ids[1], dir.light_weight, "and it is listed at its place");

    // A new provider, right at the home.
    let new = add(
        &mut registry,
        ProviderKind::VisitingNursing,
        "あたらしい訪問看護",
        "アタラシイ",
        Some(0.0),
        takes_everything(),
    );
    let (counts, ids) = counts_and_ids(&registry, &nursing);
    assert_eq!(counts.all_met, 6, "the provider added is counted");
    assert_eq!(
        ids[..2],
        [new.clone(), dir.at_hall.clone()],
        "at the home point too (0.0 km), so before the hall's station in 五十音順"
    );

    // A provider edited into another kind leaves this kind's list and joins the other's.
    let far = registry.get_provider(&dir.far).unwrap();
    registry
        .update_provider(
            &UpdateProviderRequest {
                id: dir.far.clone(),
                row_version: far.row_version,
                provider: ProviderInput {
                    kind: ProviderKind::HomeHelp,
                    ..far.provider.clone()
                },
                answered_on: None,
            },
            &stamp(),
        )
        .unwrap();
    let (counts, ids) = counts_and_ids(&registry, &nursing);
    assert_eq!(counts.all_met, 5);
    assert!(!ids.contains(&dir.far), "no longer a nursing station");
    let (counts, ids) = counts_and_ids(&registry, &home_help);
    assert_eq!(
        counts.all_met, 2,
        "the other kind's cached index was dropped too"
    );
    assert!(ids.contains(&dir.far));
}

#[test]
fn a_write_about_the_child_is_in_the_next_match_without_a_directory_change() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);
    let (_, ids) = counts_and_ids(&registry, &request(&child));
    assert!(
        !ids.contains(&dir.light_weight),
        "12.4 kg is over its 10 kg limit"
    );
    registry
        .record_weight(
            &RecordWeightRequest {
                id: child.id.clone(),
                weight: Weight {
                    measured_on: "2026-11-23".into(),
                    weight_kg: 9.8,
                },
            },
            &stamp(),
        )
        .unwrap();
    let (counts, ids) = counts_and_ids(&registry, &request(&child));
    assert_eq!(
        counts.all_met, 5,
        "the child is read afresh for every match"
    );
    assert_eq!(ids[1], dir.light_weight);
}

#[test]
fn a_provider_removed_through_another_connection_is_gone_from_the_next_match() {
    let (_dir, vault, mut registry) = new_registry();
    let child = ventilated_child(&mut registry);
    let dir = directory(&mut registry);
    let (counts, ids) = counts_and_ids(&registry, &request(&child));
    assert_eq!(counts.all_met, 4);
    assert!(ids.contains(&dir.aoba));

    // Not a use case (none removes providers yet) and not audited: only the other
    // connection's commit tells the registry's cache that the directory changed.
    let key = kakehashi::keys::KeyFile::read(&vault.key_path())
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    let other = kakehashi::store::open(&vault.db_path(), &key, false).unwrap();
    let removed = other
        .execute(
            "UPDATE provider SET deleted_at = '2026-11-24T09:00:00Z' WHERE id = ?1",
            [&dir.aoba],
        )
        .unwrap();
    assert_eq!(removed, 1);
    drop(other);

    let (counts, ids) = counts_and_ids(&registry, &request(&child));
    assert_eq!(counts.all_met, 3, "the tombstoned provider is not counted");
    assert!(!ids.contains(&dir.aoba), "nor listed");
}
