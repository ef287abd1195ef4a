//! The case registry (DOMAIN.md §2–3): intake with the duplicate check, edits, status
//! changes, weights, the case page and the case list. Every write is one transaction with
//! its audit rows; scores are computed by the pure rules in `domain::scores` and stored as
//! snapshots with their rule version.

pub(crate) mod read;
pub mod types;
pub(crate) mod validate;
mod write;

pub use types::*;
pub(crate) use write::insert_child_record;
