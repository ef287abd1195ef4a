//! The `kakehashi` binary, run as a user would: init, municipalities, demo, verify, and
//! the messages and exit codes of what goes wrong.

use assert_cmd::Command;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";

fn kakehashi(dir: &std::path::Path, passphrase: &str) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir)
        .env("KAKEHASHI_PASSPHRASE", passphrase)
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

fn initialised() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    kakehashi(dir.path(), PASSPHRASE)
        .arg("init")
        .assert()
        .success();
    dir
}

#[test]
fn init_then_municipalities_as_json_finds_kawagoe_by_reading() {
    let dir = initialised();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["municipalities", "--query", "かわごえ", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["name"], "川越市");
    assert_eq!(list[0]["code6"], "112011");
    assert_eq!(list[0]["kind"], "city", "DOMAIN codes, not labels");
}

#[test]
fn demo_then_verify_succeeds_and_reports_the_counts() {
    let dir = initialised();
    kakehashi(dir.path(), PASSPHRASE)
        .args([
            "demo",
            "--seed",
            "1",
            "--children",
            "25",
            "--providers",
            "60",
        ])
        .assert()
        .success();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["verify", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["counts"]["children"], 25);
    assert_eq!(report["counts"]["providers"], 60);
    assert_eq!(report["counts"]["municipalities"], 73);
}

#[test]
fn a_wrong_passphrase_exits_2_with_a_japanese_message() {
    let dir = initialised();
    let out = kakehashi(dir.path(), "wrong-passphrase-entirely")
        .arg("verify")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "validation errors exit with 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("パスフレーズが違います"), "{err}");
}

#[test]
fn english_messages_on_request() {
    let dir = initialised();
    let out = kakehashi(dir.path(), "wrong-passphrase-entirely")
        .args(["--lang", "en", "verify"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("Wrong passphrase"));
}

#[test]
fn init_twice_is_refused_and_keeps_the_first_database() {
    let dir = initialised();
    let out = kakehashi(dir.path(), "another-long-passphrase-here-99")
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "conflict exits with 4");
    kakehashi(dir.path(), PASSPHRASE)
        .arg("verify")
        .assert()
        .success();
}

#[test]
fn commands_before_init_say_to_run_init() {
    let dir = tempfile::tempdir().unwrap();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .arg("verify")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kakehashi init"));
}

#[test]
fn a_weak_passphrase_is_refused_at_init() {
    let dir = tempfile::tempdir().unwrap();
    let out = kakehashi(dir.path(), "password")
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("passphrase"),
        "names the field"
    );
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/cases")
        .join(name)
}

#[test]
fn cases_add_show_and_list_round_trip_with_scores() {
    let dir = initialised();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["cases", "add", "--json"])
        .arg(fixture("intake-example.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        added.as_array().map(Vec::len),
        Some(2),
        "both entries registered"
    );
    let first = added[0]["case_number"].as_str().unwrap().to_string();
    assert!(first.starts_with("KH-"), "assigned: {first}");
    assert_eq!(
        added[1]["case_number"], "KH-2026-0100",
        "a given number is kept"
    );

    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["cases", "show", &first, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        case["scores"]["medical_care"]["total"], 39,
        "10+2, 8, 8+1, 8+2"
    );
    assert_eq!(case["scores"]["medical_care"]["band"], "staffing_1_to_1");
    assert_eq!(
        case["scores"]["severe"]["total"], 34,
        "10 + 8 + 8 + 5 + 3 (体位交換)"
    );
    assert_eq!(case["scores"]["severe"]["class"], "super_severe");
    assert!(
        case["scores"]["medical_care"]["lines"]
            .as_array()
            .unwrap()
            .len()
            == 4,
        "a line per item"
    );

    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["cases", "list", "--query", "かわごえ", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["total"], 1, "hiragana finds the katakana reading");
    assert_eq!(list["rows"][0]["case_number"], first.as_str());
}

#[test]
fn cases_add_names_the_entry_and_field_that_is_wrong() {
    let dir = initialised();
    let bad = dir.path().join("bad.json");
    let mut entries: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("intake-example.json")).unwrap())
            .unwrap();
    entries[1]["child"]["care_items"][0]["supervision"] = "medium".into();
    std::fs::write(&bad, entries.to_string()).unwrap();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["cases", "add", "--json"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[1].child.care_items[0].supervision"), "{err}");
    assert!(
        err.contains("高・低"),
        "says which levels the item has: {err}"
    );
}

#[test]
fn cases_list_refuses_an_unknown_status_code() {
    let dir = initialised();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["cases", "list", "--status", "home"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("home"));
}

#[test]
fn providers_import_reports_counts_and_a_second_import_changes_nothing() {
    let dir = initialised();
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/providers/survey-sample.sjis.csv");
    let run = |extra: &[&str]| {
        let out = kakehashi(dir.path(), PASSPHRASE)
            .args(["providers", "import"])
            .arg(&sample)
            .args(extra)
            .arg("--json")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let dry = run(&["--dry-run", "--encoding", "sjis"]);
    assert_eq!(dry["applied"], false);
    let new = dry["new"].as_u64().unwrap();
    assert!(new > 0);
    let first = run(&[]);
    assert_eq!(
        first["new"].as_u64(),
        Some(new),
        "the dry run predicted the import"
    );
    let second = run(&[]);
    assert_eq!(second["new"], 0);
    assert_eq!(second["updated"], 0);
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["providers", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list["total"].as_u64(), Some(new));
}

#[test]
fn providers_import_refuses_an_unknown_encoding_name() {
    let dir = initialised();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["providers", "import", "x.csv", "--encoding", "latin9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("latin9"));
}

#[test]
fn providers_export_writes_a_public_csv_in_shift_jis_that_imports_back() {
    let dir = initialised();
    kakehashi(dir.path(), PASSPHRASE)
        .args([
            "demo",
            "--seed",
            "4",
            "--children",
            "0",
            "--providers",
            "40",
        ])
        .assert()
        .success();
    let out = dir.path().join("public.csv");
    let run = kakehashi(dir.path(), PASSPHRASE)
        .args([
            "providers",
            "export",
            "--public",
            "--encoding",
            "sjis",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap();
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!had_errors, "valid Shift_JIS");
    assert!(
        text.starts_with("種別,事業所名"),
        "our survey template's headers"
    );
    assert!(
        !text.contains("公開同意日"),
        "internal columns stay out of the public file"
    );
}
