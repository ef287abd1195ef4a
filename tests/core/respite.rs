//! Respite beds and bookings (DOMAIN.md §6) on real encrypted registries: the capacity of
//! every night under concurrent confirmations and random sequences, the refusal naming the
//! full night, the maximum stay, the facility's acceptance conditions, the waitlist and the
//! bed offered after a cancellation.

use std::collections::HashMap;
use std::sync::{Arc, Barrier, Mutex, OnceLock};

use chrono::{Days, NaiveDate, TimeZone, Utc};
use kakehashi::cases::*;
use kakehashi::domain::care_item::{CareItemCode, CareItemDetails, CareItemEntry, Supervision};
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::providers::*;
use kakehashi::record::Stamp;
use kakehashi::respite::*;
use kakehashi::{Error, ErrorKind, Lang, Registry, Vault};
use proptest::prelude::*;
use tempfile::TempDir;

use crate::support::{PASSPHRASE, new_registry, stamp, unlock_request};

/// The registry's "now" on a given office day at 09:00 (UTC+9) plus `minute` minutes: the
/// controllable clock (requests made at later minutes wait behind earlier ones).
pub(crate) fn at(day: &str, minute: u32) -> Stamp {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    let t = Utc
        .from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap())
        .checked_add_signed(chrono::TimeDelta::minutes(i64::from(minute)))
        .unwrap();
    Stamp::new("tester", t)
}

fn item(code: CareItemCode) -> CareItemEntry {
    CareItemEntry {
        code,
        supervision: Supervision::Low,
        details: CareItemDetails::default(),
        start_date: Some("2025-06-01".into()),
        end_date: None,
    }
}

/// A child in 川越市 born 2024-05-10, weighing `kg`, with the care items given and a guardian
/// to call; `n` makes the name and reading distinct.
pub(crate) fn child(registry: &mut Registry, n: u32, kg: f64, items: &[CareItemCode]) -> String {
    let child = ChildInput {
        case_number: None,
        name: format!("川越 陽葵{n}"),
        kana: format!("カワゴエ ヒマリ{n}"),
        date_of_birth: "2024-05-10".into(),
        sex: Sex::Female,
        gestational_weeks: None,
        birth_weight_g: None,
        diagnoses: vec![],
        residence: Residence {
            postal_code: String::new(),
            address: "川越市新宿町1-1".into(),
            municipality_code: "112011".into(),
            lat: None,
            lon: None,
        },
        guardians: vec![Guardian {
            name: format!("川越 真央{n}"),
            relation: "母".into(),
            phone_primary: "090-1234-5678".into(),
            phone_secondary: String::new(),
            email: String::new(),
            language_needs: String::new(),
        }],
        siblings: None,
        certificates: Certificates::default(),
        oshima_cell: None,
        yokochi_code: None,
        severe_factors: Default::default(),
        care_items: items.iter().map(|&c| item(c)).collect(),
        consent: Consent::default(),
        coordinator: String::new(),
    };
    registry
        .register_child(
            &RegisterChildRequest {
                child,
                weight: Some(Weight {
                    measured_on: "2026-11-20".into(),
                    weight_kg: kg,
                }),
                status: None,
                status_date: None,
                confirmed_not_duplicate: true,
            },
            &stamp(),
        )
        .expect("the child is registered")
        .id
}

/// A ventilated child of 12.4 kg.
fn ventilated(registry: &mut Registry, n: u32) -> String {
    child(
        registry,
        n,
        12.4,
        &[CareItemCode::Ventilator, CareItemCode::Tracheostomy],
    )
}

fn yes(code: CareItemCode) -> CareItemAnswer {
    CareItemAnswer {
        code,
        answer: Answer::Yes,
    }
}

/// Conditions that take a ventilated child from 川越市.
fn takes_ventilated() -> Conditions {
    Conditions {
        accepts_children: Answer::Yes,
        age_min_months: Some(0),
        age_max_months: Some(18 * 12),
        weight_min_kg: None,
        weight_max_kg: Some(30.0),
        care_items: vec![
            yes(CareItemCode::Ventilator),
            yes(CareItemCode::Tracheostomy),
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

pub(crate) fn provider(
    registry: &mut Registry,
    kind: ProviderKind,
    name: &str,
    conditions: Conditions,
) -> String {
    registry
        .add_provider(
            &AddProviderRequest {
                provider: ProviderInput {
                    kind,
                    name: name.into(),
                    kana: "シセツ".into(),
                    postal_code: String::new(),
                    address: String::new(),
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

/// A short-stay facility taking ventilated children, with `beds` ventilator beds a night and
/// stays of at most `max_stay` nights.
fn facility(registry: &mut Registry, beds: u32, max_stay: u32) -> String {
    let id = provider(
        registry,
        ProviderKind::ShortStay,
        "かけはし短期入所",
        takes_ventilated(),
    );
    set_beds(registry, &id, BedType::Ventilator, beds, max_stay);
    id
}

fn set_beds(registry: &mut Registry, facility: &str, bed_type: BedType, beds: u32, max: u32) {
    registry
        .set_bed_type(
            &SetBedTypeRequest {
                facility_id: facility.into(),
                bed_type,
                beds,
                max_stay_nights: max,
                note: String::new(),
            },
            &stamp(),
        )
        .expect("beds are set");
}

fn ask(child: &str, facility: &str, from: &str, to: &str) -> BookingRequest {
    BookingRequest {
        child_id: child.into(),
        facility_id: facility.into(),
        bed_type: BedType::Ventilator,
        from: from.into(),
        to: to.into(),
        reason: "家族の休養".into(),
        note: String::new(),
        lang: Lang::Ja,
    }
}

fn confirm(registry: &mut Registry, b: &Booking, stamp: &Stamp) -> kakehashi::Result<BookingSaved> {
    registry.confirm_booking(
        &ConfirmBookingRequest {
            booking_id: b.id.clone(),
            row_version: b.row_version,
            lang: Lang::Ja,
        },
        stamp,
    )
}

fn cancel(registry: &mut Registry, b: &Booking, stamp: &Stamp) -> kakehashi::Result<BookingSaved> {
    registry.move_booking(
        &MoveBookingRequest {
            booking_id: b.id.clone(),
            row_version: b.row_version,
            status: BookingStatus::Cancelled,
            reason: Some("体調不良".into()),
            lang: Lang::Ja,
        },
        stamp,
    )
}

fn refusal(e: &Error) -> (Option<String>, String, String) {
    let ja = e.to_api(Lang::Ja);
    assert_eq!(ja.kind, ErrorKind::Validation, "{e:?} is a refusal");
    (ja.field, ja.message, e.to_api(Lang::En).message)
}

#[test]
fn a_three_night_stay_is_refused_naming_the_middle_night_that_is_full_and_nothing_is_written() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 1, 7);
    let taken_by = ventilated(&mut registry, 1);
    let booked = registry
        .book_respite(&ask(&taken_by, &f, "2026-12-03", "2026-12-04"), &stamp())
        .expect("the one bed of the 3rd is free");
    assert_eq!(booked.booking.status, BookingStatus::Confirmed);

    let wanting = ventilated(&mut registry, 2);
    let audit_before = registry.record_counts().unwrap().audit_rows;
    let e = registry
        .book_respite(&ask(&wanting, &f, "2026-12-02", "2026-12-05"), &stamp())
        .expect_err("the 3rd, the middle night, has no bed left");
    let (field, ja, en) = refusal(&e);
    assert_eq!(field.as_deref(), Some("nights"));
    assert!(ja.starts_with("2026-12-03 は満床です"), "{ja}");
    assert!(ja.contains("人工呼吸器対応"), "names the bed type: {ja}");
    assert!(
        en.starts_with("2026-12-03 is full (ventilator-capable beds)"),
        "worded in English throughout: {en}"
    );
    assert_eq!(
        registry.record_counts().unwrap().audit_rows,
        audit_before,
        "a refused booking writes nothing, not even a waiting request"
    );
    assert!(
        registry
            .child_respite_bookings(&wanting)
            .unwrap()
            .is_empty()
    );

    let two_nights_after = registry
        .book_respite(&ask(&wanting, &f, "2026-12-04", "2026-12-06"), &stamp())
        .expect("the booking of the 3rd leaves on the 4th, so the 4th is free");
    assert_eq!(two_nights_after.booking.nights, 2);
}

#[test]
fn booking_never_exceeds_beds_when_several_users_confirm_the_last_bed_at_once() {
    const USERS: usize = 6;
    let (_dir, vault, mut registry) = new_registry();
    let f = facility(&mut registry, 2, 7);
    let first = ventilated(&mut registry, 0);
    registry
        .book_respite(&ask(&first, &f, "2026-12-01", "2026-12-04"), &stamp())
        .expect("one of the two beds is taken");
    let mut requests = Vec::new();
    for n in 1..=USERS as u32 {
        let c = ventilated(&mut registry, n);
        requests.push(
            registry
                .request_booking(&ask(&c, &f, "2026-12-02", "2026-12-05"), &stamp())
                .unwrap()
                .booking,
        );
    }
    // One connection per user, as two windows or two laptops on a share would have.
    let users: Vec<Registry> = (0..USERS)
        .map(|_| {
            vault
                .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
                .unwrap()
        })
        .collect();
    let start = Arc::new(Barrier::new(USERS));
    let results: Vec<kakehashi::Result<BookingSaved>> = std::thread::scope(|s| {
        let handles: Vec<_> = users
            .into_iter()
            .zip(requests.iter())
            .map(|(mut user, booking)| {
                let start = Arc::clone(&start);
                s.spawn(move || {
                    start.wait();
                    confirm(&mut user, booking, &stamp())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "exactly one user gets the last bed");
    for e in results.iter().filter_map(|r| r.as_ref().err()) {
        let (field, ja, _) = refusal(e);
        assert_eq!(field.as_deref(), Some("nights"));
        assert!(
            ja.starts_with("2026-12-02 は満床です"),
            "the others are told the first full night: {ja}"
        );
    }
    let month = registry.respite_nights(&f, "2026-12").unwrap();
    for night in &month.nights {
        let beds = night.beds[0];
        assert!(beds.used <= beds.beds, "{}: {beds:?}", night.date);
    }
    assert_eq!(month.nights[2].beds[0].used, 2, "the 3rd is full");
    assert_eq!(
        month.nights[3].beds[0].used, 1,
        "the winner's last night (the first stay left that morning)"
    );
    assert_eq!(
        month.nights[4].beds[0].used, 0,
        "the winner left on the 5th"
    );
    assert_eq!(
        registry.verify().unwrap(),
        Vec::<String>::new(),
        "every row audited"
    );
}

#[test]
fn a_stay_longer_than_the_facilitys_maximum_or_without_a_night_is_refused() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 3, 3);
    let c = ventilated(&mut registry, 1);
    let e = registry
        .request_booking(&ask(&c, &f, "2026-12-01", "2026-12-05"), &stamp())
        .expect_err("4 nights where 3 are the most");
    let (field, ja, _) = refusal(&e);
    assert_eq!(field.as_deref(), Some("to"));
    assert!(ja.contains("3泊まで") && ja.contains("4泊"), "{ja}");
    for (from, to) in [("2026-12-05", "2026-12-05"), ("2026-12-06", "2026-12-05")] {
        let e = registry
            .book_respite(&ask(&c, &f, from, to), &stamp())
            .expect_err("from ≥ to is no stay");
        assert_eq!(refusal(&e).0.as_deref(), Some("to"));
    }
    let e = registry
        .book_respite(&ask(&c, &f, "2026-11-20", "2026-11-22"), &stamp())
        .expect_err("a stay cannot start before today");
    assert_eq!(refusal(&e).0.as_deref(), Some("from"));
    assert!(registry.child_respite_bookings(&c).unwrap().is_empty());
    let ok = registry
        .book_respite(&ask(&c, &f, "2026-12-01", "2026-12-04"), &stamp())
        .expect("3 nights fit");
    assert_eq!(ok.booking.nights, 3);
}

#[test]
fn only_respite_facilities_with_beds_of_the_type_take_bookings() {
    let (_dir, _vault, mut registry) = new_registry();
    let nursing = provider(
        &mut registry,
        ProviderKind::VisitingNursing,
        "訪問看護みどり",
        takes_ventilated(),
    );
    let e = registry
        .set_bed_type(
            &SetBedTypeRequest {
                facility_id: nursing.clone(),
                bed_type: BedType::Medical,
                beds: 2,
                max_stay_nights: 7,
                note: String::new(),
            },
            &stamp(),
        )
        .expect_err("a nursing station has no beds");
    assert_eq!(refusal(&e).0.as_deref(), Some("facility_id"));
    let c = ventilated(&mut registry, 1);
    let e = registry
        .request_booking(&ask(&c, &nursing, "2026-12-01", "2026-12-02"), &stamp())
        .expect_err("not a respite facility");
    let (field, ja, _) = refusal(&e);
    assert_eq!(field.as_deref(), Some("facility_id"));
    assert!(ja.contains("訪問看護ステーション"), "names the kind: {ja}");

    let hospital = provider(
        &mut registry,
        ProviderKind::Hospital,
        "埼玉医療センター",
        takes_ventilated(),
    );
    set_beds(&mut registry, &hospital, BedType::Medical, 2, 7);
    let e = registry
        .request_booking(&ask(&c, &hospital, "2026-12-01", "2026-12-02"), &stamp())
        .expect_err("a hospital is a respite facility, but has no ventilator beds");
    assert_eq!(refusal(&e).0.as_deref(), Some("bed_type"));
}

#[test]
fn a_child_the_facility_does_not_accept_is_refused_with_the_reasons_in_words() {
    let (_dir, _vault, mut registry) = new_registry();
    let mut strict = takes_ventilated();
    strict.weight_max_kg = Some(10.0);
    strict.care_items = vec![CareItemAnswer {
        code: CareItemCode::Ventilator,
        answer: Answer::No,
    }];
    let f = provider(
        &mut registry,
        ProviderKind::DisabledChildrenFacility,
        "光の家",
        strict,
    );
    set_beds(&mut registry, &f, BedType::Ventilator, 2, 7);
    let c = ventilated(&mut registry, 1);
    let asked = registry
        .request_booking(&ask(&c, &f, "2026-12-01", "2026-12-03"), &stamp())
        .expect("a request is kept: the facility may decide otherwise");
    let unmet: Vec<&str> = asked.unmet.iter().map(|c| c.words.as_str()).collect();
    assert!(
        unmet.contains(&"体重上限 10kg、現在 12.4kg"),
        "the request shows what confirming will refuse: {unmet:?}"
    );
    let tracheostomy_unanswered = asked
        .unknown
        .iter()
        .any(|c| c.words.contains("未回答") && c.words.contains("気管切開"));
    assert!(tracheostomy_unanswered, "{:?}", asked.unknown);

    let e = confirm(&mut registry, &asked.booking, &stamp()).expect_err("not accepted");
    let (field, ja, en) = refusal(&e);
    assert_eq!(field.as_deref(), Some("child_id"));
    assert!(ja.contains("体重上限 10kg、現在 12.4kg"), "{ja}");
    assert!(ja.contains("受け入れ不可"), "the refused ventilator: {ja}");
    assert!(en.contains("Weight limit 10 kg; now 12.4 kg"), "{en}");
    assert_eq!(
        registry.get_booking(&asked.booking.id).unwrap().status,
        BookingStatus::Requested,
        "the request still waits"
    );
}

#[test]
fn an_unanswered_condition_does_not_refuse_and_the_answer_says_so() {
    let (_dir, _vault, mut registry) = new_registry();
    let mut partial = takes_ventilated();
    partial.care_items = vec![yes(CareItemCode::Ventilator)];
    partial.service_area = ServiceArea::default();
    let f = provider(&mut registry, ProviderKind::ShortStay, "ひだまり", partial);
    set_beds(&mut registry, &f, BedType::Ventilator, 1, 7);
    let c = ventilated(&mut registry, 1);
    let saved = registry
        .book_respite(&ask(&c, &f, "2026-12-01", "2026-12-03"), &stamp())
        .expect("unknown is not no");
    assert_eq!(saved.booking.status, BookingStatus::Confirmed);
    assert!(saved.unmet.is_empty());
    let unknown: Vec<&str> = saved.unknown.iter().map(|c| c.words.as_str()).collect();
    assert_eq!(
        unknown.len(),
        2,
        "the tracheostomy and the area are not answered: {unknown:?}"
    );
    assert!(unknown.iter().all(|w| w.contains("未回答")), "{unknown:?}");
}

#[test]
fn a_child_who_has_stayed_before_is_not_a_new_client() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 2, 7);
    let regular = ventilated(&mut registry, 1);
    let newcomer = ventilated(&mut registry, 2);
    let stay = registry
        .book_respite(&ask(&regular, &f, "2026-11-25", "2026-11-27"), &stamp())
        .unwrap();
    registry
        .move_booking(
            &MoveBookingRequest {
                booking_id: stay.booking.id.clone(),
                row_version: stay.booking.row_version,
                status: BookingStatus::Completed,
                reason: None,
                lang: Lang::Ja,
            },
            &at("2026-11-27", 60),
        )
        .expect("the stay is over");
    let mut closed = takes_ventilated();
    closed.taking_new_clients = Answer::No;
    registry
        .record_conditions(
            &RecordConditionsRequest {
                id: f.clone(),
                answered_on: "2026-11-27".into(),
                source: RecordSource::Manual,
                conditions: closed,
            },
            &at("2026-11-27", 60),
        )
        .unwrap();
    let later = at("2026-11-28", 0);
    registry
        .book_respite(&ask(&regular, &f, "2026-12-10", "2026-12-12"), &later)
        .expect("新規受け入れ停止 does not stop a child who already uses the facility");
    let e = registry
        .book_respite(&ask(&newcomer, &f, "2026-12-10", "2026-12-12"), &later)
        .expect_err("a new child is not taken now");
    assert!(refusal(&e).1.contains("新規受け入れ停止中"), "{e:?}");
}

#[test]
fn the_waitlist_keeps_request_order_and_a_cancellation_offers_the_first_request_that_now_fits() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 1, 7);
    let mut kids = Vec::new();
    for n in 0..6 {
        kids.push(ventilated(&mut registry, n));
    }
    let early = registry
        .book_respite(
            &ask(&kids[0], &f, "2026-12-01", "2026-12-03"),
            &at("2026-11-24", 1),
        )
        .unwrap()
        .booking;
    let cancelled = registry
        .book_respite(
            &ask(&kids[1], &f, "2026-12-03", "2026-12-06"),
            &at("2026-11-24", 2),
        )
        .unwrap()
        .booking;
    assert_eq!(early.status, BookingStatus::Confirmed);
    // Waiting, in the order the families asked (the minutes of the clock):
    let request = |r: &mut Registry, kid: &str, from, to, minute| {
        r.request_booking(&ask(kid, &f, from, to), &at("2026-11-24", minute))
            .unwrap()
            .booking
    };
    let no_overlap = request(&mut registry, &kids[2], "2026-12-10", "2026-12-12", 10);
    let blocked = request(&mut registry, &kids[3], "2026-12-02", "2026-12-04", 11);
    let fits = request(&mut registry, &kids[4], "2026-12-04", "2026-12-06", 12);
    let fits_later = request(&mut registry, &kids[5], "2026-12-03", "2026-12-04", 13);
    let ids = |list: Vec<Booking>| list.into_iter().map(|b| b.id).collect::<Vec<_>>();
    assert_eq!(
        ids(registry.respite_waitlist(&f).unwrap()),
        vec![
            no_overlap.id.clone(),
            blocked.id.clone(),
            fits.id.clone(),
            fits_later.id.clone()
        ],
        "request order, whatever the nights"
    );

    let withdrawn = cancel(&mut registry, &fits_later, &at("2026-11-24", 20)).unwrap();
    assert_eq!(withdrawn.offer, None, "withdrawing a request frees no bed");

    let after = cancel(&mut registry, &cancelled, &at("2026-11-24", 30)).unwrap();
    assert_eq!(after.booking.status, BookingStatus::Cancelled);
    assert_eq!(after.booking.reason, "体調不良");
    let offer = after.offer.expect("a bed is offered to someone waiting");
    assert_eq!(
        offer.id, fits.id,
        "the first request sharing a freed night whose every night now fits (the earlier \
         ones do not use the freed nights, or still have a full night)"
    );
    confirm(&mut registry, &offer, &at("2026-11-24", 31)).expect("the offered stay fits");
    assert_eq!(
        ids(registry.respite_waitlist(&f).unwrap()),
        vec![no_overlap.id, blocked.id],
        "the confirmed and the withdrawn requests left the list"
    );
}

#[test]
fn a_booking_moves_only_along_its_lifecycle() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 1, 7);
    let c = ventilated(&mut registry, 1);
    let asked = registry
        .request_booking(&ask(&c, &f, "2026-12-01", "2026-12-03"), &stamp())
        .unwrap()
        .booking;
    let mv = |r: &mut Registry, b: &Booking, status, stamp: &Stamp| {
        r.move_booking(
            &MoveBookingRequest {
                booking_id: b.id.clone(),
                row_version: b.row_version,
                status,
                reason: None,
                lang: Lang::Ja,
            },
            stamp,
        )
    };
    let e = mv(
        &mut registry,
        &asked,
        BookingStatus::Completed,
        &at("2026-12-03", 0),
    )
    .expect_err("a request was never a stay");
    assert_eq!(refusal(&e).0.as_deref(), Some("status"));
    let confirmed = confirm(&mut registry, &asked, &stamp()).unwrap().booking;
    let e = confirm(&mut registry, &confirmed, &stamp()).expect_err("confirmed once");
    assert_eq!(refusal(&e).0.as_deref(), Some("status"));
    let e = mv(&mut registry, &confirmed, BookingStatus::NoShow, &stamp())
        .expect_err("nobody can fail to come before the first night");
    assert!(refusal(&e).1.contains("まだ始まっていません"));
    let e = mv(&mut registry, &asked, BookingStatus::Cancelled, &stamp())
        .expect_err("a form opened before the confirmation is stale");
    assert!(matches!(e, Error::StaleRecord { .. }), "{e:?}");
    let done = mv(
        &mut registry,
        &confirmed,
        BookingStatus::NoShow,
        &at("2026-12-01", 0),
    )
    .unwrap()
    .booking;
    assert_eq!(done.status, BookingStatus::NoShow);
    for status in [BookingStatus::Cancelled, BookingStatus::Completed] {
        let e = mv(&mut registry, &done, status, &at("2026-12-02", 0)).expect_err("final");
        assert_eq!(refusal(&e).0.as_deref(), Some("status"));
    }
}

#[test]
fn a_child_is_in_one_bed_a_night_and_asks_a_facility_once_a_night() {
    let (_dir, _vault, mut registry) = new_registry();
    let a = facility(&mut registry, 2, 7);
    let b = facility(&mut registry, 2, 7);
    let c = ventilated(&mut registry, 1);
    registry
        .book_respite(&ask(&c, &a, "2026-12-01", "2026-12-04"), &stamp())
        .unwrap();
    let e = registry
        .request_booking(&ask(&c, &a, "2026-12-03", "2026-12-05"), &stamp())
        .expect_err("a second request at the same facility for the same night");
    let (field, ja, _) = refusal(&e);
    assert_eq!(field.as_deref(), Some("from"));
    assert!(ja.contains("2026-12-03"), "{ja}");
    let elsewhere = registry
        .request_booking(&ask(&c, &b, "2026-12-03", "2026-12-05"), &stamp())
        .expect("families ask several facilities");
    let e = confirm(&mut registry, &elsewhere.booking, &stamp())
        .expect_err("but a child sleeps in one bed a night");
    assert!(refusal(&e).1.contains("2026-12-03"), "{e:?}");
}

#[test]
fn the_month_shows_beds_used_free_and_waiting_per_night_with_exceptions() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 2, 7);
    set_beds(&mut registry, &f, BedType::Welfare, 4, 14);
    let closed = registry
        .set_capacity_exception(
            &CapacityExceptionRequest {
                facility_id: f.clone(),
                bed_type: BedType::Ventilator,
                from: "2026-12-29".into(),
                to: Some("2027-01-04".into()),
                beds: 0,
                note: "年末年始休業".into(),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(closed, 6);
    let c1 = ventilated(&mut registry, 1);
    let c2 = ventilated(&mut registry, 2);
    registry
        .book_respite(&ask(&c1, &f, "2026-12-01", "2026-12-03"), &stamp())
        .unwrap();
    registry
        .request_booking(&ask(&c2, &f, "2026-12-02", "2026-12-04"), &stamp())
        .unwrap();
    let e = registry
        .book_respite(&ask(&c2, &f, "2026-12-30", "2026-12-31"), &stamp())
        .expect_err("closed");
    assert!(refusal(&e).1.starts_with("2026-12-30 は満床です"));

    let month = registry.respite_nights(&f, "2026-12").unwrap();
    assert_eq!(month.nights.len(), 31);
    assert_eq!(
        month
            .bed_types
            .iter()
            .map(|b| b.bed_type)
            .collect::<Vec<_>>(),
        vec![BedType::Ventilator, BedType::Welfare]
    );
    let on = |date: &str, t: BedType| -> NightBeds {
        *month
            .nights
            .iter()
            .find(|n| n.date == date)
            .unwrap()
            .beds
            .iter()
            .find(|b| b.bed_type == t)
            .unwrap()
    };
    let second = on("2026-12-02", BedType::Ventilator);
    assert_eq!(
        (second.beds, second.used, second.free, second.waiting),
        (2, 1, 1, 1)
    );
    let third = on("2026-12-03", BedType::Ventilator);
    assert_eq!(
        (third.used, third.waiting),
        (0, 1),
        "the stay left in the morning"
    );
    let closed_night = on("2026-12-31", BedType::Ventilator);
    assert_eq!((closed_night.beds, closed_night.free), (0, 0));
    assert!(closed_night.exception);
    let welfare = on("2026-12-31", BedType::Welfare);
    assert_eq!(
        (welfare.beds, welfare.exception),
        (4, false),
        "closure of one type only"
    );

    let removed = registry
        .remove_capacity_exception(
            &RemoveCapacityExceptionRequest {
                facility_id: f.clone(),
                bed_type: BedType::Ventilator,
                from: "2027-01-01".into(),
                to: Some("2027-01-04".into()),
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(removed, 3, "the new year's nights open again");
    let january = registry.respite_nights(&f, "2027-01").unwrap();
    assert_eq!(january.nights[0].beds[0].beds, 2);
    let e = registry.respite_nights(&f, "2026-13").unwrap_err();
    assert_eq!(e.field(), Some("month"));
}

#[test]
fn beds_that_confirmed_stays_hold_cannot_be_taken_away() {
    let (_dir, _vault, mut registry) = new_registry();
    let f = facility(&mut registry, 2, 7);
    for n in 0..2 {
        let c = ventilated(&mut registry, n);
        registry
            .book_respite(&ask(&c, &f, "2026-12-05", "2026-12-07"), &stamp())
            .unwrap();
    }
    let e = registry
        .set_bed_type(
            &SetBedTypeRequest {
                facility_id: f.clone(),
                bed_type: BedType::Ventilator,
                beds: 1,
                max_stay_nights: 7,
                note: String::new(),
            },
            &stamp(),
        )
        .expect_err("two stays hold both beds on the 5th");
    let (field, ja, _) = refusal(&e);
    assert_eq!(field.as_deref(), Some("beds"));
    assert!(ja.starts_with("2026-12-05 には確定した利用が2件"), "{ja}");
    let e = registry
        .set_capacity_exception(
            &CapacityExceptionRequest {
                facility_id: f.clone(),
                bed_type: BedType::Ventilator,
                from: "2026-12-06".into(),
                to: None,
                beds: 0,
                note: "臨時休業".into(),
            },
            &stamp(),
        )
        .expect_err("closing a booked night");
    assert!(refusal(&e).1.starts_with("2026-12-06"), "{e:?}");
    assert_eq!(
        registry.respite_bed_types(&f).unwrap()[0].beds,
        2,
        "nothing changed"
    );
    assert!(
        !registry.respite_nights(&f, "2026-12").unwrap().nights[5].beds[0].exception,
        "no closure was written"
    );
}

// ---- The invariant under random sequences ----------------------------------------------

/// One registry for every case (a fresh facility and children per case keep cases apart).
fn shared() -> &'static Mutex<(TempDir, Vault, Registry)> {
    static SHARED: OnceLock<Mutex<(TempDir, Vault, Registry)>> = OnceLock::new();
    SHARED.get_or_init(|| Mutex::new(new_registry()))
}

#[derive(Debug, Clone)]
enum Step {
    /// A child (of 4) asks for nights [start, start + len) of December.
    Request {
        child: usize,
        start: u32,
        len: u32,
    },
    /// A child asks and confirms at once.
    Book {
        child: usize,
        start: u32,
        len: u32,
    },
    /// Confirm the k-th booking made so far (whatever its status now).
    Confirm(usize),
    Cancel(usize),
    /// Set the beds of one night (a closure or extra beds).
    Exception {
        night: u32,
        beds: u32,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..4usize, 1..12u32, 1..4u32).prop_map(|(child, start, len)| Step::Request { child, start, len }),
        2 => (0..4usize, 1..12u32, 1..4u32).prop_map(|(child, start, len)| Step::Book { child, start, len }),
        4 => (0..40usize).prop_map(Step::Confirm),
        2 => (0..40usize).prop_map(Step::Cancel),
        1 => (1..14u32, 0..3u32).prop_map(|(night, beds)| Step::Exception { night, beds }),
    ]
}

fn december(day: u32) -> String {
    NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .checked_add_days(Days::new(u64::from(day - 1)))
        .unwrap()
        .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_requests_confirmations_and_cancellations_overfills_a_night(
        beds in 0u32..3,
        steps in proptest::collection::vec(step(), 1..30),
    ) {
        let mut guard = shared().lock().unwrap_or_else(|p| p.into_inner());
        let registry = &mut guard.2;
        let f = facility(registry, beds, 3);
        let kids: Vec<String> = (0..4).map(|n| ventilated(registry, 100 + n)).collect();
        // The beds the test itself knows each night has (the usual, or an exception it set).
        let mut beds_on: HashMap<String, u32> = HashMap::new();
        let mut made: Vec<String> = Vec::new();
        for step in steps {
            match step {
                Step::Request { child, start, len } => {
                    if let Ok(s) = registry.request_booking(&ask(&kids[child], &f, &december(start), &december(start + len)), &stamp()) {
                        made.push(s.booking.id);
                    }
                }
                Step::Book { child, start, len } => {
                    if let Ok(s) = registry.book_respite(&ask(&kids[child], &f, &december(start), &december(start + len)), &stamp()) {
                        made.push(s.booking.id);
                    }
                }
                Step::Confirm(k) | Step::Cancel(k) if made.is_empty() => { let _ = k; }
                Step::Confirm(k) => {
                    let b = registry.get_booking(&made[k % made.len()]).unwrap();
                    let _ = confirm(registry, &b, &stamp());
                }
                Step::Cancel(k) => {
                    let b = registry.get_booking(&made[k % made.len()]).unwrap();
                    let _ = cancel(registry, &b, &stamp());
                }
                Step::Exception { night, beds: n } => {
                    let set = registry.set_capacity_exception(&CapacityExceptionRequest {
                        facility_id: f.clone(),
                        bed_type: BedType::Ventilator,
                        from: december(night),
                        to: None,
                        beds: n,
                        note: String::new(),
                    }, &stamp());
                    if set.is_ok() {
                        beds_on.insert(december(night), n);
                    }
                }
            }
            // Count the confirmed stays of every night from the bookings themselves.
            let mut held: HashMap<String, u32> = HashMap::new();
            for kid in &kids {
                for b in registry.child_respite_bookings(kid).unwrap() {
                    if b.facility_id == f && b.status == BookingStatus::Confirmed {
                        for d in 0..b.nights {
                            let night = NaiveDate::parse_from_str(&b.from, "%Y-%m-%d").unwrap()
                                .checked_add_days(Days::new(u64::from(d))).unwrap().to_string();
                            *held.entry(night).or_default() += 1;
                        }
                    }
                }
            }
            for (night, n) in &held {
                let beds_that_night = beds_on.get(night).copied().unwrap_or(beds);
                prop_assert!(*n <= beds_that_night, "{night}: {n} stays in {beds_that_night} beds");
            }
        }
    }
}
