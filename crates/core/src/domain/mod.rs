//! Domain nouns and pure rules: no SQL, no clock, no I/O.

pub mod care_item;
pub mod child_status;
pub mod provider_kind;
pub mod role;
pub mod scores;
