//! The match cache on the unlocked [`Registry`]: one [`KindIndex`] per provider kind, built
//! from the database on the first match of the kind and reused until the directory changes.
//!
//! Before each match the cache compares two cheap counters with those it was built at:
//! - `max(audit_log.seq)`: every write of a use case appends audit rows in its transaction
//!   (CONVENTIONS.md), and `seq` only grows (AUTOINCREMENT; audit rows are never deleted).
//!   When it moved, the new audit rows (`seq` above the last one checked, read by row id) are
//!   looked at: if any is about a provider (`entity = 'provider'`, which every write of a
//!   provider row through `store::rows` is), every index is dropped; otherwise (a child, a
//!   plan…) they are kept. Municipalities, the other table the index reads (halls of providers
//!   without coordinates), are written only when the registry is opened.
//! - `PRAGMA data_version`, which changes when another connection commits (this one's own
//!   commits are seen through the audit log); then every index is dropped.
//!
//! Inside an open transaction (never the case for a use case, which takes `&self`) the cache
//! is neither read nor filled: what the transaction sees may yet be rolled back.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::Connection;

use crate::domain::provider_kind::ProviderKind;
use crate::error::Result;
use crate::matching::index::KindIndex;
use crate::store::provider::PROVIDER;
use crate::vault::Registry;

/// The cached indexes and the counters they were built at (see the module doc).
#[derive(Debug, Default)]
pub struct MatchCache {
    seen: Option<Seen>,
    kinds: HashMap<ProviderKind, KindIndex>,
}

/// Where the database stood when the cache was last checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    audit_seq: i64,
    data_version: i64,
}

impl MatchCache {
    /// The index of `kind`, built by `build` when the directory changed since it was built
    /// (or it never was).
    pub(crate) fn index(
        &mut self,
        conn: &Connection,
        kind: ProviderKind,
        build: impl FnOnce() -> Result<KindIndex>,
    ) -> Result<&KindIndex> {
        let now = Seen {
            audit_seq: conn
                .prepare_cached("SELECT coalesce(max(seq), 0) FROM audit_log")?
                .query_row([], |r| r.get(0))?,
            data_version: conn.pragma_query_value(None, "data_version", |r| r.get(0))?,
        };
        match self.seen {
            Some(seen) if seen == now => {}
            Some(seen)
                if seen.data_version == now.data_version
                    && seen.audit_seq < now.audit_seq
                    && !providers_written_after(conn, seen.audit_seq)? => {}
            _ => self.kinds.clear(),
        }
        self.seen = Some(now);
        Ok(match self.kinds.entry(kind) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(v) => v.insert(build()?),
        })
    }

    /// Bytes held by the cached indexes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.kinds.values().map(KindIndex::heap_bytes).sum()
    }
}

/// Whether an audit row about a provider came after `seq`. Reads the new rows by row id
/// (`NOT INDEXED`: the entity index would walk every provider's audit rows instead).
fn providers_written_after(conn: &Connection, seq: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM audit_log NOT INDEXED WHERE seq > ?1 AND entity = ?2)",
        )?
        .query_row(rusqlite::params![seq, PROVIDER], |r| r.get(0))?)
}

// The shell keeps the registry in a `Mutex`, which needs it `Send`; the cache must keep it so.
const _: fn() = || {
    fn send<T: Send>() {}
    send::<Registry>();
};

impl Registry {
    /// Bytes the match cache holds now (its indexes of provider kinds), for measuring.
    pub fn match_cache_bytes(&self) -> usize {
        self.match_cache.borrow().heap_bytes()
    }
}
