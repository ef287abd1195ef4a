//! The 24/365 consultation log (DOMAIN.md §8) on a real encrypted registry: quick entry with
//! only the required fields, the list's filters, and a year's counts by the office's month,
//! outcome and caller type.

use kakehashi::consultations::*;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::respite::{at, child};
use crate::support::new_registry;

fn call(
    at_local: &str,
    caller: CallerType,
    outcome: ConsultationOutcome,
    topic: &str,
) -> ConsultationInput {
    ConsultationInput {
        at: at_local.into(),
        caller_type: Some(caller),
        child_id: None,
        topic: topic.into(),
        outcome: Some(outcome),
        staff: String::new(),
        minutes: None,
        note: String::new(),
    }
}

fn log(registry: &mut Registry, input: ConsultationInput) -> Consultation {
    registry
        .record_consultation(&input, &at("2027-01-05", 0))
        .expect("the call is logged")
}

fn refused_at(e: Error) -> String {
    let api = e.to_api(Lang::Ja);
    assert_eq!(api.kind, ErrorKind::Validation, "{}", api.message);
    api.field.unwrap_or_default()
}

#[test]
fn a_call_is_logged_with_only_when_who_topic_and_outcome() {
    let (_dir, _vault, mut registry) = new_registry();
    let now = at("2026-11-24", 12 * 60 + 40); // 21:40 at the office
    let c = registry
        .record_consultation(
            &call(
                "2026-11-24 21:30",
                CallerType::Family,
                ConsultationOutcome::Advice,
                "夜間の吸引で少量の出血",
            ),
            &now,
        )
        .unwrap();
    assert_eq!(c.at, "2026-11-24T12:30:00.000Z", "stored in UTC");
    assert_eq!(c.at_local, "2026-11-24 21:30", "shown in the office's time");
    assert_eq!(c.child_id, None);

    let before = registry.record_counts().unwrap().audit_rows;
    let mut blank = call("", CallerType::Family, ConsultationOutcome::Advice, "x");
    let e = registry.record_consultation(&blank, &now).unwrap_err();
    assert_eq!(refused_at(e), "at");
    blank.at = "2026-11-24 21:30".into();
    blank.caller_type = None;
    assert_eq!(
        refused_at(registry.record_consultation(&blank, &now).unwrap_err()),
        "caller_type"
    );
    let mut no_outcome = call(
        "2026-11-24 21:30",
        CallerType::Family,
        ConsultationOutcome::Advice,
        "x",
    );
    no_outcome.outcome = None;
    assert_eq!(
        refused_at(registry.record_consultation(&no_outcome, &now).unwrap_err()),
        "outcome"
    );
    let no_topic = call(
        "2026-11-24 21:30",
        CallerType::Family,
        ConsultationOutcome::Advice,
        " ",
    );
    assert_eq!(
        refused_at(registry.record_consultation(&no_topic, &now).unwrap_err()),
        "topic"
    );
    let tomorrow = call(
        "2026-11-25 08:00",
        CallerType::Family,
        ConsultationOutcome::Advice,
        "x",
    );
    assert_eq!(
        refused_at(registry.record_consultation(&tomorrow, &now).unwrap_err()),
        "at"
    );
    let mut unknown_child = call(
        "2026-11-24 21:30",
        CallerType::Family,
        ConsultationOutcome::Advice,
        "x",
    );
    unknown_child.child_id = Some("no-such-child".into());
    assert!(matches!(
        registry.record_consultation(&unknown_child, &now),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        registry.record_counts().unwrap().audit_rows,
        before,
        "refused calls write nothing"
    );
}

#[test]
fn the_list_filters_by_dates_caller_outcome_child_and_words() {
    let (_dir, _vault, mut registry) = new_registry();
    let kid = child(&mut registry, 1, 11.0, &[]);
    let mut about_kid = call(
        "2026-12-01 02:10",
        CallerType::Family,
        ConsultationOutcome::EmergencyAdmission,
        "呼吸器アラームが止まらない",
    );
    about_kid.child_id = Some(kid.clone());
    about_kid.staff = "佐藤".into();
    about_kid.minutes = Some(25);
    let first = log(&mut registry, about_kid);
    let case = registry
        .get_child(
            &kakehashi::cases::CaseRef {
                id: Some(kid.clone()),
                case_number: None,
            },
            &crate::support::stamp(),
        )
        .unwrap()
        .case_number;
    assert_eq!(
        first.case_number,
        Some(case),
        "the call shows the child's case"
    );
    log(
        &mut registry,
        call(
            "2026-11-30 23:50",
            CallerType::NursingStation,
            ConsultationOutcome::Advice,
            "カニューレ交換の手順",
        ),
    );
    log(
        &mut registry,
        call(
            "2026-12-20 10:00",
            CallerType::School,
            ConsultationOutcome::Referred,
            "修学旅行の吸引器",
        ),
    );
    let list = |r: &Registry, f: ConsultationFilter| {
        r.consultations(&f)
            .unwrap()
            .consultations
            .into_iter()
            .map(|c| c.topic)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        list(&registry, ConsultationFilter::default()),
        vec![
            "修学旅行の吸引器",
            "呼吸器アラームが止まらない",
            "カニューレ交換の手順"
        ],
        "the latest call first"
    );
    let december = ConsultationFilter {
        from: Some("2026-12-01".into()),
        to: Some("2026-12-01".into()),
        ..Default::default()
    };
    assert_eq!(
        list(&registry, december),
        vec!["呼吸器アラームが止まらない"],
        "a day is the office's day: 23:50 on the 30th is not the 1st"
    );
    let by_caller = ConsultationFilter {
        caller_type: Some(CallerType::School),
        ..Default::default()
    };
    assert_eq!(list(&registry, by_caller), vec!["修学旅行の吸引器"]);
    let by_outcome = ConsultationFilter {
        outcome: Some(ConsultationOutcome::Advice),
        ..Default::default()
    };
    assert_eq!(list(&registry, by_outcome), vec!["カニューレ交換の手順"]);
    let by_child = ConsultationFilter {
        child_id: Some(kid),
        ..Default::default()
    };
    assert_eq!(
        list(&registry, by_child),
        vec!["呼吸器アラームが止まらない"]
    );
    let words = ConsultationFilter {
        text: Some("かにゅーれ".into()),
        ..Default::default()
    };
    assert_eq!(
        list(&registry, words),
        vec!["カニューレ交換の手順"],
        "hiragana finds katakana"
    );
    let staff = ConsultationFilter {
        text: Some("佐藤".into()),
        outcome: Some(ConsultationOutcome::Advice),
        ..Default::default()
    };
    assert!(list(&registry, staff).is_empty(), "filters combine");
    let page = registry
        .consultations(&ConsultationFilter {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.total, page.consultations.len()), (3, 1));
}

#[test]
fn monthly_counts_by_outcome_and_caller_type_follow_the_office_calendar() {
    let (_dir, _vault, mut registry) = new_registry();
    use CallerType as C;
    use ConsultationOutcome as O;
    let calls = [
        ("2025-12-31 23:59", C::Family, O::Advice), // last year
        ("2026-01-01 00:05", C::Family, O::Advice), // 15:05 UTC on Dec 31st
        ("2026-01-31 23:30", C::Clinic, O::VisitArranged),
        ("2026-02-01 00:30", C::Family, O::EmergencyAdmission),
        ("2026-02-14 13:00", C::Municipality, O::RespiteArranged),
        ("2026-02-15 09:00", C::Family, O::RespiteArranged),
        ("2026-12-31 23:59", C::Other, O::Referred),
        ("2027-01-01 00:01", C::Family, O::Advice), // next year
    ];
    for (when, caller, outcome) in calls {
        log(&mut registry, call(when, caller, outcome, "相談"));
    }
    let year = registry.consultation_counts(2026).unwrap();
    assert_eq!(year.months.len(), 12, "every month, even the quiet ones");
    let jan = year.months[0].counts;
    assert_eq!(
        jan.total, 2,
        "the first minutes of the year count in January"
    );
    assert_eq!((jan.by_caller.family, jan.by_caller.clinic), (1, 1));
    assert_eq!(
        (jan.by_outcome.advice, jan.by_outcome.visit_arranged),
        (1, 1)
    );
    let feb = year.months[1].counts;
    assert_eq!(feb.total, 3);
    assert_eq!(feb.by_outcome.respite_arranged, 2);
    assert_eq!(feb.by_outcome.emergency_admission, 1);
    assert_eq!((feb.by_caller.family, feb.by_caller.municipality), (2, 1));
    assert_eq!(year.months[11].counts.by_caller.other, 1);
    assert!(year.months[2..11].iter().all(|m| m.counts.total == 0));
    assert_eq!(year.year_total.total, 6, "the calls of 2026 only");
    let sum: u32 = year.months.iter().map(|m| m.counts.total).sum();
    assert_eq!(sum, year.year_total.total);
    assert_eq!(year.year_total.by_outcome.advice, 1);
    assert_eq!(
        registry.consultation_counts(2027).unwrap().year_total.total,
        1
    );
    assert_eq!(
        registry.consultation_counts(1800).unwrap_err().field(),
        Some("year")
    );
}
