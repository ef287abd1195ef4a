//! Reading a tabular file (CSV in UTF-8, Shift_JIS/CP932 or UTF-16, or the first sheet of an
//! XLSX) as a stream of rows of strings with their line numbers.
//!
//! Memory stays bounded whatever the file size: a CSV is decoded and parsed through fixed
//! buffers, one row at a time, and a row (or a line) longer than [`Limits::max_row_bytes`] stops
//! the read with its line number; an XLSX is checked against [`Limits`] before it is opened
//! (the uncompressed size of its parts, from the zip directory) and its first sheet is then
//! streamed cell by cell on a worker thread (see [`super::xlsx`]), so a cell at XFD1048576 never
//! makes a grid.
//!
//! [`Table::open`] reads the header row (the first non-blank row); iterating the table gives
//! the data rows. Rows whose cells are all blank are skipped. Rows may be ragged: the mapping
//! layer reports that. A BOM in the middle of the file is removed from its cell and noted,
//! and so are undecodable bytes (U+FFFD) — see [`CellNote`].

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::encoding::{self, DecodingReader, Encoding, Overrun, RowStart, SourceFormat};
use super::problem::FileError;
use super::xlsx::XlsxRows;

/// The bounds every import is read within.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest line, and longest row across quoted line breaks, in bytes of UTF-8.
    pub max_row_bytes: usize,
    /// Most cells a row may have (more is refused as not a provider list).
    pub max_columns: usize,
    /// Most data rows (and, for XLSX, the last sheet row that may hold data).
    pub max_rows: u64,
    /// Most bytes an XLSX's parts may add up to once uncompressed (zip-bomb guard).
    pub max_xlsx_uncompressed_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_row_bytes: 1024 * 1024,
            max_columns: 200,
            max_rows: 1_000_000,
            max_xlsx_uncompressed_bytes: 200_000_000,
        }
    }
}

/// How to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableOptions {
    /// For CSV; ignored for XLSX. A BOM always wins.
    pub encoding: Encoding,
    /// The CSV field separator (`b','`; `b'\t'` for TSV).
    pub delimiter: u8,
    pub limits: Limits,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            encoding: Encoding::Auto,
            delimiter: b',',
            limits: Limits::default(),
        }
    }
}

/// One row: its 1-based line (where it starts in a CSV; the row number in a sheet), its
/// cells as text, and what was noticed about single cells while reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
    pub notes: Vec<CellNote>,
}

/// Something the reader did to or noticed in one cell (0-based `column`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellNote {
    pub column: usize,
    pub kind: CellNoteKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellNoteKind {
    /// A U+FEFF byte-order mark inside the cell was removed.
    BomRemoved,
    /// The cell holds U+FFFD: bytes that are not valid in the file's encoding.
    Undecodable,
    /// An XLSX error value (#N/A, #DIV/0!…), kept as its text.
    SpreadsheetError,
}

/// A file being read: its format, its header row, and an iterator over its data rows.
/// After an `Err` item the iteration ends.
pub struct Table {
    path: PathBuf,
    format: SourceFormat,
    headers: Vec<String>,
    header_line: u64,
    source: Source,
    data_rows: u64,
    limits: Limits,
    done: bool,
    total_bytes: Option<u64>,
}

enum Source {
    Csv(Box<CsvSource>),
    Xlsx(XlsxRows),
}

struct CsvSource {
    reader: csv::Reader<DecodingReader<Box<dyn Read + Send>>>,
    record: csv::StringRecord,
    row_start: Arc<RowStart>,
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: [u8; 4] = [0x50, 0x4B, 0x03, 0x04];

impl Table {
    /// Opens a CSV or XLSX file (told apart by content, not by name) and reads its header row.
    pub fn open(path: &Path, options: &TableOptions) -> Result<Table, FileError> {
        let io_err = |source| FileError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = File::open(path).map_err(io_err)?;
        let mut head = vec![0u8; encoding::SNIFF_BYTES];
        let n = encoding::read_up_to(&mut file, &mut head).map_err(io_err)?;
        head.truncate(n);
        if head.starts_with(&ZIP_MAGIC) {
            file.seek(SeekFrom::Start(0)).map_err(io_err)?;
            let rows = XlsxRows::open(path, file, &options.limits)?;
            return Table::start(path, SourceFormat::Xlsx, Source::Xlsx(rows), options);
        }
        if head.starts_with(&OLE_MAGIC) {
            return Err(FileError::LegacyXls);
        }
        let at_eof = n < encoding::SNIFF_BYTES;
        let total = file.metadata().ok().map(|m| m.len());
        let mut table = Table::csv(path, Box::new(file), head, at_eof, options)?;
        table.total_bytes = total;
        Ok(table)
    }

    /// Reads CSV from any byte stream (a preview, a test); `name` is used in I/O errors.
    pub fn from_csv_reader<R: Read + Send + 'static>(
        mut reader: R,
        name: &str,
        options: &TableOptions,
    ) -> Result<Table, FileError> {
        let path = PathBuf::from(name);
        let mut head = vec![0u8; encoding::SNIFF_BYTES];
        let n = encoding::read_up_to(&mut reader, &mut head).map_err(|source| FileError::Io {
            path: path.clone(),
            source,
        })?;
        head.truncate(n);
        let at_eof = n < encoding::SNIFF_BYTES;
        Table::csv(&path, Box::new(reader), head, at_eof, options)
    }

    fn csv(
        path: &Path,
        inner: Box<dyn Read + Send>,
        head: Vec<u8>,
        at_eof: bool,
        options: &TableOptions,
    ) -> Result<Table, FileError> {
        let (format, bom) = encoding::detect(&head, options.encoding, at_eof);
        let body = &head[bom..];
        let utf16 = matches!(format, SourceFormat::CsvUtf16Le | SourceFormat::CsvUtf16Be);
        if !utf16 && body.contains(&0) {
            return Err(FileError::NotText);
        }
        let row_start = Arc::new(RowStart::default());
        row_start.add_input(head.len() as u64);
        let decoder = DecodingReader::new(
            inner,
            format,
            body,
            options.limits.max_row_bytes,
            row_start.clone(),
        );
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(options.delimiter)
            .buffer_capacity(64 * 1024)
            .from_reader(decoder);
        let source = Source::Csv(Box::new(CsvSource {
            reader,
            record: csv::StringRecord::new(),
            row_start,
        }));
        Table::start(path, format, source, options)
    }

    fn start(
        path: &Path,
        format: SourceFormat,
        source: Source,
        options: &TableOptions,
    ) -> Result<Table, FileError> {
        let mut table = Table {
            path: path.to_path_buf(),
            format,
            headers: Vec::new(),
            header_line: 0,
            source,
            data_rows: 0,
            limits: options.limits,
            done: false,
            total_bytes: None,
        };
        match table.next_row() {
            None => Err(FileError::Empty),
            Some(Err(e)) => Err(e),
            Some(Ok(header)) => {
                table.header_line = header.line;
                table.headers = header
                    .cells
                    .into_iter()
                    .map(|h| h.trim().to_string())
                    .collect();
                Ok(table)
            }
        }
    }

    /// What the file was read as (the encoding used, or XLSX).
    pub fn format(&self) -> SourceFormat {
        self.format
    }

    /// The header row's cells, trimmed.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The line of the header row.
    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// How far a CSV file has been read: (bytes read, file size), for a progress bar. The
    /// parser reads ahead, so the first figure leads the rows by up to a few hundred KiB.
    /// `None` for XLSX (its rows come from a compressed sheet) and for streams.
    pub fn progress(&self) -> Option<(u64, u64)> {
        match (&self.source, self.total_bytes) {
            (Source::Csv(csv), Some(total)) => {
                Some((csv.row_start.input_bytes().min(total), total))
            }
            _ => None,
        }
    }

    fn next_row(&mut self) -> Option<Result<Row, FileError>> {
        match &mut self.source {
            Source::Csv(csv) => next_csv_row(csv, &self.path, &self.limits),
            Source::Xlsx(rows) => rows.next(),
        }
    }
}

impl Iterator for Table {
    type Item = Result<Row, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut item = self.next_row();
        match &mut item {
            Some(Ok(row)) => {
                // A sheet row ends at its last cell with data; pad it so that only CSV rows
                // can be short (and reported as ragged).
                if self.format == SourceFormat::Xlsx && row.cells.len() < self.headers.len() {
                    row.cells.resize(self.headers.len(), String::new());
                }
                self.data_rows += 1;
                if self.data_rows > self.limits.max_rows {
                    self.done = true;
                    return Some(Err(FileError::TooManyRows {
                        limit: self.limits.max_rows,
                    }));
                }
            }
            Some(Err(_)) | None => self.done = true,
        }
        item
    }
}

fn next_csv_row(
    src: &mut CsvSource,
    path: &Path,
    limits: &Limits,
) -> Option<Result<Row, FileError>> {
    loop {
        match src.reader.read_record(&mut src.record) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(e) => return Some(Err(csv_error(e, path, limits))),
        }
        let line = src.record.position().map_or(0, |p| p.line());
        let next = src.reader.position();
        src.row_start.set(next.byte(), next.line());
        if src.record.len() > limits.max_columns {
            return Some(Err(FileError::TooManyColumns {
                line,
                columns: src.record.len(),
                limit: limits.max_columns,
            }));
        }
        let cells = src.record.iter().map(str::to_owned).collect();
        if let Some(row) = finish_row(line, cells, Vec::new()) {
            return Some(Ok(row));
        }
    }
}

fn csv_error(e: csv::Error, path: &Path, limits: &Limits) -> FileError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => {
            match io
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<Overrun>())
            {
                Some(Overrun::Line { line }) => FileError::LineTooLong {
                    line: *line,
                    limit_bytes: limits.max_row_bytes,
                },
                Some(Overrun::Row { line }) => FileError::RowTooLong {
                    line: *line,
                    limit_bytes: limits.max_row_bytes,
                },
                None => FileError::Io {
                    path: path.to_path_buf(),
                    source: io,
                },
            }
        }
        // With flexible rows and text already decoded to UTF-8, the parser has no other
        // failure; keep a clear message should one appear.
        other => FileError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(format!("{other:?}")),
        },
    }
}

/// Removes BOMs from cells and notes them, notes undecodable bytes, and drops rows whose
/// cells are all blank (`None`).
pub(crate) fn finish_row(
    line: u64,
    mut cells: Vec<String>,
    mut notes: Vec<CellNote>,
) -> Option<Row> {
    if cells.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    for (column, cell) in cells.iter_mut().enumerate() {
        if cell.contains('\u{FEFF}') {
            *cell = cell.replace('\u{FEFF}', "");
            notes.push(CellNote {
                column,
                kind: CellNoteKind::BomRemoved,
            });
        }
        if cell.contains('\u{FFFD}') {
            notes.push(CellNote {
                column,
                kind: CellNoteKind::Undecodable,
            });
        }
    }
    if cells.iter().all(|c| c.trim().is_empty()) {
        return None;
    }
    Some(Row { line, cells, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], encoding: Encoding) -> Result<(Table, Vec<Row>), FileError> {
        let options = TableOptions {
            encoding,
            ..TableOptions::default()
        };
        let mut table =
            Table::from_csv_reader(std::io::Cursor::new(bytes.to_vec()), "t.csv", &options)?;
        let rows = table.by_ref().collect::<Result<Vec<_>, _>>()?;
        Ok((table, rows))
    }

    fn sjis(s: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(s);
        assert!(!unmappable, "test text is encodable: {s}");
        bytes.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom_read_the_same_rows() {
        let plain = "事業所名,電話\n川越訪問看護,049-000-0000\n"
            .as_bytes()
            .to_vec();
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(&plain);
        let (t1, r1) = read(&plain, Encoding::Auto).unwrap();
        let (t2, r2) = read(&bom, Encoding::Auto).unwrap();
        assert_eq!(t1.format(), SourceFormat::CsvUtf8);
        assert_eq!(t2.format(), SourceFormat::CsvUtf8Bom);
        assert_eq!(
            t2.headers(),
            ["事業所名", "電話"],
            "the BOM is not part of the first header"
        );
        assert_eq!(t1.headers(), t2.headers());
        assert_eq!(r1, r2);
        assert_eq!(r1[0].cells, ["川越訪問看護", "049-000-0000"]);
        assert_eq!(r1[0].line, 2);
    }

    #[test]
    fn shift_jis_extended_characters_survive_auto_detection() {
        let bytes = sjis("事業所名,営業時間\n㈱髙﨑①ケア,月～金 9:00～18:00\n");
        let (table, rows) = read(&bytes, Encoding::Auto).unwrap();
        assert_eq!(
            table.format(),
            SourceFormat::CsvShiftJis,
            "not valid UTF-8, so Shift_JIS"
        );
        assert_eq!(rows[0].cells, ["㈱髙﨑①ケア", "月～金 9:00～18:00"]);
        assert!(
            rows[0].notes.is_empty(),
            "nothing undecodable: {:?}",
            rows[0].notes
        );
    }

    #[test]
    fn utf16_le_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "事業所名,定員\r\n㈱ひかり,20\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (table, rows) = read(&bytes, Encoding::Utf8).unwrap();
        assert_eq!(
            table.format(),
            SourceFormat::CsvUtf16Le,
            "the BOM overrides the choice"
        );
        assert_eq!(rows[0].cells, ["㈱ひかり", "20"]);
    }

    #[test]
    fn quoted_line_breaks_keep_the_line_numbers_of_later_rows() {
        let text = "名前,備考\nA,\"一行目\n二行目\n三行目\"\nB,x\r\nC,\"\"\"引用\"\"\"\n";
        let (_, rows) = read(text.as_bytes(), Encoding::Utf8).unwrap();
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].cells[1], "一行目\n二行目\n三行目");
        assert_eq!(
            rows[1].line, 5,
            "B starts after the three physical lines of A"
        );
        assert_eq!(rows[2].line, 6);
        assert_eq!(rows[2].cells[1], "\"引用\"");
    }

    #[test]
    fn ragged_rows_and_blank_lines_are_read_as_they_are() {
        let text = "a,b,c\n1,2\n\n,,\n1,2,3,4\n";
        let (_, rows) = read(text.as_bytes(), Encoding::Utf8).unwrap();
        assert_eq!(rows.len(), 2, "blank lines and all-blank rows are skipped");
        assert_eq!(rows[0].cells, ["1", "2"]);
        assert_eq!(rows[1].cells, ["1", "2", "3", "4"]);
        assert_eq!(rows[1].line, 5);
    }

    #[test]
    fn a_bom_in_the_middle_is_removed_from_its_cell_and_noted() {
        let mut bytes = "\u{FEFF}名前,電話\nA,1\n".as_bytes().to_vec();
        bytes.extend_from_slice("\u{FEFF}名前,電話\nB,2\n".as_bytes());
        let (_, rows) = read(&bytes, Encoding::Auto).unwrap();
        assert_eq!(
            rows[1].cells,
            ["名前", "電話"],
            "a second file's BOM is stripped"
        );
        assert_eq!(
            rows[1].notes,
            [CellNote {
                column: 0,
                kind: CellNoteKind::BomRemoved
            }]
        );
        assert!(rows[0].notes.is_empty());
    }

    #[test]
    fn shift_jis_bytes_in_a_utf8_file_are_noted_as_undecodable() {
        // Valid UTF-8 for the whole sniffed chunk, then a Shift_JIS row.
        let mut bytes = "名前,住所\n".as_bytes().to_vec();
        for _ in 0..6000 {
            bytes.extend_from_slice("A,川越市\n".as_bytes());
        }
        bytes.extend(sjis("B,川口市\n"));
        let (table, rows) = read(&bytes, Encoding::Auto).unwrap();
        assert_eq!(table.format(), SourceFormat::CsvUtf8);
        assert!(rows[0].notes.is_empty());
        assert_eq!(rows[6000].line, 6002);
        assert_eq!(
            rows[6000].notes,
            [CellNote {
                column: 1,
                kind: CellNoteKind::Undecodable
            }],
            "mixed encodings show up on the row, not as a silent mojibake"
        );
    }

    #[test]
    fn empty_files_are_refused_as_empty() {
        for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\n\r\n\n", b" , ,\n"] {
            match read(bytes, Encoding::Auto) {
                Err(FileError::Empty) => {}
                other => panic!("{bytes:?} should be empty, got {:?}", other.map(|(_, r)| r)),
            }
        }
    }

    #[test]
    fn a_header_only_file_has_no_rows() {
        let (table, rows) = read("事業所名,電話\n".as_bytes(), Encoding::Auto).unwrap();
        assert_eq!(table.headers(), ["事業所名", "電話"]);
        assert!(rows.is_empty());
    }

    #[test]
    fn an_overlong_line_is_refused_with_its_line_number() {
        let mut bytes = b"a,b\n1,2\n3,".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 2 * 1024 * 1024));
        bytes.extend_from_slice(b"\n5,6\n");
        match read(&bytes, Encoding::Auto) {
            Err(FileError::LineTooLong { line, limit_bytes }) => {
                assert_eq!(line, 3);
                assert_eq!(limit_bytes, 1024 * 1024);
            }
            other => panic!(
                "expected LineTooLong, got {:?}",
                other.map(|(_, r)| r.len())
            ),
        }
    }

    #[test]
    fn an_unclosed_quote_in_an_endless_stream_stops_at_the_row_limit() {
        // 1 GB of short lines after an unclosed quote: only the limit is ever held.
        let head = std::io::Cursor::new(b"a,b\n1,\"never closed\n".to_vec());
        let endless = std::io::repeat(b'x').take(1 << 30);
        let lines = LineBreaks { inner: endless };
        let options = TableOptions {
            limits: Limits {
                max_row_bytes: 64 * 1024,
                ..Limits::default()
            },
            ..TableOptions::default()
        };
        let mut table = Table::from_csv_reader(head.chain(lines), "endless.csv", &options).unwrap();
        match table.next() {
            Some(Err(FileError::RowTooLong { line, .. })) => assert_eq!(line, 2),
            other => panic!(
                "expected RowTooLong, got {:?}",
                other.map(|r| r.map(|r| r.line))
            ),
        }
        assert!(
            table.next().is_none(),
            "the iteration ends after a file error"
        );
    }

    /// Turns every 80th byte into a line break.
    struct LineBreaks<R> {
        inner: R,
    }

    impl<R: Read> Read for LineBreaks<R> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.inner.read(buf)?;
            for (i, b) in buf[..n].iter_mut().enumerate() {
                if i % 80 == 79 {
                    *b = b'\n';
                }
            }
            Ok(n)
        }
    }

    #[test]
    fn too_many_columns_and_binary_files_are_refused() {
        let wide = vec!["x"; 201].join(",");
        assert!(matches!(
            read(wide.as_bytes(), Encoding::Auto),
            Err(FileError::TooManyColumns {
                line: 1,
                columns: 201,
                limit: 200
            })
        ));
        assert!(matches!(
            read(b"PK\x03\x04\0\0binary", Encoding::Auto),
            Err(FileError::NotText)
        ));
    }

    #[test]
    fn rows_past_the_row_limit_are_refused() {
        let options = TableOptions {
            limits: Limits {
                max_rows: 2,
                ..Limits::default()
            },
            ..TableOptions::default()
        };
        let table = Table::from_csv_reader(
            std::io::Cursor::new(b"h\n1\n2\n3\n".to_vec()),
            "t",
            &options,
        )
        .unwrap();
        let items: Vec<_> = table.collect();
        assert_eq!(items.len(), 3);
        assert!(matches!(items[2], Err(FileError::TooManyRows { limit: 2 })));
    }

    #[test]
    fn progress_reaches_the_file_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.csv");
        let mut text = String::from("名前,電話\n");
        for i in 0..20_000 {
            text.push_str(&format!("事業所{i},048-000-0000\n"));
        }
        std::fs::write(&path, &text).unwrap();
        let mut table = Table::open(&path, &TableOptions::default()).unwrap();
        let (start, total) = table.progress().unwrap();
        assert_eq!(total, text.len() as u64);
        assert!(start < total, "only the head is read on open");
        assert_eq!(table.by_ref().count(), 20_000);
        assert_eq!(table.progress(), Some((total, total)));
    }

    #[test]
    fn open_tells_old_xls_files_from_csv() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.xls");
        let mut bytes = OLE_MAGIC.to_vec();
        bytes.extend([0u8; 512]);
        std::fs::write(&path, bytes).unwrap();
        assert!(matches!(
            Table::open(&path, &TableOptions::default()),
            Err(FileError::LegacyXls)
        ));
        let missing = Table::open(&dir.path().join("nope.csv"), &TableOptions::default());
        assert!(matches!(missing, Err(FileError::Io { .. })));
    }
}
