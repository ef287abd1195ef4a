//! `kakehashi campaigns …`: survey campaigns from the command line — list them with their
//! progress, show one, start one, and write the list of providers still to be chased.

use std::path::PathBuf;

use clap::Subcommand;
use kakehashi::campaigns::{CampaignInput, CampaignSummary};
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::error::Invalid;
use kakehashi::io::write_atomically;
use kakehashi::providers::ProviderSearch;
use kakehashi::{Error, Registry};

use crate::{print_json, stamp};

/// Providers fetched per page when `--all-of-kind` collects a kind.
const PAGE: u32 = 1000;

#[derive(Subcommand)]
pub enum CampaignsCommand {
    /// List campaigns with their progress, the latest sent first
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one campaign and its targets (by state, then 五十音順)
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Start a campaign: the survey as sent to the given providers
    Create {
        #[arg(long)]
        title: String,
        /// ISO date the survey was sent (YYYY-MM-DD)
        #[arg(long)]
        sent_on: String,
        /// ISO date answers are due
        #[arg(long)]
        due_on: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// A provider id (repeat for each provider)
        #[arg(long = "provider")]
        providers: Vec<String>,
        /// Every provider of this kind (e.g. visiting_nursing), besides those given
        #[arg(long)]
        all_of_kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write the providers still to be chased as CSV (UTF-8 with BOM)
    Chase {
        id: String,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(registry: &mut Registry, command: CampaignsCommand) -> Result<(), Error> {
    match command {
        CampaignsCommand::List { json } => {
            let list = registry.list_campaigns()?;
            if json {
                print_json(&list);
            } else {
                for c in &list {
                    println!("{}\t{}\t{}\t{}", c.id, c.sent_on, c.title, progress(c));
                }
            }
        }
        CampaignsCommand::Show { id, json } => {
            let detail = registry.get_campaign(&id)?;
            if json {
                print_json(&detail);
            } else {
                let c = &detail.campaign;
                println!("{}", c.title);
                println!(
                    "sent {}{} · {}",
                    c.sent_on,
                    c.due_on
                        .as_deref()
                        .map(|d| format!(" · due {d}"))
                        .unwrap_or_default(),
                    progress(c)
                );
                for t in &detail.targets {
                    println!(
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        t.state.code(),
                        t.state_on,
                        t.provider_name,
                        t.municipality_name,
                        t.phone,
                        t.id
                    );
                }
            }
        }
        CampaignsCommand::Create {
            title,
            sent_on,
            due_on,
            note,
            providers,
            all_of_kind,
            json,
        } => {
            let mut provider_ids = providers;
            if let Some(kind) = all_of_kind {
                let kind: ProviderKind = serde_json::from_value(serde_json::Value::String(
                    kind.clone(),
                ))
                .map_err(|_| Error::invalid("all_of_kind", Invalid::UnknownCode { code: kind }))?;
                provider_ids.extend(all_of(registry, kind)?);
            }
            let id = registry.create_campaign(
                &CampaignInput {
                    title,
                    sent_on,
                    due_on,
                    note,
                    provider_ids,
                },
                &stamp(registry),
            )?;
            if json {
                print_json(&registry.campaign_progress(&id)?);
            } else {
                println!("{id}\t{}", progress(&registry.campaign_progress(&id)?));
            }
        }
        CampaignsCommand::Chase { id, out } => {
            // A failed export leaves no half file and the earlier file as it was.
            let rows = write_atomically(&out, |w| registry.export_chase_list_csv(&id, w))?;
            println!("{rows}");
        }
    }
    Ok(())
}

/// 「148 targets · 109 answered (74%) · 20 sent · 15 phoned · 2 visited · 2 no answer」
fn progress(c: &CampaignSummary) -> String {
    format!(
        "{} targets · {} answered ({}%) · {} sent · {} phoned · {} visited · {} no answer",
        c.total,
        c.counts.answered,
        c.answered_percent,
        c.counts.sent,
        c.counts.phoned,
        c.counts.visited,
        c.counts.no_answer
    )
}

/// The ids of every provider of `kind` in the directory.
fn all_of(registry: &Registry, kind: ProviderKind) -> Result<Vec<String>, Error> {
    let mut ids = Vec::new();
    loop {
        let page = registry.search_providers(&ProviderSearch {
            kind: Some(kind),
            limit: Some(PAGE),
            offset: ids.len() as u32,
            ..ProviderSearch::default()
        })?;
        let done = page.rows.len() < PAGE as usize;
        ids.extend(page.rows.into_iter().map(|r| r.id));
        if done || ids.len() as u32 >= page.total {
            return Ok(ids);
        }
    }
}
