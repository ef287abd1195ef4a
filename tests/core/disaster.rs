//! Disaster preparedness: a child's profile saved and read back (audited, stale forms
//! refused), every refusal at its field with nothing written, every warning exactly when it
//! applies (the six-month rule on both sides of its day), and the emergency roster — only
//! children at home, in risk order, filtered by municipality — as CSV (BOM, Shift_JIS, formulas
//! neutralised) and XLSX.

use calamine::Reader;
use kakehashi::cases::*;
use kakehashi::disaster::*;
use kakehashi::domain::care_item::{CareItemCode, CareItemDetails, CareItemEntry, Supervision};
use kakehashi::domain::child_status::ChildStatus;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::domain::role::Role;
use kakehashi::plans::*;
use kakehashi::providers::export::CsvEncoding;
use kakehashi::providers::*;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::support::{new_registry, stamp};

use DisasterWarningCode as W;

fn item(code: CareItemCode) -> CareItemEntry {
    CareItemEntry {
        code,
        supervision: Supervision::High,
        details: CareItemDetails::default(),
        start_date: None,
        end_date: None,
    }
}

fn child(name: &str, kana: &str, municipality: &str, care: &[CareItemCode]) -> ChildInput {
    ChildInput {
        case_number: None,
        name: name.into(),
        kana: kana.into(),
        date_of_birth: "2024-08-10".into(),
        sex: Sex::Male,
        gestational_weeks: None,
        birth_weight_g: None,
        diagnoses: vec![],
        residence: Residence {
            postal_code: String::new(),
            address: "川越市新宿町1-1".into(),
            municipality_code: municipality.into(),
            lat: None,
            lon: None,
        },
        guardians: vec![Guardian {
            name: format!("{name}の母"),
            relation: "母".into(),
            phone_primary: "090-1234-5678".into(),
            phone_secondary: "048-222-3333".into(),
            ..Guardian::default()
        }],
        siblings: None,
        certificates: Certificates::default(),
        oshima_cell: None,
        yokochi_code: None,
        severe_factors: Default::default(),
        care_items: care.iter().map(|c| item(*c)).collect(),
        consent: Consent::default(),
        coordinator: String::new(),
    }
}

/// Registers a child with `status` since `since` (ISO date).
fn register_as(
    registry: &mut Registry,
    input: ChildInput,
    status: ChildStatus,
    since: &str,
) -> String {
    registry
        .register_child(
            &RegisterChildRequest {
                child: input,
                weight: None,
                status: Some(status),
                status_date: Some(since.into()),
                confirmed_not_duplicate: true,
            },
            &stamp(),
        )
        .expect("a complete intake is accepted")
        .id
}

/// A child at home since recently (so no 個別避難計画 is due yet).
fn at_home(registry: &mut Registry, name: &str, kana: &str, care: &[CareItemCode]) -> String {
    register_as(
        registry,
        child(name, kana, "112011", care),
        ChildStatus::AtHome,
        "2026-10-01",
    )
}

fn device(kind: DeviceKind, internal: Option<f64>, external: Option<f64>) -> PowerDevice {
    PowerDevice {
        kind,
        name: String::new(),
        internal_battery_hours: internal,
        external_battery_hours: external,
    }
}

fn registered() -> Registration {
    Registration {
        registered: true,
        on: Some("2026-06-01".into()),
    }
}

/// A profile with nothing missing: a ventilator lasting 4 + 24 hours, every registration,
/// one contact.
fn prepared() -> DisasterProfileInput {
    DisasterProfileInput {
        devices: vec![device(DeviceKind::Ventilator, Some(4.0), Some(24.0))],
        other_power: OtherPower {
            car: true,
            ..OtherPower::default()
        },
        consumables_days: Some(7),
        power_company: registered(),
        evacuation_list: registered(),
        individual_plan: registered(),
        evacuation_site: "川越市立第一小学校".into(),
        welfare_shelter: "川越市福祉センター".into(),
        emergency_hospital: "埼玉医科大学総合医療センター".into(),
        contacts: vec![EmergencyContact {
            name: "川越 節子".into(),
            relation: "祖母".into(),
            phone: "049-222-0000".into(),
        }],
        note: String::new(),
    }
}

fn save(
    registry: &mut Registry,
    child_id: &str,
    row_version: i64,
    profile: DisasterProfileInput,
) -> Result<DisasterProfile, Error> {
    registry.save_disaster_profile(
        &SaveDisasterProfileRequest {
            child_id: child_id.into(),
            row_version,
            profile,
        },
        &stamp(),
    )
}

fn codes(p: &DisasterProfile) -> Vec<DisasterWarningCode> {
    p.warnings.iter().map(|w| w.code).collect()
}

/// The warnings of a child with `care` items at home since `since`, given `profile`.
fn warnings_for(
    care: &[CareItemCode],
    since: &str,
    profile: DisasterProfileInput,
) -> DisasterProfile {
    let (_dir, _vault, mut registry) = new_registry();
    let id = register_as(
        &mut registry,
        child("川越 蓮", "カワゴエ レン", "112011", care),
        ChildStatus::AtHome,
        since,
    );
    save(&mut registry, &id, 0, profile).expect("a valid profile is saved")
}

// ---------------------------------------------------------------------------------------
// Saving and reading

#[test]
fn a_saved_profile_reads_back_normalised_and_a_stale_form_is_refused() {
    let (_dir, _vault, mut registry) = new_registry();
    let id = at_home(
        &mut registry,
        "川越 蓮",
        "カワゴエ レン",
        &[CareItemCode::Ventilator],
    );
    let empty = registry.disaster_profile(&id, &stamp()).unwrap();
    assert_eq!(empty.row_version, 0, "never saved");
    assert_eq!(empty.profile, DisasterProfileInput::default());
    assert_eq!(
        codes(&empty),
        vec![W::NoProfile],
        "only the missing profile is said"
    );

    let mut typed = prepared();
    typed.evacuation_site = "  川越市立第一小学校　".into();
    typed.contacts[0].phone = "０４９－２２２－００００".into();
    let saved = save(&mut registry, &id, 0, typed).unwrap();
    assert_eq!(saved.row_version, 1);
    assert_eq!(
        saved.profile.evacuation_site, "川越市立第一小学校",
        "trimmed"
    );
    assert_eq!(
        saved.profile.contacts[0].phone, "049-222-0000",
        "full width folded"
    );
    assert_eq!(
        saved.total_battery_hours,
        Some(28.0),
        "4 internal + 24 external"
    );
    assert!(saved.warnings.is_empty(), "{:?}", saved.warnings);
    assert_eq!(registry.disaster_profile(&id, &stamp()).unwrap(), saved);

    let stale = save(&mut registry, &id, 0, prepared()).unwrap_err();
    assert!(
        matches!(stale, Error::StaleRecord { .. }),
        "a second first-save is someone else's: {stale:?}"
    );
    assert_eq!(stale.to_api(Lang::Ja).kind, ErrorKind::Conflict);

    let mut edited = prepared();
    edited.consumables_days = Some(14);
    let again = save(&mut registry, &id, 1, edited.clone()).unwrap();
    assert_eq!(again.row_version, 2);
    assert!(matches!(
        save(&mut registry, &id, 1, prepared()),
        Err(Error::StaleRecord { .. })
    ));
    let unchanged = save(&mut registry, &id, 2, edited).unwrap();
    assert_eq!(unchanged.row_version, 2, "nothing changed, nothing written");
    assert!(
        registry.verify().unwrap().is_empty(),
        "the profile's creation is audited"
    );
}

#[test]
fn a_profile_of_an_unknown_child_is_not_found() {
    let (_dir, _vault, mut registry) = new_registry();
    assert!(matches!(
        registry.disaster_profile("no-such-child", &stamp()),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        save(&mut registry, "no-such-child", 0, prepared()),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn bad_input_is_refused_at_its_field_and_leaves_the_profile_as_it_was() {
    let (_dir, _vault, mut registry) = new_registry();
    let id = at_home(&mut registry, "川越 蓮", "カワゴエ レン", &[]);
    let before = save(&mut registry, &id, 0, prepared()).unwrap();
    type Edit = fn(&mut DisasterProfileInput);
    let cases: Vec<(Edit, &str)> = vec![
        (
            |p| p.devices[0].external_battery_hours = Some(240.5),
            "profile.devices[0].external_battery_hours",
        ),
        (
            |p| p.devices[0].internal_battery_hours = Some(-1.0),
            "profile.devices[0].internal_battery_hours",
        ),
        (
            |p| p.devices[0].internal_battery_hours = Some(f64::NAN),
            "profile.devices[0].internal_battery_hours",
        ),
        (
            |p| p.devices[0].name = "機".repeat(201),
            "profile.devices[0].name",
        ),
        (
            |p| p.consumables_days = Some(366),
            "profile.consumables_days",
        ),
        (
            |p| p.individual_plan.on = Some("2026-02-30".into()),
            "profile.individual_plan.on",
        ),
        (
            |p| p.power_company.on = Some("2026-11-25".into()),
            "profile.power_company.on",
        ),
        (
            |p| p.contacts[0].phone = "でんわ".into(),
            "profile.contacts[0].phone",
        ),
        (
            |p| p.contacts[0].phone = " ".into(),
            "profile.contacts[0].phone",
        ),
        (
            |p| p.contacts[0].name = String::new(),
            "profile.contacts[0].name",
        ),
        (
            |p| p.evacuation_site = "避".repeat(201),
            "profile.evacuation_site",
        ),
        (|p| p.note = "メ".repeat(2001), "profile.note"),
        (
            |p| p.devices = vec![p.devices[0].clone(); 21],
            "profile.devices",
        ),
        (
            |p| p.contacts = vec![p.contacts[0].clone(); 21],
            "profile.contacts",
        ),
    ];
    for (edit, field) in cases {
        let mut profile = prepared();
        edit(&mut profile);
        let e = save(&mut registry, &id, 1, profile).unwrap_err();
        let api = e.to_api(Lang::Ja);
        assert_eq!(api.kind, ErrorKind::Validation, "{field}: {e:?}");
        assert_eq!(api.field.as_deref(), Some(field), "{}", api.message);
        assert_eq!(
            registry.disaster_profile(&id, &stamp()).unwrap(),
            before,
            "{field}: a refused save writes nothing"
        );
    }
    let hours = save(&mut registry, &id, 1, {
        let mut p = prepared();
        p.devices[0].external_battery_hours = Some(241.0);
        p
    })
    .unwrap_err();
    assert!(
        hours.to_api(Lang::Ja).message.contains("240時間"),
        "{}",
        hours.to_api(Lang::Ja).message
    );
    assert!(
        hours.to_api(Lang::En).message.contains("240 hours"),
        "{}",
        hours.to_api(Lang::En).message
    );
}

// ---------------------------------------------------------------------------------------
// Warnings

#[test]
fn a_well_prepared_child_has_no_warnings() {
    let p = warnings_for(&[CareItemCode::Ventilator], "2025-01-01", prepared());
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn a_ventilator_without_an_external_battery_is_warned_whether_absent_or_zero() {
    for external in [None, Some(0.0)] {
        let mut profile = prepared();
        profile.devices = vec![device(DeviceKind::Ventilator, Some(30.0), external)];
        let p = warnings_for(&[], "2026-10-01", profile);
        assert_eq!(
            codes(&p),
            vec![W::VentilatorWithoutExternalBattery],
            "a ventilator device alone makes the child ventilated ({external:?})"
        );
    }
    let mut profile = prepared();
    profile.devices = vec![];
    let p = warnings_for(&[CareItemCode::Ventilator], "2026-10-01", profile);
    assert_eq!(
        codes(&p),
        vec![W::VentilatorWithoutExternalBattery, W::BatteryHoursUnknown],
        "a ventilator care item with no device listed: nothing is known of its batteries"
    );
}

#[test]
fn the_weakest_device_under_24_hours_is_warned_with_its_hours() {
    let mut profile = prepared();
    profile
        .devices
        .push(device(DeviceKind::Suction, Some(1.5), None));
    let p = warnings_for(&[CareItemCode::Ventilator], "2026-10-01", profile);
    assert_eq!(
        p.total_battery_hours,
        Some(1.5),
        "the suction device is the weakest"
    );
    assert_eq!(codes(&p), vec![W::BatteryUnder24Hours]);
    assert!(
        p.warnings[0].message.contains("1.5時間"),
        "{}",
        p.warnings[0].message
    );

    let mut exactly = prepared();
    exactly.devices = vec![device(DeviceKind::Ventilator, Some(12.0), Some(12.0))];
    let p = warnings_for(&[], "2026-10-01", exactly);
    assert!(
        p.warnings.is_empty(),
        "24 hours is enough: {:?}",
        p.warnings
    );
}

#[test]
fn unknown_battery_hours_are_warned_and_leave_the_total_unknown() {
    let mut profile = prepared();
    profile
        .devices
        .push(device(DeviceKind::OxygenConcentrator, None, Some(8.0)));
    let p = warnings_for(&[], "2026-10-01", profile);
    assert_eq!(p.total_battery_hours, None);
    assert_eq!(codes(&p), vec![W::BatteryHoursUnknown]);

    let mut listed_none = prepared();
    listed_none.devices = vec![];
    let p = warnings_for(&[CareItemCode::Oxygen], "2026-10-01", listed_none);
    assert_eq!(
        codes(&p),
        vec![W::BatteryHoursUnknown],
        "oxygen at home needs power, and no device says for how long"
    );
}

#[test]
fn the_power_company_registration_is_asked_of_power_dependent_children_only() {
    let mut profile = prepared();
    profile.power_company = Registration::default();
    let p = warnings_for(&[], "2026-10-01", profile.clone());
    assert_eq!(codes(&p), vec![W::NoPowerCompanyRegistration]);

    profile.devices = vec![];
    let p = warnings_for(&[CareItemCode::TubeFeeding], "2026-10-01", profile);
    assert!(
        p.warnings.is_empty(),
        "no device, no powered care item: no power to register ({:?})",
        p.warnings
    );
}

#[test]
fn no_emergency_contacts_is_warned() {
    let mut profile = prepared();
    profile.contacts = vec![];
    let p = warnings_for(&[], "2026-10-01", profile);
    assert_eq!(codes(&p), vec![W::NoContacts]);
}

#[test]
fn an_individual_plan_is_expected_from_six_months_after_going_home() {
    // Today at the office is 2026-11-24.
    let mut profile = prepared();
    profile.individual_plan = Registration::default();
    let due = warnings_for(&[], "2026-05-24", profile.clone());
    assert_eq!(
        codes(&due),
        vec![W::NoIndividualPlan],
        "six months ago today"
    );
    let not_yet = warnings_for(&[], "2026-05-25", profile.clone());
    assert!(
        not_yet.warnings.is_empty(),
        "a day short of six months: {:?}",
        not_yet.warnings
    );
    let mut done = profile;
    done.individual_plan.registered = true;
    let done = warnings_for(&[], "2025-01-01", done);
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
}

#[test]
fn the_first_day_home_counts_even_after_a_readmission() {
    let (_dir, _vault, mut registry) = new_registry();
    let id = register_as(
        &mut registry,
        child("川越 蓮", "カワゴエ レン", "112011", &[]),
        ChildStatus::AtHome,
        "2026-01-10",
    );
    for (status, date) in [
        (ChildStatus::Readmitted, "2026-10-01"),
        (ChildStatus::AtHome, "2026-10-20"),
    ] {
        let version = registry
            .get_child(
                &CaseRef {
                    id: Some(id.clone()),
                    case_number: None,
                },
                &stamp(),
            )
            .unwrap()
            .row_version;
        registry
            .change_child_status(
                &ChangeStatusRequest {
                    id: id.clone(),
                    row_version: version,
                    status,
                    date: date.into(),
                    note: String::new(),
                },
                &stamp(),
            )
            .unwrap();
    }
    let mut profile = prepared();
    profile.individual_plan = Registration::default();
    let p = save(&mut registry, &id, 0, profile).unwrap();
    assert_eq!(codes(&p), vec![W::NoIndividualPlan]);
}

#[test]
fn warnings_speak_english_when_asked() {
    let (_dir, _vault, registry) = {
        let (d, v, mut r) = new_registry();
        at_home(&mut r, "川越 蓮", "カワゴエ レン", &[]);
        (d, v, r)
    };
    let roster = registry
        .emergency_roster_in(&RosterQuery::default(), Lang::En, &stamp())
        .unwrap();
    let row = &roster.rows[0];
    assert_eq!(row.warnings[0].code, W::NoProfile);
    assert!(
        row.warnings[0].message.contains("No disaster profile"),
        "{}",
        row.warnings[0].message
    );
    let p = registry
        .disaster_profile_in(&row.child_id, Lang::En, &stamp())
        .unwrap();
    assert!(p.warnings[0].message.starts_with("No disaster profile"));
}

// ---------------------------------------------------------------------------------------
// The roster

fn provider(registry: &mut Registry, kind: ProviderKind, name: &str) -> String {
    registry
        .add_provider(
            &AddProviderRequest {
                provider: ProviderInput {
                    kind,
                    name: name.into(),
                    kana: "カワゴエ".into(),
                    postal_code: String::new(),
                    address: "川越市新富町1-1".into(),
                    municipality_code: "112011".into(),
                    lat: None,
                    lon: None,
                    phone: "049-222-1111".into(),
                    fax: String::new(),
                    email: String::new(),
                    contact_person: String::new(),
                    business_number: None,
                    capacity: None,
                    opening_hours: String::new(),
                    record_source: RecordSource::Manual,
                    last_verified_on: None,
                    conditions: Conditions::default(),
                    publication: PublicationConsent::default(),
                },
                answered_on: None,
            },
            &stamp(),
        )
        .expect("a complete provider is accepted")
        .id
}

/// Seven children at home of every risk, one in hospital, one in さいたま市西区.
/// Returns the names in the expected roster order.
fn mixed_registry(registry: &mut Registry) -> Vec<&'static str> {
    let mut with = |name: &'static str,
                    kana: &str,
                    care: &[CareItemCode],
                    devices: Option<Vec<PowerDevice>>| {
        let id = at_home(registry, name, kana, care);
        if let Some(devices) = devices {
            let mut p = prepared();
            p.devices = devices;
            save(registry, &id, 0, p).unwrap();
        }
        id
    };
    use CareItemCode as C;
    use DeviceKind as D;
    with(
        "青木 樹",
        "アオキ イツキ",
        &[C::Ventilator],
        Some(vec![device(D::Ventilator, Some(4.0), Some(26.0))]),
    );
    with(
        "井上 湊",
        "イノウエ ミナト",
        &[C::Ventilator],
        Some(vec![device(D::Ventilator, Some(2.0), Some(4.0))]),
    );
    with("上田 蒼", "ウエダ アオイ", &[C::Ventilator], None);
    with(
        "遠藤 凛",
        "エンドウ リン",
        &[],
        Some(vec![device(D::Suction, Some(1.0), None)]),
    );
    with("岡田 紬", "オカダ ツムギ", &[C::Oxygen], None);
    with("加藤 芽依", "カトウ メイ", &[], None);
    with("木村 結菜", "キムラ ユイナ", &[], Some(vec![]));
    register_as(
        registry,
        child("久保 大和", "クボ ヤマト", "112011", &[C::Ventilator]),
        ChildStatus::InpatientPlanning,
        "2026-10-01",
    );
    vec![
        "上田 蒼",   // ventilated, hours unknown (no profile)
        "井上 湊",   // ventilated, 6 h
        "青木 樹",   // ventilated, 30 h
        "岡田 紬",   // oxygen: power-dependent, hours unknown
        "遠藤 凛",   // suction device: 1 h
        "加藤 芽依", // the rest, 五十音順
        "木村 結菜",
    ]
}

fn names(roster: &Roster) -> Vec<&str> {
    roster.rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn the_roster_lists_children_at_home_by_risk() {
    let (_dir, _vault, mut registry) = new_registry();
    let expected = mixed_registry(&mut registry);
    let roster = registry
        .emergency_roster(&RosterQuery::default(), &stamp())
        .unwrap();
    assert_eq!(roster.made_on, "2026-11-24");
    assert_eq!(
        names(&roster),
        expected,
        "ventilated, power-dependent, the rest; unknown hours first"
    );
    assert_eq!(
        roster.rows.iter().map(|r| r.rank).collect::<Vec<_>>(),
        (1..=7).collect::<Vec<_>>()
    );
    assert!(
        !names(&roster).contains(&"久保 大和"),
        "a child in hospital is not on the roster"
    );
    let first = &roster.rows[0];
    assert!(first.ventilated && first.power_dependent);
    assert_eq!(first.total_battery_hours, None);
    assert_eq!(first.age, "2歳3か月", "born 2024-08-10");
    assert_eq!(first.municipality, "川越市");
    assert_eq!(first.guardians[0].phone, "090-1234-5678／048-222-3333");
    assert_eq!(first.guardians[0].relation, "母");
    assert_eq!(roster.rows[1].total_battery_hours, Some(6.0));
    assert_eq!(roster.rows[1].contacts[0].name, "川越 節子");
    assert_eq!(
        roster.rows[1].emergency_hospital,
        "埼玉医科大学総合医療センター"
    );
    assert!(!roster.rows[5].power_dependent && !roster.rows[5].ventilated);
}

#[test]
fn the_roster_filters_by_municipality_and_a_city_takes_its_wards() {
    let (_dir, _vault, mut registry) = new_registry();
    mixed_registry(&mut registry);
    register_as(
        &mut registry,
        child("西 悠真", "ニシ ユウマ", "111015", &[]),
        ChildStatus::AtHome,
        "2026-10-01",
    );
    let of = |code: &str| {
        registry
            .emergency_roster(
                &RosterQuery {
                    municipality_code: Some(code.into()),
                },
                &stamp(),
            )
            .unwrap()
    };
    assert_eq!(of("112011").rows.len(), 7, "川越市 only");
    assert_eq!(names(&of("111015")), vec!["西 悠真"]);
    assert_eq!(
        names(&of("111007")),
        vec!["西 悠真"],
        "さいたま市 takes its wards"
    );
    assert_eq!(
        of("111015").rows[0].rank,
        1,
        "ranks restart within the filter"
    );
    assert!(of("112020").rows.is_empty());
}

#[test]
fn an_empty_registry_has_an_empty_roster() {
    let (_dir, _vault, registry) = new_registry();
    let roster = registry
        .emergency_roster(&RosterQuery::default(), &stamp())
        .unwrap();
    assert!(roster.rows.is_empty());
}

/// A child at home (川越 蓮) whose plan's team is a visiting nursing provider and an MSW;
/// returns the plan's id.
fn at_home_with_a_team(registry: &mut Registry) -> String {
    let nurse = provider(
        registry,
        ProviderKind::VisitingNursing,
        "川越あおば訪問看護ステーション",
    );
    let id = register_as(
        registry,
        child("川越 蓮", "カワゴエ レン", "112011", &[]),
        ChildStatus::InpatientPlanning,
        "2026-10-01",
    );
    let plan = registry
        .create_plan(
            &CreatePlanRequest {
                child_id: id.clone(),
                target_date: "2026-12-01".into(),
                template_id: None,
                note: String::new(),
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    for (role, provider_id, person) in [
        (Role::VisitingNurse, Some(nurse.clone()), ""),
        (Role::Msw, None, "大野 真理子"),
    ] {
        registry
            .add_team_member(
                &AddTeamMemberRequest {
                    plan_id: plan.plan.id.clone(),
                    role,
                    provider_id,
                    person_name: person.into(),
                    organisation: if person.is_empty() {
                        ""
                    } else {
                        "小児医療センター"
                    }
                    .into(),
                    contact: if person.is_empty() { "" } else { "内線 2101" }.into(),
                    start_date: Some("2026-11-01".into()),
                    note: String::new(),
                },
                &stamp(),
            )
            .unwrap();
    }
    let version = registry
        .get_child(
            &CaseRef {
                id: Some(id.clone()),
                case_number: None,
            },
            &stamp(),
        )
        .unwrap()
        .row_version;
    registry
        .change_child_status(
            &ChangeStatusRequest {
                id: id.clone(),
                row_version: version,
                status: ChildStatus::AtHome,
                date: "2026-11-20".into(),
                note: String::new(),
            },
            &stamp(),
        )
        .unwrap();
    plan.plan.id
}

/// The roster's team of [`at_home_with_a_team`]'s child.
fn the_team() -> Vec<RosterTeamContact> {
    vec![
        RosterTeamContact {
            role: "訪問看護".into(),
            name: "川越あおば訪問看護ステーション".into(),
            phone: "049-222-1111".into(),
        },
        RosterTeamContact {
            role: Role::Msw.label_ja().into(),
            name: "大野 真理子（小児医療センター）".into(),
            phone: "内線 2101".into(),
        },
    ]
}

#[test]
fn the_roster_shows_the_current_care_team_with_role_name_and_phone() {
    let (_dir, _vault, mut registry) = new_registry();
    at_home_with_a_team(&mut registry);
    let roster = registry
        .emergency_roster(&RosterQuery::default(), &stamp())
        .unwrap();
    assert_eq!(
        roster.rows[0].team,
        the_team(),
        "the provider's phone, or the person's contact"
    );
}

#[test]
fn the_team_of_a_completed_plan_stays_on_the_roster() {
    let (_dir, _vault, mut registry) = new_registry();
    let plan_id = at_home_with_a_team(&mut registry);
    let plan = registry.get_plan(&plan_id, &stamp()).unwrap().plan;
    registry
        .set_plan_status(
            &SetPlanStatusRequest {
                plan_id,
                row_version: plan.row_version,
                status: PlanStatus::Completed,
                on: None,
            },
            &stamp(),
        )
        .unwrap();
    let roster = registry
        .emergency_roster(&RosterQuery::default(), &stamp())
        .unwrap();
    assert_eq!(
        roster.rows[0].team,
        the_team(),
        "the team goes on at home after discharge"
    );
}

// ---------------------------------------------------------------------------------------
// Files

fn formula_registry() -> (tempfile::TempDir, Registry) {
    let (dir, _vault, mut registry) = new_registry();
    mixed_registry(&mut registry);
    at_home(&mut registry, "=HYPERLINK(\"http://x\",\"x\")", "ン", &[]);
    (dir, registry)
}

fn export(registry: &Registry, format: RosterFormat, encoding: CsvEncoding) -> (Vec<u8>, u32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format.file_name(stamp().today()));
    let n = registry
        .export_roster(&RosterQuery::default(), format, encoding, &path, &stamp())
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no partial file is left beside it"
    );
    (bytes, n)
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_roster_csv_has_a_bom_japanese_headers_and_one_row_per_child_in_order() {
    let (_dir, registry) = formula_registry();
    let (bytes, n) = export(&registry, RosterFormat::Csv, CsvEncoding::Utf8Bom);
    assert_eq!(n, 8);
    let text = String::from_utf8(bytes).unwrap();
    let body = text
        .strip_prefix('\u{feff}')
        .expect("UTF-8 with a BOM for Excel");
    let rows = csv_rows(body);
    assert_eq!(rows[0], ROSTER_HEADERS.map(String::from).to_vec());
    assert_eq!(rows.len(), 9, "header + 8 children");
    let roster = registry
        .emergency_roster(&RosterQuery::default(), &stamp())
        .unwrap();
    for (row, child) in rows[1..].iter().zip(&roster.rows) {
        assert_eq!(row[0], child.rank.to_string());
        if !child.name.starts_with('=') {
            assert_eq!(row[1], child.name);
        }
    }
    assert_eq!(
        rows[1][9], "不明",
        "unknown hours of a power-dependent child say so"
    );
    assert_eq!(rows[2][9], "6");
    assert_eq!(rows[2][7], "○");
    assert!(
        rows[2][8].contains("人工呼吸器（内部2時間・外部4時間）"),
        "{}",
        rows[2][8]
    );
    assert!(
        rows[2][11].contains("1. 川越 節子（祖母） 049-222-0000"),
        "{}",
        rows[2][11]
    );
    let evil = rows.iter().find(|r| r[1].contains("HYPERLINK")).unwrap();
    assert_eq!(
        evil[1], "'=HYPERLINK(\"http://x\",\"x\")",
        "a formula-looking name is neutralised"
    );
}

#[test]
fn the_roster_csv_in_shift_jis_decodes_to_the_same_rows() {
    let (_dir, registry) = formula_registry();
    let (utf8, _) = export(&registry, RosterFormat::Csv, CsvEncoding::Utf8Bom);
    let (sjis, _) = export(&registry, RosterFormat::Csv, CsvEncoding::ShiftJis);
    assert_ne!(&sjis[..3], "\u{feff}".as_bytes(), "no BOM in Shift_JIS");
    let (decoded, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!had_errors);
    let utf8 = String::from_utf8(utf8).unwrap();
    assert_eq!(
        csv_rows(&decoded),
        csv_rows(utf8.trim_start_matches('\u{feff}')),
        "the same cells in either encoding"
    );
}

#[test]
fn the_roster_xlsx_opens_with_the_rows_numbers_as_numbers_and_no_formula() {
    use calamine::Data;
    let (_dir, registry) = formula_registry();
    let (bytes, n) = export(&registry, RosterFormat::Xlsx, CsvEncoding::Utf8Bom);
    assert_eq!(n, 8);
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("calamine opens it");
    let range = book.worksheet_range("緊急時連絡網").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows.len(), 9);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(header, ROSTER_HEADERS.map(String::from).to_vec());
    assert_eq!(rows[1][0], Data::Float(1.0), "the rank is a number");
    assert_eq!(rows[1][1], Data::String("上田 蒼".into()));
    assert_eq!(rows[2][9], Data::Float(6.0), "battery hours are a number");
    assert!(
        rows.iter()
            .any(|r| r[1] == Data::String("=HYPERLINK(\"http://x\",\"x\")".into())),
        "the name is kept exactly, as a string"
    );
    let formulas = book.worksheet_formula("緊急時連絡網").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell holds a formula"
    );
}

#[test]
fn the_roster_pdf_goes_through_the_same_export() {
    let (_dir, registry) = formula_registry();
    let (bytes, n) = export(&registry, RosterFormat::Pdf, CsvEncoding::Utf8Bom);
    assert_eq!(n, 8, "the children it lists");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
}
