//! What can go wrong while reading an import file, in two sizes:
//! - [`FileError`]: the whole file cannot be read (I/O, empty, too large, an unusable column
//!   mapping). Nothing of the file is imported.
//! - [`RowProblem`]: one row (or one cell of it) is wrong. Row problems are data, not errors:
//!   the import lists them with their line numbers and the person chooses to import the good
//!   rows or none. Each has a [`Severity`]: an error rejects the row, a warning keeps it.
//!
//! Both are worded here, in Japanese and English (`message(lang)`), because they are reports
//! of the import rather than failures of a use case.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ErrorKind, Lang};

/// Why a whole import file was refused.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("i/o error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// No row at all (zero bytes, only a BOM, or only blank lines).
    #[error("the file is empty")]
    Empty,
    /// Binary content (NUL bytes) in a file that is neither XLSX nor UTF-16 with a BOM.
    #[error("the file is not a text (CSV) file")]
    NotText,
    /// An Excel 97-2003 `.xls` file or a password-protected workbook (both are OLE files).
    #[error("old .xls or password-protected workbook")]
    LegacyXls,
    /// One physical line is longer than the limit (a row without line breaks, or binary data).
    #[error("line {line} is longer than {limit_bytes} bytes")]
    LineTooLong { line: u64, limit_bytes: usize },
    /// A row spanning several lines grew past the limit: usually a quote that is never closed.
    #[error("the row starting at line {line} is longer than {limit_bytes} bytes")]
    RowTooLong { line: u64, limit_bytes: usize },
    #[error("line {line} has {columns} columns, more than {limit}")]
    TooManyColumns {
        line: u64,
        columns: usize,
        limit: usize,
    },
    #[error("more than {limit} rows")]
    TooManyRows { limit: u64 },
    /// The XLSX's parts add up to more than the limit once uncompressed (a zip bomb, or a
    /// workbook far larger than a provider list).
    #[error("the workbook is {uncompressed_bytes} bytes uncompressed, more than {limit}")]
    XlsxTooLarge { uncompressed_bytes: u64, limit: u64 },
    /// A non-empty cell outside the rows × columns the importer accepts (e.g. XFD1048576).
    #[error("cell {cell} is outside {max_rows} rows × {max_columns} columns")]
    XlsxCellOutOfBounds {
        cell: String,
        max_rows: u64,
        max_columns: usize,
    },
    #[error("the workbook has no worksheet")]
    XlsxNoSheet,
    #[error("the workbook cannot be read: {detail}")]
    XlsxUnreadable { detail: String },
    /// The mapping maps no column to the provider's name.
    #[error("no column is mapped to the name")]
    MappingWithoutName,
    /// Neither a kind column nor a default kind.
    #[error("no column is mapped to the kind and no default kind is set")]
    MappingWithoutKind,
    /// Nothing to find the municipality from (code, name or address).
    #[error("no column is mapped to the municipality or the address")]
    MappingWithoutMunicipality,
    /// Two columns mapped to a field that takes one value.
    #[error("columns {first} and {second} are both mapped to {field}")]
    MappingDuplicateField {
        field: String,
        first: String,
        second: String,
    },
    /// The mapping names a column the file does not have.
    #[error("the file has no column {header}")]
    MappingColumnMissing { header: String },
}

impl FileError {
    /// What a person is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileError::Io { path, source } => lang.pick(
                format!("{} を読めません（{source}）。", path.display()),
                format!("Cannot read {} ({source}).", path.display()),
            ),
            FileError::Empty => lang.pick(
                "ファイルが空です。データの入ったCSVまたはXLSXファイルを選んでください。".into(),
                "The file is empty. Choose a CSV or XLSX file with data in it.".into(),
            ),
            FileError::NotText => lang.pick(
                "CSV（テキスト）ファイルではありません。CSVかXLSXで保存したファイルを選んでください。".into(),
                "This is not a CSV (text) file. Choose a file saved as CSV or XLSX.".into(),
            ),
            FileError::LegacyXls => lang.pick(
                "古いExcel形式（.xls）かパスワード付きのブックは読めません。パスワードを外して .xlsx かCSVで保存し直してください。".into(),
                "Old Excel (.xls) and password-protected workbooks cannot be read. Remove the password and save as .xlsx or CSV.".into(),
            ),
            FileError::LineTooLong { line, limit_bytes } => lang.pick(
                format!(
                    "{line}行目が長すぎます（{}MBを超えています）。CSVでないファイルか、改行の壊れたファイルの可能性があります。",
                    limit_bytes / (1024 * 1024)
                ),
                format!(
                    "Line {line} is too long (over {} MB). The file may not be a CSV, or its line breaks are damaged.",
                    limit_bytes / (1024 * 1024)
                ),
            ),
            FileError::RowTooLong { line, limit_bytes } => lang.pick(
                format!(
                    "{line}行目から始まる行が{}MBを超えています。引用符（\"）が閉じられていない可能性があります。",
                    limit_bytes / (1024 * 1024)
                ),
                format!(
                    "The row starting at line {line} runs past {} MB. A quote (\") is probably never closed.",
                    limit_bytes / (1024 * 1024)
                ),
            ),
            FileError::TooManyColumns {
                line,
                columns,
                limit,
            } => lang.pick(
                format!("{line}行目の列が{columns}列あります。読み込めるのは{limit}列までです。"),
                format!("Line {line} has {columns} columns; at most {limit} can be read."),
            ),
            FileError::TooManyRows { limit } => lang.pick(
                format!("{limit}行を超えるファイルは読み込めません。ファイルを分けてください。"),
                format!("Files with more than {limit} rows cannot be read. Split the file."),
            ),
            FileError::XlsxTooLarge {
                uncompressed_bytes,
                limit,
            } => lang.pick(
                format!(
                    "このブックは展開すると{}MBあり、上限の{}MBを超えています。必要なシートだけをCSVで保存して読み込んでください。",
                    uncompressed_bytes / 1_000_000,
                    limit / 1_000_000
                ),
                format!(
                    "This workbook is {} MB uncompressed, over the {} MB limit. Save the sheet you need as CSV and import that.",
                    uncompressed_bytes / 1_000_000,
                    limit / 1_000_000
                ),
            ),
            FileError::XlsxCellOutOfBounds {
                cell,
                max_rows,
                max_columns,
            } => lang.pick(
                format!(
                    "セル {cell} にデータがあります。読み込めるのは{max_rows}行×{max_columns}列までです。不要なセルを削除してください。"
                ),
                format!(
                    "Cell {cell} holds data; at most {max_rows} rows × {max_columns} columns can be read. Delete the stray cells."
                ),
            ),
            FileError::XlsxNoSheet => lang.pick(
                "ブックにワークシートがありません。".into(),
                "The workbook has no worksheet.".into(),
            ),
            FileError::XlsxUnreadable { detail } => lang.pick(
                format!("XLSXファイルとして読めません（{detail}）。Excelで開いて保存し直してください。"),
                format!("Cannot read this as an XLSX file ({detail}). Open it in Excel and save it again."),
            ),
            FileError::MappingWithoutName => lang.pick(
                "「事業所名」に対応する列を選んでください。".into(),
                "Choose the column that holds the provider's name.".into(),
            ),
            FileError::MappingWithoutKind => lang.pick(
                "「種別」の列を選ぶか、ファイル全体の種別を選んでください。".into(),
                "Choose the column with the kind, or one kind for the whole file.".into(),
            ),
            FileError::MappingWithoutMunicipality => lang.pick(
                "市区町村（コードか名前）か住所の列を選んでください。".into(),
                "Choose the column with the municipality (code or name) or the address.".into(),
            ),
            FileError::MappingDuplicateField {
                field,
                first,
                second,
            } => lang.pick(
                format!("「{first}」と「{second}」の両方が {field} に割り当てられています。どちらか一方にしてください。"),
                format!("Both 「{first}」 and 「{second}」 are mapped to {field}. Keep one."),
            ),
            FileError::MappingColumnMissing { header } => lang.pick(
                format!("列の対応に「{header}」がありますが、ファイルにその列がありません。"),
                format!("The column mapping names 「{header}」, which this file does not have."),
            ),
        }
    }

    /// The error shown to a person: I/O failures as `io`, everything else as a validation
    /// error on the field `file` (or `mapping` for mapping problems).
    pub fn to_api(&self, lang: Lang) -> ApiError {
        let (kind, field) = match self {
            FileError::Io { .. } => (ErrorKind::Io, None),
            FileError::MappingWithoutName
            | FileError::MappingWithoutKind
            | FileError::MappingWithoutMunicipality
            | FileError::MappingDuplicateField { .. }
            | FileError::MappingColumnMissing { .. } => {
                (ErrorKind::Validation, Some("mapping".to_string()))
            }
            _ => (ErrorKind::Validation, Some("file".to_string())),
        };
        ApiError {
            kind,
            message: self.message(lang),
            field,
        }
    }
}

/// Whether a row problem rejects the row or only tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row is not imported.
    Error,
    /// The row is imported as read; the person should look.
    Warning,
}

/// One problem of one row. `line` is the 1-based line of the file where the row starts (for
/// XLSX, the sheet's row number); `column` is the header of the cell, when it is about one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RowProblem {
    #[ts(type = "number")]
    pub line: u64,
    pub column: Option<String>,
    pub problem: Problem,
}

impl RowProblem {
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    /// 「12行目「緯度」: …」 / "Line 12, 「緯度」: …".
    pub fn message(&self, lang: Lang) -> String {
        let what = self.problem.message(lang);
        match (&self.column, lang) {
            (Some(c), Lang::Ja) => format!("{}行目「{c}」: {what}", self.line),
            (None, Lang::Ja) => format!("{}行目: {what}", self.line),
            (Some(c), Lang::En) => format!("Line {}, 「{c}」: {what}", self.line),
            (None, Lang::En) => format!("Line {}: {what}", self.line),
        }
    }
}

/// What is wrong, by a stable code (`code` in JSON) and its details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Problem {
    /// A required value is blank (the name).
    Required,
    /// The kind is neither a code nor a 種別 label we know.
    UnknownKind {
        value: String,
    },
    /// The row has no kind and the file has no default kind.
    MissingKind,
    /// No municipality matches the code or name.
    UnknownMunicipality {
        value: String,
    },
    /// Neither a municipality code, a name, nor an address that starts with one.
    MissingMunicipality,
    /// Not a number where one is expected.
    NotANumber {
        value: String,
    },
    /// A number outside what the field allows.
    OutOfRange {
        value: String,
        min: f64,
        max: f64,
    },
    /// Latitude or longitude outside Japan (lat 20–46, lon 122–154).
    OutsideJapan {
        value: String,
    },
    /// Only one of latitude and longitude.
    IncompleteCoordinates,
    /// A minimum larger than the maximum (age or weight).
    RangeReversed,
    /// Not one of ○ / × / blank (or their variants).
    BadAnswer {
        value: String,
    },
    /// △ or 要相談: read as not answered.
    ConditionalAnswer {
        value: String,
    },
    /// 事業所番号 is not 10 digits.
    BadBusinessNumber {
        value: String,
    },
    /// The same 事業所番号 as an earlier row of this file.
    DuplicateBusinessNumber {
        value: String,
        #[ts(type = "number")]
        first_line: u64,
    },
    BadPostalCode {
        value: String,
    },
    /// Not a Japanese phone (or fax) number such as 048-123-4567.
    MalformedPhone {
        value: String,
    },
    MalformedEmail {
        value: String,
    },
    /// A text longer than the directory keeps.
    TooLong {
        max_chars: usize,
    },
    BadDate {
        value: String,
    },
    /// A cell that a spreadsheet would run as a formula (= + - @ first): kept as text.
    FormulaLike {
        value: String,
    },
    /// More non-empty cells than the header has columns (an unquoted comma?).
    ExtraCells {
        count: usize,
    },
    /// Fewer cells than the header: the missing ones are read as blank.
    MissingCells {
        count: usize,
    },
    /// A byte-order mark in the middle of the file, removed from this cell.
    BomRemoved,
    /// Bytes that are not valid in the file's encoding (shown as �).
    Undecodable,
    /// An XLSX cell holding an error value such as #N/A.
    SpreadsheetError {
        value: String,
    },
    /// The header row again (two files joined?).
    RepeatedHeader,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::ConditionalAnswer { .. }
            | Problem::FormulaLike { .. }
            | Problem::MissingCells { .. }
            | Problem::BomRemoved
            | Problem::SpreadsheetError { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The stable code (as in JSON), for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::UnknownKind { .. } => "unknown_kind",
            Problem::MissingKind => "missing_kind",
            Problem::UnknownMunicipality { .. } => "unknown_municipality",
            Problem::MissingMunicipality => "missing_municipality",
            Problem::NotANumber { .. } => "not_a_number",
            Problem::OutOfRange { .. } => "out_of_range",
            Problem::OutsideJapan { .. } => "outside_japan",
            Problem::IncompleteCoordinates => "incomplete_coordinates",
            Problem::RangeReversed => "range_reversed",
            Problem::BadAnswer { .. } => "bad_answer",
            Problem::ConditionalAnswer { .. } => "conditional_answer",
            Problem::BadBusinessNumber { .. } => "bad_business_number",
            Problem::DuplicateBusinessNumber { .. } => "duplicate_business_number",
            Problem::BadPostalCode { .. } => "bad_postal_code",
            Problem::MalformedPhone { .. } => "malformed_phone",
            Problem::MalformedEmail { .. } => "malformed_email",
            Problem::TooLong { .. } => "too_long",
            Problem::BadDate { .. } => "bad_date",
            Problem::FormulaLike { .. } => "formula_like",
            Problem::ExtraCells { .. } => "extra_cells",
            Problem::MissingCells { .. } => "missing_cells",
            Problem::BomRemoved => "bom_removed",
            Problem::Undecodable => "undecodable",
            Problem::SpreadsheetError { .. } => "spreadsheet_error",
            Problem::RepeatedHeader => "repeated_header",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Required => lang.pick("入力がありません。".into(), "Required.".into()),
            Problem::UnknownKind { value } => lang.pick(
                format!("種別「{value}」が分かりません。訪問看護ステーション・短期入所などの種別名か、visiting_nursing などのコードにしてください。"),
                format!("Unknown kind 「{value}」. Use a 種別 such as 訪問看護ステーション or a code such as visiting_nursing."),
            ),
            Problem::MissingKind => lang.pick(
                "種別がありません。種別を入力するか、ファイル全体の種別を選んでください。".into(),
                "No kind. Fill it in, or choose one kind for the whole file.".into(),
            ),
            Problem::UnknownMunicipality { value } => lang.pick(
                format!("市区町村「{value}」が見つかりません。市区町村名か6桁（または5桁）の市区町村コードにしてください。"),
                format!("Municipality 「{value}」 was not found. Use a municipality name or its 6- (or 5-) digit code."),
            ),
            Problem::MissingMunicipality => lang.pick(
                "市区町村が分かりません。市区町村か、市区町村名で始まる住所を入力してください。".into(),
                "No municipality. Fill in the municipality, or an address that starts with one.".into(),
            ),
            Problem::NotANumber { value } => lang.pick(
                format!("「{value}」は数値として読めません。"),
                format!("「{value}」 is not a number."),
            ),
            Problem::OutOfRange { value, min, max } => lang.pick(
                format!("「{value}」は範囲外です（{min}〜{max}）。"),
                format!("「{value}」 is out of range ({min} to {max})."),
            ),
            Problem::OutsideJapan { value } => lang.pick(
                format!("座標「{value}」は日本の範囲外です（緯度20〜46、経度122〜154）。緯度と経度が逆になっていないか確認してください。"),
                format!("The coordinate 「{value}」 is outside Japan (latitude 20–46, longitude 122–154). Check that latitude and longitude are not swapped."),
            ),
            Problem::IncompleteCoordinates => lang.pick(
                "緯度と経度は両方入力するか、両方空欄にしてください。".into(),
                "Give both latitude and longitude, or neither.".into(),
            ),
            Problem::RangeReversed => lang.pick(
                "下限が上限より大きくなっています。".into(),
                "The minimum is larger than the maximum.".into(),
            ),
            Problem::BadAnswer { value } => lang.pick(
                format!("回答「{value}」が読めません。○（可）・×（不可）・空欄（未回答）のいずれかにしてください。"),
                format!("Cannot read the answer 「{value}」. Use ○ (yes), × (no) or leave it blank (not answered)."),
            ),
            Problem::ConditionalAnswer { value } => lang.pick(
                format!("「{value}」は未回答として読み込みます。条件は備考に書いてください。"),
                format!("「{value}」 is read as not answered. Put the conditions in the notes."),
            ),
            Problem::BadBusinessNumber { value } => lang.pick(
                format!("事業所番号「{value}」は10桁の数字ではありません。"),
                format!("The business number 「{value}」 is not 10 digits."),
            ),
            Problem::DuplicateBusinessNumber { value, first_line } => lang.pick(
                format!("事業所番号「{value}」は{first_line}行目と重複しています。"),
                format!("The business number 「{value}」 repeats line {first_line}."),
            ),
            Problem::BadPostalCode { value } => lang.pick(
                format!("郵便番号「{value}」は7桁ではありません（例: 330-0063）。"),
                format!("The postal code 「{value}」 is not 7 digits (e.g. 330-0063)."),
            ),
            Problem::MalformedPhone { value } => lang.pick(
                format!("「{value}」は電話番号として読めません（例: 048-123-4567）。"),
                format!("「{value}」 is not a phone number (e.g. 048-123-4567)."),
            ),
            Problem::MalformedEmail { value } => lang.pick(
                format!("「{value}」はメールアドレスの形式ではありません。"),
                format!("「{value}」 is not an email address."),
            ),
            Problem::TooLong { max_chars } => lang.pick(
                format!("長すぎます（{max_chars}文字まで）。"),
                format!("Too long (at most {max_chars} characters)."),
            ),
            Problem::BadDate { value } => lang.pick(
                format!("日付「{value}」が読めません（例: 2025-04-01 や 2025/4/1）。"),
                format!("Cannot read the date 「{value}」 (e.g. 2025-04-01 or 2025/4/1)."),
            ),
            Problem::FormulaLike { value } => lang.pick(
                format!("「{value}」は表計算ソフトで数式として扱われる文字で始まります。文字として読み込みます。"),
                format!("「{value}」 starts like a spreadsheet formula. It is kept as text."),
            ),
            Problem::ExtraCells { count } => lang.pick(
                format!("見出しより{count}列多くデータがあります。住所などに引用符なしのカンマが入っていないか確認してください。"),
                format!("{count} more cell(s) than the header has columns. Check for an unquoted comma, e.g. in the address."),
            ),
            Problem::MissingCells { count } => lang.pick(
                format!("見出しより{count}列少ない行です。足りない列は空欄として読み込みます。"),
                format!("{count} cell(s) fewer than the header; the missing ones are read as blank."),
            ),
            Problem::BomRemoved => lang.pick(
                "ファイルの途中にBOM（目に見えない印）があったので取り除きました。複数のファイルをつなげていませんか。".into(),
                "A byte-order mark in the middle of the file was removed. Were several files joined?".into(),
            ),
            Problem::Undecodable => lang.pick(
                "文字化けしています（読めない文字があります）。文字コード（UTF-8 / Shift_JIS）を指定して読み直してください。".into(),
                "Garbled text (bytes that cannot be decoded). Read the file again choosing its encoding (UTF-8 or Shift_JIS).".into(),
            ),
            Problem::SpreadsheetError { value } => lang.pick(
                format!("セルがエラー値（{value}）です。"),
                format!("The cell holds an error value ({value})."),
            ),
            Problem::RepeatedHeader => lang.pick(
                "見出し行がもう一度出てきました。複数のファイルをつなげていませんか。".into(),
                "The header row appears again. Were several files joined?".into(),
            ),
        }
    }
}
