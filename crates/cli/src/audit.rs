//! `kakehashi audit …`: the tamper-evident audit log from the command line.
//!
//! - `audit verify` checks the hash chain and its head. Intact: the message and exit code 0.
//!   Tampered: the first break and where it is (seq, record, time), exit code
//!   [`TAMPERED_EXIT`] (7), distinct from the error codes.
//! - `audit list` prints the log newest first, filtered by child (case number), actor, entity,
//!   action and office days; `--json` prints the core's `AuditPage`.

use chrono::DateTime;
use clap::Subcommand;
use kakehashi::audit::AuditQuery;
use kakehashi::cases::CaseRef;
use kakehashi::record::office;
use kakehashi::{Error, Lang, Registry};

use crate::print_json;

/// The exit code of `audit verify` when the log was tampered with.
pub const TAMPERED_EXIT: i32 = 7;

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check that no audit row was edited, deleted, inserted or reordered (exit 7 if one was)
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// The audit log, newest first
    List {
        /// Only rows about this child (case number): the case and all its records
        #[arg(long = "child", value_name = "CASE_NO")]
        child: Option<String>,
        /// Only rows by this actor
        #[arg(long)]
        actor: Option<String>,
        /// Only this kind of record, e.g. child, provider, plan
        #[arg(long)]
        entity: Option<String>,
        /// Only create, update, delete, restore or view
        #[arg(long)]
        action: Option<String>,
        /// From this office day, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Up to this office day (included), YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Rows at most [default: 100, at most 1000]
        #[arg(long)]
        limit: Option<u32>,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        #[arg(long)]
        json: bool,
    },
}

/// Runs the command; `Ok(false)` when `verify` found tampering.
pub fn run(registry: &Registry, command: AuditCommand, lang: Lang) -> Result<bool, Error> {
    match command {
        AuditCommand::Verify { json } => {
            let result = registry.verify_audit(lang)?;
            if json {
                print_json(&result);
            } else if result.intact {
                println!("{}", result.message);
            } else {
                eprintln!("{}", result.message);
            }
            Ok(result.intact)
        }
        AuditCommand::List {
            child,
            actor,
            entity,
            action,
            from,
            to,
            limit,
            offset,
            json,
        } => {
            let child_id = match child {
                Some(case_number) => Some(registry.child_id_for(&CaseRef {
                    id: None,
                    case_number: Some(case_number),
                })?),
                None => None,
            };
            let page = registry.audit_entries(&AuditQuery {
                actor,
                entity,
                action,
                child_id,
                from,
                to,
                limit,
                offset,
                lang,
            })?;
            if json {
                print_json(&page);
            } else {
                for e in &page.entries {
                    println!(
                        "#{}\t{}\t{}\t{}",
                        e.seq,
                        office_time(&e.at),
                        e.actor,
                        e.summary
                    );
                }
                println!(
                    "{}",
                    lang.pick(
                        format!("{} 件中 {} 件", page.total, page.entries.len()),
                        format!("{} of {} rows", page.entries.len(), page.total)
                    )
                );
            }
            Ok(true)
        }
    }
}

/// An instant as the office reads it (UTC+9), to the minute.
fn office_time(at: &str) -> String {
    DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&office())
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}
