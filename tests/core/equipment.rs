//! Emergency equipment lending (DOMAIN.md §7) on real encrypted registries: a unit is never
//! lent twice at once (also by two users at the same moment), refused loans and returns
//! change nothing, the overdue list follows the day it is asked for, and each unit keeps its
//! history.

use std::sync::{Arc, Barrier};

use chrono::NaiveDate;
use kakehashi::equipment::*;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::respite::{at, child};
use crate::support::{PASSPHRASE, new_registry, stamp, unlock_request};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A foot-pump suction device (足踏み式吸引器) with the tag given, in good order.
fn suction_unit(registry: &mut Registry, tag: &str) -> EquipmentUnit {
    let kind = match registry
        .equipment_types()
        .unwrap()
        .into_iter()
        .find(|t| t.name == "足踏み式吸引器")
    {
        Some(t) => t,
        None => registry
            .add_equipment_type(
                &EquipmentTypeInput {
                    name: "足踏み式吸引器".into(),
                    note: String::new(),
                },
                &stamp(),
            )
            .unwrap(),
    };
    registry
        .add_equipment_unit(
            &AddUnitRequest {
                type_id: kind.id,
                asset_tag: tag.into(),
                condition: UnitCondition::Good,
                note: String::new(),
            },
            &stamp(),
        )
        .unwrap()
}

fn lend(unit: &str, child: &str, lent_on: &str, due_on: &str) -> LendRequest {
    LendRequest {
        unit_id: unit.into(),
        child_id: child.into(),
        lent_on: lent_on.into(),
        due_on: due_on.into(),
        note: String::new(),
    }
}

fn give_back(unit: &str, on: &str, condition: UnitCondition) -> ReturnRequest {
    ReturnRequest {
        unit_id: unit.into(),
        returned_on: Some(on.into()),
        condition,
        note: None,
    }
}

fn refusal(e: &Error) -> (Option<String>, String) {
    let api = e.to_api(Lang::Ja);
    assert_eq!(api.kind, ErrorKind::Validation, "{e:?} is a refusal");
    (api.field, api.message)
}

#[test]
fn a_unit_is_never_lent_twice_at_once() {
    let (_dir, _vault, mut registry) = new_registry();
    let unit = suction_unit(&mut registry, "KH-SUC-001");
    let a = child(&mut registry, 1, 11.0, &[]);
    let b = child(&mut registry, 2, 11.0, &[]);
    registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-20", "2026-12-20"), &stamp())
        .unwrap();
    let e = registry
        .lend_equipment(&lend(&unit.id, &b, "2026-11-24", "2026-12-24"), &stamp())
        .expect_err("it is with the first family");
    let (field, message) = refusal(&e);
    assert_eq!(field.as_deref(), Some("unit_id"));
    assert!(
        message.contains("2026-11-20 から貸出中") && message.contains("2026-12-20"),
        "{message}"
    );
    let history = registry.unit_history(&unit.id).unwrap();
    assert_eq!(history.loans.len(), 1, "the refused loan left no trace");
    assert_eq!(history.unit.loan.map(|l| l.child_id), Some(a));
}

#[test]
fn two_users_lending_the_same_unit_at_the_same_moment_cannot_both_succeed() {
    const USERS: usize = 4;
    let (_dir, vault, mut registry) = new_registry();
    let unit = suction_unit(&mut registry, "KH-SUC-002");
    let kids: Vec<String> = (0..USERS as u32)
        .map(|n| child(&mut registry, n, 10.0, &[]))
        .collect();
    let users: Vec<Registry> = (0..USERS)
        .map(|_| {
            vault
                .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
                .unwrap()
        })
        .collect();
    let start = Arc::new(Barrier::new(USERS));
    let results: Vec<kakehashi::Result<Loan>> = std::thread::scope(|s| {
        let handles: Vec<_> = users
            .into_iter()
            .zip(kids.iter())
            .map(|(mut user, kid)| {
                let (start, unit) = (Arc::clone(&start), unit.id.clone());
                s.spawn(move || {
                    start.wait();
                    user.lend_equipment(&lend(&unit, kid, "2026-11-24", "2026-12-01"), &stamp())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "one family gets it"
    );
    for e in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(refusal(e).0.as_deref(), Some("unit_id"), "{e:?}");
    }
    assert_eq!(registry.unit_history(&unit.id).unwrap().loans.len(), 1);
}

#[test]
fn a_loan_due_before_it_starts_or_starting_tomorrow_is_refused() {
    let (_dir, _vault, mut registry) = new_registry();
    let unit = suction_unit(&mut registry, "KH-SUC-003");
    let a = child(&mut registry, 1, 11.0, &[]);
    let e = registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-20", "2026-11-19"), &stamp())
        .expect_err("due the day before it goes out");
    let (field, message) = refusal(&e);
    assert_eq!(field.as_deref(), Some("due_on"));
    assert!(message.contains("返却予定日"), "{message}");
    let e = registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-25", "2026-12-25"), &stamp())
        .expect_err("a loan is recorded when the unit goes out, not before");
    assert_eq!(refusal(&e).0.as_deref(), Some("lent_on"));
    assert!(registry.unit_history(&unit.id).unwrap().loans.is_empty());
    registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-24", "2026-11-24"), &stamp())
        .expect("due the same day is a loan for the day");
}

#[test]
fn returning_a_unit_that_is_not_lent_is_refused() {
    let (_dir, _vault, mut registry) = new_registry();
    let unit = suction_unit(&mut registry, "KH-SUC-004");
    let e = registry
        .return_equipment(
            &give_back(&unit.id, "2026-11-24", UnitCondition::Good),
            &stamp(),
        )
        .expect_err("it never went out");
    let (field, message) = refusal(&e);
    assert_eq!(field.as_deref(), Some("unit_id"));
    assert!(message.contains("貸出中ではありません"), "{message}");
    let a = child(&mut registry, 1, 11.0, &[]);
    registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-10", "2026-11-30"), &stamp())
        .unwrap();
    let e = registry
        .return_equipment(
            &give_back(&unit.id, "2026-11-09", UnitCondition::Good),
            &stamp(),
        )
        .expect_err("back before it went out");
    assert_eq!(refusal(&e).0.as_deref(), Some("returned_on"));
    registry
        .return_equipment(
            &give_back(&unit.id, "2026-11-21", UnitCondition::Worn),
            &stamp(),
        )
        .unwrap();
    let e = registry
        .return_equipment(
            &give_back(&unit.id, "2026-11-22", UnitCondition::Good),
            &stamp(),
        )
        .expect_err("returned once");
    assert_eq!(refusal(&e).0.as_deref(), Some("unit_id"));
    assert_eq!(
        registry.equipment_unit(&unit.id).unwrap().condition,
        UnitCondition::Worn,
        "the condition on return is the unit's, and the refused return changed nothing"
    );
}

#[test]
fn the_overdue_list_follows_the_day_it_is_asked_for() {
    let (_dir, _vault, mut registry) = new_registry();
    let suction = suction_unit(&mut registry, "KH-SUC-005");
    let other = suction_unit(&mut registry, "KH-SUC-006");
    let a = child(&mut registry, 1, 11.0, &[]);
    let b = child(&mut registry, 2, 11.0, &[]);
    registry
        .lend_equipment(&lend(&suction.id, &a, "2026-11-24", "2026-12-01"), &stamp())
        .unwrap();
    registry
        .lend_equipment(&lend(&other.id, &b, "2026-11-24", "2026-12-10"), &stamp())
        .unwrap();
    assert!(
        registry
            .overdue_loans(day("2026-12-01"))
            .unwrap()
            .is_empty(),
        "due today is not late yet"
    );
    let late = registry.overdue_loans(day("2026-12-02")).unwrap();
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].loan.asset_tag, "KH-SUC-005");
    assert_eq!(late[0].days_overdue, 1);
    assert_eq!(late[0].guardian_phone, "090-1234-5678", "whom to call");
    let later = registry.overdue_loans(day("2026-12-15")).unwrap();
    assert_eq!(
        later
            .iter()
            .map(|l| (l.loan.asset_tag.as_str(), l.days_overdue))
            .collect::<Vec<_>>(),
        vec![("KH-SUC-005", 14), ("KH-SUC-006", 5)],
        "the longest overdue first"
    );
    registry
        .return_equipment(
            &give_back(&suction.id, "2026-12-03", UnitCondition::Good),
            &at("2026-12-03", 0),
        )
        .unwrap();
    let after = registry.overdue_loans(day("2026-12-15")).unwrap();
    assert_eq!(after.len(), 1, "a unit back is not overdue");
    assert_eq!(after[0].loan.asset_tag, "KH-SUC-006");
}

#[test]
fn a_unit_keeps_its_history_and_a_broken_one_stays_home() {
    let (_dir, _vault, mut registry) = new_registry();
    let unit = suction_unit(&mut registry, "KH-SUC-007");
    let a = child(&mut registry, 1, 11.0, &[]);
    let b = child(&mut registry, 2, 11.0, &[]);
    registry
        .lend_equipment(&lend(&unit.id, &a, "2026-10-01", "2026-10-31"), &stamp())
        .unwrap();
    registry
        .return_equipment(
            &give_back(&unit.id, "2026-10-30", UnitCondition::Good),
            &stamp(),
        )
        .unwrap();
    let e = registry
        .lend_equipment(&lend(&unit.id, &b, "2026-10-15", "2026-11-15"), &stamp())
        .expect_err("it was with the first family until the 30th");
    assert_eq!(refusal(&e).0.as_deref(), Some("lent_on"));
    registry
        .lend_equipment(&lend(&unit.id, &b, "2026-11-01", "2026-11-20"), &stamp())
        .unwrap();
    registry
        .return_equipment(
            &give_back(&unit.id, "2026-11-22", UnitCondition::Broken),
            &stamp(),
        )
        .unwrap();
    let history = registry.unit_history(&unit.id).unwrap();
    let loans: Vec<(&str, Option<&str>, Option<UnitCondition>)> = history
        .loans
        .iter()
        .map(|l| {
            (
                l.child_id.as_str(),
                l.returned_on.as_deref(),
                l.return_condition,
            )
        })
        .collect();
    assert_eq!(
        loans,
        vec![
            (b.as_str(), Some("2026-11-22"), Some(UnitCondition::Broken)),
            (a.as_str(), Some("2026-10-30"), Some(UnitCondition::Good)),
        ],
        "the latest loan first"
    );
    assert_eq!(history.unit.condition, UnitCondition::Broken);
    let e = registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-24", "2026-12-24"), &stamp())
        .expect_err("a broken unit does not go out");
    assert!(refusal(&e).1.contains("破損"), "{e:?}");
}

#[test]
fn asset_tags_are_unique_and_a_unit_out_on_loan_is_not_retired() {
    let (_dir, _vault, mut registry) = new_registry();
    let unit = suction_unit(&mut registry, "KH-BAG-001");
    let types = registry.equipment_types().unwrap();
    let e = registry
        .add_equipment_unit(
            &AddUnitRequest {
                type_id: types[0].id.clone(),
                asset_tag: "ＫＨ－ＢＡＧ－００１".into(),
                condition: UnitCondition::Good,
                note: String::new(),
            },
            &stamp(),
        )
        .expect_err("the same tag typed in full width");
    assert_eq!(refusal(&e).0.as_deref(), Some("asset_tag"));
    let e = registry
        .add_equipment_type(
            &EquipmentTypeInput {
                name: "足踏み式吸引器".into(),
                note: String::new(),
            },
            &stamp(),
        )
        .expect_err("one type per name");
    assert_eq!(refusal(&e).0.as_deref(), Some("name"));

    let a = child(&mut registry, 1, 11.0, &[]);
    registry
        .lend_equipment(&lend(&unit.id, &a, "2026-11-24", "2026-12-24"), &stamp())
        .unwrap();
    let unit = registry
        .equipment_unit_by_tag("ＫＨ－ＢＡＧ－００１")
        .unwrap();
    assert!(
        unit.loan.is_some(),
        "found by its tag as typed, out on loan"
    );
    let e = registry
        .update_equipment_unit(
            &UpdateUnitRequest {
                unit_id: unit.id.clone(),
                row_version: unit.row_version,
                condition: UnitCondition::Good,
                retired_on: Some("2026-11-24".into()),
                note: String::new(),
            },
            &stamp(),
        )
        .expect_err("it is with a family");
    assert_eq!(refusal(&e).0.as_deref(), Some("unit_id"));
    let counts = &registry.equipment_types().unwrap()[0];
    assert_eq!((counts.units, counts.on_loan), (1, 1));
}
