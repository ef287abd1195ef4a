//! The data directory: first-run setup, unlocking, and every way opening can go wrong —
//! each with a clear error and nothing lost or overwritten.

use std::fs;

use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::vault::{DB_FILE, KEY_FILE, VaultState};
use kakehashi::{Error, ErrorKind, Lang, Vault, store};

use crate::support::{PASSPHRASE, new_registry, setup_request, unlock_request};

#[test]
fn the_database_file_is_encrypted_from_the_first_version() {
    let (dir, _vault, registry) = new_registry();
    drop(registry);
    let bytes = fs::read(dir.path().join(DB_FILE)).expect("database file exists");
    assert!(bytes.len() >= 4096, "at least one page was written");
    assert_ne!(
        &bytes[..16],
        b"SQLite format 3\0",
        "an encrypted file has no plaintext header"
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains("川越市"),
        "seeded names must not appear in the clear"
    );
    assert!(
        !text.contains("municipality"),
        "table names must not appear in the clear"
    );
}

#[test]
fn a_new_vault_needs_setup_and_a_set_up_one_is_locked_until_unlocked() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    assert_eq!(vault.state(), VaultState::NeedsSetup, "no key file yet");
    let registry = vault
        .set_up(&setup_request(), KdfParams::cheap_for_tests())
        .map(|(r, _)| r)
        .unwrap();
    drop(registry);
    assert_eq!(vault.state(), VaultState::Locked, "a key file exists now");
    let registry = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .expect("the right passphrase unlocks");
    assert_eq!(registry.schema_version().unwrap(), store::CURRENT_VERSION);
    assert!(
        registry.verify().unwrap().is_empty(),
        "a fresh database is sound"
    );
}

#[test]
fn a_wrong_passphrase_is_a_field_error_and_leaves_the_files_as_they_were() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    let before_db = fs::read(dir.path().join(DB_FILE)).unwrap();
    let before_key = fs::read(dir.path().join(KEY_FILE)).unwrap();
    let err = vault
        .unlock(
            &unlock_request("not-the-passphrase-at-all"),
            chrono::Utc::now(),
        )
        .unwrap_err();
    let api = err.to_api(Lang::Ja);
    assert_eq!(api.kind, ErrorKind::Validation);
    assert_eq!(
        api.field.as_deref(),
        Some("passphrase"),
        "shown at the passphrase field"
    );
    assert!(
        api.message.contains("パスフレーズが違います"),
        "{}",
        api.message
    );
    assert_eq!(
        fs::read(dir.path().join(DB_FILE)).unwrap(),
        before_db,
        "database untouched"
    );
    assert_eq!(
        fs::read(dir.path().join(KEY_FILE)).unwrap(),
        before_key,
        "key file untouched"
    );
}

#[test]
fn setting_up_twice_never_overwrites_the_existing_key() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    let before_key = fs::read(dir.path().join(KEY_FILE)).unwrap();
    let err = vault
        .set_up(&setup_request(), KdfParams::cheap_for_tests())
        .map(|(r, _)| r)
        .unwrap_err();
    assert!(matches!(err, Error::AlreadySetUp { .. }), "{err:?}");
    assert_eq!(fs::read(dir.path().join(KEY_FILE)).unwrap(), before_key);
}

#[test]
fn a_weak_passphrase_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let weak = kakehashi::vault::SetupRequest {
        login: "admin".into(),
        display_name: "管理者".into(),
        passphrase: "password1".into(),
        confirmation: "password1".into(),
    };
    let err = vault
        .set_up(&weak, KdfParams::cheap_for_tests())
        .map(|(r, _)| r)
        .unwrap_err();
    assert_eq!(err.to_api(Lang::Ja).field.as_deref(), Some("passphrase"));
    assert!(
        !dir.path().join(DB_FILE).exists(),
        "no database was created"
    );
    assert!(
        !dir.path().join(KEY_FILE).exists(),
        "no key file was created"
    );
}

#[test]
fn a_second_instance_on_the_same_data_directory_is_refused() {
    let (dir, _vault, _registry) = new_registry();
    let err = Vault::open(dir.path()).unwrap_err();
    assert!(matches!(err, Error::InUse { .. }), "{err:?}");
    let api = err.to_api(Lang::Ja);
    assert_eq!(api.kind, ErrorKind::Conflict);
    assert!(api.message.contains("既に起動"), "{}", api.message);
}

#[test]
fn a_truncated_database_is_reported_as_damaged_and_left_in_place() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    let db = dir.path().join(DB_FILE);
    // Fold the WAL in first, so truncating the main file really cuts committed pages.
    let _ = fs::remove_file(dir.path().join(format!("{DB_FILE}-wal")));
    let bytes = fs::read(&db).unwrap();
    fs::write(&db, &bytes[..1000]).unwrap();
    let err = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap_err();
    assert!(matches!(err, Error::DatabaseDamaged { .. }), "{err:?}");
    assert!(
        err.to_api(Lang::Ja).message.contains("バックアップ"),
        "tells what to do"
    );
    assert_eq!(
        fs::read(&db).unwrap().len(),
        1000,
        "the damaged file is not overwritten"
    );
}

#[test]
fn a_corrupted_first_page_is_reported_as_damaged() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    let db = dir.path().join(DB_FILE);
    let mut bytes = fs::read(&db).unwrap();
    for b in &mut bytes[100..200] {
        *b ^= 0xff;
    }
    fs::write(&db, &bytes).unwrap();
    let err = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap_err();
    assert!(matches!(err, Error::DatabaseDamaged { .. }), "{err:?}");
}

#[test]
fn an_emptied_database_file_is_not_mistaken_for_a_new_one() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    fs::write(dir.path().join(DB_FILE), b"").unwrap();
    let err = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap_err();
    assert!(matches!(err, Error::DatabaseDamaged { .. }), "{err:?}");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_not_changed() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    let key = KeyFile::read(&dir.path().join(KEY_FILE))
        .unwrap()
        .unwrap_key(PASSPHRASE)
        .unwrap();
    {
        let conn = store::open(&dir.path().join(DB_FILE), &key, false).unwrap();
        conn.pragma_update(None, "user_version", store::CURRENT_VERSION + 5)
            .unwrap();
    }
    let err = vault
        .unlock(&unlock_request(PASSPHRASE), chrono::Utc::now())
        .unwrap_err();
    assert!(matches!(err, Error::NewerSchema { .. }), "{err:?}");
    assert_eq!(err.to_api(Lang::Ja).kind, ErrorKind::Conflict);
    let conn = store::open(&dir.path().join(DB_FILE), &key, false).unwrap();
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        v,
        store::CURRENT_VERSION + 5,
        "the newer database was not migrated down or touched"
    );
}

#[test]
fn a_missing_key_file_means_setup_and_moves_the_unreadable_database_aside() {
    let (dir, vault, registry) = new_registry();
    drop(registry);
    let db_bytes = fs::read(dir.path().join(DB_FILE)).unwrap();
    fs::remove_file(dir.path().join(KEY_FILE)).unwrap();
    assert_eq!(vault.state(), VaultState::NeedsSetup);
    let registry = vault
        .set_up(&setup_request(), KdfParams::cheap_for_tests())
        .map(|(r, _)| r)
        .unwrap();
    drop(registry);
    let kept: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("kakehashi.db.unreadable-")
        })
        .filter(|e| !e.file_name().to_string_lossy().ends_with("-wal"))
        .filter(|e| !e.file_name().to_string_lossy().ends_with("-shm"))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the old database was kept beside the new one"
    );
    assert_eq!(
        fs::read(kept[0].path()).unwrap(),
        db_bytes,
        "and kept byte for byte"
    );
}
