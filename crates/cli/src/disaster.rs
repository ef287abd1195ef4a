//! `kakehashi disaster …`: a child's disaster profile and the emergency roster from the command
//! line. The JSON shapes are the core's (`DisasterProfileInput`, `DisasterProfile`, `Roster`).
//! Files of the roster (CSV, XLSX, PDF) are written by `kakehashi export`.

use std::io::Read;
use std::path::PathBuf;

use clap::Subcommand;
use kakehashi::cases::CaseRef;
use kakehashi::disaster::words::hours;
use kakehashi::disaster::{
    DisasterProfile, DisasterProfileInput, Roster, RosterQuery, SaveDisasterProfileRequest,
};
use kakehashi::{Error, Lang, Registry};

use crate::{print_json, stamp};

#[derive(Subcommand)]
pub enum DisasterCommand {
    /// Show a child's disaster profile, battery total and warnings
    Show {
        /// The child's case number, e.g. KH-2026-0007
        case_number: String,
        #[arg(long)]
        json: bool,
    },
    /// Save a child's disaster profile from a JSON file (a DisasterProfileInput; `-` reads
    /// standard input). It replaces the saved profile.
    Set {
        /// The child's case number
        case_number: String,
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// The emergency roster: every child at home, by risk
    Roster {
        /// A municipality code (a city with wards takes its wards)
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(registry: &mut Registry, command: DisasterCommand, lang: Lang) -> Result<(), Error> {
    match command {
        DisasterCommand::Show { case_number, json } => {
            let child_id = child_id(registry, &case_number)?;
            let profile = registry.disaster_profile_in(&child_id, lang, &stamp(registry))?;
            show(&profile, &case_number, json, lang);
        }
        DisasterCommand::Set {
            case_number,
            file,
            json,
        } => {
            let child_id = child_id(registry, &case_number)?;
            let profile = read_profile(&file)?;
            let stamp = stamp(registry);
            // The file is the whole profile: it replaces whatever version is saved.
            let row_version = registry.disaster_profile(&child_id, &stamp)?.row_version;
            let saved = registry.save_disaster_profile_in(
                &SaveDisasterProfileRequest {
                    child_id,
                    row_version,
                    profile,
                },
                lang,
                &stamp,
            )?;
            show(&saved, &case_number, json, lang);
        }
        DisasterCommand::Roster { municipality, json } => {
            let roster = registry.emergency_roster_in(
                &RosterQuery {
                    municipality_code: municipality,
                },
                lang,
                &stamp(registry),
            )?;
            if json {
                print_json(&roster);
            } else {
                print_roster(&roster, lang);
            }
        }
    }
    Ok(())
}

fn child_id(registry: &Registry, case_number: &str) -> Result<String, Error> {
    registry.child_id_for(&CaseRef {
        id: None,
        case_number: Some(case_number.to_string()),
    })
}

fn read_profile(file: &PathBuf) -> Result<DisasterProfileInput, Error> {
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
    serde_json::from_str(&text).map_err(|e| {
        Error::invalid(
            "profile",
            kakehashi::error::Invalid::MalformedJson {
                line: e.line(),
                detail: e.to_string(),
            },
        )
    })
}

fn battery(total: Option<f64>, lang: Lang) -> String {
    match (total, lang) {
        (Some(h), Lang::Ja) => format!("{}時間", hours(h)),
        (Some(h), Lang::En) => format!("{} h", hours(h)),
        (None, Lang::Ja) => "不明".into(),
        (None, Lang::En) => "unknown".into(),
    }
}

fn show(profile: &DisasterProfile, case_number: &str, json: bool, lang: Lang) {
    if json {
        print_json(profile);
        return;
    }
    let ja = lang == Lang::Ja;
    let p = &profile.profile;
    println!(
        "{case_number} · {} {} · {} {}",
        if ja { "版" } else { "version" },
        profile.row_version,
        if ja {
            "バッテリー合計"
        } else {
            "battery total"
        },
        battery(profile.total_battery_hours, lang)
    );
    for d in &p.devices {
        let h = |v: Option<f64>| v.map_or("?".to_string(), hours);
        println!(
            "  {} {}\t{} {} / {} {}",
            d.kind.label(lang),
            d.name,
            if ja { "内部" } else { "internal" },
            h(d.internal_battery_hours),
            if ja { "外部" } else { "external" },
            h(d.external_battery_hours)
        );
    }
    for (i, c) in p.contacts.iter().enumerate() {
        println!("  {}. {} ({}) {}", i + 1, c.name, c.relation, c.phone);
    }
    for w in &profile.warnings {
        println!("! {}", w.message);
    }
}

fn print_roster(roster: &Roster, lang: Lang) {
    let ja = lang == Lang::Ja;
    println!(
        "{} {}",
        if ja {
            "緊急時連絡網"
        } else {
            "Emergency roster"
        },
        roster.made_on
    );
    for r in &roster.rows {
        let phones: Vec<String> = r
            .guardians
            .iter()
            .map(|g| format!("{}({}) {}", g.name, g.relation, g.phone))
            .collect();
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.rank,
            r.name,
            r.kana,
            r.municipality,
            if r.ventilated {
                if ja { "人工呼吸器" } else { "ventilator" }
            } else if r.power_dependent {
                if ja { "電源依存" } else { "powered" }
            } else {
                "-"
            },
            battery(r.total_battery_hours, lang),
            phones.join(" / "),
            r.warnings.len()
        );
    }
    println!("{}", roster.rows.len());
}
