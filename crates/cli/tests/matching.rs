//! `kakehashi match` on demo data, run as a user would: every provider of the kind counted,
//! the list in the documented order, ○/×/？ per condition on screen, and clear refusals.

use assert_cmd::Command;
use serde_json::Value;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";

fn kakehashi(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir)
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// A registry with demo seed 3: 30 children and 400 providers of every kind.
fn demo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    kakehashi(dir.path()).arg("init").assert().success();
    kakehashi(dir.path())
        .args([
            "demo",
            "--seed",
            "3",
            "--children",
            "30",
            "--providers",
            "400",
        ])
        .assert()
        .success();
    let cases =
        json(kakehashi(dir.path()).args(["cases", "list", "--care-item", "ventilator", "--json"]));
    let case = cases["rows"][0]["case_number"]
        .as_str()
        .expect("the demo has a ventilated child")
        .to_string();
    (dir, case)
}

fn rank(outcome: &Value) -> u8 {
    match outcome.as_str() {
        Some("all_met") => 0,
        Some("some_unknown") => 1,
        Some("unmet") => 2,
        other => panic!("unknown outcome {other:?}"),
    }
}

#[test]
fn match_as_json_counts_every_provider_of_the_kind_and_lists_them_in_order() {
    let (dir, case) = demo();
    let directory = json(kakehashi(dir.path()).args(["providers", "list", "--json"]));
    let nursing: Vec<&str> = directory["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "visiting_nursing")
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(
        !nursing.is_empty(),
        "the demo has visiting nursing stations"
    );

    let result = json(kakehashi(dir.path()).args([
        "match",
        "--case",
        &case,
        "--kind",
        "visiting_nursing",
        "--date",
        "2027-01-15",
        "--all",
        "--json",
    ]));
    assert_eq!(result["case_number"], case.as_str());
    assert_eq!(result["target_date"], "2027-01-15");
    assert_eq!(
        result["needs_nights_and_weekends"], true,
        "a ventilated child needs a station that comes at night"
    );
    let counts = &result["counts"];
    let total = ["all_met", "some_unknown", "unmet"]
        .iter()
        .map(|k| counts[k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(
        total as usize,
        nursing.len(),
        "every station is evaluated, none of another kind"
    );
    let listed = result["providers"].as_array().unwrap();
    assert_eq!(
        listed.len(),
        nursing.len(),
        "--all lists the unmet ones too"
    );
    for p in listed {
        assert!(nursing.contains(&p["provider_id"].as_str().unwrap()));
        let checks = p["checks"].as_array().unwrap();
        assert!(
            checks
                .iter()
                .any(|c| c["criterion"]["kind"] == "care_item"
                    && c["criterion"]["code"] == "ventilator"),
            "the ventilator is checked: {p}"
        );
        let unmet = checks.iter().any(|c| c["verdict"]["status"] == "unmet");
        assert_eq!(
            p["outcome"] == "unmet",
            unmet,
            "unmet exactly when a condition is unmet: {p}"
        );
    }
    for pair in listed.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let key = |p: &Value| (rank(&p["outcome"]), p["distance_km"].as_f64().unwrap());
        assert!(
            key(a) <= key(b),
            "outcome, then distance: {} then {}",
            key(a).1,
            key(b).1
        );
    }

    let hidden = json(kakehashi(dir.path()).args([
        "match",
        "--case",
        &case,
        "--kind",
        "visiting_nursing",
        "--date",
        "2027-01-15",
        "--limit",
        "3",
        "--json",
    ]));
    let shown = hidden["providers"].as_array().unwrap();
    assert!(shown.len() <= 3);
    assert!(
        shown.iter().all(|p| p["outcome"] != "unmet"),
        "unmet providers are hidden unless asked"
    );
    assert_eq!(
        hidden["counts"], result["counts"],
        "the limit does not change the counts"
    );
}

#[test]
fn match_prints_one_line_per_provider_with_marks_and_reasons() {
    let (dir, case) = demo();
    let out = kakehashi(dir.path())
        .args([
            "match",
            "--case",
            &case,
            "--kind",
            "visiting_nursing",
            "--all",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let (summary, providers) = lines.split_last().expect("at least the summary line");
    assert!(summary.starts_with(&case), "{summary}");
    assert!(!providers.is_empty());
    for line in providers {
        assert!(line.contains("km\t"), "the distance leads: {line}");
        assert!(line.contains("人工呼吸器の管理"), "{line}");
        if line.contains('×') {
            assert!(line.contains("\t— "), "an unmet line says why: {line}");
        }
    }
}

#[test]
fn match_refuses_an_unknown_kind_and_an_unknown_case() {
    let (dir, case) = demo();
    let out = kakehashi(dir.path())
        .args(["match", "--case", &case, "--kind", "nursing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a validation error");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kind") && err.contains("nursing"), "{err}");

    let out = kakehashi(dir.path())
        .args([
            "match",
            "--case",
            "KH-1999-9999",
            "--kind",
            "visiting_nursing",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "not found");
}
