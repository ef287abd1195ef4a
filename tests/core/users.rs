//! Users, key slots, the recovery key and the slow-down after wrong passphrases (issue 8).

use chrono::{DateTime, Duration, TimeZone, Utc};
use kakehashi::error::Invalid;
use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::users::{
    ChangePassphraseRequest, NewUserRequest, ResetPassphraseRequest, UpdateUserRequest, UserRole,
};
use kakehashi::vault::{KEY_FILE, RecoverRequest, SetupRequest, UnlockRequest, wait_after};
use kakehashi::{Error, Registry, Vault};

use crate::support::PASSPHRASE;

const SATO: &str = "sato-viewer-lantern-harbor-71";
const SUZUKI: &str = "suzuki-coordinator-meadow-quartz-38";
const NEW: &str = "brand-new-passphrase-cobalt-19";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 1, 0, 0).unwrap()
}

fn unlock(
    vault: &Vault,
    login: &str,
    passphrase: &str,
    now: DateTime<Utc>,
) -> kakehashi::Result<Registry> {
    vault.unlock(
        &UnlockRequest {
            login: login.into(),
            passphrase: passphrase.into(),
        },
        now,
    )
}

fn field_problem(e: &Error) -> Option<(&str, &Invalid)> {
    match e {
        Error::Validation { field, problem } => Some((field.as_str(), problem)),
        _ => None,
    }
}

/// A registry set up by 山田 (admin `yamada`), with its recovery key.
fn office() -> (tempfile::TempDir, Vault, Registry, String) {
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::open(dir.path()).unwrap();
    let (registry, recovery) = vault
        .set_up(
            &SetupRequest {
                login: " Yamada ".into(),
                display_name: "山田 花子".into(),
                passphrase: PASSPHRASE.into(),
                confirmation: PASSPHRASE.into(),
            },
            KdfParams::cheap_for_tests(),
        )
        .unwrap();
    (dir, vault, registry, recovery.key)
}

fn add(
    registry: &mut Registry,
    login: &str,
    name: &str,
    role: UserRole,
    passphrase: &str,
) -> String {
    let stamp = registry.stamp(t0());
    registry
        .add_user(
            &NewUserRequest {
                login: login.into(),
                display_name: name.into(),
                role,
                passphrase: passphrase.into(),
                confirmation: passphrase.into(),
            },
            &stamp,
        )
        .unwrap()
        .user_id
}

#[test]
fn each_user_unlocks_with_their_own_passphrase_and_gets_their_role() {
    let (_dir, vault, mut admin, _) = office();
    assert_eq!(
        admin.session().login,
        "yamada",
        "logins are trimmed and lower-cased"
    );
    assert_eq!(admin.session().role, UserRole::Admin);
    add(&mut admin, "sato", "佐藤 一郎", UserRole::Viewer, SATO);
    add(
        &mut admin,
        "suzuki",
        "鈴木 次郎",
        UserRole::Coordinator,
        SUZUKI,
    );
    let listed: Vec<(String, UserRole, bool)> = admin
        .list_users()
        .unwrap()
        .into_iter()
        .map(|u| (u.login, u.role, u.is_me))
        .collect();
    assert_eq!(
        listed,
        [
            ("yamada".to_string(), UserRole::Admin, true),
            ("suzuki".to_string(), UserRole::Coordinator, false),
            ("sato".to_string(), UserRole::Viewer, false),
        ],
        "admins first, then coordinators, then viewers"
    );
    drop(admin);
    assert_eq!(vault.logins(), ["yamada", "sato", "suzuki"]);

    let sato = unlock(&vault, "sato", SATO, t0()).unwrap();
    assert_eq!(
        (sato.session().display_name.as_str(), sato.session().role),
        ("佐藤 一郎", UserRole::Viewer)
    );
    assert_eq!(
        sato.stamp(t0()).actor,
        "sato",
        "the audit's who is the signed-in user"
    );
    drop(sato);
    let err = unlock(&vault, "sato", SUZUKI, t0()).unwrap_err();
    assert!(
        matches!(
            field_problem(&err),
            Some(("passphrase", Invalid::WrongPassphrase))
        ),
        "another user's passphrase does not open sato's slot: {err:?}"
    );
    let err = unlock(&vault, "tanaka", PASSPHRASE, t0()).unwrap_err();
    assert!(
        matches!(field_problem(&err), Some(("login", Invalid::UnknownLogin))),
        "{err:?}"
    );
}

#[test]
fn the_key_file_holds_logins_but_no_names_roles_or_keys_in_the_clear() {
    let (dir, _vault, mut admin, recovery) = office();
    add(&mut admin, "sato", "佐藤 一郎", UserRole::Viewer, SATO);
    let text = std::fs::read_to_string(dir.path().join(KEY_FILE)).unwrap();
    assert!(
        text.contains("\"sato\""),
        "logins are listed for the lock screen"
    );
    for secret in [
        "佐藤",
        "山田",
        "viewer",
        "coordinator",
        "\"admin\"",
        SATO,
        PASSPHRASE,
    ] {
        assert!(
            !text.contains(secret),
            "{secret} must not be readable in the key file"
        );
    }
    assert!(!text.contains(&recovery.replace('-', "")));
}

#[test]
fn bad_users_are_refused_at_their_field_and_change_nothing() {
    let (dir, _vault, mut admin, _) = office();
    let before = std::fs::read(dir.path().join(KEY_FILE)).unwrap();
    let stamp = admin.stamp(t0());
    let mut request = NewUserRequest {
        login: "yamada".into(),
        display_name: "もう一人の山田".into(),
        role: UserRole::Viewer,
        passphrase: SATO.into(),
        confirmation: SATO.into(),
    };
    // (what, how the request is spoilt — cumulatively, field expected)
    type Case = (&'static str, fn(&mut NewUserRequest), &'static str);
    let cases: [Case; 5] = [
        ("taken", |_| {}, "login"),
        ("malformed", |r| r.login = "山田".into(), "login"),
        (
            "no name",
            |r| {
                r.login = "other".into();
                r.display_name = " ".into();
            },
            "display_name",
        ),
        (
            "weak",
            |r| {
                r.login = "other".into();
                r.display_name = "佐藤".into();
                r.passphrase = "password".into();
                r.confirmation = "password".into();
            },
            "passphrase",
        ),
        (
            "mismatch",
            |r| {
                r.login = "other".into();
                r.passphrase = SATO.into();
                r.confirmation = "something-else-entirely-91".into();
            },
            "confirmation",
        ),
    ];
    for (what, change, field) in cases {
        change(&mut request);
        let err = admin.add_user(&request, &stamp).unwrap_err();
        assert_eq!(err.field(), Some(field), "{what}: {err:?}");
    }
    assert_eq!(
        std::fs::read(dir.path().join(KEY_FILE)).unwrap(),
        before,
        "key file untouched"
    );
}

#[test]
fn there_is_always_an_admin_and_nobody_removes_themselves() {
    let (_dir, vault, mut admin, _) = office();
    let me = admin.session().user_id.clone();
    let stamp = admin.stamp(t0());
    let err = admin
        .update_user(
            &UpdateUserRequest {
                user_id: me.clone(),
                display_name: "山田 花子".into(),
                role: UserRole::Coordinator,
            },
            &stamp,
        )
        .unwrap_err();
    assert!(
        matches!(field_problem(&err), Some(("role", Invalid::LastAdmin))),
        "{err:?}"
    );
    let err = admin.remove_user(&me, &stamp).unwrap_err();
    assert!(matches!(
        field_problem(&err),
        Some(("user_id", Invalid::CannotRemoveSelf))
    ));

    let suzuki = add(&mut admin, "suzuki", "鈴木 次郎", UserRole::Admin, SUZUKI);
    admin
        .update_user(
            &UpdateUserRequest {
                user_id: me,
                display_name: "山田 花子".into(),
                role: UserRole::Coordinator,
            },
            &stamp,
        )
        .expect("with a second admin, the first may step down");
    assert_eq!(
        admin.session().role,
        UserRole::Coordinator,
        "the session follows at once"
    );
    assert!(matches!(admin.list_users(), Err(Error::Forbidden { .. })));
    drop(admin);
    let mut suzuki_reg = unlock(&vault, "suzuki", SUZUKI, t0()).unwrap();
    let err = suzuki_reg.remove_user(&suzuki, &stamp).unwrap_err();
    assert!(matches!(
        field_problem(&err),
        Some(("user_id", Invalid::CannotRemoveSelf))
    ));
}

#[test]
fn a_removed_user_cannot_unlock_and_the_others_are_untouched() {
    let (_dir, vault, mut admin, _) = office();
    let sato = add(&mut admin, "sato", "佐藤 一郎", UserRole::Viewer, SATO);
    add(
        &mut admin,
        "suzuki",
        "鈴木 次郎",
        UserRole::Coordinator,
        SUZUKI,
    );
    let stamp = admin.stamp(t0());
    admin.remove_user(&sato, &stamp).unwrap();
    let history = admin.history("user", &sato).unwrap();
    assert_eq!(history.len(), 2, "created, then deleted: {history:?}");
    assert!(
        history.iter().all(|row| row.actor == "yamada"),
        "done by the admin: {history:?}"
    );
    drop(admin);
    let err = unlock(&vault, "sato", SATO, t0()).unwrap_err();
    assert!(matches!(
        field_problem(&err),
        Some(("login", Invalid::UnknownLogin))
    ));
    unlock(&vault, "suzuki", SUZUKI, t0() + Duration::seconds(1)).expect("suzuki unaffected");
}

#[test]
fn changing_a_passphrase_rewraps_only_that_slot() {
    let (dir, vault, mut admin, _) = office();
    add(
        &mut admin,
        "suzuki",
        "鈴木 次郎",
        UserRole::Coordinator,
        SUZUKI,
    );
    drop(admin);
    let slots_before = slots(&dir);
    let mut suzuki = unlock(&vault, "suzuki", SUZUKI, t0()).unwrap();
    let stamp = suzuki.stamp(t0());
    let err = suzuki
        .change_own_passphrase(
            &ChangePassphraseRequest {
                current: "not-my-passphrase-at-all".into(),
                passphrase: NEW.into(),
                confirmation: NEW.into(),
            },
            &stamp,
        )
        .unwrap_err();
    assert!(matches!(
        field_problem(&err),
        Some(("current", Invalid::WrongPassphrase))
    ));
    suzuki
        .change_own_passphrase(
            &ChangePassphraseRequest {
                current: SUZUKI.into(),
                passphrase: NEW.into(),
                confirmation: NEW.into(),
            },
            &stamp,
        )
        .unwrap();
    drop(suzuki);
    let slots_after = slots(&dir);
    let changed: Vec<usize> = (0..slots_before.len())
        .filter(|&i| slots_before[i] != slots_after[i])
        .collect();
    let suzuki_slot = slots_after
        .iter()
        .position(|s| s.contains("\"suzuki\""))
        .unwrap();
    assert_eq!(changed, [suzuki_slot], "only suzuki's slot was rewrapped");
    assert!(
        unlock(&vault, "suzuki", SUZUKI, t0()).is_err(),
        "the old passphrase is gone"
    );
    unlock(&vault, "suzuki", NEW, t0()).unwrap();
    unlock(&vault, "yamada", PASSPHRASE, t0()).unwrap();
}

#[test]
fn an_admin_resets_a_forgotten_passphrase_of_another_user() {
    let (_dir, vault, mut admin, _) = office();
    let sato = add(&mut admin, "sato", "佐藤 一郎", UserRole::Viewer, SATO);
    let stamp = admin.stamp(t0());
    admin
        .reset_passphrase(
            &ResetPassphraseRequest {
                user_id: sato,
                passphrase: NEW.into(),
                confirmation: NEW.into(),
            },
            &stamp,
        )
        .unwrap();
    drop(admin);
    assert!(unlock(&vault, "sato", SATO, t0()).is_err());
    assert_eq!(
        unlock(&vault, "sato", NEW, t0()).unwrap().session().role,
        UserRole::Viewer
    );
}

#[test]
fn the_recovery_key_sets_a_new_passphrase_and_a_wrong_one_is_refused() {
    let (_dir, vault, admin, recovery) = office();
    drop(admin);
    let request = |key: &str| RecoverRequest {
        login: "yamada".into(),
        recovery_key: key.into(),
        passphrase: NEW.into(),
        confirmation: NEW.into(),
    };
    let mut wrong = recovery.clone();
    wrong.replace_range(0..1, if wrong.starts_with('A') { "B" } else { "A" });
    let err = vault.recover(&request(&wrong), t0()).unwrap_err();
    assert!(matches!(
        field_problem(&err),
        Some(("recovery_key", Invalid::WrongRecoveryKey))
    ));
    assert!(
        unlock(&vault, "yamada", PASSPHRASE, t0()).is_ok(),
        "a failed recovery changes nothing"
    );

    // As typed from the printout: lower case, spaces for dashes.
    let typed = recovery.to_lowercase().replace('-', " ");
    let registry = vault.recover(&request(&typed), t0()).unwrap();
    assert_eq!(registry.session().login, "yamada");
    let rows = registry
        .history("user", &registry.session().user_id)
        .unwrap();
    assert!(
        rows.iter()
            .any(|r| r.changes.to_string().contains("passphrase")),
        "the reset is in the audit log: {rows:?}"
    );
    drop(registry);
    assert!(
        unlock(&vault, "yamada", PASSPHRASE, t0()).is_err(),
        "the forgotten one is gone"
    );
    unlock(&vault, "yamada", NEW, t0()).unwrap();
}

#[test]
fn a_new_recovery_key_replaces_the_old_one() {
    let (_dir, vault, mut admin, old) = office();
    assert!(admin.has_recovery_key().unwrap());
    let stamp = admin.stamp(t0());
    let new = admin.new_recovery_key(&stamp).unwrap().key;
    assert_ne!(new, old);
    drop(admin);
    let request = |key: &str| RecoverRequest {
        login: "yamada".into(),
        recovery_key: key.into(),
        passphrase: NEW.into(),
        confirmation: NEW.into(),
    };
    assert!(
        vault.recover(&request(&old), t0()).is_err(),
        "the old key stopped working"
    );
    vault
        .recover(&request(&new), t0())
        .expect("the new key works");
}

#[test]
fn wrong_tries_slow_down_survive_a_restart_and_a_clock_moved_back() {
    let (dir, vault, admin, _) = office();
    drop(admin);
    for i in 0..3 {
        let err = unlock(&vault, "yamada", "wrong-passphrase-number-x", t0()).unwrap_err();
        assert!(
            matches!(
                field_problem(&err),
                Some(("passphrase", Invalid::WrongPassphrase))
            ),
            "try {i}"
        );
    }
    // The fourth try right away must wait, even with the right passphrase.
    let err = unlock(&vault, "yamada", PASSPHRASE, t0()).unwrap_err();
    assert!(
        matches!(
            field_problem(&err),
            Some(("passphrase", Invalid::TryAgainIn { seconds: 1 }))
        ),
        "{err:?}"
    );
    assert!(err.to_api(kakehashi::Lang::Ja).message.contains("秒"));
    // A restart does not reset the count.
    drop(vault);
    let vault = Vault::open(dir.path()).unwrap();
    assert!(unlock(&vault, "yamada", PASSPHRASE, t0()).is_err());
    // More wrong tries make the wait longer, up to five minutes: a second early the next try
    // is refused with one second to go; on time it is tried (and counted).
    let mut now = t0();
    for n in 3..12 {
        let wait = wait_after(n) as i64;
        let early = now + Duration::seconds(wait - 1);
        let err = unlock(&vault, "yamada", PASSPHRASE, early).unwrap_err();
        assert!(
            matches!(
                field_problem(&err),
                Some(("passphrase", Invalid::TryAgainIn { seconds: 1 }))
            ),
            "after {n} failures, {wait} s: {err:?}"
        );
        now += Duration::seconds(wait);
        let err = unlock(&vault, "yamada", "wrong-passphrase-number-x", now).unwrap_err();
        assert!(
            matches!(
                field_problem(&err),
                Some(("passphrase", Invalid::WrongPassphrase))
            ),
            "after {n} failures the wait was {wait} s: {err:?}"
        );
    }
    let wait = wait_after(12);
    assert_eq!(wait, 300, "capped at five minutes");
    let err = unlock(&vault, "yamada", PASSPHRASE, now).unwrap_err();
    assert!(
        matches!(
            field_problem(&err),
            Some(("passphrase", Invalid::TryAgainIn { seconds: 300 }))
        ),
        "{err:?}"
    );
    // A clock moved back an hour never makes the wait longer than the wait.
    let err = unlock(&vault, "yamada", PASSPHRASE, now - Duration::hours(1)).unwrap_err();
    assert!(
        matches!(
            field_problem(&err),
            Some(("passphrase", Invalid::TryAgainIn { seconds: 300 }))
        ),
        "{err:?}"
    );
    // After the wait the right passphrase opens, and the count starts again.
    let later = now + Duration::seconds(wait as i64);
    drop(unlock(&vault, "yamada", PASSPHRASE, later).unwrap());
    assert!(unlock(&vault, "yamada", "wrong-passphrase-number-x", later).is_err());
    drop(
        unlock(&vault, "yamada", PASSPHRASE, later)
            .expect("one typo after a success costs no wait"),
    );
}

#[test]
fn a_registry_from_before_users_opens_as_admin_and_is_upgraded() {
    let (dir, vault, admin, _) = office();
    drop(admin);
    // Rewrite the key file as format 1: the same wrapped data key in one "owner" slot.
    let path = dir.path().join(KEY_FILE);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let user = v["slots"][0].clone();
    let legacy = serde_json::json!({
        "format": 1,
        "slots": [{
            "label": "owner",
            "kdf": user["kdf"], "cipher": user["cipher"], "nonce": user["nonce"],
            "wrapped_key": user["wrapped_key"],
        }],
    });
    std::fs::write(&path, serde_json::to_string_pretty(&legacy).unwrap()).unwrap();
    assert_eq!(
        vault.logins(),
        ["admin"],
        "the lock screen offers the one admin"
    );
    let err = unlock(&vault, "yamada", PASSPHRASE, t0()).unwrap_err();
    assert!(matches!(
        field_problem(&err),
        Some(("login", Invalid::UnknownLogin))
    ));

    let mut registry = unlock(&vault, "admin", PASSPHRASE, t0()).unwrap();
    assert_eq!(registry.session().role, UserRole::Admin);
    assert_eq!(registry.session().display_name, "管理者");
    assert!(
        !registry.has_recovery_key().unwrap(),
        "no recovery key yet: the UI offers one"
    );
    let stamp = registry.stamp(t0());
    let recovery = registry.new_recovery_key(&stamp).unwrap();
    drop(registry);
    let file = KeyFile::read(&path).unwrap();
    assert!(!file.is_legacy(), "written back as format 2");
    assert_eq!(vault.logins(), ["admin"]);
    unlock(&vault, "admin", PASSPHRASE, t0()).expect("same passphrase after the upgrade");
    vault
        .recover(
            &RecoverRequest {
                login: "admin".into(),
                recovery_key: recovery.key,
                passphrase: NEW.into(),
                confirmation: NEW.into(),
            },
            t0(),
        )
        .expect("the recovery key made after the upgrade works");
}

#[test]
fn a_key_file_edited_by_hand_is_reported_not_guessed() {
    let (dir, vault, admin, _) = office();
    drop(admin);
    let path = dir.path().join(KEY_FILE);
    let good = std::fs::read_to_string(&path).unwrap();
    // A profile edited (say, to try to become admin): the seal no longer opens.
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let sealed = v["slots"][0]["profile"]["sealed"]
        .as_str()
        .unwrap()
        .to_string();
    let mut bytes: Vec<char> = sealed.chars().collect();
    bytes[5] = if bytes[5] == 'A' { 'B' } else { 'A' };
    v["slots"][0]["profile"]["sealed"] = bytes.into_iter().collect::<String>().into();
    std::fs::write(&path, v.to_string()).unwrap();
    let err = unlock(&vault, "yamada", PASSPHRASE, t0()).unwrap_err();
    assert!(matches!(err, Error::KeyFileUnusable { .. }), "{err:?}");
    // Not JSON at all.
    std::fs::write(&path, "{ not json").unwrap();
    let err = unlock(&vault, "yamada", PASSPHRASE, t0()).unwrap_err();
    assert!(matches!(err, Error::KeyFileUnusable { .. }), "{err:?}");
    let message = err.to_api(kakehashi::Lang::Ja).message;
    assert!(message.contains("鍵ファイル"), "{message}");
    std::fs::write(&path, good).unwrap();
    unlock(&vault, "yamada", PASSPHRASE, t0()).expect("the file put back opens again");
}

/// Each slot of the key file as JSON text, in order.
fn slots(dir: &tempfile::TempDir) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(KEY_FILE)).unwrap()).unwrap();
    v["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.to_string())
        .collect()
}
