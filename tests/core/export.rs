//! Exporting the directory: internal exports (CSV, XLSX) import back unchanged; public
//! exports (CSV, GeoJSON, KML, HTML) hold only consented parts; Shift_JIS on request;
//! formulas never reach a spreadsheet; markup is escaped; a map shows only public locations.

use std::collections::{HashMap, HashSet};

use calamine::Reader;
use kakehashi::demo::DemoSpec;
use kakehashi::domain::provider_kind::ProviderKind;
use kakehashi::io::Encoding;
use kakehashi::providers::export::{CsvEncoding, ExportFormat, ExportOptions, ExportSummary};
use kakehashi::providers::import::{ImportMode, ImportOptions};
use kakehashi::providers::*;
use kakehashi::{ErrorKind, Lang, Registry};
use proptest::prelude::*;

use crate::support::{new_registry, stamp};

fn export_as(
    registry: &Registry,
    public: bool,
    format: ExportFormat,
    encoding: CsvEncoding,
) -> (Vec<u8>, ExportSummary) {
    let mut out = Vec::new();
    let options = ExportOptions {
        public,
        encoding,
        format,
    };
    let summary = registry
        .export_providers(&options, &stamp(), &mut out)
        .unwrap_or_else(|e| panic!("{format:?} public={public}: {e}"));
    (out, summary)
}

fn export(registry: &Registry, public: bool, encoding: CsvEncoding) -> Vec<u8> {
    export_as(registry, public, ExportFormat::Csv, encoding).0
}

/// A public export in a text format, as text.
fn public_text(registry: &Registry, format: ExportFormat) -> (String, ExportSummary) {
    let (bytes, summary) = export_as(registry, true, format, CsvEncoding::Utf8Bom);
    (String::from_utf8(bytes).expect("UTF-8"), summary)
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

fn survey_sample(registry: &mut Registry) {
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/providers/survey-sample.utf8.csv");
    let report = import_file(registry, &sample);
    assert!(report.new > 20, "{:?}", report.problems);
}

fn demo(registry: &mut Registry, seed: u64, providers: u32) {
    registry
        .generate_demo(
            DemoSpec {
                seed,
                children: 0,
                providers,
            },
            &stamp(),
        )
        .unwrap();
}

fn add(registry: &mut Registry, provider: ProviderInput) {
    registry
        .add_provider(
            &AddProviderRequest {
                provider,
                answered_on: None,
            },
            &stamp(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
}

/// A public provider in 川越市 with every part filled in and every part consented.
fn station(name: &str) -> ProviderInput {
    ProviderInput {
        kind: ProviderKind::VisitingNursing,
        name: name.into(),
        kana: "カワゴエステーション".into(),
        postal_code: "350-0043".into(),
        address: "埼玉県川越市新富町1-1".into(),
        municipality_code: "112011".into(),
        lat: Some(35.9087),
        lon: Some(139.4824),
        phone: "049-222-1111".into(),
        fax: "049-222-1112".into(),
        email: "info@example.jp".into(),
        contact_person: "新井".into(),
        business_number: None,
        capacity: Some(3),
        opening_hours: "月～金 9:00-18:00".into(),
        record_source: RecordSource::Survey,
        last_verified_on: Some("2025-06-01".into()),
        conditions: Conditions {
            accepts_children: Answer::Yes,
            free_text: "要相談".into(),
            ..Conditions::default()
        },
        publication: PublicationConsent {
            name: true,
            address: true,
            phone: true,
            contact_person: true,
            conditions: true,
            consented_on: Some("2025-06-01".into()),
        },
    }
}

/// Inside Japan (as the importer checks coordinates).
fn in_japan(lon: f64, lat: f64) -> bool {
    (122.0..=154.0).contains(&lon) && (20.0..=46.0).contains(&lat)
}

// ---------------------------------------------------------------------------------------
// CSV

#[test]
fn an_internal_export_imports_back_into_an_equal_directory() {
    let (_d1, _v1, mut source) = new_registry();
    survey_sample(&mut source);
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
    demo(&mut registry, 11, 300);
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
    demo(&mut registry, 12, 50);
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

const EVIL_CSV: &str = "種別,事業所名,市区町村,備考\n訪問看護ステーション,\"=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\",川越市,@SUM(A1)\n";

#[test]
fn a_name_that_looks_like_a_formula_is_exported_as_text() {
    let (_dir, _vault, mut registry) = new_registry();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.csv");
    std::fs::write(&path, EVIL_CSV).unwrap();
    let report = import_file(&mut registry, &path);
    assert_eq!(report.new, 1, "{:?}", report.problems);
    let text = String::from_utf8(export(&registry, false, CsvEncoding::Utf8Bom)).unwrap();
    assert!(
        text.contains("\"'=HYPERLINK("),
        "the formula is neutralised: {text}"
    );
}

// ---------------------------------------------------------------------------------------
// Formats and audiences

#[test]
fn a_format_the_audience_does_not_have_is_refused_on_the_format_field() {
    let (_dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 13, 10);
    for (public, format) in [
        (false, ExportFormat::Kml),
        (false, ExportFormat::GeoJson),
        (false, ExportFormat::Html),
        (true, ExportFormat::Xlsx),
    ] {
        let mut out = Vec::new();
        let options = ExportOptions {
            public,
            format,
            ..ExportOptions::default()
        };
        let err = registry
            .export_providers(&options, &stamp(), &mut out)
            .expect_err("not offered");
        let api = err.to_api(Lang::Ja);
        assert_eq!(api.kind, ErrorKind::Validation);
        assert_eq!(api.field.as_deref(), Some("format"));
        let other = if public { "内部用" } else { "公開用" };
        assert!(
            api.message.contains(other),
            "says which export has it: {}",
            api.message
        );
        assert!(out.is_empty(), "nothing is written");
    }
}

#[test]
fn an_empty_directory_exports_valid_empty_files_in_every_format() {
    let (_dir, _vault, registry) = new_registry();
    for public in [false, true] {
        for format in ExportFormat::ALL
            .into_iter()
            .filter(|f| f.is_offered(public))
        {
            let (bytes, summary) = export_as(&registry, public, format, CsvEncoding::Utf8Bom);
            assert_eq!(
                (summary.providers, summary.left_out, summary.not_public),
                (0, 0, 0),
                "{format:?}"
            );
            match format {
                ExportFormat::GeoJson => {
                    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                    assert_eq!(json["features"].as_array().map(Vec::len), Some(0));
                }
                ExportFormat::Kml => {
                    let kml = parse_kml(std::str::from_utf8(&bytes).unwrap());
                    assert_eq!(kml.styles.len(), ProviderKind::ALL.len());
                    assert!(kml.placemarks.is_empty());
                }
                ExportFormat::Xlsx => {
                    let range = xlsx_sheet(bytes).worksheet_range("事業所一覧").unwrap();
                    assert_eq!(range.rows().count(), 1, "the header only");
                }
                ExportFormat::Csv | ExportFormat::Html => {
                    assert!(!bytes.is_empty(), "a header, a page")
                }
            }
        }
    }
}

#[test]
fn options_without_a_format_mean_csv_so_earlier_callers_keep_working() {
    let options: ExportOptions =
        serde_json::from_str(r#"{"public":true,"encoding":"shift_jis"}"#).unwrap();
    assert_eq!(options.format, ExportFormat::Csv);
    let options: ExportOptions =
        serde_json::from_str(r#"{"public":true,"format":"geojson"}"#).unwrap();
    assert_eq!(options.format, ExportFormat::GeoJson);
}

// ---------------------------------------------------------------------------------------
// XLSX

fn xlsx_sheet(bytes: Vec<u8>) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook calamine opens")
}

#[test]
fn an_internal_xlsx_imports_back_into_an_equal_directory() {
    let (_d1, _v1, mut source) = new_registry();
    survey_sample(&mut source);
    let mut formula_like = station("数式のような備考の事業所");
    formula_like.conditions.free_text = "=1+1 は数式ではありません".into();
    formula_like.contact_person = "@担当".into();
    add(&mut source, formula_like);
    let (bytes, summary) = export_as(&source, false, ExportFormat::Xlsx, CsvEncoding::Utf8Bom);
    let total = all_providers(&source).len();
    assert_eq!(summary.providers as usize, total, "one row per provider");
    assert_eq!((summary.left_out, summary.not_public), (0, 0));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.xlsx");
    std::fs::write(&path, bytes).unwrap();

    let (_d2, _v2, mut copy) = new_registry();
    let report = import_file(&mut copy, &path);
    assert_eq!(report.errors, 0, "{:?}", report.problems);
    assert_eq!(report.new as usize, total);
    assert_eq!(
        all_providers(&copy),
        all_providers(&source),
        "XLSX export then import round-trips"
    );
    let again = import_file(&mut source, &path);
    assert_eq!(
        (again.new, again.updated),
        (0, 0),
        "and importing it over the source changes nothing"
    );
}

#[test]
fn the_xlsx_has_the_csv_header_and_numbers_as_numbers() {
    use calamine::Data;
    let (_dir, _vault, mut registry) = new_registry();
    add(&mut registry, station("川越あおば訪問看護ステーション"));
    let (bytes, _) = export_as(&registry, false, ExportFormat::Xlsx, CsvEncoding::Utf8Bom);
    let csv = String::from_utf8(export(&registry, false, CsvEncoding::Utf8Bom)).unwrap();
    let csv_header: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    let mut book = xlsx_sheet(bytes);
    let range = book.worksheet_range("事業所一覧").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, csv_header, "the internal CSV's columns, in order");
    let row: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
    let col = |label: &str| header.iter().position(|h| h == label).unwrap();
    assert_eq!(
        row[col("緯度")],
        &Data::Float(35.9087),
        "a coordinate is a number"
    );
    assert_eq!(row[col("定員")], &Data::Float(3.0));
    assert_eq!(
        row[col("電話")],
        &Data::String("049-222-1111".into()),
        "a phone number stays text"
    );
    assert_eq!(
        row[col("市区町村コード")],
        &Data::String("112011".into()),
        "codes keep their leading digits as text"
    );
}

#[test]
fn an_xlsx_cell_that_looks_like_a_formula_is_a_string_never_a_formula() {
    use calamine::Data;
    let (_dir, _vault, mut registry) = new_registry();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.csv");
    std::fs::write(&path, EVIL_CSV).unwrap();
    assert_eq!(import_file(&mut registry, &path).new, 1);
    let (bytes, _) = export_as(&registry, false, ExportFormat::Xlsx, CsvEncoding::Utf8Bom);
    let mut book = xlsx_sheet(bytes);
    let formulas = book.worksheet_formula("事業所一覧").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell holds a formula"
    );
    let values = book.worksheet_range("事業所一覧").unwrap();
    let cells: Vec<&Data> = values.rows().nth(1).unwrap().iter().collect();
    assert!(
        cells.contains(&&Data::String("=HYPERLINK(\"http://x\",\"x\")".into())),
        "the text is kept exactly, as a string: {cells:?}"
    );
    assert!(cells.contains(&&Data::String("@SUM(A1)".into())));
}

// ---------------------------------------------------------------------------------------
// GeoJSON and KML

/// The demo (every provider has coordinates; consent is all or nothing but conditions) plus
/// two public providers that cannot be on a map: one without coordinates, one that keeps
/// its address private.
fn map_directory() -> (tempfile::TempDir, kakehashi::Vault, Registry) {
    let (dir, vault, mut registry) = new_registry();
    demo(&mut registry, 15, 120);
    let mut no_point = station("座標なし訪問看護");
    no_point.lat = None;
    no_point.lon = None;
    add(&mut registry, no_point);
    let mut private_address = station("住所非公開訪問看護");
    private_address.publication.address = false;
    private_address.lat = Some(35.8512);
    private_address.lon = Some(139.3456);
    add(&mut registry, private_address);
    add(&mut registry, station("<b>\"あおば\" & 'みどり'</b>"));
    (dir, vault, registry)
}

#[test]
fn geojson_has_a_point_for_each_public_location_inside_japan_and_counts_the_others() {
    let (_dir, _vault, registry) = map_directory();
    let all = all_providers(&registry);
    let on_map: Vec<&ProviderInput> = all
        .iter()
        .filter(|p| p.publication.name && p.publication.address && p.lat.is_some())
        .collect();
    let public = all.iter().filter(|p| p.publication.name).count();
    let (text, summary) = public_text(&registry, ExportFormat::GeoJson);
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    assert_eq!(
        features.len(),
        on_map.len(),
        "one feature per public location"
    );
    assert_eq!(summary.providers as usize, on_map.len());
    assert_eq!(
        summary.left_out as usize,
        public - on_map.len(),
        "the public providers not on the map are counted"
    );
    assert_eq!(summary.left_out, 2, "no coordinates; address not public");
    assert_eq!(
        summary.not_public as usize,
        all.len() - public,
        "and so are those not public at all"
    );
    let names: HashSet<&str> = features
        .iter()
        .map(|f| f["properties"]["name"].as_str().unwrap())
        .collect();
    assert!(!names.contains("座標なし訪問看護"));
    assert!(
        !names.contains("住所非公開訪問看護"),
        "a point would reveal the address"
    );
    assert!(
        !text.contains("35.8512"),
        "nor are its coordinates anywhere"
    );
    assert!(
        names.contains("<b>\"あおば\" & 'みどり'</b>"),
        "JSON keeps the name as written"
    );
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!(in_japan(lon, lat), "[lon, lat] inside Japan: {c:?}");
        let p = &f["properties"];
        let source = on_map
            .iter()
            .find(|s| {
                // Six decimals (RFC 7946 §11.2).
                s.name == p["name"].as_str().unwrap()
                    && s.lon.is_some_and(|x| (x - lon).abs() <= 5e-7)
                    && s.lat.is_some_and(|y| (y - lat).abs() <= 5e-7)
            })
            .unwrap_or_else(|| panic!("a feature is a public provider: {f}"));
        assert_eq!(p["kind"], source.kind.code());
        assert_eq!(p["kind_label"], source.kind.code_and_label().1);
        assert!(p["municipality"].as_str().is_some_and(|m| !m.is_empty()));
        assert_eq!(
            p.get("phone").is_some(),
            source.publication.phone && !source.phone.is_empty(),
            "the phone only when consented"
        );
        assert_eq!(
            p.get("conditions").is_some(),
            source.publication.conditions && source.conditions != Conditions::default(),
            "the conditions only when consented"
        );
        assert!(p.get("email").is_none() && p.get("business_number").is_none());
    }
}

/// What a KML document holds, read with a real XML parser (which fails on malformed XML).
#[derive(Debug, Default)]
struct Kml {
    namespace: String,
    /// style id → IconStyle colour
    styles: HashMap<String, String>,
    placemarks: Vec<Placemark>,
}

#[derive(Debug, Default, Clone)]
struct Placemark {
    name: String,
    description: String,
    style_url: String,
    coordinates: String,
}

fn parse_kml(text: &str) -> Kml {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut kml = Kml::default();
    let mut path: Vec<String> = Vec::new();
    let mut text_so_far = String::new();
    let mut style = String::new();
    let mut placemark = Placemark::default();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.name().as_ref().to_string();
                for a in e.attributes() {
                    let a = a.expect("well-formed attribute");
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .expect("known entities")
                        .to_string();
                    match (name.as_str(), a.key.as_ref()) {
                        ("kml", "xmlns") => kml.namespace = value,
                        ("Style", "id") => style = value,
                        _ => {}
                    }
                }
                if name == "Placemark" {
                    placemark = Placemark::default();
                }
                path.push(name);
                text_so_far.clear();
            }
            Event::Text(t) => text_so_far.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("a valid reference") {
                Some(c) => text_so_far.push(c),
                None => text_so_far.push_str(
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .expect("only XML's predefined entities"),
                ),
            },
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                assert_eq!(path.pop().as_deref(), Some(name.as_str()));
                let in_placemark = path.iter().any(|p| p == "Placemark");
                match name.as_str() {
                    "color" => {
                        kml.styles.insert(style.clone(), text_so_far.clone());
                    }
                    "name" if in_placemark => placemark.name = text_so_far.clone(),
                    "description" if in_placemark => placemark.description = text_so_far.clone(),
                    "styleUrl" => placemark.style_url = text_so_far.clone(),
                    "coordinates" => placemark.coordinates = text_so_far.clone(),
                    "Placemark" => kml.placemarks.push(placemark.clone()),
                    _ => {}
                }
                text_so_far.clear();
            }
            Event::Empty(_) => panic!("we write no empty elements"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty(), "every element is closed");
    kml
}

#[test]
fn kml_is_well_formed_with_a_coloured_style_per_kind_and_a_placemark_per_public_location() {
    let (_dir, _vault, registry) = map_directory();
    let all = all_providers(&registry);
    let on_map: Vec<&ProviderInput> = all
        .iter()
        .filter(|p| p.publication.name && p.publication.address && p.lat.is_some())
        .collect();
    let (text, summary) = public_text(&registry, ExportFormat::Kml);
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let kml = parse_kml(&text);
    assert_eq!(kml.namespace, "http://www.opengis.net/kml/2.2", "KML 2.2");
    assert_eq!(kml.placemarks.len(), on_map.len());
    assert_eq!(summary.providers as usize, on_map.len());
    assert_eq!(summary.left_out, 2);

    let kinds: HashSet<ProviderKind> = on_map.iter().map(|p| p.kind).collect();
    assert!(kinds.len() > 3, "the demo has several kinds");
    for kind in &kinds {
        let colour = kml
            .styles
            .get(&format!("kind-{}", kind.code()))
            .unwrap_or_else(|| panic!("a style for {kind:?}"));
        assert!(
            colour.len() == 8 && colour.starts_with("ff"),
            "aabbggrr, opaque: {colour}"
        );
    }
    let colours: HashSet<&String> = kml.styles.values().collect();
    assert_eq!(
        colours.len(),
        kml.styles.len(),
        "a distinct colour per kind"
    );
    assert_eq!(kml.styles.len(), ProviderKind::ALL.len());

    for pm in &kml.placemarks {
        let (lon, lat) = pm.coordinates.split_once(',').expect("lon,lat");
        let (lon, lat): (f64, f64) = (lon.parse().unwrap(), lat.parse().unwrap());
        assert!(in_japan(lon, lat), "lon,lat order: {}", pm.coordinates);
        let source = on_map
            .iter()
            .find(|p| {
                p.name == pm.name
                    && p.lat.is_some_and(|y| (y - lat).abs() <= 5e-7)
                    && p.lon.is_some_and(|x| (x - lon).abs() <= 5e-7)
            })
            .unwrap_or_else(|| panic!("{} is a public provider at its point", pm.name));
        assert_eq!(pm.style_url, format!("#kind-{}", source.kind.code()));
        assert!(pm.description.contains(source.kind.code_and_label().1));
        if source.publication.phone {
            assert!(pm.description.contains(&source.phone));
        }
    }
    assert!(
        kml.placemarks
            .iter()
            .any(|p| p.name == "<b>\"あおば\" & 'みどり'</b>"),
        "markup in a name is escaped and reads back as written"
    );
    assert!(!text.contains("住所非公開訪問看護"));
}

// ---------------------------------------------------------------------------------------
// HTML

#[test]
fn the_html_page_loads_nothing_from_outside_and_lists_the_public_providers() {
    let (_dir, _vault, mut registry) = new_registry();
    demo(&mut registry, 16, 150);
    let all = all_providers(&registry);
    let (html, summary) = public_text(&registry, ExportFormat::Html);
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(
            !html.contains(external),
            "no external reference: {external}"
        );
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"ja\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("2026年11月24日"), "the generated date line");
    assert_eq!(html.matches("<script>").count(), 1, "one inline script");
    let public = all.iter().filter(|p| p.publication.name).count();
    assert_eq!(summary.providers as usize, public);
    let body = &html[html.find("<tbody>").unwrap()..html.find("</tbody>").unwrap()];
    assert_eq!(
        body.matches("<tr ").count(),
        public,
        "the table is in the page, so it reads with scripts off"
    );
    for p in &all {
        if p.publication.name {
            assert!(body.contains(&p.name), "{} is listed", p.name);
        }
        // (Unless a public provider happens to have the same one.)
        let shared = |part: fn(&ProviderInput) -> &String| {
            all.iter()
                .any(|o| o.publication.name && o.publication.phone && part(o) == part(p))
        };
        if !p.publication.phone && !shared(|o| &o.phone) {
            assert!(!html.contains(&p.phone), "{}'s phone is not public", p.name);
        }
        if !p.publication.address && !shared(|o| &o.address) {
            assert!(
                !html.contains(&p.address),
                "{}'s address is not public",
                p.name
            );
        }
    }
}

#[test]
fn the_html_page_escapes_every_text() {
    let (_dir, _vault, mut registry) = new_registry();
    let mut evil = station("<script src=\"https://evil.example/x.js\"></script>あおば");
    evil.conditions.free_text = "<img src=x onerror=alert(1)> & \"quoted\"".into();
    evil.contact_person = "</td></tr><tr><td>".into();
    add(&mut registry, evil);
    let (html, _) = public_text(&registry, ExportFormat::Html);
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only our own script is a tag"
    );
    assert!(!html.contains("<img"));
    assert_eq!(html.matches("<tr ").count(), 1, "the row stays one row");
    assert!(
        html.contains(
            "&lt;script src=&quot;https://evil.example/x.js&quot;&gt;&lt;/script&gt;あおば"
        )
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"));
}

// ---------------------------------------------------------------------------------------
// No public format shows a part without consent, whatever the consents

/// Provider `i` with its own marker in every part, so any leak can be told apart.
fn marked(i: usize, consent: [bool; 5], located: bool) -> ProviderInput {
    let mut p = station(&format!("マーカー事業所{i:02}号"));
    p.kana = format!("マーカージギョウショ{i:02}ゴウ");
    p.postal_code = format!("350-07{i:02}");
    p.address = format!("埼玉県川越市住所マーカー{i:02}番地");
    p.lat = located.then(|| format!("35.9{i:02}3").parse().unwrap());
    p.lon = located.then(|| format!("139.4{i:02}7").parse().unwrap());
    p.phone = format!("049-5{i:02}-71{i:02}");
    p.fax = format!("049-6{i:02}-72{i:02}");
    p.email = format!("marker{i:02}@example.jp");
    p.contact_person = format!("担当マーカー{i:02}");
    p.business_number = Some(format!("99990000{i:02}"));
    p.opening_hours = format!("営業マーカー{i:02}");
    p.conditions.free_text = format!("条件マーカー{i:02}");
    p.conditions.age_max_months = Some(100 + i as u32);
    let [name, address, phone, contact_person, conditions] = consent;
    p.publication = PublicationConsent {
        name,
        address,
        phone,
        contact_person,
        conditions,
        consented_on: Some("2025-06-01".into()),
    };
    p
}

/// The texts of a provider that must not appear in a public file, given its consent.
fn secrets(p: &ProviderInput) -> Vec<String> {
    let c = &p.publication;
    let mut hidden = vec![
        p.email.clone(),
        p.business_number.clone().unwrap(),
        p.opening_hours.clone(),
    ];
    let coordinates = || {
        [p.lat, p.lon]
            .into_iter()
            .flatten()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
    };
    if !c.name {
        hidden.extend([p.name.clone(), p.kana.clone()]);
    }
    if !c.name || !c.address {
        hidden.extend([p.address.clone(), p.postal_code.clone()]);
        hidden.extend(coordinates());
    }
    if !c.name || !c.phone {
        hidden.extend([p.phone.clone(), p.fax.clone()]);
    }
    if !c.name || !c.contact_person {
        hidden.push(p.contact_person.clone());
    }
    if !c.name || !c.conditions {
        hidden.push(p.conditions.free_text.clone());
    }
    hidden
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn no_public_format_ever_shows_a_part_without_consent(
        providers in prop::collection::vec((any::<[bool; 5]>(), any::<bool>()), 1..7)
    ) {
        let (_dir, _vault, mut registry) = new_registry();
        let inputs: Vec<ProviderInput> = providers
            .iter()
            .enumerate()
            .map(|(i, (consent, located))| marked(i, *consent, *located))
            .collect();
        for p in &inputs {
            add(&mut registry, p.clone());
        }
        for format in [ExportFormat::Csv, ExportFormat::GeoJson, ExportFormat::Kml, ExportFormat::Html] {
            let (text, summary) = public_text(&registry, format);
            for p in &inputs {
                for secret in secrets(p) {
                    prop_assert!(
                        !text.contains(&secret),
                        "{:?} shows {} of {} with {:?}", format, secret, p.name, p.publication
                    );
                }
                let c = &p.publication;
                let on_map = c.address && p.lat.is_some();
                let listed = c.name
                    && (on_map || matches!(format, ExportFormat::Csv | ExportFormat::Html));
                prop_assert_eq!(text.contains(&p.name), listed, "{:?} lists {}", format, &p.name);
                if listed && c.phone {
                    prop_assert!(text.contains(&p.phone), "{:?}: consented phone shown", format);
                }
                if listed && c.conditions {
                    prop_assert!(text.contains(&p.conditions.free_text), "{:?}: consented conditions shown", format);
                }
            }
            let public = inputs.iter().filter(|p| p.publication.name).count() as u32;
            prop_assert_eq!(summary.not_public, inputs.len() as u32 - public);
            prop_assert_eq!(summary.providers + summary.left_out, public, "{:?}: every public provider is written or counted", format);
        }
    }
}
