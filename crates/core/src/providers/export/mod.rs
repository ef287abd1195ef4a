//! Use case: export the directory.
//!
//! - **Internal** (CSV, XLSX): the whole record for the office, in our survey template's
//!   columns, so it imports back unchanged.
//! - **Public** (CSV, GeoJSON, KML, HTML): only providers that consented to publish their name,
//!   and of each only the parts it consented to publish. What is public is decided in one
//!   place, [`public::published`]; every public format is written from a
//!   [`public::PublicRecord`], in which everything else is already cleared.
//!
//! Nothing a spreadsheet would run as a formula reaches one: CSV cells get a leading
//! apostrophe ([`guard_formula`]), XLSX cells are strings (never formulas) and those that look
//! like formulas carry Excel's quote prefix. Markup (KML, HTML) is escaped.

pub(crate) mod csv;
mod geo;
mod html;
mod public;
pub(crate) mod xlsx;

use std::collections::HashMap;
use std::io::Write;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Result};
use crate::io::Field;
use crate::providers::read::provider_input;
use crate::providers::types::*;
use crate::record::Stamp;
use crate::store::provider as table;
use crate::users::Permission;
use crate::vault::Registry;

use public::PublicRecord;

/// The text encoding of an exported CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CsvEncoding {
    /// UTF-8 with a BOM, so Excel opens it as UTF-8.
    #[default]
    Utf8Bom,
    /// Shift_JIS (CP932), for older systems; characters it lacks become numeric references.
    ShiftJis,
}

/// The file format of an export. Internal exports: CSV, XLSX. Public exports: CSV, GeoJSON,
/// KML, HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Our survey template's columns (internal or public)
    #[default]
    Csv,
    /// An Excel workbook of the whole record (internal only)
    Xlsx,
    /// A map layer, RFC 7946 (public only): providers with a public location
    #[serde(rename = "geojson")]
    GeoJson,
    /// KML 2.2 for Google My Maps and other map services (public only)
    Kml,
    /// One self-contained web page with filters (public only)
    Html,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Csv,
        ExportFormat::Xlsx,
        ExportFormat::GeoJson,
        ExportFormat::Kml,
        ExportFormat::Html,
    ];

    /// The name people know the format by.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Xlsx => "XLSX",
            ExportFormat::GeoJson => "GeoJSON",
            ExportFormat::Kml => "KML",
            ExportFormat::Html => "HTML",
        }
    }

    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Kml => "kml",
            ExportFormat::Html => "html",
        }
    }

    /// Whether the format exists for the public directory (`public`) or the internal export.
    pub fn is_offered(self, public: bool) -> bool {
        match self {
            ExportFormat::Csv => true,
            ExportFormat::Xlsx => !public,
            ExportFormat::GeoJson | ExportFormat::Kml | ExportFormat::Html => public,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ExportOptions {
    /// Only providers that consented to publish their name, and of each only the consented parts.
    pub public: bool,
    /// CSV only; the other formats are always Unicode (UTF-8).
    #[serde(default)]
    pub encoding: CsvEncoding,
    /// CSV when absent.
    #[serde(default)]
    pub format: ExportFormat,
}

impl ExportOptions {
    /// Refuses a format the audience does not have (internal KML, public XLSX…) on `format`.
    pub fn check(&self) -> Result<()> {
        if self.format.is_offered(self.public) {
            Ok(())
        } else {
            Err(Error::invalid(
                "format",
                Invalid::ExportFormatNotOffered {
                    format: self.format.label(),
                    public: self.public,
                },
            ))
        }
    }

    /// The file name the save dialog suggests, e.g. `事業所一覧_公開用_2026-11-24.html`.
    pub fn file_name(&self, today: chrono::NaiveDate) -> String {
        let audience = if self.public {
            "公開用"
        } else {
            "内部用"
        };
        format!(
            "事業所一覧_{audience}_{}.{}",
            today.format("%Y-%m-%d"),
            self.format.extension()
        )
    }
}

/// What the app's export answers: the saved file's name (never its folder) and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportDone {
    pub file_name: String,
    pub summary: ExportSummary,
}

/// What an export wrote, for a line such as 「123件を書き出しました（地図に載せられない3件は含めていません）」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ExportSummary {
    pub format: ExportFormat,
    pub public: bool,
    /// Providers written: rows, map features or placemarks.
    pub providers: u32,
    /// Public providers left off a map (GeoJSON, KML) because the file would need their location
    /// and they have no coordinates or did not consent to publish their address. 0 otherwise.
    pub left_out: u32,
    /// Providers not in a public export at all: they did not consent to publish their name.
    /// 0 for internal exports.
    pub not_public: u32,
}

/// A cell a spreadsheet would treat as a formula (see [`looks_like_formula`]) gets a leading
/// apostrophe, which spreadsheets show as text.
pub fn guard_formula(cell: &str) -> String {
    if looks_like_formula(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// What a spreadsheet may run as a formula: = + - @ (or their full-width forms ＝＋－＠, which
/// Excel's Japanese edition reads as operators), tab, CR or LF first — also after leading
/// whitespace (spaces, U+3000, NBSP, a BOM), which some importers trim before they look.
pub(crate) fn looks_like_formula(cell: &str) -> bool {
    let operator = |c: Option<char>| {
        matches!(
            c,
            Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '＝' | '＋' | '－' | '＠')
        )
    };
    operator(cell.chars().next())
        || operator(
            cell.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .chars()
                .next(),
        )
}

impl Registry {
    /// Writes the directory to `out` in `options.format`, 五十音順 within kind, one provider at a
    /// time (memory does not grow with the directory; XLSX rows go through an anonymous temp
    /// file and the zip is assembled at the end).
    /// `stamp` dates the file (the HTML page's line, the KML and XLSX properties).
    ///
    /// A format that does not exist for the chosen audience (XLSX for the public, KML/GeoJSON/
    /// HTML internally) is a validation error on `format`. On an error `out` may hold part of
    /// a file: write to a temporary file and rename it when this returns `Ok`.
    pub fn export_providers(
        &self,
        options: &ExportOptions,
        stamp: &Stamp,
        out: &mut dyn Write,
    ) -> Result<ExportSummary> {
        self.require(Permission::Write)?;
        options.check()?;
        let mut summary = ExportSummary {
            format: options.format,
            public: options.public,
            ..ExportSummary::default()
        };
        match options.format {
            ExportFormat::Csv => csv::write(self, options, out, &mut summary)?,
            ExportFormat::Xlsx => xlsx::write(self, stamp, out, &mut summary)?,
            ExportFormat::GeoJson => geo::write_geojson(self, out, &mut summary)?,
            ExportFormat::Kml => geo::write_kml(self, stamp, out, &mut summary)?,
            ExportFormat::Html => html::write(self, stamp, out, &mut summary)?,
        }
        Ok(summary)
    }

    /// Calls `f` with every provider in export order (kind, reading, name), one at a time.
    fn each_provider(
        &self,
        f: &mut dyn FnMut(ProviderInput, &mut Names<'_>) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {} FROM provider WHERE deleted_at IS NULL ORDER BY kind, kana_folded, name, id",
            table::COLUMNS
        );
        let mut names = Names {
            conn: &self.conn,
            cache: HashMap::new(),
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            f(provider_input(&table::stored(row)?)?, &mut names)?;
        }
        Ok(())
    }

    /// Calls `f` with the public record of every provider that consented to publish its name;
    /// returns how many did not.
    fn each_public(&self, f: &mut dyn FnMut(PublicRecord) -> Result<()>) -> Result<u32> {
        let mut not_public = 0;
        self.each_provider(&mut |p, names| match PublicRecord::new(p, names)? {
            Some(record) => f(record),
            None => {
                not_public += 1;
                Ok(())
            }
        })?;
        Ok(not_public)
    }
}

/// Municipality names by code, looked up once each.
struct Names<'c> {
    conn: &'c rusqlite::Connection,
    cache: HashMap<String, String>,
}

impl Names<'_> {
    /// The name of the municipality `code6` ("" when unknown).
    fn of(&mut self, code6: &str) -> Result<String> {
        if let Some(name) = self.cache.get(code6) {
            return Ok(name.clone());
        }
        let name = crate::store::municipality::name_of(self.conn, code6)?;
        self.cache.insert(code6.to_string(), name.clone());
        Ok(name)
    }
}

fn mark(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "○",
        Answer::No => "×",
        Answer::Unknown => "",
    }
}

fn flag(b: bool) -> &'static str {
    if b { "○" } else { "×" }
}

fn number<T: ToString>(v: Option<T>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// The cell of `field` for provider `p` (`municipality_name`: its municipality's name), as
/// the survey template writes it.
fn cell(field: Field, p: &ProviderInput, municipality_name: &str) -> String {
    let c = &p.conditions;
    match field {
        Field::Name => p.name.clone(),
        Field::Kana => p.kana.clone(),
        Field::PostalCode => p.postal_code.clone(),
        Field::Address => p.address.clone(),
        Field::AddressExtra => String::new(),
        Field::MunicipalityName => municipality_name.to_string(),
        Field::MunicipalityCode => p.municipality_code.clone(),
        Field::Lat => number(p.lat),
        Field::Lon => number(p.lon),
        Field::Phone => p.phone.clone(),
        Field::Fax => p.fax.clone(),
        Field::Email => p.email.clone(),
        Field::ContactPerson => p.contact_person.clone(),
        Field::BusinessNumber => p.business_number.clone().unwrap_or_default(),
        Field::Capacity => number(p.capacity),
        Field::OpeningHours => p.opening_hours.clone(),
        Field::Kind => p.kind.code_and_label().1.to_string(),
        Field::AcceptsChildren => mark(c.accepts_children).into(),
        Field::AgeMinMonths => number(c.age_min_months),
        Field::AgeMaxMonths => number(c.age_max_months),
        Field::WeightMinKg => number(c.weight_min_kg),
        Field::WeightMaxKg => number(c.weight_max_kg),
        Field::CareItem(code) => c
            .care_items
            .iter()
            .find(|a| a.code == code)
            .map(|a| mark(a.answer))
            .unwrap_or_default()
            .into(),
        Field::ServiceArea => c.service_area.municipality_codes.join("、"),
        Field::ServiceRadiusKm => number(c.service_area.radius_km),
        Field::Nights => mark(c.nights).into(),
        Field::Weekends => mark(c.weekends).into(),
        Field::AroundTheClock => mark(c.around_the_clock).into(),
        Field::TakingNewClients => mark(c.taking_new_clients).into(),
        Field::FreeText => c.free_text.clone(),
        Field::LastVerifiedOn => p.last_verified_on.clone().unwrap_or_default(),
        Field::PublishName => flag(p.publication.name).into(),
        Field::PublishAddress => flag(p.publication.address).into(),
        Field::PublishPhone => flag(p.publication.phone).into(),
        Field::PublishContactPerson => flag(p.publication.contact_person).into(),
        Field::PublishConditions => flag(p.publication.conditions).into(),
        Field::ConsentedOn => p.publication.consented_on.clone().unwrap_or_default(),
    }
}

/// The columns of a CSV or XLSX export: everything for the office, the ones the public
/// directory may ever show for the public.
fn columns(public: bool) -> Vec<Field> {
    let all = Field::all();
    if !public {
        return all;
    }
    let everything = PublicationConsent {
        name: true,
        address: true,
        phone: true,
        contact_person: true,
        conditions: true,
        consented_on: None,
    };
    all.into_iter()
        .filter(|f| public::published(*f, &everything))
        .collect()
}

/// `text` with the five markup characters escaped, for XML (KML) and HTML text and
/// attribute values. Characters XML 1.0 does not allow at all (C0 controls other than tab,
/// LF and CR; U+FFFE, U+FFFF) are dropped, so the file always parses.
fn escape_markup(text: &str) -> std::borrow::Cow<'_, str> {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '"' | '\'')
            || (c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !text.chars().any(special) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if special(c) => {}
            c => out.push(c),
        }
    }
    out.into()
}

/// The colour of a provider kind on maps and in the HTML page (RGB): 15 colours that are told
/// apart on a map (after Sasha Trubetskoy's list of distinct colours).
fn kind_colour(kind: crate::domain::provider_kind::ProviderKind) -> [u8; 3] {
    use crate::domain::provider_kind::ProviderKind as K;
    match kind {
        K::HomeCareClinic => [0xe6, 0x19, 0x4b],           // red
        K::PediatricClinic => [0xf5, 0x82, 0x31],          // orange
        K::Hospital => [0x80, 0x00, 0x00],                 // maroon
        K::VisitingNursing => [0x3c, 0xb4, 0x4b],          // green
        K::HomeHelp => [0x91, 0x1e, 0xb4],                 // purple
        K::ConsultationSupport => [0x43, 0x63, 0xd8],      // blue
        K::ShortStay => [0x42, 0xd4, 0xf4],                // cyan
        K::DisabledChildrenFacility => [0xf0, 0x32, 0xe6], // magenta
        K::ChildDayService => [0xbf, 0xef, 0x45],          // lime
        K::DaySupport => [0x46, 0x99, 0x90],               // teal
        K::Pharmacy => [0x9a, 0x63, 0x24],                 // brown
        K::School => [0xff, 0xe1, 0x19],                   // yellow
        K::HealthCenter => [0x00, 0x00, 0x75],             // navy
        K::ChildGuidanceCenter => [0x80, 0x80, 0x00],      // olive
        K::EquipmentVendor => [0xa9, 0xa9, 0xa9],          // grey
    }
}

pub(crate) fn io_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "export".into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider_kind::ProviderKind;

    #[test]
    fn formula_payloads_are_neutralised_and_plain_text_is_left_alone() {
        for payload in [
            "=1+1",
            "+81 90",
            "-2",
            "@SUM(A1)",
            "\t=x",
            "\r=x",
            "=HYPERLINK(\"http://x\")",
            "＝1+1",
            "＠SUM(A1)",
            " =1+1",
            "\u{3000}＋1",
            "\n=x",
        ] {
            assert!(guard_formula(payload).starts_with('\''), "{payload:?}");
        }
        for plain in ["川越市", "048-123-4567", "○", ""] {
            assert_eq!(guard_formula(plain), plain);
        }
    }

    #[test]
    fn the_public_columns_never_include_internal_bookkeeping() {
        let public = columns(true);
        for internal in [
            Field::Email,
            Field::BusinessNumber,
            Field::LastVerifiedOn,
            Field::PublishName,
        ] {
            assert!(!public.contains(&internal), "{internal:?}");
        }
        assert!(public.contains(&Field::Name));
    }

    #[test]
    fn each_format_is_offered_to_its_audience_only() {
        let public: Vec<_> = ExportFormat::ALL
            .into_iter()
            .filter(|f| f.is_offered(true))
            .collect();
        let internal: Vec<_> = ExportFormat::ALL
            .into_iter()
            .filter(|f| f.is_offered(false))
            .collect();
        assert_eq!(
            public,
            [
                ExportFormat::Csv,
                ExportFormat::GeoJson,
                ExportFormat::Kml,
                ExportFormat::Html
            ]
        );
        assert_eq!(internal, [ExportFormat::Csv, ExportFormat::Xlsx]);
        assert_eq!(
            serde_json::to_value(ExportFormat::GeoJson).unwrap(),
            "geojson",
            "the code is the extension, not geo_json"
        );
    }

    #[test]
    fn markup_is_escaped_and_characters_xml_forbids_are_dropped() {
        assert_eq!(
            escape_markup("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape_markup("a\u{0}b\u{1b}c\u{FFFF}\td\n"), "abc\td\n");
        assert!(matches!(
            escape_markup("川越市"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn every_kind_has_its_own_colour() {
        let mut seen = std::collections::HashSet::new();
        for kind in ProviderKind::ALL {
            assert!(seen.insert(kind_colour(kind)), "{kind:?} shares a colour");
        }
    }
}
