//! The core's integration tests: the public use cases against real encrypted databases in
//! temp directories. One binary; each module is one area of behaviour.

mod campaigns;
mod cases;
mod demo;
mod export;
mod import;
mod matching;
mod municipalities;
mod plans;
mod providers;
mod schema_upgrade;
mod support;
mod vault;
