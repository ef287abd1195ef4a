//! One row of an import file + a [`Mapping`] → a [`ProviderInput`], or the row's problems.
//!
//! Pure: no database, no clock. The municipalities to match against are passed in. Per row:
//! - numbers, codes, answers and dates are read after NFKC folding (「１２」, 「〒３３０－００６３」);
//! - answers: ○ ◯ 〇 可 はい yes 1 → accepted; × ✕ 不可 いいえ no 0 → not accepted; blank
//!   未回答 - ? → not answered; △ 要相談 → not answered with a warning; anything else is an error;
//! - coordinates must lie in Japan (lat 20–46, lon 122–154), both or neither;
//! - the municipality comes from its code (6 or 5 digits), else its name (also with the
//!   prefecture or 郡 in front, and さいたま市's wards by their short names), else — when
//!   both are blank — from the start of the address;
//! - the kind from a code, a 種別 label or a common service name, else the mapping's default;
//! - 事業所番号 is 10 digits; a number repeating an earlier row of the file rejects the later
//!   row (the mapper remembers the numbers it has seen: a few dozen bytes a row);
//! - text is kept as written, trimmed, with 〜 (U+301C WAVE DASH, as Macs write it) turned
//!   into ～ (U+FF5E, as Windows and Shift_JIS files have it) so the two spellings of 「月〜金」
//!   are one text and every text can be written back to Shift_JIS; a text that a spreadsheet
//!   would run as a formula (= + - @ first) is kept and flagged.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::cases::validate::{is_email, phone_digits};
use crate::domain::provider_kind::ProviderKind;
use crate::providers::{
    Answer, CareItemAnswer, Conditions, ProviderInput, PublicationConsent, RecordSource,
};
use crate::store::municipality::Municipality;
use crate::text::fold;

use super::mapping::{Field, Mapping};
use super::problem::{FileError, Problem, RowProblem};
use super::table::{CellNoteKind, Row, Table};

/// The longest texts the directory keeps (as `providers::validate` checks them).
const MAX_TEXT: usize = 200;
const MAX_NOTE: usize = 2000;

/// A row that became a provider, with the warnings it had.
#[derive(Debug, Clone, PartialEq)]
pub struct MappedRow {
    pub line: u64,
    pub provider: ProviderInput,
    pub warnings: Vec<RowProblem>,
}

/// The outcome of one row: a provider, or every problem of the row (errors and warnings).
pub type RowResult = Result<MappedRow, Vec<RowProblem>>;

/// Maps the rows of one file; create one per file (it remembers business numbers).
pub struct RowMapper {
    headers: Vec<String>,
    /// What problems call each column: its header, or 「#7」 for a blank one.
    names: Vec<String>,
    columns: Vec<(usize, Field)>,
    default_kind: Option<ProviderKind>,
    record_source: RecordSource,
    places: Places,
    seen_business_numbers: HashMap<u64, u64>,
}

impl RowMapper {
    /// Resolves `mapping` against the file's `headers`. Fails when the mapping cannot make
    /// providers from this file at all (no name column, no kind, no municipality, a column
    /// it names is missing, or two columns for one field).
    pub fn new(
        mapping: &Mapping,
        headers: &[String],
        municipalities: &[Municipality],
    ) -> Result<RowMapper, FileError> {
        let folded: Vec<String> = headers.iter().map(|h| fold(h)).collect();
        let mut occurrences: HashMap<String, usize> = HashMap::new();
        let mut columns: Vec<(usize, Field)> = Vec::new();
        for cm in &mapping.columns {
            let key = fold(&cm.header);
            let nth = occurrences.entry(key.clone()).or_insert(0);
            let this = *nth;
            *nth += 1;
            let Some(field) = cm.field else { continue };
            let index = folded
                .iter()
                .enumerate()
                .filter(|(_, h)| **h == key)
                .nth(this)
                .map(|(i, _)| i)
                .ok_or_else(|| FileError::MappingColumnMissing {
                    header: cm.header.clone(),
                })?;
            if !field.takes_many()
                && let Some((first, _)) = columns.iter().find(|(_, f)| *f == field)
            {
                return Err(FileError::MappingDuplicateField {
                    field: field.key(),
                    first: header_name(headers, *first),
                    second: header_name(headers, index),
                });
            }
            columns.push((index, field));
        }
        let has = |f: Field| columns.iter().any(|(_, c)| *c == f);
        if !has(Field::Name) {
            return Err(FileError::MappingWithoutName);
        }
        if !has(Field::Kind) && mapping.default_kind.is_none() {
            return Err(FileError::MappingWithoutKind);
        }
        if !has(Field::MunicipalityCode) && !has(Field::MunicipalityName) && !has(Field::Address) {
            return Err(FileError::MappingWithoutMunicipality);
        }
        Ok(RowMapper {
            names: (0..headers.len())
                .map(|i| header_name(headers, i))
                .collect(),
            headers: headers.to_vec(),
            columns,
            default_kind: mapping.default_kind,
            record_source: mapping.record_source,
            places: Places::new(municipalities),
            seen_business_numbers: HashMap::new(),
        })
    }

    /// Maps one row. Rows must come in file order (duplicates are found against earlier rows).
    pub fn map_row(&mut self, row: &Row) -> RowResult {
        let mut out = Out {
            line: row.line,
            problems: Vec::new(),
        };
        if self.is_header_again(row) {
            out.push(None, Problem::RepeatedHeader);
            return Err(out.problems);
        }
        self.note_shape_and_cells(row, &mut out);

        let mut v = Values::default();
        for i in 0..self.columns.len() {
            let (index, field) = self.columns[i];
            let raw = row.cells.get(index).map_or("", String::as_str);
            let col = self.name(index).to_string();
            self.read_cell(field, raw, &col, &mut v, &mut out);
        }
        let provider = self.assemble(v, &mut out);
        match provider {
            Some(provider) if !out.has_errors() => Ok(MappedRow {
                line: row.line,
                provider,
                warnings: out.problems,
            }),
            _ => Err(out.problems),
        }
    }

    fn is_header_again(&self, row: &Row) -> bool {
        row.cells.len() == self.headers.len()
            && row
                .cells
                .iter()
                .zip(&self.headers)
                .all(|(c, h)| c.trim() == h.trim())
    }

    fn note_shape_and_cells(&self, row: &Row, out: &mut Out) {
        let width = self.headers.len();
        if row.cells.len() > width {
            let extra = row.cells[width..]
                .iter()
                .filter(|c| !c.trim().is_empty())
                .count();
            if extra > 0 {
                out.push(None, Problem::ExtraCells { count: extra });
            }
        } else if row.cells.len() < width {
            out.push(
                None,
                Problem::MissingCells {
                    count: width - row.cells.len(),
                },
            );
        }
        for note in &row.notes {
            let mapped = self.columns.iter().any(|(i, _)| *i == note.column);
            let col = Some(self.name(note.column).to_string());
            match note.kind {
                CellNoteKind::BomRemoved => out.push(col, Problem::BomRemoved),
                CellNoteKind::Undecodable if mapped => out.push(col, Problem::Undecodable),
                CellNoteKind::SpreadsheetError if mapped => {
                    let value = row.cells.get(note.column).cloned().unwrap_or_default();
                    out.push(col, Problem::SpreadsheetError { value });
                }
                _ => {}
            }
        }
    }

    fn read_cell(&mut self, field: Field, raw: &str, col: &str, v: &mut Values, out: &mut Out) {
        let cell = raw.trim();
        let line = out.line;
        let mut problem = |p: Problem| out.push(Some(col.to_string()), p);
        match field {
            Field::Name => v.name = line_text(cell),
            Field::Kana => v.kana = kana(cell),
            Field::Address => v.address = line_text(cell),
            Field::AddressExtra => push_text(&mut v.address_extra, line_text(cell)),
            Field::MunicipalityName => v.municipality_name = Some((cell.to_string(), col.into())),
            Field::MunicipalityCode => v.municipality_code = Some((cell.to_string(), col.into())),
            Field::Phone | Field::Fax => {
                let value = nfkc(cell);
                if phone_digits("phone", &value).is_err() {
                    problem(Problem::MalformedPhone {
                        value: cell.to_string(),
                    });
                }
                if field == Field::Phone {
                    v.phone = value;
                } else {
                    v.fax = value;
                }
            }
            Field::Email => {
                v.email = nfkc(cell);
                if !v.email.is_empty() && !is_email(&v.email) {
                    problem(Problem::MalformedEmail {
                        value: cell.to_string(),
                    });
                }
            }
            Field::ContactPerson => v.contact_person = line_text(cell),
            Field::OpeningHours => push_text(&mut v.opening_hours, line_text(cell)),
            Field::FreeText => push_text(&mut v.free_text, text(cell)),
            Field::Kind => v.kind = Some((cell.to_string(), col.into())),
            Field::Lat | Field::Lon => {
                let (min, max) = if field == Field::Lat {
                    (20.0, 46.0)
                } else {
                    (122.0, 154.0)
                };
                let value = parse_coordinate(cell, min, max).unwrap_or_else(|p| {
                    v.coordinate_refused = true;
                    problem(p);
                    None
                });
                if field == Field::Lat {
                    v.lat = value;
                } else {
                    v.lon = value;
                }
            }
            Field::PostalCode => match postal_code(cell) {
                Ok(p) => v.postal_code = p,
                Err(p) => problem(p),
            },
            Field::BusinessNumber => match business_number(cell) {
                Ok(None) => {}
                Ok(Some((text, number))) => {
                    if let Some(first_line) = self.seen_business_numbers.get(&number) {
                        problem(Problem::DuplicateBusinessNumber {
                            value: text.clone(),
                            first_line: *first_line,
                        });
                    } else {
                        self.seen_business_numbers.insert(number, line);
                    }
                    v.business_number = Some(text);
                }
                Err(p) => problem(p),
            },
            Field::Capacity => {
                v.capacity = parse_int(cell, &["人", "名", "床"], 0, 10_000).unwrap_or_else(|p| {
                    problem(p);
                    None
                })
            }
            Field::AgeMinMonths | Field::AgeMaxMonths => {
                let months = parse_months(cell).unwrap_or_else(|p| {
                    problem(p);
                    None
                });
                if field == Field::AgeMinMonths {
                    v.conditions.age_min_months = months;
                } else {
                    v.conditions.age_max_months = months;
                    v.age_max_col = col.to_string();
                }
            }
            Field::WeightMinKg | Field::WeightMaxKg => {
                let kg = parse_number(cell, &["kg", "キロ"], 0.0, 150.0).unwrap_or_else(|p| {
                    problem(p);
                    None
                });
                if field == Field::WeightMinKg {
                    v.conditions.weight_min_kg = kg;
                } else {
                    v.conditions.weight_max_kg = kg;
                    v.weight_max_col = col.to_string();
                }
            }
            Field::ServiceRadiusKm => {
                v.conditions.service_area.radius_km =
                    parse_number(cell, &["km", "キロ"], 0.0, 200.0).unwrap_or_else(|p| {
                        problem(p);
                        None
                    })
            }
            Field::ServiceArea => {
                for part in cell
                    .nfkc()
                    .collect::<String>()
                    .split(['、', ',', '・', '/', ' ', '\u{3000}', '\n', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    match self.places.by_code_or_name(part) {
                        Some(code) => {
                            let codes = &mut v.conditions.service_area.municipality_codes;
                            if !codes.contains(&code) {
                                codes.push(code);
                            }
                        }
                        None => problem(Problem::UnknownMunicipality {
                            value: part.to_string(),
                        }),
                    }
                }
            }
            Field::AcceptsChildren
            | Field::Nights
            | Field::Weekends
            | Field::AroundTheClock
            | Field::TakingNewClients
            | Field::CareItem(_)
            | Field::PublishName
            | Field::PublishAddress
            | Field::PublishPhone
            | Field::PublishContactPerson
            | Field::PublishConditions => {
                let answer = match parse_answer(cell) {
                    Ok((a, warning)) => {
                        if let Some(w) = warning {
                            problem(w);
                        }
                        a
                    }
                    Err(p) => {
                        problem(p);
                        Answer::Unknown
                    }
                };
                set_answer(field, answer, v);
            }
            Field::LastVerifiedOn | Field::ConsentedOn => match parse_date(cell) {
                Ok(d) if field == Field::LastVerifiedOn => v.last_verified_on = d,
                Ok(d) => v.publication.consented_on = d,
                Err(p) => problem(p),
            },
        }
        if matches!(
            field,
            Field::Name
                | Field::Kana
                | Field::Address
                | Field::AddressExtra
                | Field::MunicipalityName
                | Field::Phone
                | Field::Fax
                | Field::Email
                | Field::ContactPerson
                | Field::OpeningHours
                | Field::FreeText
        ) && looks_like_formula(cell, matches!(field, Field::Phone | Field::Fax))
        {
            problem(Problem::FormulaLike {
                value: cell.chars().take(40).collect(),
            });
        }
    }

    fn assemble(&self, v: Values, out: &mut Out) -> Option<ProviderInput> {
        let name_col = self.column_of(Field::Name);
        if v.name.is_empty() {
            out.push(name_col, Problem::Required);
        }
        let kind = match &v.kind {
            Some((value, col)) if !value.is_empty() => match parse_kind(value) {
                Some(k) => Some(k),
                None => {
                    out.push(
                        Some(col.clone()),
                        Problem::UnknownKind {
                            value: value.clone(),
                        },
                    );
                    None
                }
            },
            _ => match self.default_kind {
                Some(k) => Some(k),
                None => {
                    out.push(self.column_of(Field::Kind), Problem::MissingKind);
                    None
                }
            },
        };
        let municipality_code = self.municipality(&v, out);
        if v.lat.is_some() != v.lon.is_some() && !v.coordinate_refused {
            out.push(None, Problem::IncompleteCoordinates);
        }
        let c = &v.conditions;
        if let (Some(min), Some(max)) = (c.age_min_months, c.age_max_months)
            && min > max
        {
            out.push(Some(v.age_max_col.clone()), Problem::RangeReversed);
        }
        if let (Some(min), Some(max)) = (c.weight_min_kg, c.weight_max_kg)
            && min > max
        {
            out.push(Some(v.weight_max_col.clone()), Problem::RangeReversed);
        }
        let mut address = v.address;
        if !v.address_extra.is_empty() {
            if !address.is_empty() {
                address.push(' ');
            }
            address.push_str(&v.address_extra);
        }
        for (field, text, max_chars) in [
            (Field::Kana, &v.kana, MAX_TEXT),
            (Field::Address, &address, MAX_TEXT),
            (Field::ContactPerson, &v.contact_person, MAX_TEXT),
            (Field::OpeningHours, &v.opening_hours, MAX_TEXT),
            (Field::FreeText, &v.free_text, MAX_NOTE),
        ] {
            if text.chars().count() > max_chars {
                out.push(self.column_of(field), Problem::TooLong { max_chars });
            }
        }
        let mut conditions = v.conditions;
        conditions.free_text = v.free_text;
        Some(ProviderInput {
            kind: kind?,
            name: v.name,
            kana: v.kana,
            postal_code: v.postal_code,
            address,
            municipality_code: municipality_code?,
            lat: v.lat,
            lon: v.lon,
            phone: v.phone,
            fax: v.fax,
            email: v.email,
            contact_person: v.contact_person,
            business_number: v.business_number,
            capacity: v.capacity,
            opening_hours: v.opening_hours,
            record_source: self.record_source,
            last_verified_on: v.last_verified_on,
            conditions,
            publication: v.publication,
        })
    }

    /// Code, else name, else (when both are blank) the start of the address.
    fn municipality(&self, v: &Values, out: &mut Out) -> Option<String> {
        let code = v.municipality_code.as_ref().filter(|(c, _)| !c.is_empty());
        let name = v.municipality_name.as_ref().filter(|(n, _)| !n.is_empty());
        if let Some((c, _)) = code
            && let Some(found) = self.places.by_code(c)
        {
            return Some(found);
        }
        if let Some((n, col)) = name {
            return self.places.by_name(n).or_else(|| {
                out.push(
                    Some(col.clone()),
                    Problem::UnknownMunicipality { value: n.clone() },
                );
                None
            });
        }
        if let Some((c, col)) = code {
            out.push(
                Some(col.clone()),
                Problem::UnknownMunicipality { value: c.clone() },
            );
            return None;
        }
        self.places.by_address(&v.address).or_else(|| {
            let col = self
                .column_of(Field::MunicipalityName)
                .or_else(|| self.column_of(Field::Address));
            out.push(col, Problem::MissingMunicipality);
            None
        })
    }

    fn column_of(&self, field: Field) -> Option<String> {
        self.columns
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(i, _)| self.name(*i).to_string())
    }

    fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }
}

/// Maps every row of `table`, in order. A `FileError` item ends the file (nothing of it should
/// be imported); otherwise each item is one row's outcome.
pub fn provider_rows<'a>(
    table: &'a mut Table,
    mapper: &'a mut RowMapper,
) -> impl Iterator<Item = Result<RowResult, FileError>> + 'a {
    table.map(move |row| row.map(|row| mapper.map_row(&row)))
}

/// The header of column `index`, or 「#7」 for a blank one.
fn header_name(headers: &[String], index: usize) -> String {
    match headers.get(index) {
        Some(h) if !h.trim().is_empty() => h.trim().to_string(),
        _ => format!("#{}", index + 1),
    }
}

struct Out {
    line: u64,
    problems: Vec<RowProblem>,
}

impl Out {
    fn push(&mut self, column: Option<String>, problem: Problem) {
        self.problems.push(RowProblem {
            line: self.line,
            column,
            problem,
        });
    }

    fn has_errors(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity() == super::problem::Severity::Error)
    }
}

#[derive(Default)]
struct Values {
    name: String,
    kana: String,
    postal_code: String,
    address: String,
    address_extra: String,
    municipality_name: Option<(String, String)>,
    municipality_code: Option<(String, String)>,
    kind: Option<(String, String)>,
    lat: Option<f64>,
    lon: Option<f64>,
    /// A coordinate was refused (reported already): no "only one coordinate" on top.
    coordinate_refused: bool,
    phone: String,
    fax: String,
    email: String,
    contact_person: String,
    business_number: Option<String>,
    capacity: Option<u32>,
    opening_hours: String,
    free_text: String,
    last_verified_on: Option<String>,
    conditions: Conditions,
    publication: PublicationConsent,
    age_max_col: String,
    weight_max_col: String,
}

fn set_answer(field: Field, answer: Answer, v: &mut Values) {
    let c = &mut v.conditions;
    let p = &mut v.publication;
    let yes = answer == Answer::Yes;
    match field {
        Field::AcceptsChildren => c.accepts_children = answer,
        Field::Nights => c.nights = answer,
        Field::Weekends => c.weekends = answer,
        Field::AroundTheClock => c.around_the_clock = answer,
        Field::TakingNewClients => c.taking_new_clients = answer,
        Field::CareItem(code) if answer != Answer::Unknown => {
            c.care_items.push(CareItemAnswer { code, answer })
        }
        Field::PublishName => p.name = yes,
        Field::PublishAddress => p.address = yes,
        Field::PublishPhone => p.phone = yes,
        Field::PublishContactPerson => p.contact_person = yes,
        Field::PublishConditions => p.conditions = yes,
        _ => {}
    }
}

// ---- Municipalities ----------------------------------------------------------------------

const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];

/// The municipalities to match against, indexed by code and by folded name.
struct Places {
    by_code: HashMap<String, String>,
    by_name: HashMap<String, String>,
    /// (folded name, code6), longest name first, for matching the start of an address.
    prefixes: Vec<(String, String)>,
}

impl Places {
    fn new(list: &[Municipality]) -> Places {
        let mut by_code = HashMap::new();
        let mut by_name = HashMap::new();
        let mut short: HashMap<String, Option<String>> = HashMap::new();
        for m in list {
            by_code.insert(m.code6.clone(), m.code6.clone());
            by_code.insert(m.code5.clone(), m.code6.clone());
            by_name.insert(fold(&m.name), m.code6.clone());
            // さいたま市浦和区 is also written 浦和区: keep the short name when it is unique.
            if let Some(parent) = m
                .parent_code6
                .as_ref()
                .and_then(|p| list.iter().find(|x| &x.code6 == p))
                && let Some(rest) = m.name.strip_prefix(parent.name.as_str())
            {
                short
                    .entry(fold(rest))
                    .and_modify(|e| *e = None)
                    .or_insert(Some(m.code6.clone()));
            }
        }
        for (name, code) in short {
            if let Some(code) = code {
                by_name.entry(name).or_insert(code);
            }
        }
        let mut prefixes: Vec<(String, String)> = list
            .iter()
            .map(|m| (fold(&m.name), m.code6.clone()))
            .collect();
        prefixes.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
        Places {
            by_code,
            by_name,
            prefixes,
        }
    }

    fn by_code(&self, code: &str) -> Option<String> {
        let digits: String = norm(code).chars().filter(|c| *c != '-').collect();
        if !(digits.len() == 5 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        self.by_code.get(&digits).cloned()
    }

    fn by_name(&self, name: &str) -> Option<String> {
        let folded = fold(name);
        let stripped = strip_district(strip_prefecture(&folded));
        self.by_name
            .get(stripped)
            .or_else(|| self.by_name.get(&folded))
            .cloned()
    }

    fn by_code_or_name(&self, s: &str) -> Option<String> {
        self.by_code(s).or_else(|| self.by_name(s))
    }

    fn by_address(&self, address: &str) -> Option<String> {
        let folded = fold(address);
        let rest = strip_district(strip_prefecture(&folded));
        self.prefixes
            .iter()
            .find(|(name, _)| rest.starts_with(name.as_str()))
            .map(|(_, code)| code.clone())
    }
}

fn strip_prefecture(s: &str) -> &str {
    PREFECTURES
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
}

/// 「入間郡三芳町」 → 「三芳町」 (a 郡 within the first few characters, not 郡山市's).
fn strip_district(s: &str) -> &str {
    match s.char_indices().take(6).find(|(_, c)| *c == '郡') {
        Some((i, c)) if i > 0 => &s[i + c.len_utf8()..],
        _ => s,
    }
}

// ---- Kinds ----------------------------------------------------------------------------

fn kind_names() -> &'static HashMap<String, ProviderKind> {
    static NAMES: OnceLock<HashMap<String, ProviderKind>> = OnceLock::new();
    NAMES.get_or_init(|| {
        use ProviderKind as K;
        let mut map = HashMap::new();
        for kind in ProviderKind::ALL {
            let (code, label) = kind.code_and_label();
            map.insert(fold(code), kind);
            map.insert(fold(label), kind);
            for part in label.split(['・', '/']) {
                map.entry(fold(part)).or_insert(kind);
            }
        }
        let more: [(&str, ProviderKind); 22] = [
            ("訪問看護", K::VisitingNursing),
            ("訪問看護事業所", K::VisitingNursing),
            ("訪問診療", K::HomeCareClinic),
            ("在宅療養支援診療所", K::HomeCareClinic),
            ("在宅療養支援病院", K::HomeCareClinic),
            ("小児科", K::PediatricClinic),
            ("訪問介護", K::HomeHelp),
            ("重度訪問介護", K::HomeHelp),
            ("居宅介護", K::HomeHelp),
            ("計画相談支援", K::ConsultationSupport),
            ("障害児相談支援", K::ConsultationSupport),
            ("医療型短期入所", K::ShortStay),
            ("福祉型短期入所", K::ShortStay),
            ("短期入所生活介護", K::ShortStay),
            ("短期入所療養介護", K::ShortStay),
            ("重症心身障害児施設", K::DisabledChildrenFacility),
            ("放課後等デイサービス", K::ChildDayService),
            ("児童発達支援", K::ChildDayService),
            ("薬局", K::Pharmacy),
            ("保健所", K::HealthCenter),
            ("保健センター", K::HealthCenter),
            ("医療機器", K::EquipmentVendor),
        ];
        for (name, kind) in more {
            map.insert(fold(name), kind);
        }
        map
    })
}

/// A kind from its code, its 種別 label (or a part of it), or a common service name.
pub fn parse_kind(s: &str) -> Option<ProviderKind> {
    kind_names().get(norm(s).as_ref()).copied()
}

// ---- Cells ----------------------------------------------------------------------------

/// [`fold`], without the Unicode tables for plain ASCII (most numbers and codes).
fn norm(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes()
            .any(|b| b.is_ascii_uppercase() || b.is_ascii_whitespace())
        {
            Cow::Owned(
                s.chars()
                    .filter(|c| !c.is_ascii_whitespace())
                    .map(|c| c.to_ascii_lowercase())
                    .collect(),
            )
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(fold(s))
    }
}

fn nfkc(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        s.nfkc().collect()
    }
}

/// Trimmed, 〜 → ～.
fn text(s: &str) -> String {
    s.trim().replace('\u{301C}', "\u{FF5E}")
}

/// [`text`] on one line: line breaks become spaces.
fn line_text(s: &str) -> String {
    let t = text(s);
    if t.contains(['\n', '\r']) {
        t.replace("\r\n", " ").replace(['\n', '\r'], " ")
    } else {
        t
    }
}

/// A reading in full-width katakana (ふりがな and ｶﾅ both become カナ).
fn kana(s: &str) -> String {
    line_text(s)
        .nfkc()
        .map(|c| match c {
            '\u{3041}'..='\u{3096}' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn push_text(into: &mut String, part: String) {
    if part.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push_str(" / ");
    }
    into.push_str(&part);
}

/// = + - @ first: what a spreadsheet runs. A phone number such as +81-48-… is not flagged.
fn looks_like_formula(cell: &str, phone: bool) -> bool {
    let Some(first) = cell.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠') {
        return false;
    }
    let phone_like = cell
        .nfkc()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')' | ' '));
    !(phone && phone_like)
}

fn parse_answer(cell: &str) -> Result<(Answer, Option<Problem>), Problem> {
    static WORDS: OnceLock<HashMap<String, Answer>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let yes = [
            "○",
            "◯",
            "〇",
            "⭕",
            "可",
            "はい",
            "yes",
            "y",
            "1",
            "true",
            "有",
            "あり",
            "可能",
            "対応可",
            "対応可能",
            "ok",
        ];
        let no = [
            "×",
            "✕",
            "✖",
            "x",
            "不可",
            "いいえ",
            "no",
            "n",
            "0",
            "false",
            "無",
            "なし",
            "不可能",
            "対応不可",
        ];
        let unknown = ["未回答", "-", "ー", "―", "—", "?", "不明", "無回答"];
        let mut m = HashMap::new();
        for (list, a) in [
            (&yes[..], Answer::Yes),
            (&no[..], Answer::No),
            (&unknown[..], Answer::Unknown),
        ] {
            for w in list {
                m.insert(fold(w), a);
            }
        }
        m
    });
    let f = norm(cell);
    if f.is_empty() {
        return Ok((Answer::Unknown, None));
    }
    if let Some(a) = words.get(f.as_ref()) {
        return Ok((*a, None));
    }
    if ["△", "▲", "要相談", "相談", "条件付き", "条件付"]
        .iter()
        .any(|w| fold(w) == *f)
    {
        return Ok((
            Answer::Unknown,
            Some(Problem::ConditionalAnswer {
                value: cell.to_string(),
            }),
        ));
    }
    Err(Problem::BadAnswer {
        value: cell.to_string(),
    })
}

/// A number after folding, without thousands separators and any of the `units` suffixes
/// (written folded: katakana, lower case); blank is `None`.
fn parse_number(cell: &str, units: &[&str], min: f64, max: f64) -> Result<Option<f64>, Problem> {
    let f = norm(cell).replace(',', "");
    if f.is_empty() {
        return Ok(None);
    }
    let mut digits = f.as_str();
    for u in units {
        if let Some(rest) = digits.strip_suffix(u) {
            digits = rest;
            break;
        }
    }
    let value: f64 = digits
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| Problem::NotANumber {
            value: cell.to_string(),
        })?;
    if value < min || value > max {
        return Err(Problem::OutOfRange {
            value: cell.to_string(),
            min,
            max,
        });
    }
    Ok(Some(value))
}

fn parse_int(cell: &str, units: &[&str], min: u32, max: u32) -> Result<Option<u32>, Problem> {
    match parse_number(cell, units, f64::from(min), f64::from(max))? {
        None => Ok(None),
        Some(v) if v.fract() == 0.0 => Ok(Some(v as u32)),
        Some(_) => Err(Problem::NotANumber {
            value: cell.to_string(),
        }),
    }
}

/// Months: 「18」, 「18か月」/「18ヶ月」, or years 「6歳」 (= 72 months).
fn parse_months(cell: &str) -> Result<Option<u32>, Problem> {
    let f = norm(cell);
    if let Some(years) = f.strip_suffix("歳") {
        return Ok(parse_int(years, &[], 0, 100)
            .map_err(|_| Problem::NotANumber {
                value: cell.to_string(),
            })?
            .map(|y| y * 12));
    }
    parse_int(
        cell,
        &["カ月", "ヶ月", "ケ月", "ヵ月", "か月", "月"],
        0,
        1200,
    )
}

fn parse_coordinate(cell: &str, min: f64, max: f64) -> Result<Option<f64>, Problem> {
    match parse_number(cell, &["°", "度"], f64::MIN, f64::MAX)? {
        Some(v) if v < min || v > max => Err(Problem::OutsideJapan {
            value: cell.to_string(),
        }),
        other => Ok(other),
    }
}

/// 10 digits (hyphens and spaces allowed) → the text and the number; blank → `None`.
fn business_number(cell: &str) -> Result<Option<(String, u64)>, Problem> {
    let digits: String = norm(cell).chars().filter(|c| *c != '-').collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::BadBusinessNumber {
            value: cell.to_string(),
        });
    }
    let n = digits.parse().expect("10 ASCII digits fit in u64");
    Ok(Some((digits, n)))
}

/// 「〒330-0063」, 「３３００００６３」 → 「330-0063」; blank → blank.
fn postal_code(cell: &str) -> Result<String, Problem> {
    let f = norm(cell);
    let digits: String = f
        .trim_start_matches('〒')
        .chars()
        .filter(|c| !matches!(c, '-' | 'ー' | '−' | '‐' | '—' | '―'))
        .collect();
    if digits.is_empty() {
        return Ok(String::new());
    }
    if digits.len() != 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Problem::BadPostalCode {
            value: cell.to_string(),
        });
    }
    Ok(format!("{}-{}", &digits[..3], &digits[3..]))
}

/// 2025-04-01, 2025/4/1, 2025.4.1, 2025年4月1日 (a time after a space is ignored) → ISO date.
fn parse_date(cell: &str) -> Result<Option<String>, Problem> {
    let n = nfkc(cell.trim());
    if n.is_empty() {
        return Ok(None);
    }
    let day = n.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = day
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let bad = || Problem::BadDate {
        value: cell.to_string(),
    };
    if parts.len() != 3 {
        return Err(bad());
    }
    let y: i32 = parts[0].parse().map_err(|_| bad())?;
    let m: u32 = parts[1].parse().map_err(|_| bad())?;
    let d: u32 = parts[2].parse().map_err(|_| bad())?;
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d)
        .filter(|_| (1900..=2200).contains(&y))
        .ok_or_else(bad)?;
    Ok(Some(date.format("%Y-%m-%d").to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care_item::CareItemCode;
    use crate::error::Lang;
    use crate::io::encoding::SourceFormat;
    use crate::io::mapping::{Layout, suggest_mapping, survey_template_headers};
    use crate::io::problem::Severity;
    use crate::io::table::{CellNote, TableOptions};
    use crate::store::municipality::reference_list;
    use std::io::Write;
    use std::path::PathBuf;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/providers")
            .join(name)
    }

    /// Every row of a file through the suggested mapping (plus `default_kind`).
    fn import(
        path: &std::path::Path,
        default_kind: Option<ProviderKind>,
    ) -> (SourceFormat, Mapping, Vec<RowResult>) {
        let mut table = Table::open(path, &TableOptions::default()).unwrap();
        let mut mapping = suggest_mapping(table.headers());
        mapping.default_kind = default_kind;
        let mut mapper = RowMapper::new(&mapping, table.headers(), &reference_list()).unwrap();
        let results = provider_rows(&mut table, &mut mapper)
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        (table.format(), mapping, results)
    }

    fn providers(results: &[RowResult]) -> Vec<&MappedRow> {
        results.iter().filter_map(|r| r.as_ref().ok()).collect()
    }

    #[test]
    fn the_survey_sample_reads_the_same_in_utf8_and_shift_jis() {
        let (f8, m8, utf8) = import(&fixture("survey-sample.utf8.csv"), None);
        let (fsj, _, sjis) = import(&fixture("survey-sample.sjis.csv"), None);
        assert_eq!(f8, SourceFormat::CsvUtf8);
        assert_eq!(
            fsj,
            SourceFormat::CsvShiftJis,
            "auto-detection picks Shift_JIS"
        );
        assert_eq!(m8.layout, Layout::Survey);
        for r in &utf8 {
            assert!(r.is_ok(), "every survey row imports: {r:?}");
        }
        assert_eq!(utf8.len(), 25);
        assert_eq!(
            utf8, sjis,
            "the two encodings of the survey give the same providers"
        );
        assert!(
            providers(&utf8).iter().all(|r| r.warnings.is_empty()),
            "the sample has no warnings"
        );
    }

    #[test]
    fn every_row_that_maps_also_passes_the_directory_checks() {
        // What the dry run calls good must not be refused when it is written.
        let list = reference_list();
        let exists = |code: &str| Ok(list.iter().any(|m| m.code6 == code));
        for file in ["survey-sample.utf8.csv", "open-data-sample.csv"] {
            let (_, _, results) = import(&fixture(file), None);
            for r in providers(&results) {
                let mut p = r.provider.clone();
                if let Err(e) = crate::providers::validate::check_provider(&mut p, &exists) {
                    panic!("{file} line {}: {e}", r.line);
                }
            }
        }
    }

    #[test]
    fn the_survey_sample_header_is_the_template() {
        let table =
            Table::open(&fixture("survey-sample.utf8.csv"), &TableOptions::default()).unwrap();
        assert_eq!(table.headers(), survey_template_headers().as_slice());
    }

    #[test]
    fn survey_rows_carry_extended_characters_answers_and_quoted_line_breaks() {
        let (_, _, results) = import(&fixture("survey-sample.sjis.csv"), None);
        let rows = providers(&results);
        let by_name = |prefix: &str| {
            rows.iter()
                .find(|r| r.provider.name.starts_with(prefix))
                .unwrap_or_else(|| panic!("{prefix} is in the sample"))
        };
        let first = by_name("かわせみ");
        assert_eq!(first.line, 2);
        assert_eq!(first.provider.kind, ProviderKind::VisitingNursing);
        assert_eq!(first.provider.municipality_code, "112011", "川越市 by name");
        assert_eq!(first.provider.contact_person, "髙橋 美和");
        assert_eq!(
            first.provider.opening_hours, "月～金 9:00-18:00",
            "〜 (WAVE DASH) becomes ～ as in CP932"
        );
        assert_eq!(
            first.provider.address, "川越市脇田本町8-1 第二ビル3階",
            "方書 is appended"
        );
        assert_eq!(first.provider.kana, "カワセミホウモンカンゴステーション");
        assert_eq!(
            first.provider.business_number.as_deref(),
            Some("1161190011")
        );
        let vent = first
            .provider
            .conditions
            .care_items
            .iter()
            .find(|c| c.code == CareItemCode::Ventilator);
        assert_eq!(vent.map(|c| c.answer), Some(Answer::Yes));
        assert_eq!(first.provider.record_source, RecordSource::Survey);
        assert_eq!(first.provider.conditions.accepts_children, Answer::Yes);
        assert_eq!(
            first.provider.conditions.service_area.municipality_codes,
            ["112011", "113468"],
            "川越市、川島町"
        );

        assert_eq!(by_name("小江戸").provider.contact_person, "山﨑 聡子");
        let kabu = by_name("㈱ひだまり");
        assert_eq!(
            kabu.provider.name, "㈱ひだまりケア 訪問看護ステーション①",
            "names are kept as written"
        );

        let urawa = by_name("浦和みどり");
        assert_eq!(
            urawa.provider.conditions.free_text,
            "医療的ケア児の受入れ実績あり\n夜間は緊急時のみ"
        );
        assert_eq!(
            urawa.provider.municipality_code, "111074",
            "a ward of さいたま市"
        );
        assert_eq!(
            urawa.provider.conditions.age_max_months,
            Some(72),
            "「６歳」 is 72 months"
        );
        assert_eq!(urawa.line, 5);
        assert_eq!(
            by_name("大宮ひまわり").line,
            7,
            "the quoted line break in line 5 moves the next row to 7"
        );

        let clinic = by_name("所沢こども");
        assert_eq!(clinic.provider.kind, ProviderKind::HomeCareClinic);
        assert_eq!(
            clinic.provider.conditions.accepts_children,
            Answer::Yes,
            "「はい」"
        );
        assert_eq!(
            by_name("くまがや").provider.conditions.accepts_children,
            Answer::No,
            "「いいえ」"
        );
        assert_eq!(by_name("春日部").provider.capacity, Some(120));
        let miyoshi = by_name("みよしの里");
        assert_eq!(miyoshi.provider.municipality_code, "113247");
        assert_eq!(miyoshi.provider.kind, ProviderKind::ShortStay);
    }

    #[test]
    fn the_open_data_sample_is_mapped_automatically_and_its_three_bad_rows_reported() {
        let (format, mapping, results) = import(&fixture("open-data-sample.csv"), None);
        assert_eq!(format, SourceFormat::CsvUtf8Bom);
        assert_eq!(mapping.layout, Layout::OpenData);
        assert_eq!(results.len(), 30);
        let errors: Vec<(u64, &'static str)> = results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .flatten()
            .map(|p| (p.line, p.problem.code()))
            .collect();
        assert_eq!(
            errors,
            [
                (8, "outside_japan"),
                (8, "outside_japan"),
                (13, "unknown_municipality"),
                (22, "duplicate_business_number"),
            ],
            "swapped coordinates, みどり野市, and a repeated 事業所番号"
        );
        let dup = results[20].as_ref().unwrap_err();
        assert!(matches!(
            dup[0].problem,
            Problem::DuplicateBusinessNumber { first_line: 5, .. }
        ));
        let ok = providers(&results);
        assert_eq!(ok.len(), 27);
        let first = &ok[0].provider;
        assert_eq!(
            first.kind,
            ProviderKind::VisitingNursing,
            "from サービスの種類"
        );
        assert_eq!(first.record_source, RecordSource::OpenData);
        assert_eq!(first.municipality_code, "112011");
        assert_eq!(first.address, "埼玉県川越市本町1-1-1 あおばビル1階");
        assert_eq!(first.opening_hours, "月火水木金土 / 緊急時は24時間対応");
        assert!(first.lat.is_some() && first.lon.is_some());
        assert_eq!(
            first.conditions,
            Conditions::default(),
            "open data says nothing about children"
        );
    }

    #[test]
    fn an_xlsx_of_the_survey_gives_the_same_providers_as_the_csv() {
        let table =
            Table::open(&fixture("survey-sample.utf8.csv"), &TableOptions::default()).unwrap();
        let headers = table.headers().to_vec();
        let rows: Vec<Row> = table.map(Result::unwrap).collect();
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.cells.iter().enumerate() {
                if !cell.is_empty() {
                    ws.write_string(r as u32 + 1, c as u16, cell).unwrap();
                }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("survey.xlsx");
        wb.save(&path).unwrap();

        let (format, _, from_xlsx) = import(&path, None);
        let (_, _, from_csv) = import(&fixture("survey-sample.utf8.csv"), None);
        assert_eq!(format, SourceFormat::Xlsx);
        let strip = |rs: &[RowResult]| -> Vec<ProviderInput> {
            rs.iter()
                .map(|r| r.as_ref().unwrap().provider.clone())
                .collect()
        };
        assert_eq!(
            strip(&from_xlsx),
            strip(&from_csv),
            "same providers (line numbers differ)"
        );
    }

    // ---- Every row problem -------------------------------------------------------------

    const HEADERS: [&str; 17] = [
        "種別",
        "事業所名",
        "市区町村",
        "住所",
        "緯度",
        "経度",
        "事業所番号",
        "定員",
        "年齢下限（か月）",
        "年齢上限（か月）",
        "体重下限（kg）",
        "体重上限（kg）",
        "人工呼吸器の管理",
        "郵便番号",
        "回答日",
        "電話",
        "備考",
    ];

    fn good() -> Vec<String> {
        [
            "訪問看護ステーション",
            "テスト訪問看護",
            "川越市",
            "川越市元町1-3-1",
            "35.925",
            "139.4858",
            "1161190999",
            "",
            "0",
            "216",
            "",
            "30",
            "○",
            "350-0062",
            "2025-04-01",
            "049-224-8811",
            "",
        ]
        .map(String::from)
        .to_vec()
    }

    fn mapper_for(headers: &[&str], default_kind: Option<ProviderKind>) -> RowMapper {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        let mut mapping = suggest_mapping(&headers);
        mapping.default_kind = default_kind;
        RowMapper::new(&mapping, &headers, &reference_list()).unwrap()
    }

    fn row(line: u64, cells: Vec<String>) -> Row {
        Row {
            line,
            cells,
            notes: Vec::new(),
        }
    }

    /// The row with cell `column` set to `value`, mapped by a fresh mapper.
    fn with(column: &str, value: &str) -> RowResult {
        let mut cells = good();
        let i = HEADERS.iter().position(|h| *h == column).unwrap();
        cells[i] = value.to_string();
        mapper_for(&HEADERS, None).map_row(&row(9, cells))
    }

    fn codes(result: &RowResult) -> Vec<(&'static str, Option<String>)> {
        let list = match result {
            Ok(r) => &r.warnings,
            Err(p) => p,
        };
        list.iter()
            .map(|p| (p.problem.code(), p.column.clone()))
            .collect()
    }

    fn col(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn the_good_row_imports_without_problems() {
        let r = mapper_for(&HEADERS, None).map_row(&row(2, good())).unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.provider.postal_code, "350-0062");
        assert_eq!(r.provider.last_verified_on.as_deref(), Some("2025-04-01"));
        assert_eq!(r.provider.conditions.age_min_months, Some(0));
        assert_eq!(r.provider.conditions.weight_max_kg, Some(30.0));
        assert_eq!(
            r.provider.record_source,
            RecordSource::Manual,
            "not a known layout"
        );
    }

    #[test]
    fn each_bad_value_is_an_error_on_its_column() {
        let cases: [(&str, &str, &str); 19] = [
            ("事業所名", "", "required"),
            ("種別", "宇宙船", "unknown_kind"),
            ("市区町村", "みどり野市", "unknown_municipality"),
            ("定員", "たくさん", "not_a_number"),
            ("定員", "2.5", "not_a_number"),
            ("定員", "10001", "out_of_range"),
            ("体重上限（kg）", "151", "out_of_range"),
            ("年齢上限（か月）", "2000", "out_of_range"),
            ("緯度", "139.5", "outside_japan"),
            ("経度", "35.9", "outside_japan"),
            ("年齢下限（か月）", "300", "range_reversed"),
            ("人工呼吸器の管理", "たぶん", "bad_answer"),
            ("事業所番号", "12345", "bad_business_number"),
            ("事業所番号", "116119099A", "bad_business_number"),
            ("郵便番号", "33-00", "bad_postal_code"),
            ("電話", "内線なし", "malformed_phone"),
            ("電話", "12-34", "malformed_phone"),
            ("回答日", "2025-02-30", "bad_date"),
            ("回答日", "昨日", "bad_date"),
        ];
        for (column, value, code) in cases {
            let result = with(column, value);
            assert!(result.is_err(), "{column}={value} rejects the row");
            let expected_col = if code == "range_reversed" {
                "年齢上限（か月）"
            } else {
                column
            };
            assert_eq!(
                codes(&result),
                [(code, col(expected_col))],
                "{column}={value}"
            );
        }
        let reversed = with("体重下限（kg）", "40");
        assert_eq!(
            codes(&reversed),
            [("range_reversed", col("体重上限（kg）"))]
        );
        let long = with("備考", &"長".repeat(2001));
        assert_eq!(
            codes(&long),
            [("too_long", col("備考"))],
            "as the directory keeps notes"
        );
        let mut cells = good();
        cells.push("メール".into());
        let mut headers = HEADERS.to_vec();
        headers.push("メール");
        cells[16] = String::new();
        *cells.last_mut().unwrap() = "info@@example".into();
        let bad_mail = mapper_for(&headers, None).map_row(&row(9, cells));
        assert_eq!(codes(&bad_mail), [("malformed_email", col("メール"))]);
    }

    #[test]
    fn a_missing_kind_without_a_default_is_an_error_and_with_one_is_not() {
        let mut cells = good();
        cells[0] = String::new();
        let result = mapper_for(&HEADERS, None).map_row(&row(3, cells.clone()));
        assert_eq!(codes(&result), [("missing_kind", col("種別"))]);
        let with_default =
            mapper_for(&HEADERS, Some(ProviderKind::Hospital)).map_row(&row(3, cells));
        assert_eq!(with_default.unwrap().provider.kind, ProviderKind::Hospital);
    }

    #[test]
    fn a_municipality_is_needed_from_code_name_or_address() {
        let mut cells = good();
        cells[2] = String::new();
        cells[3] = "東京都千代田区霞が関1-2-2".into();
        let result = mapper_for(&HEADERS, None).map_row(&row(4, cells.clone()));
        assert_eq!(codes(&result), [("missing_municipality", col("市区町村"))]);
        cells[3] = "埼玉県入間郡三芳町藤久保1100-1".into();
        let ok = mapper_for(&HEADERS, None).map_row(&row(4, cells)).unwrap();
        assert_eq!(
            ok.provider.municipality_code, "113247",
            "found from the address"
        );
    }

    #[test]
    fn only_one_coordinate_is_an_error() {
        let result = with("経度", "");
        assert_eq!(codes(&result), [("incomplete_coordinates", None)]);
        let none = with("緯度", "");
        assert!(none.is_err());
        let mut cells = good();
        cells[4] = String::new();
        cells[5] = String::new();
        let ok = mapper_for(&HEADERS, None).map_row(&row(4, cells)).unwrap();
        assert_eq!((ok.provider.lat, ok.provider.lon), (None, None));
    }

    #[test]
    fn a_repeated_business_number_rejects_the_later_row_only() {
        let mut mapper = mapper_for(&HEADERS, None);
        assert!(mapper.map_row(&row(2, good())).is_ok());
        let mut other = good();
        other[1] = "別の名前".into();
        other[6] = "116-119-0999".into();
        let second = mapper.map_row(&row(7, other));
        assert_eq!(
            codes(&second),
            [("duplicate_business_number", col("事業所番号"))]
        );
        let messages = second.unwrap_err()[0].message(Lang::Ja);
        assert!(
            messages.contains("2行目"),
            "it names the first line: {messages}"
        );
    }

    #[test]
    fn warnings_keep_the_row() {
        let conditional = with("人工呼吸器の管理", "△").unwrap();
        assert_eq!(conditional.warnings[0].problem.code(), "conditional_answer");
        assert!(
            conditional.provider.conditions.care_items.is_empty(),
            "△ is not answered"
        );

        let formula = with("備考", "=HYPERLINK(\"http://x\")").unwrap();
        assert_eq!(codes(&Ok(formula.clone())), [("formula_like", col("備考"))]);
        assert_eq!(
            formula.provider.conditions.free_text, "=HYPERLINK(\"http://x\")",
            "kept as text; exports neutralise it"
        );
        assert!(
            with("電話", "+81-49-224-8811").unwrap().warnings.is_empty(),
            "an international phone number is not a formula"
        );
        assert_eq!(
            codes(&with("電話", "=1+2")),
            [
                ("malformed_phone", col("電話")),
                ("formula_like", col("電話"))
            ],
            "refused as a phone number, and flagged"
        );

        let mut short = good();
        short.truncate(15);
        let r = mapper_for(&HEADERS, None).map_row(&row(5, short)).unwrap();
        assert_eq!(codes(&Ok(r)), [("missing_cells", None)]);

        let mut noted = row(6, good());
        noted.notes.push(CellNote {
            column: 1,
            kind: CellNoteKind::BomRemoved,
        });
        noted.notes.push(CellNote {
            column: 16,
            kind: CellNoteKind::SpreadsheetError,
        });
        noted.cells[16] = "#N/A".into();
        let r = mapper_for(&HEADERS, None).map_row(&noted).unwrap();
        assert_eq!(
            codes(&Ok(r)),
            [
                ("bom_removed", col("事業所名")),
                ("spreadsheet_error", col("備考"))
            ]
        );
    }

    #[test]
    fn extra_cells_with_data_undecodable_text_and_a_repeated_header_reject_the_row() {
        let mut wide = good();
        wide.push("ビル2階".into());
        wide.push(String::new());
        let r = mapper_for(&HEADERS, None).map_row(&row(3, wide));
        assert_eq!(codes(&r), [("extra_cells", None)]);
        let mut wide_blank = good();
        wide_blank.push(" ".into());
        assert!(
            mapper_for(&HEADERS, None)
                .map_row(&row(3, wide_blank))
                .is_ok(),
            "trailing blank cells are fine"
        );

        let mut garbled = row(4, good());
        garbled.cells[3] = "川越市\u{FFFD}\u{FFFD}".into();
        garbled.notes.push(CellNote {
            column: 3,
            kind: CellNoteKind::Undecodable,
        });
        assert_eq!(
            codes(&mapper_for(&HEADERS, None).map_row(&garbled)),
            [("undecodable", col("住所"))]
        );

        let header = row(5, HEADERS.map(String::from).to_vec());
        assert_eq!(
            codes(&mapper_for(&HEADERS, None).map_row(&header)),
            [("repeated_header", None)]
        );
    }

    #[test]
    fn every_problem_has_both_wordings_and_a_severity() {
        let all = [
            Problem::Required,
            Problem::UnknownKind { value: "x".into() },
            Problem::MissingKind,
            Problem::UnknownMunicipality { value: "x".into() },
            Problem::MissingMunicipality,
            Problem::NotANumber { value: "x".into() },
            Problem::OutOfRange {
                value: "x".into(),
                min: 0.0,
                max: 1.0,
            },
            Problem::OutsideJapan { value: "x".into() },
            Problem::IncompleteCoordinates,
            Problem::RangeReversed,
            Problem::BadAnswer { value: "x".into() },
            Problem::ConditionalAnswer { value: "x".into() },
            Problem::BadBusinessNumber { value: "x".into() },
            Problem::DuplicateBusinessNumber {
                value: "x".into(),
                first_line: 2,
            },
            Problem::BadPostalCode { value: "x".into() },
            Problem::MalformedPhone { value: "x".into() },
            Problem::MalformedEmail { value: "x".into() },
            Problem::TooLong { max_chars: 200 },
            Problem::BadDate { value: "x".into() },
            Problem::FormulaLike { value: "x".into() },
            Problem::ExtraCells { count: 1 },
            Problem::MissingCells { count: 1 },
            Problem::BomRemoved,
            Problem::Undecodable,
            Problem::SpreadsheetError {
                value: "#N/A".into(),
            },
            Problem::RepeatedHeader,
        ];
        for p in all {
            let json = serde_json::to_value(&p).unwrap();
            assert_eq!(json["code"], p.code(), "the JSON code is the stable code");
            let rp = RowProblem {
                line: 12,
                column: col("緯度"),
                problem: p.clone(),
            };
            assert!(
                rp.message(Lang::Ja).starts_with("12行目「緯度」: "),
                "{}",
                rp.message(Lang::Ja)
            );
            assert!(rp.message(Lang::En).starts_with("Line 12, 「緯度」: "));
            assert_ne!(
                p.message(Lang::Ja),
                p.message(Lang::En),
                "{p:?} is worded in both languages"
            );
            let _ = matches!(rp.severity(), Severity::Error | Severity::Warning);
        }
    }

    // ---- Values -------------------------------------------------------------------------

    #[test]
    fn answers_read_the_usual_marks() {
        for yes in [
            "○", "◯", "〇", "可", "はい", "yes", "YES", "１", "1", "あり",
        ] {
            assert_eq!(parse_answer(yes), Ok((Answer::Yes, None)), "{yes}");
        }
        for no in ["×", "✕", "不可", "いいえ", "no", "0", "ｘ", "なし"] {
            assert_eq!(parse_answer(no), Ok((Answer::No, None)), "{no}");
        }
        for unknown in ["", "  ", "未回答", "-", "－", "?", "？"] {
            assert_eq!(
                parse_answer(unknown),
                Ok((Answer::Unknown, None)),
                "{unknown:?}"
            );
        }
        assert!(matches!(
            parse_answer("要相談"),
            Ok((Answer::Unknown, Some(_)))
        ));
        assert!(parse_answer("できる").is_err());
    }

    #[test]
    fn numbers_and_codes_are_read_after_nfkc() {
        assert_eq!(parse_int("１２", &[], 0, 100), Ok(Some(12)));
        assert_eq!(parse_int(" 20人 ", &["人"], 0, 100), Ok(Some(20)));
        assert_eq!(parse_int("1,200", &[], 0, 10_000), Ok(Some(1200)));
        assert_eq!(parse_months("6歳"), Ok(Some(72)));
        assert_eq!(parse_months("18ヶ月"), Ok(Some(18)));
        assert_eq!(parse_months("18か月"), Ok(Some(18)));
        assert_eq!(parse_number("15.5kg", &["kg"], 0.0, 300.0), Ok(Some(15.5)));
        assert_eq!(
            parse_number("１５．５ｋｇ", &["kg"], 0.0, 300.0),
            Ok(Some(15.5))
        );
        assert_eq!(
            parse_coordinate("３５．９２５", 20.0, 46.0),
            Ok(Some(35.925))
        );
        assert_eq!(postal_code("〒３３０－００６３"), Ok("330-0063".into()));
        assert_eq!(postal_code("3300063"), Ok("330-0063".into()));
        assert_eq!(
            business_number("１１６１１９００１１"),
            Ok(Some(("1161190011".into(), 1_161_190_011)))
        );
        assert_eq!(parse_date("2025年4月1日"), Ok(Some("2025-04-01".into())));
        assert_eq!(
            parse_date("2025/4/1 0:00:00"),
            Ok(Some("2025-04-01".into()))
        );
    }

    #[test]
    fn municipalities_match_by_code_name_prefecture_ward_and_address() {
        let places = Places::new(&reference_list());
        assert_eq!(places.by_code("112011").as_deref(), Some("112011"));
        assert_eq!(
            places.by_code("11201").as_deref(),
            Some("112011"),
            "the 5-digit code"
        );
        assert_eq!(
            places.by_code("110001"),
            None,
            "the prefecture is not a municipality"
        );
        assert_eq!(places.by_name("川越市").as_deref(), Some("112011"));
        assert_eq!(places.by_name("埼玉県川越市").as_deref(), Some("112011"));
        assert_eq!(
            places.by_name("ｶﾜｺﾞｴ市"),
            None,
            "names are not matched by reading"
        );
        assert_eq!(
            places.by_name("さいたま市浦和区").as_deref(),
            Some("111074")
        );
        assert_eq!(
            places.by_name("浦和区").as_deref(),
            Some("111074"),
            "a ward by its short name"
        );
        assert_eq!(places.by_name("さいたま市").as_deref(), Some("111007"));
        assert_eq!(places.by_name("入間郡三芳町").as_deref(), Some("113247"));
        assert_eq!(
            places
                .by_address("埼玉県さいたま市浦和区高砂3-15-1")
                .as_deref(),
            Some("111074"),
            "the longest name wins: the ward, not the city"
        );
        assert_eq!(
            places.by_address("北足立郡伊奈町小室9493").as_deref(),
            Some("113018")
        );
        assert_eq!(
            places.by_address("北本市本町1-1").as_deref(),
            Some("112330")
        );
    }

    #[test]
    fn kinds_are_read_from_codes_labels_and_service_names() {
        assert_eq!(
            parse_kind("visiting_nursing"),
            Some(ProviderKind::VisitingNursing)
        );
        assert_eq!(
            parse_kind("訪問看護ステーション"),
            Some(ProviderKind::VisitingNursing)
        );
        assert_eq!(parse_kind("訪問看護"), Some(ProviderKind::VisitingNursing));
        assert_eq!(
            parse_kind("放課後等デイサービス"),
            Some(ProviderKind::ChildDayService)
        );
        assert_eq!(parse_kind("居宅介護"), Some(ProviderKind::HomeHelp));
        assert_eq!(
            parse_kind("短期入所療養介護"),
            Some(ProviderKind::ShortStay)
        );
        for kind in ProviderKind::ALL {
            let (code, label) = kind.code_and_label();
            assert_eq!(parse_kind(code), Some(kind));
            assert_eq!(parse_kind(label), Some(kind));
        }
        assert_eq!(parse_kind("宇宙船"), None);
    }

    #[test]
    fn a_mapping_that_cannot_make_providers_is_refused_for_the_whole_file() {
        let list = reference_list();
        let h = |hs: &[&str]| hs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let try_new = |hs: &[&str]| {
            let headers = h(hs);
            RowMapper::new(&suggest_mapping(&headers), &headers, &list).err()
        };
        assert!(matches!(
            try_new(&["種別", "住所"]),
            Some(FileError::MappingWithoutName)
        ));
        assert!(matches!(
            try_new(&["事業所名", "住所"]),
            Some(FileError::MappingWithoutKind)
        ));
        assert!(matches!(
            try_new(&["種別", "事業所名"]),
            Some(FileError::MappingWithoutMunicipality)
        ));

        let headers = h(&["種別", "事業所名", "住所", "施設名"]);
        let mut mapping = suggest_mapping(&headers);
        mapping.columns[3].field = Some(Field::Name);
        assert!(matches!(
            RowMapper::new(&mapping, &headers, &list).err(),
            Some(FileError::MappingDuplicateField { .. })
        ));
        let other_file = h(&["種別", "名称", "住所"]);
        assert!(matches!(
            RowMapper::new(&suggest_mapping(&headers[..3]), &other_file, &list).err(),
            Some(FileError::MappingColumnMissing { header }) if header == "事業所名"
        ));
    }

    #[test]
    fn a_header_appearing_twice_is_mapped_by_occurrence() {
        let headers: Vec<String> = ["種別", "事業所名", "住所", "備考", "備考"]
            .map(String::from)
            .to_vec();
        let mapping = suggest_mapping(&headers);
        let mut mapper = RowMapper::new(&mapping, &headers, &reference_list()).unwrap();
        let cells = ["病院", "テスト病院", "川越市元町1-1", "一つ目", "二つ目"]
            .map(String::from)
            .to_vec();
        let r = mapper.map_row(&row(2, cells)).unwrap();
        assert_eq!(r.provider.conditions.free_text, "一つ目 / 二つ目");
    }

    // ---- Scale --------------------------------------------------------------------------

    #[test]
    fn seventy_thousand_open_data_rows_stream_through_in_bounded_memory() {
        const ROWS: usize = 70_000;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("national.csv");
        let cities: Vec<_> = reference_list();
        {
            // Shift_JIS encoding searches its tables (slow in debug builds): encode the
            // Japanese parts once and join bytes.
            let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
            let header = crate::io::OPEN_DATA_HEADERS.join(",");
            out.write_all(&sjis(&format!("{header}\r\n"))).unwrap();
            let names: Vec<Vec<u8>> = cities.iter().map(|m| sjis(&m.name)).collect();
            let pref = sjis("埼玉県");
            let station = sjis("訪問看護ステーション髙﨑");
            let kana_kind = sjis("ホウモンカンゴステーション,訪問看護,");
            let street = sjis("本町");
            let days = sjis("月火水木金");
            for i in 0..ROWS {
                let k = i % cities.len();
                let m = &cities[k];
                let mut line = Vec::with_capacity(256);
                line.extend(format!("{},{i},", m.code6).bytes());
                for part in [
                    &pref,
                    &b","[..].to_vec(),
                    &names[k],
                    &b","[..].to_vec(),
                    &station,
                ] {
                    line.extend_from_slice(part);
                }
                line.extend(format!("{i},").bytes());
                line.extend_from_slice(&kana_kind);
                for part in [&pref, &names[k], &street] {
                    line.extend_from_slice(part);
                }
                line.extend(
                    format!(
                        "{i},,{:.6},{:.6},048-000-{:04},,,,{},",
                        m.lat,
                        m.lon,
                        i % 10_000,
                        1_100_000_000 + i
                    )
                    .bytes(),
                );
                line.extend_from_slice(&days);
                line.extend_from_slice(b",,,,,,,\r\n");
                out.write_all(&line).unwrap();
            }
        }
        let before = peak_rss_kb();
        let mut table = Table::open(&path, &TableOptions::default()).unwrap();
        assert_eq!(table.format(), SourceFormat::CsvShiftJis);
        let mapping = suggest_mapping(table.headers());
        let mut mapper = RowMapper::new(&mapping, table.headers(), &cities).unwrap();
        let (mut ok, mut bad, mut last_line) = (0usize, 0usize, 0u64);
        for outcome in provider_rows(&mut table, &mut mapper) {
            match outcome.unwrap() {
                Ok(row) => {
                    ok += 1;
                    last_line = row.line;
                }
                Err(problems) => {
                    bad += 1;
                    assert!(bad < 5, "{problems:?}");
                }
            }
        }
        assert_eq!((ok, bad), (ROWS, 0), "every generated row imports");
        assert_eq!(last_line, ROWS as u64 + 1);
        eprintln!(
            "70,000 rows ({} MB): peak RSS {:?} kB before, {:?} kB after (VmHWM, whole test process)",
            std::fs::metadata(&path).unwrap().len() / 1_000_000,
            before,
            peak_rss_kb()
        );
    }

    fn sjis(s: &str) -> Vec<u8> {
        encoding_rs::SHIFT_JIS.encode(s).0.into_owned()
    }

    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}
