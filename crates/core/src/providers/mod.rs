//! The resource directory (DOMAIN.md §4): providers, their acceptance conditions kept as
//! dated versions, and their publication consent.

pub mod export;
pub mod import;
pub(crate) mod read;
pub mod types;
pub(crate) mod validate;
pub(crate) mod write;

pub use types::*;
pub(crate) use write::insert_provider_record;
