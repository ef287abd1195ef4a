//! Survey campaigns: a target list of providers, where chasing each one stands, answers that
//! become new conditions versions in one transaction, and the list of who is still to chase.

use kakehashi::campaigns::*;
use kakehashi::demo::DemoSpec;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::providers::*;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::support::{new_registry, stamp};

fn provider(kind: ProviderKind, name: &str, kana: &str) -> ProviderInput {
    ProviderInput {
        kind,
        name: name.into(),
        kana: kana.into(),
        postal_code: String::new(),
        address: "埼玉県川越市新富町1-1".into(),
        municipality_code: "112011".into(),
        lat: None,
        lon: None,
        phone: "049-222-1111".into(),
        fax: "049-222-1112".into(),
        email: String::new(),
        contact_person: "新井".into(),
        business_number: None,
        capacity: None,
        opening_hours: String::new(),
        record_source: RecordSource::Manual,
        last_verified_on: None,
        conditions: Conditions {
            accepts_children: Answer::Unknown,
            weight_max_kg: Some(10.0),
            ..Conditions::default()
        },
        publication: PublicationConsent::default(),
    }
}

fn add(registry: &mut Registry, input: ProviderInput) -> String {
    registry
        .add_provider(
            &AddProviderRequest {
                provider: input,
                answered_on: Some("2025-06-01".into()),
            },
            &stamp(),
        )
        .expect("a complete provider is accepted")
        .id
}

/// Three providers: (あおば, ひかり, みどり) by reading.
fn three(registry: &mut Registry) -> Vec<String> {
    vec![
        add(
            registry,
            provider(
                ProviderKind::VisitingNursing,
                "川越みどり訪問看護",
                "カワゴエミドリ",
            ),
        ),
        add(
            registry,
            provider(
                ProviderKind::HomeCareClinic,
                "川越あおばクリニック",
                "カワゴエアオバ",
            ),
        ),
        add(
            registry,
            provider(
                ProviderKind::ShortStay,
                "川越ひかり短期入所",
                "カワゴエヒカリ",
            ),
        ),
    ]
}

fn campaign_input(provider_ids: Vec<String>) -> CampaignInput {
    CampaignInput {
        title: "令和8年度 小児在宅受け入れ状況調査".into(),
        sent_on: "2026-10-01".into(),
        due_on: Some("2026-10-31".into()),
        note: "郵送".into(),
        provider_ids,
    }
}

fn target_of(registry: &Registry, campaign_id: &str, provider_id: &str) -> CampaignTarget {
    registry
        .get_campaign(campaign_id)
        .unwrap()
        .targets
        .into_iter()
        .find(|t| t.provider_id == provider_id)
        .expect("the provider is on the list")
}

fn set_state(
    registry: &mut Registry,
    target: &CampaignTarget,
    state: TargetState,
    on: &str,
) -> Result<CampaignTarget, Error> {
    registry.set_target_state(
        &SetTargetStateRequest {
            target_id: target.id.clone(),
            row_version: target.row_version,
            state,
            on: on.into(),
            note: "担当者不在".into(),
        },
        &stamp(),
    )
}

fn answer(
    registry: &mut Registry,
    target: &CampaignTarget,
    answered_on: &str,
    conditions: Conditions,
) -> Result<CampaignTarget, Error> {
    registry.record_answer(
        &RecordAnswerRequest {
            target_id: target.id.clone(),
            row_version: target.row_version,
            answered_on: answered_on.into(),
            conditions,
        },
        &stamp(),
    )
}

fn field(e: &Error) -> &str {
    e.field().unwrap_or("(none)")
}

#[test]
fn a_new_campaign_lists_each_provider_once_as_sent_on_the_sending_date() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let mut with_duplicate = ids.clone();
    with_duplicate.push(ids[0].clone());
    let id = registry
        .create_campaign(&campaign_input(with_duplicate), &stamp())
        .expect("a complete campaign is accepted");
    let detail = registry.get_campaign(&id).unwrap();
    assert_eq!(detail.campaign.title, "令和8年度 小児在宅受け入れ状況調査");
    assert_eq!(detail.campaign.due_on.as_deref(), Some("2026-10-31"));
    assert_eq!(
        detail.targets.len(),
        3,
        "a provider listed twice is one target"
    );
    for t in &detail.targets {
        assert_eq!(t.state, TargetState::Sent);
        assert_eq!(t.state_on, "2026-10-01", "sent on the campaign's date");
        assert_eq!(t.answered_on, None);
        assert_eq!(t.municipality_name, "川越市");
        assert_eq!(t.phone, "049-222-1111");
    }
    let readings: Vec<&str> = detail
        .targets
        .iter()
        .map(|t| t.provider_kana.as_str())
        .collect();
    assert_eq!(
        readings,
        ["カワゴエアオバ", "カワゴエヒカリ", "カワゴエミドリ"],
        "五十音順 within a state"
    );
    assert_eq!(detail.campaign.counts.sent, 3);
    assert_eq!(detail.campaign.total, 3);
    assert!(
        registry.verify().unwrap().is_empty(),
        "the campaign and every target have their creation audit row"
    );
}

#[test]
fn progress_counts_targets_per_state_for_the_list_page() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let older = registry
        .create_campaign(
            &CampaignInput {
                title: "令和7年度 調査".into(),
                sent_on: "2025-10-01".into(),
                due_on: None,
                note: String::new(),
                provider_ids: vec![ids[0].clone()],
            },
            &stamp(),
        )
        .unwrap();
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let t0 = target_of(&registry, &id, &ids[0]);
    let t1 = target_of(&registry, &id, &ids[1]);
    set_state(&mut registry, &t0, TargetState::Phoned, "2026-11-02").unwrap();
    answer(&mut registry, &t1, "2026-10-20", Conditions::default()).unwrap();

    let p = registry.campaign_progress(&id).unwrap();
    assert_eq!(
        p.counts,
        StateCounts {
            sent: 1,
            phoned: 1,
            visited: 0,
            no_answer: 0,
            answered: 1
        }
    );
    assert_eq!(p.total, 3);
    assert_eq!(p.answered_percent, 33, "1 of 3, rounded");

    let list = registry.list_campaigns().unwrap();
    assert_eq!(
        list.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [id.as_str(), older.as_str()],
        "the latest sent first"
    );
    assert_eq!(
        list[0], p,
        "the list shows the same progress as the campaign"
    );
    assert_eq!(
        list[1].counts.sent, 1,
        "another campaign's targets are counted apart"
    );
    assert_eq!(list[1].total, 1);
}

#[test]
fn chasing_steps_are_audited_and_a_stale_form_is_refused() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let seen = target_of(&registry, &id, &ids[0]);
    let phoned = set_state(&mut registry, &seen, TargetState::Phoned, "2026-11-02").unwrap();
    assert_eq!(phoned.state, TargetState::Phoned);
    assert_eq!(phoned.state_on, "2026-11-02");
    assert_eq!(phoned.note, "担当者不在");
    assert_eq!(phoned.row_version, seen.row_version + 1);

    let history = registry.history("survey_target", &seen.id).unwrap();
    let update = history
        .iter()
        .find(|h| h.action == "update")
        .expect("the step is in the audit log");
    let changed: Vec<&str> = update
        .changes
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(
        changed.contains(&"state") && changed.contains(&"state_on"),
        "{changed:?}"
    );
    let state = update
        .changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "state")
        .unwrap();
    assert_eq!(state["before"], "sent");
    assert_eq!(state["after"], "phoned");

    // Someone else's form, opened before the call was recorded.
    let err = set_state(&mut registry, &seen, TargetState::Visited, "2026-11-05").unwrap_err();
    assert!(matches!(err, Error::StaleRecord { .. }), "{err:?}");
    assert_eq!(err.to_api(Lang::Ja).kind, ErrorKind::Conflict);
    assert_eq!(
        target_of(&registry, &id, &ids[0]),
        phoned,
        "the stale form changed nothing"
    );

    // Calling again is another step in the same state.
    let again = set_state(&mut registry, &phoned, TargetState::Phoned, "2026-11-09").unwrap();
    assert_eq!(again.state_on, "2026-11-09");
}

#[test]
fn a_step_is_not_dated_in_the_future_nor_before_the_current_state() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let t = target_of(&registry, &id, &ids[0]);
    let err = set_state(&mut registry, &t, TargetState::Phoned, "2026-09-30").unwrap_err();
    assert_eq!(field(&err), "on", "before the survey was sent");
    let err = set_state(&mut registry, &t, TargetState::Phoned, "2026-11-25").unwrap_err();
    assert_eq!(field(&err), "on", "tomorrow has not happened yet");
    let visited = set_state(&mut registry, &t, TargetState::Visited, "2026-11-10").unwrap();
    let err = set_state(&mut registry, &visited, TargetState::Phoned, "2026-11-09").unwrap_err();
    assert_eq!(field(&err), "on", "the history of a target runs forward");
    assert!(
        err.to_api(Lang::En).message.contains("2026-11-10"),
        "{}",
        err.to_api(Lang::En).message
    );
}

#[test]
fn answered_is_reached_only_by_the_answer_and_then_stays() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let t = target_of(&registry, &id, &ids[0]);
    let err = set_state(&mut registry, &t, TargetState::Answered, "2026-11-02").unwrap_err();
    assert_eq!(field(&err), "state");
    assert!(err.to_api(Lang::Ja).message.contains("回答"));

    let answered = answer(&mut registry, &t, "2026-10-15", Conditions::default()).unwrap();
    let err = set_state(&mut registry, &answered, TargetState::Phoned, "2026-11-02").unwrap_err();
    assert_eq!(
        field(&err),
        "state",
        "an answer is not taken back by a call"
    );
    assert!(
        err.to_api(Lang::Ja).message.contains("回答済み"),
        "{}",
        err.to_api(Lang::Ja).message
    );
    let err = answer(
        &mut registry,
        &answered,
        "2026-10-16",
        Conditions::default(),
    )
    .unwrap_err();
    assert_eq!(
        field(&err),
        "target_id",
        "a second answer goes through the provider's page"
    );
    let err = registry
        .remove_target(
            &RemoveTargetRequest {
                target_id: answered.id.clone(),
                row_version: answered.row_version,
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field(&err), "target_id");
    assert_eq!(
        target_of(&registry, &id, &ids[0]),
        answered,
        "still answered, still listed"
    );
}

#[test]
fn an_answer_becomes_a_new_conditions_version_linked_to_the_target() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let t = target_of(&registry, &id, &ids[0]);
    let phoned = set_state(&mut registry, &t, TargetState::Phoned, "2026-10-20").unwrap();
    let answered_conditions = Conditions {
        accepts_children: Answer::Yes,
        weight_max_kg: Some(20.0),
        taking_new_clients: Answer::No,
        ..Conditions::default()
    };
    let after = answer(
        &mut registry,
        &phoned,
        "2026-10-25",
        answered_conditions.clone(),
    )
    .expect("a complete answer is accepted");
    assert_eq!(after.state, TargetState::Answered);
    assert_eq!(after.answered_on.as_deref(), Some("2026-10-25"));
    assert_eq!(after.state_on, "2026-10-25");

    let as_of = |on: &str| {
        registry
            .conditions_as_of(&ConditionsAsOf {
                id: ids[0].clone(),
                on: on.into(),
            })
            .unwrap()
            .expect("answered by then")
    };
    let now = as_of("2026-10-25");
    assert_eq!(
        now.conditions, answered_conditions,
        "the answer is in force"
    );
    assert_eq!(now.source, RecordSource::Survey);
    assert_eq!(
        as_of("2026-10-24").conditions.weight_max_kg,
        Some(10.0),
        "the day before, last year's answer still was"
    );
    let provider = registry.get_provider(&ids[0]).unwrap();
    assert_eq!(
        provider.versions.len(),
        2,
        "a new version, not an overwrite"
    );
    assert_eq!(provider.provider.conditions, answered_conditions);
    assert_eq!(
        provider.provider.last_verified_on.as_deref(),
        Some("2026-10-25")
    );

    let history = registry.history("survey_target", &t.id).unwrap();
    let link = history
        .iter()
        .flat_map(|h| h.changes.as_array().cloned().unwrap_or_default())
        .find(|c| c["field"] == "conditions_version_id")
        .expect("the target points at the version its answer became");
    let version_id = link["after"].as_str().unwrap().to_string();
    assert_eq!(
        registry
            .history("provider_conditions_version", &version_id)
            .unwrap()[0]
            .action,
        "create",
        "that version exists"
    );
    assert!(registry.verify().unwrap().is_empty());
}

#[test]
fn a_refused_answer_writes_nothing_at_all() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let t = target_of(&registry, &id, &ids[0]);
    let before = registry.record_counts().unwrap();
    let provider_before = registry.get_provider(&ids[0]).unwrap();

    let bad = Conditions {
        weight_max_kg: Some(999.0),
        ..Conditions::default()
    };
    let err = answer(&mut registry, &t, "2026-10-25", bad).unwrap_err();
    assert_eq!(
        field(&err),
        "conditions.weight_max_kg",
        "the answer form shows it at the field"
    );
    let err = answer(&mut registry, &t, "2026-09-01", Conditions::default()).unwrap_err();
    assert_eq!(field(&err), "answered_on", "before the survey was sent");
    let mut stale = t.clone();
    stale.row_version -= 1;
    let err = answer(&mut registry, &stale, "2026-10-25", Conditions::default()).unwrap_err();
    assert!(matches!(err, Error::StaleRecord { .. }), "{err:?}");

    assert_eq!(target_of(&registry, &id, &ids[0]), t, "target unchanged");
    assert_eq!(
        registry.get_provider(&ids[0]).unwrap(),
        provider_before,
        "no version, no change to the provider"
    );
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "not even an audit row"
    );
}

#[test]
fn the_chase_list_leaves_out_who_answered_and_its_csv_opens_safely_in_excel() {
    let (_dir, _vault, mut registry) = new_registry();
    let mut ids = three(&mut registry);
    ids.push(add(
        &mut registry,
        provider(
            ProviderKind::Pharmacy,
            "=HYPERLINK(\"http://x\",\"薬局\")",
            "ヤッキョク",
        ),
    ));
    let id = registry
        .create_campaign(&campaign_input(ids.clone()), &stamp())
        .unwrap();
    let aoba = target_of(&registry, &id, &ids[1]);
    answer(&mut registry, &aoba, "2026-10-15", Conditions::default()).unwrap();
    let midori = target_of(&registry, &id, &ids[0]);
    set_state(&mut registry, &midori, TargetState::NoAnswer, "2026-11-01").unwrap();

    let chase = registry.chase_list(&id).unwrap();
    let names: Vec<&str> = chase.iter().map(|r| r.kana.as_str()).collect();
    assert_eq!(
        names,
        ["カワゴエヒカリ", "ヤッキョク", "カワゴエミドリ"],
        "the answered one is left out; by state (sent before no answer), then 五十音順"
    );
    assert_eq!(chase[0].fax, "049-222-1112");
    assert_eq!(chase[0].contact_person, "新井");
    assert_eq!(chase[2].state, TargetState::NoAnswer);
    assert_eq!(chase[2].note, "担当者不在");

    let mut out = Vec::new();
    let written = registry.export_chase_list_csv(&id, &mut out).unwrap();
    assert_eq!(written, 3);
    assert!(
        out.starts_with("\u{feff}".as_bytes()),
        "UTF-8 with a BOM, so Excel reads it as UTF-8"
    );
    let text = String::from_utf8(out).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "状況");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3, "one row per provider to chase");
    let name_col = header.iter().position(|h| h == "事業所名").unwrap();
    assert_eq!(
        &rows[1][name_col], "'=HYPERLINK(\"http://x\",\"薬局\")",
        "a formula-like name is written as text"
    );
    assert_eq!(&rows[2][0], "応答なし");
    assert!(
        !text.contains("カワゴエアオバ"),
        "who answered is not chased"
    );
}

#[test]
fn unknown_providers_and_empty_lists_are_refused_at_the_provider_field() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let before = registry.record_counts().unwrap();
    let mut with_unknown = ids.clone();
    with_unknown.push("0190f000-0000-7000-8000-000000000000".into());
    let err = registry
        .create_campaign(&campaign_input(with_unknown), &stamp())
        .unwrap_err();
    assert_eq!(field(&err), "provider_ids");
    assert_eq!(err.to_api(Lang::Ja).kind, ErrorKind::Validation);
    assert!(
        err.to_api(Lang::Ja)
            .message
            .contains("0190f000-0000-7000-8000-000000000000")
    );
    let err = registry
        .create_campaign(&campaign_input(vec![]), &stamp())
        .unwrap_err();
    assert_eq!(field(&err), "provider_ids", "at least one provider");
    let mut long = campaign_input(ids.clone());
    long.title = "調".repeat(101);
    assert_eq!(
        field(&registry.create_campaign(&long, &stamp()).unwrap_err()),
        "title"
    );
    assert!(
        registry.list_campaigns().unwrap().is_empty(),
        "no half campaign"
    );
    assert_eq!(registry.record_counts().unwrap(), before);
}

#[test]
fn targets_can_be_added_once_and_removed_while_unanswered() {
    let (_dir, _vault, mut registry) = new_registry();
    let ids = three(&mut registry);
    let id = registry
        .create_campaign(&campaign_input(vec![ids[0].clone()]), &stamp())
        .unwrap();
    let added = registry
        .add_targets(
            &AddTargetsRequest {
                campaign_id: id.clone(),
                provider_ids: ids.clone(),
                sent_on: Some("2026-10-10".into()),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(added, 2, "the provider already on the list is skipped");
    let late = target_of(&registry, &id, &ids[2]);
    assert_eq!(late.state_on, "2026-10-10");
    let err = registry
        .add_targets(
            &AddTargetsRequest {
                campaign_id: id.clone(),
                provider_ids: vec![ids[0].clone()],
                sent_on: Some("2026-09-01".into()),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field(&err), "sent_on", "not sent before the campaign was");

    registry
        .remove_target(
            &RemoveTargetRequest {
                target_id: late.id.clone(),
                row_version: late.row_version,
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(registry.campaign_progress(&id).unwrap().total, 2);
    assert!(
        registry
            .history("survey_target", &late.id)
            .unwrap()
            .iter()
            .any(|h| h.action == "delete"),
        "the removal is audited"
    );
    let again = registry
        .add_targets(
            &AddTargetsRequest {
                campaign_id: id.clone(),
                provider_ids: vec![ids[2].clone()],
                sent_on: None,
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(again, 1, "a removed provider can be put back on the list");
    assert_eq!(
        target_of(&registry, &id, &ids[2]).state_on,
        "2026-11-24",
        "sent today by default"
    );
    assert!(registry.verify().unwrap().is_empty());
}

#[test]
fn the_demo_data_has_one_campaign_with_a_spread_of_states() {
    let (_dir, _vault, mut registry) = new_registry();
    registry
        .generate_demo(
            DemoSpec {
                seed: 4,
                children: 0,
                providers: 60,
            },
            &stamp(),
        )
        .unwrap();
    let list = registry.list_campaigns().unwrap();
    assert_eq!(list.len(), 1);
    let c = &list[0];
    assert_eq!(c.total, 60, "every provider when there are fewer than 150");
    assert!(
        c.counts.answered > 0 && c.counts.answered < c.total,
        "{c:?}"
    );
    assert!(
        !registry.chase_list(&c.id).unwrap().is_empty(),
        "some are still to chase"
    );
    assert!(registry.verify().unwrap().is_empty());
}
