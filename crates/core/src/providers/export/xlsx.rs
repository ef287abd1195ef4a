//! The internal export as an Excel workbook: the internal CSV's columns on one sheet, a frozen
//! header row with filters, column widths that fit the content. Numbers (coordinates, ages,
//! weights, capacity, radius) are number cells; everything else is a string cell — never a
//! formula — and a string that starts like a formula carries Excel's quote prefix, so it stays
//! text even when someone edits the cell. rust_xlsxwriter's constant-memory mode writes the rows
//! to an anonymous temp file (deleted by the OS when closed), so memory stays flat.

use std::io::Write;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};

use crate::error::{Error, Result};
use crate::io::Field;
use crate::record::Stamp;
use crate::vault::Registry;

use super::{ExportSummary, cell, columns, io_error, looks_like_formula};

const SHEET_NAME: &str = "事業所一覧";

pub(super) fn write(
    registry: &Registry,
    stamp: &Stamp,
    out: &mut dyn Write,
    summary: &mut ExportSummary,
) -> Result<()> {
    let fields = columns(false);
    let last_col = u16::try_from(fields.len() - 1).expect("a few dozen columns");
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(SHEET_NAME)
            .set_author("かけはし")
            .set_creation_datetime(&excel_time(stamp)?),
    );
    let sheet = book
        .add_worksheet_with_constant_memory()
        .map_err(xlsx_error)?;
    sheet.set_name(SHEET_NAME).map_err(xlsx_error)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let as_text = Format::new().set_quote_prefix();
    for (col, field) in (0u16..).zip(&fields) {
        sheet
            .write_string_with_format(0, col, field.label_ja(), &header)
            .map_err(xlsx_error)?;
        sheet
            .set_column_width(col, column_width(*field))
            .map_err(xlsx_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;

    let mut row = 0u32;
    registry.each_provider(&mut |p, names| {
        row += 1;
        let municipality = names.of(&p.municipality_code)?;
        for (col, field) in (0u16..).zip(&fields) {
            let text = cell(*field, &p, &municipality);
            if text.is_empty() {
                continue;
            }
            let written = match text.parse::<f64>() {
                Ok(n) if is_number(*field) => sheet.write_number(row, col, n),
                _ if looks_like_formula(&text) => {
                    sheet.write_string_with_format(row, col, text, &as_text)
                }
                _ => sheet.write_string(row, col, text),
            };
            written.map_err(xlsx_error)?;
        }
        Ok(())
    })?;
    sheet
        .autofilter(0, 0, row.max(1), last_col)
        .map_err(xlsx_error)?;
    let bytes = book.save_to_buffer().map_err(xlsx_error)?;
    out.write_all(&bytes).map_err(io_error)?;
    summary.providers = row;
    Ok(())
}

/// Fields whose cells are numbers in a spreadsheet. Codes, postal codes, phone and business
/// numbers stay text (leading zeros, hyphens).
fn is_number(field: Field) -> bool {
    matches!(
        field,
        Field::Lat
            | Field::Lon
            | Field::Capacity
            | Field::AgeMinMonths
            | Field::AgeMaxMonths
            | Field::WeightMinKg
            | Field::WeightMaxKg
            | Field::ServiceRadiusKm
    )
}

/// A width (in Excel's character units) that fits the usual content and the header.
fn column_width(field: Field) -> f64 {
    let content: f64 = match field {
        Field::Name | Field::Address => 36.0,
        Field::Kana => 30.0,
        Field::FreeText => 48.0,
        Field::Kind | Field::OpeningHours | Field::Email | Field::ServiceArea => 24.0,
        Field::MunicipalityName => 14.0,
        Field::Phone | Field::Fax | Field::BusinessNumber => 14.0,
        Field::LastVerifiedOn | Field::ConsentedOn => 12.0,
        Field::PostalCode | Field::MunicipalityCode | Field::ContactPerson => 10.0,
        Field::Lat | Field::Lon => 11.0,
        // ○ × answers, small numbers: the header decides.
        _ => 6.0,
    };
    // Japanese characters are two units wide; wrapped headers need not fit on one line.
    let header: usize = field
        .label_ja()
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum();
    content.max((header as f64 + 2.0).min(16.0))
}

/// The stamp's instant, for the workbook's creation date (so the file does not read a clock).
pub(crate) fn excel_time(stamp: &Stamp) -> Result<ExcelDateTime> {
    use chrono::{Datelike, Timelike};
    let t = stamp.at;
    let small = |n: u32| u8::try_from(n).expect("a date or time part");
    let year = u16::try_from(t.year()).map_err(|_| Error::Internal("year out of range".into()))?;
    ExcelDateTime::from_ymd(year, small(t.month()), small(t.day()))
        .and_then(|d| d.and_hms(small(t.hour()).into(), small(t.minute()), t.second()))
        .map_err(xlsx_error)
}

pub(crate) fn xlsx_error(e: XlsxError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_wide_enough_for_their_header_and_content() {
        assert!(column_width(Field::Name) >= 30.0);
        assert!(column_width(Field::Kind) >= 24.0);
        let header_width = Field::PublishContactPerson.label_ja().chars().count() as f64 * 2.0;
        assert!(column_width(Field::PublishContactPerson) >= header_width.min(14.0));
        assert!(
            column_width(Field::Nights) < 12.0,
            "a ○ column stays narrow"
        );
    }
}
