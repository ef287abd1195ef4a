//! Users from the command line (issue 8): the admin adds and removes users, a viewer reads but
//! changes nothing (exit 8), and the recovery key printed at `init` sets a forgotten
//! passphrase.

use assert_cmd::Command;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";
const VIEWER_PASSPHRASE: &str = "sato-viewer-lantern-harbor-71";
const NEW_PASSPHRASE: &str = "brand-new-passphrase-cobalt-19";

fn kakehashi(dir: &std::path::Path, passphrase: &str) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir)
        .env("KAKEHASHI_PASSPHRASE", passphrase)
        .env_remove("KAKEHASHI_USER")
        .env_remove("KAKEHASHI_NEW_PASSPHRASE")
        .env_remove("KAKEHASHI_RECOVERY_KEY")
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

/// A registry set up by `init` (its admin is `admin`), and the recovery key it printed.
fn initialised() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .arg("init")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    let key = stderr
        .lines()
        .last()
        .expect("init prints the recovery key last on stderr")
        .trim()
        .to_string();
    assert!(
        key.len() > 20 && key.contains('-'),
        "a recovery key, not a sentence: {key}"
    );
    (dir, key)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn intake() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/cases/intake-example.json")
}

#[test]
fn a_viewer_added_by_the_admin_lists_cases_but_adding_one_exits_8_and_removal_locks_them_out() {
    let (dir, _) = initialised();
    let out = kakehashi(dir.path(), PASSPHRASE)
        .args([
            "users",
            "add",
            "sato",
            "--name",
            "佐藤 美咲",
            "--role",
            "viewer",
        ])
        .env("KAKEHASHI_NEW_PASSPHRASE", VIEWER_PASSPHRASE)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = kakehashi(dir.path(), PASSPHRASE)
        .args(["users", "list", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let users: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let roles: Vec<(&str, &str)> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["login"].as_str().unwrap(), u["role"].as_str().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [("admin", "admin"), ("sato", "viewer")],
        "admins first"
    );

    let as_viewer = |args: &[&str]| {
        let mut cmd = kakehashi(dir.path(), VIEWER_PASSPHRASE);
        cmd.args(["--user", "sato"]).args(args);
        cmd
    };
    let out = as_viewer(&["cases", "list"]).output().unwrap();
    assert!(
        out.status.success(),
        "a viewer reads: {}",
        text(&out.stderr)
    );

    let out = as_viewer(&["cases", "add", "--json"])
        .arg(intake())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("閲覧のみの利用者は記録を変更できません"),
        "says why in Japanese: {}",
        text(&out.stderr)
    );
    let out = as_viewer(&["users", "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert!(
        text(&out.stderr).contains("管理者の権限"),
        "{}",
        text(&out.stderr)
    );

    kakehashi(dir.path(), PASSPHRASE)
        .args(["users", "remove", "sato"])
        .assert()
        .success();
    let out = as_viewer(&["cases", "list"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a removed user's passphrase opens nothing: {}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("(login)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_recovery_key_from_init_sets_a_new_passphrase_and_the_old_one_stops_working() {
    let (dir, key) = initialised();
    let out = kakehashi(dir.path(), "unused")
        .args(["recover", "admin"])
        .env("KAKEHASHI_RECOVERY_KEY", &key)
        .env("KAKEHASHI_NEW_PASSPHRASE", NEW_PASSPHRASE)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = kakehashi(dir.path(), PASSPHRASE)
        .arg("verify")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "the old passphrase no longer opens"
    );
    assert!(
        text(&out.stderr).contains("(passphrase)"),
        "{}",
        text(&out.stderr)
    );
    kakehashi(dir.path(), NEW_PASSPHRASE)
        .arg("verify")
        .assert()
        .success();
}

#[test]
fn a_wrong_recovery_key_exits_2_naming_the_recovery_key() {
    let (dir, _) = initialised();
    let out = kakehashi(dir.path(), "unused")
        .args(["recover", "admin"])
        .env(
            "KAKEHASHI_RECOVERY_KEY",
            "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
        )
        .env("KAKEHASHI_NEW_PASSPHRASE", NEW_PASSPHRASE)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("(recovery_key)"),
        "{}",
        text(&out.stderr)
    );
    kakehashi(dir.path(), PASSPHRASE)
        .arg("verify")
        .assert()
        .success();
}

#[test]
fn passwd_changes_ones_own_passphrase_and_a_new_recovery_key_replaces_the_old() {
    let (dir, old_key) = initialised();
    kakehashi(dir.path(), PASSPHRASE)
        .arg("passwd")
        .env("KAKEHASHI_NEW_PASSPHRASE", NEW_PASSPHRASE)
        .assert()
        .success();
    kakehashi(dir.path(), NEW_PASSPHRASE)
        .arg("verify")
        .assert()
        .success();

    let out = kakehashi(dir.path(), NEW_PASSPHRASE)
        .args(["recovery-key", "new"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let new_key = text(&out.stdout).trim().to_string();
    assert_ne!(new_key, old_key);

    let recover = |key: &str| {
        kakehashi(dir.path(), "unused")
            .args(["recover", "admin"])
            .env("KAKEHASHI_RECOVERY_KEY", key)
            .env("KAKEHASHI_NEW_PASSPHRASE", PASSPHRASE)
            .output()
            .unwrap()
    };
    assert_eq!(
        recover(&old_key).status.code(),
        Some(2),
        "the old key stopped working"
    );
    let out = recover(&new_key);
    assert!(out.status.success(), "{}", text(&out.stderr));
}
