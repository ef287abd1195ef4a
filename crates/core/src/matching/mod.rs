//! Matching (DOMAIN.md §5): for a child and a provider kind, every live provider's acceptance
//! conditions checked one by one against the child on a target date — met, unmet with the
//! reason, or unknown ("not answered" is not "no") — with the distance from the child's home
//! and whether the home is in the provider's service area.
//!
//! What is checked, in this order:
//! - 小児の受け入れ, 新規受け入れ: the answers as given (yes met, no unmet, not answered unknown);
//! - age in whole months on the target date against the age range, and the latest weight
//!   against the weight range (both inclusive; an absent limit holds nobody back, since the
//!   directory cannot tell "no limit" from "not answered"; weight limits with no weight on
//!   record are unknown);
//! - each care item the child has on the target date: accepted, refused, or not answered;
//! - the service area: the home's municipality (or its designated city) listed, or the home
//!   within the radius of the provider's point; nothing answered is unknown;
//! - nights and weekends, only when needed: the child breathes through a ventilator or a
//!   tracheostomy, or needs suction at least hourly, on the target date, and the provider
//!   comes to the home (在宅医, 訪問看護, 訪問介護, 医療機器業者). A specific answer decides;
//!   when it is not answered, 24時間対応 ○ covers it.
//!
//! The home point is the child's entered coordinates, else its municipality hall's; a
//! provider's point likewise. The rule is pure ([`evaluate`]); the use case
//! ([`crate::Registry::match_providers`]) reads the data and words the verdicts ([`words`]).
//!
//! Speed (100,000 providers of a kind in a few ms): the first pass that counts and orders
//! every provider runs over a compact in-memory index of the kind (`index`: per provider its
//! row id, point, limits, care-item answers as bit masks, area codes as small integers,
//! reading), which gives exactly [`evaluate::classify`]'s outcome and distance (property
//! tests compare them on random conditions). Only the listed page is then read from the
//! database and evaluated in full, so [`evaluate`] stays the one source of the verdicts and
//! their words. The indexes live in the registry's match cache (`cache`), built on the first
//! match of a kind and dropped when the directory changes: before each match the cache
//! compares `max(audit_log.seq)` (every use-case write appends audit rows; if any new one is
//! about a provider the indexes are dropped, other writes keep them) and `PRAGMA
//! data_version` (a commit by another connection drops them) with what it saw last. Inside
//! an open transaction the cache is bypassed.

pub(crate) mod cache;
pub mod evaluate;
mod index;
pub(crate) mod read;
#[cfg(test)]
mod tests;
pub mod types;
pub mod words;

pub use types::*;
