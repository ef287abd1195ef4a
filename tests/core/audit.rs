//! The tamper-evident audit log (issue 8): append-only, hash-chained, its head kept apart;
//! reading a case is audited; tampering made with the key outside the app — any edited,
//! deleted, inserted or reordered row, or rows cut from the end — is found and located.

use kakehashi::audit::{AuditBreakKind, AuditQuery, verify_chain};
use kakehashi::cases::CaseRef;
use kakehashi::demo::DemoSpec;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::keys::KeyFile;
use kakehashi::matching::MatchRequest;
use kakehashi::record::Stamp;
use kakehashi::store::audit::row_hash;
use kakehashi::{Lang, Registry, Vault, store};
use rand::{Rng, SeedableRng};
use rusqlite::{Connection, params};

use crate::support::{PASSPHRASE, new_registry, stamp, unlock_request};

fn other_stamp(actor: &str, day: u32) -> Stamp {
    use chrono::TimeZone;
    Stamp::new(
        actor,
        chrono::Utc
            .with_ymd_and_hms(2026, 11, day, 3, 0, 0)
            .unwrap(),
    )
}

/// A registry with demo children and providers, and a few case views.
fn busy_registry() -> (tempfile::TempDir, Vault, Registry) {
    let (dir, vault, mut registry) = new_registry();
    registry
        .generate_demo(
            DemoSpec {
                seed: 8,
                children: 6,
                providers: 4,
            },
            &stamp(),
        )
        .unwrap();
    for id in child_ids(&registry).iter().take(3) {
        registry
            .get_child(
                &CaseRef {
                    id: Some(id.clone()),
                    case_number: None,
                },
                &other_stamp("viewer", 25),
            )
            .unwrap();
    }
    (dir, vault, registry)
}

fn child_ids(registry: &Registry) -> Vec<String> {
    registry
        .audit_entries(&AuditQuery {
            entity: Some("child".into()),
            action: Some("create".into()),
            limit: Some(1000),
            ..Default::default()
        })
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.entity_id)
        .collect()
}

/// The database opened as an attacker with the passphrase would: the app's key, no app.
fn raw(vault: &Vault) -> Connection {
    let key = KeyFile::read(&vault.key_path())
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    store::open(&vault.db_path(), &key, false).unwrap()
}

/// What an attacker does first: the append-only triggers out of the way.
const DROP_TRIGGERS: &str = "DROP TRIGGER audit_log_appends_at_head;
     DROP TRIGGER audit_log_moves_head;
     DROP TRIGGER audit_log_no_update;
     DROP TRIGGER audit_log_no_delete;
     DROP TRIGGER audit_head_forward_only;
     DROP TRIGGER audit_head_no_delete;";

fn max_seq(conn: &Connection) -> i64 {
    conn.query_row("SELECT max(seq) FROM audit_log", [], |r| r.get(0))
        .unwrap()
}

fn row_at(conn: &Connection, seq: i64) -> (String, String, String) {
    conn.query_row(
        "SELECT entity, entity_id, at FROM audit_log WHERE seq = ?1",
        [seq],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap()
}

fn hash_at(conn: &Connection, seq: i64) -> String {
    conn.query_row("SELECT hash FROM audit_log WHERE seq = ?1", [seq], |r| {
        r.get(0)
    })
    .unwrap()
}

/// A forged row with a correct hash for `seq` after `prev`, as someone who knows the scheme
/// would write it.
fn forge(conn: &Connection, seq: i64, prev: &str, entity_id: &str) {
    let fields = [
        "forged-id",
        "2026-11-24T00:00:00.000Z",
        "intruder",
        "child",
        entity_id,
        "update",
        "[]",
        prev,
    ];
    let hash = row_hash(seq, fields);
    conn.execute(
        "INSERT INTO audit_log (seq, id, at, actor, entity, entity_id, action, changes, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            seq, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
            fields[7], hash
        ],
    )
    .unwrap();
}

/// Moves rows seq >= from up by one (highest first, so the primary key never collides).
fn renumber_from(conn: &Connection, from: i64) {
    let seqs: Vec<i64> = conn
        .prepare("SELECT seq FROM audit_log WHERE seq >= ?1 ORDER BY seq DESC")
        .unwrap()
        .query_map([from], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for s in seqs {
        conn.execute("UPDATE audit_log SET seq = seq + 1 WHERE seq = ?1", [s])
            .unwrap();
    }
}

/// Swaps everything but seq between two rows.
fn swap(conn: &Connection, a: i64, b: i64) {
    let big = max_seq(conn) + 1000;
    conn.execute("UPDATE audit_log SET seq = ?2 WHERE seq = ?1", [a, big])
        .unwrap();
    conn.execute("UPDATE audit_log SET seq = ?2 WHERE seq = ?1", [b, a])
        .unwrap();
    conn.execute("UPDATE audit_log SET seq = ?2 WHERE seq = ?1", [big, b])
        .unwrap();
}

#[test]
fn an_untouched_registry_verifies_intact_and_says_how_many_rows() {
    let (_dir, _vault, registry) = busy_registry();
    let result = registry.verify_audit(Lang::Ja).unwrap();
    assert!(result.intact, "{}", result.message);
    assert!(result.rows > 50, "the demo writes many audited rows");
    assert_eq!(
        result.rows, result.head_seq,
        "one row per seq, up to the head"
    );
    assert!(
        result.message.contains("改ざんされていません"),
        "{}",
        result.message
    );
    let en = registry.verify_audit(Lang::En).unwrap();
    assert!(en.message.contains("intact"), "{}", en.message);
}

#[test]
fn the_app_cannot_change_or_delete_audit_rows_even_with_the_key() {
    let (_dir, vault, registry) = busy_registry();
    drop(registry);
    let conn = raw(&vault);
    let update = conn.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 3", []);
    assert!(
        update.unwrap_err().to_string().contains("append-only"),
        "an UPDATE is refused by a trigger"
    );
    let delete = conn.execute("DELETE FROM audit_log WHERE seq = 3", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    let head = conn.execute("UPDATE audit_head SET seq = 1 WHERE id = 1", []);
    assert!(head.is_err(), "the head never moves backwards");
    let unchained = conn.execute(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes)
         VALUES ('x', '2026-11-24T00:00:00.000Z', 'a', 'child', 'c', 'update', '[]')",
        [],
    );
    assert!(
        unchained
            .unwrap_err()
            .to_string()
            .contains("extend the chain"),
        "a row that does not extend the head is refused"
    );
}

/// One named tamper trial: tampers with the raw database, unlocks it again through the app
/// and returns what the verification found.
fn trial(
    tamper: impl FnOnce(&Connection) -> (AuditBreakKind, i64),
) -> (kakehashi::audit::AuditVerification, AuditBreakKind, i64) {
    let (_dir, vault, registry) = busy_registry();
    drop(registry);
    let conn = raw(&vault);
    conn.execute_batch(DROP_TRIGGERS).unwrap();
    let (kind, seq) = tamper(&conn);
    drop(conn);
    let registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap();
    let result = registry.verify_audit(Lang::Ja).unwrap();
    (result, kind, seq)
}

#[test]
fn every_kind_of_tampering_is_detected_and_located() {
    type Tamper = fn(&Connection) -> (AuditBreakKind, i64);
    let trials: Vec<(&str, Tamper)> = vec![
        ("edit a field of a middle row", |c| {
            c.execute(
                "UPDATE audit_log SET actor = 'someone else' WHERE seq = 7",
                [],
            )
            .unwrap();
            (AuditBreakKind::Edited, 7)
        }),
        ("edit the changes of a row", |c| {
            c.execute(
                r#"UPDATE audit_log SET changes = '[{"field":"name","before":null,"after":"x"}]' WHERE seq = 12"#,
                [],
            )
            .unwrap();
            (AuditBreakKind::Edited, 12)
        }),
        ("delete a middle row", |c| {
            c.execute("DELETE FROM audit_log WHERE seq = 9", [])
                .unwrap();
            (AuditBreakKind::Missing, 9)
        }),
        ("delete the first row", |c| {
            c.execute("DELETE FROM audit_log WHERE seq = 1", [])
                .unwrap();
            (AuditBreakKind::Missing, 1)
        }),
        ("delete the last row", |c| {
            let last = max_seq(c);
            c.execute("DELETE FROM audit_log WHERE seq = ?1", [last])
                .unwrap();
            (AuditBreakKind::Truncated, last)
        }),
        ("delete the last three rows", |c| {
            let last = max_seq(c);
            c.execute("DELETE FROM audit_log WHERE seq > ?1", [last - 3])
                .unwrap();
            (AuditBreakKind::Truncated, last - 2)
        }),
        ("append a forged row after the head", |c| {
            let last = max_seq(c);
            let prev = hash_at(c, last);
            forge(c, last + 1, &prev, "c-forged");
            (AuditBreakKind::Inserted, last + 1)
        }),
        (
            "insert a forged row in the middle, renumbering the rest",
            |c| {
                renumber_from(c, 10);
                let prev = hash_at(c, 9);
                forge(c, 10, &prev, "c-forged");
                (AuditBreakKind::Moved, 11)
            },
        ),
        ("replace a middle row with a consistent forged one", |c| {
            c.execute("DELETE FROM audit_log WHERE seq = 10", [])
                .unwrap();
            let prev = hash_at(c, 9);
            forge(c, 10, &prev, "c-forged");
            (AuditBreakKind::Unlinked, 11)
        }),
        ("reorder two rows", |c| {
            swap(c, 14, 15);
            (AuditBreakKind::Moved, 14)
        }),
        ("replace the last row with a consistent forged one", |c| {
            let last = max_seq(c);
            c.execute("DELETE FROM audit_log WHERE seq = ?1", [last])
                .unwrap();
            let prev = hash_at(c, last - 1);
            forge(c, last, &prev, "c-forged");
            (AuditBreakKind::HeadReplaced, last)
        }),
        ("delete the head record", |c| {
            c.execute("DELETE FROM audit_head", []).unwrap();
            (AuditBreakKind::HeadMissing, 0)
        }),
    ];
    let mut detected = 0;
    let total = trials.len();
    for (name, tamper) in trials {
        let (result, kind, seq) = trial(tamper);
        assert!(!result.intact, "{name}: not detected");
        let problem = result.problem.clone().unwrap();
        assert_eq!(problem.kind, kind, "{name}: {}", result.message);
        assert_eq!(problem.seq, seq, "{name}: located at the tampered row");
        assert!(
            result.message.contains(&format!("#{seq}")) || kind == AuditBreakKind::HeadMissing,
            "{name}: the message says where: {}",
            result.message
        );
        detected += 1;
    }
    println!("named tamper trials: {total}, detected and located: {detected}");
    assert_eq!(detected, total);
}

#[test]
fn an_edited_row_is_reported_with_its_record() {
    let (result, _, _) = trial(|c| {
        c.execute(
            "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 20",
            [],
        )
        .unwrap();
        (AuditBreakKind::Edited, 20)
    });
    let problem = result.problem.unwrap();
    assert_eq!(problem.at.as_deref(), Some("2020-01-01T00:00:00.000Z"));
    assert!(problem.entity.is_some() && problem.entity_id.is_some());
    assert!(result.message.contains("#20"), "{}", result.message);
    assert!(result.message.contains("書き換え"), "{}", result.message);
}

#[test]
fn rows_cut_from_the_end_stay_detected_after_the_app_writes_again() {
    let (_dir, vault, registry) = busy_registry();
    drop(registry);
    let conn = raw(&vault);
    let last = max_seq(&conn);
    let triggers: Vec<String> = conn
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'audit%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    conn.execute_batch(DROP_TRIGGERS).unwrap();
    conn.execute("DELETE FROM audit_log WHERE seq > ?1", [last - 2])
        .unwrap();
    // The attacker covers their tracks: the triggers back as they were.
    for sql in triggers {
        conn.execute_batch(&sql).unwrap();
    }
    drop(conn);
    // The app is used again: a view extends the chain at the recorded head.
    let registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap();
    let id = child_ids(&registry)[0].clone();
    registry
        .get_child(
            &CaseRef {
                id: Some(id),
                case_number: None,
            },
            &stamp(),
        )
        .unwrap();
    let result = registry.verify_audit(Lang::En).unwrap();
    let problem = result.problem.expect("still detected");
    assert_eq!(problem.kind, AuditBreakKind::Missing, "{}", result.message);
    assert_eq!((problem.seq, problem.other_seq), (last - 1, Some(last)));
}

/// Random tampering (seeded, so the figures in docs/reliability.md reproduce): every trial
/// must be detected and located at the row touched. `KAKEHASHI_TAMPER_TRIALS` runs more.
#[test]
fn random_tampering_is_always_detected_at_the_row_touched() {
    let trials: usize = std::env::var("KAKEHASHI_TAMPER_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let (_dir, vault, registry) = busy_registry();
    drop(registry);
    let mut conn = raw(&vault);
    let last = max_seq(&conn);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(8);
    let mut detected = 0;
    let mut located = 0;
    let columns = [
        "id",
        "at",
        "actor",
        "entity",
        "entity_id",
        "action",
        "changes",
        "prev_hash",
        "hash",
    ];
    for i in 0..trials {
        let tx = conn.transaction().unwrap();
        tx.execute_batch(DROP_TRIGGERS).unwrap();
        let what = rng.random_range(0..6);
        let (expect_seq, label) = match what {
            0 => {
                let s = rng.random_range(1..=last);
                let col = columns[rng.random_range(0..columns.len())];
                let value = match col {
                    "action" => {
                        let current: String = tx
                            .query_row("SELECT action FROM audit_log WHERE seq = ?1", [s], |r| {
                                r.get(0)
                            })
                            .unwrap();
                        if current == "update" {
                            "delete"
                        } else {
                            "update"
                        }
                        .to_string()
                    }
                    "changes" => format!(r#"[{{"field":"f{i}"}}]"#),
                    _ => format!("tampered-{i}"),
                };
                tx.execute(
                    &format!("UPDATE audit_log SET {col} = ?2 WHERE seq = ?1"),
                    params![s, value],
                )
                .unwrap();
                (s, "edit")
            }
            1 => {
                let s = rng.random_range(1..=last);
                tx.execute("DELETE FROM audit_log WHERE seq = ?1", [s])
                    .unwrap();
                (s, "delete")
            }
            2 => {
                let k = rng.random_range(1..=5);
                tx.execute("DELETE FROM audit_log WHERE seq > ?1", [last - k])
                    .unwrap();
                (last - k + 1, "truncate")
            }
            3 => {
                let a = rng.random_range(1..last);
                let b = rng.random_range(a + 1..=last);
                swap(&tx, a, b);
                (a, "swap")
            }
            4 => {
                let p = rng.random_range(2..=last);
                renumber_from(&tx, p);
                let prev = hash_at(&tx, p - 1);
                forge(&tx, p, &prev, "c-forged");
                (p + 1, "insert")
            }
            _ => {
                let prev = hash_at(&tx, last);
                forge(&tx, last + 1, &prev, "c-forged");
                (last + 1, "append")
            }
        };
        let (_, _, problem) = verify_chain(&tx).unwrap();
        if let Some(p) = problem {
            detected += 1;
            if p.seq == expect_seq {
                located += 1;
            } else {
                panic!("trial {i} ({label}): expected at #{expect_seq}, found {p:?}");
            }
        } else {
            panic!("trial {i} ({label}) at #{expect_seq} was not detected");
        }
        tx.rollback().unwrap();
    }
    println!("random tamper trials: {trials}, detected: {detected}, located: {located}");
    assert_eq!(detected, trials);
    // Every trial was rolled back: the database is intact.
    assert!(verify_chain(&conn).unwrap().2.is_none());
}

#[test]
fn reading_a_case_is_audited_as_a_view_but_not_in_the_case_history() {
    let (_dir, _vault, registry) = busy_registry();
    let id = child_ids(&registry)[4].clone();
    let reader = other_stamp("佐藤 看護師", 26);
    let before = registry.verify_audit(Lang::Ja).unwrap().rows;
    let detail = registry
        .get_child(
            &CaseRef {
                id: Some(id.clone()),
                case_number: None,
            },
            &reader,
        )
        .unwrap();
    assert!(
        detail.history.iter().all(|h| h.action != "view"),
        "views are not changes: the case page's history leaves them out"
    );
    let page = registry
        .audit_entries(&AuditQuery {
            action: Some("view".into()),
            child_id: Some(id.clone()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 1, "one view of this child");
    let view = &page.entries[0];
    assert_eq!(view.actor, "佐藤 看護師");
    assert_eq!(view.entity, "child");
    assert_eq!(view.action_label, "閲覧");
    assert_eq!(view.child_name.as_deref(), Some(detail.child.name.as_str()));
    assert_eq!(view.summary, format!("児童「{}」を閲覧", detail.child.name));

    // Internal reads are not views: matching and resolving a case number.
    registry
        .match_providers(
            &MatchRequest {
                child_id: id.clone(),
                kind: ProviderKind::VisitingNursing,
                target_date: None,
                include_unmet: true,
                limit: None,
                lang: Lang::Ja,
            },
            &reader,
        )
        .unwrap();
    let resolved = registry
        .child_id_for(&CaseRef {
            id: None,
            case_number: Some(detail.case_number.clone()),
        })
        .unwrap();
    assert_eq!(resolved, id);
    let after = registry.verify_audit(Lang::Ja).unwrap();
    assert!(after.intact);
    assert_eq!(after.rows, before + 1, "only the case page added a row");
}

#[test]
fn the_audit_list_filters_by_who_what_when_and_which_child_newest_first() {
    let (_dir, _vault, registry) = busy_registry();
    let all = registry.audit_entries(&AuditQuery::default()).unwrap();
    assert!(
        all.total as usize > all.entries.len(),
        "one page of 100 by default"
    );
    assert_eq!(all.entries.len(), 100);
    assert!(
        all.entries.windows(2).all(|w| w[0].seq > w[1].seq),
        "newest first"
    );

    let views = registry
        .audit_entries(&AuditQuery {
            actor: Some("viewer".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(views.total, 3, "the three views of busy_registry");
    assert!(views.entries.iter().all(|e| e.action == "view"));

    // Dates are office days: the views at 03:00 UTC on the 25th are on the 25th in Japan,
    // the demo's writes at 09:00 UTC on the 24th are on the 24th.
    let on_25th = registry
        .audit_entries(&AuditQuery {
            from: Some("2026-11-25".into()),
            to: Some("2026-11-25".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(on_25th.total, 3);
    let on_24th = registry
        .audit_entries(&AuditQuery {
            to: Some("2026-11-24".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(on_24th.total + 3, all.total);

    let providers = registry
        .audit_entries(&AuditQuery {
            entity: Some("provider".into()),
            action: Some("create".into()),
            lang: Lang::En,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(providers.total, 4);
    assert!(
        providers.entries[0].summary.starts_with("Provider “"),
        "{}",
        providers.entries[0].summary
    );
    assert_eq!(providers.entries[0].entity_label, "Provider");

    let child = child_ids(&registry)[0].clone();
    let of_child = registry
        .audit_entries(&AuditQuery {
            child_id: Some(child.clone()),
            limit: Some(1000),
            ..Default::default()
        })
        .unwrap();
    assert!(of_child.total > 1, "the child and their parts");
    assert!(
        of_child
            .entries
            .iter()
            .all(|e| e.child_id.as_deref() == Some(child.as_str()))
    );
    assert!(
        of_child.entries.iter().any(|e| e.entity != "child"),
        "care items, weights… too"
    );
    assert!(
        of_child
            .entries
            .iter()
            .filter(|e| e.entity != "child")
            .all(|e| e.summary.contains('（')),
        "a part's summary names the child"
    );

    let second = registry
        .audit_entries(&AuditQuery {
            limit: Some(10),
            offset: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(second.entries[0].seq, all.entries[10].seq);

    assert_eq!(
        registry.audit_actors().unwrap(),
        vec!["kakehashi".to_string(), "tester".into(), "viewer".into()]
    );

    let bad = registry
        .audit_entries(&AuditQuery {
            action: Some("drop".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(bad.to_api(Lang::Ja).field.as_deref(), Some("action"));
    let bad = registry
        .audit_entries(&AuditQuery {
            from: Some("2026-12-01".into()),
            to: Some("2026-11-01".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(bad.to_api(Lang::Ja).field.as_deref(), Some("to"));
}

#[test]
fn audit_rows_of_a_schema_8_database_are_chained_by_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let (_file, key) = KeyFile::create_admin(
        "upgrade-test passphrase",
        kakehashi::keys::KdfParams::cheap_for_tests(),
    )
    .unwrap();
    let mut old = store::open(&dir.path().join("v8.db"), &key, true).unwrap();
    old.execute_batch(include_str!("../../fixtures/schema/v8.sql"))
        .unwrap();
    old.execute_batch(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, changes) VALUES
            ('a1', '2026-01-01T00:00:00.000Z', 'old', 'child', 'c1', 'create', '[]'),
            ('a2', '2026-01-02T00:00:00.000Z', 'old', 'child', 'c1', 'update', '[{\"field\":\"name\"}]'),
            ('a3', '2026-01-01T12:00:00.000Z', 'old', 'provider', 'p1', 'create', '[]');",
    )
    .unwrap();
    store::migrate(&mut old).unwrap();
    let (rows, head, problem) = verify_chain(&old).unwrap();
    assert_eq!(
        problem, None,
        "the rows written before the chain are chained by the upgrade"
    );
    assert_eq!((rows, head), (3, 3), "and keep their order and seq");
    assert_eq!(row_at(&old, 3).1, "p1");
    let first_prev: String = old
        .query_row("SELECT prev_hash FROM audit_log WHERE seq = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(first_prev, kakehashi::store::audit::GENESIS);
    // The sealed rows are append-only like any other.
    assert!(
        old.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 2", [])
            .is_err()
    );
}
