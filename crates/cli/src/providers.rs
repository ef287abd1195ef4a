//! `kakehashi providers …`: the resource directory from the command line.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use kakehashi::io::{Encoding, Mapping, write_atomically};
use kakehashi::providers::ProviderSearch;
use kakehashi::providers::export::{CsvEncoding, ExportFormat, ExportOptions, ExportSummary};
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
    /// Export the directory: everything (csv, xlsx), or with --public only the consented
    /// parts (csv, geojson, kml, html)
    Export {
        #[arg(long)]
        public: bool,
        #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
        format: FormatArg,
        /// CSV only: utf8 (with BOM, default) or sjis
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
            let report = registry.import_providers(
                &file,
                &options,
                &stamp(registry),
                &mut |done, total| {
                    if let Some(percent) = (done * 100).checked_div(total) {
                        eprint!("\r{percent:>3}%");
                    }
                    true
                },
            )?;
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
            format,
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
            let options = ExportOptions {
                public,
                encoding,
                format: format.into(),
            };
            let summary = export_to_file(registry, &options, &out)?;
            println!("{}", summary_line(&summary, &out, lang));
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

/// `--format`: the file format of an export.
#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Csv,
    Xlsx,
    Geojson,
    Kml,
    Html,
}

impl From<FormatArg> for ExportFormat {
    fn from(f: FormatArg) -> ExportFormat {
        match f {
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Xlsx => ExportFormat::Xlsx,
            FormatArg::Geojson => ExportFormat::GeoJson,
            FormatArg::Kml => ExportFormat::Kml,
            FormatArg::Html => ExportFormat::Html,
        }
    }
}

/// Exports whole or not at all (see [`write_atomically`]).
fn export_to_file(
    registry: &Registry,
    options: &ExportOptions,
    out: &Path,
) -> Result<ExportSummary, Error> {
    write_atomically(out, |w| {
        registry.export_providers(options, &stamp(registry), w)
    })
}

/// One line: what was written where, and what was left out.
fn summary_line(s: &ExportSummary, out: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            let mut notes = Vec::new();
            if s.left_out > 0 {
                notes.push(format!(
                    "座標がないか住所が非公開の{}件は地図に含めていません",
                    s.left_out
                ));
            }
            if s.not_public > 0 {
                notes.push(format!(
                    "公開に同意していない{}件は含めていません",
                    s.not_public
                ));
            }
            format!(
                "{}{}: {}件を {} に書き出しました{}",
                if s.public { "公開用" } else { "内部用" },
                s.format.label(),
                s.providers,
                out.display(),
                if notes.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", notes.join("、"))
                }
            )
        }
        Lang::En => {
            let mut notes = Vec::new();
            if s.left_out > 0 {
                notes.push(format!(
                    "{} without coordinates or a public address left off the map",
                    s.left_out
                ));
            }
            if s.not_public > 0 {
                notes.push(format!(
                    "{} not consenting to publication left out",
                    s.not_public
                ));
            }
            format!(
                "{} {}: {} providers written to {}{}",
                if s.public { "public" } else { "internal" },
                s.format.label(),
                s.providers,
                out.display(),
                if notes.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", notes.join("; "))
                }
            )
        }
    }
}
