//! Disaster preparedness (DOMAIN.md §7): each child's profile — power-dependent devices and
//! their batteries, other power, spare consumables, the registrations (電力会社,
//! 避難行動要支援者名簿, 個別避難計画), where to go and whom to call — with the warnings of what
//! is missing, and the emergency roster (緊急時連絡網) of every child at home by risk, as a
//! table, CSV or XLSX.

mod export;
pub(crate) mod read;
mod roster;
pub mod types;
pub mod warnings;
pub mod words;
pub(crate) mod write;

pub use export::{ROSTER_HEADERS, roster_cells};
pub use roster::{RiskFacts, risk_order};
pub use types::*;
pub use write::{MAX_BATTERY_HOURS, MAX_CONSUMABLES_DAYS, MAX_ENTRIES};
