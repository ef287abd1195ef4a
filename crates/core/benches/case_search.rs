//! Case list search over a national-scale registry (20,000 children), beside the plainest
//! way to do the same work: a bare SQLite scan of the child table with LIKE. Target
//! (QUALITY.md): under 20 ms a keystroke in the core. Run: `cargo bench -p kakehashi --bench case_search`.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi::Vault;
use kakehashi::cases::CaseSearch;
use kakehashi::demo::DemoSpec;
use kakehashi::domain::care_item::CareItemCode;
use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::record::Stamp;
use kakehashi::store;
use kakehashi::vault::{DB_FILE, KEY_FILE, SetupRequest};

const CHILDREN: u32 = 20_000;
const PASSPHRASE: &str = "correct-horse-battery-staple-42";

fn case_search(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::open(dir.path()).expect("vault");
    let request = SetupRequest {
        login: "admin".into(),
        display_name: "管理者".into(),
        passphrase: PASSPHRASE.into(),
        confirmation: PASSPHRASE.into(),
    };
    let mut registry = vault
        .set_up(&request, KdfParams::cheap_for_tests())
        .map(|(r, _)| r)
        .expect("set up");
    let stamp = Stamp::new(
        "bench",
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
    );
    let started = std::time::Instant::now();
    registry
        .generate_demo(
            DemoSpec {
                seed: 1,
                children: CHILDREN,
                providers: 0,
            },
            &stamp,
        )
        .expect("demo data");
    eprintln!("generated {CHILDREN} children in {:.1?}", started.elapsed());

    // The baseline reads the same encrypted file through a second connection.
    let key = KeyFile::read(&dir.path().join(KEY_FILE))
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    let plain = store::open(&dir.path().join(DB_FILE), &key, false).expect("baseline connection");

    let mut group = c.benchmark_group("case_search_20k");
    for (label, query) in [
        ("reading サトウ", "さとう"),
        ("one letter あ", "あ"),
        ("case number", "DEMO1-1234"),
    ] {
        let search = CaseSearch {
            query: query.into(),
            ..CaseSearch::default()
        };
        group.bench_function(format!("core search_children: {label}"), |b| {
            b.iter(|| black_box(registry.search_children(black_box(&search)).unwrap()))
        });
    }
    let ventilated = CaseSearch {
        care_item: Some(CareItemCode::Ventilator),
        score_min: Some(16),
        ..CaseSearch::default()
    };
    group.bench_function("core search_children: ventilator and score >= 16", |b| {
        b.iter(|| black_box(registry.search_children(black_box(&ventilated)).unwrap()))
    });
    // The same work done the plainest way: every matching row of the wide table (the core
    // also needs all matches, for the total), no folding, no index.
    group.bench_function(
        "baseline: bare SQLite LIKE scan of child.kana (all matches)",
        |b| {
            let mut stmt = plain
                .prepare(
                    "SELECT id, name, kana FROM child WHERE kana LIKE '%サトウ%' ORDER BY kana",
                )
                .unwrap();
            b.iter(|| {
                let rows: Vec<(String, String, String)> = stmt
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                black_box(rows)
            })
        },
    );
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = case_search
}
criterion_main!(benches);
