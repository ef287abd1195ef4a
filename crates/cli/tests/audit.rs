//! `kakehashi audit` as a user runs it: `verify` says the log is intact (exit 0), and after
//! someone with the passphrase edits or deletes audit rows outside the app it says where,
//! with exit code 7; `list` filters by child, actor, action and office days.

use assert_cmd::Command;
use kakehashi::keys::KeyFile;
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

/// A demo registry and one of its case numbers, whose case was shown once (a view).
fn demo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    kakehashi(dir.path()).arg("init").assert().success();
    kakehashi(dir.path())
        .args(["demo", "--seed", "5", "--children", "5", "--providers", "5"])
        .assert()
        .success();
    let cases = json(kakehashi(dir.path()).args(["cases", "list", "--json"]));
    let case = cases["rows"][0]["case_number"]
        .as_str()
        .unwrap()
        .to_string();
    kakehashi(dir.path())
        .args(["cases", "show", &case])
        .assert()
        .success();
    (dir, case)
}

/// Opens the database as someone with the passphrase would, outside the app.
fn tamper(dir: &std::path::Path, sql: &str) {
    let key = KeyFile::read(&dir.join("kakehashi.keys.json"))
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    let conn = kakehashi::store::open(&dir.join("kakehashi.db"), &key, false).unwrap();
    conn.execute_batch("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
        .unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn an_untouched_log_verifies_with_exit_code_zero() {
    let (dir, _) = demo();
    let out = kakehashi(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("改ざんされていません"), "{text}");
    let result = json(kakehashi(dir.path()).args(["audit", "verify", "--json"]));
    assert_eq!(result["intact"], true);
    assert!(result["rows"].as_i64().unwrap() > 20);
}

#[test]
fn an_edited_row_fails_verify_with_exit_7_and_its_location() {
    let (dir, _) = demo();
    tamper(
        dir.path(),
        "UPDATE audit_log SET actor = 'someone' WHERE seq = 5",
    );
    let out = kakehashi(dir.path())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(7),
        "tampering has its own exit code"
    );
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("#5"), "says which row: {text}");
    assert!(text.contains("書き換え"), "{text}");
}

#[test]
fn deleted_rows_in_the_middle_and_at_the_end_are_located_in_english_too() {
    let (dir, _) = demo();
    tamper(dir.path(), "DELETE FROM audit_log WHERE seq = 8");
    let out = kakehashi(dir.path())
        .args(["--lang", "en", "audit", "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("#8 to #8 (1) have been deleted"), "{text}");

    let (dir, _) = demo();
    tamper(
        dir.path(),
        "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
    );
    let result = kakehashi(dir.path())
        .args(["audit", "verify", "--json"])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(7));
    let result: Value = serde_json::from_slice(&result.stdout).unwrap();
    assert_eq!(result["problem"]["kind"], "truncated");
    assert_eq!(result["problem"]["seq"], result["head_seq"]);
}

#[test]
fn list_filters_by_child_actor_action_and_days() {
    let (dir, case) = demo();
    let views = json(kakehashi(dir.path()).args([
        "audit", "list", "--child", &case, "--action", "view", "--json",
    ]));
    assert_eq!(views["total"], 1, "showing the case was audited as a view");
    assert_eq!(
        views["entries"][0]["actor"], "admin",
        "the signed-in user (no --user: admin) is who viewed"
    );
    assert_eq!(views["entries"][0]["action_label"], "閲覧");

    let of_child = json(kakehashi(dir.path()).args(["audit", "list", "--child", &case, "--json"]));
    assert!(
        of_child["total"].as_u64().unwrap() > 1,
        "the child's records too"
    );

    let none = json(kakehashi(dir.path()).args(["audit", "list", "--actor", "nobody", "--json"]));
    assert_eq!(none["total"], 0);

    let old = json(kakehashi(dir.path()).args(["audit", "list", "--to", "2000-01-01", "--json"]));
    assert_eq!(old["total"], 0, "nothing before the registry existed");

    let out = kakehashi(dir.path())
        .args(["audit", "list", "--child", &case, "--limit", "3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "three rows and the count line: {text}");
    assert!(
        lines[0].starts_with('#') && lines[0].contains("閲覧"),
        "newest first: {text}"
    );

    kakehashi(dir.path())
        .args(["audit", "list", "--action", "drop"])
        .assert()
        .code(2);
}
