//! IPC commands of survey campaigns (docs/ipc.md, "Survey campaigns"): each calls one core use
//! case with the unlocked registry and maps its error. The chase list is saved through the
//! native save dialog, so its path never crosses into the UI. Arguments keep the snake_case of
//! the payload types (`{ campaign_id }`), not Tauri's default camelCase.

use chrono::NaiveDate;
use kakehashi::campaigns::*;
use kakehashi::io::write_atomically;
use tauri::{AppHandle, State};

use crate::case_commands::{run, stamp};
use crate::commands::Answer;
use crate::dialog::{SaveAs, pick_save_file};
use crate::state::AppState;

#[tauri::command(async)]
pub fn create_campaign(state: State<'_, AppState>, input: CampaignInput) -> Answer<String> {
    run(&state, |r, s| r.create_campaign(&input, s))
}

#[tauri::command(async)]
pub fn add_campaign_targets(state: State<'_, AppState>, input: AddTargetsRequest) -> Answer<u32> {
    run(&state, |r, s| r.add_targets(&input, s))
}

#[tauri::command(async)]
pub fn set_target_state(
    state: State<'_, AppState>,
    input: SetTargetStateRequest,
) -> Answer<CampaignTarget> {
    run(&state, |r, s| r.set_target_state(&input, s))
}

#[tauri::command(async)]
pub fn record_survey_answer(
    state: State<'_, AppState>,
    input: RecordAnswerRequest,
) -> Answer<CampaignTarget> {
    run(&state, |r, s| r.record_answer(&input, s))
}

#[tauri::command(async)]
pub fn list_campaigns(state: State<'_, AppState>) -> Answer<Vec<CampaignSummary>> {
    run(&state, |r, _| r.list_campaigns())
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn get_campaign(state: State<'_, AppState>, campaign_id: String) -> Answer<CampaignDetail> {
    run(&state, |r, _| r.get_campaign(&campaign_id))
}

/// The providers still to be chased, with phone, FAX and contact person (the printed list).
#[tauri::command(async, rename_all = "snake_case")]
pub fn chase_list(state: State<'_, AppState>, campaign_id: String) -> Answer<Vec<ChaseRow>> {
    run(&state, |r, _| r.chase_list(&campaign_id))
}

/// Asks where to save the chase list as CSV and writes it there whole or not at all; `null`
/// when the person cancels the dialog.
#[tauri::command(async, rename_all = "snake_case")]
pub fn save_chase_list(
    app: AppHandle,
    state: State<'_, AppState>,
    campaign_id: String,
) -> Answer<Option<ChaseListSaved>> {
    let lang = state.lang();
    // The registry is not held while the dialog is open: other commands keep answering.
    let campaign = state.with_registry(|r| r.campaign_progress(&campaign_id))?;
    let file_name = chase_list_file_name(&campaign.title, stamp(&state)?.today());
    let title = lang.pick("督促リストの保存先".into(), "Save the chase list as".into());
    let save = SaveAs {
        title: &title,
        file_name: &file_name,
        filter_name: "CSV",
        extension: "csv",
    };
    let Some(path) = pick_save_file(&app, &save)? else {
        return Ok(None);
    };
    let rows = state
        .with_registry(|r| write_atomically(&path, |w| r.export_chase_list_csv(&campaign_id, w)))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or(file_name);
    Ok(Some(ChaseListSaved { file_name, rows }))
}

/// Characters of the title kept in the suggested file name: with the prefix and date the name
/// stays well under the 255 bytes file systems allow (3 bytes a kanji in UTF-8).
const TITLE_CHARS: usize = 60;

/// 「督促リスト_<title>_<YYYY-MM-DD>.csv」: the title with what Windows or macOS refuse in a file
/// name (and spaces, which people then quote) turned into `_`.
fn chase_list_file_name(title: &str, today: NaiveDate) -> String {
    let mut safe = String::new();
    for c in title.trim().chars().take(TITLE_CHARS) {
        let bad = c.is_control()
            || c.is_whitespace()
            || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
        if !bad {
            safe.push(c);
        } else if !safe.ends_with('_') {
            safe.push('_');
        }
    }
    let safe = safe.trim_matches(|c| c == '_' || c == '.');
    if safe.is_empty() {
        format!("督促リスト_{today}.csv")
    } else {
        format!("督促リスト_{safe}_{today}.csv")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap()
    }

    #[test]
    fn suggests_the_title_and_date_with_spaces_joined() {
        assert_eq!(
            chase_list_file_name("令和8年度　小児受け入れ調査 ", day()),
            "督促リスト_令和8年度_小児受け入れ調査_2026-05-01.csv",
            "full-width and ASCII spaces become one underscore, trailing ones go"
        );
    }

    #[test]
    fn leaves_out_what_a_file_system_refuses() {
        let name = chase_list_file_name("a/b\\c:d*e?f\"g<h>i|j\n", day());
        assert_eq!(name, "督促リスト_a_b_c_d_e_f_g_h_i_j_2026-05-01.csv");
        assert_eq!(
            chase_list_file_name("..//", day()),
            "督促リスト_2026-05-01.csv",
            "a title of nothing usable still gives a name"
        );
    }

    #[test]
    fn keeps_a_long_title_within_file_name_limits() {
        let name = chase_list_file_name(&"調".repeat(100), day());
        assert!(name.len() < 255, "{} bytes", name.len());
    }
}
