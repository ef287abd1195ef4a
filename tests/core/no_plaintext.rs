//! No plaintext anywhere: unique markers (`MARKER-<uuid>`) written into every kind of record the
//! registry stores never appear, in UTF-8 or UTF-16, in any file of the data directory (database,
//! WAL, shared memory, journal, lock, key file, settings, the draft kept at lock, backups and
//! their manifests) nor in a file created in the temp folders during the test — neither while
//! the registry is open (the WAL not yet checkpointed) nor after it is closed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use kakehashi::Registry;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::support::{new_registry, stamp};

/// Every marker handed out, with what it was written into.
#[derive(Default)]
struct Markers(Vec<(String, &'static str)>);

impl Markers {
    fn mark(&mut self, what: &'static str) -> String {
        let m = format!("MARKER-{}", uuid::Uuid::now_v7().simple());
        self.0.push((m.clone(), what));
        m
    }
}

fn req<T: DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a well-formed request")
}

/// Byte patterns of `marker`: UTF-8 (= Shift_JIS for ASCII), UTF-16 LE and BE.
fn patterns(marker: &str) -> [Vec<u8>; 3] {
    let le: Vec<u8> = marker.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = marker.encode_utf16().flat_map(u16::to_be_bytes).collect();
    [marker.as_bytes().to_vec(), le, be]
}

/// Every regular file under `dir` (recursively); files that vanish meanwhile are skipped.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => files_under(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

/// The files in the temp folders SQLite and the OS use (SQLite tries $SQLITE_TMPDIR, $TMPDIR,
/// /var/tmp, /usr/tmp, /tmp).
fn temp_files() -> HashSet<PathBuf> {
    let mut dirs = vec![std::env::temp_dir(), PathBuf::from("/var/tmp")];
    if let Ok(d) = std::env::var("SQLITE_TMPDIR") {
        dirs.push(d.into());
    }
    let mut files = Vec::new();
    for d in dirs {
        files_under(&d, &mut files);
    }
    files.into_iter().collect()
}

/// `file: what (encoding)` for every one of `markers` found in `files`. Looks for the common
/// prefix first (three passes a file instead of three a marker), then which marker follows.
fn scan(files: &[PathBuf], markers: &Markers) -> Vec<String> {
    let mut found = Vec::new();
    let encodings = ["UTF-8", "UTF-16LE", "UTF-16BE"];
    for file in files {
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        for (index, prefix) in patterns("MARKER-").iter().enumerate() {
            let starts = bytes
                .windows(prefix.len())
                .enumerate()
                .filter(|(_, w)| *w == prefix.as_slice())
                .map(|(at, _)| at);
            for at in starts {
                for (marker, what) in &markers.0 {
                    if bytes[at..].starts_with(&patterns(marker)[index]) {
                        found.push(format!("{}: {what} ({})", file.display(), encodings[index]));
                    }
                }
            }
        }
    }
    found
}

/// Writes a marker into every kind of record; returns how many records were written.
fn fill(registry: &mut Registry, m: &mut Markers) -> usize {
    let s = stamp();
    let child = registry
        .register_child(
            &req(json!({
                "child": {
                    "case_number": null,
                    "name": m.mark("child.name"),
                    "kana": "マーカー タロウ",
                    "date_of_birth": "2025-05-10",
                    "sex": "male",
                    "diagnoses": [{"text": m.mark("child.diagnosis"), "icd10": null, "perinatal": false}],
                    "residence": {"postal_code": "350-1124", "address": m.mark("child.address"),
                                  "municipality_code": "112011", "lat": null, "lon": null},
                    "guardians": [{"name": m.mark("guardian.name"), "relation": "母",
                                   "phone_primary": "090-1111-2222",
                                   "language_needs": m.mark("guardian.language_needs")}],
                    "certificates": {"ryoiku_techo": m.mark("child.certificates")},
                    "severe_factors": {},
                    "care_items": [{"code": "ventilator", "supervision": "high",
                                    "details": {"device": m.mark("care_item.device")},
                                    "start_date": null, "end_date": null}],
                    "consent": {"given_on": "2026-10-01", "scope": ["care_team"],
                                "note": m.mark("child.consent_note")},
                    "coordinator": m.mark("child.coordinator")
                },
                "status": "inpatient_planning",
                "confirmed_not_duplicate": true
            })),
            &s,
        )
        .expect("child");
    let child = registry
        .change_child_status(
            &req(
                json!({"id": child.id, "row_version": child.row_version, "status": "at_home",
                        "date": "2026-11-24", "note": m.mark("status_change.note")}),
            ),
            &s,
        )
        .expect("status change");
    registry
        .record_weight(
            &req(
                json!({"id": child.id, "weight": {"measured_on": "2026-11-21", "weight_kg": 5.5}}),
            ),
            &s,
        )
        .expect("weight");

    let provider = |registry: &mut Registry, kind: &str, m: &mut Markers| {
        registry
            .add_provider(
                &req(json!({
                    "provider": {
                        "kind": kind,
                        "name": m.mark("provider.name"),
                        "kana": "マーカー",
                        "address": m.mark("provider.address"),
                        "municipality_code": "112011",
                        "lat": null, "lon": null,
                        "email": format!("{}@example.jp", m.mark("provider.email")),
                        "contact_person": m.mark("provider.contact_person"),
                        "opening_hours": m.mark("provider.opening_hours"),
                        "business_number": null, "capacity": null, "last_verified_on": null,
                        "conditions": {"accepts_children": "yes", "free_text": m.mark("provider.conditions_free_text")}
                    },
                    "answered_on": "2026-11-01"
                })),
                &s,
            )
            .expect("provider")
    };
    let nurse = provider(registry, "visiting_nursing", m);
    let facility = provider(registry, "short_stay", m);
    let vendor = provider(registry, "equipment_vendor", m);

    let campaign = registry
        .create_campaign(
            &req(
                json!({"title": m.mark("campaign.title"), "sent_on": "2026-11-01", "due_on": null,
                        "note": m.mark("campaign.note"), "provider_ids": [nurse.id, vendor.id]}),
            ),
            &s,
        )
        .expect("campaign");
    let detail = registry.get_campaign(&campaign).expect("campaign detail");
    let target = serde_json::to_value(&detail).unwrap()["targets"][0].clone();
    registry
        .set_target_state(
            &req(
                json!({"target_id": target["id"], "row_version": target["row_version"],
                        "state": "phoned", "on": "2026-11-10", "note": m.mark("target.note")}),
            ),
            &s,
        )
        .expect("target state");

    let template = registry
        .save_template(
            &req(json!({"id": null, "row_version": null, "name": m.mark("template.name"),
                        "note": m.mark("template.note"), "is_default": false,
                        "tasks": [{"id": null, "phase": "preparation", "role": "msw",
                                   "title": m.mark("template_task.title"), "note": "", "offset_days": -30}]})),
            &s,
        )
        .expect("template");
    // The plan is for a second child, still in hospital (a plan is discharge planning).
    let inpatient = registry
        .register_child(
            &req(json!({
                "child": {
                    "case_number": null, "name": m.mark("child2.name"), "kana": "マーカー ハナコ",
                    "date_of_birth": "2025-06-10", "sex": "female",
                    "residence": {"postal_code": "", "address": "", "municipality_code": "112011",
                                  "lat": null, "lon": null},
                    "guardians": [], "severe_factors": {}, "care_items": [],
                    "consent": {"given_on": null, "scope": [], "note": ""}, "coordinator": ""
                },
                "status": "inpatient_planning",
                "confirmed_not_duplicate": true
            })),
            &s,
        )
        .expect("second child");
    let plan = registry
        .create_plan(
            &req(
                json!({"child_id": inpatient.id, "target_date": "2027-01-15",
                        "template_id": template.id, "note": m.mark("plan.note")}),
            ),
            &s,
        )
        .expect("plan");
    registry
        .add_task(
            &req(
                json!({"plan_id": plan.id, "phase": "preparation", "role": "msw",
                        "title": m.mark("task.title"), "note": m.mark("task.note"), "owner": null,
                        "due_date": "2026-12-20"}),
            ),
            &s,
        )
        .expect("task");
    let with_member = registry
        .add_team_member(
            &req(
                json!({"plan_id": plan.id, "role": "msw", "provider_id": null,
                        "person_name": m.mark("member.person_name"),
                        "organisation": m.mark("member.organisation"),
                        "contact": m.mark("member.contact"), "start_date": null,
                        "note": m.mark("member.note")}),
            ),
            &s,
        )
        .expect("team member");
    registry
        .create_referral(
            &req(
                json!({"plan_id": plan.id, "provider_id": nurse.id, "role": "visiting_nurse",
                        "start_on": null, "note": m.mark("referral.note")}),
            ),
            &s,
        )
        .expect("referral");
    let member_id = serde_json::to_value(&with_member.plan).unwrap()["team"][0]["id"].clone();
    registry
        .add_conference(
            &req(json!({"plan_id": plan.id, "conference": {
                "kind": "in_hospital", "held_on": "2026-11-20", "title": m.mark("conference.title"),
                "attendee_ids": [member_id], "other_attendees": m.mark("conference.others"),
                "minutes": m.mark("conference.minutes")}})),
            &s,
        )
        .expect("conference");
    registry
        .set_training(
            &req(
                json!({"plan_id": plan.id, "item": "suction", "level": "demonstrated",
                        "on": "2026-11-20", "by_whom": m.mark("training.by_whom"),
                        "note": m.mark("training.note"), "row_version": null}),
            ),
            &s,
        )
        .expect("training");

    registry
        .set_bed_type(
            &req(
                json!({"facility_id": facility.id, "bed_type": "medical", "beds": 2,
                        "max_stay_nights": 7, "note": m.mark("bed_type.note")}),
            ),
            &s,
        )
        .expect("bed type");
    registry
        .set_capacity_exception(
            &req(
                json!({"facility_id": facility.id, "bed_type": "medical", "from": "2026-12-24",
                        "to": "2026-12-26", "beds": 1, "note": m.mark("capacity_exception.note")}),
            ),
            &s,
        )
        .expect("capacity exception");
    registry
        .request_booking(
            &req(
                json!({"child_id": child.id, "facility_id": facility.id, "bed_type": "medical",
                        "from": "2026-12-01", "to": "2026-12-03",
                        "reason": m.mark("booking.reason"), "note": m.mark("booking.note")}),
            ),
            &s,
        )
        .expect("booking");

    let kind = registry
        .add_equipment_type(
            &req(
                json!({"name": m.mark("equipment_type.name"), "note": m.mark("equipment_type.note")}),
            ),
            &s,
        )
        .expect("equipment type");
    let unit = registry
        .add_equipment_unit(
            &req(
                json!({"type_id": kind.id, "asset_tag": m.mark("unit.asset_tag"),
                        "condition": "good", "note": m.mark("unit.note")}),
            ),
            &s,
        )
        .expect("unit");
    registry
        .lend_equipment(
            &req(
                json!({"unit_id": unit.id, "child_id": child.id, "lent_on": "2026-11-20",
                        "due_on": "2026-12-20", "note": m.mark("loan.note")}),
            ),
            &s,
        )
        .expect("loan");

    registry
        .record_consultation(
            &req(
                json!({"at": "2026-11-23T21:30", "caller_type": "family", "child_id": child.id,
                        "topic": m.mark("consultation.topic"), "outcome": "advice",
                        "staff": m.mark("consultation.staff"), "note": m.mark("consultation.note")}),
            ),
            &s,
        )
        .expect("consultation");

    registry
        .save_disaster_profile(
            &req(json!({"child_id": child.id, "row_version": 0, "profile": {
                "devices": [{"kind": "ventilator", "name": m.mark("disaster.device"),
                             "internal_battery_hours": 4.0, "external_battery_hours": 8.0}],
                "other_power": {"note": m.mark("disaster.other_power")},
                "evacuation_site": m.mark("disaster.evacuation_site"),
                "welfare_shelter": m.mark("disaster.welfare_shelter"),
                "emergency_hospital": m.mark("disaster.emergency_hospital"),
                "contacts": [{"name": m.mark("disaster.contact"), "relation": "祖母", "phone": "090-3333-4444"}],
                "note": m.mark("disaster.note")}})),
            &s,
        )
        .expect("disaster profile");
    m.0.len()
}

#[test]
fn markers_in_every_kind_of_record_are_nowhere_in_plaintext() {
    let temp_before = temp_files();
    let (dir, vault, mut registry) = new_registry();
    let mut markers = Markers::default();
    fill(&mut registry, &mut markers);
    // A form open at lock time: its unsaved input is kept sealed in `kakehashi.draft`.
    registry
        .keep_draft(
            &json!({"formId": "case-new", "route": "/cases/new",
                    "values": {"name": markers.mark("draft.name"), "note": markers.mark("draft.note")}})
            .to_string(),
        )
        .expect("keep a draft");
    // A backup holds the same records: it must be as unreadable as the database.
    let backups = dir.path().join("backups");
    registry
        .backup(
            &kakehashi::backup::BackupOptions {
                dir: Some(backups),
                keep: Some(2),
            },
            chrono::Utc::now(),
            &mut |_| true,
        )
        .expect("backup")
        .expect("not cancelled");

    let mut open_files = Vec::new();
    files_under(dir.path(), &mut open_files);
    assert!(
        open_files
            .iter()
            .any(|f| f.to_string_lossy().ends_with("-wal")),
        "the WAL is there while the registry is open: {open_files:?}"
    );
    assert!(
        open_files
            .iter()
            .any(|f| f.ends_with(kakehashi::drafts::DRAFT_FILE)),
        "the kept draft is among the files searched: {open_files:?}"
    );
    let found_open = scan(&open_files, &markers);

    drop(registry);
    drop(vault);
    let mut closed_files = Vec::new();
    files_under(dir.path(), &mut closed_files);
    let new_temp: Vec<PathBuf> = temp_files()
        .difference(&temp_before)
        .filter(|f| !f.starts_with(dir.path()))
        .cloned()
        .collect();
    let found_closed = scan(&closed_files, &markers);
    let found_temp = scan(&new_temp, &markers);
    println!(
        "no plaintext: {} markers; open: {} files scanned, {} found; closed: {} files, {} found; \
         temp: {} new files, {} found",
        markers.0.len(),
        open_files.len(),
        found_open.len(),
        closed_files.len(),
        found_closed.len(),
        new_temp.len(),
        found_temp.len()
    );
    assert!(
        found_open.is_empty() && found_closed.is_empty() && found_temp.is_empty(),
        "markers found in plaintext: {found_open:?} {found_closed:?} {found_temp:?}"
    );
}

/// The scan itself finds what it looks for, in each encoding (so a clean result means something).
#[test]
fn the_plaintext_scan_finds_a_marker_in_a_plain_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut markers = Markers::default();
    let utf8 = markers.mark("plain utf-8");
    let utf16 = markers.mark("plain utf-16");
    let path = dir.path().join("leak.txt");
    let mut bytes = format!("prefix {utf8} suffix").into_bytes();
    bytes.extend(utf16.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).unwrap();
    let mut files = Vec::new();
    files_under(dir.path(), &mut files);
    let found = scan(&files, &markers);
    assert_eq!(found.len(), 2, "both markers are found: {found:?}");
    assert!(found[0].contains("plain utf-8 (UTF-8)") && found[1].contains("(UTF-16LE)"));
}
