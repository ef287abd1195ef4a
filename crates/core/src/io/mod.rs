//! Importers: reading provider lists from files, streaming and bounded in memory.
//!
//! The import of the resource directory reads in three layers, each pure (no database):
//! 1. [`table`]: a CSV (UTF-8 with or without BOM, Shift_JIS/CP932, UTF-16 with BOM — see
//!    [`encoding`]) or the first sheet of an XLSX ([`xlsx`]), as rows of strings with their
//!    line numbers; whole-file failures are [`FileError`]s.
//! 2. [`mapping`]: which column fills which field; [`suggest_mapping`] recognises the MHLW
//!    open-data layout ([`open_data`]), our survey template and the field keys.
//! 3. [`provider_rows`]: one row + the mapping → a [`ProviderInput`](crate::providers::ProviderInput)
//!    or the row's [`RowProblem`]s, worded in Japanese and English.
//!
//! ```no_run
//! use kakehashi::io::{RowMapper, Table, TableOptions, provider_rows, suggest_mapping};
//! # fn main() -> Result<(), kakehashi::io::FileError> {
//! let municipalities = kakehashi::store::municipality::reference_list();
//! let mut table = Table::open("providers.csv".as_ref(), &TableOptions::default())?;
//! let mapping = suggest_mapping(table.headers());
//! let mut mapper = RowMapper::new(&mapping, table.headers(), &municipalities)?;
//! for outcome in provider_rows(&mut table, &mut mapper) {
//!     match outcome? {
//!         Ok(row) => println!("line {}: {}", row.line, row.provider.name),
//!         Err(problems) => problems.iter().for_each(|p| println!("{}", p.message(kakehashi::Lang::Ja))),
//!     }
//! }
//! # Ok(())
//! # }
//! ```

pub mod encoding;
pub mod mapping;
pub mod open_data;
pub mod problem;
pub mod provider_rows;
pub mod save;
pub mod table;
pub mod xlsx;

pub use encoding::{Encoding, SourceFormat};
pub use mapping::{
    ColumnMapping, Field, FieldInfo, Layout, Mapping, field_choices, field_for_header,
    suggest_mapping, survey_template_headers,
};
pub use open_data::OPEN_DATA_HEADERS;
pub use problem::{FileError, Problem, RowProblem, Severity};
pub use provider_rows::{MappedRow, RowMapper, RowResult, parse_kind, provider_rows};
pub use save::{sync_dir, write_atomically, write_bytes_atomically};
pub use table::{CellNote, CellNoteKind, Limits, Row, Table, TableOptions};
