//! Roles enforced in the core (issue 8): every use case on `Registry` needs a permission —
//! read (every role), write (coordinator, admin) or admin (admin only) — and checks it before
//! anything else. One table below says what each use case needs; the matrix test calls every
//! one of them as each role and the source test proves the table and the code agree.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kakehashi::backup::{self, BackupOptions, BackupSchedule};
use kakehashi::cases::{CaseRef, ChildDetail, UpdateChildRequest};
use kakehashi::demo::DemoSpec;
use kakehashi::disaster::{DisasterProfile, RosterFormat, RosterQuery, SaveDisasterProfileRequest};
use kakehashi::domain::care_item::CareItemCode;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::keys::KeyFile;
use kakehashi::providers::export::{CsvEncoding, ExportOptions};
use kakehashi::providers::import::{ImportMode, ImportOptions};
use kakehashi::providers::{
    Answer, CareItemAnswer, Conditions, ProviderDetail, RecordSource, ServiceArea,
    UpdateProviderRequest,
};
use kakehashi::users::{NewUserRequest, Permission, UserRole};
use kakehashi::vault::UnlockRequest;
use kakehashi::{Error, Lang, Registry, Vault};
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use serde_json::json;
use tempfile::TempDir;

use crate::support::{PASSPHRASE, new_registry};

use Permission::{Admin, Read, Write};

const COORDINATOR: &str = "suzuki";
const COORDINATOR_PASSPHRASE: &str = "suzuki-coordinator-meadow-quartz-38";
const VIEWER: &str = "sato";
const VIEWER_PASSPHRASE: &str = "sato-viewer-lantern-harbor-71";
/// A coordinator the admin's own calls update, reset and remove.
const SPARE: &str = "tanaka";
const SPARE_PASSPHRASE: &str = "tanaka-spare-orchard-violet-55";
/// The child's and the providers' municipality (川越市).
const KAWAGOE: &str = "112011";

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// A request from JSON, as the shell's IPC would give it.
fn j<T: DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// Real records for the calls to act on (set up by the admin), and where files go.
struct Fx {
    /// The signed-in role's own passphrase (for changing it to itself).
    passphrase: &'static str,
    child: ChildDetail,
    /// A child without a plan yet.
    second_child_id: String,
    disaster: DisasterProfile,
    provider: ProviderDetail,
    facility_id: String,
    booking_id: String,
    plan_id: String,
    task_id: String,
    member_id: String,
    referral_id: String,
    conference_id: String,
    template_id: String,
    type_id: String,
    unit_id: String,
    campaign_id: String,
    target_id: String,
    /// The facility's target, removed (then added again) by the calls.
    spare_target_id: String,
    spare_user_id: String,
    backup_name: String,
    backup_path: PathBuf,
    import_file: PathBuf,
    out: PathBuf,
}

impl Fx {
    fn child_ref(&self) -> CaseRef {
        CaseRef {
            id: Some(self.child.id.clone()),
            case_number: None,
        }
    }

    fn out(&self, name: &str) -> PathBuf {
        self.out.join(name)
    }
}

type Call = fn(&mut Registry, &Fx) -> kakehashi::Result<()>;

/// One use case: the method (a `/variant` names a second row for the same method), the
/// permission it needs, and one call of it.
struct UseCase {
    name: &'static str,
    needs: Permission,
    call: Call,
}

fn uc(name: &'static str, needs: Permission, call: Call) -> UseCase {
    UseCase { name, needs, call }
}

fn ok<T>(r: kakehashi::Result<T>) -> kakehashi::Result<()> {
    r.map(drop)
}

/// THE table: what every use case on `Registry` needs. The calls' input only has to be
/// plausible: the permission is checked before any input is looked at, so a refused call
/// never depends on it. Real ids are used where cheap, so that allowed calls mostly succeed
/// (an allowed call only has to be anything but `Forbidden`). Admin-only calls that change
/// users or data come last within their area, as the admin runs last.
fn use_cases() -> Vec<UseCase> {
    vec![
        // ---- the registry itself
        uc("schema_version", Read, |r, _| ok(r.schema_version())),
        uc("verify", Read, |r, _| ok(r.verify())),
        uc("history", Read, |r, f| ok(r.history("child", &f.child.id))),
        uc("record_counts", Read, |r, _| ok(r.record_counts())),
        uc("children_brief", Read, |r, _| ok(r.children_brief())),
        uc("list_municipalities", Read, |r, _| {
            ok(r.list_municipalities(&j(json!({ "query": "川越" }))))
        }),
        // ---- cases
        uc("search_children", Read, |r, _| {
            ok(r.search_children(&j(json!({ "query": "カワゴエ" }))))
        }),
        uc("get_child", Read, |r, f| {
            ok(r.get_child(&f.child_ref(), &r.stamp(now())))
        }),
        uc("child_id_for", Read, |r, f| {
            ok(r.child_id_for(&f.child_ref()))
        }),
        uc("find_duplicates", Read, |r, _| {
            ok(r.find_duplicates(&j(json!({
                "kana": "カワゴエ ヒマリ1", "date_of_birth": "2024-05-10"
            }))))
        }),
        uc("compute_scores", Read, |r, _| {
            ok(r.compute_scores(&j(json!({})), &r.stamp(now())))
        }),
        uc("register_child", Write, |r, f| {
            let mut child = f.child.child.clone();
            child.case_number = None;
            child.name = "川越 結菜".into();
            child.kana = "カワゴエ ユイナ".into();
            let request = kakehashi::cases::RegisterChildRequest {
                child,
                weight: None,
                status: None,
                status_date: None,
                confirmed_not_duplicate: true,
            };
            ok(r.register_child(&request, &r.stamp(now())))
        }),
        uc("update_child", Write, |r, f| {
            // The fixture's version: stale once a role before has updated (a conflict then,
            // which is still not a refusal). Reading it anew with get_child would log a view.
            let request = UpdateChildRequest {
                id: f.child.id.clone(),
                row_version: f.child.row_version,
                child: f.child.child.clone(),
            };
            ok(r.update_child(&request, &r.stamp(now())))
        }),
        uc("change_child_status", Write, |r, f| {
            let request = j(json!({
                "id": f.child.id, "row_version": f.child.row_version,
                "status": "at_home", "date": "2026-11-24"
            }));
            ok(r.change_child_status(&request, &r.stamp(now())))
        }),
        uc("record_weight", Write, |r, f| {
            let request = j(json!({
                "id": f.child.id,
                "weight": { "measured_on": "2026-11-22", "weight_kg": 12.6 }
            }));
            ok(r.record_weight(&request, &r.stamp(now())))
        }),
        // ---- documents of one child
        uc("document_pdf", Write, |r, f| {
            ok(r.document_pdf(&document(f), &r.stamp(now())))
        }),
        uc("document_file_name", Write, |r, f| {
            ok(r.document_file_name(&document(f), &r.stamp(now())))
        }),
        uc("write_document_pdf", Write, |r, f| {
            let out = f.out("summary.pdf");
            ok(r.write_document_pdf(&document(f), &out, &r.stamp(now())))
        }),
        // ---- consultations
        uc("consultations", Read, |r, _| {
            ok(r.consultations(&j(json!({}))))
        }),
        uc("consultation_counts", Read, |r, _| {
            ok(r.consultation_counts(2026))
        }),
        uc("record_consultation", Write, |r, f| {
            let input = j(json!({
                "at": "2026-11-24T08:30:00+09:00", "caller_type": "family",
                "child_id": f.child.id, "topic": "吸引器の不調", "outcome": "advice"
            }));
            ok(r.record_consultation(&input, &r.stamp(now())))
        }),
        // ---- disaster
        uc("disaster_profile", Read, |r, f| {
            ok(r.disaster_profile(&f.child.id, &r.stamp(now())))
        }),
        uc("disaster_profile_in", Read, |r, f| {
            ok(r.disaster_profile_in(&f.child.id, Lang::En, &r.stamp(now())))
        }),
        uc("emergency_roster", Read, |r, _| {
            ok(r.emergency_roster(&RosterQuery::default(), &r.stamp(now())))
        }),
        uc("emergency_roster_in", Read, |r, _| {
            ok(r.emergency_roster_in(&RosterQuery::default(), Lang::En, &r.stamp(now())))
        }),
        uc("save_disaster_profile", Write, |r, f| {
            let request = disaster_request(r, f)?;
            ok(r.save_disaster_profile(&request, &r.stamp(now())))
        }),
        uc("save_disaster_profile_in", Write, |r, f| {
            let request = disaster_request(r, f)?;
            ok(r.save_disaster_profile_in(&request, Lang::En, &r.stamp(now())))
        }),
        // The roster of one municipality leaves the office like any export (write); the
        // roster of every child at home is the whole registry's (admin).
        uc("export_roster/municipality", Write, |r, f| {
            let out = f.out("roster-kawagoe.csv");
            let format = RosterFormat::Csv;
            ok(r.export_roster(
                &kawagoe(),
                format,
                CsvEncoding::default(),
                &out,
                &r.stamp(now()),
            ))
        }),
        uc("export_roster", Admin, |r, f| {
            let out = f.out("roster.xlsx");
            let (query, format) = (RosterQuery::default(), RosterFormat::Xlsx);
            ok(r.export_roster(
                &query,
                format,
                CsvEncoding::default(),
                &out,
                &r.stamp(now()),
            ))
        }),
        uc("roster_pdf/municipality", Write, |r, _| {
            ok(r.roster_pdf(&kawagoe(), &r.stamp(now())))
        }),
        uc("roster_pdf", Admin, |r, _| {
            ok(r.roster_pdf(&RosterQuery::default(), &r.stamp(now())))
        }),
        uc("write_roster_pdf/municipality", Write, |r, f| {
            let out = f.out("roster-kawagoe.pdf");
            ok(r.write_roster_pdf(&kawagoe(), &out, &r.stamp(now())))
        }),
        uc("write_roster_pdf", Admin, |r, f| {
            let out = f.out("roster.pdf");
            ok(r.write_roster_pdf(&RosterQuery::default(), &out, &r.stamp(now())))
        }),
        // ---- providers
        uc("get_provider", Read, |r, f| {
            ok(r.get_provider(&f.provider.id))
        }),
        uc("search_providers", Read, |r, _| {
            ok(r.search_providers(&j(json!({ "query": "かけはし" }))))
        }),
        uc("conditions_as_of", Read, |r, f| {
            ok(r.conditions_as_of(&j(json!({ "id": f.provider.id, "on": "2026-11-01" }))))
        }),
        uc("match_providers", Read, |r, f| {
            let request = j(json!({ "child_id": f.child.id, "kind": "visiting_nursing" }));
            ok(r.match_providers(&request, &r.stamp(now())))
        }),
        uc("add_provider", Write, |r, f| {
            let mut provider = f.provider.provider.clone();
            provider.name = "かけはし第二訪問看護".into();
            provider.business_number = None;
            let request = kakehashi::providers::AddProviderRequest {
                provider,
                answered_on: None,
            };
            ok(r.add_provider(&request, &r.stamp(now())))
        }),
        uc("update_provider", Write, |r, f| {
            let current = r.get_provider(&f.provider.id)?;
            let request = UpdateProviderRequest {
                id: f.provider.id.clone(),
                row_version: current.row_version,
                provider: f.provider.provider.clone(),
                answered_on: None,
            };
            ok(r.update_provider(&request, &r.stamp(now())))
        }),
        uc("record_conditions", Write, |r, f| {
            let request = kakehashi::providers::RecordConditionsRequest {
                id: f.provider.id.clone(),
                answered_on: "2026-11-20".into(),
                source: RecordSource::Survey,
                conditions: f.provider.provider.conditions.clone(),
            };
            ok(r.record_conditions(&request, &r.stamp(now())))
        }),
        uc("import_providers", Write, |r, f| {
            let options = ImportOptions {
                encoding: kakehashi::io::Encoding::Auto,
                mapping: None,
                mode: ImportMode::GoodRows,
                lang: Lang::Ja,
            };
            let stamp = r.stamp(now());
            ok(r.import_providers(&f.import_file, &options, &stamp, &mut |_, _| true))
        }),
        uc("export_providers", Write, |r, _| {
            let mut out = Vec::new();
            ok(r.export_providers(&ExportOptions::default(), &r.stamp(now()), &mut out))
        }),
        // ---- matching's memory
        // ---- campaigns
        uc("list_campaigns", Read, |r, _| ok(r.list_campaigns())),
        uc("campaign_progress", Read, |r, f| {
            ok(r.campaign_progress(&f.campaign_id))
        }),
        uc("get_campaign", Read, |r, f| {
            ok(r.get_campaign(&f.campaign_id))
        }),
        uc("chase_list", Read, |r, f| ok(r.chase_list(&f.campaign_id))),
        uc("export_chase_list_csv", Write, |r, f| {
            ok(r.export_chase_list_csv(&f.campaign_id, &mut Vec::new()))
        }),
        uc("create_campaign", Write, |r, f| {
            let input = j(json!({
                "title": "令和8年度 受け入れ調査", "sent_on": "2026-11-20",
                "provider_ids": [f.provider.id]
            }));
            ok(r.create_campaign(&input, &r.stamp(now())))
        }),
        // The facility's target goes, then comes back as a new one.
        uc("remove_target", Write, |r, f| {
            let version = target_version(r, f, &f.spare_target_id)?;
            let request = j(json!({ "target_id": f.spare_target_id, "row_version": version }));
            ok(r.remove_target(&request, &r.stamp(now())))
        }),
        uc("add_targets", Write, |r, f| {
            let request =
                j(json!({ "campaign_id": f.campaign_id, "provider_ids": [f.facility_id] }));
            ok(r.add_targets(&request, &r.stamp(now())))
        }),
        uc("set_target_state", Write, |r, f| {
            let request = j(json!({
                "target_id": f.target_id, "row_version": target_version(r, f, &f.target_id)?,
                "state": "phoned", "on": "2026-11-22"
            }));
            ok(r.set_target_state(&request, &r.stamp(now())))
        }),
        uc("record_answer", Write, |r, f| {
            let request = kakehashi::campaigns::RecordAnswerRequest {
                target_id: f.target_id.clone(),
                row_version: target_version(r, f, &f.target_id)?,
                answered_on: "2026-11-23".into(),
                conditions: f.provider.provider.conditions.clone(),
            };
            ok(r.record_answer(&request, &r.stamp(now())))
        }),
        // ---- plans
        uc("get_plan", Read, |r, f| {
            ok(r.get_plan(&f.plan_id, &r.stamp(now())))
        }),
        uc("plan_for_child", Read, |r, f| {
            ok(r.plan_for_child(&f.child.id, &r.stamp(now())))
        }),
        uc("dashboard", Read, |r, _| {
            ok(r.dashboard(&j(json!({})), today()))
        }),
        uc("list_templates", Read, |r, _| ok(r.list_templates())),
        uc("get_template", Read, |r, f| {
            ok(r.get_template(&f.template_id))
        }),
        uc("save_template", Write, |r, _| {
            let request = j(json!({
                "id": null, "row_version": null, "name": "短期入院の経路",
                "tasks": [{ "id": null, "phase": "preparation", "role": "visiting_nurse",
                            "title": "訪問看護の依頼", "offset_days": -14 }]
            }));
            ok(r.save_template(&request, &r.stamp(now())))
        }),
        uc("create_plan", Write, |r, f| {
            let request = j(json!({ "child_id": f.second_child_id, "target_date": "2027-02-01" }));
            ok(r.create_plan(&request, &r.stamp(now())))
        }),
        uc("move_target_date", Write, |r, f| {
            let request = j(json!({
                "plan_id": f.plan_id, "row_version": plan(r, f)?.plan.row_version,
                "target_date": "2027-01-20"
            }));
            ok(r.move_target_date(&request, &r.stamp(now())))
        }),
        uc("add_task", Write, |r, f| {
            let request = j(json!({
                "plan_id": f.plan_id, "phase": "preparation", "role": "msw",
                "title": "福祉サービスの申請", "due_date": "2026-12-20"
            }));
            ok(r.add_task(&request, &r.stamp(now())))
        }),
        uc("update_task", Write, |r, f| {
            let task = task(r, f)?;
            let request = j(json!({
                "task_id": task.id, "row_version": task.row_version, "phase": task.phase,
                "role": task.role, "title": task.title, "due_date": "2026-12-21",
                "status": "open"
            }));
            ok(r.update_task(&request, &r.stamp(now())))
        }),
        uc("complete_task", Write, |r, f| {
            let task = task(r, f)?;
            let request = j(json!({ "task_id": task.id, "row_version": task.row_version }));
            ok(r.complete_task(&request, &r.stamp(now())))
        }),
        uc("add_team_member", Write, |r, f| {
            let request = j(json!({
                "plan_id": f.plan_id, "role": "home_help", "person_name": "川越 花子",
                "organisation": "ひかりヘルパー"
            }));
            ok(r.add_team_member(&request, &r.stamp(now())))
        }),
        uc("end_team_member", Write, |r, f| {
            let member = plan(r, f)?.team.into_iter().find(|m| m.id == f.member_id);
            let version = member.map_or(1, |m| m.row_version);
            let request = j(json!({ "member_id": f.member_id, "row_version": version }));
            ok(r.end_team_member(&request, &r.stamp(now())))
        }),
        uc("create_referral", Write, |r, f| {
            let request = j(json!({
                "plan_id": f.plan_id, "provider_id": f.facility_id, "role": "respite"
            }));
            ok(r.create_referral(&request, &r.stamp(now())))
        }),
        uc("move_referral", Write, |r, f| {
            let referral = plan(r, f)?
                .referrals
                .into_iter()
                .find(|x| x.id == f.referral_id);
            let version = referral.map_or(1, |x| x.row_version);
            let request = j(json!({
                "referral_id": f.referral_id, "row_version": version, "status": "sent"
            }));
            ok(r.move_referral(&request, &r.stamp(now())))
        }),
        uc("add_conference", Write, |r, f| {
            let request = j(json!({
                "plan_id": f.plan_id,
                "conference": { "kind": "pre_discharge_joint", "held_on": "2027-01-10" }
            }));
            ok(r.add_conference(&request, &r.stamp(now())))
        }),
        uc("update_conference", Write, |r, f| {
            let conference = plan(r, f)?
                .conferences
                .into_iter()
                .find(|c| c.id == f.conference_id);
            let version = conference.map_or(1, |c| c.row_version);
            let request = j(json!({
                "conference_id": f.conference_id, "row_version": version,
                "conference": { "kind": "in_hospital", "held_on": "2026-12-02", "minutes": "退院日を確認" }
            }));
            ok(r.update_conference(&request, &r.stamp(now())))
        }),
        uc("set_training", Write, |r, f| {
            let entry = plan(r, f)?
                .training
                .into_iter()
                .find(|t| t.item.code() == "suction");
            let request = j(json!({
                "plan_id": f.plan_id, "item": "suction", "level": "taught", "on": "2026-11-22",
                    "by_whom": "病棟看護師",
                "row_version": entry.and_then(|t| t.row_version)
            }));
            ok(r.set_training(&request, &r.stamp(now())))
        }),
        uc("set_plan_status", Write, |r, f| {
            let request = j(json!({
                "plan_id": f.plan_id, "row_version": plan(r, f)?.plan.row_version,
                "status": "completed", "on": "2026-11-24"
            }));
            ok(r.set_plan_status(&request, &r.stamp(now())))
        }),
        // ---- respite
        uc("respite_bed_types", Read, |r, f| {
            ok(r.respite_bed_types(&f.facility_id))
        }),
        uc("respite_nights", Read, |r, f| {
            ok(r.respite_nights(&f.facility_id, "2026-12"))
        }),
        uc("respite_waitlist", Read, |r, f| {
            ok(r.respite_waitlist(&f.facility_id))
        }),
        uc("child_respite_bookings", Read, |r, f| {
            ok(r.child_respite_bookings(&f.child.id))
        }),
        uc("get_booking", Read, |r, f| ok(r.get_booking(&f.booking_id))),
        uc("set_bed_type", Write, |r, f| {
            let request = j(json!({
                "facility_id": f.facility_id, "bed_type": "ventilator", "beds": 2,
                "max_stay_nights": 7
            }));
            ok(r.set_bed_type(&request, &r.stamp(now())))
        }),
        uc("set_capacity_exception", Write, |r, f| {
            let request = j(json!({
                "facility_id": f.facility_id, "bed_type": "ventilator", "from": "2026-12-29",
                "to": "2027-01-03", "beds": 1, "note": "年末年始"
            }));
            ok(r.set_capacity_exception(&request, &r.stamp(now())))
        }),
        uc("remove_capacity_exception", Write, |r, f| {
            let request = j(json!({
                "facility_id": f.facility_id, "bed_type": "ventilator", "from": "2026-12-29",
                "to": "2027-01-03"
            }));
            ok(r.remove_capacity_exception(&request, &r.stamp(now())))
        }),
        uc("request_booking", Write, |r, f| {
            let request = booking(f, "2026-12-14", "2026-12-16");
            ok(r.request_booking(&request, &r.stamp(now())))
        }),
        uc("book_respite", Write, |r, f| {
            let request = booking(f, "2026-12-20", "2026-12-22");
            ok(r.book_respite(&request, &r.stamp(now())))
        }),
        uc("confirm_booking", Write, |r, f| {
            let version = r.get_booking(&f.booking_id)?.row_version;
            let request = j(json!({ "booking_id": f.booking_id, "row_version": version }));
            ok(r.confirm_booking(&request, &r.stamp(now())))
        }),
        uc("move_booking", Write, |r, f| {
            let version = r.get_booking(&f.booking_id)?.row_version;
            let request = j(json!({
                "booking_id": f.booking_id, "row_version": version, "status": "cancelled",
                "reason": "発熱のため"
            }));
            ok(r.move_booking(&request, &r.stamp(now())))
        }),
        // ---- equipment
        uc("equipment_types", Read, |r, _| ok(r.equipment_types())),
        uc("equipment_units", Read, |r, f| {
            ok(r.equipment_units(Some(&f.type_id)))
        }),
        uc("equipment_unit", Read, |r, f| {
            ok(r.equipment_unit(&f.unit_id))
        }),
        uc("equipment_unit_by_tag", Read, |r, _| {
            ok(r.equipment_unit_by_tag("SUC-001"))
        }),
        uc("overdue_loans", Read, |r, _| ok(r.overdue_loans(today()))),
        uc("unit_history", Read, |r, f| ok(r.unit_history(&f.unit_id))),
        uc("add_equipment_type", Write, |r, _| {
            let input = j(json!({ "name": "パルスオキシメーター" }));
            ok(r.add_equipment_type(&input, &r.stamp(now())))
        }),
        uc("add_equipment_unit", Write, |r, f| {
            let request = j(json!({
                "type_id": f.type_id, "asset_tag": "SUC-002", "condition": "good"
            }));
            ok(r.add_equipment_unit(&request, &r.stamp(now())))
        }),
        uc("update_equipment_unit", Write, |r, f| {
            let version = r.equipment_unit(&f.unit_id)?.row_version;
            let request = j(json!({
                "unit_id": f.unit_id, "row_version": version, "condition": "worn"
            }));
            ok(r.update_equipment_unit(&request, &r.stamp(now())))
        }),
        uc("lend_equipment", Write, |r, f| {
            let request = j(json!({
                "unit_id": f.unit_id, "child_id": f.child.id, "lent_on": "2026-11-20",
                "due_on": "2026-12-20"
            }));
            ok(r.lend_equipment(&request, &r.stamp(now())))
        }),
        uc("return_equipment", Write, |r, f| {
            let request = j(json!({
                "unit_id": f.unit_id, "returned_on": "2026-11-23", "condition": "good"
            }));
            ok(r.return_equipment(&request, &r.stamp(now())))
        }),
        // ---- the audit log
        uc("verify_audit", Read, |r, _| ok(r.verify_audit(Lang::Ja))),
        uc("audit_actors", Read, |r, _| ok(r.audit_actors())),
        uc("audit_entries", Read, |r, _| {
            ok(r.audit_entries(&j(json!({ "limit": 20 }))))
        }),
        // ---- demo data (a change like any other)
        uc("generate_demo", Write, |r, _| {
            let spec = DemoSpec {
                seed: 7,
                children: 2,
                providers: 2,
            };
            ok(r.generate_demo(spec, &r.stamp(now())))
        }),
        // ---- drafts and settings
        uc("keep_draft", Read, |r, _| {
            ok(r.keep_draft(r#"{"form":"child"}"#))
        }),
        uc("take_draft", Read, |r, _| ok(r.take_draft())),
        uc("auto_lock_minutes", Read, |r, _| ok(r.auto_lock_minutes())),
        uc("set_auto_lock_minutes", Admin, |r, _| {
            let stamp = r.stamp(now());
            ok(r.set_auto_lock_minutes(20, &stamp))
        }),
        // ---- backups and restore
        uc("list_backups", Read, |r, _| ok(r.list_backups())),
        uc("backup_schedule", Read, |r, _| ok(r.backup_schedule())),
        uc("backup_due", Read, |r, _| ok(r.backup_due(now()))),
        // The fixture's backup was made at `now`: not due, so this makes none.
        uc("backup_scheduled", Read, |r, _| {
            ok(r.backup_scheduled(now()))
        }),
        uc("backup", Admin, |r, _| {
            ok(r.backup(&BackupOptions::default(), now(), &mut |_| true))
        }),
        uc("set_backup_schedule", Admin, |r, _| {
            let schedule = BackupSchedule {
                every_hours: 12,
                keep: 10,
            };
            ok(r.set_backup_schedule(&schedule))
        }),
        uc("backup_path", Admin, |r, f| {
            ok(r.backup_path(&f.backup_name))
        }),
        uc("check_backup", Admin, |r, f| {
            ok(r.check_backup(&f.backup_path))
        }),
        // Only the first half: the prepared copy is dropped, which removes it.
        uc("prepare_restore", Admin, |r, f| {
            ok(r.prepare_restore(&f.backup_path))
        }),
        // ---- users and the recovery key
        uc("has_recovery_key", Read, |r, _| ok(r.has_recovery_key())),
        uc("change_own_passphrase", Read, |r, f| {
            let request = j(json!({
                "current": f.passphrase, "passphrase": f.passphrase,
                "confirmation": f.passphrase
            }));
            let stamp = r.stamp(now());
            ok(r.change_own_passphrase(&request, &stamp))
        }),
        uc("list_users", Admin, |r, _| ok(r.list_users())),
        uc("add_user", Admin, |r, _| {
            let request = NewUserRequest {
                login: "kobayashi".into(),
                display_name: "小林 恵".into(),
                role: UserRole::Viewer,
                passphrase: "kobayashi-viewer-pebble-amber-64".into(),
                confirmation: "kobayashi-viewer-pebble-amber-64".into(),
            };
            let stamp = r.stamp(now());
            ok(r.add_user(&request, &stamp))
        }),
        uc("update_user", Admin, |r, f| {
            let request = j(json!({
                "user_id": f.spare_user_id, "display_name": "田中 一郎", "role": "viewer"
            }));
            let stamp = r.stamp(now());
            ok(r.update_user(&request, &stamp))
        }),
        uc("reset_passphrase", Admin, |r, f| {
            let new = "tanaka-reset-willow-copper-83";
            let request = j(json!({
                "user_id": f.spare_user_id, "passphrase": new, "confirmation": new
            }));
            let stamp = r.stamp(now());
            ok(r.reset_passphrase(&request, &stamp))
        }),
        uc("new_recovery_key", Admin, |r, _| {
            let stamp = r.stamp(now());
            ok(r.new_recovery_key(&stamp))
        }),
        uc("remove_user", Admin, |r, f| {
            let stamp = r.stamp(now());
            ok(r.remove_user(&f.spare_user_id, &stamp))
        }),
    ]
}

/// `pub fn`s on `Registry` that are not use cases, and why they check nothing.
const NOT_USE_CASES: &[(&str, &str)] = &[
    ("require", "the check itself"),
    (
        "session",
        "who is signed in: the shell needs it to show the role, whatever the role",
    ),
    (
        "stamp",
        "builds the audit's who-and-when from the session; reads and writes nothing",
    ),
    (
        "match_cache_bytes",
        "the size of matching's memory, for benchmarks; no record data",
    ),
];

fn document(f: &Fx) -> kakehashi::pdf::DocumentRequest {
    j(json!({ "kind": "case_summary", "child_id": f.child.id }))
}

fn kawagoe() -> RosterQuery {
    RosterQuery {
        municipality_code: Some(KAWAGOE.into()),
    }
}

fn booking(f: &Fx, from: &str, to: &str) -> kakehashi::respite::BookingRequest {
    j(json!({
        "child_id": f.child.id, "facility_id": f.facility_id, "bed_type": "ventilator",
        "from": from, "to": to
    }))
}

fn disaster_request(r: &Registry, f: &Fx) -> kakehashi::Result<SaveDisasterProfileRequest> {
    let current = r.disaster_profile(&f.child.id, &r.stamp(now()))?;
    Ok(SaveDisasterProfileRequest {
        child_id: f.child.id.clone(),
        row_version: current.row_version,
        profile: f.disaster.profile.clone(),
    })
}

fn plan(r: &Registry, f: &Fx) -> kakehashi::Result<kakehashi::plans::PlanDetail> {
    r.get_plan(&f.plan_id, &r.stamp(now()))
}

fn task(r: &Registry, f: &Fx) -> kakehashi::Result<kakehashi::plans::PlanTask> {
    let plan = plan(r, f)?;
    Ok(plan
        .tasks
        .into_iter()
        .find(|t| t.id == f.task_id)
        .expect("the fixture's task stays on its plan"))
}

fn target_version(r: &Registry, f: &Fx, target_id: &str) -> kakehashi::Result<i64> {
    let detail = r.get_campaign(&f.campaign_id)?;
    Ok(detail
        .targets
        .iter()
        .find(|t| t.id == target_id)
        .map_or(1, |t| t.row_version))
}

/// Conditions under which a short-stay facility takes the fixture's ventilated child.
fn takes_ventilated() -> Conditions {
    let yes = |code| CareItemAnswer {
        code,
        answer: Answer::Yes,
    };
    Conditions {
        accepts_children: Answer::Yes,
        age_min_months: Some(0),
        age_max_months: Some(18 * 12),
        weight_max_kg: Some(30.0),
        care_items: vec![
            yes(CareItemCode::Ventilator),
            yes(CareItemCode::Tracheostomy),
        ],
        service_area: ServiceArea {
            municipality_codes: vec![KAWAGOE.into()],
            radius_km: None,
        },
        nights: Answer::Yes,
        weekends: Answer::Yes,
        around_the_clock: Answer::Yes,
        taking_new_clients: Answer::Yes,
        ..Conditions::default()
    }
}

fn add_user(registry: &mut Registry, login: &str, role: UserRole, passphrase: &str) -> String {
    let stamp = registry.stamp(now());
    registry
        .add_user(
            &NewUserRequest {
                login: login.into(),
                display_name: format!("{login} さん"),
                role,
                passphrase: passphrase.into(),
                confirmation: passphrase.into(),
            },
            &stamp,
        )
        .expect("the admin adds a user")
        .user_id
}

/// An office: the admin `admin`, a coordinator, a viewer and a spare coordinator; one child
/// with a plan, a booking, a loan's unit, a campaign and a backup.
fn office() -> (TempDir, Vault, Fx) {
    let (dir, vault, mut r) = new_registry();
    add_user(
        &mut r,
        COORDINATOR,
        UserRole::Coordinator,
        COORDINATOR_PASSPHRASE,
    );
    add_user(&mut r, VIEWER, UserRole::Viewer, VIEWER_PASSPHRASE);
    let spare_user_id = add_user(&mut r, SPARE, UserRole::Coordinator, SPARE_PASSPHRASE);
    let s = r.stamp(now());

    let child_id = crate::respite::child(
        &mut r,
        1,
        12.4,
        &[CareItemCode::Ventilator, CareItemCode::Tracheostomy],
    );
    let child_ref = CaseRef {
        id: Some(child_id.clone()),
        case_number: None,
    };
    let child = r.get_child(&child_ref, &s).unwrap();
    let disaster = r.disaster_profile(&child_id, &s).unwrap();
    let second_child_id = crate::respite::child(&mut r, 2, 9.8, &[CareItemCode::Suction]);
    let provider_id = crate::respite::provider(
        &mut r,
        ProviderKind::VisitingNursing,
        "かけはし訪問看護",
        takes_ventilated(),
    );
    let provider = r.get_provider(&provider_id).unwrap();
    let facility_id = crate::respite::provider(
        &mut r,
        ProviderKind::ShortStay,
        "かけはし短期入所",
        takes_ventilated(),
    );
    r.set_bed_type(
        &j(json!({
            "facility_id": facility_id, "bed_type": "ventilator", "beds": 2, "max_stay_nights": 7
        })),
        &s,
    )
    .unwrap();

    let mut fx = Fx {
        passphrase: PASSPHRASE,
        child,
        second_child_id,
        disaster,
        provider,
        facility_id,
        booking_id: String::new(),
        plan_id: String::new(),
        task_id: String::new(),
        member_id: String::new(),
        referral_id: String::new(),
        conference_id: String::new(),
        template_id: String::new(),
        type_id: String::new(),
        unit_id: String::new(),
        campaign_id: String::new(),
        target_id: String::new(),
        spare_target_id: String::new(),
        spare_user_id,
        backup_name: String::new(),
        backup_path: PathBuf::new(),
        import_file: PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/providers/survey-sample.utf8.csv"),
        out: dir.path().join("out"),
    };
    fs::create_dir_all(&fx.out).unwrap();

    fx.booking_id = r
        .request_booking(&booking(&fx, "2026-12-10", "2026-12-12"), &s)
        .unwrap()
        .booking
        .id;
    let plan_id = r
        .create_plan(
            &j(json!({ "child_id": fx.child.id, "target_date": "2027-01-15" })),
            &s,
        )
        .unwrap()
        .plan
        .plan
        .id;
    fx.plan_id = plan_id.clone();
    fx.task_id = plan(&r, &fx).unwrap().tasks[0].id.clone();
    r.add_team_member(
        &j(json!({ "plan_id": plan_id, "role": "coordinator", "person_name": "鈴木 誠" })),
        &s,
    )
    .unwrap();
    r.create_referral(
        &j(json!({
            "plan_id": plan_id, "provider_id": fx.provider.id, "role": "visiting_nurse"
        })),
        &s,
    )
    .unwrap();
    r.add_conference(
        &j(json!({
            "plan_id": plan_id, "conference": { "kind": "in_hospital", "held_on": "2026-12-01" }
        })),
        &s,
    )
    .unwrap();
    let detail = plan(&r, &fx).unwrap();
    fx.member_id = detail.team[0].id.clone();
    fx.referral_id = detail.referrals[0].id.clone();
    fx.conference_id = detail.conferences[0].id.clone();
    fx.template_id = r.list_templates().unwrap()[0].id.clone();

    fx.type_id = r
        .add_equipment_type(&j(json!({ "name": "吸引器" })), &s)
        .unwrap()
        .id;
    fx.unit_id = r
        .add_equipment_unit(
            &j(json!({ "type_id": fx.type_id, "asset_tag": "SUC-001", "condition": "good" })),
            &s,
        )
        .unwrap()
        .id;

    fx.campaign_id = r
        .create_campaign(
            &j(json!({
                "title": "受け入れ調査", "sent_on": "2026-11-20",
                "provider_ids": [fx.provider.id, fx.facility_id]
            })),
            &s,
        )
        .unwrap();
    let targets = r.get_campaign(&fx.campaign_id).unwrap().targets;
    let target_of = |provider: &str| {
        let target = targets.iter().find(|t| t.provider_id == provider);
        target.expect("each provider is a target").id.clone()
    };
    fx.target_id = target_of(&fx.provider.id);
    fx.spare_target_id = target_of(&fx.facility_id);

    let done = r
        .backup(&BackupOptions::default(), now(), &mut |_| true)
        .unwrap()
        .expect("not cancelled");
    fx.backup_path = backup::default_dir(dir.path()).join(&done.backup.name);
    fx.backup_name = done.backup.name;
    (dir, vault, fx)
}

/// The database as the key opens it, beside the registry (to read the audit head).
fn raw(vault: &Vault) -> Connection {
    let key = KeyFile::read(&vault.key_path())
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    kakehashi::store::open(&vault.db_path(), &key, false).unwrap()
}

/// Every file under `dir` but the live database (its WAL moves with reads too) and the lock,
/// with its bytes: the key file (users, recovery key), settings, schedule, backups, drafts,
/// exported files.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                stack.push(path);
            } else if !name.starts_with("kakehashi.db") && name != "kakehashi.lock" {
                found.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    found
}

/// What a refused call must leave as it was.
#[derive(Debug, PartialEq)]
struct Snapshot {
    audit_head: (i64, String),
    counts: kakehashi::overview::RecordCounts,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

fn snapshot(raw: &Connection, r: &Registry, dir: &Path) -> Snapshot {
    Snapshot {
        audit_head: kakehashi::store::audit::head(raw).unwrap(),
        counts: r.record_counts().unwrap(),
        files: files(dir),
    }
}

#[test]
fn every_use_case_is_allowed_or_refused_by_role_and_a_refusal_changes_nothing() {
    let (dir, vault, mut fx) = office();
    let raw = raw(&vault);
    let cases = use_cases();
    let mut wrong = Vec::new();
    // The viewer first and the admin last: refusals change nothing, and the admin's own
    // calls (removing a user, …) then affect no later role.
    let roles = [
        (VIEWER, VIEWER_PASSPHRASE, UserRole::Viewer),
        (COORDINATOR, COORDINATOR_PASSPHRASE, UserRole::Coordinator),
        ("admin", PASSPHRASE, UserRole::Admin),
    ];
    for (login, passphrase, role) in roles {
        let request = UnlockRequest {
            login: login.into(),
            passphrase: passphrase.into(),
        };
        let mut r = vault.unlock(&request, now()).unwrap();
        assert_eq!(
            r.session().role,
            role,
            "{login} signs in with their own role"
        );
        fx.passphrase = passphrase;
        for case in &cases {
            let before = snapshot(&raw, &r, dir.path());
            let result = (case.call)(&mut r, &fx);
            let label = format!("{} as {}", case.name, role.code());
            if role.allows(case.needs) {
                if let Err(Error::Forbidden { needed }) = result {
                    wrong.push(format!("{label}: refused (needs {needed:?}) but allowed"));
                }
                continue;
            }
            match result {
                Err(Error::Forbidden { needed }) if needed == case.needs => {}
                other => wrong.push(format!(
                    "{label}: expected Forbidden {{ needed: {:?} }}, got {other:?}",
                    case.needs
                )),
            }
            let after = snapshot(&raw, &r, dir.path());
            if after != before {
                wrong.push(format!("{label}: refused, yet something changed"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_refusal_says_in_japanese_what_permission_is_missing() {
    let read_only = Error::Forbidden { needed: Write }.to_api(Lang::Ja);
    assert_eq!(read_only.kind, kakehashi::ErrorKind::Forbidden);
    assert!(
        read_only.message.contains("閲覧のみ"),
        "a viewer is told they only view: {}",
        read_only.message
    );
    let admin = Error::Forbidden { needed: Admin }.to_api(Lang::Ja);
    assert!(admin.message.contains("管理者"), "{}", admin.message);
}

#[test]
fn the_scheduled_backup_runs_in_a_viewers_session_but_a_backup_on_demand_does_not() {
    let (dir, vault, mut admin) = new_registry();
    add_user(&mut admin, VIEWER, UserRole::Viewer, VIEWER_PASSPHRASE);
    drop(admin);
    let request = UnlockRequest {
        login: VIEWER.into(),
        passphrase: VIEWER_PASSPHRASE.into(),
    };
    let viewer = vault.unlock(&request, now()).unwrap();
    assert!(
        matches!(
            viewer.backup(&BackupOptions::default(), now(), &mut |_| true),
            Err(Error::Forbidden { needed: Admin })
        ),
        "backing up on demand is the admin's"
    );
    assert!(
        viewer.backup_due(now()).unwrap(),
        "no backup yet: one is due"
    );
    let done = viewer
        .backup_scheduled(now())
        .unwrap()
        .expect("a due backup is made whoever is signed in");
    assert!(
        done.backup.verified,
        "the scheduled backup is checked like any other"
    );
    assert!(
        viewer.backup_scheduled(now()).unwrap().is_none(),
        "made a moment ago: none due"
    );
    assert_eq!(
        backup::list_backups(&backup::default_dir(dir.path()))
            .unwrap()
            .len(),
        1
    );
}

// ---- the sources agree with the table

/// The source with comments, string and char literals blanked out (same length, newlines
/// kept), so braces and `pub fn` inside them do not count.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if b[i..].starts_with(b"/*") {
            let end = src[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'r'
            && (b[i + 1..].starts_with(b"\"") || b[i + 1..].starts_with(b"#"))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let close = format!("\"{}", "#".repeat(hashes));
            let start = i + 2 + hashes;
            let end = src[start..]
                .find(&close)
                .map_or(b.len(), |n| start + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'"' {
            let mut k = i + 1;
            while k < b.len() && b[k] != b'"' {
                k += if b[k] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, k + 1);
            i = k + 1;
        } else if b[i] == b'\'' {
            // A char literal ('{', '\n', '\u{..}', 'あ') or a lifetime ('a).
            let rest = &src[i + 1..];
            let len = if rest.starts_with('\\') {
                // The escaped character may itself be a quote ('\'').
                rest.get(2..).and_then(|r| r.find('\'')).map(|n| n + 2)
            } else {
                rest.chars()
                    .next()
                    .map(char::len_utf8)
                    .filter(|&n| rest[n..].starts_with('\''))
            };
            match len {
                Some(n) => {
                    blank(&mut out, i, i + n + 2);
                    i += n + 2;
                }
                None => i += 1,
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only ASCII bytes were replaced, whole characters at a time")
}

/// Every `pub fn` directly inside an `impl Registry` block under `dir`: (file, name, the
/// body's first statement).
fn registry_methods(dir: &Path) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = code_only(&fs::read_to_string(&path).unwrap());
            let file = path.strip_prefix(dir).unwrap().display().to_string();
            let mut from = 0;
            while let Some(at) = code[from..].find("impl Registry {") {
                let open = from + at + "impl Registry {".len();
                let close = matching_brace(&code, open);
                let block = &code[open..close];
                let mut depth = 0;
                let mut k = 0;
                while k < block.len() {
                    match block.as_bytes()[k] {
                        b'{' => depth += 1,
                        b'}' => depth -= 1,
                        _ if depth == 0 && block[k..].starts_with("pub fn ") => {
                            let name: String = block[k + 7..]
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_')
                                .collect();
                            let body = k + block[k..].find('{').unwrap() + 1;
                            let first = block[body..].trim_start();
                            let first = first[..first.find(';').unwrap_or(first.len())].trim();
                            found.push((file.clone(), name, first.to_string()));
                        }
                        _ => {}
                    }
                    k += 1;
                }
                from = close;
            }
        }
    }
    found.sort();
    found
}

/// The index of the `}` closing the block whose body starts at `open`.
fn matching_brace(code: &str, open: usize) -> usize {
    let mut depth = 1;
    for (k, c) in code[open..].bytes().enumerate() {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return open + k;
                }
            }
            _ => {}
        }
    }
    panic!("an unclosed impl block")
}

/// The scan's verdicts on the methods found: each line names a method that is neither in the
/// table nor explained, or whose body does not start with the check.
fn unchecked(methods: &[(String, String, String)]) -> Vec<String> {
    let table: BTreeSet<&str> = use_cases()
        .iter()
        .map(|c| c.name.split('/').next().unwrap())
        .collect();
    let explained: BTreeSet<&str> = NOT_USE_CASES.iter().map(|(n, _)| *n).collect();
    let mut wrong = Vec::new();
    for (file, name, first) in methods {
        if explained.contains(name.as_str()) {
            continue;
        }
        if !table.contains(name.as_str()) {
            wrong.push(format!(
                "{file}: {name} is not in the role table of tests/core/roles.rs"
            ));
        }
        if !first.starts_with("self.require(") {
            wrong.push(format!(
                "{file}: {name} does not start with self.require(…) but `{first}`"
            ));
        }
    }
    wrong
}

#[test]
fn every_public_method_on_the_registry_is_in_the_table_and_checks_its_permission_first() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let methods = registry_methods(&src);
    assert!(
        methods.len() > 100,
        "the scan finds the use cases ({} found)",
        methods.len()
    );
    let wrong = unchecked(&methods);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));

    // And the table names nothing that is gone (a renamed method would leave a stale row).
    let names: BTreeSet<&str> = methods.iter().map(|(_, n, _)| n.as_str()).collect();
    let stale: Vec<&str> = use_cases()
        .iter()
        .map(|c| c.name.split('/').next().unwrap())
        .chain(NOT_USE_CASES.iter().map(|(n, _)| *n))
        .filter(|n| !names.contains(n))
        .collect();
    assert!(stale.is_empty(), "no such method on Registry: {stale:?}");
}

#[test]
fn the_scan_sees_through_comments_strings_and_char_literals() {
    let src = r#"
impl Registry {
    // pub fn in_a_comment() {
    pub fn checked(&self) -> Result<()> {
        self.require(Permission::Read)?;
        let brace = '{';
        let quote = '\'';
        let text = "pub fn in_a_string() {";
        Ok(())
    }

    pub(crate) fn internal(&self) {}

    pub fn unchecked<'a>(&'a self) -> &'a str {
        let s = r"}";
        s
    }
}
"#;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("sample.rs"), src).unwrap();
    let methods = registry_methods(dir.path());
    let names: Vec<&str> = methods.iter().map(|(_, n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["checked", "unchecked"],
        "only the block's own pub fns"
    );
    let wrong = unchecked(&methods);
    assert_eq!(
        wrong,
        [
            "sample.rs: checked is not in the role table of tests/core/roles.rs",
            "sample.rs: unchecked is not in the role table of tests/core/roles.rs",
            "sample.rs: unchecked does not start with self.require(…) but `let s =`",
        ],
        "the string's brace is not the body's"
    );
}
