//! Emergency equipment lending (DOMAIN.md §7): kinds of equipment, units with asset tags and
//! condition, loans to children's families with due dates, the overdue list and each unit's
//! history. A unit is out on one loan at a time, even when two users lend it at once.

pub(crate) mod read;
pub mod types;
pub(crate) mod write;

pub use types::*;
