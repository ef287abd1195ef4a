//! The open form's unsaved input, kept across a lock (issue 8, auto-lock).
//!
//! When the app locks (idle, or "lock now") with a form open, the shell hands the form's
//! input here before the key is dropped. It is sealed with a key derived from the data key
//! (XChaCha20-Poly1305) into `kakehashi.draft` in the data directory, so it is never on disk
//! in the clear, and it is given back only to the same user after the next unlock.

use std::fs;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::io::write_bytes_atomically;
use crate::keys::Sealed;
use crate::users::Permission;
use crate::vault::Registry;

pub const DRAFT_FILE: &str = "kakehashi.draft";
const AAD: &[u8] = b"kakehashi draft v1";
/// The purpose of the data key's subkey that seals drafts.
const PURPOSE: &str = "draft";
/// A form's input is small; anything bigger is not a form.
const MAX_DRAFT_BYTES: usize = 1 << 20;

#[derive(Serialize, Deserialize)]
struct Plain {
    user_id: String,
    draft: String,
}

impl Registry {
    /// Seals `draft` (the open form's input, as the UI's JSON) for the signed-in user,
    /// replacing any draft kept before.
    pub fn keep_draft(&self, draft: &str) -> Result<()> {
        self.require(Permission::Read)?;
        if draft.len() > MAX_DRAFT_BYTES {
            return Err(Error::Internal(
                "the form's input is too large to keep".into(),
            ));
        }
        let plain = serde_json::to_vec(&Plain {
            user_id: self.session.user_id.clone(),
            draft: draft.to_string(),
        })
        .map_err(|e| Error::Internal(e.to_string()))?;
        let sealed = self.key.seal(PURPOSE, AAD, &plain)?;
        let text = serde_json::to_vec(&sealed).map_err(|e| Error::Internal(e.to_string()))?;
        let path = self.data_dir()?.join(DRAFT_FILE);
        write_bytes_atomically(&path, &text).map_err(|source| Error::Io { path, source })
    }

    /// The draft the signed-in user kept, removed once taken. Another user's draft stays for
    /// them; one that does not open (another registry's, damaged) is removed and ignored.
    pub fn take_draft(&self) -> Result<Option<String>> {
        self.require(Permission::Read)?;
        let path = self.data_dir()?.join(DRAFT_FILE);
        let Ok(bytes) = fs::read(&path) else {
            return Ok(None);
        };
        let Some(plain) = self.open_draft(&bytes) else {
            let _ = fs::remove_file(&path);
            return Ok(None);
        };
        if plain.user_id != self.session.user_id {
            return Ok(None);
        }
        fs::remove_file(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        Ok(Some(plain.draft))
    }

    fn open_draft(&self, bytes: &[u8]) -> Option<Plain> {
        let sealed: Sealed = serde_json::from_slice(bytes).ok()?;
        let plain = self.key.open(PURPOSE, AAD, &sealed)?;
        serde_json::from_slice(&plain).ok()
    }
}
