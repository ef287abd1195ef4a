//! `kakehashi respite …`: respite beds from the command line — set a facility's beds of a type,
//! book a stay (request and confirm at once: a refusal leaves nothing behind), list a
//! facility's month of nights and its waitlist. The JSON is the core's `BookingSaved`,
//! `FacilityNights` and `Booking`.

use clap::Subcommand;
use kakehashi::cases::CaseRef;
use kakehashi::error::Invalid;
use kakehashi::respite::{
    BedType, Booking, BookingRequest, BookingSaved, FacilityNights, SetBedTypeRequest,
};
use kakehashi::{Error, Lang, Registry};

use crate::{print_json, stamp};

#[derive(Subcommand)]
pub enum RespiteCommand {
    /// Book a stay of the nights [from, to) for a child: requested and confirmed at once
    Book {
        /// The child's case number, e.g. KH-2026-0007
        #[arg(long = "case", value_name = "CASE_NO")]
        case_number: String,
        /// The facility's id (a short-stay facility, a facility for disabled children or a
        /// hospital)
        #[arg(long)]
        facility: String,
        /// The first night, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// The day the child leaves, YYYY-MM-DD
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        /// ventilator, medical or welfare [default: the facility's only bed type]
        #[arg(long, value_name = "T")]
        bed_type: Option<String>,
        /// Why the stay is wanted
        #[arg(long, default_value = "")]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// A facility's month: beds, used, free and waiting per night, by bed type
    Nights {
        #[arg(long)]
        facility: String,
        #[arg(long, value_name = "YYYY-MM")]
        month: String,
        #[arg(long)]
        json: bool,
    },
    /// A facility's waiting requests, in the order they were asked
    Waitlist {
        #[arg(long)]
        facility: String,
        #[arg(long)]
        json: bool,
    },
    /// Set a facility's beds per night of one bed type and its longest stay in them
    Beds {
        #[arg(long)]
        facility: String,
        /// ventilator, medical or welfare
        #[arg(long, value_name = "T")]
        bed_type: String,
        #[arg(long)]
        beds: u32,
        /// The longest stay, in nights
        #[arg(long)]
        max_stay: u32,
    },
}

pub fn run(registry: &mut Registry, command: RespiteCommand, lang: Lang) -> Result<(), Error> {
    match command {
        RespiteCommand::Book {
            case_number,
            facility,
            from,
            to,
            bed_type,
            reason,
            json,
        } => {
            let child_id = registry.child_id_for(&CaseRef {
                id: None,
                case_number: Some(case_number),
            })?;
            let bed_type = match bed_type {
                Some(code) => bed_type_of(&code)?,
                None => only_bed_type(registry, &facility)?,
            };
            let saved = registry.book_respite(
                &BookingRequest {
                    child_id,
                    facility_id: facility,
                    bed_type,
                    from,
                    to,
                    reason,
                    note: String::new(),
                    lang,
                },
                &stamp(registry),
            )?;
            if json {
                print_json(&saved);
            } else {
                print_saved(&saved, lang);
            }
        }
        RespiteCommand::Nights {
            facility,
            month,
            json,
        } => {
            let nights = registry.respite_nights(&facility, &month)?;
            if json {
                print_json(&nights);
            } else {
                print_nights(&nights, lang);
            }
        }
        RespiteCommand::Waitlist { facility, json } => {
            let list = registry.respite_waitlist(&facility)?;
            if json {
                print_json(&list);
            } else {
                for (i, b) in list.iter().enumerate() {
                    println!("{}. {}", i + 1, booking_line(b, lang));
                }
            }
        }
        RespiteCommand::Beds {
            facility,
            bed_type,
            beds,
            max_stay,
        } => {
            let saved = registry.set_bed_type(
                &SetBedTypeRequest {
                    facility_id: facility,
                    bed_type: bed_type_of(&bed_type)?,
                    beds,
                    max_stay_nights: max_stay,
                    note: String::new(),
                },
                &stamp(registry),
            )?;
            println!(
                "{}\t{}\t{}",
                saved.bed_type.label(lang),
                saved.beds,
                saved.max_stay_nights
            );
        }
    }
    Ok(())
}

fn bed_type_of(code: &str) -> Result<BedType, Error> {
    BedType::from_code(code.trim()).ok_or_else(|| {
        Error::invalid(
            "bed_type",
            Invalid::UnknownCode {
                code: code.to_string(),
            },
        )
    })
}

/// The facility's bed type when it has only one; otherwise the person has to say which.
fn only_bed_type(registry: &Registry, facility: &str) -> Result<BedType, Error> {
    match registry.respite_bed_types(facility)?.as_slice() {
        [only] => Ok(only.bed_type),
        _ => Err(Error::invalid("bed_type", Invalid::Required)),
    }
}

fn booking_line(b: &Booking, lang: Lang) -> String {
    format!(
        "{} {} ({})\t{} → {} ({}{})\t{}\t{}",
        b.case_number,
        b.child_name,
        b.facility_name,
        b.from,
        b.to,
        b.nights,
        lang.pick("泊".into(), " nights".into()),
        b.bed_type.label(lang),
        b.status.label(lang)
    )
}

fn print_saved(saved: &BookingSaved, lang: Lang) {
    println!("{}", booking_line(&saved.booking, lang));
    if !saved.unknown.is_empty() {
        println!(
            "{}",
            lang.pick(
                "未回答の条件（予約は確定しています。施設に確認してください）:".into(),
                "Conditions not answered (the booking stands; check them with the facility):"
                    .into()
            )
        );
        for c in &saved.unknown {
            println!("  ？ {}", c.words);
        }
    }
}

/// One line per night: the date, then per bed type `used/beds` (free), `!` on a full night and
/// `*` on an exception, and the requests waiting.
fn print_nights(n: &FacilityNights, lang: Lang) {
    println!(
        "{} · {}\t{}",
        n.facility_name,
        n.month,
        n.bed_types
            .iter()
            .map(|b| format!(
                "{} {}{}",
                b.bed_type.label(lang),
                b.beds,
                lang.pick("床".into(), " beds".into())
            ))
            .collect::<Vec<_>>()
            .join(" · ")
    );
    for night in &n.nights {
        let cells: Vec<String> = night
            .beds
            .iter()
            .map(|b| {
                format!(
                    "{}/{}{}{}{}",
                    b.used,
                    b.beds,
                    if b.free == 0 { "!" } else { "" },
                    if b.exception { "*" } else { "" },
                    if b.waiting > 0 {
                        format!(" +{}", b.waiting)
                    } else {
                        String::new()
                    }
                )
            })
            .collect();
        println!("{}\t{}", night.date, cells.join("\t"));
    }
}
