//! # Kakehashi core
//!
//! The domain core of Kakehashi (かけはし), the offline-first desktop registry of a pediatric
//! home-care coordination office: children at home with medical care needs, the providers
//! that can care for them, discharge planning, respite, and disaster preparedness.
//!
//! The core knows nothing of windows, terminals or JavaScript. Shells (the Tauri app, the
//! CLI) take a [`vault::Vault`] for a data directory, set it up or unlock it to get a
//! [`vault::Registry`], and call the use cases on it — plain request structs in, plain
//! structs out, and on failure an [`error::Error`] that [`error::Error::to_api`] turns into
//! the [`error::ApiError`] a person is shown.
//!
//! Layout: [`domain`] holds pure rules (no SQL, no clock), [`store`] the encrypted SQLite
//! database and one module per table group, and one module per use case area
//! ([`municipalities`], [`demo`]).

pub mod audit;
pub mod backup;
// The TypeScript types include the documents' (feature `pdf`, always on outside the fuzz crate).
#[cfg(feature = "pdf")]
pub mod bindings;
pub mod campaigns;
pub mod cases;
pub mod consultations;
pub mod demo;
pub mod disaster;
pub mod domain;
pub mod drafts;
pub mod equipment;
pub mod error;
pub mod io;
pub mod keys;
pub mod matching;
pub mod municipalities;
pub mod overview;
pub mod passphrase;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod plans;
pub mod providers;
pub mod record;
pub mod respite;
pub mod settings;
pub mod store;
pub mod text;
pub mod users;
pub mod vault;

pub use error::{ApiError, Error, ErrorKind, Lang, Result};
pub use vault::{AppStatus, Registry, Vault, VaultState};
