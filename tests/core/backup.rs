//! Encrypted backups and restore: the copy is encrypted with the same key, verified, rotated;
//! a restore checks before it switches and a kill at any step leaves the old or the new
//! database; failures say what happened and lose nothing.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, TimeZone, Utc};
use kakehashi::backup::{
    self, BEFORE_RESTORE_FILE, BackupDone, BackupOptions, BackupProgress, BackupSchedule,
    SETTINGS_FILE, SwitchStep,
};
use kakehashi::demo::DemoSpec;
use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::vault::{DB_FILE, VaultState};
use kakehashi::{Error, ErrorKind, Lang, Registry, Vault, store};
use rusqlite::Connection;

use crate::support::{PASSPHRASE, new_registry, stamp, unlock_request};

fn at(hours: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap() + Duration::hours(hours)
}

fn demo(registry: &mut Registry, seed: u64) {
    registry
        .generate_demo(
            DemoSpec {
                seed,
                children: 12,
                providers: 20,
            },
            &stamp(),
        )
        .unwrap();
}

fn back_up(registry: &Registry, options: &BackupOptions, now: DateTime<Utc>) -> BackupDone {
    registry
        .backup(options, now, &mut |_| true)
        .expect("the backup succeeds")
        .expect("not cancelled")
}

fn backup_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("backups")
}

/// Every file name in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn a_backup_is_encrypted_with_the_key_verified_and_holds_the_same_rows() {
    let (dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 1);
    let children = registry.children_brief().unwrap();
    let done = back_up(&registry, &BackupOptions::default(), at(0));

    assert_eq!(done.backup.name, "kakehashi-20261201-100000.kbak");
    assert!(done.backup.verified, "verified right after writing");
    assert_eq!(done.dir, backup_dir(dir.path()).display().to_string());
    let path = backup_dir(dir.path()).join(&done.backup.name);
    let bytes = fs::read(&path).unwrap();
    assert_eq!(bytes.len() as u64, done.backup.size_bytes);
    assert_ne!(&bytes[..16], b"SQLite format 3\0", "no plaintext header");
    for child in &children {
        assert!(
            !contains(&bytes, &child.name) && !contains(&bytes, &child.case_number),
            "a child's name or case number is in the backup in the clear"
        );
    }
    for marker in ["川越市", "municipality", "audit_log"] {
        assert!(!contains(&bytes, marker), "{marker} found in the clear");
    }
    assert_eq!(
        names(&backup_dir(dir.path())),
        vec![
            "kakehashi-20261201-100000.kbak".to_string(),
            "kakehashi-20261201-100000.kbak.json".to_string()
        ],
        "the backup and its manifest, no temp, journal or WAL files"
    );

    // Without the key it does not open at all.
    let plain = Connection::open(&path).unwrap();
    assert!(
        plain
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r
                .get::<_, i64>(0))
            .is_err(),
        "without a key the backup is not a readable database"
    );
    let (_file, other_key) =
        KeyFile::create_admin("another registry", KdfParams::cheap_for_tests())
            .expect("a key file in memory");
    let other = dir.path().join("other.db");
    drop(store::open(&other, &other_key, true).unwrap());
    fs::copy(&path, &other).unwrap();
    assert!(
        store::open(&other, &other_key, false).is_err(),
        "another key does not open it either"
    );

    // With the key it opens, is sound and holds the same rows as the registry.
    let info = registry.check_backup(&path).expect("it opens with the key");
    assert!(info.verified);
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(format!("{}.json", path.display())).unwrap()).unwrap();
    assert_eq!(manifest["tables"]["child"], children.len());
    assert!(
        manifest["key_file"]["slots"][0]["wrapped_key"].is_string(),
        "the wrapped key travels with the backup"
    );
    let listed = registry.list_backups().unwrap();
    assert_eq!(listed.backups, vec![done.backup.clone()]);
    assert_eq!(
        listed.last_backup_at.as_deref(),
        Some("2026-12-01T01:00:00.000Z")
    );
    assert!(
        done.backup.rows.unwrap() > children.len() as u64,
        "rows of every table are counted"
    );
}

#[test]
fn progress_goes_up_to_the_total_and_cancelling_leaves_nothing_behind() {
    let (dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 2);
    let mut seen: Vec<BackupProgress> = Vec::new();
    registry
        .backup(&BackupOptions::default(), at(0), &mut |p| {
            seen.push(p);
            true
        })
        .unwrap()
        .unwrap();
    assert!(seen.len() > 1, "reported step by step: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    let last = seen.last().unwrap();
    assert_eq!(last.done, last.total);
    assert!(last.total > 64, "more pages than one step");

    let mut calls = 0;
    let cancelled = registry
        .backup(&BackupOptions::default(), at(1), &mut |_| {
            calls += 1;
            false
        })
        .unwrap();
    assert!(cancelled.is_none(), "returning false cancels");
    assert_eq!(calls, 1);
    assert_eq!(
        names(&backup_dir(dir.path())).len(),
        2,
        "only the first backup and its manifest: the cancelled one left no file"
    );
}

#[test]
fn rotation_keeps_the_newest_generations_and_never_the_one_just_made() {
    let (dir, _vault, registry) = new_registry();
    let options = BackupOptions {
        dir: None,
        keep: Some(3),
    };
    for hour in 0..5 {
        let done = back_up(&registry, &options, at(hour));
        if hour >= 3 {
            assert_eq!(done.removed.len(), 1, "one beyond keep at hour {hour}");
        }
    }
    let list = registry.list_backups().unwrap().backups;
    let kept: Vec<&str> = list.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        kept,
        vec![
            "kakehashi-20261201-140000.kbak",
            "kakehashi-20261201-130000.kbak",
            "kakehashi-20261201-120000.kbak"
        ],
        "newest first, the two oldest deleted"
    );
    assert_eq!(
        names(&backup_dir(dir.path())).len(),
        6,
        "manifests of deleted backups went with them"
    );

    // The clock moved back a day: the new backup sorts oldest but is the one that is kept.
    let done = back_up(
        &registry,
        &BackupOptions {
            dir: None,
            keep: Some(1),
        },
        at(-24),
    );
    let list = registry.list_backups().unwrap().backups;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, done.backup.name);

    let refused = registry.backup(
        &BackupOptions {
            dir: None,
            keep: Some(0),
        },
        at(30),
        &mut |_| true,
    );
    assert_eq!(refused.unwrap_err().field(), Some("keep"));
}

#[test]
fn a_backup_into_another_folder_and_two_in_the_same_second_get_their_own_names() {
    let (dir, _vault, registry) = new_registry();
    let elsewhere = dir.path().join("usb-stick").join("kakehashi");
    let options = BackupOptions {
        dir: Some(elsewhere.clone()),
        keep: None,
    };
    let a = back_up(&registry, &options, at(0));
    let b = back_up(&registry, &options, at(0));
    assert_eq!(a.backup.name, "kakehashi-20261201-100000.kbak");
    assert_eq!(b.backup.name, "kakehashi-20261201-100000-2.kbak");
    assert_eq!(backup::list_backups(&elsewhere).unwrap().len(), 2);
    assert!(
        registry.list_backups().unwrap().backups.is_empty(),
        "the default folder is untouched"
    );
}

#[test]
fn the_schedule_is_stored_beside_other_settings_and_says_when_a_backup_is_due() {
    let (dir, _vault, registry) = new_registry();
    assert_eq!(
        registry.backup_schedule().unwrap(),
        BackupSchedule::default()
    );
    assert!(registry.backup_due(at(0)).unwrap(), "no backup yet: due");

    fs::write(
        dir.path().join(SETTINGS_FILE),
        r#"{ "somebody_else": { "x": 1 } }"#,
    )
    .unwrap();
    let schedule = BackupSchedule {
        every_hours: 6,
        keep: 4,
    };
    registry.set_backup_schedule(&schedule).unwrap();
    assert_eq!(registry.backup_schedule().unwrap(), schedule);
    let settings: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join(SETTINGS_FILE)).unwrap()).unwrap();
    assert_eq!(settings["somebody_else"]["x"], 1, "other keys are kept");

    back_up(&registry, &BackupOptions::default(), at(0));
    assert!(!registry.backup_due(at(1)).unwrap(), "made an hour ago");
    assert!(!registry.backup_due(at(5)).unwrap());
    assert!(registry.backup_due(at(6)).unwrap(), "every 6 hours");
    assert!(
        registry.backup_due(at(-3)).unwrap(),
        "the clock moved back before the last backup: back up again rather than never"
    );
    registry
        .set_backup_schedule(&BackupSchedule {
            every_hours: 0,
            keep: 4,
        })
        .unwrap();
    assert!(!registry.backup_due(at(100)).unwrap(), "0 hours = off");

    let bad = registry
        .set_backup_schedule(&BackupSchedule {
            every_hours: 24,
            keep: 0,
        })
        .unwrap_err();
    assert_eq!(bad.field(), Some("keep"));
    assert_eq!(
        registry.backup_schedule().unwrap().every_hours,
        0,
        "a refused schedule is not stored"
    );

    fs::write(dir.path().join(SETTINGS_FILE), "{ not json").unwrap();
    let err = registry.backup_schedule().unwrap_err();
    assert!(matches!(err, Error::SettingsUnreadable { .. }), "{err:?}");
    assert!(err.to_api(Lang::Ja).message.contains("設定ファイル"));
    registry.set_backup_schedule(&schedule).unwrap();
    assert_eq!(
        registry.backup_schedule().unwrap(),
        schedule,
        "saving again rewrites a damaged file"
    );
}

#[test]
fn a_failed_write_is_reported_removes_its_temp_file_and_keeps_earlier_backups() {
    let (dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 3);
    let first = back_up(&registry, &BackupOptions::default(), at(0));
    let folder = backup_dir(dir.path());
    let first_bytes = fs::read(folder.join(&first.backup.name)).unwrap();

    // The temp file's name is taken by a directory: the copy cannot be created there.
    fs::create_dir(folder.join(".kakehashi-20261201-110000.kbak.partial")).unwrap();
    let err = registry
        .backup(&BackupOptions::default(), at(1), &mut |_| true)
        .expect_err("the copy cannot be written");
    assert!(matches!(err, Error::BackupWrite { .. }), "{err:?}");
    fs::remove_dir(folder.join(".kakehashi-20261201-110000.kbak.partial")).unwrap();

    // A folder that is a file: nothing can be written there.
    let blocked = dir.path().join("not-a-folder");
    fs::write(&blocked, b"a file").unwrap();
    let err = registry
        .backup(
            &BackupOptions {
                dir: Some(blocked.join("backups")),
                keep: None,
            },
            at(3),
            &mut |_| true,
        )
        .expect_err("a file where the folder should be");
    assert!(matches!(err, Error::BackupWrite { .. }), "{err:?}");
    let api = err.to_api(Lang::Ja);
    assert_eq!(api.kind, ErrorKind::Io);
    assert!(
        api.message.contains("これまでのバックアップはそのまま"),
        "{}",
        api.message
    );

    assert_eq!(
        fs::read(folder.join(&first.backup.name)).unwrap(),
        first_bytes,
        "the earlier backup is byte for byte as it was"
    );
    assert!(
        registry
            .check_backup(&folder.join(&first.backup.name))
            .unwrap()
            .verified,
        "and still verified"
    );
    assert_eq!(
        names(&folder),
        vec![
            first.backup.name.clone(),
            format!("{}.json", first.backup.name)
        ],
        "no temp file left"
    );
}

/// A disk that fills up while the copy is written: the copy's file is made to be `/dev/full`
/// (every write fails with ENOSPC, as on a full disk), after the free-space check has passed.
#[cfg(target_os = "linux")]
#[test]
fn a_disk_that_fills_during_the_copy_is_reported_as_full_and_nothing_is_left_behind() {
    let (dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 5);
    let first = back_up(&registry, &BackupOptions::default(), at(0));
    let folder = backup_dir(dir.path());
    let first_bytes = fs::read(folder.join(&first.backup.name)).unwrap();

    std::os::unix::fs::symlink(
        "/dev/full",
        folder.join(".kakehashi-20261201-120000.kbak.partial"),
    )
    .unwrap();
    let err = registry
        .backup(&BackupOptions::default(), at(2), &mut |_| true)
        .expect_err("nothing can be written");
    assert!(matches!(err, Error::BackupNoSpace { .. }), "{err:?}");
    let message = err.to_api(Lang::Ja).message;
    assert!(message.contains("空き"), "{message}");
    assert_eq!(
        names(&folder),
        vec![
            first.backup.name.clone(),
            format!("{}.json", first.backup.name)
        ],
        "the partial copy is gone, no manifest without a copy"
    );
    assert_eq!(
        fs::read(folder.join(&first.backup.name)).unwrap(),
        first_bytes,
        "the earlier backup is byte for byte as it was"
    );
    assert!(
        registry.verify().unwrap().is_empty(),
        "the live database is sound"
    );
    back_up(&registry, &BackupOptions::default(), at(3));
}

#[test]
fn a_manifest_that_cannot_be_written_fails_the_backup_and_leaves_no_half_generation() {
    let (dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 4);
    let first = back_up(&registry, &BackupOptions::default(), at(0));
    let folder = backup_dir(dir.path());

    // The manifest's name (written after the copy is verified, before the copy is renamed into
    // place) is taken by a directory: the last steps of the backup fail.
    let blocked = folder.join("kakehashi-20261201-120000.kbak.json");
    fs::create_dir(&blocked).unwrap();
    let err = registry
        .backup(&BackupOptions::default(), at(2), &mut |_| true)
        .expect_err("the manifest cannot be written");
    assert!(matches!(err, Error::BackupWrite { .. }), "{err:?}");
    fs::remove_dir(&blocked).unwrap();
    assert_eq!(
        names(&folder),
        vec![
            first.backup.name.clone(),
            format!("{}.json", first.backup.name)
        ],
        "no copy without its manifest, no temp file: a restore never sees half a generation"
    );
    assert_eq!(registry.list_backups().unwrap().backups.len(), 1);
    let again = back_up(&registry, &BackupOptions::default(), at(2));
    assert!(
        registry
            .check_backup(&folder.join(&again.backup.name))
            .unwrap()
            .verified,
        "the next try works"
    );
}

#[test]
fn restoring_brings_back_the_backup_and_keeps_the_previous_database() {
    let (dir, vault, mut registry) = new_registry();
    demo(&mut registry, 4);
    let backed_up = registry.record_counts().unwrap();
    let done = back_up(&registry, &BackupOptions::default(), at(0));
    demo(&mut registry, 5);
    let later = registry.record_counts().unwrap();
    assert_ne!(later, backed_up);

    let backup = backup_dir(dir.path()).join(&done.backup.name);
    let prepared = registry.prepare_restore(&backup).unwrap();
    assert_eq!(
        registry.record_counts().unwrap(),
        later,
        "preparing changes nothing live"
    );
    let (registry, report) = prepared.switch(registry).unwrap();
    assert_eq!(registry.record_counts().unwrap(), backed_up);
    assert!(registry.verify().unwrap().is_empty());
    assert_eq!(report.backup, done.backup.name);
    assert_eq!(report.schema_version, store::CURRENT_VERSION);
    assert_eq!(
        report.previous_kept_as.as_deref(),
        Some(BEFORE_RESTORE_FILE)
    );
    let files = names(dir.path());
    assert!(
        files.contains(&BEFORE_RESTORE_FILE.to_string()),
        "{files:?}"
    );
    assert!(
        !files.iter().any(|f| f.contains("restoring")),
        "no restore leftovers: {files:?}"
    );

    // The previous database is a database with the same key: a wrong restore can be undone.
    let previous = dir.path().join(BEFORE_RESTORE_FILE);
    let prepared = registry.prepare_restore(&previous).unwrap();
    let (registry, _) = prepared.switch(registry).unwrap();
    assert_eq!(registry.record_counts().unwrap(), later, "undone");
    drop(registry);
    let registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap();
    assert_eq!(
        registry.record_counts().unwrap(),
        later,
        "and it stays after a restart"
    );
}

#[test]
fn damaged_foreign_or_tampered_backups_are_refused_and_the_live_data_is_untouched() {
    let (dir, vault, mut registry) = new_registry();
    demo(&mut registry, 6);
    let done = back_up(&registry, &BackupOptions::default(), at(0));
    let good = backup_dir(dir.path()).join(&done.backup.name);
    let bytes = fs::read(&good).unwrap();
    let counts = registry.record_counts().unwrap();

    let mut trials: Vec<(&str, PathBuf)> = Vec::new();
    let write = |name: &str, data: &[u8]| {
        let p = dir.path().join(name);
        fs::write(&p, data).unwrap();
        p
    };
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    for b in &mut flipped[middle..middle + 64] {
        *b ^= 0x5a;
    }
    trials.push(("flipped bytes", write("flipped.kbak", &flipped)));
    trials.push((
        "truncated",
        write("truncated.kbak", &bytes[..bytes.len() / 3]),
    ));
    trials.push(("empty", write("empty.kbak", b"")));
    trials.push((
        "not a database",
        write("notes.kbak", "メモ".repeat(3000).as_bytes()),
    ));
    let (_d2, _v2, other) = new_registry();
    let foreign = other
        .backup(
            &BackupOptions {
                dir: Some(dir.path().join("foreign")),
                keep: None,
            },
            at(0),
            &mut |_| true,
        )
        .unwrap()
        .unwrap();
    trials.push((
        "another registry's backup",
        dir.path().join("foreign").join(&foreign.backup.name),
    ));
    // A genuine copy whose manifest was edited (rows removed from the record).
    let tampered = dir.path().join("tampered.kbak");
    fs::copy(&good, &tampered).unwrap();
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(format!("{}.json", good.display())).unwrap()).unwrap();
    manifest["tables"]["child"] = serde_json::json!(1);
    fs::write(
        format!("{}.json", tampered.display()),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
    trials.push(("manifest does not match", tampered));

    // Closed, the database is all in its file (no WAL): that file must not change.
    drop(registry);
    let live = fs::read(dir.path().join(DB_FILE)).unwrap();
    let registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap();
    for (what, path) in &trials {
        let err = registry
            .prepare_restore(path)
            .expect_err(&format!("{what} must be refused"));
        assert!(
            matches!(err, Error::BackupUnusable { .. }),
            "{what}: {err:?}"
        );
        let message = err.to_api(Lang::Ja).message;
        assert!(
            message.contains("現在のデータは変更していません"),
            "{what}: {message}"
        );
        assert_eq!(registry.record_counts().unwrap(), counts, "{what}");
        assert!(
            !names(dir.path()).iter().any(|f| f.contains("restoring")),
            "{what}: no copy left beside the database"
        );
    }
    drop(registry);
    assert_eq!(
        fs::read(dir.path().join(DB_FILE)).unwrap(),
        live,
        "the live database file is byte for byte the same"
    );
}

#[test]
fn a_restore_killed_at_any_step_leaves_the_old_or_the_new_database_never_a_broken_one() {
    let steps = [
        (None, "while the copy was being written"),
        (Some(SwitchStep::Closed), "after closing"),
        (Some(SwitchStep::KeptPrevious), "after keeping the previous"),
        (Some(SwitchStep::Renamed), "after the rename"),
    ];
    for (step, when) in steps {
        let (dir, vault, mut registry) = new_registry();
        demo(&mut registry, 7);
        let old_counts = registry.record_counts().unwrap();
        let done = back_up(&registry, &BackupOptions::default(), at(0));
        demo(&mut registry, 8);
        let live_counts = registry.record_counts().unwrap();
        let backup = backup_dir(dir.path()).join(&done.backup.name);

        let expected = match step {
            None => {
                // Killed while copying: a half-written copy lies beside the database.
                drop(registry);
                let half = fs::read(&backup).unwrap();
                fs::write(
                    dir.path().join("kakehashi.db.restoring"),
                    &half[..half.len() / 2],
                )
                .unwrap();
                live_counts
            }
            Some(step) => {
                let prepared = registry.prepare_restore(&backup).unwrap();
                assert!(
                    prepared
                        .switch_until(registry, Some(step))
                        .unwrap()
                        .is_none()
                );
                if step == SwitchStep::Renamed {
                    old_counts
                } else {
                    live_counts
                }
            }
        };
        let registry = vault
            .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
            .unwrap_or_else(|e| panic!("{when}: the database opens: {e:?}"));
        assert!(registry.verify().unwrap().is_empty(), "{when}: sound");
        assert_eq!(registry.record_counts().unwrap(), expected, "{when}");

        // And a restore started again afterwards completes.
        let prepared = registry.prepare_restore(&backup).unwrap();
        let (registry, _) = prepared.switch(registry).unwrap();
        assert_eq!(
            registry.record_counts().unwrap(),
            old_counts,
            "{when}: redone"
        );
        assert_eq!(vault.state(), VaultState::Locked);
    }
}

/// A data directory's worth of backup made by hand: a database at `version` (a frozen
/// schema, or the current one with `user_version` set) with a manifest carrying the key file.
fn handmade_backup(dir: &Path, version: i64) -> PathBuf {
    let (key_file, key) = KeyFile::create_admin(PASSPHRASE, KdfParams::cheap_for_tests()).unwrap();
    let path = dir.join("handmade.kbak");
    let mut conn = store::open(&path, &key, true).unwrap();
    if version < store::CURRENT_VERSION {
        let sql = fs::read_to_string(format!(
            "{}/../../fixtures/schema/v{version}.sql",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        conn.execute_batch(&sql).unwrap();
    } else {
        store::migrate(&mut conn).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    let mut tables = serde_json::Map::new();
    let table_names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for t in table_names {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
            .unwrap();
        tables.insert(t, n.into());
    }
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let key_path = dir.join("handmade.keys.json");
    key_file.write(&key_path).unwrap();
    let key_json: serde_json::Value =
        serde_json::from_slice(&fs::read(&key_path).unwrap()).unwrap();
    let manifest = serde_json::json!({
        "format": 1,
        "created_at": "2026-06-01T00:00:00.000Z",
        "size_bytes": fs::metadata(&path).unwrap().len(),
        "schema_version": version,
        "tables": tables,
        "verified_at": "2026-06-01T00:00:01.000Z",
        "key_file": key_json,
    });
    fs::write(
        format!("{}.json", path.display()),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
    path
}

#[test]
fn a_backup_restores_into_an_empty_data_directory_with_its_passphrase() {
    let (dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 9);
    let counts = registry.record_counts().unwrap();
    let done = back_up(&registry, &BackupOptions::default(), at(0));
    let backup = backup_dir(dir.path()).join(&done.backup.name);

    let laptop = tempfile::tempdir().unwrap();
    let vault = Vault::open(laptop.path()).unwrap();
    let err = backup::restore_into_new(&vault, &backup, "admin", "not the passphrase").unwrap_err();
    assert_eq!(err.field(), Some("passphrase"), "{err:?}");
    assert_eq!(
        vault.state(),
        VaultState::NeedsSetup,
        "a wrong passphrase leaves the new folder empty"
    );
    let (restored, report) =
        backup::restore_into_new(&vault, &backup, "admin", PASSPHRASE).unwrap();
    assert_eq!(restored.record_counts().unwrap(), counts);
    assert_eq!(report.previous_kept_as, None);
    drop(restored);
    let again = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap();
    assert_eq!(
        again.record_counts().unwrap(),
        counts,
        "unlocks as usual afterwards"
    );
    assert!(matches!(
        backup::restore_into_new(&vault, &backup, "admin", PASSPHRASE),
        Err(Error::AlreadySetUp { .. })
    ));
}

#[test]
fn an_older_backup_is_migrated_and_a_newer_one_is_refused() {
    let source = tempfile::tempdir().unwrap();
    let old = handmade_backup(source.path(), store::CURRENT_VERSION - 1);
    let laptop = tempfile::tempdir().unwrap();
    let vault = Vault::open(laptop.path()).unwrap();
    let (registry, report) = backup::restore_into_new(&vault, &old, "admin", PASSPHRASE).unwrap();
    assert_eq!(report.schema_version_found, store::CURRENT_VERSION - 1);
    assert_eq!(report.schema_version, store::CURRENT_VERSION);
    assert_eq!(registry.schema_version().unwrap(), store::CURRENT_VERSION);
    drop(registry);

    let newer_dir = tempfile::tempdir().unwrap();
    let newer = handmade_backup(newer_dir.path(), store::CURRENT_VERSION + 1);
    let empty = tempfile::tempdir().unwrap();
    let vault = Vault::open(empty.path()).unwrap();
    let err = backup::restore_into_new(&vault, &newer, "admin", PASSPHRASE).unwrap_err();
    assert!(matches!(err, Error::NewerSchema { .. }), "{err:?}");
    assert_eq!(vault.state(), VaultState::NeedsSetup);
    assert!(
        !laptop.path().join("kakehashi.db.restoring").exists()
            && !empty.path().join("kakehashi.db.restoring").exists()
    );
}
