//! XLSX import: the zip container checks (sizes, shared-string count), calamine's streamed
//! first sheet on its worker thread, then the mapping and row checks. `Table::open` takes a
//! path, so each input is written to one scratch file per process first.
//!
//! The core reads a sheet on a worker thread named `kakehashi-xlsx` precisely so that a panic
//! inside calamine becomes `FileError::XlsxUnreadable` instead of a crash. libfuzzer-sys's panic
//! hook aborts on every panic, which would report that handled case as a crash; here a panic
//! on that thread is let through (unwinding to the core's `join`) and the input must then end
//! in an error. A panic on any other thread still aborts.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use kakehashi::io::Table;
use kakehashi::store::municipality::{Municipality, reference_list};
use libfuzzer_sys::fuzz_target;

static MUNICIPALITIES: OnceLock<Vec<Municipality>> = OnceLock::new();
static SCRATCH: OnceLock<PathBuf> = OnceLock::new();
static HOOK: std::sync::Once = std::sync::Once::new();
/// Panics of the XLSX worker so far: an input that caused one must end in an error.
static WORKER_PANICS: AtomicU64 = AtomicU64::new(0);

fn worker_panics_are_errors() {
    HOOK.call_once(|| {
        let fatal = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() == Some("kakehashi-xlsx") {
                WORKER_PANICS.fetch_add(1, Ordering::SeqCst);
                return;
            }
            fatal(info);
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    worker_panics_are_errors();
    let municipalities = MUNICIPALITIES.get_or_init(reference_list);
    let path = SCRATCH.get_or_init(|| {
        std::env::temp_dir().join(format!("kakehashi-fuzz-{}.xlsx", std::process::id()))
    });
    std::fs::write(path, data).expect("the scratch file is writable");
    let panics_before = WORKER_PANICS.load(Ordering::SeqCst);
    let ended_in_error = match Table::open(path, &kakehashi_fuzz::options(0)) {
        Ok(table) => kakehashi_fuzz::read_all(table, municipalities),
        Err(e) => {
            let _ = e.message(kakehashi::Lang::Ja);
            true
        }
    };
    if WORKER_PANICS.load(Ordering::SeqCst) != panics_before {
        assert!(
            ended_in_error,
            "a panic in the XLSX reader must end the read with an error"
        );
    }
});
