//! Discharge-to-home planning (DOMAIN.md §5): a child's plan with a target discharge date,
//! tasks made from a pathway template, the care team, referrals with their lifecycle,
//! conferences and the family's training checklist; the editable templates; the dashboard.

pub(crate) mod read;
pub(crate) mod team;
pub mod template;
pub mod types;
pub(crate) mod write;

pub use types::*;
