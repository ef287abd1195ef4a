//! The data key and the file that keeps it wrapped.
//!
//! A random 256-bit data key encrypts the database (SQLCipher raw key). The key is never
//! stored in the clear: the key file beside the database holds it wrapped with
//! XChaCha20-Poly1305 under a key derived from the user's passphrase with Argon2id.
//! A wrong passphrase fails the AEAD tag check, so it is told apart from a damaged database.
//!
//! This module is the one seam for where the key comes from: users, roles and an
//! organisation recovery slot will become more slots in this file, not changes elsewhere.

use std::fs;
use std::io::Write;
use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, Invalid, Result};

/// Bound into every wrapped key, so a wrapped key from another format cannot be replayed.
const AAD: &[u8] = b"kakehashi key file v1";
const KEY_LEN: usize = 32;

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
}

/// Argon2id cost. The defaults follow OWASP's advice for interactive logins on a laptop
/// (64 MiB, 3 passes); tests pass cheaper ones. The chosen cost is stored in the key file.
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

#[derive(Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

/// One wrapped copy of the data key. Today there is one slot (the owner's passphrase).
#[derive(Serialize, Deserialize)]
struct Slot {
    label: String,
    kdf: Kdf,
    cipher: String,
    nonce: String,
    wrapped_key: String,
}

/// The key file's JSON.
#[derive(Serialize, Deserialize)]
pub struct KeyFile {
    format: u32,
    slots: Vec<Slot>,
}

impl KeyFile {
    /// Makes a new random data key and a key file holding it wrapped by `passphrase`.
    pub fn create(passphrase: &str, params: KdfParams) -> Result<(KeyFile, DataKey)> {
        let key = DataKey::random()?;
        let slot = Slot::wrap(&key, "owner", passphrase, params)?;
        Ok((
            KeyFile {
                format: 1,
                slots: vec![slot],
            },
            key,
        ))
    }

    /// Unwraps the data key with `passphrase`; a wrong passphrase is a validation error
    /// on the `passphrase` field.
    pub fn unwrap_key(&self, passphrase: &str) -> Result<DataKey> {
        for slot in &self.slots {
            if let Some(key) = slot.unwrap(passphrase)? {
                return Ok(key);
            }
        }
        Err(Error::invalid("passphrase", Invalid::WrongPassphrase))
    }

    pub fn read(path: &Path) -> Result<KeyFile> {
        let unusable = |detail: String| Error::KeyFileUnusable {
            path: path.to_path_buf(),
            detail,
        };
        let text = fs::read_to_string(path).map_err(|e| unusable(e.to_string()))?;
        let file: KeyFile = serde_json::from_str(&text).map_err(|e| unusable(e.to_string()))?;
        if file.format != 1 || file.slots.is_empty() {
            return Err(unusable(format!("unknown format {}", file.format)));
        }
        Ok(file)
    }

    /// Writes the key file so that a crash leaves either the old file or the new one:
    /// a temp file beside it, synced, then renamed over.
    pub fn write(&self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let text =
            serde_json::to_string_pretty(self).map_err(|e| Error::Internal(e.to_string()))?;
        let tmp = path.with_extension("tmp");
        let mut f = fs::File::create(&tmp).map_err(io)?;
        f.write_all(text.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
        fs::rename(&tmp, path).map_err(io)?;
        if let Some(dir) = path.parent() {
            // Persist the rename itself; not all platforms can open a directory.
            if let Ok(d) = fs::File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    }
}

impl Slot {
    fn wrap(key: &DataKey, label: &str, passphrase: &str, params: KdfParams) -> Result<Slot> {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut salt).map_err(|e| Error::Internal(e.to_string()))?;
        getrandom::fill(&mut nonce).map_err(|e| Error::Internal(e.to_string()))?;
        let kek = derive(passphrase, &salt, params)?;
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
        Ok(Slot {
            label: label.to_string(),
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

    /// `Ok(None)` when the passphrase does not open this slot.
    fn unwrap(&self, passphrase: &str) -> Result<Option<DataKey>> {
        let bad = |detail: &str| Error::KeyFileUnusable {
            path: Default::default(),
            detail: detail.to_string(),
        };
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
        let kek = derive(passphrase, &salt, self.kdf.params)?;
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

    #[test]
    fn the_right_passphrase_unwraps_the_same_key_and_a_wrong_one_is_refused() {
        let (file, key) = KeyFile::create("right horse battery", KdfParams::cheap_for_tests())
            .expect("creating a key file in memory cannot fail");
        let again = file
            .unwrap_key("right horse battery")
            .expect("same passphrase");
        assert_eq!(
            key.0.as_slice(),
            again.0.as_slice(),
            "unwrapping must give back the key that was wrapped"
        );
        let wrong = file.unwrap_key("wrong horse battery");
        assert!(
            matches!(
                &wrong,
                Err(Error::Validation { field, problem: Invalid::WrongPassphrase }) if field.as_str() == "passphrase"
            ),
            "a wrong passphrase is a field error, not a damaged file"
        );
    }

    #[test]
    fn the_key_file_never_holds_the_key_in_the_clear() {
        let (file, key) =
            KeyFile::create("pass phrase here", KdfParams::cheap_for_tests()).unwrap();
        let json = serde_json::to_string(&file).unwrap();
        let hex = key.sqlcipher_literal();
        let b64 = B64.encode(key.0.as_slice());
        assert!(
            !json.contains(&hex[2..66]),
            "raw key must not appear as hex"
        );
        assert!(!json.contains(&b64), "raw key must not appear as base64");
    }
}
