//! `kakehashi match`: which providers of a kind could take a child, condition by condition.
//! The JSON is the core's `MatchResult`.

use clap::Args;
use kakehashi::cases::CaseRef;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::matching::{MatchRequest, MatchResult, ProviderMatch, Verdict};
use kakehashi::{Error, Lang, Registry};

use crate::{print_json, stamp};

#[derive(Args)]
pub struct MatchArgs {
    /// The child's case number, e.g. KH-2026-0007
    #[arg(long = "case", value_name = "CASE_NO")]
    case_number: String,
    /// A provider kind code, e.g. visiting_nursing
    #[arg(long)]
    kind: String,
    /// Most providers listed [default: 200, at most 1000]
    #[arg(long)]
    limit: Option<u32>,
    /// The date the age and care items are taken on, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Also list providers with an unmet condition (last)
    #[arg(long)]
    all: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(registry: &Registry, args: MatchArgs, lang: Lang) -> Result<(), Error> {
    let kind: ProviderKind = serde_json::from_value(serde_json::Value::String(args.kind.clone()))
        .map_err(|_| {
        Error::invalid(
            "kind",
            kakehashi::error::Invalid::UnknownCode { code: args.kind },
        )
    })?;
    let child_id = registry.child_id_for(&CaseRef {
        id: None,
        case_number: Some(args.case_number),
    })?;
    let result = registry.match_providers(
        &MatchRequest {
            child_id,
            kind,
            target_date: args.date,
            include_unmet: args.all,
            limit: args.limit,
            lang,
        },
        &stamp(registry),
    )?;
    if args.json {
        print_json(&result);
    } else {
        print_lines(&result, lang, args.all);
    }
    Ok(())
}

/// One line per provider: distance, overall mark, name, ○/×/？ per condition, then the
/// reasons of what is not met; then a summary line (and a hint when unmet ones are hidden).
fn print_lines(result: &MatchResult, lang: Lang, all: bool) {
    for p in &result.providers {
        println!("{}", line(p, lang));
    }
    let c = result.counts;
    let weight = result
        .weight
        .as_ref()
        .map(|w| format!("{}kg ({})", w.weight_kg, w.measured_on))
        .unwrap_or_else(|| "-".into());
    println!(
        "{} · {} {} · {} · {}: ○ {} · ？ {} · × {} · {} / {}",
        result.case_number,
        result.target_date,
        kakehashi::matching::words::age_words(result.age_months, lang),
        weight,
        result.kind.code(),
        c.all_met,
        c.some_unknown,
        c.unmet,
        result.providers.len(),
        c.all_met + c.some_unknown + c.unmet
    );
    if !all && c.unmet > 0 {
        println!(
            "{}",
            lang.pick(
                "条件を満たさない事業所は --all で表示します。".into(),
                "Use --all to list the providers with an unmet condition.".into()
            )
        );
    }
}

fn line(p: &ProviderMatch, lang: Lang) -> String {
    let marks: Vec<String> = p
        .checks
        .iter()
        .map(|c| format!("{}{}", c.criterion.label(lang), c.verdict.mark()))
        .collect();
    let reasons: Vec<&str> = p
        .checks
        .iter()
        .filter(|c| c.verdict != Verdict::Met)
        .map(|c| c.words.as_str())
        .collect();
    let mut line = format!(
        "{:>6.1}km\t{}\t{}（{}）\t{}",
        p.distance_km,
        p.outcome.mark(),
        p.name,
        p.municipality_name,
        marks.join(" ")
    );
    if !reasons.is_empty() {
        line.push_str("\t— ");
        line.push_str(&reasons.join(lang.pick("、".into(), "; ".into()).as_str()));
    }
    line
}
