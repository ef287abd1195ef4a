//! PDF documents: the case summary, the plan handout, the emergency sheet and the emergency
//! roster are valid PDFs (pdfinfo), in embedded subset Japanese fonts (pdffonts), whose text
//! (pdftotext) holds what the registry holds — markup-like text literally, long text wrapped
//! inside the page, 𠮷 when a font has it — with the date made, 「取扱注意」 and 「1 / N」 on
//! every page; a 1,000-child roster repeats its table header on every page; and a document for
//! 消防 or 電力会社 is refused unless the family's consent covers them or the coordinator
//! confirmed.
//!
//! The checks read the PDFs with poppler-utils (installed by `make test`); without them a
//! test says so and passes on what it can check without them.

use std::path::Path;
use std::process::Command;

use kakehashi::cases::*;
use kakehashi::disaster::RosterQuery;
use kakehashi::error::Invalid;
use kakehashi::pdf::{DocumentKind, DocumentRequest, sample};
use kakehashi::plans::{PlanStatus, SetPlanStatusRequest};
use kakehashi::record::Stamp;
use kakehashi::{Error, ErrorKind, Lang, Registry};

use crate::support::{new_registry, stamp};

// ---- Reading PDFs back ---------------------------------------------------------------------

/// Whether a poppler tool is installed; says how to get it when not.
fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok();
    if !ok {
        eprintln!(
            "skipping the {tool} checks: {tool} is not installed (apt install poppler-utils)"
        );
    }
    ok
}

fn run_tool(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(&path);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{tool} {args:?} fails on the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of the PDF (`pdftotext -layout`), or `None` without pdftotext.
fn text_of(pdf: &[u8]) -> Option<String> {
    have("pdftotext").then(|| run_tool("pdftotext", &["-layout", "-enc", "UTF-8"], pdf))
}

/// The text of one page.
fn page_text(pdf: &[u8], page: usize) -> String {
    let p = page.to_string();
    run_tool(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", "-f", &p, "-l", &p],
        pdf,
    )
}

/// The page count (pdfinfo), or `None` without pdfinfo.
fn pages_of(pdf: &[u8]) -> Option<usize> {
    if !have("pdfinfo") {
        return None;
    }
    let info = run_tool("pdfinfo", &[], pdf);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("pdfinfo reports the page count");
    Some(line["Pages:".len()..].trim().parse().unwrap())
}

/// Text without the spaces and line breaks layout puts in (and the zero-width spaces that
/// let very long Latin runs wrap), for finding wrapped text.
fn squeezed(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect()
}

/// The text in reading order (`pdftotext -raw`: each table cell whole, wrapped lines
/// joined), squeezed; `None` without pdftotext.
fn flat_of(pdf: &[u8]) -> Option<String> {
    have("pdftotext").then(|| squeezed(&run_tool("pdftotext", &["-raw", "-enc", "UTF-8"], pdf)))
}

fn assert_valid(pdf: &[u8]) -> Option<usize> {
    assert!(pdf.starts_with(b"%PDF-"), "a PDF starts with its header");
    pages_of(pdf)
}

// ---- Making documents ----------------------------------------------------------------------

fn request(kind: DocumentKind, child_id: &str) -> DocumentRequest {
    DocumentRequest {
        kind,
        child_id: child_id.into(),
        recipient: None,
        acknowledge_consent_gap: false,
    }
}

fn pdf(registry: &Registry, kind: DocumentKind, child_id: &str) -> Vec<u8> {
    registry
        .document_pdf(&request(kind, child_id), &stamp())
        .unwrap_or_else(|e| panic!("{kind:?} renders: {}", e.to_api(Lang::En)))
}

/// A sample child with everything (care items, plan and team, disaster profile).
fn full() -> (tempfile::TempDir, Registry, String) {
    let (dir, _vault, mut registry) = new_registry();
    let id = sample::full_child(&mut registry, 0, &stamp()).expect("the sample child is made");
    (dir, registry, id)
}

fn edit_child(registry: &mut Registry, id: &str, edit: impl FnOnce(&mut ChildInput)) {
    let detail = registry
        .get_child(
            &CaseRef {
                id: Some(id.into()),
                case_number: None,
            },
            &stamp(),
        )
        .unwrap();
    let mut child = detail.child.clone();
    edit(&mut child);
    registry
        .update_child(
            &UpdateChildRequest {
                id: id.into(),
                row_version: detail.row_version,
                child,
            },
            &stamp(),
        )
        .expect("the edit is accepted");
}

/// The office's date of `support::stamp()` as the documents print it.
const MADE_ON: &str = "2026年11月24日";

// ---- The documents -------------------------------------------------------------------------

#[test]
fn the_case_summary_holds_identity_scores_team_disaster_profile_and_consent() {
    let (_dir, registry, id) = full();
    let pdf = pdf(&registry, DocumentKind::CaseSummary, &id);
    let pages = assert_valid(&pdf);
    let Some(text) = text_of(&pdf) else { return };
    let flat = flat_of(&pdf).unwrap();
    for expected in [
        "ケースサマリー",
        "取扱注意",
        "川越陽葵",
        "カワゴエヒマリ",
        "低酸素性虚血性脳症",
        "人工呼吸器の管理",
        "医療的ケア判定スコア",
        "超重症児(者)・準超重症児(者)スコア",
        "入間誠",
        "訪問看護ステーションかけはし",
        "川越市立第一小学校体育館",
        "埼玉医科大学総合医療センター（小児科）",
        "消防",
        "2026年4月1日",
    ] {
        assert!(
            flat.contains(expected),
            "the case summary shows {expected}:\n{text}"
        );
    }
    assert!(
        text.contains(&format!("作成日　{MADE_ON}")) || flat.contains(&format!("作成日{MADE_ON}"))
    );
    if let Some(pages) = pages {
        assert!(pages >= 2, "a full case takes more than one page");
        for p in 1..=pages {
            let page = page_text(&pdf, p);
            assert!(
                page.contains(&format!("{p} / {pages}")),
                "page {p} is numbered {p} / {pages}:\n{page}"
            );
            assert!(
                page.contains("取扱注意"),
                "page {p} carries the 取扱注意 mark"
            );
        }
    }
}

#[test]
fn both_scores_are_printed_with_their_breakdowns() {
    let (_dir, registry, id) = full();
    let detail = registry
        .get_child(
            &CaseRef {
                id: Some(id.clone()),
                case_number: None,
            },
            &stamp(),
        )
        .unwrap();
    let pdf = pdf(&registry, DocumentKind::CaseSummary, &id);
    let Some(flat) = flat_of(&pdf) else { return };
    let mc = &detail.scores.medical_care;
    let sv = &detail.scores.severe;
    assert!(
        flat.contains(&format!("医療的ケア判定スコア{}点", mc.total)),
        "the total {} is printed beside its name",
        mc.total
    );
    assert!(flat.contains(&format!("スコア{}点", sv.total)));
    for line in &mc.lines {
        assert!(flat.contains(&squeezed(&line.label)), "line {}", line.label);
    }
    for line in &sv.lines {
        assert!(flat.contains(&squeezed(&line.label)), "line {}", line.label);
    }
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let (_dir, registry, id) = full();
    let pdf = pdf(&registry, DocumentKind::CaseSummary, &id);
    if !have("pdffonts") {
        return;
    }
    let fonts = run_tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "the PDF uses fonts:\n{fonts}");
    for row in rows {
        // name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "every font is embedded and subset: {row}"
        );
        assert!(
            cols[0].contains('+'),
            "a subset font's name has its tag: {row}"
        );
    }
}

#[test]
fn the_plan_handout_shows_the_timeline_and_the_tasks_by_role() {
    let (_dir, registry, id) = full();
    let plan = registry.plan_for_child(&id, &stamp()).unwrap().unwrap();
    let pdf = pdf(&registry, DocumentKind::PlanHandout, &id);
    assert_valid(&pdf);
    let Some(flat) = flat_of(&pdf) else { return };
    for expected in [
        "退院支援計画",
        "時期ごとの予定",
        "担当ごとのタスク",
        "導入期",
        "退院予定日",
        "2027年1月8日",
        "完了",
        "狭山直子",
    ] {
        assert!(flat.contains(expected), "the handout shows {expected}");
    }
    for task in &plan.tasks {
        assert!(
            flat.contains(&squeezed(&task.title)),
            "task {} is listed",
            task.title
        );
    }
    assert!(flat.contains(&format!("{}件中5件完了", plan.tasks.len())));
}

#[test]
fn the_plan_handout_of_a_child_without_a_plan_is_not_found() {
    let (_dir, _vault, mut registry) = new_registry();
    let id = sample::register_child(&mut registry, 1, &stamp()).unwrap();
    let err = registry
        .document_pdf(&request(DocumentKind::PlanHandout, &id), &stamp())
        .expect_err("no active plan, no handout");
    assert_eq!(err.to_api(Lang::Ja).kind, ErrorKind::NotFound);
}

#[test]
fn the_emergency_sheet_is_one_page_with_phones_devices_batteries_and_where_to_go() {
    let (_dir, registry, id) = full();
    let pdf = pdf(&registry, DocumentKind::EmergencySheet, &id);
    if let Some(pages) = assert_valid(&pdf) {
        assert_eq!(pages, 1, "the sheet for 消防・電力会社 fits on one A4 page");
    }
    let Some(text) = text_of(&pdf) else { return };
    let flat = flat_of(&pdf).unwrap();
    for expected in [
        "緊急時情報シート",
        "人工呼吸器を使用しています",
        "川越陽葵",
        "川越市新宿町",
        "090-1000-5678",
        "人工呼吸器",
        "4時間",
        "8時間",
        "12時間",
        "埼玉医科大学総合医療センター（小児科）",
        "川越市立第一小学校体育館",
        "049-222-0000",
        "低酸素性虚血性脳症",
        "1/1",
    ] {
        assert!(
            flat.contains(expected),
            "the sheet shows {expected}:\n{text}"
        );
    }
}

#[test]
fn the_care_team_of_a_completed_plan_stays_on_the_sheet_and_the_summary() {
    let (_dir, mut registry, id) = full();
    let plan = registry
        .plan_for_child(&id, &stamp())
        .unwrap()
        .expect("the sample child has an active plan")
        .plan;
    registry
        .set_plan_status(
            &SetPlanStatusRequest {
                plan_id: plan.id.clone(),
                row_version: plan.row_version,
                status: PlanStatus::Completed,
                on: None,
            },
            &stamp(),
        )
        .expect("the plan is completed");
    let sheet = pdf(&registry, DocumentKind::EmergencySheet, &id);
    let Some(flat) = flat_of(&sheet) else { return };
    // The nurse's phone is a disaster contact too: her name and the home doctor's phone are
    // the team's alone.
    for expected in ["朝霞涼子", "049-333-4444", "狭山直子", "049-111-2222"] {
        assert!(
            flat.contains(expected),
            "the sheet still shows the team after discharge ({expected}):\n{flat}"
        );
    }
    let summary = flat_of(&pdf(&registry, DocumentKind::CaseSummary, &id)).unwrap();
    assert!(
        summary.contains("朝霞涼子") && summary.contains("049-333-4444"),
        "the summary still shows the team:\n{summary}"
    );
    assert!(!summary.contains("支援チームは登録されていません"));
}

#[test]
fn a_child_with_no_care_items_plan_or_profile_still_gets_a_summary_and_a_sheet() {
    let (_dir, _vault, mut registry) = new_registry();
    let id = sample::register_child(&mut registry, 2, &stamp()).unwrap();
    edit_child(&mut registry, &id, |c| {
        c.care_items.clear();
        c.diagnoses.clear();
        c.guardians.clear();
    });
    for kind in [DocumentKind::CaseSummary, DocumentKind::EmergencySheet] {
        let pdf = pdf(&registry, kind, &id);
        assert_valid(&pdf);
        let Some(flat) = flat_of(&pdf) else { continue };
        assert!(
            flat.contains("登録されていません"),
            "{kind:?} says what is missing"
        );
        if kind == DocumentKind::CaseSummary {
            assert!(flat.contains("医療的ケアはありません"));
            assert!(flat.contains("災害時の備えはまだ登録されていません"));
        }
    }
}

// ---- Text that must survive as it is -------------------------------------------------------

const MARKUP: [&str; 10] = [
    "#let x = 1",
    "$a^2$",
    "*太字*",
    "_斜体_",
    "<label>",
    "\\ バックスラッシュ",
    "@ref",
    "]閉じ括弧[",
    "// コメントではない",
    "#import \"x.typ\"",
];

#[test]
fn markup_like_text_is_printed_literally() {
    let (_dir, registry, id) = full();
    let mut registry = registry;
    edit_child(&mut registry, &id, |c| {
        c.name = "#川越 *陽葵*".into();
        c.residence.address = MARKUP.join(" ");
        c.guardians[0].name = "$母$ _美咲_".into();
        c.diagnoses[0].text = "<診断> // @ref ]".into();
        c.consent.note = "\\n \\\\ #{1+1}".into();
    });
    for kind in DocumentKind::ALL {
        let pdf = pdf(&registry, kind, &id);
        assert_valid(&pdf);
        let Some(text) = text_of(&pdf) else { return };
        let flat = flat_of(&pdf).unwrap();
        assert!(
            flat.contains("#川越*陽葵*"),
            "{kind:?}: the name as typed:\n{text}"
        );
        if kind != DocumentKind::PlanHandout {
            for piece in MARKUP {
                assert!(
                    flat.contains(&squeezed(piece)),
                    "{kind:?}: {piece} appears literally:\n{text}"
                );
            }
        }
        if kind == DocumentKind::CaseSummary {
            for piece in ["$母$_美咲_", "<診断>//@ref]", "\\n\\\\#{1+1}"] {
                assert!(flat.contains(piece), "{piece} appears literally:\n{text}");
            }
        }
    }
}

/// Word boxes (`pdftotext -bbox`): (page width, xMax of each word).
fn word_right_edges(pdf: &[u8]) -> Vec<(f64, f64, String)> {
    let html = run_tool("pdftotext", &["-bbox"], pdf);
    let mut out = Vec::new();
    let mut width = 0.0;
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            width = attr(line, "width");
        } else if line.starts_with("<word ") {
            let word = line
                .split('>')
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or("")
                .to_string();
            out.push((width, attr(line, "xMax"), word));
        }
    }
    out
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).unwrap() + key.len();
    let end = tag[start..].find('"').unwrap() + start;
    tag[start..end].parse().unwrap()
}

#[test]
fn very_long_names_and_addresses_wrap_inside_the_page() {
    let (_dir, registry, id) = full();
    let mut registry = registry;
    let long_address = "埼玉県川越市新宿町".to_string() + &"一丁目二番地三号".repeat(12);
    let long_token = "A".repeat(80);
    edit_child(&mut registry, &id, |c| {
        c.name = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る処に住む処やぶら小路の藪柑子パイポパイポパイポのシューリンガン".into();
        c.residence.address = format!("{long_address} {long_token}");
        c.guardians[0].email = format!("{}@example.jp", "x".repeat(60));
    });
    for kind in DocumentKind::ALL {
        let pdf = pdf(&registry, kind, &id);
        assert_valid(&pdf);
        if !have("pdftotext") {
            return;
        }
        for (width, x_max, word) in word_right_edges(&pdf) {
            assert!(
                x_max <= width - 20.0,
                "{kind:?}: {word} ends at {x_max} pt, past the right margin of a {width} pt page"
            );
        }
        let flat = flat_of(&pdf).unwrap();
        if kind != DocumentKind::PlanHandout {
            assert!(
                flat.contains(&long_token),
                "{kind:?}: the long token is all there"
            );
        }
    }
}

#[test]
fn a_character_beyond_the_bmp_renders_with_a_font_that_has_it() {
    let (_dir, registry, id) = full();
    let mut registry = registry;
    edit_child(&mut registry, &id, |c| c.name = "𠮷田 はな".into());
    let pdf = pdf(&registry, DocumentKind::CaseSummary, &id);
    assert_valid(&pdf);
    let fonts = kakehashi::pdf::fonts::system_fonts().unwrap();
    if !fonts.covers('𠮷') {
        eprintln!("no installed Japanese font has 𠮷; checked only that the PDF renders");
        return;
    }
    let Some(text) = text_of(&pdf) else { return };
    assert!(
        text.contains("𠮷田"),
        "𠮷 is printed, from a font that has it:\n{text}"
    );
}

// ---- Consent for recipients outside the team ------------------------------------------------

fn for_recipient(
    kind: DocumentKind,
    id: &str,
    recipient: ConsentScope,
    ack: bool,
) -> DocumentRequest {
    DocumentRequest {
        recipient: Some(recipient),
        acknowledge_consent_gap: ack,
        ..request(kind, id)
    }
}

#[test]
fn a_recipient_outside_the_consent_is_refused_until_the_coordinator_confirms() {
    let (_dir, registry, id) = full();
    // The sample's consent covers the fire department, not the power company.
    let err = registry
        .document_pdf(
            &for_recipient(
                DocumentKind::EmergencySheet,
                &id,
                ConsentScope::PowerCompany,
                false,
            ),
            &stamp(),
        )
        .expect_err("the power company is not in the consent");
    assert!(matches!(
        &err,
        Error::Validation {
            problem: Invalid::ConsentDoesNotCover {
                recipient: ConsentScope::PowerCompany
            },
            ..
        }
    ));
    let api = err.to_api(Lang::Ja);
    assert_eq!(api.field.as_deref(), Some("recipient"));
    assert!(
        api.message
            .contains("本人・家族の同意の範囲に電力会社が含まれていません"),
        "{}",
        api.message
    );
    assert!(err.to_api(Lang::En).message.contains("power company"));

    let pdf = registry
        .document_pdf(
            &for_recipient(
                DocumentKind::EmergencySheet,
                &id,
                ConsentScope::PowerCompany,
                true,
            ),
            &stamp(),
        )
        .expect("confirmed by the coordinator, it is made");
    assert_valid(&pdf);
    if let Some(flat) = flat_of(&pdf) {
        assert!(flat.contains("提供先：電力会社"));
        assert!(
            flat.contains("同意の範囲に電力会社は含まれていません"),
            "the sheet itself says it went beyond the consent"
        );
    }

    let pdf = registry
        .document_pdf(
            &for_recipient(
                DocumentKind::EmergencySheet,
                &id,
                ConsentScope::FireDepartment,
                false,
            ),
            &stamp(),
        )
        .expect("the fire department is in the consent");
    if let Some(flat) = flat_of(&pdf) {
        assert!(flat.contains("提供先：消防"));
        assert!(!flat.contains("含まれていません"));
    }
}

#[test]
fn a_consent_scope_without_a_date_does_not_cover_anyone() {
    let (_dir, registry, id) = full();
    let mut registry = registry;
    edit_child(&mut registry, &id, |c| c.consent.given_on = None);
    let err = registry
        .document_pdf(
            &for_recipient(
                DocumentKind::CaseSummary,
                &id,
                ConsentScope::FireDepartment,
                false,
            ),
            &stamp(),
        )
        .expect_err("no consent on file");
    assert_eq!(err.field(), Some("recipient"));
}

// ---- Writing files -------------------------------------------------------------------------

#[test]
fn a_document_is_written_whole_and_an_unwritable_path_leaves_nothing() {
    let (dir, registry, id) = full();
    let out = dir.path().join("ケースサマリー.pdf");
    registry
        .write_document_pdf(&request(DocumentKind::CaseSummary, &id), &out, &stamp())
        .unwrap();
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-") && bytes.ends_with(b"%%EOF\n") || bytes.ends_with(b"%%EOF")
    );
    let missing = dir.path().join("no-such-folder").join("x.pdf");
    let err = registry
        .write_document_pdf(&request(DocumentKind::CaseSummary, &id), &missing, &stamp())
        .expect_err("no folder, no file");
    assert_eq!(err.to_api(Lang::Ja).kind, ErrorKind::Io);
    assert!(!Path::new(&missing).exists());
}

#[test]
fn the_suggested_file_name_has_the_title_the_child_and_the_day() {
    let (_dir, registry, id) = full();
    let name = registry
        .document_file_name(&request(DocumentKind::EmergencySheet, &id), &stamp())
        .unwrap();
    assert_eq!(name, "緊急時情報シート_川越 陽葵_2026-11-24.pdf");
}

// ---- The roster ----------------------------------------------------------------------------

#[test]
fn an_empty_roster_still_renders_and_says_so() {
    let (_dir, _vault, registry) = new_registry();
    let pdf = registry
        .roster_pdf(&RosterQuery::default(), &stamp())
        .expect("an empty roster renders");
    if let Some(pages) = assert_valid(&pdf) {
        assert_eq!(pages, 1);
    }
    let Some(text) = text_of(&pdf) else { return };
    assert!(squeezed(&text).contains("対象の子どもはいません"));
}

#[test]
fn a_municipality_roster_names_it_in_the_header_or_shows_the_code_when_unknown() {
    let stamp = stamp();
    let (_dir, registry) = roster_registry(2, &stamp);
    for (code, scope) in [("112011", "対象：川越市"), ("999999", "対象：999999")] {
        let pdf = registry
            .roster_pdf(
                &RosterQuery {
                    municipality_code: Some(format!(" {code} ")),
                },
                &stamp,
            )
            .expect("the roster of one municipality renders");
        assert_valid(&pdf);
        let Some(flat) = flat_of(&pdf) else { return };
        assert!(flat.contains(scope), "the header says {scope}:\n{flat}");
    }
}

fn roster_registry(children: u32, stamp: &Stamp) -> (tempfile::TempDir, Registry) {
    let (dir, _vault, mut registry) = new_registry();
    for n in 0..children {
        let id = sample::register_child(&mut registry, n, stamp).unwrap();
        if n % 4 != 3 {
            sample::save_disaster_profile(&mut registry, &id, n, stamp).unwrap();
        }
    }
    (dir, registry)
}

#[test]
fn a_thousand_child_roster_runs_to_many_landscape_pages_with_the_header_on_each() {
    let stamp = stamp();
    let (_dir, registry) = roster_registry(1000, &stamp);
    let started = std::time::Instant::now();
    let pdf = registry
        .roster_pdf(&RosterQuery::default(), &stamp)
        .expect("the roster renders");
    eprintln!(
        "1,000-child roster: {:?}, {} KiB",
        started.elapsed(),
        pdf.len() / 1024
    );
    let Some(pages) = assert_valid(&pdf) else {
        return;
    };
    assert!(
        pages >= 50,
        "a thousand children take many pages, not {pages}"
    );
    let info = run_tool("pdfinfo", &[], &pdf);
    assert!(info.contains("841.89 x 595.2"), "landscape A4:\n{info}");
    for p in 1..=pages {
        let page = page_text(&pdf, p);
        let flat = squeezed(&page);
        for header in [
            "順位",
            "氏名・年齢",
            "保護者",
            "緊急連絡先",
            "搬送先・避難所",
        ] {
            assert!(
                flat.contains(header),
                "page {p} repeats the header {header}"
            );
        }
        assert!(
            flat.contains(&format!("{p}/{pages}")),
            "page {p} is numbered"
        );
        assert!(flat.contains("取扱注意"));
    }
    let text = text_of(&pdf).unwrap();
    let flat = squeezed(&text);
    assert!(flat.contains("1000人"), "the count of children is printed");
    // Ventilated children come first.
    let first = page_text(&pdf, 1);
    assert!(squeezed(&first).contains("呼吸器"));
}
