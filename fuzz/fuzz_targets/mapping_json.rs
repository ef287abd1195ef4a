//! Saved column mappings (`--mapping FILE`, JSON): parsing never panics, a parsed mapping
//! writes back to JSON that reads as the same mapping, and resolving it against headers
//! (its own, and shifted ones) either works or is a worded refusal.
#![no_main]

use kakehashi::io::{Mapping, RowMapper};
use kakehashi::store::municipality::reference_list;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mapping = match Mapping::from_json(text) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.to_api(kakehashi::Lang::Ja);
            return;
        }
    };
    let again = Mapping::from_json(&mapping.to_json()).expect("a written mapping reads back");
    assert_eq!(again, mapping, "a mapping round-trips through JSON");
    let headers: Vec<String> = mapping.columns.iter().map(|c| c.header.clone()).collect();
    let municipalities = reference_list();
    for headers in [headers.clone(), headers.iter().rev().cloned().collect()] {
        if let Err(e) = RowMapper::new(&mapping, &headers, &municipalities) {
            let _ = e.message(kakehashi::Lang::En);
        }
    }
});
