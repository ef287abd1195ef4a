//! Use case: import providers from a file (survey answers, MHLW open data, any CSV/XLSX with
//! a column mapping). One pass, one transaction: a dry run counts new / updated / unchanged /
//! error rows and rolls back; an import keeps the good rows, or nothing when asked for all or
//! nothing. Re-importing the same file changes nothing: rows match existing providers on
//! 事業所番号, else on folded name + address, and only the fields the file maps are compared.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Lang, Result};
use crate::io::{
    Encoding, Field, Mapping, RowMapper, Severity, SourceFormat, Table, TableOptions,
    suggest_mapping,
};
use crate::providers::types::*;
use crate::providers::validate::check_provider;
use crate::providers::write::{insert_provider_record, update_provider_record};
use crate::record::{Stamp, new_id};
use crate::store::provider as table;
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

/// Problems listed in a report; the counts always cover every row.
const MAX_LISTED_PROBLEMS: usize = 500;

/// What to do with the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    /// Read and check everything, write nothing.
    #[default]
    DryRun,
    /// Write the good rows; rows with errors are left out.
    GoodRows,
    /// Write every row, or none if any row has an error.
    AllOrNothing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    #[serde(default = "auto")]
    pub encoding: Encoding,
    /// `None`: recognised from the headers (open data, our survey template, field keys).
    pub mapping: Option<Mapping>,
    #[serde(default)]
    pub mode: ImportMode,
    /// The language the problems are worded in.
    #[serde(default)]
    pub lang: Lang,
}

fn auto() -> Encoding {
    Encoding::Auto
}

/// One problem of one row, worded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportProblem {
    #[ts(type = "number")]
    pub line: u64,
    pub column: Option<String>,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub format: SourceFormat,
    /// The mapping used (the recognised one when none was given), for the mapping step.
    pub mapping: Mapping,
    pub rows: u32,
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Rows not imported because of an error.
    pub errors: u32,
    pub warnings: u32,
    /// The first problems, in file order.
    pub problems: Vec<ImportProblem>,
    /// Whether anything was written.
    pub applied: bool,
    /// Stopped by the user; nothing was written.
    pub cancelled: bool,
}

/// What the mapping step shows before anything is imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPreview {
    /// The file's name (never its path: the UI does not handle paths)
    pub file_name: String,
    pub format: SourceFormat,
    pub headers: Vec<String>,
    /// The recognised mapping, to be checked and corrected by the person
    pub mapping: Mapping,
    /// The first rows as read, for the preview table
    pub sample: Vec<Vec<String>>,
    /// Every field a column can fill, with its labels
    pub fields: Vec<crate::io::FieldInfo>,
}

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 5;

/// Reads the head of a file for the mapping step.
pub fn preview_import(path: &Path, encoding: Encoding) -> Result<ImportPreview> {
    let file_error = |e: crate::io::FileError| Error::Import(Box::new(e));
    let options = TableOptions {
        encoding,
        ..TableOptions::default()
    };
    let mut table = Table::open(path, &options).map_err(file_error)?;
    let headers = table.headers().to_vec();
    let mut sample = Vec::new();
    for row in table.by_ref().take(PREVIEW_ROWS) {
        sample.push(row.map_err(file_error)?.cells);
    }
    Ok(ImportPreview {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        format: table.format(),
        mapping: suggest_mapping(&headers),
        headers,
        sample,
        fields: crate::io::field_choices(),
    })
}

/// Finds the stored provider an incoming row is: by 事業所番号 through the database's unique
/// index, else by folded name + address. The latter keeps only a 64-bit hash of the pair and the
/// id's 16 bytes per provider (a few MB for a national directory, where whole strings took
/// ~350 bytes a row) and checks the stored row on a hit, so a hash collision is never a match.
struct Index {
    by_name_address: HashMap<u64, u128>,
}

fn name_address_key(name: &str, address: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    fold(name).hash(&mut h);
    fold(address).hash(&mut h);
    h.finish()
}

impl Index {
    fn load(conn: &rusqlite::Connection) -> Result<Index> {
        let mut index = Index {
            by_name_address: HashMap::new(),
        };
        let mut stmt =
            conn.prepare("SELECT id, name, address FROM provider WHERE deleted_at IS NULL")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, name, address) = row?;
            index.add(&id, &name, &address);
        }
        Ok(index)
    }

    fn add(&mut self, id: &str, name: &str, address: &str) {
        // Every id is a UUID (record::new_id); one that is not can still match by number.
        if let Ok(uuid) = uuid::Uuid::parse_str(id) {
            self.by_name_address
                .insert(name_address_key(name, address), uuid.as_u128());
        }
    }

    fn find(&self, conn: &rusqlite::Connection, p: &ProviderInput) -> Result<Option<String>> {
        if let Some(number) = &p.business_number {
            let id = conn
                .query_row(
                    "SELECT id FROM provider WHERE business_number = ?1 AND deleted_at IS NULL",
                    [number],
                    |r| r.get::<_, String>(0),
                )
                .optional()?;
            if id.is_some() {
                return Ok(id);
            }
        }
        let Some(&bits) = self
            .by_name_address
            .get(&name_address_key(&p.name, &p.address))
        else {
            return Ok(None);
        };
        let id = uuid::Uuid::from_u128(bits).to_string();
        let stored: Option<(String, String)> = conn
            .query_row(
                "SELECT name, address FROM provider WHERE id = ?1 AND deleted_at IS NULL",
                [&id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(stored
            .filter(|(name, address)| {
                fold(name) == fold(&p.name) && fold(address) == fold(&p.address)
            })
            .map(|_| id))
    }
}

/// How far a running import has got, for the progress bar (sent while it runs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct ImportProgress {
    /// Bytes read of a CSV, or rows read of an XLSX.
    #[ts(type = "number")]
    pub done: u64,
    /// The file's size in bytes for a CSV; `null` for an XLSX (its row count is not known
    /// before the end).
    #[ts(type = "number | null")]
    pub total: Option<u64>,
}

impl ImportProgress {
    /// From the `(done, total)` pair `import_providers` reports.
    pub fn from_pair(done: u64, total: u64) -> ImportProgress {
        ImportProgress {
            done,
            total: (total > 0).then_some(total),
        }
    }
}

impl Registry {
    /// Imports providers from the file at `path`. `progress(done, total)` is called every
    /// 256 rows: bytes read and file size for a CSV, rows read and `0` (not known ahead) for
    /// an XLSX. Returning `false` cancels and writes nothing.
    pub fn import_providers(
        &mut self,
        path: &Path,
        options: &ImportOptions,
        stamp: &Stamp,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<ImportReport> {
        self.require(Permission::Write)?;
        let lang = options.lang;
        let file_error = |e: crate::io::FileError| Error::Import(Box::new(e));
        let table_options = TableOptions {
            encoding: options.encoding,
            ..TableOptions::default()
        };
        let mut table = Table::open(path, &table_options).map_err(file_error)?;
        let mapping = options
            .mapping
            .clone()
            .unwrap_or_else(|| suggest_mapping(table.headers()));
        let municipalities = crate::store::municipality::all(&self.conn)?;
        let headers = table.headers().to_vec();
        let mut mapper = RowMapper::new(&mapping, &headers, &municipalities).map_err(file_error)?;
        let mapped: HashSet<Field> = mapping.columns.iter().filter_map(|c| c.field).collect();
        let mut index = Index::load(&self.conn)?;
        let mut report = ImportReport {
            format: table.format(),
            mapping: mapping.clone(),
            rows: 0,
            new: 0,
            updated: 0,
            unchanged: 0,
            errors: 0,
            warnings: 0,
            problems: Vec::new(),
            applied: false,
            cancelled: false,
        };
        let note = |report: &mut ImportReport,
                    line: u64,
                    column: Option<String>,
                    severity: Severity,
                    message: String| {
            match severity {
                Severity::Error => {}
                Severity::Warning => report.warnings += 1,
            }
            if report.problems.len() < MAX_LISTED_PROBLEMS {
                report.problems.push(ImportProblem {
                    line,
                    column,
                    severity,
                    message,
                });
            }
        };
        let today = stamp.today();
        let conn_exists = |conn: &rusqlite::Connection, code: &str| {
            crate::store::municipality::exists(conn, code)
        };
        let tx = self.conn.transaction()?;
        while let Some(row) = table.next() {
            let row = row.map_err(file_error)?;
            report.rows += 1;
            if report.rows.is_multiple_of(256) {
                let (done, total) = table.progress().unwrap_or((u64::from(report.rows), 0));
                if !progress(done, total) {
                    report.cancelled = true;
                    return Ok(report);
                }
            }
            let mut mapped_row = match mapper.map_row(&row) {
                Ok(m) => m,
                Err(problems) => {
                    report.errors += 1;
                    for p in problems {
                        let (line, column, severity) = (p.line, p.column.clone(), p.severity());
                        note(&mut report, line, column, severity, p.message(lang));
                    }
                    continue;
                }
            };
            for p in &mapped_row.warnings {
                note(
                    &mut report,
                    p.line,
                    p.column.clone(),
                    Severity::Warning,
                    p.message(lang),
                );
            }
            if let Err(e) = check_provider(&mut mapped_row.provider, &|code| conn_exists(&tx, code))
            {
                report.errors += 1;
                let api = e.to_api(lang);
                note(
                    &mut report,
                    row.line,
                    api.field,
                    Severity::Error,
                    api.message,
                );
                continue;
            }
            let incoming = mapped_row.provider;
            match index.find(&tx, &incoming)? {
                Some(id) => {
                    let stored = table::find(&tx, &id)?
                        .ok_or_else(|| crate::providers::write::not_found(&id))?;
                    let current = crate::providers::read::provider_input(&stored)?;
                    let merged = merge(&current, incoming, &mapped);
                    if merged == current {
                        report.unchanged += 1;
                    } else {
                        update_provider_record(&tx, stamp, &id, None, &merged, &stored, today)?;
                        report.updated += 1;
                    }
                }
                None => {
                    let mut ids = || new_id(stamp);
                    let id = insert_provider_record(&tx, stamp, &mut ids, &incoming, today)?;
                    index.add(&id, &incoming.name, &incoming.address);
                    report.new += 1;
                }
            }
        }
        let write = match options.mode {
            ImportMode::DryRun => false,
            ImportMode::GoodRows => true,
            ImportMode::AllOrNothing => report.errors == 0,
        };
        if write {
            tx.commit()?;
            report.applied = true;
        }
        Ok(report)
    }
}

/// The stored provider with the fields the file maps taken from the file; fields the file
/// does not have keep what the office entered.
fn merge(
    current: &ProviderInput,
    incoming: ProviderInput,
    mapped: &HashSet<Field>,
) -> ProviderInput {
    let has = |f: Field| mapped.contains(&f);
    let mut out = current.clone();
    if has(Field::Name) {
        out.name = incoming.name;
    }
    if has(Field::Kana) {
        out.kana = incoming.kana;
    }
    if has(Field::Kind) {
        out.kind = incoming.kind;
    }
    if has(Field::PostalCode) {
        out.postal_code = incoming.postal_code;
    }
    if has(Field::Address) || has(Field::AddressExtra) {
        out.address = incoming.address;
    }
    if has(Field::MunicipalityCode) || has(Field::MunicipalityName) {
        out.municipality_code = incoming.municipality_code;
    }
    if has(Field::Lat) || has(Field::Lon) {
        out.lat = incoming.lat;
        out.lon = incoming.lon;
    }
    if has(Field::Phone) {
        out.phone = incoming.phone;
    }
    if has(Field::Fax) {
        out.fax = incoming.fax;
    }
    if has(Field::Email) {
        out.email = incoming.email;
    }
    if has(Field::ContactPerson) {
        out.contact_person = incoming.contact_person;
    }
    if has(Field::BusinessNumber) {
        out.business_number = incoming.business_number;
    }
    if has(Field::Capacity) {
        out.capacity = incoming.capacity;
    }
    if has(Field::OpeningHours) {
        out.opening_hours = incoming.opening_hours;
    }
    if has(Field::LastVerifiedOn) {
        out.last_verified_on = incoming.last_verified_on;
    }
    let c = &mut out.conditions;
    let i = incoming.conditions;
    if has(Field::AcceptsChildren) {
        c.accepts_children = i.accepts_children;
    }
    if has(Field::AgeMinMonths) {
        c.age_min_months = i.age_min_months;
    }
    if has(Field::AgeMaxMonths) {
        c.age_max_months = i.age_max_months;
    }
    if has(Field::WeightMinKg) {
        c.weight_min_kg = i.weight_min_kg;
    }
    if has(Field::WeightMaxKg) {
        c.weight_max_kg = i.weight_max_kg;
    }
    for field in mapped {
        if let Field::CareItem(code) = field {
            c.care_items.retain(|a| a.code != *code);
            c.care_items
                .extend(i.care_items.iter().filter(|a| a.code == *code).copied());
        }
    }
    c.care_items.sort_by_key(|a| a.code);
    if has(Field::ServiceArea) {
        c.service_area.municipality_codes = i.service_area.municipality_codes;
    }
    if has(Field::ServiceRadiusKm) {
        c.service_area.radius_km = i.service_area.radius_km;
    }
    if has(Field::Nights) {
        c.nights = i.nights;
    }
    if has(Field::Weekends) {
        c.weekends = i.weekends;
    }
    if has(Field::AroundTheClock) {
        c.around_the_clock = i.around_the_clock;
    }
    if has(Field::TakingNewClients) {
        c.taking_new_clients = i.taking_new_clients;
    }
    if has(Field::FreeText) {
        c.free_text = i.free_text;
    }
    let p = &mut out.publication;
    let ip = incoming.publication;
    if has(Field::PublishName) {
        p.name = ip.name;
    }
    if has(Field::PublishAddress) {
        p.address = ip.address;
    }
    if has(Field::PublishPhone) {
        p.phone = ip.phone;
    }
    if has(Field::PublishContactPerson) {
        p.contact_person = ip.contact_person;
    }
    if has(Field::PublishConditions) {
        p.conditions = ip.conditions;
    }
    if has(Field::ConsentedOn) {
        p.consented_on = ip.consented_on;
    }
    out
}
