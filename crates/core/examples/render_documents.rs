//! Writes the four PDF documents of a demo-like registry into a folder:
//! `cargo run -p kakehashi --example render_documents -- OUT_DIR [ROSTER_CHILDREN]`.
//! scripts/render-document-samples.sh turns their first pages into docs/images/*.png.

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use kakehashi::Vault;
use kakehashi::disaster::RosterQuery;
use kakehashi::keys::KdfParams;
use kakehashi::pdf::{DocumentKind, DocumentRequest, sample};
use kakehashi::record::Stamp;
use kakehashi::vault::SetupRequest;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(
        args.next()
            .ok_or("usage: render_documents OUT_DIR [CHILDREN]")?,
    );
    let children: u32 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(24);
    std::fs::create_dir_all(&out)?;
    let data = tempfile::tempdir()?;
    let vault = Vault::open(data.path())?;
    let passphrase = "sample-documents-passphrase-2026".to_string();
    let mut registry = vault
        .set_up(
            &SetupRequest {
                login: "admin".into(),
                display_name: "管理者".into(),
                passphrase: passphrase.clone(),
                confirmation: passphrase,
            },
            KdfParams::cheap_for_tests(),
        )
        .map(|(r, _)| r)?;
    let stamp = Stamp::new(
        "sample",
        Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap(),
    );
    let first = sample::full_child(&mut registry, 0, &stamp)?;
    for n in 1..children {
        let id = sample::register_child(&mut registry, n, &stamp)?;
        if n % 5 != 4 {
            sample::save_disaster_profile(&mut registry, &id, n, &stamp)?;
        }
    }
    let docs = [
        (DocumentKind::CaseSummary, "case-summary.pdf"),
        (DocumentKind::PlanHandout, "plan-handout.pdf"),
        (DocumentKind::EmergencySheet, "emergency-sheet.pdf"),
    ];
    for (kind, name) in docs {
        let request = DocumentRequest {
            kind,
            child_id: first.clone(),
            recipient: None,
            acknowledge_consent_gap: false,
        };
        registry.write_document_pdf(&request, &out.join(name), &stamp)?;
    }
    registry.write_roster_pdf(&RosterQuery::default(), &out.join("roster.pdf"), &stamp)?;
    println!("{}", out.display());
    Ok(())
}
