//! IPC commands of the case registry (docs/ipc.md, "Case registry"): each calls one core
//! use case with the unlocked registry and maps its error.

use kakehashi::Registry;
use kakehashi::cases::*;
use kakehashi::record::Stamp;
use tauri::State;

use crate::state::AppState;

use crate::commands::Answer;

/// A stamp for now by the signed-in user (the audit's "who"); refused while locked, so a
/// command asks nothing (a save dialog) before it knows it can go on.
pub(crate) fn stamp(state: &AppState) -> Answer<Stamp> {
    state.with_registry(|r| Ok(r.stamp(now())))
}

/// Names a file holding the instant stamps use instead of the system clock (end-to-end tests:
/// an RFC 3339 timestamp, or a YYYY-MM-DD date meaning noon that day at the office).
pub const TEST_CLOCK_ENV: &str = "KAKEHASHI_TEST_CLOCK_FILE";

/// Now, for stamps: the test clock when `KAKEHASHI_TEST_CLOCK_FILE` is set and holds an instant
/// (read again on every stamp, so a test can move the clock by rewriting the file), otherwise
/// the system clock. Only this function reads a clock in the shell.
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    let Some(path) = std::env::var_os(TEST_CLOCK_ENV).filter(|p| !p.is_empty()) else {
        return chrono::Utc::now();
    };
    match std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| test_instant(&t))
    {
        Some(at) => at,
        None => {
            eprintln!(
                "{TEST_CLOCK_ENV}: {} holds no RFC 3339 instant or YYYY-MM-DD date; using the system clock",
                std::path::Path::new(&path).display()
            );
            chrono::Utc::now()
        }
    }
}

/// The instant a test clock file means: RFC 3339, or a bare date as noon at the office (UTC+9).
fn test_instant(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    let text = text.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(at.to_utc());
    }
    let office = chrono::FixedOffset::east_opt(9 * 3600)?;
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()?
        .and_hms_opt(12, 0, 0)?
        .and_local_timezone(office)
        .single()
        .map(|at| at.to_utc())
}

pub(crate) fn run<T>(
    state: &AppState,
    f: impl FnOnce(&mut Registry, &Stamp) -> kakehashi::Result<T>,
) -> Answer<T> {
    state.with_registry(|r| {
        let stamp = r.stamp(now());
        f(r, &stamp)
    })
}

#[tauri::command(async)]
pub fn compute_scores(state: State<'_, AppState>, input: ScoreRequest) -> Answer<Scores> {
    run(&state, |r, s| r.compute_scores(&input, s))
}

#[tauri::command(async)]
pub fn find_duplicates(
    state: State<'_, AppState>,
    input: DuplicateQuery,
) -> Answer<Vec<DuplicateCandidate>> {
    run(&state, |r, _| r.find_duplicates(&input))
}

#[tauri::command(async)]
pub fn register_child(
    state: State<'_, AppState>,
    input: RegisterChildRequest,
) -> Answer<ChildDetail> {
    run(&state, |r, s| r.register_child(&input, s))
}

#[tauri::command(async)]
pub fn update_child(state: State<'_, AppState>, input: UpdateChildRequest) -> Answer<ChildDetail> {
    run(&state, |r, s| r.update_child(&input, s))
}

#[tauri::command(async)]
pub fn change_child_status(
    state: State<'_, AppState>,
    input: ChangeStatusRequest,
) -> Answer<ChildDetail> {
    run(&state, |r, s| r.change_child_status(&input, s))
}

#[tauri::command(async)]
pub fn record_weight(
    state: State<'_, AppState>,
    input: RecordWeightRequest,
) -> Answer<ChildDetail> {
    run(&state, |r, s| r.record_weight(&input, s))
}

#[tauri::command(async)]
pub fn get_child(state: State<'_, AppState>, input: CaseRef) -> Answer<ChildDetail> {
    run(&state, |r, s| r.get_child(&input, s))
}

#[tauri::command(async)]
pub fn search_children(state: State<'_, AppState>, input: CaseSearch) -> Answer<CaseSearchResult> {
    run(&state, |r, _| r.search_children(&input))
}

#[cfg(test)]
mod tests {
    use super::test_instant;

    #[test]
    fn a_test_clock_file_holds_an_rfc3339_instant_or_an_office_date() {
        let at = test_instant("2026-12-01T10:00:00+09:00\n").expect("RFC 3339 with an offset");
        assert_eq!(
            at.to_rfc3339(),
            "2026-12-01T01:00:00+00:00",
            "stored as UTC"
        );
        let day = test_instant(" 2026-12-15 ").expect("a bare date");
        assert_eq!(
            day.to_rfc3339(),
            "2026-12-15T03:00:00+00:00",
            "a bare date is noon at the office, so its office day is that date"
        );
        let stamp = kakehashi::record::Stamp::new("owner", day);
        assert_eq!(stamp.today().to_string(), "2026-12-15");
        for bad in [
            "",
            "tomorrow",
            "2026-13-01",
            "2026/12/15",
            "2026-12-01T10:00",
        ] {
            assert_eq!(test_instant(bad), None, "{bad:?} is not an instant");
        }
    }
}
