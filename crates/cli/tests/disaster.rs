//! `kakehashi disaster …` run as a user would: a child's profile set from a JSON file and
//! shown back with its warnings, a refusal naming its field, and the roster of children at home.

use assert_cmd::Command;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";
/// The at-home child of the intake example (所沢 蓮, tube feeding only).
const AT_HOME: &str = "KH-2026-0100";

fn kakehashi(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir)
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

fn json_of(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// A registry with the two children of the intake example (one in hospital, one at home).
fn with_children() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    kakehashi(dir.path()).arg("init").assert().success();
    let intake = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/cases/intake-example.json");
    kakehashi(dir.path())
        .args(["cases", "add", "--json"])
        .arg(intake)
        .assert()
        .success();
    dir
}

fn profile(external_hours: f64) -> serde_json::Value {
    serde_json::json!({
        "devices": [
            { "kind": "suction", "name": "携帯用吸引器", "internal_battery_hours": 1, "external_battery_hours": external_hours }
        ],
        "power_company": { "registered": true, "on": "2026-06-01" },
        "contacts": [ { "name": "所沢 節子", "relation": "祖母", "phone": "04-2900-0000" } ],
        "evacuation_site": "所沢市立第一小学校"
    })
}

#[test]
fn disaster_set_then_show_round_trips_the_profile_with_its_warnings() {
    let dir = with_children();
    let empty = json_of(kakehashi(dir.path()).args(["disaster", "show", AT_HOME, "--json"]));
    assert_eq!(empty["row_version"], 0, "no profile yet");
    assert_eq!(empty["warnings"][0]["code"], "no_profile");

    let file = dir.path().join("profile.json");
    std::fs::write(&file, profile(2.0).to_string()).unwrap();
    let saved = json_of(
        kakehashi(dir.path())
            .args(["disaster", "set", AT_HOME, "--json", "--file"])
            .arg(&file),
    );
    assert_eq!(saved["row_version"], 1);
    assert_eq!(
        saved["total_battery_hours"], 3.0,
        "1 h inside + 2 h outside"
    );
    assert_eq!(saved["warnings"][0]["code"], "battery_under24_hours");
    assert!(
        saved["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("3時間"),
        "worded in Japanese: {}",
        saved["warnings"][0]["message"]
    );
    let shown = json_of(kakehashi(dir.path()).args(["disaster", "show", AT_HOME, "--json"]));
    assert_eq!(shown, saved, "show reads back what set saved");

    std::fs::write(&file, profile(30.0).to_string()).unwrap();
    let replaced = json_of(
        kakehashi(dir.path())
            .args(["disaster", "set", AT_HOME, "--json", "--file"])
            .arg(&file),
    );
    assert_eq!(
        replaced["row_version"], 2,
        "a second set replaces the profile"
    );
    assert_eq!(replaced["warnings"], serde_json::json!([]));

    let text = kakehashi(dir.path())
        .args(["disaster", "show", AT_HOME])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("吸引器"), "{text}");
    assert!(text.contains("所沢 節子"), "{text}");
}

#[test]
fn disaster_set_refuses_a_bad_value_naming_its_field_and_keeps_the_profile() {
    let dir = with_children();
    let file = dir.path().join("profile.json");
    std::fs::write(&file, profile(500.0).to_string()).unwrap();
    let out = kakehashi(dir.path())
        .args(["disaster", "set", AT_HOME, "--file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "a validation error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("profile.devices[0].external_battery_hours"),
        "{stderr}"
    );
    assert!(stderr.contains("240時間"), "{stderr}");
    let shown = json_of(kakehashi(dir.path()).args(["disaster", "show", AT_HOME, "--json"]));
    assert_eq!(shown["row_version"], 0, "nothing was saved");

    std::fs::write(&file, "{ \"devices\": [").unwrap();
    let out = kakehashi(dir.path())
        .args(["disaster", "set", AT_HOME, "--file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "malformed JSON is a validation error"
    );
}

#[test]
fn disaster_roster_lists_only_children_at_home_and_filters_by_municipality() {
    let dir = with_children();
    let roster = json_of(kakehashi(dir.path()).args(["disaster", "roster", "--json"]));
    let rows = roster["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "the child in hospital is not listed");
    assert_eq!(rows[0]["rank"], 1);
    assert_eq!(rows[0]["case_number"], AT_HOME);
    let code = rows[0]["municipality_code"].as_str().unwrap().to_string();

    let same = json_of(kakehashi(dir.path()).args([
        "disaster",
        "roster",
        "--json",
        "--municipality",
        &code,
    ]));
    assert_eq!(same["rows"].as_array().unwrap().len(), 1);
    let other = json_of(kakehashi(dir.path()).args([
        "disaster",
        "roster",
        "--json",
        "--municipality",
        "112011",
    ]));
    assert_eq!(code, "112089", "所沢市");
    assert!(
        other["rows"].as_array().unwrap().is_empty(),
        "川越市 lists nobody"
    );

    let out = kakehashi(dir.path())
        .args(["disaster", "roster"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("緊急時連絡網"), "{text}");
    assert!(text.contains("所沢 蓮"), "{text}");
}
