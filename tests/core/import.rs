//! Importing providers from files: dry run, good rows only or all or nothing, re-import
//! changes nothing, Shift_JIS and UTF-8 give the same directory, cancel writes nothing.

use std::path::PathBuf;

use kakehashi::io::Encoding;
use kakehashi::providers::ProviderSearch;
use kakehashi::providers::import::{ImportMode, ImportOptions, ImportProgress, ImportReport};
use kakehashi::{Lang, Registry};

use crate::support::{new_registry, stamp};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/providers")
        .join(name)
}

fn import(registry: &mut Registry, file: &str, mode: ImportMode) -> ImportReport {
    let options = ImportOptions {
        encoding: Encoding::Auto,
        mapping: None,
        mode,
        lang: Lang::Ja,
    };
    registry
        .import_providers(&fixture(file), &options, &stamp(), &mut |_, _| true)
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn a_dry_run_counts_the_rows_and_writes_nothing() {
    let (_dir, _vault, mut registry) = new_registry();
    let before = registry.record_counts().unwrap();
    let report = import(&mut registry, "survey-sample.sjis.csv", ImportMode::DryRun);
    assert!(report.rows >= 20, "the sample's rows were read: {report:?}");
    assert_eq!(
        report.new + report.updated + report.unchanged + report.errors,
        report.rows,
        "every row is counted once"
    );
    assert!(report.new > 0);
    assert!(!report.applied);
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "a dry run writes nothing"
    );
}

#[test]
fn importing_the_same_survey_again_changes_nothing_whatever_its_encoding() {
    let (_dir, _vault, mut registry) = new_registry();
    let first = import(
        &mut registry,
        "survey-sample.sjis.csv",
        ImportMode::GoodRows,
    );
    assert!(first.applied);
    let counts = registry.record_counts().unwrap();
    assert_eq!(counts.providers, first.new as i64);

    let again = import(
        &mut registry,
        "survey-sample.sjis.csv",
        ImportMode::GoodRows,
    );
    assert_eq!(
        (again.new, again.updated),
        (0, 0),
        "re-importing changes nothing: {:?}",
        again.problems
    );
    assert_eq!(again.unchanged, first.new);

    let utf8 = import(
        &mut registry,
        "survey-sample.utf8.csv",
        ImportMode::GoodRows,
    );
    assert_eq!(
        (utf8.new, utf8.updated),
        (0, 0),
        "the UTF-8 file holds the same providers"
    );
    assert_eq!(
        registry.record_counts().unwrap(),
        counts,
        "and nothing was written"
    );
    assert!(registry.verify().unwrap().is_empty());
}

#[test]
fn the_survey_sample_is_searchable_by_what_a_ventilated_child_needs() {
    let (_dir, _vault, mut registry) = new_registry();
    import(
        &mut registry,
        "survey-sample.utf8.csv",
        ImportMode::GoodRows,
    );
    let found = registry
        .search_providers(&ProviderSearch {
            kind: Some(kakehashi::domain::provider_kind::ProviderKind::VisitingNursing),
            municipality_code: Some("112011".into()),
            care_item: Some(kakehashi::domain::care_item::CareItemCode::Ventilator),
            ..ProviderSearch::default()
        })
        .unwrap();
    assert!(
        found.total >= 1,
        "a visiting nursing station in 川越市 takes ventilated children"
    );
    let all_kawagoe_nursing = registry
        .search_providers(&ProviderSearch {
            kind: Some(kakehashi::domain::provider_kind::ProviderKind::VisitingNursing),
            municipality_code: Some("112011".into()),
            ..ProviderSearch::default()
        })
        .unwrap();
    assert!(
        all_kawagoe_nursing.total > found.total,
        "and some there do not (or did not answer)"
    );
}

#[test]
fn open_data_with_bad_rows_reports_each_by_line_and_all_or_nothing_writes_none() {
    let (_dir, _vault, mut registry) = new_registry();
    let before = registry.record_counts().unwrap();
    let report = import(
        &mut registry,
        "open-data-sample.csv",
        ImportMode::AllOrNothing,
    );
    assert_eq!(
        report.errors, 3,
        "bad coordinates, unknown municipality, repeated 事業所番号: {:?}",
        report.problems
    );
    let lines: Vec<u64> = report
        .problems
        .iter()
        .filter(|p| p.severity == kakehashi::io::Severity::Error)
        .map(|p| p.line)
        .collect();
    for line in [8, 13, 22] {
        assert!(lines.contains(&line), "line {line} is reported: {lines:?}");
    }
    assert!(report.problems.iter().all(|p| !p.message.is_empty()));
    assert!(
        !report.applied,
        "one bad row and all-or-nothing: nothing is written"
    );
    assert_eq!(registry.record_counts().unwrap(), before);

    let good = import(&mut registry, "open-data-sample.csv", ImportMode::GoodRows);
    assert_eq!(good.new, good.rows - 3, "the good rows are imported");
    assert_eq!(registry.record_counts().unwrap().providers, good.new as i64);
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let (_dir, _vault, mut registry) = new_registry();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    let mut text = String::from("種別,事業所名,市区町村\n");
    for i in 0..2000 {
        text.push_str(&format!("訪問看護ステーション,事業所{i},川越市\n"));
    }
    std::fs::write(&path, text).unwrap();
    let before = registry.record_counts().unwrap();
    let options = ImportOptions {
        encoding: Encoding::Auto,
        mapping: None,
        mode: ImportMode::GoodRows,
        lang: Lang::Ja,
    };
    let report = registry
        .import_providers(&path, &options, &stamp(), &mut |_, _| false)
        .unwrap();
    assert!(report.cancelled);
    assert!(!report.applied);
    assert_eq!(
        registry.record_counts().unwrap(),
        before,
        "cancel rolls everything back"
    );
}

#[test]
fn an_xlsx_import_reports_rows_read_and_can_be_cancelled() {
    let (_dir, _vault, mut registry) = new_registry();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, header) in ["種別", "事業所名", "市区町村"].iter().enumerate() {
        sheet.write_string(0, c as u16, *header).unwrap();
    }
    for r in 1..=1000u32 {
        sheet.write_string(r, 0, "訪問看護ステーション").unwrap();
        sheet.write_string(r, 1, format!("事業所{r}")).unwrap();
        sheet.write_string(r, 2, "川越市").unwrap();
    }
    book.save(&path).unwrap();
    let before = registry.record_counts().unwrap();
    let options = ImportOptions {
        encoding: Encoding::Auto,
        mapping: None,
        mode: ImportMode::GoodRows,
        lang: Lang::Ja,
    };
    let mut seen = Vec::new();
    let report = registry
        .import_providers(&path, &options, &stamp(), &mut |done, total| {
            seen.push((done, total));
            false
        })
        .unwrap();
    assert_eq!(
        seen,
        [(256, 0)],
        "an XLSX reports rows read, its total unknown (0), and stops at the first answer"
    );
    assert_eq!(
        ImportProgress::from_pair(256, 0).total,
        None,
        "the UI is told the total is unknown"
    );
    assert!(report.cancelled && !report.applied);
    assert_eq!(registry.record_counts().unwrap(), before, "nothing written");
}

#[test]
fn an_empty_file_is_a_clear_error() {
    let (_dir, _vault, mut registry) = new_registry();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.csv");
    std::fs::write(&path, "").unwrap();
    let options = ImportOptions {
        encoding: Encoding::Auto,
        mapping: None,
        mode: ImportMode::GoodRows,
        lang: Lang::Ja,
    };
    let err = registry
        .import_providers(&path, &options, &stamp(), &mut |_, _| true)
        .unwrap_err();
    let api = err.to_api(Lang::Ja);
    assert_eq!(api.field.as_deref(), Some("file"));
    assert!(!api.message.is_empty());
}

#[test]
fn the_preview_recognises_the_survey_template_and_shows_the_first_rows() {
    let preview = kakehashi::providers::import::preview_import(
        &fixture("survey-sample.sjis.csv"),
        Encoding::Auto,
    )
    .unwrap();
    assert_eq!(preview.file_name, "survey-sample.sjis.csv");
    assert_eq!(preview.format, kakehashi::io::SourceFormat::CsvShiftJis);
    assert_eq!(preview.sample.len(), 5);
    assert!(
        preview.headers.iter().any(|h| h == "事業所名"),
        "headers decoded from Shift_JIS"
    );
    let name = preview
        .mapping
        .columns
        .iter()
        .find(|c| c.header == "事業所名")
        .unwrap();
    assert_eq!(
        name.field,
        Some(kakehashi::io::Field::Name),
        "recognised without help"
    );
}
