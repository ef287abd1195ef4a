//! Inputs the fuzzers once broke on (`fuzz/regressions/<target>/`), replayed in every test run:
//! each must be read to its end or refused with a file error, never crash the reader.

use std::path::PathBuf;

use kakehashi::io::{Table, TableOptions};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// calamine 0.38 multiplies a cell reference's column without overflow checks
/// (`xlsx/mod.rs`, `get_row_and_optional_column`): a reference with many letters panics in a
/// build with overflow checks. The core reads sheets on a worker thread so such a panic is a
/// refused file, not a crash.
#[test]
fn xlsx_files_that_broke_the_fuzzer_are_refused_or_read_never_a_crash() {
    let files = inputs("xlsx_table");
    assert!(!files.is_empty(), "the regression inputs are there");
    for file in files {
        let outcome = Table::open(&file, &TableOptions::default())
            .and_then(|table| table.collect::<Result<Vec<_>, _>>());
        if let Err(e) = outcome {
            assert!(
                !e.message(kakehashi::Lang::Ja).is_empty(),
                "{}",
                file.display()
            );
        }
    }
}
