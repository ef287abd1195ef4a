//! The data key and the file that keeps it wrapped: one slot per user and one recovery slot.
//!
//! A random 256-bit data key encrypts the database (SQLCipher raw key). The key is never
//! stored in the clear: the key file beside the database holds it wrapped, once per *slot*,
//! with XChaCha20-Poly1305 under a key derived with Argon2id. A wrong passphrase fails the
//! AEAD tag check, so it is told apart from a damaged database.
//!
//! Slots (format 2):
//! - `user`: a person's login (plaintext: the lock screen lists them), the data key wrapped by
//!   their passphrase, and their profile (display name, role) *sealed with the data key*, so
//!   nobody edits a role without the key; the login and the user id are bound into the seal,
//!   so a profile cannot be moved to another slot.
//! - `recovery`: the data key wrapped by the organisation recovery key (shown once, printed,
//!   kept in the office safe). It resets a forgotten passphrase.
//!
//! Changing a passphrase rewraps only that slot; removing a user removes the slot. Format 1
//! (one `owner` slot, before users) is still read: see [`KeyFile::is_legacy`].

use std::fs;
use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Invalid, Result};
use crate::users::UserRole;

/// Bound into every wrapped key, so a wrapped key from another format cannot be replayed.
const AAD: &[u8] = b"kakehashi key file v1";
/// Bound into every sealed profile, with the slot's user id and login.
const PROFILE_AAD: &str = "kakehashi profile v1";
const KEY_LEN: usize = 32;
const FORMAT: u32 = 2;

/// The 256-bit key that encrypts the database. Zeroed when dropped.
pub struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
    fn random() -> Result<DataKey> {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        getrandom::fill(bytes.as_mut()).map_err(|e| Error::Internal(e.to_string()))?;
        Ok(DataKey(bytes))
    }

    /// A second copy of the key (zeroed when dropped too): the registry keeps one to open
    /// backups and the database it restores (backup.rs).
    pub(crate) fn duplicate(&self) -> DataKey {
        DataKey(Zeroizing::new(*self.0))
    }

    /// The key as SQLCipher's raw-key literal (`x'…'`), so SQLCipher skips its own KDF.
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        let mut s = String::with_capacity(3 + 2 * KEY_LEN);
        s.push_str("x'");
        for b in self.0.iter() {
            s.push_str(&format!("{b:02x}"));
        }
        s.push('\'');
        Zeroizing::new(s)
    }

    /// A key for another purpose derived from this one (`purpose` separates them), so the
    /// data key itself only ever keys SQLCipher.
    pub(crate) fn subkey(&self, purpose: &str) -> Zeroizing<[u8; KEY_LEN]> {
        let mut h = Sha256::new();
        h.update(b"kakehashi subkey\0");
        h.update(purpose.as_bytes());
        h.update([0]);
        h.update(self.0.as_slice());
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        out.copy_from_slice(&h.finalize());
        out
    }

    /// Seals `plain` with XChaCha20-Poly1305 under the subkey for `purpose`, bound to `aad`,
    /// with a fresh random nonce.
    pub(crate) fn seal(&self, purpose: &str, aad: &[u8], plain: &[u8]) -> Result<Sealed> {
        let sub = self.subkey(purpose);
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|e| Error::Internal(e.to_string()))?;
        let sealed = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(sub.as_slice()))
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Sealed {
            nonce: B64.encode(nonce),
            sealed: B64.encode(sealed),
        })
    }

    /// Opens what [`DataKey::seal`] sealed for the same `purpose` and `aad`; `None` when it
    /// does not open (another key, another purpose or aad, or damaged).
    pub(crate) fn open(&self, purpose: &str, aad: &[u8], s: &Sealed) -> Option<Zeroizing<Vec<u8>>> {
        let nonce = B64.decode(&s.nonce).ok().filter(|n| n.len() == 24)?;
        let sealed = B64.decode(&s.sealed).ok()?;
        let sub = self.subkey(purpose);
        XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(sub.as_slice()))
            .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad })
            .ok()
            .map(Zeroizing::new)
    }
}

/// Argon2id cost. The defaults follow OWASP's advice for interactive logins on a laptop
/// (64 MiB, 3 passes); tests pass cheaper ones. The chosen cost is stored in each slot, and
/// slots made later (a new user, a new passphrase) take the cost of the slot that unlocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }
}

impl KdfParams {
    /// Cheap parameters for tests only: the format and code path are the same.
    pub fn cheap_for_tests() -> Self {
        KdfParams {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        }
    }
}

#[derive(Clone, Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

/// The data key wrapped under a secret (a passphrase or the recovery key).
#[derive(Clone, Serialize, Deserialize)]
struct Wrapped {
    kdf: Kdf,
    cipher: String,
    nonce: String,
    wrapped_key: String,
}

/// Bytes sealed with a subkey of the data key ([`DataKey::seal`]), as stored: base64 of the
/// 24-byte nonce and of the ciphertext with its tag. A user slot's profile in the key file.
#[derive(Clone, Serialize, Deserialize)]
pub(crate) struct Sealed {
    nonce: String,
    sealed: String,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Slot {
    User {
        user_id: String,
        login: String,
        #[serde(flatten)]
        wrapped: Wrapped,
        profile: Sealed,
    },
    Recovery {
        #[serde(flatten)]
        wrapped: Wrapped,
    },
}

/// Format 1's only slot: the owner's passphrase.
#[derive(Deserialize)]
struct LegacySlot {
    #[allow(dead_code)]
    label: String,
    #[serde(flatten)]
    wrapped: Wrapped,
}

#[derive(Deserialize)]
struct RawFile {
    format: u32,
    slots: Vec<serde_json::Value>,
}

/// What a user slot says once opened with the data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub display_name: String,
    pub role: UserRole,
}

/// A user as the key file knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotUser {
    pub user_id: String,
    pub login: String,
    pub profile: Profile,
}

/// The key file.
pub struct KeyFile {
    slots: Vec<Slot>,
    /// Format 1's owner slot, until the first unlock turns it into a user slot.
    legacy: Option<Wrapped>,
}

impl Serialize for KeyFile {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out<'a> {
            format: u32,
            slots: &'a [Slot],
        }
        Out {
            format: FORMAT,
            slots: &self.slots,
        }
        .serialize(s)
    }
}

impl KeyFile {
    /// Makes a new random data key and a key file holding it for the first user (an admin)
    /// and for a new recovery key, which is answered to be shown once.
    pub fn create(
        first: &NewSlotUser<'_>,
        params: KdfParams,
    ) -> Result<(KeyFile, DataKey, Zeroizing<String>)> {
        let key = DataKey::random()?;
        let mut file = KeyFile {
            slots: Vec::new(),
            legacy: None,
        };
        file.add_user(&key, first, params)?;
        let recovery = file.replace_recovery(&key, params)?;
        Ok((file, key, recovery))
    }

    /// A key file whose only user is the admin `admin` (管理者) with `passphrase`; its
    /// recovery key is discarded. For tests and tools that need a key file of their own.
    #[doc(hidden)]
    pub fn create_admin(passphrase: &str, params: KdfParams) -> Result<(KeyFile, DataKey)> {
        let (file, key, _) = KeyFile::create(
            &NewSlotUser {
                user_id: "00000000-0000-7000-8000-000000000000",
                login: "admin",
                passphrase,
                profile: Profile {
                    display_name: "管理者".into(),
                    role: UserRole::Admin,
                },
            },
            params,
        )?;
        Ok((file, key))
    }

    /// A file of format 1 (one owner passphrase, no users yet).
    pub fn is_legacy(&self) -> bool {
        self.legacy.is_some()
    }

    /// Unwraps the data key with any slot `passphrase` opens (tests and benchmarks that open
    /// the database directly); a wrong passphrase is a validation error on `passphrase`.
    pub fn unwrap_key(&self, passphrase: &str) -> Result<DataKey> {
        if let Some(w) = &self.legacy
            && let Some(key) = w.unwrap(passphrase)?
        {
            return Ok(key);
        }
        for slot in &self.slots {
            if let Slot::User { wrapped, .. } = slot
                && let Some(key) = wrapped.unwrap(passphrase)?
            {
                return Ok(key);
            }
        }
        Err(Error::invalid("passphrase", Invalid::WrongPassphrase))
    }

    /// The logins of the user slots, in the order they were added.
    pub fn logins(&self) -> Vec<String> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::User { login, .. } => Some(login.clone()),
                Slot::Recovery { .. } => None,
            })
            .collect()
    }

    /// Opens `login`'s slot with `passphrase`: the data key, the user and the slot's cost.
    /// An unknown login is an error on `login`; a wrong passphrase on `passphrase`.
    pub fn unlock(&self, login: &str, passphrase: &str) -> Result<(DataKey, SlotUser, KdfParams)> {
        let (user_id, wrapped, profile) = self
            .user_slot_by_login(login)
            .ok_or_else(|| Error::invalid("login", Invalid::UnknownLogin))?;
        let key = wrapped
            .unwrap(passphrase)?
            .ok_or_else(|| Error::invalid("passphrase", Invalid::WrongPassphrase))?;
        let profile = open_profile(&key, user_id, login, profile)?;
        let user = SlotUser {
            user_id: user_id.to_string(),
            login: login.to_string(),
            profile,
        };
        Ok((key, user, wrapped.kdf.params))
    }

    /// Opens the format-1 owner slot (the legacy upgrade; see `Vault::unlock`).
    pub(crate) fn unlock_legacy(&self, passphrase: &str) -> Result<(DataKey, KdfParams)> {
        let w = self
            .legacy
            .as_ref()
            .ok_or_else(|| Error::Internal("no legacy slot".into()))?;
        let key = w
            .unwrap(passphrase)?
            .ok_or_else(|| Error::invalid("passphrase", Invalid::WrongPassphrase))?;
        Ok((key, w.kdf.params))
    }

    /// Opens the recovery slot with `recovery_key` (spaces, dashes, case and full-width
    /// characters do not matter); a wrong one is an error on `recovery_key`.
    pub fn unlock_with_recovery(&self, recovery_key: &str) -> Result<(DataKey, KdfParams)> {
        let secret = normalize_recovery_key(recovery_key);
        for slot in &self.slots {
            if let Slot::Recovery { wrapped } = slot
                && let Some(key) = wrapped.unwrap(&secret)?
            {
                return Ok((key, wrapped.kdf.params));
            }
        }
        Err(Error::invalid("recovery_key", Invalid::WrongRecoveryKey))
    }

    pub fn has_recovery(&self) -> bool {
        self.slots
            .iter()
            .any(|s| matches!(s, Slot::Recovery { .. }))
    }

    /// Every user, their profiles opened with `key`.
    pub fn users(&self, key: &DataKey) -> Result<Vec<SlotUser>> {
        self.slots
            .iter()
            .filter_map(|s| match s {
                Slot::User {
                    user_id,
                    login,
                    profile,
                    ..
                } => Some(
                    open_profile(key, user_id, login, profile).map(|p| SlotUser {
                        user_id: user_id.clone(),
                        login: login.clone(),
                        profile: p,
                    }),
                ),
                Slot::Recovery { .. } => None,
            })
            .collect()
    }

    /// Adds a user slot (the login must be new: checked by the caller).
    pub(crate) fn add_user(
        &mut self,
        key: &DataKey,
        user: &NewSlotUser<'_>,
        params: KdfParams,
    ) -> Result<()> {
        let profile = seal_profile(key, user.user_id, user.login, &user.profile)?;
        self.slots.push(Slot::User {
            user_id: user.user_id.to_string(),
            login: user.login.to_string(),
            wrapped: Wrapped::wrap(key, user.passphrase, params)?,
            profile,
        });
        self.legacy = None;
        Ok(())
    }

    /// Re-seals `user_id`'s profile. `false` when there is no such user.
    pub(crate) fn set_profile(
        &mut self,
        key: &DataKey,
        user_id: &str,
        new: &Profile,
    ) -> Result<bool> {
        let Some(slot) = self.user_slot_mut(user_id) else {
            return Ok(false);
        };
        *slot.profile = seal_profile(key, user_id, slot.login, new)?;
        Ok(true)
    }

    /// Rewraps `user_id`'s slot under a new passphrase; the other slots are untouched.
    pub(crate) fn set_passphrase(
        &mut self,
        key: &DataKey,
        user_id: &str,
        passphrase: &str,
        params: KdfParams,
    ) -> Result<bool> {
        let Some(slot) = self.user_slot_mut(user_id) else {
            return Ok(false);
        };
        *slot.wrapped = Wrapped::wrap(key, passphrase, params)?;
        Ok(true)
    }

    /// Checks `passphrase` against `user_id`'s own slot (changing one's own passphrase).
    pub(crate) fn passphrase_opens(&mut self, user_id: &str, passphrase: &str) -> Result<bool> {
        match self.user_slot_mut(user_id) {
            Some(slot) => Ok(slot.wrapped.unwrap(passphrase)?.is_some()),
            None => Ok(false),
        }
    }

    fn user_slot_mut(&mut self, user_id: &str) -> Option<UserSlotMut<'_>> {
        self.slots.iter_mut().find_map(|s| match s {
            Slot::User {
                user_id: id,
                login,
                wrapped,
                profile,
            } if id == user_id => Some(UserSlotMut {
                login,
                wrapped,
                profile,
            }),
            _ => None,
        })
    }

    /// Removes `user_id`'s slot. `false` when there is no such user.
    pub(crate) fn remove_user(&mut self, user_id: &str) -> bool {
        let before = self.slots.len();
        self.slots
            .retain(|s| !matches!(s, Slot::User { user_id: id, .. } if id == user_id));
        self.slots.len() != before
    }

    /// Makes a new recovery key, replacing the old recovery slot; answers the key to show once.
    pub(crate) fn replace_recovery(
        &mut self,
        key: &DataKey,
        params: KdfParams,
    ) -> Result<Zeroizing<String>> {
        let mut raw = Zeroizing::new([0u8; 20]);
        getrandom::fill(raw.as_mut()).map_err(|e| Error::Internal(e.to_string()))?;
        let secret = Zeroizing::new(data_encoding::BASE32_NOPAD.encode(raw.as_slice()));
        let wrapped = Wrapped::wrap(key, &secret, params)?;
        self.slots.retain(|s| !matches!(s, Slot::Recovery { .. }));
        self.slots.push(Slot::Recovery { wrapped });
        let shown: Vec<&str> = secret
            .as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).expect("base32 is ASCII"))
            .collect();
        Ok(Zeroizing::new(shown.join("-")))
    }

    fn user_slot_by_login(&self, login: &str) -> Option<(&str, &Wrapped, &Sealed)> {
        self.slots.iter().find_map(|s| match s {
            Slot::User {
                user_id,
                login: l,
                wrapped,
                profile,
            } if l == login => Some((user_id.as_str(), wrapped, profile)),
            _ => None,
        })
    }

    pub fn read(path: &Path) -> Result<KeyFile> {
        let text = fs::read_to_string(path).map_err(|e| Error::KeyFileUnusable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        KeyFile::parse(&text).map_err(|detail| Error::KeyFileUnusable {
            path: path.to_path_buf(),
            detail,
        })
    }

    /// Reads a key file's JSON (format 1 or 2).
    pub fn parse(text: &str) -> std::result::Result<KeyFile, String> {
        let raw: RawFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        match raw.format {
            1 => {
                let first = raw.slots.into_iter().next().ok_or("no slot")?;
                let slot: LegacySlot = serde_json::from_value(first).map_err(|e| e.to_string())?;
                Ok(KeyFile {
                    slots: Vec::new(),
                    legacy: Some(slot.wrapped),
                })
            }
            FORMAT => {
                let slots = raw
                    .slots
                    .into_iter()
                    .map(serde_json::from_value)
                    .collect::<std::result::Result<Vec<Slot>, _>>()
                    .map_err(|e| e.to_string())?;
                if !slots.iter().any(|s| matches!(s, Slot::User { .. })) {
                    return Err("no user slot".into());
                }
                Ok(KeyFile {
                    slots,
                    legacy: None,
                })
            }
            other => Err(format!("unknown format {other}")),
        }
    }

    /// Writes the key file so that a crash leaves either the old file or the new one.
    pub fn write(&self, path: &Path) -> Result<()> {
        let text =
            serde_json::to_string_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        crate::io::write_bytes_atomically(path, text.as_bytes()).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }
}

/// One user's slot, to change in place.
struct UserSlotMut<'a> {
    login: &'a str,
    wrapped: &'a mut Wrapped,
    profile: &'a mut Sealed,
}

/// A user slot to make.
pub struct NewSlotUser<'a> {
    pub user_id: &'a str,
    pub login: &'a str,
    pub passphrase: &'a str,
    pub profile: Profile,
}

/// The recovery key as typed: NFKC (full-width letters and digits become ASCII), upper case,
/// and everything but letters and digits dropped (the dashes and spaces of the printout).
fn normalize_recovery_key(typed: &str) -> Zeroizing<String> {
    use unicode_normalization::UnicodeNormalization;
    Zeroizing::new(
        typed
            .nfkc()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect(),
    )
}

impl Wrapped {
    fn wrap(key: &DataKey, secret: &str, params: KdfParams) -> Result<Wrapped> {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut salt).map_err(|e| Error::Internal(e.to_string()))?;
        getrandom::fill(&mut nonce).map_err(|e| Error::Internal(e.to_string()))?;
        let kek = derive(secret, &salt, params)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(kek.as_slice()));
        let wrapped = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.0.as_ref(),
                    aad: AAD,
                },
            )
            .map_err(|e| Error::Internal(e.to_string()))?;
        Ok(Wrapped {
            kdf: Kdf {
                algorithm: "argon2id".into(),
                params,
                salt: B64.encode(salt),
            },
            cipher: "xchacha20poly1305".into(),
            nonce: B64.encode(nonce),
            wrapped_key: B64.encode(wrapped),
        })
    }

    /// `Ok(None)` when the secret does not open this slot.
    fn unwrap(&self, secret: &str) -> Result<Option<DataKey>> {
        if self.kdf.algorithm != "argon2id" || self.cipher != "xchacha20poly1305" {
            return Err(bad("unknown algorithm"));
        }
        let salt = B64.decode(&self.kdf.salt).map_err(|_| bad("salt"))?;
        let nonce = B64.decode(&self.nonce).map_err(|_| bad("nonce"))?;
        let wrapped = B64
            .decode(&self.wrapped_key)
            .map_err(|_| bad("wrapped key"))?;
        if nonce.len() != 24 {
            return Err(bad("nonce length"));
        }
        let kek = derive(secret, &salt, self.kdf.params)?;
        let cipher = XChaCha20Poly1305::new(chacha20poly1305::Key::from_slice(kek.as_slice()));
        let Ok(mut plain) = cipher.decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &wrapped,
                aad: AAD,
            },
        ) else {
            return Ok(None);
        };
        if plain.len() != KEY_LEN {
            plain.zeroize();
            return Err(bad("key length"));
        }
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        bytes.copy_from_slice(&plain);
        plain.zeroize();
        Ok(Some(DataKey(bytes)))
    }
}

fn bad(detail: &str) -> Error {
    Error::KeyFileUnusable {
        path: Default::default(),
        detail: detail.to_string(),
    }
}

fn profile_aad(user_id: &str, login: &str) -> Vec<u8> {
    format!("{PROFILE_AAD}\0{user_id}\0{login}").into_bytes()
}

fn seal_profile(key: &DataKey, user_id: &str, login: &str, p: &Profile) -> Result<Sealed> {
    let plain = serde_json::to_vec(p).map_err(|e| Error::Internal(e.to_string()))?;
    key.seal("profile", &profile_aad(user_id, login), &plain)
}

/// A profile that does not open (edited, or moved from another slot) makes the key file
/// unusable rather than guessing a role.
fn open_profile(key: &DataKey, user_id: &str, login: &str, s: &Sealed) -> Result<Profile> {
    let plain = key
        .open("profile", &profile_aad(user_id, login), s)
        .ok_or_else(|| bad("a user's profile was changed outside the app"))?;
    serde_json::from_slice(&plain).map_err(|_| bad("profile"))
}

fn derive(passphrase: &str, salt: &[u8], p: KdfParams) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let params = Params::new(p.memory_kib, p.iterations, p.parallelism, Some(KEY_LEN))
        .map_err(|e| Error::Internal(format!("argon2 parameters: {e}")))?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| Error::Internal(format!("argon2: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admin<'a>(passphrase: &'a str) -> NewSlotUser<'a> {
        NewSlotUser {
            user_id: "u1",
            login: "admin",
            passphrase,
            profile: Profile {
                display_name: "管理者".into(),
                role: UserRole::Admin,
            },
        }
    }

    #[test]
    fn the_right_passphrase_unwraps_the_same_key_and_a_wrong_one_is_refused() {
        let (file, key, _) =
            KeyFile::create(&admin("right horse battery"), KdfParams::cheap_for_tests())
                .expect("creating a key file in memory cannot fail");
        let (again, user, _) = file.unlock("admin", "right horse battery").expect("same");
        assert_eq!(key.0.as_slice(), again.0.as_slice());
        assert_eq!(user.profile.role, UserRole::Admin);
        let wrong = file.unlock("admin", "wrong horse battery");
        assert!(
            matches!(
                &wrong,
                Err(Error::Validation { field, problem: Invalid::WrongPassphrase }) if field.as_str() == "passphrase"
            ),
            "a wrong passphrase is a field error, not a damaged file"
        );
        assert!(matches!(
            file.unlock("nobody", "right horse battery"),
            Err(Error::Validation {
                problem: Invalid::UnknownLogin,
                ..
            })
        ));
    }

    #[test]
    fn the_recovery_key_opens_as_printed_or_typed_loosely_and_a_wrong_one_is_refused() {
        let (file, key, recovery) =
            KeyFile::create(&admin("pass phrase here"), KdfParams::cheap_for_tests()).unwrap();
        assert_eq!(
            recovery.len(),
            32 + 7,
            "8 groups of 4 with dashes: {}",
            &*recovery
        );
        let (k, _) = file.unlock_with_recovery(&recovery).unwrap();
        assert_eq!(k.0.as_slice(), key.0.as_slice());
        let loose: String = recovery
            .to_lowercase()
            .replace('-', " ")
            .chars()
            .map(|c| {
                // Full-width, as a Japanese IME in full-width mode types it.
                if c.is_ascii_alphanumeric() {
                    char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap()
                } else {
                    c
                }
            })
            .collect();
        assert!(file.unlock_with_recovery(&loose).is_ok(), "{loose}");
        let mut wrong = recovery.to_string();
        wrong.replace_range(0..1, if wrong.starts_with('A') { "B" } else { "A" });
        assert!(matches!(
            file.unlock_with_recovery(&wrong),
            Err(Error::Validation {
                problem: Invalid::WrongRecoveryKey,
                ..
            })
        ));
    }

    #[test]
    fn a_profile_moved_to_another_slot_or_edited_makes_the_file_unusable() {
        let (mut file, key, _) =
            KeyFile::create(&admin("pass phrase here"), KdfParams::cheap_for_tests()).unwrap();
        file.add_user(
            &key,
            &NewSlotUser {
                user_id: "u2",
                login: "viewer",
                passphrase: "viewer pass phrase",
                profile: Profile {
                    display_name: "閲覧".into(),
                    role: UserRole::Viewer,
                },
            },
            KdfParams::cheap_for_tests(),
        )
        .unwrap();
        let admin_profile = match &file.slots[0] {
            Slot::User { profile, .. } => profile.clone(),
            _ => unreachable!(),
        };
        for slot in &mut file.slots {
            if let Slot::User { login, profile, .. } = slot
                && login == "viewer"
            {
                *profile = admin_profile.clone();
            }
        }
        let json = serde_json::to_string(&file).unwrap();
        let again = KeyFile::parse(&json).unwrap();
        assert!(
            matches!(
                again.unlock("viewer", "viewer pass phrase"),
                Err(Error::KeyFileUnusable { .. })
            ),
            "the admin's sealed profile copied into the viewer's slot must not make them admin"
        );
    }

    #[test]
    fn the_key_file_never_holds_the_key_in_the_clear() {
        let (file, key, recovery) =
            KeyFile::create(&admin("pass phrase here"), KdfParams::cheap_for_tests()).unwrap();
        let json = serde_json::to_string(&file).unwrap();
        let hex = key.sqlcipher_literal();
        let b64 = B64.encode(key.0.as_slice());
        assert!(
            !json.contains(&hex[2..66]),
            "raw key must not appear as hex"
        );
        assert!(!json.contains(&b64), "raw key must not appear as base64");
        assert!(
            !json.contains(&recovery.replace('-', "")),
            "nor the recovery key"
        );
        assert!(!json.contains("管理者"), "display names are sealed");
    }
}
