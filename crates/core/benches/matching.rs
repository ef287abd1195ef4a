//! Matching one child against 100,000 providers of one kind, beside the plainest way to read
//! the same rows: a bare SQLite scan `SELECT … FROM provider WHERE kind = ?`. Target
//! (QUALITY.md): p95 under 10 ms a match. Run: `cargo bench -p kakehashi --bench matching`.
//!
//! The providers come from the demo generator (realistic rows: names, addresses, conditions
//! with unanswered parts, written through the use-case path with their audit rows); one
//! UPDATE then makes them all 訪問看護ステーション, the worst case of a single kind (the
//! national open data has about 17,000). The child is the youngest ventilated demo child.
//!
//! Criterion reports means; p50/p95 come from a timing loop of our own, printed first. A third
//! figure runs the core's steps on the same 100,000 conditions already parsed in memory (rank
//! all, order those listed, evaluate the first 200 in full; no database): what a match would
//! cost with the directory's conditions cached.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi::Lang;
use kakehashi::Vault;
use kakehashi::cases::{CaseRef, CaseSearch};
use kakehashi::demo::DemoSpec;
use kakehashi::domain::care_item::CareItemCode;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::matching::evaluate::{ChildNeeds, Point, classify, evaluate, listing_order};
use kakehashi::matching::{MatchOutcome, MatchRequest};
use kakehashi::municipalities::MunicipalityQuery;
use kakehashi::providers::Conditions;
use kakehashi::record::Stamp;
use kakehashi::store;
use kakehashi::vault::{DB_FILE, KEY_FILE, SetupRequest};

const PROVIDERS: u32 = 100_000;
const PASSPHRASE: &str = "correct-horse-battery-staple-42";
/// Runs of the timing loop that gives p50/p95.
const RUNS: usize = 60;

/// p50, p95 and mean of `RUNS` runs of `work` (after one warm-up run).
fn percentiles(mut work: impl FnMut()) -> (Duration, Duration, Duration) {
    work();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    let mean = times.iter().sum::<Duration>() / RUNS as u32;
    (times[RUNS / 2], times[RUNS * 95 / 100], mean)
}

fn report(label: &str, (p50, p95, mean): (Duration, Duration, Duration)) {
    eprintln!("{label}: p50 {p50:.2?} · p95 {p95:.2?} · mean {mean:.2?} over {RUNS} runs");
}

fn matching(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::open(dir.path()).expect("vault");
    let request = SetupRequest {
        passphrase: PASSPHRASE.into(),
        confirmation: PASSPHRASE.into(),
    };
    let mut registry = vault
        .set_up(&request, KdfParams::cheap_for_tests())
        .expect("set up");
    let stamp = Stamp::new(
        "bench",
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
    );
    let started = Instant::now();
    registry
        .generate_demo(
            DemoSpec {
                seed: 1,
                children: 50,
                providers: PROVIDERS,
            },
            &stamp,
        )
        .expect("demo data");
    eprintln!(
        "generated {PROVIDERS} providers (and 50 children) in {:.1?}",
        started.elapsed()
    );

    // The baseline reads the same encrypted file through a second connection.
    let key = KeyFile::read(&dir.path().join(KEY_FILE))
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    let plain = store::open(&dir.path().join(DB_FILE), &key, false).expect("baseline connection");
    let kind = ProviderKind::VisitingNursing;
    let changed = plain
        .execute("UPDATE provider SET kind = ?1", [kind.code()])
        .unwrap();
    assert_eq!(changed, PROVIDERS as usize, "every provider is of one kind");
    plain
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();

    let ventilated = registry
        .search_children(&CaseSearch {
            care_item: Some(CareItemCode::Ventilator),
            ..CaseSearch::default()
        })
        .expect("case search");
    let youngest = ventilated
        .rows
        .iter()
        .max_by(|a, b| a.date_of_birth.cmp(&b.date_of_birth))
        .expect("a ventilated demo child");
    let listed = MatchRequest {
        child_id: youngest.id.clone(),
        kind,
        target_date: Some("2027-01-15".into()),
        include_unmet: false,
        limit: None,
        lang: Lang::Ja,
    };
    let everyone = MatchRequest {
        include_unmet: true,
        limit: Some(1000),
        ..listed.clone()
    };
    let result = registry.match_providers(&listed, &stamp).unwrap();
    eprintln!(
        "child {} ({} months, {:?} kg, items {:?}, nights/weekends {}): {:?}, {} listed",
        result.case_number,
        result.age_months,
        result.weight.as_ref().map(|w| w.weight_kg),
        result.care_items,
        result.needs_nights_and_weekends,
        result.counts,
        result.providers.len()
    );

    let baseline_sql = "SELECT id, name, kana, municipality_code, lat, lon, conditions
         FROM provider WHERE kind = ?1 AND deleted_at IS NULL";
    let mut baseline_stmt = plain.prepare(baseline_sql).unwrap();
    type Row = (
        String,
        String,
        String,
        String,
        Option<f64>,
        Option<f64>,
        String,
    );
    let mut baseline = || -> Vec<Row> {
        baseline_stmt
            .query_map([kind.code()], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };

    // The same providers' conditions parsed once, and the child's needs as the core saw them.
    let in_memory: Vec<(Conditions, Point, String)> = baseline()
        .into_iter()
        .map(|(_, _, kana, _, lat, lon, conditions)| {
            (
                serde_json::from_str(&conditions).unwrap(),
                Point {
                    lat: lat.unwrap(),
                    lon: lon.unwrap(),
                },
                kana,
            )
        })
        .collect();
    let child = registry
        .get_child(
            &CaseRef {
                id: Some(youngest.id.clone()),
                case_number: None,
            },
            &stamp,
        )
        .unwrap();
    let home_code = child.child.residence.municipality_code.clone();
    let parent = registry
        .list_municipalities(&MunicipalityQuery {
            query: home_code.clone(),
        })
        .unwrap()
        .into_iter()
        .find(|m| m.code6 == home_code)
        .and_then(|m| m.parent_code6);
    let needs = ChildNeeds {
        age_months: result.age_months,
        weight_kg: result.weight.as_ref().map(|w| w.weight_kg),
        care_items: result.care_items.clone(),
        municipality_code: home_code,
        municipality_parent_code: parent,
        home: Point {
            lat: result.home.lat,
            lon: result.home.lon,
        },
        needs_nights_and_weekends: result.needs_nights_and_weekends,
    };
    // What the core does after reading the rows: rank all, keep those listed (not unmet),
    // order them, evaluate the first 200 in full.
    let mut evaluate_all = || {
        let mut listed: Vec<_> = in_memory
            .iter()
            .filter_map(|(conditions, site, kana)| {
                let (outcome, distance_km) = classify(&needs, conditions, *site);
                (outcome != MatchOutcome::Unmet).then_some((
                    outcome,
                    distance_km,
                    kana,
                    conditions,
                    site,
                ))
            })
            .collect();
        listed.sort_by(|a, b| listing_order((a.0, a.1, a.2), (b.0, b.1, b.2)));
        listed.truncate(200);
        let page: Vec<_> = listed
            .iter()
            .map(|(_, _, _, conditions, site)| evaluate(&needs, conditions, **site))
            .collect();
        black_box(page);
    };

    report(
        "core match_providers (first 200 listed)",
        percentiles(|| {
            black_box(
                registry
                    .match_providers(black_box(&listed), &stamp)
                    .unwrap(),
            );
        }),
    );
    report(
        "core match_providers (unmet too, first 1000)",
        percentiles(|| {
            black_box(
                registry
                    .match_providers(black_box(&everyone), &stamp)
                    .unwrap(),
            );
        }),
    );
    report(
        "baseline bare SQLite scan WHERE kind = ?",
        percentiles(|| {
            black_box(baseline());
        }),
    );
    report(
        "same steps on the 100,000 conditions parsed in memory (no database)",
        percentiles(&mut evaluate_all),
    );

    let mut group = c.benchmark_group("matching_100k");
    group.sample_size(10);
    group.bench_function("core match_providers: first 200", |b| {
        b.iter(|| {
            black_box(
                registry
                    .match_providers(black_box(&listed), &stamp)
                    .unwrap(),
            )
        })
    });
    group.bench_function(
        "baseline: bare SQLite scan of provider WHERE kind = ?",
        |b| b.iter(|| black_box(baseline())),
    );
    group.bench_function("same steps, conditions in memory", |b| {
        b.iter(&mut evaluate_all)
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
