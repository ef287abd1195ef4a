//! Declares the app's own commands, so that capabilities can grant exactly these and
//! nothing else (no core plugins: the UI only invokes our commands).

const COMMANDS: &[&str] = &[
    "app_status",
    "set_language",
    "passphrase_strength",
    "setup_vault",
    "unlock",
    "lock",
    "list_municipalities",
    "compute_scores",
    "find_duplicates",
    "register_child",
    "update_child",
    "change_child_status",
    "record_weight",
    "get_child",
    "search_children",
    "add_provider",
    "update_provider",
    "record_conditions",
    "get_provider",
    "conditions_as_of",
    "search_providers",
    "choose_import_file",
    "preview_import_file",
    "run_import",
    "cancel_import",
    "create_campaign",
    "add_campaign_targets",
    "set_target_state",
    "record_survey_answer",
    "list_campaigns",
    "get_campaign",
    "chase_list",
    "save_chase_list",
    "export_directory",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build");
}
