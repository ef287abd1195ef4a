//! The case registry: intake, edits, status changes, weights, duplicate warnings, search —
//! every write audited, every refusal at its field with nothing half-saved.

use kakehashi::cases::*;
use kakehashi::domain::care_item::{
    CareItemCode, CareItemDetails, CareItemEntry, FeedingRoute, Mobility, SevereFactors,
    SuctionFrequency, Supervision,
};
use kakehashi::domain::child_status::ChildStatus;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::support::{new_registry, stamp};

fn item(code: CareItemCode, supervision: Supervision) -> CareItemEntry {
    CareItemEntry {
        code,
        supervision,
        details: CareItemDetails::default(),
        start_date: None,
        end_date: None,
    }
}

/// The journey child: ventilator + tracheostomy, tracheal suction hourly, gastrostomy feeding.
fn ventilated_child() -> ChildInput {
    let mut suction = item(CareItemCode::Suction, Supervision::High);
    suction.details.suction_frequency = Some(SuctionFrequency::HourlyOrMore);
    let mut feeding = item(CareItemCode::TubeFeeding, Supervision::High);
    feeding.details.feeding_route = Some(FeedingRoute::Gastrostomy);
    ChildInput {
        case_number: None,
        name: "川越 陽葵".into(),
        kana: "カワゴエ ヒマリ".into(),
        date_of_birth: "2025-05-10".into(),
        sex: Sex::Female,
        gestational_weeks: Some(27),
        birth_weight_g: Some(850),
        diagnoses: vec![Diagnosis {
            text: "慢性肺疾患".into(),
            icd10: Some("p27.1".into()),
            perinatal: true,
        }],
        residence: Residence {
            postal_code: "３５０１１２４".into(),
            address: "川越市新宿町1-1".into(),
            municipality_code: "112011".into(),
            lat: None,
            lon: None,
        },
        guardians: vec![Guardian {
            name: "川越 由美".into(),
            relation: "母".into(),
            phone_primary: "090-1111-2222".into(),
            ..Guardian::default()
        }],
        siblings: Some(1),
        certificates: Certificates::default(),
        oshima_cell: Some(1),
        yokochi_code: None,
        severe_factors: SevereFactors {
            mobility: Some(Mobility::Bedridden),
            ..SevereFactors::default()
        },
        care_items: vec![
            item(CareItemCode::Ventilator, Supervision::High),
            item(CareItemCode::Tracheostomy, Supervision::High),
            suction,
            feeding,
        ],
        consent: Consent {
            given_on: Some("2026-10-01".into()),
            scope: vec![ConsentScope::CareTeam],
            note: String::new(),
        },
        coordinator: "関根".into(),
    }
}

fn register(registry: &mut Registry, child: ChildInput) -> Result<ChildDetail, Error> {
    registry.register_child(
        &RegisterChildRequest {
            child,
            weight: Some(Weight {
                measured_on: "2026-11-20".into(),
                weight_kg: 6.4,
            }),
            status: Some(ChildStatus::InpatientPlanning),
            status_date: Some("2026-11-01".into()),
            confirmed_not_duplicate: false,
        },
        &stamp(),
    )
}

#[test]
fn intake_saves_the_child_with_scores_status_weight_and_a_case_number() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = register(&mut registry, ventilated_child()).expect("a complete intake is accepted");
    assert_eq!(d.case_number, "KH-2026-0001", "the first case of the year");
    assert_eq!(
        d.child.residence.postal_code, "350-1124",
        "〒 normalised from full-width digits"
    );
    assert_eq!(
        d.child.diagnoses[0].icd10.as_deref(),
        Some("P27.1"),
        "ICD-10 in upper case"
    );
    assert_eq!(d.municipality_name, "川越市");
    let codes: Vec<CareItemCode> = d.child.care_items.iter().map(|i| i.code).collect();
    let mut in_table_order = codes.clone();
    in_table_order.sort();
    assert_eq!(
        codes, in_table_order,
        "care items come back in the score table's order"
    );
    assert_eq!(d.status, ChildStatus::InpatientPlanning);
    assert_eq!(d.status_history.len(), 1);
    assert_eq!(d.status_history[0].date, "2026-11-01");
    assert_eq!(d.weights[0].weight_kg, 6.4);
    assert_eq!(d.age_months, 18, "2025-05-10 to 2026-11-24");
    // 医療的ケア判定スコア: ventilator 10+2, tracheostomy 8 (no 見守り with a ventilator),
    // suction 8+1, tube feeding 8+2.
    assert_eq!(d.scores.medical_care.total, 39);
    // 超重症児: ventilator 10, tracheostomy 8, suction hourly 8, tube (gastrostomy) 5.
    assert_eq!(d.scores.severe.total, 31);
    let second = register(
        &mut registry,
        ChildInput {
            name: "別の 子".into(),
            kana: "ベツノ コ".into(),
            guardians: vec![],
            ..ventilated_child()
        },
    )
    .unwrap();
    assert_eq!(
        second.case_number, "KH-2026-0002",
        "numbers count up within the year"
    );
}

#[test]
fn every_part_of_an_intake_is_audited_and_shown_in_the_change_history() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = register(&mut registry, ventilated_child()).unwrap();
    let entities: Vec<&str> = d.history.iter().map(|h| h.entity.as_str()).collect();
    for entity in [
        "child",
        "child_care_item",
        "child_guardian",
        "child_diagnosis",
        "child_weight",
        "child_status_change",
    ] {
        assert!(
            entities.contains(&entity),
            "{entity} creation is in the history: {entities:?}"
        );
    }
    assert!(
        registry.verify().unwrap().is_empty(),
        "every row has its creation audit row"
    );
    let shown: Vec<&str> = d
        .history
        .iter()
        .flat_map(|h| h.fields.iter().map(|f| f.field.as_str()))
        .collect();
    for derived in [
        "kana_folded",
        "search_text",
        "phone_primary_digits",
        "child_id",
        "position",
    ] {
        assert!(
            !shown.contains(&derived),
            "{derived} is derived by the core, not a change a person made"
        );
    }
    assert!(shown.contains(&"kana"), "the field it comes from is shown");
}

#[test]
fn the_same_reading_in_hiragana_and_birth_date_is_flagged_as_a_possible_duplicate() {
    let (_dir, _vault, mut registry) = new_registry();
    let first = register(&mut registry, ventilated_child()).unwrap();
    let again = ChildInput {
        kana: "かわごえ　ひまり".into(),
        guardians: vec![],
        ..ventilated_child()
    };
    let candidates = registry
        .find_duplicates(&DuplicateQuery {
            kana: again.kana.clone(),
            date_of_birth: again.date_of_birth.clone(),
            phones: vec![],
        })
        .unwrap();
    assert_eq!(candidates.len(), 1);
    assert_eq!(candidates[0].case_number, first.case_number);
    assert_eq!(
        candidates[0].reasons,
        vec![DuplicateReason::SameReadingAndBirthDate]
    );

    let before = registry.record_counts().unwrap();
    let err = register(&mut registry, again.clone()).unwrap_err();
    assert!(
        matches!(err, Error::PossibleDuplicates { count: 1 }),
        "{err:?}"
    );
    assert_eq!(err.to_api(Lang::Ja).kind, ErrorKind::Conflict);
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "nothing saved before the user confirms"
    );

    let confirmed = registry
        .register_child(
            &RegisterChildRequest {
                child: again,
                weight: None,
                status: None,
                status_date: None,
                confirmed_not_duplicate: true,
            },
            &stamp(),
        )
        .expect("the user saw the candidates and confirmed");
    assert_ne!(confirmed.id, first.id);
}

#[test]
fn a_guardian_phone_written_differently_is_still_a_duplicate() {
    let (_dir, _vault, mut registry) = new_registry();
    register(&mut registry, ventilated_child()).unwrap();
    let candidates = registry
        .find_duplicates(&DuplicateQuery {
            kana: "ベツジン".into(),
            date_of_birth: "2020-01-01".into(),
            phones: vec!["０９０（１１１１）２２２２".into()],
        })
        .unwrap();
    assert_eq!(
        candidates.len(),
        1,
        "same digits, other punctuation and width"
    );
    assert_eq!(
        candidates[0].reasons,
        vec![DuplicateReason::SameGuardianPhone]
    );
}

/// A change that spoils a good intake request.
type Spoil = Box<dyn Fn(&mut RegisterChildRequest)>;

/// Each bad input is refused at its field, and the registry holds what it held before.
#[test]
fn bad_input_is_refused_at_its_field_and_nothing_is_half_saved() {
    let (_dir, _vault, mut registry) = new_registry();
    let cases: Vec<(&str, Spoil)> = vec![
        (
            "child.date_of_birth",
            Box::new(|r| r.child.date_of_birth = "2027-01-01".into()),
        ),
        (
            "child.date_of_birth",
            Box::new(|r| r.child.date_of_birth = "1989-12-31".into()),
        ),
        (
            "child.date_of_birth",
            Box::new(|r| r.child.date_of_birth = "2025-02-30".into()),
        ),
        (
            "weight.weight_kg",
            Box::new(|r| r.weight.as_mut().unwrap().weight_kg = 0.0),
        ),
        (
            "weight.weight_kg",
            Box::new(|r| r.weight.as_mut().unwrap().weight_kg = 150.5),
        ),
        (
            "child.residence.municipality_code",
            Box::new(|r| r.child.residence.municipality_code = "999999".into()),
        ),
        (
            "child.care_items[2].supervision",
            Box::new(|r| r.child.care_items[2].supervision = Supervision::Medium),
        ),
        (
            "child.guardians[0].phone_primary",
            Box::new(|r| r.child.guardians[0].phone_primary = "12-34".into()),
        ),
        (
            "child.care_items[0].end_date",
            Box::new(|r| {
                r.child.care_items[0].start_date = Some("2026-01-10".into());
                r.child.care_items[0].end_date = Some("2026-01-09".into());
            }),
        ),
        ("child.name", Box::new(|r| r.child.name = "  ".into())),
        (
            "child.residence.postal_code",
            Box::new(|r| r.child.residence.postal_code = "12-34".into()),
        ),
    ];
    let before = registry.record_counts().unwrap();
    for (field, spoil) in cases {
        let mut request = RegisterChildRequest {
            child: ventilated_child(),
            weight: Some(Weight {
                measured_on: "2026-11-20".into(),
                weight_kg: 6.4,
            }),
            status: None,
            status_date: None,
            confirmed_not_duplicate: false,
        };
        spoil(&mut request);
        let err = registry.register_child(&request, &stamp()).unwrap_err();
        let api = err.to_api(Lang::Ja);
        assert_eq!(api.kind, ErrorKind::Validation, "{field}: {api:?}");
        assert_eq!(
            api.field.as_deref(),
            Some(field),
            "refused at the field the form shows: {}",
            api.message
        );
        assert!(!api.message.is_empty());
    }
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "no refused intake left anything behind"
    );
}

#[test]
fn editing_audits_only_what_changed_and_a_stale_form_is_refused() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = register(&mut registry, ventilated_child()).unwrap();
    let audit_before = registry.record_counts().unwrap().audit_rows;

    let same = registry
        .update_child(
            &UpdateChildRequest {
                id: d.id.clone(),
                row_version: d.row_version,
                child: d.child.clone(),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(
        same.row_version, d.row_version,
        "saving an unchanged form changes nothing"
    );
    assert_eq!(
        registry.record_counts().unwrap().audit_rows,
        audit_before,
        "and audits nothing"
    );

    let mut edited = d.child.clone();
    edited.name = "川越 ひまり".into();
    edited
        .care_items
        .retain(|i| i.code != CareItemCode::Suction);
    let after = registry
        .update_child(
            &UpdateChildRequest {
                id: d.id.clone(),
                row_version: d.row_version,
                child: edited,
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(after.child.name, "川越 ひまり");
    assert_eq!(after.row_version, d.row_version + 1);
    assert!(
        !after
            .child
            .care_items
            .iter()
            .any(|i| i.code == CareItemCode::Suction),
        "suction removed"
    );
    assert_eq!(
        after.scores.medical_care.total, 30,
        "39 without suction's 8+1"
    );
    let name_change = after
        .history
        .iter()
        .flat_map(|h| h.fields.iter().map(move |f| (h, f)))
        .find(|(h, f)| h.entity == "child" && h.action == "update" && f.field == "name")
        .expect("the name change is in the history");
    assert_eq!(name_change.1.before.as_deref(), Some("川越 陽葵"));
    assert_eq!(name_change.1.after.as_deref(), Some("川越 ひまり"));
    assert!(
        after
            .history
            .iter()
            .any(|h| h.entity == "child_care_item" && h.action == "delete"),
        "tombstoned, audited"
    );

    let mut stale = d.child.clone();
    stale.coordinator = "別の人".into();
    let err = registry
        .update_child(
            &UpdateChildRequest {
                id: d.id.clone(),
                row_version: d.row_version,
                child: stale,
            },
            &stamp(),
        )
        .unwrap_err();
    assert!(
        matches!(err, Error::StaleRecord { .. }),
        "the form was loaded before the last save: {err:?}"
    );
    assert_eq!(
        registry
            .get_child(
                &CaseRef {
                    id: Some(d.id.clone()),
                    case_number: None
                },
                &stamp()
            )
            .unwrap()
            .child
            .coordinator,
        "関根"
    );
}

#[test]
fn status_follows_its_lifecycle_with_dated_history() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = register(&mut registry, ventilated_child()).unwrap();
    let change = |r: &mut Registry, v: i64, status, date: &str| {
        r.change_child_status(
            &ChangeStatusRequest {
                id: d.id.clone(),
                row_version: v,
                status,
                date: date.into(),
                note: "退院".into(),
            },
            &stamp(),
        )
    };
    let home = change(
        &mut registry,
        d.row_version,
        ChildStatus::AtHome,
        "2026-11-15",
    )
    .unwrap();
    assert_eq!(home.status, ChildStatus::AtHome);
    assert_eq!(home.status_history.len(), 2);
    assert_eq!(home.status_history[1].note, "退院");

    let err = change(
        &mut registry,
        home.row_version,
        ChildStatus::Referred,
        "2026-11-20",
    )
    .unwrap_err();
    assert_eq!(
        err.field(),
        Some("status"),
        "在宅 → 紹介受付 is not a transition"
    );
    assert!(
        err.to_api(Lang::Ja)
            .message
            .contains("「在宅」から「紹介受付」")
    );

    let err = change(
        &mut registry,
        home.row_version,
        ChildStatus::Readmitted,
        "2026-11-10",
    )
    .unwrap_err();
    assert_eq!(
        err.field(),
        Some("date"),
        "not dated before the previous change"
    );

    let err = change(
        &mut registry,
        home.row_version,
        ChildStatus::Readmitted,
        "2026-12-24",
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("date"), "not in the future");
}

#[test]
fn the_latest_weight_comes_first() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = register(&mut registry, ventilated_child()).unwrap();
    let after = registry
        .record_weight(
            &RecordWeightRequest {
                id: d.id.clone(),
                weight: Weight {
                    measured_on: "2026-11-23".into(),
                    weight_kg: 6.6,
                },
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(after.weights.len(), 2);
    assert_eq!(after.weights[0].weight_kg, 6.6, "newest first");
    let err = registry
        .record_weight(
            &RecordWeightRequest {
                id: d.id.clone(),
                weight: Weight {
                    measured_on: "2026-11-23".into(),
                    weight_kg: -1.0,
                },
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("weight.weight_kg"));
}

#[test]
fn the_list_finds_a_katakana_reading_typed_in_hiragana_or_half_width() {
    let (_dir, _vault, mut registry) = new_registry();
    register(&mut registry, ventilated_child()).unwrap();
    for q in [
        "かわごえ",
        "ｶﾜｺﾞｴ ﾋﾏﾘ",
        "陽葵",
        "kh-2026-0001",
        "ＫＨ－２０２６",
    ] {
        let found = registry
            .search_children(&CaseSearch {
                query: q.into(),
                ..CaseSearch::default()
            })
            .unwrap();
        assert_eq!(found.total, 1, "query {q}");
        assert_eq!(found.rows[0].name, "川越 陽葵");
    }
    let none = registry
        .search_children(&CaseSearch {
            query: "%".into(),
            ..CaseSearch::default()
        })
        .unwrap();
    assert_eq!(none.total, 0, "LIKE wildcards are matched literally");
}

#[test]
fn list_filters_combine_and_rows_come_in_gojuon_order() {
    let (_dir, _vault, mut registry) = new_registry();
    registry
        .generate_demo(
            kakehashi::demo::DemoSpec {
                seed: 5,
                children: 120,
                providers: 0,
            },
            &stamp(),
        )
        .unwrap();
    let all = registry
        .search_children(&CaseSearch {
            limit: Some(1000),
            ..CaseSearch::default()
        })
        .unwrap();
    assert_eq!(all.total, 120);
    let readings: Vec<String> = all
        .rows
        .iter()
        .map(|r| kakehashi::text::fold(&r.kana))
        .collect();
    let mut sorted = readings.clone();
    sorted.sort();
    assert_eq!(readings, sorted, "五十音順 by reading");

    let ventilated = registry
        .search_children(&CaseSearch {
            care_item: Some(CareItemCode::Ventilator),
            limit: Some(1000),
            ..CaseSearch::default()
        })
        .unwrap();
    assert!(ventilated.total > 0 && ventilated.total < 120);
    assert!(
        ventilated
            .rows
            .iter()
            .all(|r| r.care_items.contains(&CareItemCode::Ventilator))
    );

    let scored = registry
        .search_children(&CaseSearch {
            score_min: Some(16),
            score_max: Some(31),
            limit: Some(1000),
            ..CaseSearch::default()
        })
        .unwrap();
    assert!(
        scored
            .rows
            .iter()
            .all(|r| (16..=31).contains(&r.medical_care_score))
    );

    // さいたま市 as a whole includes its wards.
    let saitama = registry
        .search_children(&CaseSearch {
            municipality_code: Some("111007".into()),
            limit: Some(1000),
            ..CaseSearch::default()
        })
        .unwrap();
    assert!(
        saitama
            .rows
            .iter()
            .all(|r| r.municipality_name.starts_with("さいたま市"))
    );
    let page = registry
        .search_children(&CaseSearch {
            limit: Some(50),
            offset: 100,
            ..CaseSearch::default()
        })
        .unwrap();
    assert_eq!(page.rows.len(), 20, "the last page holds the rest");
    assert_eq!(page.total, 120, "total counts every match, not the page");
    assert_eq!(page.rows[0].id, all.rows[100].id);
}

#[test]
fn live_scores_refuse_a_supervision_level_the_item_does_not_have() {
    let (_dir, _vault, registry) = new_registry();
    let err = registry
        .compute_scores(
            &ScoreRequest {
                care_items: vec![item(CareItemCode::Suction, Supervision::Medium)],
                severe_factors: SevereFactors::default(),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("care_items[0].supervision"));
    let ok = registry
        .compute_scores(
            &ScoreRequest {
                care_items: vec![item(CareItemCode::Ventilator, Supervision::Medium)],
                severe_factors: SevereFactors::default(),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(ok.medical_care.total, 11, "ventilator 10 + 中 1");
}
