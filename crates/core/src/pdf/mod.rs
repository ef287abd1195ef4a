//! Printable documents (issue 7): the case summary, the discharge plan handout, the emergency
//! information sheet for 消防・電力会社, and the emergency roster — PDFs made with typst as a
//! library, in the office's Japanese fonts, each with its date, page numbers (「1 / 3」) and a
//! 「取扱注意」 mark.
//!
//! Layers: [`documents`] reads the registry into plain worded structs, [`engine`] lays a
//! compiled-in template out over them, [`fonts`] finds the fonts. A document for someone
//! outside the team (`recipient`) is refused when the family's consent does not cover that
//! recipient, unless the coordinator confirmed (`acknowledge_consent_gap`); the document
//! then says so in its header.

pub mod documents;
mod engine;
pub mod fonts;
pub mod sample;
pub mod words;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cases::{CaseRef, Consent, ConsentScope};
use crate::disaster::{Roster, RosterQuery};
use crate::error::{Error, Invalid, Result};
use crate::io::save::write_atomically;
use crate::record::Stamp;
use crate::users::Permission;
use crate::vault::Registry;

use engine::{CASE_SUMMARY, EMERGENCY_SHEET, Options, PLAN_HANDOUT, ROSTER};

/// The documents made for one child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// ケースサマリー
    CaseSummary,
    /// 退院支援計画 (the active plan's timeline and tasks by role)
    PlanHandout,
    /// 緊急時情報シート (one A4 page for 消防・電力会社)
    EmergencySheet,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [
        DocumentKind::CaseSummary,
        DocumentKind::PlanHandout,
        DocumentKind::EmergencySheet,
    ];

    /// The title printed on the document and used in its file name.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::CaseSummary => "ケースサマリー",
            DocumentKind::PlanHandout => "退院支援計画",
            DocumentKind::EmergencySheet => "緊急時情報シート",
        }
    }

    /// 「ケースサマリー_山田 花子_2026-12-01.pdf」: the name suggested in the save dialog.
    pub fn file_name(self, child_name: &str, today: NaiveDate) -> String {
        format!("{}_{}_{today}.pdf", self.title(), file_safe(child_name))
    }
}

/// A document for one child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentRequest {
    pub kind: DocumentKind,
    pub child_id: String,
    /// Who it is for, when it leaves the care team; `None` = for the team's own use
    pub recipient: Option<ConsentScope>,
    /// The coordinator confirmed giving it although the consent does not cover `recipient`
    #[serde(default)]
    pub acknowledge_consent_gap: bool,
}

/// Where a document was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentSaved {
    pub path: String,
}

/// Whether the family's consent covers giving the child's information to `recipient`: a
/// consent on file (a date) whose scope names it.
pub fn consent_covers(consent: &Consent, recipient: ConsentScope) -> bool {
    consent
        .given_on
        .as_deref()
        .is_some_and(|d| !d.trim().is_empty())
        && consent.scope.contains(&recipient)
}

/// File-name-safe text: characters Windows or macOS refuse in names become 「_」.
fn file_safe(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim_matches('.').to_string();
    // Keep names well under the 255-byte limit of most file systems.
    let short: String = cleaned.chars().take(40).collect();
    if short.is_empty() { "_".into() } else { short }
}

impl Registry {
    /// The PDF of a document for a child. Refuses a `recipient` the family's consent does not
    /// cover (`Invalid::ConsentDoesNotCover` on `recipient`) unless acknowledged; a missing
    /// active plan for the plan handout is `NotFound`.
    pub fn document_pdf(&self, request: &DocumentRequest, stamp: &Stamp) -> Result<Vec<u8>> {
        self.require(Permission::Write)?;
        let child = self.get_child(
            &CaseRef {
                id: Some(request.child_id.trim().to_string()),
                case_number: None,
            },
            stamp,
        )?;
        let covered = match request.recipient {
            Some(r) => {
                let covered = consent_covers(&child.child.consent, r);
                if !covered && !request.acknowledge_consent_gap {
                    return Err(Error::invalid(
                        "recipient",
                        Invalid::ConsentDoesNotCover { recipient: r },
                    ));
                }
                covered
            }
            None => true,
        };
        let portrait = Options { tagged: true };
        match request.kind {
            DocumentKind::CaseSummary => {
                let mut doc = self.case_summary_doc(&child, stamp)?;
                documents::set_recipient(&mut doc.heading, request.recipient, covered);
                engine::render(CASE_SUMMARY, &doc, stamp, portrait)
            }
            DocumentKind::PlanHandout => {
                let mut doc = self.plan_handout_doc(&child, stamp)?;
                documents::set_recipient(&mut doc.heading, request.recipient, covered);
                engine::render(PLAN_HANDOUT, &doc, stamp, portrait)
            }
            DocumentKind::EmergencySheet => {
                let mut doc = self.emergency_sheet_doc(&child, stamp)?;
                documents::set_recipient(&mut doc.heading, request.recipient, covered);
                engine::render(EMERGENCY_SHEET, &doc, stamp, portrait)
            }
        }
    }

    /// The file name the save dialog suggests for a document.
    /// Not a view of the case: the audit logs the view once, when the document is made.
    pub fn document_file_name(&self, request: &DocumentRequest, stamp: &Stamp) -> Result<String> {
        self.require(Permission::Write)?;
        let child = self.child_detail(request.child_id.trim(), stamp.today())?;
        Ok(request.kind.file_name(&child.child.name, stamp.today()))
    }

    /// Makes the document and writes it to `out` whole or not at all.
    pub fn write_document_pdf(
        &self,
        request: &DocumentRequest,
        out: &Path,
        stamp: &Stamp,
    ) -> Result<()> {
        self.require(Permission::Write)?;
        let pdf = self.document_pdf(request, stamp)?;
        write_pdf(out, &pdf)
    }

    /// The emergency roster (緊急時連絡網) as a landscape A4 PDF, its table header on every
    /// page. Untagged: tagging a table of a thousand children makes the file several times
    /// larger.
    pub fn roster_pdf(&self, query: &RosterQuery, stamp: &Stamp) -> Result<Vec<u8>> {
        self.require(query.export_permission())?;
        let roster = self.emergency_roster(query, stamp)?;
        self.render_roster_pdf(query, &roster, stamp)
    }

    /// Lays out `roster`, already read for `query` (`export_roster` reads it once for every
    /// format); its scope is the municipality's name, its code when the name is unknown.
    pub(crate) fn render_roster_pdf(
        &self,
        query: &RosterQuery,
        roster: &Roster,
        stamp: &Stamp,
    ) -> Result<Vec<u8>> {
        let scope = match query.municipality() {
            Some(code) => {
                let name = crate::store::municipality::name_of(&self.conn, code)?;
                if name.is_empty() {
                    code.to_string()
                } else {
                    name
                }
            }
            None => "全市町村".to_string(),
        };
        let doc = self.roster_doc(roster, &scope, stamp);
        engine::render(ROSTER, &doc, stamp, Options { tagged: false })
    }

    /// Makes the roster PDF and writes it to `out` whole or not at all.
    pub fn write_roster_pdf(&self, query: &RosterQuery, out: &Path, stamp: &Stamp) -> Result<()> {
        self.require(query.export_permission())?;
        let pdf = self.roster_pdf(query, stamp)?;
        write_pdf(out, &pdf)
    }
}

/// Forgets the layout work typst memoises across the documents of a process (the fonts stay
/// loaded): a benchmark's way to time a document made from scratch rather than one typst has
/// just laid out with the same data.
pub fn forget_memoised_layout() {
    typst::comemo::evict(0);
}

/// Writes PDF bytes to `out` whole or not at all (a hidden partial file, synced, renamed).
pub fn write_pdf(out: &Path, pdf: &[u8]) -> Result<()> {
    write_atomically(out, |w| {
        w.write_all(pdf).map_err(|source| Error::Io {
            path: out.to_path_buf(),
            source,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_title_the_name_and_the_date() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(
            DocumentKind::CaseSummary.file_name("山田 花子", day),
            "ケースサマリー_山田 花子_2026-12-01.pdf"
        );
        assert_eq!(
            DocumentKind::EmergencySheet.file_name("a/b\\c:d*e?", day),
            "緊急時情報シート_a_b_c_d_e__2026-12-01.pdf"
        );
        assert_eq!(
            DocumentKind::PlanHandout.file_name("  ", day),
            "退院支援計画___2026-12-01.pdf"
        );
    }

    #[test]
    fn consent_covers_only_a_dated_consent_that_names_the_recipient() {
        let mut consent = Consent {
            given_on: None,
            scope: vec![ConsentScope::FireDepartment],
            note: String::new(),
        };
        assert!(!consent_covers(&consent, ConsentScope::FireDepartment));
        consent.given_on = Some("2026-04-01".into());
        assert!(consent_covers(&consent, ConsentScope::FireDepartment));
        assert!(!consent_covers(&consent, ConsentScope::PowerCompany));
    }
}
