//! `kakehashi plans …`: a child's discharge plan from the command line — show the active plan
//! (target, tasks by phase, team, referrals) and create one from the default template. The
//! JSON is the core's `PlanDetail`.

use clap::Subcommand;
use kakehashi::cases::CaseRef;
use kakehashi::plans::{CreatePlanRequest, Phase, PlanDetail};
use kakehashi::{Error, Lang, Registry};

use crate::{print_json, stamp};

#[derive(Subcommand)]
pub enum PlansCommand {
    /// Show the active plan of a child: target, tasks by phase, team and referrals
    Show {
        /// The child's case number, e.g. KH-2026-0007
        case_number: String,
        #[arg(long)]
        json: bool,
    },
    /// Start a plan for a child from the default pathway template
    Create {
        /// The child's case number
        case_number: String,
        /// Target discharge date, YYYY-MM-DD (today or later)
        #[arg(long, value_name = "YYYY-MM-DD")]
        target: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(registry: &mut Registry, command: PlansCommand, lang: Lang) -> Result<(), Error> {
    match command {
        PlansCommand::Show { case_number, json } => {
            let child_id = child_id(registry, &case_number)?;
            let plan = registry
                .plan_for_child(&child_id, &stamp(registry))?
                .ok_or_else(|| Error::NotFound {
                    entity: "plan",
                    id: case_number,
                })?;
            if json {
                print_json(&plan);
            } else {
                print_plan(&plan, lang);
            }
        }
        PlansCommand::Create {
            case_number,
            target,
            json,
        } => {
            let child_id = child_id(registry, &case_number)?;
            let saved = registry.create_plan(
                &CreatePlanRequest {
                    child_id,
                    target_date: target,
                    template_id: None,
                    note: String::new(),
                },
                &stamp(registry),
            )?;
            if json {
                print_json(&saved.plan);
            } else {
                print_plan(&saved.plan, lang);
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

/// The plan as text: a heading, then tasks under their phase, the team and the referrals.
fn print_plan(plan: &PlanDetail, lang: Lang) {
    let ja = lang == Lang::Ja;
    let pick = |j: &str, e: &str| if ja { j.to_string() } else { e.to_string() };
    let c = &plan.child;
    println!(
        "{} ({}) · {} {} · {} · {}",
        c.name,
        c.case_number,
        pick("目標退院日", "target"),
        plan.plan.target_date,
        if ja {
            format!("{}か月", c.age_months_at_target)
        } else {
            format!("{} months", c.age_months_at_target)
        },
        if ja {
            plan.plan.status.label_ja()
        } else {
            plan.plan.status.label_en()
        }
    );
    for &phase in Phase::ALL {
        let tasks: Vec<_> = plan.tasks.iter().filter(|t| t.phase == phase).collect();
        if tasks.is_empty() {
            continue;
        }
        println!();
        println!(
            "{}",
            if ja {
                phase.label_ja()
            } else {
                phase.label_en()
            }
        );
        for t in tasks {
            let status = if ja {
                t.status.label_ja()
            } else {
                t.status.label_en()
            };
            println!(
                "  {}{}\t{}\t{}\t{}\t{}",
                t.due_date,
                if t.overdue { " !" } else { "" },
                status,
                if ja {
                    t.role.label_ja()
                } else {
                    t.role.label_en()
                },
                t.title,
                t.owner_name
            );
        }
    }
    println!();
    println!("{}", pick("チーム", "Team"));
    if plan.team.is_empty() {
        println!("  {}", pick("（まだいません）", "(nobody yet)"));
    }
    for m in &plan.team {
        println!(
            "  {}\t{}\t{}–{}\t{}",
            if ja {
                m.role.label_ja()
            } else {
                m.role.label_en()
            },
            m.name,
            m.start_date,
            m.end_date.as_deref().unwrap_or(""),
            m.contact
        );
    }
    println!();
    println!("{}", pick("紹介", "Referrals"));
    if plan.referrals.is_empty() {
        println!("  {}", pick("（まだありません）", "(none yet)"));
    }
    for r in &plan.referrals {
        println!(
            "  {}\t{}\t{} {}\t{}",
            if ja {
                r.role.label_ja()
            } else {
                r.role.label_en()
            },
            r.provider_name,
            if ja {
                r.status.label_ja()
            } else {
                r.status.label_en()
            },
            r.status_on,
            r.reason
        );
    }
}
