//! PDF documents: a case summary (warm, target under 100 ms) and the emergency roster of
//! 1,000 children at home (target under 1.5 s), each beside a plain baseline — reading the
//! same data through the same use cases and serialising it to JSON — so the figure shows
//! what typst costs on top. The first document of the process (font scan and load) is timed
//! once and printed. typst memoises layout across documents, so rendering the same data
//! again is partly a cache hit: each document is also timed with that memo cleared first
//! (`pdf::forget_memoised_layout`), what a changed document costs. Run: `cargo bench -p kakehashi --bench pdf`.
//!
//! The data is `pdf::sample` (the demo-like child of the sample images): one full child with
//! a plan, a team and a disaster profile, and 1,000 children at home, three in four with a
//! disaster profile.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use kakehashi::Vault;
use kakehashi::cases::CaseRef;
use kakehashi::disaster::RosterQuery;
use kakehashi::keys::KdfParams;
use kakehashi::pdf::{DocumentKind, DocumentRequest, sample};
use kakehashi::record::Stamp;
use kakehashi::vault::SetupRequest;

const CHILDREN: u32 = 1_000;
const PASSPHRASE: &str = "correct-horse-battery-staple-42";

fn timed(runs: usize, mut work: impl FnMut()) -> Vec<Duration> {
    work();
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect()
}

fn report(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    println!(
        "{label:<58} p50 {:>9.2?}  p95 {:>9.2?}  (n={})",
        p(0.5),
        p(0.95),
        times.len()
    );
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let mut registry = vault
        .set_up(
            &SetupRequest {
                login: "admin".into(),
                display_name: "管理者".into(),
                passphrase: PASSPHRASE.into(),
                confirmation: PASSPHRASE.into(),
            },
            KdfParams::cheap_for_tests(),
        )
        .map(|(r, _)| r)
        .unwrap();
    let stamp = Stamp::new("bench", Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap());
    let child = sample::full_child(&mut registry, 0, &stamp).unwrap();
    for n in 1..CHILDREN {
        let id = sample::register_child(&mut registry, n, &stamp).unwrap();
        if n % 4 != 3 {
            sample::save_disaster_profile(&mut registry, &id, n, &stamp).unwrap();
        }
    }
    let request = DocumentRequest {
        kind: DocumentKind::CaseSummary,
        child_id: child.clone(),
        recipient: None,
        acknowledge_consent_gap: false,
    };

    let started = Instant::now();
    let first = registry.document_pdf(&request, &stamp).unwrap();
    println!(
        "first case summary of the process (font scan + load)      {:>9.2?}  ({} KiB)",
        started.elapsed(),
        first.len() / 1024
    );

    let summary_pdf = || black_box(registry.document_pdf(&request, &stamp).unwrap());
    let summary_json = || {
        let detail = registry
            .get_child(
                &CaseRef {
                    id: Some(child.clone()),
                    case_number: None,
                },
                &stamp,
            )
            .unwrap();
        let plan = registry.plan_for_child(&child, &stamp).unwrap();
        let disaster = registry.disaster_profile(&child, &stamp).unwrap();
        black_box(serde_json::to_vec(&(detail, plan, disaster)).unwrap())
    };
    report(
        "case summary PDF, warm",
        timed(30, || {
            summary_pdf();
        }),
    );
    report(
        "case summary PDF, fonts loaded, typst's memo cleared",
        timed(30, || {
            kakehashi::pdf::forget_memoised_layout();
            summary_pdf();
        }),
    );
    report(
        "  baseline: the same reads serialised to JSON",
        timed(30, || {
            summary_json();
        }),
    );

    let query = RosterQuery::default();
    let roster_pdf = || black_box(registry.roster_pdf(&query, &stamp).unwrap());
    let roster_json = || {
        black_box(serde_json::to_vec(&registry.emergency_roster(&query, &stamp).unwrap()).unwrap())
    };
    let pdf = roster_pdf();
    println!(
        "roster of {CHILDREN} children: {} KiB (untagged)",
        pdf.len() / 1024
    );
    report(
        &format!("roster PDF, {CHILDREN} children"),
        timed(5, || {
            roster_pdf();
        }),
    );
    report(
        &format!("roster PDF, {CHILDREN} children, typst's memo cleared"),
        timed(5, || {
            kakehashi::pdf::forget_memoised_layout();
            roster_pdf();
        }),
    );
    report(
        "  baseline: the same roster serialised to JSON",
        timed(5, || {
            roster_json();
        }),
    );

    let mut group = c.benchmark_group("pdf");
    group.sample_size(20);
    group.bench_function("case_summary_warm", |b| b.iter(summary_pdf));
    group.bench_function("case_summary_baseline_json", |b| b.iter(summary_json));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("roster_1000", |b| b.iter(roster_pdf));
    group.bench_function("roster_1000_memo_cleared", |b| {
        b.iter(|| {
            kakehashi::pdf::forget_memoised_layout();
            roster_pdf()
        })
    });
    group.bench_function("roster_1000_baseline_json", |b| b.iter(roster_json));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
