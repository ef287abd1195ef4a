//! The core's integration tests: the public use cases against real encrypted databases in
//! temp directories. One binary; each module is one area of behaviour.

mod campaigns;
mod cases;
mod consultations;
mod demo;
mod equipment;
mod export;
mod import;
mod matching;
mod municipalities;
mod plans;
mod providers;
mod respite;
mod schema_upgrade;
mod support;
mod vault;
