//! CSV import: encoding detection (BOM, UTF-8, Shift_JIS, UTF-16), the streaming decoder with
//! its line-length guard, the CSV parser, the mapping and the row checks. The first byte
//! chooses the encoding the person picked and the delimiter; the rest is the file.
#![no_main]

use std::sync::OnceLock;

use kakehashi::io::Table;
use kakehashi::store::municipality::{Municipality, reference_list};
use libfuzzer_sys::fuzz_target;

static MUNICIPALITIES: OnceLock<Vec<Municipality>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let municipalities = MUNICIPALITIES.get_or_init(reference_list);
    let reader = std::io::Cursor::new(file.to_vec());
    match Table::from_csv_reader(reader, "fuzz.csv", &kakehashi_fuzz::options(selector)) {
        Ok(table) => {
            kakehashi_fuzz::read_all(table, municipalities);
        }
        Err(e) => {
            let _ = e.message(kakehashi::Lang::Ja);
        }
    }
});
