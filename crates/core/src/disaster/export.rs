//! Use case: the emergency roster as a file for the municipality — CSV (UTF-8 with a BOM, or
//! Shift_JIS) or an Excel workbook — with Japanese headers, through the directory export's
//! writers: every CSV cell passes `guard_formula`, XLSX cells are strings or numbers (never
//! formulas) and text that looks like a formula carries Excel's quote prefix. Written whole or
//! not at all (`io::write_atomically`).

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, FormatBorder, Workbook};

use crate::disaster::types::*;
use crate::disaster::words::hours;
use crate::error::{Lang, Result};
use crate::providers::export::csv::{EncodingWriter, csv_error};
use crate::providers::export::xlsx::{excel_time, xlsx_error};
use crate::providers::export::{CsvEncoding, guard_formula, io_error, looks_like_formula};
use crate::record::Stamp;
use crate::vault::Registry;

/// The roster's columns, in order.
pub const ROSTER_HEADERS: [&str; 16] = [
    "順位",
    "氏名",
    "ふりがな",
    "生年月日",
    "年齢",
    "市町村",
    "住所",
    "人工呼吸器",
    "電源依存機器",
    "バッテリー合計(時間)",
    "保護者連絡先",
    "緊急連絡先",
    "支援チーム",
    "搬送先病院",
    "避難所",
    "注意",
];

/// Column of the rank and of the battery total: number cells in a workbook.
const RANK_COLUMN: usize = 0;
const HOURS_COLUMN: usize = 9;
const SHEET_NAME: &str = "緊急時連絡網";
/// Between entries of one cell (several guardians, devices, contacts).
const JOIN: &str = "／";

impl Registry {
    /// Writes the roster of `query` to `out` in `format` (`encoding` for CSV), whole or not at
    /// all; returns how many children it lists. The PDF is laid out by the `pdf` module.
    pub fn export_roster(
        &self,
        query: &RosterQuery,
        format: RosterFormat,
        encoding: CsvEncoding,
        out: &Path,
        stamp: &Stamp,
    ) -> Result<u32> {
        self.require(query.export_permission())?;
        let roster = self.emergency_roster(query, stamp)?;
        if format == RosterFormat::Pdf {
            // The printed roster is laid out by the `pdf` module (typst), from this reading.
            #[cfg(feature = "pdf")]
            {
                let pdf = self.render_roster_pdf(query, &roster, stamp)?;
                crate::pdf::write_pdf(out, &pdf)?;
                return Ok(roster.rows.len() as u32);
            }
            #[cfg(not(feature = "pdf"))]
            return Err(crate::error::Error::Internal(
                "built without the `pdf` feature".into(),
            ));
        }
        crate::io::write_atomically(out, |w| {
            if format == RosterFormat::Csv {
                write_csv(&roster, encoding, w)?;
            } else {
                write_xlsx(&roster, stamp, w)?;
            }
            Ok(roster.rows.len() as u32)
        })
    }
}

/// The cells of one row as text, in [`ROSTER_HEADERS`]' order.
pub fn roster_cells(row: &RosterRow) -> [String; 16] {
    let lang = Lang::Ja;
    let devices = row
        .devices
        .iter()
        .map(|d| {
            let internal = d
                .internal_battery_hours
                .map_or("内部不明".to_string(), |h| {
                    format!("内部{}時間", hours(h))
                });
            let external = match d.external_battery_hours {
                Some(h) if h > 0.0 => format!("外部{}時間", hours(h)),
                _ => "外部なし".to_string(),
            };
            let name = if d.name.is_empty() {
                String::new()
            } else {
                format!(" {}", d.name)
            };
            format!("{}{name}（{internal}・{external}）", d.kind.label(lang))
        })
        .collect::<Vec<_>>()
        .join(JOIN);
    let total = match (row.total_battery_hours, row.power_dependent) {
        (Some(h), _) => hours(h),
        (None, true) => "不明".into(),
        (None, false) => String::new(),
    };
    let person = |name: &str, relation: &str, phone: &str| {
        let relation = if relation.is_empty() {
            String::new()
        } else {
            format!("（{relation}）")
        };
        format!("{name}{relation} {phone}").trim().to_string()
    };
    let guardians = row
        .guardians
        .iter()
        .map(|g| person(&g.name, &g.relation, &g.phone))
        .collect::<Vec<_>>()
        .join(JOIN);
    let contacts = row
        .contacts
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}. {}", i + 1, person(&c.name, &c.relation, &c.phone)))
        .collect::<Vec<_>>()
        .join(JOIN);
    let team = row
        .team
        .iter()
        .map(|t| {
            format!("{}: {} {}", t.role, t.name, t.phone)
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(JOIN);
    let warnings = row
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    [
        row.rank.to_string(),
        row.name.clone(),
        row.kana.clone(),
        row.date_of_birth.clone(),
        row.age.clone(),
        row.municipality.clone(),
        row.address.clone(),
        if row.ventilated { "○" } else { "" }.into(),
        devices,
        total,
        guardians,
        contacts,
        team,
        row.emergency_hospital.clone(),
        row.evacuation_site.clone(),
        warnings,
    ]
}

fn write_csv(roster: &Roster, encoding: CsvEncoding, out: &mut dyn Write) -> Result<()> {
    let mut sink = EncodingWriter::new(out, encoding)?;
    let mut writer = ::csv::Writer::from_writer(&mut sink);
    writer.write_record(ROSTER_HEADERS).map_err(csv_error)?;
    for row in &roster.rows {
        let cells = roster_cells(row).map(|c| guard_formula(&c));
        writer.write_record(&cells).map_err(csv_error)?;
    }
    writer.flush().map_err(io_error)?;
    drop(writer);
    sink.finish()
}

fn write_xlsx(roster: &Roster, stamp: &Stamp, out: &mut dyn Write) -> Result<()> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(SHEET_NAME)
            .set_author("かけはし")
            .set_creation_datetime(&excel_time(stamp)?),
    );
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_NAME).map_err(xlsx_error)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let as_text = wrap.clone().set_quote_prefix();
    let widths = [
        5.0, 14.0, 16.0, 11.0, 10.0, 10.0, 30.0, 6.0, 36.0, 8.0, 30.0, 30.0, 36.0, 20.0, 20.0, 48.0,
    ];
    for (col, (title, width)) in (0u16..).zip(ROSTER_HEADERS.iter().zip(widths)) {
        sheet
            .write_string_with_format(0, col, *title, &header)
            .map_err(xlsx_error)?;
        sheet.set_column_width(col, width).map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 2).map_err(xlsx_error)?;
    for (r, row) in (1u32..).zip(&roster.rows) {
        for (col, text) in (0u16..).zip(roster_cells(row)) {
            if text.is_empty() {
                continue;
            }
            let written = match text.parse::<f64>() {
                Ok(n) if matches!(usize::from(col), RANK_COLUMN | HOURS_COLUMN) => {
                    sheet.write_number_with_format(r, col, n, &wrap)
                }
                _ if looks_like_formula(&text) => {
                    sheet.write_string_with_format(r, col, text, &as_text)
                }
                _ => sheet.write_string_with_format(r, col, text, &wrap),
            };
            written.map_err(xlsx_error)?;
        }
    }
    let last_row = u32::try_from(roster.rows.len()).unwrap_or(u32::MAX).max(1);
    sheet
        .autofilter(0, 0, last_row, (ROSTER_HEADERS.len() - 1) as u16)
        .map_err(xlsx_error)?;
    let bytes = book.save_to_buffer().map_err(xlsx_error)?;
    out.write_all(&bytes).map_err(io_error)
}
