//! `kakehashi equipment …`: lent emergency equipment from the command line — the overdue list
//! on a day (today by default), adding a unit and lending it. The JSON of `overdue` is a list
//! of the core's `OverdueLoan`.

use clap::Subcommand;
use kakehashi::cases::CaseRef;
use kakehashi::equipment::{AddUnitRequest, EquipmentTypeInput, LendRequest, UnitCondition};
use kakehashi::error::Invalid;
use kakehashi::{Error, Lang, Registry};

use crate::{print_json, stamp};

#[derive(Subcommand)]
pub enum EquipmentCommand {
    /// Loans not back by their due date, the longest overdue first
    Overdue {
        /// The day to ask for, YYYY-MM-DD [default: today at the office]
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a unit with its asset tag (its kind is added when new)
    AddUnit {
        /// The kind, e.g. 足踏み式吸引器
        #[arg(long = "type", value_name = "NAME")]
        type_name: String,
        #[arg(long)]
        tag: String,
    },
    /// Lend a unit (by asset tag) to a child's family
    Lend {
        #[arg(long)]
        tag: String,
        #[arg(long = "case", value_name = "CASE_NO")]
        case_number: String,
        /// The day it goes out, YYYY-MM-DD [default: today]
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// The day it is due back, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: String,
    },
}

pub fn run(registry: &mut Registry, command: EquipmentCommand, lang: Lang) -> Result<(), Error> {
    match command {
        EquipmentCommand::Overdue { today, json } => {
            let today = match today {
                Some(d) => chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                    .map_err(|_| Error::invalid("today", Invalid::BadDate))?,
                None => stamp(registry).today(),
            };
            let late = registry.overdue_loans(today)?;
            if json {
                print_json(&late);
            } else {
                for l in &late {
                    println!(
                        "{}\t{}\t{} {}\t{} {}\t{}{}\t{} {}",
                        l.loan.asset_tag,
                        l.loan.type_name,
                        l.loan.case_number,
                        l.loan.child_name,
                        lang.pick("返却予定".into(), "due".into()),
                        l.loan.due_on,
                        l.days_overdue,
                        lang.pick("日超過".into(), " days late".into()),
                        l.guardian_name,
                        l.guardian_phone
                    );
                }
                if late.is_empty() {
                    println!(
                        "{}",
                        lang.pick(
                            format!("{today} に返却が遅れている機器はありません。"),
                            format!("Nothing is overdue on {today}.")
                        )
                    );
                }
            }
        }
        EquipmentCommand::AddUnit { type_name, tag } => {
            let name = type_name.trim().to_string();
            let kind = match registry
                .equipment_types()?
                .into_iter()
                .find(|t| t.name == name)
            {
                Some(t) => t,
                None => registry.add_equipment_type(
                    &EquipmentTypeInput {
                        name,
                        note: String::new(),
                    },
                    &stamp(registry),
                )?,
            };
            let unit = registry.add_equipment_unit(
                &AddUnitRequest {
                    type_id: kind.id,
                    asset_tag: tag,
                    condition: UnitCondition::Good,
                    note: String::new(),
                },
                &stamp(registry),
            )?;
            println!("{}\t{}\t{}", unit.id, unit.asset_tag, unit.type_name);
        }
        EquipmentCommand::Lend {
            tag,
            case_number,
            from,
            due,
        } => {
            let unit = registry.equipment_unit_by_tag(&tag)?;
            let child_id = registry.child_id_for(&CaseRef {
                id: None,
                case_number: Some(case_number),
            })?;
            let loan = registry.lend_equipment(
                &LendRequest {
                    unit_id: unit.id,
                    child_id,
                    lent_on: from.unwrap_or_else(|| stamp(registry).today().to_string()),
                    due_on: due,
                    note: String::new(),
                },
                &stamp(registry),
            )?;
            println!(
                "{}\t{} {}\t{} → {}",
                loan.asset_tag, loan.case_number, loan.child_name, loan.lent_on, loan.due_on
            );
        }
    }
    Ok(())
}
