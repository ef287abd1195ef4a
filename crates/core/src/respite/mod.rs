//! Respite (短期入所・レスパイト, DOMAIN.md §6): a facility's beds per night by bed type with
//! exceptions for given nights, bookings of nights [from, to) with their lifecycle, the
//! waitlist in request order, and the month of nights. Confirmed stays never exceed a night's
//! beds, even when two users confirm at once: the check runs inside the write transaction,
//! which takes the write lock first (see `write`).

mod acceptance;
mod beds;
pub mod capacity;
pub(crate) mod read;
pub mod types;
pub(crate) mod write;

pub use types::*;
