//! Exporting the directory: an internal export imports back unchanged; the public export holds
//! only consented parts; Shift_JIS on request; formulas never reach a spreadsheet.

use kakehashi::demo::DemoSpec;
use kakehashi::io::Encoding;
use kakehashi::providers::export::{CsvEncoding, ExportOptions};
use kakehashi::providers::import::{ImportMode, ImportOptions};
use kakehashi::providers::{ProviderInput, ProviderSearch};
use kakehashi::{Lang, Registry};

use crate::support::{new_registry, stamp};

fn export(registry: &Registry, public: bool, encoding: CsvEncoding) -> Vec<u8> {
    let mut out = Vec::new();
    registry
        .export_providers_csv(&mut out, &ExportOptions { public, encoding })
        .unwrap();
    out
}

fn all_providers(registry: &Registry) -> Vec<ProviderInput> {
    let list = registry
        .search_providers(&ProviderSearch {
            limit: Some(1000),
            ..ProviderSearch::default()
        })
        .unwrap();
    let mut all: Vec<ProviderInput> = list
        .rows
        .iter()
        .map(|r| registry.get_provider(&r.id).unwrap().provider)
        .collect();
    all.sort_by(|a, b| (&a.name, &a.address).cmp(&(&b.name, &b.address)));
    all
}

fn import_file(
    registry: &mut Registry,
    path: &std::path::Path,
) -> kakehashi::providers::import::ImportReport {
    let options = ImportOptions {
        encoding: Encoding::Auto,
        mapping: None,
        mode: ImportMode::GoodRows,
        lang: Lang::Ja,
    };
    registry
        .import_providers(path, &options, &stamp(), &mut |_, _| true)
        .unwrap()
}

#[test]
fn an_internal_export_imports_back_into_an_equal_directory() {
    let (_d1, _v1, mut source) = new_registry();
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/providers/survey-sample.utf8.csv");
    import_file(&mut source, &sample);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, export(&source, false, CsvEncoding::Utf8Bom)).unwrap();

    let (_d2, _v2, mut copy) = new_registry();
    let report = import_file(&mut copy, &path);
    assert_eq!(report.errors, 0, "{:?}", report.problems);
    assert_eq!(
        all_providers(&copy),
        all_providers(&source),
        "export then import round-trips"
    );
    let again = import_file(&mut source, &path);
    assert_eq!(
        (again.new, again.updated),
        (0, 0),
        "and importing it over the source changes nothing"
    );
}

#[test]
fn the_public_export_holds_only_what_each_provider_consented_to_publish() {
    let (_dir, _vault, mut registry) = new_registry();
    registry
        .generate_demo(
            DemoSpec {
                seed: 11,
                children: 0,
                providers: 300,
            },
            &stamp(),
        )
        .unwrap();
    let text = String::from_utf8(export(&registry, true, CsvEncoding::Utf8Bom)).unwrap();
    let all = all_providers(&registry);
    let consented = all.iter().filter(|p| p.publication.name).count();
    assert!(
        consented > 0 && consented < all.len(),
        "the demo mixes consents"
    );
    assert_eq!(
        text.lines().count(),
        consented + 1,
        "one row per provider that agreed to publish, plus the header"
    );
    for p in &all {
        if !p.publication.phone && !p.phone.is_empty() {
            assert!(!text.contains(&p.phone), "{}'s phone is not public", p.name);
        }
        if !p.publication.name {
            assert!(
                !text.contains(&format!("{},", p.name))
                    || all.iter().any(|o| o.publication.name && o.name == p.name),
                "{} did not agree to be listed",
                p.name
            );
        }
    }
    assert!(
        !text.contains("最終確認日"),
        "internal columns are not in the public export"
    );
}

#[test]
fn shift_jis_on_request_says_the_same_as_utf8() {
    let (_dir, _vault, mut registry) = new_registry();
    registry
        .generate_demo(
            DemoSpec {
                seed: 12,
                children: 0,
                providers: 50,
            },
            &stamp(),
        )
        .unwrap();
    let utf8 = export(&registry, false, CsvEncoding::Utf8Bom);
    let sjis = export(&registry, false, CsvEncoding::ShiftJis);
    assert!(
        utf8.starts_with("\u{feff}".as_bytes()),
        "UTF-8 with a BOM by default"
    );
    let (decoded, _, had_errors) = encoding_rs::SHIFT_JIS.decode(&sjis);
    assert!(!had_errors);
    let expected = String::from_utf8(utf8)
        .unwrap()
        .trim_start_matches('\u{feff}')
        .replace('〜', "～");
    assert!(
        !decoded.contains("&#"),
        "no character fell back to a numeric reference"
    );
    assert_eq!(decoded, expected, "the same text, 〜 written as CP932's ～");
}

#[test]
fn a_name_that_looks_like_a_formula_is_exported_as_text() {
    let (_dir, _vault, mut registry) = new_registry();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.csv");
    std::fs::write(&path, "種別,事業所名,市区町村\n訪問看護ステーション,\"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",川越市\n").unwrap();
    let report = import_file(&mut registry, &path);
    assert_eq!(report.new, 1, "{:?}", report.problems);
    let text = String::from_utf8(export(&registry, false, CsvEncoding::Utf8Bom)).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK("),
        "the formula is neutralised: {text}"
    );
}
