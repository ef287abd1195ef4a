//! The 24/365 consultation log (DOMAIN.md §8): each call with when, who called, the child if
//! any, topic, outcome, staff and minutes; the list with filters; a year's counts per month by
//! outcome and caller type (the yearly report's figures).

pub(crate) mod read;
pub mod types;
pub(crate) mod write;

pub use types::*;
