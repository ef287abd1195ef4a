//! `kakehashi export …`: the printable documents of issue 7 — a child's case summary,
//! discharge plan handout and emergency information sheet (PDF), and the emergency roster
//! (PDF, CSV or XLSX). Files are written whole or not at all.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use kakehashi::cases::{CaseRef, ConsentScope};
use kakehashi::disaster::{RosterFormat, RosterQuery};
use kakehashi::error::Invalid;
use kakehashi::pdf::{DocumentKind, DocumentRequest};
use kakehashi::providers::export::CsvEncoding;
use kakehashi::{Error, Lang, Registry};

use crate::stamp;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// ケースサマリー: identity, diagnoses, care items with both scores, team, disaster
    /// profile, consent
    CaseSummary(ChildDocument),
    /// 退院支援計画: the active plan's timeline and tasks by role
    Plan(ChildDocument),
    /// 緊急時情報シート for 消防・電力会社 (one A4 page)
    EmergencySheet(ChildDocument),
    /// 緊急時連絡網: every child at home by risk
    Roster {
        /// Only this municipality (a city with wards takes its wards)
        #[arg(long, value_name = "CODE")]
        municipality: Option<String>,
        #[arg(long, value_enum, default_value_t = RosterFormatArg::Pdf)]
        format: RosterFormatArg,
        /// CSV only
        #[arg(long, value_enum, default_value_t = EncodingArg::Utf8Bom)]
        encoding: EncodingArg,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Args)]
pub struct ChildDocument {
    /// The child's case number (e.g. KH-2026-0007) or record id
    child: String,
    #[arg(long)]
    out: PathBuf,
    /// Who it is for when it leaves the team: care_team, hospitals, municipality, schools,
    /// fire_department, power_company. Refused unless the family's consent covers it.
    #[arg(long)]
    recipient: Option<String>,
    /// Make it even though the consent does not cover the recipient (the coordinator
    /// confirmed with the family); the document says so
    #[arg(long)]
    despite_consent: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RosterFormatArg {
    Pdf,
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    #[value(name = "utf8-bom", alias = "utf8")]
    Utf8Bom,
    #[value(name = "shift-jis", alias = "sjis")]
    ShiftJis,
}

pub fn run(registry: &Registry, command: ExportCommand, lang: Lang) -> Result<(), Error> {
    let stamp = stamp(registry);
    match command {
        ExportCommand::CaseSummary(args) => {
            document(registry, DocumentKind::CaseSummary, args, lang)
        }
        ExportCommand::Plan(args) => document(registry, DocumentKind::PlanHandout, args, lang),
        ExportCommand::EmergencySheet(args) => {
            document(registry, DocumentKind::EmergencySheet, args, lang)
        }
        ExportCommand::Roster {
            municipality,
            format,
            encoding,
            out,
        } => {
            let format = match format {
                RosterFormatArg::Pdf => RosterFormat::Pdf,
                RosterFormatArg::Csv => RosterFormat::Csv,
                RosterFormatArg::Xlsx => RosterFormat::Xlsx,
            };
            let encoding = match encoding {
                EncodingArg::Utf8Bom => CsvEncoding::Utf8Bom,
                EncodingArg::ShiftJis => CsvEncoding::ShiftJis,
            };
            let query = RosterQuery {
                municipality_code: municipality.filter(|m| !m.trim().is_empty()),
            };
            let children = registry.export_roster(&query, format, encoding, &out, &stamp)?;
            println!(
                "{}",
                lang.pick(
                    format!("{}（{children}人）", out.display()),
                    format!("{} ({children} children)", out.display()),
                )
            );
            Ok(())
        }
    }
}

fn document(
    registry: &Registry,
    kind: DocumentKind,
    args: ChildDocument,
    lang: Lang,
) -> Result<(), Error> {
    let stamp = stamp(registry);
    let recipient = match args.recipient.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => Some(ConsentScope::from_code(code).ok_or_else(|| {
            Error::invalid(
                "recipient",
                Invalid::UnknownCode {
                    code: code.to_string(),
                },
            )
        })?),
    };
    let child = child_id(registry, &args.child)?;
    let request = DocumentRequest {
        kind,
        child_id: child,
        recipient,
        acknowledge_consent_gap: args.despite_consent,
    };
    registry.write_document_pdf(&request, &args.out, &stamp)?;
    println!(
        "{}",
        lang.pick(
            format!("{}（{}）", args.out.display(), kind.title()),
            format!("{}", args.out.display()),
        )
    );
    Ok(())
}

/// A child by case number, or else by record id (a lookup, not a view of the case).
fn child_id(registry: &Registry, reference: &str) -> Result<String, Error> {
    let by_number = registry.child_id_for(&CaseRef {
        id: None,
        case_number: Some(reference.to_string()),
    });
    match by_number {
        Err(Error::NotFound { .. }) => registry.child_id_for(&CaseRef {
            id: Some(reference.to_string()),
            case_number: None,
        }),
        other => other,
    }
}
