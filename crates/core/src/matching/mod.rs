//! Matching (DOMAIN.md §5): for a child and a provider kind, every live provider's acceptance
//! conditions checked one by one against the child on a target date — met, unmet with the
//! reason, or unknown ("not answered" is not "no") — with the distance from the child's home
//! and whether the home is in the provider's service area.
//!
//! What is checked, in this order:
//! - 小児の受け入れ, 新規受け入れ: the answers as given (yes met, no unmet, not answered unknown);
//! - age in whole months on the target date against the age range, and the latest weight
//!   against the weight range (both inclusive; an absent limit holds nobody back, since the
//!   directory cannot tell "no limit" from "not answered"; weight limits with no weight on
//!   record are unknown);
//! - each care item the child has on the target date: accepted, refused, or not answered;
//! - the service area: the home's municipality (or its designated city) listed, or the home
//!   within the radius of the provider's point; nothing answered is unknown;
//! - nights and weekends, only when needed: the child breathes through a ventilator or a
//!   tracheostomy, or needs suction at least hourly, on the target date, and the provider
//!   comes to the home (在宅医, 訪問看護, 訪問介護, 医療機器業者). A specific answer decides;
//!   when it is not answered, 24時間対応 ○ covers it.
//!
//! The home point is the child's entered coordinates, else its municipality hall's; a
//! provider's point likewise. The rule is pure ([`evaluate`]); the use case
//! ([`crate::Registry::match_providers`]) reads the data and words the verdicts ([`words`]).

pub mod evaluate;
mod read;
#[cfg(test)]
mod tests;
pub mod types;
pub mod words;

pub use types::*;
