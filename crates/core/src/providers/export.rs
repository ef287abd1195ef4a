//! Use case: export the directory as CSV — the whole record for the office, or the public
//! directory with only the parts each provider consented to publish. The columns are our
//! survey template's, so an internal export imports back unchanged. Every cell that a
//! spreadsheet would run as a formula is neutralised.

use std::io::Write;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::io::Field;
use crate::providers::read::provider_input;
use crate::providers::types::*;
use crate::store::provider as table;
use crate::vault::Registry;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ExportOptions {
    /// Only providers that consented to publish their name, and of each only the consented parts.
    pub public: bool,
    #[serde(default)]
    pub encoding: CsvEncoding,
}

/// A cell a spreadsheet would treat as a formula (= + - @, tab, CR) gets a leading
/// apostrophe, which spreadsheets show as text.
pub fn guard_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
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

/// The cell of `field` for provider `p` (`municipality_name`: its municipality's name).
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

/// Whether the public directory may show `field` of a provider with `consent`.
fn published(field: Field, consent: &PublicationConsent) -> bool {
    match field {
        Field::Name
        | Field::Kana
        | Field::Kind
        | Field::MunicipalityName
        | Field::MunicipalityCode => consent.name,
        Field::PostalCode | Field::Address | Field::AddressExtra | Field::Lat | Field::Lon => {
            consent.address
        }
        Field::Phone | Field::Fax => consent.phone,
        Field::ContactPerson => consent.contact_person,
        Field::AcceptsChildren
        | Field::AgeMinMonths
        | Field::AgeMaxMonths
        | Field::WeightMinKg
        | Field::WeightMaxKg
        | Field::CareItem(_)
        | Field::ServiceArea
        | Field::ServiceRadiusKm
        | Field::Nights
        | Field::Weekends
        | Field::AroundTheClock
        | Field::TakingNewClients
        | Field::FreeText => consent.conditions,
        // Internal bookkeeping is never public.
        Field::Email
        | Field::BusinessNumber
        | Field::Capacity
        | Field::OpeningHours
        | Field::LastVerifiedOn
        | Field::PublishName
        | Field::PublishAddress
        | Field::PublishPhone
        | Field::PublishContactPerson
        | Field::PublishConditions
        | Field::ConsentedOn => false,
    }
}

/// The columns of an export: everything for the office, the public ones for the public.
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
        .filter(|f| published(*f, &everything))
        .collect()
}

impl Registry {
    /// Writes the directory as CSV to `out`, 五十音順 within kind, streaming (memory does not
    /// grow with the directory); returns the rows written.
    pub fn export_providers_csv(
        &self,
        out: &mut dyn Write,
        options: &ExportOptions,
    ) -> Result<u32> {
        let fields = columns(options.public);
        let mut sink = EncodingWriter {
            out,
            encoding: options.encoding,
            pending: Vec::new(),
        };
        if options.encoding == CsvEncoding::Utf8Bom {
            sink.out
                .write_all("\u{feff}".as_bytes())
                .map_err(io_error)?;
        }
        let mut writer = csv::Writer::from_writer(&mut sink);
        let header: Vec<&str> = fields.iter().map(|f| f.label_ja()).collect();
        writer.write_record(&header).map_err(csv_error)?;
        let sql = format!(
            "SELECT {} FROM provider WHERE deleted_at IS NULL ORDER BY kind, kana_folded, name, id",
            table::COLUMNS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut written = 0u32;
        while let Some(row) = rows.next()? {
            let p = provider_input(&table::stored(row)?)?;
            if options.public && !p.publication.name {
                continue;
            }
            let municipality =
                crate::store::municipality::name_of(&self.conn, &p.municipality_code)?;
            let record: Vec<String> = fields
                .iter()
                .map(|f| {
                    if options.public && !published(*f, &p.publication) {
                        String::new()
                    } else {
                        guard_formula(&cell(*f, &p, &municipality))
                    }
                })
                .collect();
            writer.write_record(&record).map_err(csv_error)?;
            written += 1;
        }
        writer.flush().map_err(io_error)?;
        drop(writer);
        if !sink.pending.is_empty() {
            return Err(Error::Internal("export ended inside a character".into()));
        }
        Ok(written)
    }
}

/// Re-encodes the CSV writer's UTF-8 output as it is written. A write may end inside a
/// multi-byte character; those bytes wait for the next write.
struct EncodingWriter<'a> {
    out: &'a mut dyn Write,
    encoding: CsvEncoding,
    pending: Vec<u8>,
}

impl Write for EncodingWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).expect("checked above");
        match self.encoding {
            CsvEncoding::Utf8Bom => self.out.write_all(text.as_bytes())?,
            CsvEncoding::ShiftJis => {
                let text = cp932_forms(text);
                self.out
                    .write_all(&encoding_rs::SHIFT_JIS.encode(&text).0)?
            }
        }
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Characters that Unicode has twice and CP932 has once, as CP932 reads them: 〜 (wave dash)
/// is ～ in Shift_JIS files made on Windows, and so on. Without this they would be written as
/// numeric references.
fn cp932_forms(text: &str) -> std::borrow::Cow<'_, str> {
    const PAIRS: [(char, char); 6] = [
        ('\u{301C}', '\u{FF5E}'), // 〜 → ～
        ('\u{2016}', '\u{2225}'), // ‖ → ∥
        ('\u{2212}', '\u{FF0D}'), // − → －
        ('\u{00A2}', '\u{FFE0}'), // ¢ → ￠
        ('\u{00A3}', '\u{FFE1}'), // £ → ￡
        ('\u{00AC}', '\u{FFE2}'), // ¬ → ￢
    ];
    if !text
        .chars()
        .any(|c| PAIRS.iter().any(|(from, _)| *from == c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            PAIRS
                .iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect::<String>()
        .into()
}

fn csv_error(e: csv::Error) -> Error {
    Error::Internal(format!("csv: {e}"))
}

fn io_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "export".into(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
