//! The core's integration tests: the public use cases against real encrypted databases in
//! temp directories. One binary; each module is one area of behaviour.

mod audit;
mod backup;
mod campaigns;
mod cases;
mod consultations;
mod crash;
mod demo;
mod disaster;
mod drafts;
mod equipment;
mod export;
mod formula_injection;
mod fuzz_regressions;
mod hardening;
mod import;
mod matching;
mod municipalities;
mod no_plaintext;
mod pdf;
mod plans;
mod providers;
mod respite;
mod roles;
mod schema_upgrade;
mod support;
mod users;
mod vault;
