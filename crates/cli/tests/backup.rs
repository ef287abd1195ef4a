//! `kakehashi backup` and `kakehashi restore` as a user runs them, including a disk that fills
//! up during a backup (a real short write: the process's file size limit).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";

fn kakehashi(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir)
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

fn run_ok(dir: &Path, args: &[&str]) -> String {
    let out = kakehashi(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run_ok(dir, args)).expect("JSON on stdout")
}

/// A registry with demo data (seed 1).
fn with_demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    run_ok(dir.path(), &["init"]);
    run_ok(
        dir.path(),
        &[
            "demo",
            "--seed",
            "1",
            "--children",
            "25",
            "--providers",
            "60",
        ],
    );
    dir
}

fn children(dir: &Path) -> u64 {
    json(dir, &["verify", "--json"])["counts"]["children"]
        .as_u64()
        .unwrap()
}

fn backup_path(done: &serde_json::Value) -> PathBuf {
    PathBuf::from(done["dir"].as_str().unwrap()).join(done["backup"]["name"].as_str().unwrap())
}

#[test]
fn backup_then_list_then_restore_with_yes_brings_the_data_back() {
    let dir = with_demo();
    let done = json(dir.path(), &["backup", "--json"]);
    assert_eq!(done["backup"]["verified"], true);
    let file = backup_path(&done);
    assert!(file.starts_with(dir.path().join("backups")));
    assert!(
        file.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("kakehashi-")
    );

    let list = json(dir.path(), &["backup", "list", "--json"]);
    assert_eq!(list["backups"].as_array().unwrap().len(), 1);
    assert_eq!(list["backups"][0]["verified"], true);
    let text = run_ok(dir.path(), &["backup", "list"]);
    assert!(text.contains("検証済み"), "{text}");

    run_ok(
        dir.path(),
        &["demo", "--seed", "2", "--children", "5", "--providers", "1"],
    );
    assert_eq!(children(dir.path()), 30);
    let report = json(
        dir.path(),
        &["restore", file.to_str().unwrap(), "--yes", "--json"],
    );
    assert_eq!(report["previous_kept_as"], "kakehashi.db.before-restore");
    assert_eq!(children(dir.path()), 25, "back to the backup's children");
    assert!(dir.path().join("kakehashi.db.before-restore").exists());
}

#[test]
fn restore_without_yes_and_without_a_terminal_changes_nothing() {
    let dir = with_demo();
    let done = json(dir.path(), &["backup", "--json"]);
    let file = backup_path(&done);
    run_ok(
        dir.path(),
        &["demo", "--seed", "2", "--children", "5", "--providers", "1"],
    );
    let out = kakehashi(dir.path())
        .args(["restore", file.to_str().unwrap()])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--yes"), "{stderr}");
    assert!(stderr.contains("データは変更していません"), "{stderr}");
    assert_eq!(children(dir.path()), 30, "nothing restored");
}

#[test]
fn a_damaged_backup_is_refused_with_exit_6_and_a_clear_message() {
    let dir = with_demo();
    let done = json(dir.path(), &["backup", "--json"]);
    let file = backup_path(&done);
    let mut bytes = std::fs::read(&file).unwrap();
    let n = bytes.len();
    bytes.truncate(n / 2);
    let broken = dir.path().join("broken.kbak");
    std::fs::write(&broken, &bytes).unwrap();
    let out = kakehashi(dir.path())
        .args(["restore", broken.to_str().unwrap(), "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("復元に使えません"), "{stderr}");
    assert!(
        stderr.contains("現在のデータは変更していません"),
        "{stderr}"
    );
    assert_eq!(children(dir.path()), 25);
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_failure_in_the_middle_of_a_backup_is_reported_and_earlier_backups_stay() {
    let dir = with_demo();
    let first = json(dir.path(), &["backup", "--json"]);
    let first_file = backup_path(&first);
    let first_bytes = std::fs::read(&first_file).unwrap();
    let size = first["backup"]["size_bytes"].as_u64().unwrap();
    assert!(
        size > 256 * 1024,
        "the database is big enough to cut: {size}"
    );

    // The process may write files of at most half the backup's size: the copy's write()
    // fails half-way (SIGXFSZ ignored, so it is an error, not a kill).
    let limit_kib = (size / 2048) | 1;
    let bin = assert_cmd::cargo::cargo_bin("kakehashi");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {limit_kib}; exec \"{}\" backup",
            bin.display()
        ))
        .env("KAKEHASHI_DATA_DIR", dir.path())
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(stderr.contains("書き込めませんでした"), "{stderr}");
    assert!(
        stderr.contains("作りかけのファイルは削除しました"),
        "{stderr}"
    );
    assert!(
        stderr.contains("これまでのバックアップはそのまま"),
        "{stderr}"
    );
    assert_eq!(
        listing(&dir.path().join("backups")).len(),
        2,
        "the first backup and its manifest only, no temp file"
    );
    assert_eq!(std::fs::read(&first_file).unwrap(), first_bytes);
    let list = json(dir.path(), &["backup", "list", "--json"]);
    assert_eq!(list["backups"][0]["verified"], true);
}

/// A real full disk: a small tmpfs mounted in a private mount namespace (`unshare -rm`, no
/// root needed where unprivileged user namespaces are allowed). The first backup fits, the
/// second does not. Where `unshare` is not available the test says so and checks nothing.
#[test]
fn a_full_disk_refuses_the_next_backup_with_a_clear_message_and_keeps_the_first() {
    let dir = with_demo();
    let probe = std::process::Command::new("unshare")
        .args(["-rm", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: unshare -rm is not available here; no full disk to try");
        return;
    }
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let db_size = std::fs::metadata(dir.path().join("kakehashi.db"))
        .unwrap()
        .len();
    // Room for one backup and the 1 MiB margin, not for two.
    let kib = (db_size * 3 / 2) / 1024 + 1024 + 64;
    let bin = assert_cmd::cargo::cargo_bin("kakehashi");
    let script = format!(
        r#"mount -t tmpfs -o size={kib}k tmpfs "$USB" || exit 90
"$BIN" backup --dir "$USB" --json > "$OUT/first.json" || exit 91
sha256sum "$USB"/*.kbak > "$OUT/before.sha"
"$BIN" backup --dir "$USB" 2> "$OUT/second.err"
echo $? > "$OUT/second.code"
ls -a "$USB" > "$OUT/listing"
sha256sum "$USB"/*.kbak > "$OUT/after.sha""#
    );
    let out = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .env("USB", &usb)
        .env("BIN", &bin)
        .env("OUT", dir.path())
        .env("KAKEHASHI_DATA_DIR", dir.path())
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("second.code").trim(), "6");
    let err = read("second.err");
    assert!(err.contains("空き容量が足りません"), "{err}");
    assert!(err.contains("これまでのバックアップはそのまま"), "{err}");
    let listing = read("listing");
    assert_eq!(
        listing.lines().filter(|l| l.contains(".kbak")).count(),
        2,
        "the first backup and its manifest, no temp file: {listing}"
    );
    assert_eq!(
        read("before.sha"),
        read("after.sha"),
        "the first backup is unchanged"
    );
}

#[test]
fn a_backup_restores_on_a_new_computer_with_the_passphrase() {
    let dir = with_demo();
    let done = json(dir.path(), &["backup", "--json"]);
    let file = backup_path(&done);
    let laptop = tempfile::tempdir().unwrap();
    let out = kakehashi(laptop.path())
        .env("KAKEHASHI_PASSPHRASE", "not-the-passphrase-at-all")
        .args(["restore", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a wrong passphrase is a field error"
    );
    assert!(!laptop.path().join("kakehashi.keys.json").exists());
    let report = json(
        laptop.path(),
        &["restore", file.to_str().unwrap(), "--json"],
    );
    assert_eq!(report["previous_kept_as"], serde_json::Value::Null);
    assert_eq!(children(laptop.path()), 25);
}

#[test]
fn the_schedule_is_shown_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(dir.path(), &["init"]);
    let shown = run_ok(dir.path(), &["backup", "schedule"]);
    assert!(
        shown.contains("24時間ごと") && shown.contains("7"),
        "{shown}"
    );
    let changed = json(
        dir.path(),
        &[
            "backup",
            "schedule",
            "--every-hours",
            "6",
            "--keep",
            "3",
            "--json",
        ],
    );
    assert_eq!(changed["every_hours"], 6);
    assert_eq!(changed["keep"], 3);
    let out = kakehashi(dir.path())
        .args(["backup", "schedule", "--keep", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(keep)"));
}
