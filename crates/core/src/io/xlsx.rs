//! The first worksheet of an XLSX workbook, read as rows within [`Limits`].
//!
//! Before calamine sees the file, the zip central directory is read (with the `zip` crate
//! calamine itself uses) and the declared uncompressed sizes of all parts are added up: over
//! `max_xlsx_uncompressed_bytes` the file is refused (a zip bomb, or a workbook far larger than
//! a provider list). The declared sizes are binding: the zip reader under calamine stops every
//! part at its declared size. The shared-string table's announced count is checked against
//! its size too (calamine reserves memory for it up front).
//!
//! The sheet is then streamed with calamine's cell reader (never `worksheet_range`, which
//! builds the bounding grid: one cell at XFD1048576 would make 17 billion of them). Cells
//! outside `max_rows × max_columns` that hold data refuse the file; empty formatted cells
//! anywhere are ignored. Reading runs on a worker thread that hands rows over a small bounded
//! channel, so the iterator owns its state and a panic inside the XLSX parser becomes an
//! error instead of a crash.

use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use calamine::{DataRef, Reader, SheetType, Xlsx, XlsxError};
use zip::ZipArchive;
use zip::result::ZipError;

use super::problem::FileError;
use super::table::{CellNote, CellNoteKind, Limits, Row, finish_row};

/// Rows buffered between the worker and the reader.
const CHANNEL_ROWS: usize = 32;

type Item = Result<Row, FileError>;

pub(crate) struct XlsxRows {
    rx: Receiver<Item>,
    worker: Option<JoinHandle<()>>,
}

impl XlsxRows {
    /// Checks the sizes, then starts streaming the first worksheet.
    pub(crate) fn open<R>(path: &Path, mut file: R, limits: &Limits) -> Result<XlsxRows, FileError>
    where
        R: Read + Seek + Send + 'static,
    {
        check_container(&mut file, limits.max_xlsx_uncompressed_bytes)?;
        file.seek(SeekFrom::Start(0))
            .map_err(|source| FileError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        let (tx, rx) = sync_channel(CHANNEL_ROWS);
        let limits = *limits;
        let path_buf = path.to_path_buf();
        let worker = std::thread::Builder::new()
            .name("kakehashi-xlsx".into())
            .spawn(move || {
                if let Err(e) = stream_first_sheet(file, &path_buf, &limits, &tx) {
                    // The reader may be gone already (cancelled); nothing else to do then.
                    let _ = tx.send(Err(e));
                }
            })
            .map_err(|e| FileError::XlsxUnreadable {
                detail: e.to_string(),
            })?;
        Ok(XlsxRows {
            rx,
            worker: Some(worker),
        })
    }

    pub(crate) fn next(&mut self) -> Option<Item> {
        match self.rx.recv() {
            Ok(item) => Some(item),
            Err(_) => {
                let worker = self.worker.take()?;
                match worker.join() {
                    Ok(()) => None,
                    Err(_) => Some(Err(FileError::XlsxUnreadable {
                        detail: "the XLSX reader stopped unexpectedly".into(),
                    })),
                }
            }
        }
    }
}

/// Sends the non-blank rows of the first worksheet; `Ok` at the end of the sheet or when
/// the receiver is gone.
fn stream_first_sheet<R: Read + Seek>(
    file: R,
    path: &Path,
    limits: &Limits,
    tx: &SyncSender<Item>,
) -> Result<(), FileError> {
    let to_file_error = |e: XlsxError| xlsx_error(e, path);
    let mut book: Xlsx<_> = Xlsx::new(BufReader::new(file)).map_err(to_file_error)?;
    let sheet = book
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .ok_or(FileError::XlsxNoSheet)?;
    let mut cells = book.worksheet_cells_reader(&sheet).map_err(to_file_error)?;
    let mut current: Option<Pending> = None;
    while let Some(cell) = cells.next_cell().map_err(to_file_error)? {
        let Some((text, error_value)) = cell_text(cell.get_value()) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        if u64::from(row) >= limits.max_rows || col as usize >= limits.max_columns {
            return Err(FileError::XlsxCellOutOfBounds {
                cell: cell_name(row, col),
                max_rows: limits.max_rows,
                max_columns: limits.max_columns,
            });
        }
        if current.as_ref().is_some_and(|p| p.row != row) {
            let done = current.take().expect("checked above");
            if !done.send(tx) {
                return Ok(());
            }
        }
        let pending = current.get_or_insert_with(|| Pending {
            row,
            cells: Vec::new(),
            notes: Vec::new(),
            bytes: 0,
        });
        let col = col as usize;
        if pending.cells.len() <= col {
            pending.cells.resize(col + 1, String::new());
        }
        pending.bytes += text.len();
        if pending.bytes > limits.max_row_bytes {
            return Err(FileError::RowTooLong {
                line: u64::from(row) + 1,
                limit_bytes: limits.max_row_bytes,
            });
        }
        if error_value {
            pending.notes.push(CellNote {
                column: col,
                kind: CellNoteKind::SpreadsheetError,
            });
        }
        pending.cells[col] = text;
    }
    if let Some(done) = current {
        done.send(tx);
    }
    Ok(())
}

struct Pending {
    row: u32,
    cells: Vec<String>,
    notes: Vec<CellNote>,
    bytes: usize,
}

impl Pending {
    /// `false` when the receiver is gone.
    fn send(self, tx: &SyncSender<Item>) -> bool {
        match finish_row(u64::from(self.row) + 1, self.cells, self.notes) {
            Some(row) => tx.send(Ok(row)).is_ok(),
            None => true,
        }
    }
}

fn xlsx_error(e: XlsxError, path: &Path) -> FileError {
    match e {
        XlsxError::Password => FileError::LegacyXls,
        XlsxError::Io(source) => FileError::Io {
            path: PathBuf::from(path),
            source,
        },
        other => FileError::XlsxUnreadable {
            detail: other.to_string(),
        },
    }
}

/// A cell as text (`None` when empty) and whether it is an error value such as #N/A.
/// Whole numbers lose the `.0` (a business number typed as a number stays 1161090123);
/// dates become ISO dates.
fn cell_text(value: &DataRef<'_>) -> Option<(String, bool)> {
    let text = match value {
        DataRef::Empty => return None,
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        DataRef::DateTime(dt) => number_text(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => return Some((e.to_string(), true)),
    };
    Some((text, false))
}

fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// `(0, 0)` → `A1`; `(1048575, 16383)` → `XFD1048576`.
fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8_lossy(&letters),
        u64::from(row) + 1
    )
}

/// Checks the zip container before calamine reads it: the declared uncompressed sizes of all
/// parts (binding, see the module doc) must stay within `limit`, and the shared-string table
/// must not announce more strings than its size can hold — calamine reserves room for
/// `uniqueCount` strings up front, so `uniqueCount="4000000000"` in a tiny file would ask for
/// about 100 GB at once and abort the process.
fn check_container<R: Read + Seek>(file: R, limit: u64) -> Result<(), FileError> {
    let unreadable = |e: ZipError| FileError::XlsxUnreadable {
        detail: e.to_string(),
    };
    let mut zip = ZipArchive::new(file).map_err(unreadable)?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        total = total.saturating_add(zip.by_index_raw(i).map_err(unreadable)?.size());
    }
    if total > limit {
        return Err(FileError::XlsxTooLarge {
            uncompressed_bytes: total,
            limit,
        });
    }
    let strings = match zip.by_name(SHARED_STRINGS) {
        Ok(part) => part,
        Err(ZipError::FileNotFound) => return Ok(()),
        Err(e) => return Err(unreadable(e)),
    };
    let size = strings.size();
    let mut head = Vec::new();
    strings
        .take(SST_HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(|e| FileError::XlsxUnreadable {
            detail: e.to_string(),
        })?;
    match unique_count(&head) {
        Some(n) if n > size / MIN_SHARED_STRING_BYTES => Err(FileError::XlsxUnreadable {
            detail: format!("{SHARED_STRINGS} announces {n} strings in {size} bytes"),
        }),
        _ => Ok(()),
    }
}

const SHARED_STRINGS: &str = "xl/sharedStrings.xml";
/// The `<sst …>` start tag is near the top of the part; this much is read to find it.
const SST_HEAD_BYTES: u64 = 64 * 1024;
/// The smallest shared string, `<si><t/></si>`, takes 13 bytes; 8 leaves slack.
const MIN_SHARED_STRING_BYTES: u64 = 8;

/// The `uniqueCount` of the `<sst>` start tag, if the head of the part has one.
fn unique_count(head: &[u8]) -> Option<u64> {
    let text = String::from_utf8_lossy(head);
    let tag_start = text.find("<sst")?;
    let tag = &text[tag_start..tag_start + text[tag_start..].find('>')?];
    let value_start = tag.find("uniqueCount=")? + "uniqueCount=".len();
    let quoted = &tag[value_start..];
    let quote = quoted.chars().next()?;
    let value = &quoted[1..1 + quoted[1..].find(quote)?];
    // A number too big for u64 is certainly too big for the part.
    Some(value.trim().parse().unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::table::{Table, TableOptions};
    use rust_xlsxwriter::{Format, Workbook};

    fn save(workbook: &mut Workbook, dir: &tempfile::TempDir, name: &str) -> PathBuf {
        let path = dir.path().join(name);
        workbook.save(&path).unwrap();
        path
    }

    #[test]
    fn cell_names_are_spreadsheet_references() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 27), "AB10");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn an_xlsx_first_sheet_is_read_as_rows_with_sheet_row_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "事業所名").unwrap();
        ws.write_string(0, 1, "事業所番号").unwrap();
        ws.write_string(0, 2, "緯度").unwrap();
        ws.write_string(0, 3, "回答日").unwrap();
        ws.write_string(2, 0, "㈱髙﨑ケア①").unwrap();
        ws.write_number(2, 1, 1_161_090_123.0).unwrap();
        ws.write_number(2, 2, 35.925).unwrap();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        ws.write_datetime_with_format(
            2,
            3,
            rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 4, 1).unwrap(),
            &date,
        )
        .unwrap();
        ws.write_string(3, 1, "1161090124").unwrap();
        wb.add_worksheet().write_string(0, 0, "二枚目").unwrap();
        let path = save(&mut wb, &dir, "book.xlsx");

        let mut table = Table::open(&path, &TableOptions::default()).unwrap();
        assert_eq!(table.format(), crate::io::SourceFormat::Xlsx);
        assert_eq!(
            table.headers(),
            ["事業所名", "事業所番号", "緯度", "回答日"]
        );
        let rows: Vec<Row> = table.by_ref().map(Result::unwrap).collect();
        assert_eq!(
            rows.len(),
            2,
            "the blank row 2 is skipped, the second sheet is not read"
        );
        assert_eq!(rows[0].line, 3, "line = the sheet's row number");
        assert_eq!(
            rows[0].cells,
            ["㈱髙﨑ケア①", "1161090123", "35.925", "2025-04-01"],
            "whole numbers without .0, dates as ISO dates"
        );
        assert_eq!(
            rows[1].cells,
            ["", "1161090124", "", ""],
            "sheet rows are padded to the header's width"
        );
    }

    #[test]
    fn a_far_away_cell_refuses_the_sheet_without_building_a_grid() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "事業所名").unwrap();
        ws.write_string(1, 0, "A").unwrap();
        ws.write_string(1_048_575, 16_383, "x").unwrap();
        let path = save(&mut wb, &dir, "far.xlsx");

        let before = peak_rss_kb();
        let result: Result<Vec<Row>, FileError> =
            Table::open(&path, &TableOptions::default()).and_then(|t| t.collect());
        match result {
            Err(FileError::XlsxCellOutOfBounds { cell, .. }) => assert_eq!(cell, "XFD1048576"),
            other => panic!("expected the far cell to be refused, got {other:?}"),
        }
        eprintln!(
            "far-away cell: peak RSS {before:?} kB → {:?} kB",
            peak_rss_kb()
        );
    }

    #[test]
    fn empty_formatted_cells_far_away_are_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "事業所名").unwrap();
        ws.write_string(1, 0, "A").unwrap();
        ws.write_blank(1_048_575, 16_383, &Format::new().set_bold())
            .unwrap();
        let path = save(&mut wb, &dir, "formatted.xlsx");
        let rows: Vec<Row> = Table::open(&path, &TableOptions::default())
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len(), 1, "a formatted empty cell is not data");
    }

    #[test]
    fn a_highly_compressible_sheet_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for r in 0..20_000u32 {
            for c in 0..5u16 {
                ws.write_number(r, c, 1.0).unwrap();
            }
        }
        let path = save(&mut wb, &dir, "bomb.xlsx");
        let compressed = std::fs::metadata(&path).unwrap().len();
        let options = TableOptions {
            limits: Limits {
                max_xlsx_uncompressed_bytes: 1_000_000,
                ..Limits::default()
            },
            ..TableOptions::default()
        };
        match Table::open(&path, &options) {
            Err(FileError::XlsxTooLarge {
                uncompressed_bytes,
                limit,
            }) => {
                assert!(uncompressed_bytes > limit);
                assert!(
                    uncompressed_bytes > 10 * compressed,
                    "the test sheet compresses well: {compressed} → {uncompressed_bytes}"
                );
            }
            other => panic!(
                "expected XlsxTooLarge, got {:?}",
                other.map(|t| t.headers().to_vec())
            ),
        }
    }

    #[test]
    fn a_zip_declaring_a_huge_part_is_refused_with_the_default_limit() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        wb.add_worksheet().write_string(0, 0, "事業所名").unwrap();
        let path = save(&mut wb, &dir, "declared.xlsx");
        let mut bytes = std::fs::read(&path).unwrap();
        // Declare 4 GB for the sheet in its central directory entry.
        let name = b"xl/worksheets/sheet1.xml";
        let entry = (0..bytes.len() - 46)
            .find(|&i| {
                bytes[i..i + 4] == [0x50, 0x4B, 0x01, 0x02] && bytes[i + 46..].starts_with(name)
            })
            .expect("the sheet has a directory entry");
        bytes[entry + 24..entry + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(
            Table::open(&path, &TableOptions::default()),
            Err(FileError::XlsxTooLarge { .. })
        ));
    }

    #[test]
    fn a_shared_string_table_announcing_billions_of_strings_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "事業所名").unwrap();
        ws.write_string(1, 0, "かわせみ訪問看護ステーション")
            .unwrap();
        let path = save(&mut wb, &dir, "strings.xlsx");
        assert!(
            Table::open(&path, &TableOptions::default()).is_ok(),
            "the workbook as written is fine"
        );

        // Copy every part, announcing four billion strings in the shared-string table.
        let mut source = ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let forged = dir.path().join("forged.xlsx");
        let mut out = zip::ZipWriter::new(std::fs::File::create(&forged).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..source.len() {
            let mut part = source.by_index(i).unwrap();
            let name = part.name().unwrap().to_string();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            if name == SHARED_STRINGS {
                let text = String::from_utf8(bytes).unwrap();
                let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
                let end = at + text[at..].find('"').unwrap();
                bytes = format!("{}4000000000{}", &text[..at], &text[end..]).into_bytes();
            }
            out.start_file(name, options).unwrap();
            std::io::Write::write_all(&mut out, &bytes).unwrap();
        }
        out.finish().unwrap();

        match Table::open(&forged, &TableOptions::default()) {
            Err(FileError::XlsxUnreadable { detail }) => {
                assert!(detail.contains("4000000000"), "{detail}")
            }
            other => panic!(
                "expected the forged count to be refused, got {:?}",
                other.map(|t| t.headers().to_vec())
            ),
        }
    }

    #[test]
    fn the_announced_string_count_is_read_from_the_sst_tag() {
        let head = br#"<?xml version="1.0"?><sst xmlns="x" count="3" uniqueCount='2'><si>"#;
        assert_eq!(unique_count(head), Some(2));
        assert_eq!(unique_count(b"<sst count=\"3\">"), None);
        assert_eq!(
            unique_count(b"<sst uniqueCount=\"99999999999999999999999\">"),
            Some(u64::MAX)
        );
    }

    #[test]
    fn a_truncated_xlsx_is_unreadable_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        wb.add_worksheet().write_string(0, 0, "事業所名").unwrap();
        let path = save(&mut wb, &dir, "cut.xlsx");
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        assert!(matches!(
            Table::open(&path, &TableOptions::default()),
            Err(FileError::XlsxUnreadable { .. })
        ));
    }

    #[test]
    fn an_empty_sheet_is_an_empty_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::new();
        wb.add_worksheet();
        let path = save(&mut wb, &dir, "empty.xlsx");
        assert!(matches!(
            Table::open(&path, &TableOptions::default()),
            Err(FileError::Empty)
        ));
    }

    fn peak_rss_kb() -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}
