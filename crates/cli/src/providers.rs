//! `kakehashi providers …`: the resource directory from the command line.

use std::path::PathBuf;

use clap::Subcommand;
use kakehashi::io::{Encoding, Mapping};
use kakehashi::providers::ProviderSearch;
use kakehashi::providers::export::{CsvEncoding, ExportOptions};
use kakehashi::providers::import::{ImportMode, ImportOptions};
use kakehashi::{Error, Lang, Registry};

use crate::{print_json, stamp};

#[derive(Subcommand)]
pub enum ProvidersCommand {
    /// Import providers from a CSV (UTF-8 or Shift_JIS) or XLSX file
    Import {
        file: PathBuf,
        /// utf8, sjis or auto
        #[arg(long, default_value = "auto")]
        encoding: String,
        /// Check and count only; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Write nothing if any row has an error (default: import the good rows)
        #[arg(long)]
        all_or_nothing: bool,
        /// A column mapping (JSON) instead of the recognised one
        #[arg(long)]
        mapping: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Export the directory as CSV: everything, or with --public only the consented parts
    Export {
        #[arg(long)]
        public: bool,
        /// utf8 (with BOM, default) or sjis
        #[arg(long, default_value = "utf8")]
        encoding: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// List providers (五十音順)
    List {
        #[arg(long, default_value = "")]
        query: String,
        #[arg(long, default_value_t = 1000)]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(registry: &mut Registry, command: ProvidersCommand, lang: Lang) -> Result<(), Error> {
    match command {
        ProvidersCommand::Import {
            file,
            encoding,
            dry_run,
            all_or_nothing,
            mapping,
            json,
        } => {
            let encoding: Encoding = encoding.parse().map_err(|_| {
                Error::invalid(
                    "encoding",
                    kakehashi::error::Invalid::UnknownCode {
                        code: encoding.clone(),
                    },
                )
            })?;
            let mapping = mapping.map(|path| Mapping::load(&path)).transpose()?;
            let mode = match (dry_run, all_or_nothing) {
                (true, _) => ImportMode::DryRun,
                (false, true) => ImportMode::AllOrNothing,
                (false, false) => ImportMode::GoodRows,
            };
            let options = ImportOptions {
                encoding,
                mapping,
                mode,
                lang,
            };
            let report =
                registry.import_providers(&file, &options, &stamp(), &mut |done, total| {
                    if let Some(percent) = (done * 100).checked_div(total) {
                        eprint!("\r{percent:>3}%");
                    }
                    true
                })?;
            eprint!("\r");
            if json {
                print_json(&report);
            } else {
                for p in &report.problems {
                    println!("{}", p.message);
                }
                println!(
                    "{}: {} rows · {} new · {} updated · {} unchanged · {} errors · {} warnings{}",
                    report.format.label(),
                    report.rows,
                    report.new,
                    report.updated,
                    report.unchanged,
                    report.errors,
                    report.warnings,
                    if report.applied {
                        ""
                    } else {
                        " (nothing written)"
                    }
                );
            }
            Ok(())
        }
        ProvidersCommand::Export {
            public,
            encoding,
            out,
        } => {
            let encoding = match encoding.as_str() {
                "utf8" | "utf-8" => CsvEncoding::Utf8Bom,
                "sjis" | "shift_jis" | "cp932" => CsvEncoding::ShiftJis,
                other => {
                    return Err(Error::invalid(
                        "encoding",
                        kakehashi::error::Invalid::UnknownCode {
                            code: other.to_string(),
                        },
                    ));
                }
            };
            // Written beside the target and renamed over it: a failed export leaves no half file.
            let io = |source| Error::Io {
                path: out.clone(),
                source,
            };
            let tmp = out.with_extension("partial");
            let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(io)?);
            let rows =
                registry.export_providers_csv(&mut file, &ExportOptions { public, encoding })?;
            std::io::Write::flush(&mut file).map_err(io)?;
            drop(file);
            std::fs::rename(&tmp, &out).map_err(io)?;
            println!("{rows}");
            Ok(())
        }
        ProvidersCommand::List { query, limit, json } => {
            let result = registry.search_providers(&ProviderSearch {
                query,
                limit: Some(limit),
                ..ProviderSearch::default()
            })?;
            if json {
                print_json(&result);
            } else {
                for p in &result.rows {
                    println!(
                        "{}\t{}\t{}\t{}",
                        p.kind.code(),
                        p.name,
                        p.municipality_name,
                        p.phone
                    );
                }
                println!("{} / {}", result.rows.len(), result.total);
            }
            Ok(())
        }
    }
}
