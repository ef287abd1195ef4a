//! Discharge-to-home plans: tasks from the pathway template due on target + offset, moving the
//! target, one active plan per child, the referral lifecycle (every step allowed or refused),
//! the care team, conferences, family training, the dashboard — every write audited, every
//! refusal at its field with nothing written.

use chrono::{Days, NaiveDate};
use kakehashi::cases::*;
use kakehashi::domain::child_status::ChildStatus;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::domain::role::Role;
use kakehashi::plans::*;
use kakehashi::providers::*;
use kakehashi::{Error, Lang, Registry};

use crate::support::{new_registry, stamp};

/// The office's date in `support::stamp()` (2026-11-24 09:00 UTC is 18:00 in Japan).
fn today() -> NaiveDate {
    stamp().today()
}

fn day(offset: i64) -> String {
    if offset >= 0 {
        today() + Days::new(offset as u64)
    } else {
        today() - Days::new(offset.unsigned_abs())
    }
    .to_string()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn child(name: &str, kana: &str) -> ChildInput {
    ChildInput {
        case_number: None,
        name: name.into(),
        kana: kana.into(),
        date_of_birth: "2025-05-10".into(),
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
        care_items: vec![],
        consent: Consent::default(),
        coordinator: String::new(),
    }
}

fn register(registry: &mut Registry, name: &str, kana: &str) -> ChildDetail {
    registry
        .register_child(
            &RegisterChildRequest {
                child: child(name, kana),
                weight: None,
                status: Some(ChildStatus::InpatientPlanning),
                status_date: None,
                confirmed_not_duplicate: true,
            },
            &stamp(),
        )
        .expect("a complete intake is accepted")
}

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

fn create_plan(registry: &mut Registry, child_id: &str, target: &str) -> Result<PlanSaved, Error> {
    registry.create_plan(
        &CreatePlanRequest {
            child_id: child_id.into(),
            target_date: target.into(),
            template_id: None,
            note: String::new(),
        },
        &stamp(),
    )
}

/// A registry with one child and an active plan whose target is `target_in` days away.
fn with_plan(target_in: i64) -> (tempfile::TempDir, Registry, PlanDetail) {
    let (dir, _vault, mut registry) = new_registry();
    let child = register(&mut registry, "川越 陽葵", "カワゴエ ヒマリ");
    let plan = create_plan(&mut registry, &child.id, &day(target_in))
        .expect("a target date in the future is accepted")
        .plan;
    (dir, registry, plan)
}

fn field_of(e: &Error) -> &str {
    e.field().unwrap_or("<no field>")
}

fn person(registry: &mut Registry, plan_id: &str, role: Role, name: &str) -> PlanSaved {
    registry
        .add_team_member(
            &AddTeamMemberRequest {
                plan_id: plan_id.into(),
                role,
                provider_id: None,
                person_name: name.into(),
                organisation: "埼玉県立小児医療センター".into(),
                contact: "内線 1234".into(),
                start_date: Some(day(-30)),
                note: String::new(),
            },
            &stamp(),
        )
        .expect("a person joins the team by name")
}

fn referral(
    registry: &mut Registry,
    plan_id: &str,
    provider_id: &str,
    role: Role,
) -> Result<PlanSaved, Error> {
    registry.create_referral(
        &CreateReferralRequest {
            plan_id: plan_id.into(),
            provider_id: provider_id.into(),
            role,
            start_on: None,
            note: String::new(),
        },
        &stamp(),
    )
}

fn referral_in(plan: &PlanDetail, id: &str) -> Referral {
    plan.referrals
        .iter()
        .find(|r| r.id == id)
        .cloned()
        .expect("the referral is on the plan page")
}

fn step(registry: &mut Registry, r: &Referral, status: ReferralStatus) -> Result<PlanSaved, Error> {
    registry.move_referral(
        &MoveReferralRequest {
            referral_id: r.id.clone(),
            row_version: r.row_version,
            status,
            on: None,
            reason: "定員に空きがない".into(),
            start_on: None,
        },
        &stamp(),
    )
}

fn audit_count(registry: &Registry) -> i64 {
    registry.record_counts().unwrap().audit_rows
}

#[test]
fn a_new_plan_gets_every_task_of_the_default_template_due_on_target_plus_offset() {
    let (_dir, registry, plan) = with_plan(90);
    let template = registry
        .list_templates()
        .unwrap()
        .into_iter()
        .find(|t| t.is_default)
        .expect("a default template is seeded with the schema");
    assert_eq!(plan.plan.template_id.as_deref(), Some(template.id.as_str()));
    assert_eq!(plan.plan.status, PlanStatus::Active);
    assert_eq!(
        plan.tasks.len(),
        template.tasks.len(),
        "one task per template row"
    );
    let target = date(&plan.plan.target_date);
    for t in &template.tasks {
        let task = plan
            .tasks
            .iter()
            .find(|p| p.title == t.title && p.offset_days == Some(t.offset_days))
            .unwrap_or_else(|| panic!("{} is in the plan", t.title));
        let due = target + chrono::TimeDelta::days(i64::from(t.offset_days));
        assert_eq!(
            task.due_date,
            due.to_string(),
            "{}: target + offset",
            t.title
        );
        assert_eq!((task.phase, task.role), (t.phase, t.role));
        assert_eq!(task.status, TaskStatus::Open);
        assert_eq!(task.owner, None, "nobody owns a task until it is given");
    }
    let joint = plan
        .tasks
        .iter()
        .find(|t| t.title == "院内カンファレンス")
        .unwrap();
    assert_eq!(
        (joint.role, joint.note.as_str()),
        (Role::AttendingPhysician, "ほかに 看護師・MSW"),
        "a row with several roles keeps the first as its role and names the others"
    );
    let introduction = plan.tasks.iter().filter(|t| t.phase == Phase::Introduction);
    assert!(
        introduction.clone().count() > 0
            && introduction
                .clone()
                .all(|t| t.due_date == day(0) && !t.overdue),
        "導入期 (−90) of a plan 90 days out is due today, not overdue"
    );
    let dues: Vec<&str> = plan.tasks.iter().map(|t| t.due_date.as_str()).collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted, "tasks come by due date");
    assert_eq!(plan.child.name, "川越 陽葵");
    assert_eq!(
        plan.child.age_months_at_target, 21,
        "born 2025-05-10, target 2027-02-22: 21 whole months on the target date"
    );
    assert!(
        plan.open_roles.contains(&Role::VisitingNurse) && !plan.open_roles.contains(&Role::Msw),
        "open roles are those a provider can fill"
    );
    assert_eq!(plan.training.len(), TrainingItem::ALL.len());
    assert!(
        plan.training
            .iter()
            .all(|e| e.level == TrainingLevel::None && e.id.is_none())
    );
    let history = registry.history("plan", &plan.plan.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "create");
    assert_eq!(history[0].actor, "tester");
    for task in &plan.tasks {
        assert_eq!(
            registry.history("plan_task", &task.id).unwrap()[0].action,
            "create",
            "every task's creation is audited"
        );
    }
    assert_eq!(registry.verify().unwrap(), Vec::<String>::new());
}

#[test]
fn a_target_date_in_the_past_is_refused_and_nothing_is_written() {
    let (_dir, _vault, mut registry) = new_registry();
    let child = register(&mut registry, "川越 陽葵", "カワゴエ ヒマリ");
    let before = audit_count(&registry);
    let e = create_plan(&mut registry, &child.id, &day(-1)).unwrap_err();
    assert_eq!(field_of(&e), "target_date");
    assert!(
        e.to_api(Lang::Ja).message.contains(&day(0)),
        "the message says the earliest date: {}",
        e.to_api(Lang::Ja).message
    );
    assert_eq!(audit_count(&registry), before, "nothing written");
    assert!(
        registry
            .plan_for_child(&child.id, &stamp())
            .unwrap()
            .is_none()
    );
    let e = create_plan(&mut registry, &child.id, "2027-02-30").unwrap_err();
    assert_eq!(field_of(&e), "target_date", "not a calendar date");
    assert!(
        create_plan(&mut registry, &child.id, &day(0)).is_ok(),
        "today is not in the past"
    );
}

#[test]
fn a_second_active_plan_for_a_child_is_refused_until_the_first_is_closed() {
    let (_dir, mut registry, plan) = with_plan(60);
    let child_id = plan.child.id.clone();
    let before = audit_count(&registry);
    let e = create_plan(&mut registry, &child_id, &day(80)).unwrap_err();
    assert_eq!(field_of(&e), "child_id");
    assert!(e.to_api(Lang::Ja).message.contains("進行中の退院支援計画"));
    assert_eq!(audit_count(&registry), before, "nothing written");

    let closed = registry
        .set_plan_status(
            &SetPlanStatusRequest {
                plan_id: plan.plan.id.clone(),
                row_version: plan.plan.row_version,
                status: PlanStatus::Cancelled,
                on: None,
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    assert_eq!(closed.plan.closed_on.as_deref(), Some(day(0).as_str()));
    assert!(
        registry
            .plan_for_child(&child_id, &stamp())
            .unwrap()
            .is_none()
    );
    let e = registry
        .add_task(
            &AddTaskRequest {
                plan_id: plan.plan.id.clone(),
                phase: Phase::Home,
                role: Role::Msw,
                title: "追加".into(),
                note: String::new(),
                owner: None,
                due_date: day(10),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "plan_id", "a cancelled plan is a record");

    let second = create_plan(&mut registry, &child_id, &day(80))
        .unwrap()
        .plan;
    assert_eq!(
        registry
            .plan_for_child(&child_id, &stamp())
            .unwrap()
            .map(|p| p.plan.id),
        Some(second.plan.id),
        "the new plan is the child's active plan"
    );
    let e = registry
        .set_plan_status(
            &SetPlanStatusRequest {
                plan_id: closed.plan.id.clone(),
                row_version: closed.plan.row_version,
                status: PlanStatus::Active,
                on: None,
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(
        field_of(&e),
        "status",
        "reopening the old plan would make two active plans"
    );
}

#[test]
fn moving_the_target_shifts_open_tasks_only() {
    let (_dir, mut registry, plan) = with_plan(90);
    let done = plan.tasks[0].clone();
    let skipped = plan.tasks[1].clone();
    registry
        .complete_task(
            &CompleteTaskRequest {
                task_id: done.id.clone(),
                row_version: done.row_version,
                done_on: None,
            },
            &stamp(),
        )
        .unwrap();
    registry
        .update_task(
            &UpdateTaskRequest {
                task_id: skipped.id.clone(),
                row_version: skipped.row_version,
                phase: skipped.phase,
                role: skipped.role,
                title: skipped.title.clone(),
                note: "在宅医療機器は既に手配済み".into(),
                owner: None,
                due_date: skipped.due_date.clone(),
                status: TaskStatus::Skipped,
                done_on: None,
            },
            &stamp(),
        )
        .unwrap();
    let before = registry.get_plan(&plan.plan.id, &stamp()).unwrap();
    let moved = registry
        .move_target_date(
            &MoveTargetDateRequest {
                plan_id: plan.plan.id.clone(),
                row_version: before.plan.row_version,
                target_date: day(104),
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    assert_eq!(moved.plan.target_date, day(104));
    for old in &before.tasks {
        let new = moved.tasks.iter().find(|t| t.id == old.id).unwrap();
        let expected = if old.status == TaskStatus::Open {
            (date(&old.due_date) + Days::new(14)).to_string()
        } else {
            old.due_date.clone()
        };
        assert_eq!(
            new.due_date, expected,
            "{} ({:?}): open tasks move 14 days, others keep their date",
            old.title, old.status
        );
    }
    let done_after = moved.tasks.iter().find(|t| t.id == done.id).unwrap();
    assert_eq!(done_after.done_on.as_deref(), Some(day(0).as_str()));
    let open_task = before
        .tasks
        .iter()
        .find(|t| t.status == TaskStatus::Open)
        .unwrap();
    let last = registry
        .history("plan_task", &open_task.id)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.action, "update");
    assert_eq!(
        last.changes[0]["field"], "due_date",
        "the shift is audited on the task"
    );

    let earlier = registry
        .move_target_date(
            &MoveTargetDateRequest {
                plan_id: plan.plan.id.clone(),
                row_version: moved.plan.row_version,
                target_date: day(97),
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    let task = earlier.tasks.iter().find(|t| t.id == open_task.id).unwrap();
    assert_eq!(
        task.due_date,
        (date(&open_task.due_date) + Days::new(7)).to_string(),
        "moving earlier shifts back by the difference"
    );

    let before_refusal = audit_count(&registry);
    let e = registry
        .move_target_date(
            &MoveTargetDateRequest {
                plan_id: plan.plan.id.clone(),
                row_version: earlier.plan.row_version,
                target_date: day(-1),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "target_date");
    let e = registry
        .move_target_date(
            &MoveTargetDateRequest {
                plan_id: plan.plan.id.clone(),
                row_version: moved.plan.row_version,
                target_date: day(120),
            },
            &stamp(),
        )
        .unwrap_err();
    assert!(
        matches!(e, Error::StaleRecord { .. }),
        "a form that saw an older plan is refused: {e:?}"
    );
    assert_eq!(audit_count(&registry), before_refusal, "nothing written");
    assert_eq!(
        registry.get_plan(&plan.plan.id, &stamp()).unwrap(),
        earlier,
        "the plan is as it was"
    );
}

/// The referral lifecycle of DOMAIN.md §5, written out here independently of the code.
const ALLOWED: &[(ReferralStatus, ReferralStatus)] = {
    use ReferralStatus::*;
    &[
        (Draft, Sent),
        (Draft, Cancelled),
        (Sent, Accepted),
        (Sent, Declined),
        (Sent, Cancelled),
        (Accepted, Active),
        (Accepted, Cancelled),
        (Active, Ended),
        (Declined, Draft),
        (Cancelled, Draft),
    ]
};

/// The steps that bring a new draft to `status`.
fn path_to(status: ReferralStatus) -> &'static [ReferralStatus] {
    use ReferralStatus::*;
    match status {
        Draft => &[],
        Sent => &[Sent],
        Accepted => &[Sent, Accepted],
        Declined => &[Sent, Declined],
        Active => &[Sent, Accepted, Active],
        Ended => &[Sent, Accepted, Active, Ended],
        Cancelled => &[Cancelled],
    }
}

#[test]
fn every_referral_step_is_allowed_or_refused_as_the_lifecycle_says() {
    let (_dir, mut registry, plan) = with_plan(90);
    let plan_id = plan.plan.id.clone();
    let mut n = 0;
    for &from in ReferralStatus::ALL {
        for &to in ReferralStatus::ALL {
            n += 1;
            let p = provider(
                &mut registry,
                ProviderKind::VisitingNursing,
                &format!("訪問看護ステーション{n}"),
            );
            let id = referral(&mut registry, &plan_id, &p, Role::VisitingNurse)
                .unwrap()
                .id;
            for &s in path_to(from) {
                let r = referral_in(&registry.get_plan(&plan_id, &stamp()).unwrap(), &id);
                step(&mut registry, &r, s).unwrap_or_else(|e| panic!("path to {from:?}: {e:?}"));
            }
            let r = referral_in(&registry.get_plan(&plan_id, &stamp()).unwrap(), &id);
            assert_eq!(r.status, from);
            let before = audit_count(&registry);
            let result = step(&mut registry, &r, to);
            if ALLOWED.contains(&(from, to)) {
                let after = referral_in(
                    &result
                        .unwrap_or_else(|e| panic!("{from:?} → {to:?}: {e:?}"))
                        .plan,
                    &id,
                );
                assert_eq!(after.status, to, "{from:?} → {to:?}");
                assert_eq!(after.status_on, day(0));
                assert_eq!(
                    after.history.last().map(|h| h.status),
                    Some(to),
                    "{from:?} → {to:?} is in the history"
                );
                assert_eq!(
                    after.history.len(),
                    path_to(from).len() + 2,
                    "creation, the path, and this step"
                );
            } else {
                let e = result.expect_err("refused");
                assert_eq!(field_of(&e), "status", "{from:?} → {to:?}");
                let message = e.to_api(Lang::Ja).message;
                assert!(
                    message.contains(from.label_ja()) && message.contains(to.label_ja()),
                    "{from:?} → {to:?}: the message names both statuses: {message}"
                );
                assert_eq!(
                    audit_count(&registry),
                    before,
                    "{from:?} → {to:?}: nothing written"
                );
                let unchanged = referral_in(&registry.get_plan(&plan_id, &stamp()).unwrap(), &id);
                assert_eq!(unchanged, r, "{from:?} → {to:?}: the referral is as it was");
            }
        }
    }
    assert_eq!(registry.verify().unwrap(), Vec::<String>::new());
}

#[test]
fn a_decline_needs_its_reason_and_keeps_it_through_a_reopen() {
    let (_dir, mut registry, plan) = with_plan(90);
    let p = provider(
        &mut registry,
        ProviderKind::VisitingNursing,
        "みどり訪問看護",
    );
    let id = referral(&mut registry, &plan.plan.id, &p, Role::VisitingNurse)
        .unwrap()
        .id;
    let draft = referral_in(&plan_of(&registry, &plan), &id);
    let r = referral_in(
        &step(&mut registry, &draft, ReferralStatus::Sent)
            .unwrap()
            .plan,
        &id,
    );
    let mut no_reason = MoveReferralRequest {
        referral_id: id.clone(),
        row_version: r.row_version,
        status: ReferralStatus::Declined,
        on: Some(day(-1)),
        reason: "  ".into(),
        start_on: None,
    };
    let e = registry.move_referral(&no_reason, &stamp()).unwrap_err();
    assert_eq!(field_of(&e), "reason");
    no_reason.reason = "人工呼吸器の児は受け入れ実績なし".into();
    let declined = referral_in(
        &registry.move_referral(&no_reason, &stamp()).unwrap().plan,
        &id,
    );
    assert_eq!(declined.reason, "人工呼吸器の児は受け入れ実績なし");
    assert_eq!(declined.decided_on.as_deref(), Some(day(-1).as_str()));
    let reopened = referral_in(
        &step(&mut registry, &declined, ReferralStatus::Draft)
            .unwrap()
            .plan,
        &id,
    );
    assert_eq!(reopened.status, ReferralStatus::Draft);
    assert_eq!(reopened.reason, "", "the reopened draft starts clean");
    let statuses: Vec<ReferralStatus> = reopened.history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        [
            ReferralStatus::Draft,
            ReferralStatus::Sent,
            ReferralStatus::Declined,
            ReferralStatus::Draft
        ],
        "reopening keeps the history"
    );
    let decline = &reopened.history[2];
    assert_eq!(
        decline.reason, "人工呼吸器の児は受け入れ実績なし",
        "the decline keeps its reason"
    );
    assert_eq!(decline.on, day(-1));
    let e = registry
        .move_referral(
            &MoveReferralRequest {
                referral_id: id.clone(),
                row_version: reopened.row_version,
                status: ReferralStatus::Sent,
                on: Some(day(1)),
                reason: String::new(),
                start_on: None,
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "on", "a step is not dated in the future");
}

fn plan_of(registry: &Registry, plan: &PlanDetail) -> PlanDetail {
    registry.get_plan(&plan.plan.id, &stamp()).unwrap()
}

#[test]
fn accepting_adds_the_provider_to_the_team_and_accepting_twice_changes_nothing() {
    let (_dir, mut registry, plan) = with_plan(90);
    let p = provider(
        &mut registry,
        ProviderKind::VisitingNursing,
        "ひかり訪問看護ステーション",
    );
    let id = registry
        .create_referral(
            &CreateReferralRequest {
                plan_id: plan.plan.id.clone(),
                provider_id: p.clone(),
                role: Role::VisitingNurse,
                start_on: Some(day(88)),
                note: "初回は退院当日".into(),
            },
            &stamp(),
        )
        .unwrap()
        .id;
    let draft = referral_in(&plan_of(&registry, &plan), &id);
    let sent = referral_in(
        &step(&mut registry, &draft, ReferralStatus::Sent)
            .unwrap()
            .plan,
        &id,
    );
    assert!(
        plan_of(&registry, &plan).team.is_empty(),
        "sending adds nobody"
    );
    assert_eq!(
        (draft.next.as_slice(), sent.next.as_slice()),
        (
            &[ReferralStatus::Sent, ReferralStatus::Cancelled][..],
            &[
                ReferralStatus::Accepted,
                ReferralStatus::Declined,
                ReferralStatus::Cancelled
            ][..]
        ),
        "each referral says which steps the screen may offer"
    );
    let accepted = step(&mut registry, &sent, ReferralStatus::Accepted)
        .unwrap()
        .plan;
    assert_eq!(accepted.team.len(), 1);
    let member = &accepted.team[0];
    assert_eq!(member.role, Role::VisitingNurse, "the referral's role");
    assert_eq!(member.provider_id.as_deref(), Some(p.as_str()));
    assert_eq!(member.name, "ひかり訪問看護ステーション");
    assert_eq!(member.provider_kind, Some(ProviderKind::VisitingNursing));
    assert_eq!(member.start_date, day(88), "the referral's start date");
    assert_eq!(member.referral_id.as_deref(), Some(id.as_str()));
    assert_eq!(
        member.contact, "049-222-1111",
        "the provider's phone until a contact is given"
    );
    assert!(
        member.current,
        "a member who starts later is already in the team"
    );
    assert!(
        !accepted.open_roles.contains(&Role::VisitingNurse),
        "the role is filled now"
    );
    let history = registry.history("team_member", &member.id).unwrap();
    assert_eq!(history[0].action, "create", "the new member is audited");
    assert_eq!(
        history[0].at,
        registry
            .history("referral", &id)
            .unwrap()
            .last()
            .unwrap()
            .at,
        "in the same write as the acceptance"
    );

    let r = referral_in(&accepted, &id);
    let before = audit_count(&registry);
    let again = |row_version: i64| MoveReferralRequest {
        referral_id: id.clone(),
        row_version,
        status: ReferralStatus::Accepted,
        on: None,
        reason: String::new(),
        start_on: None,
    };
    let e = registry
        .move_referral(&again(r.row_version), &stamp())
        .unwrap_err();
    assert_eq!(field_of(&e), "status");
    let message = e.to_api(Lang::Ja).message;
    assert!(
        message.contains("「受諾」から「受諾」"),
        "names the states: {message}"
    );
    let e = registry
        .move_referral(&again(sent.row_version), &stamp())
        .unwrap_err();
    assert!(
        matches!(e, Error::StaleRecord { .. }),
        "a second click from the old page: {e:?}"
    );
    assert_eq!(
        audit_count(&registry),
        before,
        "nothing written by a second acceptance"
    );
    assert_eq!(
        plan_of(&registry, &plan).team,
        accepted.team,
        "the provider is in the team once, as it was"
    );
}

#[test]
fn ending_a_referral_ends_the_membership_it_brought() {
    let (_dir, mut registry, plan) = with_plan(90);
    let clinic = provider(
        &mut registry,
        ProviderKind::HomeCareClinic,
        "あおば在宅クリニック",
    );
    let id = referral(&mut registry, &plan.plan.id, &clinic, Role::HomeDoctor)
        .unwrap()
        .id;
    let draft = referral_in(&plan_of(&registry, &plan), &id);
    let sent = referral_in(
        &step(&mut registry, &draft, ReferralStatus::Sent)
            .unwrap()
            .plan,
        &id,
    );
    let accepted = registry
        .move_referral(
            &MoveReferralRequest {
                referral_id: id.clone(),
                row_version: sent.row_version,
                status: ReferralStatus::Accepted,
                on: Some(day(-10)),
                reason: String::new(),
                start_on: Some(day(-10)),
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    assert_eq!(
        accepted.team[0].start_date,
        day(-10),
        "the start date given on acceptance"
    );
    assert_eq!(
        referral_in(&accepted, &id).start_on.as_deref(),
        Some(day(-10).as_str())
    );
    let active = referral_in(
        &step(
            &mut registry,
            &referral_in(&accepted, &id),
            ReferralStatus::Active,
        )
        .unwrap()
        .plan,
        &id,
    );
    let ended = registry
        .move_referral(
            &MoveReferralRequest {
                referral_id: id.clone(),
                row_version: active.row_version,
                status: ReferralStatus::Ended,
                on: Some(day(-1)),
                reason: String::new(),
                start_on: None,
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    let member = &ended.team[0];
    assert_eq!(member.end_date.as_deref(), Some(day(-1).as_str()));
    assert!(!member.current, "ended yesterday");
    assert!(
        ended.open_roles.contains(&Role::HomeDoctor),
        "the role is open again"
    );
    assert_eq!(
        referral_in(&ended, &id).ended_on.as_deref(),
        Some(day(-1).as_str())
    );
}

#[test]
fn cancelling_an_acceptance_before_the_provider_starts_takes_it_off_the_team() {
    let (_dir, mut registry, plan) = with_plan(90);
    let p = provider(&mut registry, ProviderKind::ShortStay, "こもれび短期入所");
    let id = referral(&mut registry, &plan.plan.id, &p, Role::Respite)
        .unwrap()
        .id;
    let draft = referral_in(&plan_of(&registry, &plan), &id);
    let sent = referral_in(
        &step(&mut registry, &draft, ReferralStatus::Sent)
            .unwrap()
            .plan,
        &id,
    );
    let accepted_plan = step(&mut registry, &sent, ReferralStatus::Accepted)
        .unwrap()
        .plan;
    let accepted = referral_in(&accepted_plan, &id);
    assert_eq!(
        accepted.start_on.as_deref(),
        Some(day(90).as_str()),
        "the target date by default"
    );
    let member_id = accepted_plan.team[0].id.clone();
    let task = accepted_plan
        .tasks
        .iter()
        .find(|t| t.status == TaskStatus::Open)
        .unwrap()
        .clone();
    registry
        .update_task(
            &UpdateTaskRequest {
                task_id: task.id.clone(),
                row_version: task.row_version,
                phase: task.phase,
                role: task.role,
                title: task.title.clone(),
                note: String::new(),
                owner: Some(member_id.clone()),
                due_date: task.due_date.clone(),
                status: TaskStatus::Open,
                done_on: None,
            },
            &stamp(),
        )
        .expect("a member who starts later may own a task");
    let accepted = referral_in(&plan_of(&registry, &plan), &id);
    let cancelled = step(&mut registry, &accepted, ReferralStatus::Cancelled)
        .unwrap()
        .plan;
    assert_eq!(referral_in(&cancelled, &id).reason, "定員に空きがない");
    assert!(
        cancelled.team.is_empty(),
        "the provider never started: it is off the team"
    );
    assert_eq!(
        registry
            .history("team_member", &member_id)
            .unwrap()
            .last()
            .unwrap()
            .action,
        "delete",
        "its removal is in the history"
    );
    let t = cancelled.tasks.iter().find(|t| t.id == task.id).unwrap();
    assert_eq!(t.owner, None, "its open task goes back to nobody");
    assert!(cancelled.open_roles.contains(&Role::Respite));
    assert_eq!(registry.verify().unwrap(), Vec::<String>::new());
}

#[test]
fn a_provider_of_the_wrong_kind_for_the_role_is_refused() {
    let (_dir, mut registry, plan) = with_plan(90);
    let help = provider(&mut registry, ProviderKind::HomeHelp, "つばさ訪問介護");
    let before = audit_count(&registry);
    let e = referral(&mut registry, &plan.plan.id, &help, Role::VisitingNurse).unwrap_err();
    assert_eq!(field_of(&e), "provider_id");
    let message = e.to_api(Lang::Ja).message;
    assert!(
        message.contains("訪問介護・居宅介護")
            && message.contains("訪問看護")
            && message.contains("訪問看護ステーション"),
        "names the kind, the role and the kinds that fit: {message}"
    );
    let e = registry
        .add_team_member(
            &AddTeamMemberRequest {
                plan_id: plan.plan.id.clone(),
                role: Role::HomeDoctor,
                provider_id: Some(help.clone()),
                person_name: String::new(),
                organisation: String::new(),
                contact: String::new(),
                start_date: None,
                note: String::new(),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(
        field_of(&e),
        "provider_id",
        "a team member from the directory too"
    );
    let e = referral(&mut registry, &plan.plan.id, &help, Role::Msw).unwrap_err();
    assert!(
        e.to_api(Lang::Ja).message.contains("担当者の名前"),
        "an MSW is a person, never a referral: {}",
        e.to_api(Lang::Ja).message
    );
    let e = referral(
        &mut registry,
        &plan.plan.id,
        "no-such-provider",
        Role::HomeHelp,
    )
    .unwrap_err();
    assert_eq!(field_of(&e), "provider_id");
    assert_eq!(audit_count(&registry), before, "nothing written");
    assert!(plan_of(&registry, &plan).referrals.is_empty());

    let clinic = provider(&mut registry, ProviderKind::PediatricClinic, "あおば小児科");
    referral(&mut registry, &plan.plan.id, &clinic, Role::HomeDoctor)
        .expect("a pediatric clinic can be the home doctor");
    let e = referral(&mut registry, &plan.plan.id, &clinic, Role::HomeDoctor).unwrap_err();
    assert_eq!(field_of(&e), "provider_id", "already referred for the role");
}

#[test]
fn a_task_owner_must_be_a_current_member_of_this_plans_team() {
    let (_dir, mut registry, plan) = with_plan(90);
    let msw = person(&mut registry, &plan.plan.id, Role::Msw, "大野 真理子");
    let msw_id = msw.id.clone();
    let task = msw.plan.tasks[0].clone();
    let update = |owner: Option<String>, row_version: i64| UpdateTaskRequest {
        task_id: task.id.clone(),
        row_version,
        phase: task.phase,
        role: task.role,
        title: task.title.clone(),
        note: String::new(),
        owner,
        due_date: task.due_date.clone(),
        status: TaskStatus::Open,
        done_on: None,
    };
    let before = audit_count(&registry);
    let e = registry
        .update_task(&update(Some("someone".into()), task.row_version), &stamp())
        .unwrap_err();
    assert_eq!(field_of(&e), "owner");
    assert!(e.to_api(Lang::Ja).message.contains("チーム"));
    // A member of another child's plan is not in this team.
    let other_child = register(&mut registry, "別の 子", "ベツノ コ");
    let other_plan = create_plan(&mut registry, &other_child.id, &day(60))
        .unwrap()
        .plan;
    let stranger = person(&mut registry, &other_plan.plan.id, Role::Msw, "新井 健太").id;
    let before_stranger = audit_count(&registry);
    let e = registry
        .update_task(&update(Some(stranger.clone()), task.row_version), &stamp())
        .unwrap_err();
    assert_eq!(field_of(&e), "owner");
    let e = registry
        .add_task(
            &AddTaskRequest {
                plan_id: plan.plan.id.clone(),
                phase: Phase::Home,
                role: Role::Msw,
                title: "福祉タクシーの手配".into(),
                note: String::new(),
                owner: Some(stranger),
                due_date: day(91),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "owner");
    assert_eq!(audit_count(&registry), before_stranger, "nothing written");
    assert!(before_stranger > before);

    let owned = registry
        .update_task(&update(Some(msw_id.clone()), task.row_version), &stamp())
        .unwrap()
        .plan;
    let t = owned.tasks.iter().find(|t| t.id == task.id).unwrap();
    assert_eq!(t.owner.as_deref(), Some(msw_id.as_str()));
    assert_eq!(t.owner_name, "大野 真理子");

    // Once the membership has ended, the member can no longer be given tasks.
    let member = owned.team.iter().find(|m| m.id == msw_id).unwrap();
    registry
        .end_team_member(
            &EndTeamMemberRequest {
                member_id: msw_id.clone(),
                row_version: member.row_version,
                end_date: Some(day(-1)),
            },
            &stamp(),
        )
        .unwrap();
    let e = registry
        .add_task(
            &AddTaskRequest {
                plan_id: plan.plan.id.clone(),
                phase: Phase::Home,
                role: Role::Msw,
                title: "福祉タクシーの手配".into(),
                note: String::new(),
                owner: Some(msw_id.clone()),
                due_date: day(91),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(
        field_of(&e),
        "owner",
        "an ended membership owns no new task"
    );
    let e = registry
        .end_team_member(
            &EndTeamMemberRequest {
                member_id: msw_id,
                row_version: member.row_version + 1,
                end_date: Some("2020-01-01".into()),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "end_date", "not before the start");
}

#[test]
fn conference_attendees_must_be_members_of_the_plans_team() {
    let (_dir, mut registry, plan) = with_plan(60);
    let doctor = person(
        &mut registry,
        &plan.plan.id,
        Role::AttendingPhysician,
        "田中 大輔",
    )
    .id;
    let msw = person(&mut registry, &plan.plan.id, Role::Msw, "大野 真理子").id;
    let other_child = register(&mut registry, "別の 子", "ベツノ コ");
    let other_plan = create_plan(&mut registry, &other_child.id, &day(60))
        .unwrap()
        .plan;
    let stranger = person(&mut registry, &other_plan.plan.id, Role::Msw, "新井 健太").id;
    let input = |attendees: Vec<String>| ConferenceInput {
        kind: ConferenceKind::PreDischargeJoint,
        held_on: day(7),
        title: "第1回 退院前合同カンファレンス".into(),
        attendee_ids: attendees,
        other_attendees: "母".into(),
        minutes: String::new(),
    };
    let before = audit_count(&registry);
    let e = registry
        .add_conference(
            &AddConferenceRequest {
                plan_id: plan.plan.id.clone(),
                conference: input(vec![doctor.clone(), stranger]),
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "attendee_ids");
    assert_eq!(audit_count(&registry), before, "nothing written");
    let saved = registry
        .add_conference(
            &AddConferenceRequest {
                plan_id: plan.plan.id.clone(),
                conference: input(vec![doctor.clone(), msw.clone(), doctor.clone()]),
            },
            &stamp(),
        )
        .unwrap();
    let c = &saved.plan.conferences[0];
    assert_eq!(c.id, saved.id);
    let names: Vec<&str> = c.attendees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["田中 大輔", "大野 真理子"],
        "each attendee once, named from the team"
    );
    assert_eq!(c.other_attendees, "母");
    let mut minutes = input(vec![doctor]);
    minutes.minutes = "退院日を2週間延期。人工呼吸器の業者を変更。".into();
    let updated = registry
        .update_conference(
            &UpdateConferenceRequest {
                conference_id: c.id.clone(),
                row_version: c.row_version,
                conference: minutes,
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    assert_eq!(
        updated.conferences[0].minutes,
        "退院日を2週間延期。人工呼吸器の業者を変更。"
    );
    assert_eq!(updated.conferences[0].attendees.len(), 1);
    let history = registry.history("conference", &c.id).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|h| h.action.as_str())
            .collect::<Vec<_>>(),
        ["create", "update"]
    );
}

#[test]
fn family_training_records_level_date_and_who_with_its_history() {
    let (_dir, mut registry, plan) = with_plan(60);
    let set = |level: TrainingLevel, on: Option<&str>, by: &str, row_version: Option<i64>| {
        SetTrainingRequest {
            plan_id: plan.plan.id.clone(),
            item: TrainingItem::Suction,
            level,
            on: on.map(str::to_string),
            by_whom: by.into(),
            note: String::new(),
            row_version,
        }
    };
    let e = registry
        .set_training(
            &set(TrainingLevel::Taught, None, "病棟看護師 吉田", None),
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "on");
    let e = registry
        .set_training(
            &set(TrainingLevel::Taught, Some(&day(0)), " ", None),
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "by_whom");
    let e = registry
        .set_training(
            &set(TrainingLevel::Taught, Some(&day(1)), "吉田", None),
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "on", "not recorded ahead of time");
    let taught = registry
        .set_training(
            &set(
                TrainingLevel::Taught,
                Some(&day(-3)),
                "病棟看護師 吉田",
                None,
            ),
            &stamp(),
        )
        .unwrap();
    let entry = taught
        .plan
        .training
        .iter()
        .find(|t| t.item == TrainingItem::Suction)
        .unwrap()
        .clone();
    assert_eq!(entry.level, TrainingLevel::Taught);
    assert_eq!(entry.on.as_deref(), Some(day(-3).as_str()));
    assert_eq!(entry.id.as_deref(), Some(taught.id.as_str()));
    let e = registry
        .set_training(
            &set(TrainingLevel::Independent, Some(&day(0)), "母", None),
            &stamp(),
        )
        .unwrap_err();
    assert!(
        matches!(e, Error::StaleRecord { .. }),
        "a form that did not see the first record does not overwrite it: {e:?}"
    );
    let independent = registry
        .set_training(
            &set(
                TrainingLevel::Independent,
                Some(&day(0)),
                "病棟看護師 吉田",
                entry.row_version,
            ),
            &stamp(),
        )
        .unwrap();
    assert_eq!(independent.id, taught.id, "one row per item");
    let levels: Vec<String> = registry
        .history("training_item", &taught.id)
        .unwrap()
        .iter()
        .flat_map(|h| h.changes.as_array().cloned().unwrap_or_default())
        .filter(|c| c["field"] == "level")
        .map(|c| c["after"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        levels,
        ["taught", "independent"],
        "the history keeps each level"
    );
}

#[test]
fn the_dashboard_lists_this_weeks_and_overdue_open_tasks_and_plans_by_target() {
    let (_dir, mut registry, plan) = with_plan(60);
    let template = registry.list_templates().unwrap().remove(0);
    let count_at = |offset: i32| {
        template
            .tasks
            .iter()
            .filter(|t| t.offset_days == offset)
            .count()
    };
    // Target in 60 days: 導入期 (−90) was due 30 days ago, 準備期 (−60) is due today.
    let overdue_ids: Vec<String> = plan
        .tasks
        .iter()
        .filter(|t| t.offset_days == Some(-90))
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(overdue_ids.len(), count_at(-90));
    assert!(
        plan.tasks
            .iter()
            .filter(|t| t.offset_days == Some(-90))
            .all(|t| t.overdue)
    );
    let done = plan.tasks.iter().find(|t| t.id == overdue_ids[0]).unwrap();
    registry
        .complete_task(
            &CompleteTaskRequest {
                task_id: done.id.clone(),
                row_version: done.row_version,
                done_on: Some(day(-20)),
            },
            &stamp(),
        )
        .unwrap();
    let msw = person(&mut registry, &plan.plan.id, Role::Msw, "大野 真理子").id;
    let add = |registry: &mut Registry, title: &str, due: i64, owner: Option<&str>| {
        registry
            .add_task(
                &AddTaskRequest {
                    plan_id: plan.plan.id.clone(),
                    phase: Phase::Preparation,
                    role: Role::Msw,
                    title: title.into(),
                    note: String::new(),
                    owner: owner.map(str::to_string),
                    due_date: day(due),
                },
                &stamp(),
            )
            .unwrap()
            .id
    };
    let last_day = add(&mut registry, "福祉タクシーの見積もり", 6, Some(&msw));
    let next_week = add(&mut registry, "訪問入浴の検討", 7, None);
    let yesterday = add(&mut registry, "受給者証の申請", -1, Some(&msw));

    // Another child whose plan is further out, and one whose plan was completed.
    let second = register(&mut registry, "別の 子", "ベツノ コ");
    let far = create_plan(&mut registry, &second.id, &day(120))
        .unwrap()
        .plan;
    let third = register(&mut registry, "三人目 の子", "サンニンメ ノコ");
    let closed = create_plan(&mut registry, &third.id, &day(30))
        .unwrap()
        .plan;
    registry
        .set_plan_status(
            &SetPlanStatusRequest {
                plan_id: closed.plan.id.clone(),
                row_version: closed.plan.row_version,
                status: PlanStatus::Completed,
                on: None,
            },
            &stamp(),
        )
        .unwrap();

    let board = registry
        .dashboard(&DashboardRequest::default(), today())
        .unwrap();
    assert_eq!(board.today, day(0));
    let week: Vec<&str> = board
        .due_this_week
        .iter()
        .map(|t| t.task.id.as_str())
        .collect();
    let overdue: Vec<&str> = board.overdue.iter().map(|t| t.task.id.as_str()).collect();
    assert_eq!(
        week.len(),
        count_at(-60) + 1,
        "準備期 due today and the task due on day 6"
    );
    assert!(week.contains(&last_day.as_str()), "today + 6 is this week");
    assert!(
        !week.contains(&next_week.as_str()),
        "today + 7 is next week"
    );
    assert!(
        board
            .due_this_week
            .iter()
            .all(|t| t.task.due_date >= day(0) && t.task.due_date <= day(6))
    );
    assert_eq!(
        overdue.len(),
        count_at(-90) - 1 + 1,
        "導入期 but the done one, and yesterday's"
    );
    assert!(overdue.contains(&yesterday.as_str()));
    assert!(
        !overdue.contains(&done.id.as_str()),
        "done tasks are not overdue"
    );
    assert_eq!(
        overdue.first(),
        Some(&overdue_ids[1].as_str()),
        "the oldest first"
    );
    assert!(
        board
            .overdue
            .iter()
            .all(|t| t.task.overdue && t.case_number == plan.child.case_number)
    );
    assert!(
        board
            .due_this_week
            .iter()
            .chain(&board.overdue)
            .all(|t| t.plan_id == plan.plan.id),
        "the far plan has nothing due yet and the completed plan is not listed"
    );

    let plans: Vec<&str> = board.plans.iter().map(|p| p.plan_id.as_str()).collect();
    assert_eq!(
        plans,
        [plan.plan.id.as_str(), far.plan.id.as_str()],
        "active plans by target date"
    );
    let first = &board.plans[0];
    assert_eq!(first.days_to_target, 60);
    assert_eq!(first.total_tasks as usize, template.tasks.len() + 3);
    assert_eq!(first.done_tasks, 1);
    assert_eq!(first.overdue_tasks as usize, overdue.len());
    assert_eq!(first.open_tasks, first.total_tasks - 1);

    let mine = registry
        .dashboard(
            &DashboardRequest {
                owner: Some("大野真理子".into()),
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        mine.due_this_week
            .iter()
            .map(|t| t.task.id.as_str())
            .collect::<Vec<_>>(),
        [last_day.as_str()],
        "my tasks: the owner's name matches with spaces folded"
    );
    assert_eq!(
        mine.overdue
            .iter()
            .map(|t| t.task.id.as_str())
            .collect::<Vec<_>>(),
        [yesterday.as_str()]
    );
    assert_eq!(mine.due_this_week[0].task.owner_name, "大野 真理子");
    assert_eq!(
        mine.plans.len(),
        2,
        "every active plan is listed whoever asks"
    );

    let next_monday = registry
        .dashboard(&DashboardRequest::default(), today() + Days::new(7))
        .unwrap();
    assert!(
        next_monday
            .due_this_week
            .iter()
            .any(|t| t.task.id == next_week),
        "a week later, that task is due this week"
    );
    assert!(next_monday.overdue.iter().any(|t| t.task.id == last_day));
}

#[test]
fn templates_are_edited_whole_and_plans_keep_the_tasks_they_were_made_with() {
    let (_dir, mut registry, plan) = with_plan(90);
    let task = |title: &str, offset: i32| TemplateTaskInput {
        id: None,
        phase: if offset < 0 {
            Phase::Preparation
        } else {
            Phase::Home
        },
        role: Role::Coordinator,
        title: title.into(),
        note: String::new(),
        offset_days: offset,
    };
    let e = registry
        .save_template(
            &SaveTemplateRequest {
                id: None,
                row_version: None,
                name: "短期入所のみ".into(),
                note: String::new(),
                is_default: false,
                tasks: vec![task("短期入所の事前登録", -400)],
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(field_of(&e), "tasks[0].offset_days");
    let short = registry
        .save_template(
            &SaveTemplateRequest {
                id: None,
                row_version: None,
                name: "短期入所のみ".into(),
                note: String::new(),
                is_default: false,
                tasks: vec![task("短期入所の事前登録", -30), task("初回利用", 14)],
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(short.tasks.len(), 2);
    let child = register(&mut registry, "別の 子", "ベツノ コ");
    let made = registry
        .create_plan(
            &CreatePlanRequest {
                child_id: child.id.clone(),
                target_date: day(40),
                template_id: Some(short.id.clone()),
                note: String::new(),
            },
            &stamp(),
        )
        .unwrap()
        .plan;
    let titles: Vec<(&str, &str)> = made
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.due_date.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("短期入所の事前登録", day(10).as_str()),
            ("初回利用", day(54).as_str())
        ]
    );

    // Edit: keep the first (renamed), drop the second, add one; make it the default.
    let mut first = task("短期入所の事前登録と見学", -30);
    first.id = Some(short.tasks[0].id.clone());
    let edited = registry
        .save_template(
            &SaveTemplateRequest {
                id: Some(short.id.clone()),
                row_version: Some(short.row_version),
                name: "短期入所のみ".into(),
                note: String::new(),
                is_default: true,
                tasks: vec![task("緊急時の受け入れ確認", -7), first],
            },
            &stamp(),
        )
        .unwrap();
    assert_eq!(
        edited
            .tasks
            .iter()
            .map(|t| t.title.as_str())
            .collect::<Vec<_>>(),
        ["緊急時の受け入れ確認", "短期入所の事前登録と見学"],
        "in the order given"
    );
    assert_eq!(
        edited.tasks[1].id, short.tasks[0].id,
        "the kept task keeps its id"
    );
    assert!(edited.is_default);
    let templates = registry.list_templates().unwrap();
    assert_eq!(
        templates.iter().filter(|t| t.is_default).count(),
        1,
        "one default"
    );
    assert_eq!(templates[0].id, short.id, "the default first");
    let stale = registry
        .save_template(
            &SaveTemplateRequest {
                id: Some(short.id.clone()),
                row_version: Some(short.row_version),
                name: "古い画面から".into(),
                note: String::new(),
                is_default: true,
                tasks: vec![task("x", 0)],
            },
            &stamp(),
        )
        .unwrap_err();
    assert!(matches!(stale, Error::StaleRecord { .. }), "{stale:?}");
    let e = registry
        .save_template(
            &SaveTemplateRequest {
                id: Some(short.id.clone()),
                row_version: Some(edited.row_version),
                name: "短期入所のみ".into(),
                note: String::new(),
                is_default: false,
                tasks: vec![task("x", 0)],
            },
            &stamp(),
        )
        .unwrap_err();
    assert_eq!(
        field_of(&e),
        "is_default",
        "the default stays until another takes over"
    );

    let kept = registry.get_plan(&made.plan.id, &stamp()).unwrap();
    assert_eq!(
        kept.tasks
            .iter()
            .map(|t| t.title.as_str())
            .collect::<Vec<_>>(),
        ["短期入所の事前登録", "初回利用"],
        "a plan keeps the tasks it was made with"
    );
    let untouched = registry.get_plan(&plan.plan.id, &stamp()).unwrap();
    assert_eq!(untouched.tasks.len(), plan.tasks.len());
    assert_eq!(registry.verify().unwrap(), Vec::<String>::new());
}
