//! What the fuzz targets share: reading a whole table the way an import does (header row,
//! suggested mapping, every row mapped to a provider or its problems), with small limits so
//! the limit paths are reached, and the invariants the reader promises.

use kakehashi::io::{Limits, RowMapper, Table, TableOptions, provider_rows, suggest_mapping};
use kakehashi::{Lang, store::municipality::Municipality};

/// Small bounds, so long rows, wide rows and many rows are refused within a fuzz input.
pub const LIMITS: Limits = Limits {
    max_row_bytes: 4096,
    max_columns: 64,
    max_rows: 2_000,
    max_xlsx_uncompressed_bytes: 8 * 1024 * 1024,
};

pub fn options(selector: u8) -> TableOptions {
    use kakehashi::io::Encoding;
    TableOptions {
        encoding: match selector % 3 {
            0 => Encoding::Auto,
            1 => Encoding::Utf8,
            _ => Encoding::ShiftJis,
        },
        delimiter: if selector & 0x80 == 0 { b',' } else { b'\t' },
        limits: LIMITS,
    }
}

/// Reads every row of an opened table through the import's mapping layer, checking what the
/// reader promises: rows within the limits, lines increasing, messages worded in both languages.
/// Returns whether the read ended in a `FileError` (a file without a usable mapping is not an
/// error: its rows are read as a preview would).
pub fn read_all(mut table: Table, municipalities: &[Municipality]) -> bool {
    let headers = table.headers().to_vec();
    assert!(
        headers.len() <= LIMITS.max_columns,
        "header wider than the limit"
    );
    let mapping = suggest_mapping(&headers);
    let Ok(mut mapper) = RowMapper::new(&mapping, &headers, municipalities) else {
        // Not a provider list: still read the rows, as a preview does.
        let mut last = table.header_line();
        let mut rows = 0u64;
        for row in table.by_ref() {
            let Ok(row) = row else { return true };
            check_row(&row.cells, row.line, last);
            last = row.line;
            rows += 1;
            assert!(rows <= LIMITS.max_rows, "more rows than the limit");
        }
        return false;
    };
    let mut rows = 0u64;
    for outcome in provider_rows(&mut table, &mut mapper) {
        match outcome {
            Err(e) => {
                let _ = e.message(Lang::Ja);
                let _ = e.message(Lang::En);
                return true;
            }
            Ok(Ok(mapped)) => {
                assert!(
                    !mapped.provider.name.trim().is_empty(),
                    "a provider without a name"
                );
                rows += 1;
            }
            Ok(Err(problems)) => {
                for p in problems {
                    let _ = p.message(Lang::Ja);
                    let _ = p.message(Lang::En);
                }
                rows += 1;
            }
        }
        assert!(rows <= LIMITS.max_rows, "more rows than the limit");
    }
    false
}

fn check_row(cells: &[String], line: u64, previous: u64) {
    assert!(
        cells.len() <= LIMITS.max_columns,
        "row wider than the limit"
    );
    assert!(
        line > previous,
        "line numbers go forward: {line} after {previous}"
    );
}
