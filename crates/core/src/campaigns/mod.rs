//! Survey campaigns (DOMAIN.md §4): the survey sent to a target list of providers, where
//! chasing each one stands, and their answers recorded as new conditions versions.

pub(crate) mod read;
pub mod types;
pub(crate) mod write;

pub use types::*;
