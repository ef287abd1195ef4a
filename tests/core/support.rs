//! Shared set-up: a fresh data directory and an unlocked registry in it.

use chrono::{TimeZone, Utc};
use kakehashi::keys::KdfParams;
use kakehashi::record::Stamp;
use kakehashi::vault::{SetupRequest, UnlockRequest};
use kakehashi::{Registry, Vault};
use tempfile::TempDir;

pub const PASSPHRASE: &str = "correct-horse-battery-staple-42";

pub fn setup_request() -> SetupRequest {
    SetupRequest {
        login: "admin".into(),
        display_name: "管理者".into(),
        passphrase: PASSPHRASE.into(),
        confirmation: PASSPHRASE.into(),
    }
}

pub fn unlock_request(passphrase: &str) -> UnlockRequest {
    UnlockRequest {
        login: "admin".into(),
        passphrase: passphrase.into(),
    }
}

/// A new data directory with a registry set up in it (cheap KDF; same code path).
pub fn new_registry() -> (TempDir, Vault, Registry) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::open(dir.path()).expect("a fresh temp dir is usable");
    let registry = vault
        .set_up(&setup_request(), KdfParams::cheap_for_tests())
        .map(|(r, _)| r)
        .expect("setting up a fresh dir works");
    (dir, vault, registry)
}

/// A fixed instant, so generated data and stamps are the same on every run.
pub fn stamp() -> Stamp {
    Stamp::new(
        "tester",
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
    )
}
