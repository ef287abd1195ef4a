//! Crash safety: a writer process doing real use-case writes is killed with SIGKILL at random
//! moments, many times; after every kill the registry opens, `PRAGMA integrity_check` and the
//! app's own verify are clean, and every write the writer reported committed is there.
//!
//! The writer is this same test binary re-executed on one test (`writer_child`), which does
//! nothing unless `KAKEHASHI_CRASH_WRITER_DIR` names a data directory, so it works the same under
//! `cargo test` and `cargo nextest run`. It prints `committed <kind> <id> <n>` after each use case
//! returned (the transaction committed) and flushes stdout before the next write.
//!
//! `KAKEHASHI_CRASH_ITERATIONS` (default 200) and `KAKEHASHI_CRASH_SEED` (default: from the clock,
//! printed) reproduce or lengthen a run; see docs/reliability.md.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kakehashi::cases::{RecordWeightRequest, RegisterChildRequest};
use kakehashi::consultations::ConsultationInput;
use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::providers::{AddProviderRequest, RecordConditionsRequest};
use kakehashi::{Registry, Vault};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;

use crate::support::{PASSPHRASE, setup_request, stamp, unlock_request};

const DIR_VAR: &str = "KAKEHASHI_CRASH_WRITER_DIR";
const START_VAR: &str = "KAKEHASHI_CRASH_WRITER_START";
const DEFAULT_ITERATIONS: u32 = 200;
/// Kills land anywhere from before the writer has unlocked to well into its writes.
const MAX_DELAY_MS: u64 = 250;

/// The writer: does nothing in a normal test run; with `KAKEHASHI_CRASH_WRITER_DIR` set it
/// writes until it is killed.
#[test]
fn writer_child() {
    let Ok(dir) = std::env::var(DIR_VAR) else {
        return;
    };
    let start: u64 = std::env::var(START_VAR)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let vault = Vault::open(Path::new(&dir)).expect("the writer takes the data dir");
    let mut registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .expect("the writer unlocks");
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| {
        writeln!(out, "{line}").expect("stdout");
        out.flush().expect("stdout flush");
    };
    say("ready".into());
    let stamp = stamp();
    for n in start.. {
        let child = registry
            .register_child(&child_request(n), &stamp)
            .expect("register");
        say(format!("committed child {} 0", child.id));
        for w in 1..=2u32 {
            registry
                .record_weight(
                    &serde_json::from_value::<RecordWeightRequest>(json!({
                        "id": child.id,
                        "weight": {"measured_on": format!("2026-11-{:02}", 10 + w), "weight_kg": 4.0 + f64::from(w) / 10.0},
                    }))
                    .expect("weight request"),
                    &stamp,
                )
                .expect("weight");
            say(format!("committed weight {} {w}", child.id));
        }
        let provider = registry
            .add_provider(&provider_request(n), &stamp)
            .expect("provider");
        say(format!("committed provider {} 1", provider.id));
        let request: RecordConditionsRequest = serde_json::from_value(json!({
            "id": provider.id,
            "answered_on": "2026-11-20",
            "source": "manual",
            "conditions": {"accepts_children": "yes", "weight_max_kg": 20.0 + (n % 7) as f64},
        }))
        .expect("conditions request");
        registry
            .record_conditions(&request, &stamp)
            .expect("conditions");
        say(format!("committed conditions {} 2", provider.id));
        let call: ConsultationInput = serde_json::from_value(json!({
            "at": "2026-11-23T21:30",
            "caller_type": "family",
            "child_id": child.id,
            "topic": format!("crash harness call {n}"),
            "outcome": "advice",
        }))
        .expect("consultation input");
        let saved = registry
            .record_consultation(&call, &stamp)
            .expect("consultation");
        say(format!("committed consultation {} 0", saved.id));
    }
}

fn child_request(n: u64) -> RegisterChildRequest {
    serde_json::from_value(json!({
        "child": {
            "case_number": null,
            "name": format!("クラッシュ 太郎{n}"),
            "kana": format!("クラッシュ タロウ{n}"),
            "date_of_birth": "2025-05-10",
            "sex": "male",
            "gestational_weeks": 30,
            "birth_weight_g": 1200,
            "diagnoses": [{"text": "慢性肺疾患", "icd10": "P27.1", "perinatal": true}],
            "residence": {"postal_code": "350-1124", "address": format!("川越市新宿町{n}"),
                          "municipality_code": "112011", "lat": null, "lon": null},
            "guardians": [{"name": format!("クラッシュ 母{n}"), "relation": "母",
                           "phone_primary": format!("090-{:04}-{:04}", n / 10_000 % 10_000, n % 10_000)}],
            "siblings": 0,
            "oshima_cell": 1,
            "yokochi_code": null,
            "severe_factors": {"mobility": "bedridden"},
            "care_items": [{"code": "ventilator", "supervision": "high", "details": {},
                            "start_date": null, "end_date": null}],
            "consent": {"given_on": "2026-10-01", "scope": ["care_team"], "note": ""},
            "coordinator": "関根"
        },
        "weight": {"measured_on": "2026-11-01", "weight_kg": 3.9},
        "confirmed_not_duplicate": true
    }))
    .expect("child request")
}

fn provider_request(n: u64) -> AddProviderRequest {
    serde_json::from_value(json!({
        "provider": {
            "kind": "visiting_nursing",
            "name": format!("クラッシュ訪問看護{n}"),
            "kana": format!("クラッシュホウモンカンゴ{n}"),
            "municipality_code": "112011",
            "lat": null, "lon": null,
            "business_number": format!("99{n:08}"),
            "capacity": null,
            "last_verified_on": null,
            "conditions": {"accepts_children": "unknown"}
        },
        "answered_on": "2026-11-01"
    }))
    .expect("provider request")
}

/// What has been reported committed: record kind → id → the least count of parts it must have.
type Expected = BTreeMap<&'static str, HashMap<String, u64>>;

fn kind_of(word: &str) -> Option<&'static str> {
    ["child", "weight", "provider", "conditions", "consultation"]
        .into_iter()
        .find(|k| *k == word)
}

/// The test name of `writer_child` as libtest knows it (`crash::writer_child`).
fn writer_test_name() -> String {
    let module = module_path!();
    let module = module.split_once("::").map_or(module, |(_, rest)| rest);
    format!("{module}::writer_child")
}

/// What the database holds: per kind, id → count of parts (weights of a child, conditions
/// versions of a provider). Read over a raw connection with the unwrapped key.
fn stored(dir: &Path) -> (Vec<String>, Expected) {
    let vault = Vault::open(dir).expect("the lock is free once the writer is dead");
    let key = KeyFile::read(&vault.key_path())
        .expect("key file")
        .unwrap_key(PASSPHRASE)
        .expect("key");
    let conn = kakehashi::store::open(&vault.db_path(), &key, false).expect("the database opens");
    let mut problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|r| r.unwrap())
        .filter(|line| line != "ok")
        .collect();
    let mut found = Expected::new();
    let queries = [
        ("child", "SELECT id, 0 FROM child"),
        (
            "weight",
            "SELECT child_id, count(*) FROM child_weight GROUP BY child_id",
        ),
        ("provider", "SELECT id, 1 FROM provider"),
        (
            "conditions",
            "SELECT provider_id, count(*) FROM provider_conditions_version GROUP BY provider_id",
        ),
        ("consultation", "SELECT id, 0 FROM consultation"),
    ];
    for (kind, sql) in queries {
        let rows = conn
            .prepare(sql)
            .unwrap()
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        found.insert(kind, rows);
    }
    drop(conn);
    let registry: Registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .expect("the registry unlocks after a kill");
    problems.extend(registry.verify().expect("verify runs"));
    (problems, found)
}

#[test]
fn a_writer_killed_at_random_moments_never_loses_a_committed_write() {
    let iterations: u32 = std::env::var("KAKEHASHI_CRASH_ITERATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_ITERATIONS);
    let seed: u64 = std::env::var("KAKEHASHI_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("crash harness: {iterations} kills, KAKEHASHI_CRASH_SEED={seed}");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let dir = tempfile::tempdir().expect("temp dir");
    {
        let vault = Vault::open(dir.path()).unwrap();
        vault
            .set_up(&setup_request(), KdfParams::cheap_for_tests())
            .map(|(r, _)| r)
            .expect("set up");
    }
    // `/proc/self/exe` is this very binary even when cargo has since rebuilt (replaced) the
    // file at its path, as happens when several checkouts share the target dir.
    let proc_exe = Path::new("/proc/self/exe");
    let exe = if proc_exe.exists() {
        proc_exe.to_path_buf()
    } else {
        std::env::current_exe().expect("the test binary")
    };
    let started = Instant::now();
    let mut expected = Expected::new();
    let (mut kills, mut committed, mut lost, mut killed_before_ready) = (0u32, 0u64, 0u64, 0u32);
    let mut kinds_seen = HashSet::new();
    for i in 0..iterations {
        let delay = Duration::from_millis(rng.random_range(0..=MAX_DELAY_MS));
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                &writer_test_name(),
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DIR_VAR, dir.path())
            // Unique names for this run's children (duplicates are confirmed anyway).
            .env(START_VAR, (u64::from(i) * 1_000).to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the writer");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            let mut r = BufReader::new(stdout);
            let mut line = String::new();
            // Only whole lines count: a line cut by the kill was not reported.
            while r.read_line(&mut line).unwrap_or(0) > 0 {
                if line.ends_with('\n') {
                    lines.push(line.trim_end().to_string());
                }
                line.clear();
            }
            lines
        });
        let stderr = child.stderr.take().unwrap();
        let err_reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut text);
            text
        });
        std::thread::sleep(delay);
        // SIGKILL on Unix: no destructor, no flush, no checkpoint.
        let _ = child.kill();
        let status = child.wait().expect("reap the writer");
        let lines = reader.join().unwrap();
        let errors = err_reader.join().unwrap();
        assert!(
            status.code().is_none() || status.success(),
            "the writer failed by itself (not killed) at iteration {i}: {status}\n{errors}"
        );
        if status.code().is_none() {
            kills += 1;
        }
        if !lines.iter().any(|l| l.ends_with("ready")) {
            killed_before_ready += 1;
        }
        for line in &lines {
            let mut parts = line.split_whitespace();
            if parts.next() != Some("committed") {
                continue;
            }
            let kind = kind_of(parts.next().unwrap_or_default()).expect("a known kind");
            let id = parts.next().expect("an id").to_string();
            let n: u64 = parts.next().and_then(|s| s.parse().ok()).expect("a count");
            committed += 1;
            kinds_seen.insert(kind);
            let at_least = expected.entry(kind).or_default().entry(id).or_default();
            *at_least = (*at_least).max(n);
        }
        let (problems, found) = stored(dir.path());
        assert!(
            problems.is_empty(),
            "after kill {i} (delay {delay:?}, seed {seed}) the database is not sound: {problems:?}"
        );
        for (kind, ids) in &expected {
            for (id, at_least) in ids {
                let have = found.get(kind).and_then(|m| m.get(id)).copied();
                if have.is_none_or(|h| h < *at_least) {
                    lost += 1;
                    eprintln!("lost after kill {i}: {kind} {id} (want ≥{at_least}, have {have:?})");
                }
            }
        }
        assert_eq!(
            lost, 0,
            "writes reported committed are missing after kill {i} (delay {delay:?}, seed {seed})"
        );
    }
    let children = expected.get("child").map_or(0, |m| m.len());
    println!(
        "crash harness: {kills} kills ({killed_before_ready} before the writer was ready), \
         {committed} commits reported, {children} children, {lost} records lost, \
         integrity ok after every kill, {:.1} s, seed {seed}",
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills * 10 >= iterations * 9,
        "most writers must be killed, not finish: {kills} of {iterations}"
    );
    if iterations >= 50 {
        assert_eq!(
            kinds_seen.len(),
            5,
            "every kind of write was committed at least once: {kinds_seen:?}"
        );
    }
}
