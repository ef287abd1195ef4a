//! Use case: find municipalities by name, reading or code.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Result};
use crate::store::municipality::{self, Municipality};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

/// Longest query accepted; a municipality name is never near this.
const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct MunicipalityQuery {
    /// Name, reading (hiragana or katakana, full or half width) or code prefix; empty = all.
    pub query: String,
}

impl Registry {
    /// Municipalities whose name or reading contains the query, or whose code starts with
    /// it, in 五十音順 (by reading).
    pub fn list_municipalities(&self, q: &MunicipalityQuery) -> Result<Vec<Municipality>> {
        self.require(Permission::Read)?;
        if q.query.chars().count() > MAX_QUERY_CHARS {
            return Err(Error::invalid(
                "query",
                Invalid::TooLong {
                    max_chars: MAX_QUERY_CHARS,
                },
            ));
        }
        let needle = fold(&q.query);
        let mut found: Vec<(String, Municipality)> = municipality::all(&self.conn)?
            .into_iter()
            .filter(|m| {
                needle.is_empty()
                    || fold(&m.name).contains(&needle)
                    || fold(&m.kana).contains(&needle)
                    || m.code6.starts_with(&needle)
                    || m.code5.starts_with(&needle)
            })
            .map(|m| (fold(&m.kana), m))
            .collect();
        found.sort_by(|(a, ma), (b, mb)| a.cmp(b).then_with(|| ma.code6.cmp(&mb.code6)));
        Ok(found.into_iter().map(|(_, m)| m).collect())
    }
}
