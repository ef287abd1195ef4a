//! `kakehashi cases …`: the case registry from the command line. The JSON shapes are the
//! core's types (docs/cases-json.md).

use std::io::Read;
use std::path::PathBuf;

use clap::Subcommand;
use kakehashi::cases::{CaseRef, CaseSearch, RegisterChildRequest};
use kakehashi::domain::care_item::CareItemCode;
use kakehashi::domain::child_status::ChildStatus;
use kakehashi::{Error, Registry};

use crate::{print_json, stamp};

#[derive(Subcommand)]
pub enum CasesCommand {
    /// Register one or many children from a JSON file (an object or an array of
    /// RegisterChildRequest; `-` reads standard input)
    Add {
        #[arg(long = "json", value_name = "FILE")]
        file: PathBuf,
        /// Register even when possible duplicates exist
        #[arg(long)]
        allow_duplicates: bool,
    },
    /// Show one case with its computed scores and breakdowns
    Show {
        case_number: String,
        #[arg(long)]
        json: bool,
    },
    /// List cases (五十音順), filtered
    List {
        #[arg(long, default_value = "")]
        query: String,
        #[arg(long)]
        municipality: Option<String>,
        /// A status code, e.g. at_home
        #[arg(long)]
        status: Option<String>,
        /// A care item code, e.g. ventilator
        #[arg(long)]
        care_item: Option<String>,
        #[arg(long)]
        score_min: Option<u32>,
        #[arg(long)]
        score_max: Option<u32>,
        #[arg(long, default_value_t = 1000)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(registry: &mut Registry, command: CasesCommand) -> Result<(), Error> {
    match command {
        CasesCommand::Add {
            file,
            allow_duplicates,
        } => add(registry, &file, allow_duplicates),
        CasesCommand::Show { case_number, json } => {
            let detail = registry.get_child(
                &CaseRef {
                    id: None,
                    case_number: Some(case_number),
                },
                &stamp(registry),
            )?;
            if json {
                print_json(&detail);
            } else {
                println!(
                    "{}  {}（{}）  {}",
                    detail.case_number,
                    detail.child.name,
                    detail.child.kana,
                    detail.status.label_ja()
                );
                println!(
                    "医療的ケア判定スコア {} · 超重症児スコア {}",
                    detail.scores.medical_care.total, detail.scores.severe.total
                );
            }
            Ok(())
        }
        CasesCommand::List {
            query,
            municipality,
            status,
            care_item,
            score_min,
            score_max,
            limit,
            json,
        } => {
            let search = CaseSearch {
                query,
                municipality_code: municipality,
                status: status
                    .map(|s| code_arg::<ChildStatus>("status", &s))
                    .transpose()?,
                care_item: care_item
                    .map(|c| code_arg::<CareItemCode>("care_item", &c))
                    .transpose()?,
                score_min,
                score_max,
                limit: Some(limit),
                offset: 0,
            };
            let result = registry.search_children(&search)?;
            if json {
                print_json(&result);
            } else {
                for row in &result.rows {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        row.case_number,
                        row.name,
                        row.kana,
                        row.municipality_name,
                        row.medical_care_score
                    );
                }
                println!("{} / {}", result.rows.len(), result.total);
            }
            Ok(())
        }
    }
}

/// Parses a DOMAIN code given on the command line, or names the option that was wrong.
fn code_arg<T: serde::de::DeserializeOwned>(field: &str, code: &str) -> Result<T, Error> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).map_err(|_| {
        Error::invalid(
            field,
            kakehashi::error::Invalid::UnknownCode {
                code: code.to_string(),
            },
        )
    })
}

fn add(registry: &mut Registry, file: &PathBuf, allow_duplicates: bool) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: file.clone(),
        source,
    };
    let mut text = String::new();
    if file.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map_err(io)?;
    } else {
        text = std::fs::read_to_string(file).map_err(io)?;
    }
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Error::invalid("json", json_problem(e)))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        one => vec![one],
    };
    let mut requests = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let mut req: RegisterChildRequest = serde_json::from_value(item)
            .map_err(|e| Error::invalid(format!("[{i}]"), json_problem(e)))?;
        req.confirmed_not_duplicate |= allow_duplicates;
        requests.push(req);
    }
    let mut added = Vec::new();
    for (i, req) in requests.iter().enumerate() {
        match registry.register_child(req, &stamp(registry)) {
            Ok(detail) => added
                .push(serde_json::json!({ "id": detail.id, "case_number": detail.case_number })),
            Err(e) => {
                // Say which entry failed; the ones before it are saved, each in its own transaction.
                print_json(&added);
                return Err(match e {
                    Error::Validation { field, problem } => {
                        Error::invalid(format!("[{i}].{field}"), problem)
                    }
                    other => other,
                });
            }
        }
    }
    print_json(&added);
    Ok(())
}

fn json_problem(e: serde_json::Error) -> kakehashi::error::Invalid {
    kakehashi::error::Invalid::MalformedJson {
        line: e.line(),
        detail: e.to_string(),
    }
}
