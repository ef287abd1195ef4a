//! The resource directory: providers, their conditions as dated versions, consent, and the
//! filtered list — three-valued answers never read as "yes".

use kakehashi::demo::DemoSpec;
use kakehashi::domain::care_item::CareItemCode;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::providers::*;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::support::{new_registry, stamp};

fn station() -> ProviderInput {
    ProviderInput {
        kind: ProviderKind::VisitingNursing,
        name: "川越あおば訪問看護ステーション".into(),
        kana: "カワゴエアオバホウモンカンゴステーション".into(),
        postal_code: "350-0043".into(),
        address: "埼玉県川越市新富町1-1".into(),
        municipality_code: "112011".into(),
        lat: Some(35.9087),
        lon: Some(139.4824),
        phone: "049-222-1111".into(),
        fax: "049-222-1112".into(),
        email: "info@example.jp".into(),
        contact_person: "新井".into(),
        business_number: Some("1161000001".into()),
        capacity: None,
        opening_hours: "月〜金 9:00-18:00".into(),
        record_source: RecordSource::Survey,
        last_verified_on: Some("2025-06-01".into()),
        conditions: Conditions {
            accepts_children: Answer::Yes,
            age_max_months: Some(18 * 12),
            weight_max_kg: Some(10.0),
            care_items: vec![
                CareItemAnswer {
                    code: CareItemCode::Ventilator,
                    answer: Answer::Yes,
                },
                CareItemAnswer {
                    code: CareItemCode::Dialysis,
                    answer: Answer::No,
                },
            ],
            service_area: ServiceArea {
                municipality_codes: vec!["112089".into()],
                radius_km: None,
            },
            around_the_clock: Answer::Yes,
            ..Conditions::default()
        },
        publication: PublicationConsent {
            name: true,
            address: true,
            phone: true,
            consented_on: Some("2025-06-01".into()),
            ..Default::default()
        },
    }
}

fn add(
    registry: &mut Registry,
    input: ProviderInput,
    answered_on: &str,
) -> Result<ProviderDetail, Error> {
    registry.add_provider(
        &AddProviderRequest {
            provider: input,
            answered_on: Some(answered_on.into()),
        },
        &stamp(),
    )
}

#[test]
fn a_provider_is_saved_with_its_first_conditions_version_and_audited() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = add(&mut registry, station(), "2025-06-01").expect("a complete provider is accepted");
    assert_eq!(d.municipality_name, "川越市");
    assert_eq!(d.versions.len(), 1);
    assert_eq!(d.versions[0].answered_on, "2025-06-01");
    assert_eq!(d.versions[0].conditions.weight_max_kg, Some(10.0));
    assert!(
        d.history
            .iter()
            .any(|h| h.entity == "provider" && h.action == "create")
    );
    assert!(
        registry.verify().unwrap().is_empty(),
        "every row has its creation audit row"
    );
}

#[test]
fn each_answer_is_a_new_version_so_last_years_answer_stays_answerable() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = add(&mut registry, station(), "2025-06-01").unwrap();
    let mut newer = d.provider.conditions.clone();
    newer.weight_max_kg = Some(15.0);
    newer.taking_new_clients = Answer::No;
    let after = registry
        .record_conditions(
            &RecordConditionsRequest {
                id: d.id.clone(),
                answered_on: "2026-06-01".into(),
                source: RecordSource::Survey,
                conditions: newer,
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(after.versions.len(), 2);
    assert_eq!(
        after.provider.conditions.weight_max_kg,
        Some(15.0),
        "the record shows the newest answer"
    );
    assert_eq!(
        after.provider.last_verified_on.as_deref(),
        Some("2026-06-01")
    );
    let in_2025 = registry
        .conditions_as_of(&ConditionsAsOf {
            id: d.id.clone(),
            on: "2025-12-31".into(),
        })
        .unwrap()
        .expect("they had answered by then");
    assert_eq!(
        in_2025.conditions.weight_max_kg,
        Some(10.0),
        "what they answered in 2025"
    );
    assert!(
        registry
            .conditions_as_of(&ConditionsAsOf {
                id: d.id.clone(),
                on: "2025-01-01".into()
            })
            .unwrap()
            .is_none()
    );

    // An older answer entered late does not replace the newer one on the record.
    let mut oldest = d.provider.conditions.clone();
    oldest.weight_max_kg = Some(5.0);
    let late = registry
        .record_conditions(
            &RecordConditionsRequest {
                id: d.id.clone(),
                answered_on: "2024-06-01".into(),
                source: RecordSource::Manual,
                conditions: oldest,
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(late.provider.conditions.weight_max_kg, Some(15.0));
    assert_eq!(
        late.versions.first().unwrap().answered_on,
        "2024-06-01",
        "versions in answer order"
    );
}

#[test]
fn editing_without_touching_the_conditions_adds_no_version() {
    let (_dir, _vault, mut registry) = new_registry();
    let d = add(&mut registry, station(), "2025-06-01").unwrap();
    let mut input = d.provider.clone();
    input.phone = "049-222-9999".into();
    let after = registry
        .update_provider(
            &UpdateProviderRequest {
                id: d.id.clone(),
                row_version: d.row_version,
                provider: input,
                answered_on: None,
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(
        after.versions.len(),
        1,
        "conditions unchanged: no new version"
    );
    assert_eq!(after.provider.phone, "049-222-9999");
    let stale = registry.update_provider(
        &UpdateProviderRequest {
            id: d.id.clone(),
            row_version: d.row_version,
            provider: d.provider.clone(),
            answered_on: None,
        },
        &stamp(),
    );
    assert!(
        matches!(stale, Err(Error::StaleRecord { .. })),
        "a form loaded before the last save is refused"
    );
}

/// A change that spoils a good provider.
type Spoil = fn(&mut ProviderInput);

#[test]
fn bad_provider_input_is_refused_at_its_field_and_nothing_is_saved() {
    let (_dir, _vault, mut registry) = new_registry();
    add(&mut registry, station(), "2025-06-01").unwrap();
    let cases: Vec<(&str, Spoil)> = vec![
        ("provider.name", |p| p.name = " ".into()),
        ("provider.municipality_code", |p| {
            p.municipality_code = "999999".into()
        }),
        ("provider.phone", |p| p.phone = "0492".into()),
        ("provider.business_number", |p| {
            p.business_number = Some("116100000".into())
        }),
        ("provider.business_number", |p| {
            p.name = format!("{} 2", p.name)
        }),
        ("provider.lat", |p| p.lat = Some(51.5)),
        ("provider.conditions.age_max_months", |p| {
            p.conditions.age_min_months = Some(24);
            p.conditions.age_max_months = Some(12);
        }),
        (
            "provider.conditions.service_area.municipality_codes[0]",
            |p| p.conditions.service_area.municipality_codes = vec!["000000".into()],
        ),
        ("provider.conditions.care_items[1].code", |p| {
            p.conditions.care_items[1].code = CareItemCode::Ventilator
        }),
    ];
    let before = registry.record_counts().unwrap();
    for (field, spoil) in cases {
        let mut input = station();
        spoil(&mut input);
        let err = add(&mut registry, input, "2025-06-01")
            .unwrap_err()
            .to_api(Lang::Ja);
        assert_eq!(err.kind, ErrorKind::Validation, "{field}: {err:?}");
        assert_eq!(err.field.as_deref(), Some(field), "{}", err.message);
    }
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "nothing half-saved"
    );
}

#[test]
fn the_list_filters_by_kind_area_care_item_weight_and_consent() {
    let (_dir, _vault, mut registry) = new_registry();
    let ours = add(&mut registry, station(), "2025-06-01").unwrap();
    let mut unknown_vent = station();
    unknown_vent.name = "川越ひかり訪問看護ステーション".into();
    unknown_vent.kana = "カワゴエヒカリホウモンカンゴステーション".into();
    unknown_vent.business_number = None;
    unknown_vent.conditions.care_items.clear();
    unknown_vent.publication = PublicationConsent::default();
    add(&mut registry, unknown_vent, "2025-06-01").unwrap();

    let search = |r: &Registry, s: ProviderSearch| -> Vec<String> {
        r.search_providers(&s)
            .unwrap()
            .rows
            .into_iter()
            .map(|p| p.name)
            .collect()
    };
    let nursing_in_kawagoe = ProviderSearch {
        kind: Some(ProviderKind::VisitingNursing),
        municipality_code: Some("112011".into()),
        ..ProviderSearch::default()
    };
    assert_eq!(search(&registry, nursing_in_kawagoe.clone()).len(), 2);
    let ventilator = ProviderSearch {
        care_item: Some(CareItemCode::Ventilator),
        ..nursing_in_kawagoe.clone()
    };
    assert_eq!(
        search(&registry, ventilator),
        vec![ours.provider.name.clone()],
        "not answered is not yes"
    );
    let serving_tokorozawa = ProviderSearch {
        municipality_code: Some("112089".into()),
        ..ProviderSearch::default()
    };
    assert_eq!(
        search(&registry, serving_tokorozawa).len(),
        2,
        "serving a municipality counts, not only being in it"
    );
    let heavy = ProviderSearch {
        weight_kg: Some(12.4),
        ..nursing_in_kawagoe.clone()
    };
    assert!(
        search(&registry, heavy).is_empty(),
        "体重上限 10kg: a 12.4 kg child does not fit"
    );
    let light = ProviderSearch {
        weight_kg: Some(9.0),
        age_months: Some(30),
        ..nursing_in_kawagoe.clone()
    };
    assert_eq!(search(&registry, light).len(), 2);
    let mut refuses = station();
    refuses.name = "川越みどり訪問看護".into();
    refuses.kana = "カワゴエミドリホウモンカンゴ".into();
    refuses.business_number = None;
    refuses.conditions = Conditions {
        accepts_children: Answer::No,
        ..Conditions::default()
    };
    refuses.publication = PublicationConsent::default();
    add(&mut registry, refuses, "2025-06-01").unwrap();
    let fits = ProviderSearch {
        weight_kg: Some(9.0),
        ..nursing_in_kawagoe.clone()
    };
    assert_eq!(
        search(&registry, fits).len(),
        2,
        "a provider refusing children never fits a child"
    );
    let published = ProviderSearch {
        published_only: true,
        ..ProviderSearch::default()
    };
    assert_eq!(
        search(&registry, published),
        vec![ours.provider.name.clone()]
    );
    let by_reading = ProviderSearch {
        query: "かわごえあおば".into(),
        ..ProviderSearch::default()
    };
    assert_eq!(search(&registry, by_reading), vec![ours.provider.name]);
}

#[test]
fn a_care_item_filter_never_returns_a_provider_that_did_not_answer_yes() {
    let (_dir, _vault, mut registry) = new_registry();
    registry
        .generate_demo(
            DemoSpec {
                seed: 9,
                children: 0,
                providers: 400,
            },
            &stamp(),
        )
        .unwrap();
    for rule in kakehashi::domain::care_item::CARE_ITEM_RULES {
        let found = registry
            .search_providers(&ProviderSearch {
                care_item: Some(rule.code),
                limit: Some(1000),
                ..ProviderSearch::default()
            })
            .unwrap();
        for row in &found.rows {
            let d = registry.get_provider(&row.id).unwrap();
            let answer = d
                .provider
                .conditions
                .care_items
                .iter()
                .find(|a| a.code == rule.code)
                .map(|a| a.answer);
            assert_eq!(
                answer,
                Some(Answer::Yes),
                "{} listed for {}",
                row.name,
                rule.code_text
            );
        }
    }
    assert!(registry.verify().unwrap().is_empty());
}
