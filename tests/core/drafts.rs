//! A form's unsaved input kept across a lock (issue 8, auto-lock): sealed on disk, given back
//! once to the same user after unlock; and the office's auto-lock time.

use chrono::{TimeZone, Utc};
use kakehashi::drafts::DRAFT_FILE;
use kakehashi::error::Invalid;
use kakehashi::settings::{DEFAULT_AUTO_LOCK_MINUTES, read_auto_lock_minutes};
use kakehashi::users::{NewUserRequest, Permission, UserRole};
use kakehashi::vault::UnlockRequest;
use kakehashi::{Error, Registry, Vault};

use crate::support::{PASSPHRASE, new_registry, unlock_request};

const SATO: &str = "sato-viewer-lantern-harbor-71";

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 1, 0, 0).unwrap()
}

fn draft_with(marker: &str) -> String {
    serde_json::json!({
        "formId": "case-new",
        "route": "/cases/new",
        "values": {"name": marker, "kana": "ヤマダ タロウ"}
    })
    .to_string()
}

fn add_viewer(registry: &mut Registry) {
    let stamp = registry.stamp(now());
    registry
        .add_user(
            &NewUserRequest {
                login: "sato".into(),
                display_name: "佐藤 一郎".into(),
                role: UserRole::Viewer,
                passphrase: SATO.into(),
                confirmation: SATO.into(),
            },
            &stamp,
        )
        .expect("the admin adds a viewer");
}

fn unlock_as(vault: &Vault, login: &str, passphrase: &str) -> Registry {
    vault
        .unlock(
            &UnlockRequest {
                login: login.into(),
                passphrase: passphrase.into(),
            },
            now(),
        )
        .expect("the right passphrase unlocks")
}

#[test]
fn a_kept_draft_is_sealed_on_disk_and_given_back_once_to_the_same_user() {
    let (dir, vault, registry) = new_registry();
    let marker = format!("MARKER-{}", uuid::Uuid::now_v7().simple());
    let draft = draft_with(&marker);
    registry
        .keep_draft(&draft)
        .expect("any user can keep a draft");

    let bytes = std::fs::read(dir.path().join(DRAFT_FILE)).expect("the draft file is written");
    assert!(
        !bytes.windows(marker.len()).any(|w| w == marker.as_bytes()),
        "the draft is sealed: its text is not in the file"
    );
    assert!(
        !bytes.windows(6).any(|w| w == "ヤマダ".as_bytes()),
        "nor is the Japanese text in it"
    );

    // Locking drops the registry (and zeroes the key); the draft outlives it.
    drop(registry);
    let registry = vault
        .unlock(&unlock_request(PASSPHRASE), now())
        .expect("unlock again");
    assert_eq!(
        registry.take_draft().expect("take"),
        Some(draft),
        "the same user gets the same input back"
    );
    assert_eq!(
        registry.take_draft().expect("take again"),
        None,
        "a draft is given back once"
    );
    assert!(
        !dir.path().join(DRAFT_FILE).exists(),
        "taking it removes the file"
    );
}

#[test]
fn another_user_never_gets_the_draft_and_it_stays_for_its_owner() {
    let (_dir, vault, mut registry) = new_registry();
    add_viewer(&mut registry);
    let draft = draft_with("admin's unsaved input");
    registry.keep_draft(&draft).expect("keep");
    drop(registry);

    let sato = unlock_as(&vault, "sato", SATO);
    assert_eq!(
        sato.take_draft().expect("take as sato"),
        None,
        "another user's draft is not given"
    );
    drop(sato);

    let admin = unlock_as(&vault, "admin", PASSPHRASE);
    assert_eq!(
        admin.take_draft().expect("take as admin"),
        Some(draft),
        "the draft stayed for the user who kept it"
    );
}

#[test]
fn a_damaged_draft_file_is_ignored_and_removed() {
    let (dir, _vault, registry) = new_registry();
    registry.keep_draft(&draft_with("x")).expect("keep");
    let path = dir.path().join(DRAFT_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    // Flip a byte inside the sealed text's base64 so it still parses but no longer opens.
    let at = bytes.len() - 10;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        registry.take_draft().expect("a damaged draft is no error"),
        None
    );
    assert!(!path.exists(), "the damaged draft is removed");

    std::fs::write(&path, b"not json at all").unwrap();
    assert_eq!(registry.take_draft().expect("garbage is no error"), None);
    assert!(!path.exists(), "garbage is removed too");
}

#[test]
fn the_auto_lock_time_round_trips_and_only_an_admin_sets_it_within_range() {
    let (dir, vault, mut registry) = new_registry();
    assert_eq!(
        registry.auto_lock_minutes().unwrap(),
        DEFAULT_AUTO_LOCK_MINUTES,
        "15 minutes until set"
    );
    let stamp = registry.stamp(now());
    assert_eq!(registry.set_auto_lock_minutes(30, &stamp).unwrap(), 30);
    assert_eq!(registry.auto_lock_minutes().unwrap(), 30);
    assert_eq!(
        read_auto_lock_minutes(dir.path()),
        30,
        "readable before unlock"
    );

    for bad in [0, 241] {
        let e = registry
            .set_auto_lock_minutes(bad, &stamp)
            .expect_err("out of range");
        assert!(
            matches!(
                &e,
                Error::Validation { field, problem: Invalid::OutOfRange { min: 1, max: 240 } }
                    if field == "minutes"
            ),
            "{bad} minutes is refused at the field: {e:?}"
        );
    }
    assert_eq!(
        registry.auto_lock_minutes().unwrap(),
        30,
        "a refused value changes nothing"
    );

    add_viewer(&mut registry);
    drop(registry);
    let mut sato = unlock_as(&vault, "sato", SATO);
    assert_eq!(
        sato.auto_lock_minutes().unwrap(),
        30,
        "every role reads the time"
    );
    let stamp = sato.stamp(now());
    assert!(
        matches!(
            sato.set_auto_lock_minutes(5, &stamp),
            Err(Error::Forbidden {
                needed: Permission::Admin
            })
        ),
        "a viewer cannot change the office's rule"
    );
    assert_eq!(sato.auto_lock_minutes().unwrap(), 30);
}
