//! Kakehashi's desktop shell: one window serving the bundled UI, and the IPC commands over
//! the core. The data directory is the OS app-data folder, or `KAKEHASHI_DATA_DIR` (tests).

mod audit_commands;
mod autolock_commands;
mod backup_commands;
mod campaign_commands;
mod case_commands;
mod commands;
mod consultation_commands;
mod dashboard_commands;
mod dialog;
mod disaster_commands;
mod document_commands;
mod equipment_commands;
mod export_commands;
mod import_commands;
mod plan_commands;
mod provider_commands;
mod respite_commands;
mod state;
mod user_commands;

use std::path::PathBuf;

use tauri::Manager;

use crate::state::AppState;

/// Overrides where the database lives; end-to-end tests point it at a temp dir.
pub const DATA_DIR_ENV: &str = "KAKEHASHI_DATA_DIR";

pub fn run() {
    if let Some(message) = missing_display() {
        eprintln!("{message}");
        std::process::exit(2);
    }
    tauri::Builder::default()
        .setup(|app| {
            let dir = match std::env::var_os(DATA_DIR_ENV) {
                Some(d) if !d.is_empty() => PathBuf::from(d),
                _ => app.path().app_data_dir()?,
            };
            app.manage(AppState::new(dir));
            backup_commands::start_scheduler(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_status,
            commands::set_language,
            commands::passphrase_strength,
            commands::setup_vault,
            commands::unlock,
            commands::recover_vault,
            commands::list_municipalities,
            case_commands::compute_scores,
            case_commands::find_duplicates,
            case_commands::register_child,
            case_commands::update_child,
            case_commands::change_child_status,
            case_commands::record_weight,
            case_commands::get_child,
            case_commands::search_children,
            provider_commands::add_provider,
            provider_commands::update_provider,
            provider_commands::record_conditions,
            provider_commands::get_provider,
            provider_commands::conditions_as_of,
            provider_commands::search_providers,
            import_commands::choose_import_file,
            import_commands::preview_import_file,
            import_commands::run_import,
            import_commands::cancel_import,
            campaign_commands::create_campaign,
            campaign_commands::add_campaign_targets,
            campaign_commands::set_target_state,
            campaign_commands::record_survey_answer,
            campaign_commands::list_campaigns,
            campaign_commands::get_campaign,
            campaign_commands::chase_list,
            campaign_commands::save_chase_list,
            export_commands::export_directory,
            dashboard_commands::planning_dashboard,
            dashboard_commands::list_templates,
            dashboard_commands::get_template,
            dashboard_commands::save_template,
            plan_commands::get_plan,
            plan_commands::plan_for_child,
            plan_commands::create_plan,
            plan_commands::move_target_date,
            plan_commands::set_plan_status,
            plan_commands::add_task,
            plan_commands::update_task,
            plan_commands::complete_task,
            plan_commands::add_team_member,
            plan_commands::end_team_member,
            plan_commands::create_referral,
            plan_commands::move_referral,
            plan_commands::add_conference,
            plan_commands::update_conference,
            plan_commands::set_training,
            plan_commands::match_providers,
            respite_commands::set_bed_type,
            respite_commands::set_capacity_exception,
            respite_commands::remove_capacity_exception,
            respite_commands::request_booking,
            respite_commands::confirm_booking,
            respite_commands::book_respite,
            respite_commands::move_booking,
            respite_commands::respite_bed_types,
            respite_commands::respite_nights,
            respite_commands::respite_waitlist,
            respite_commands::child_respite_bookings,
            respite_commands::get_booking,
            equipment_commands::add_equipment_type,
            equipment_commands::add_equipment_unit,
            equipment_commands::update_equipment_unit,
            equipment_commands::lend_equipment,
            equipment_commands::return_equipment,
            equipment_commands::equipment_types,
            equipment_commands::equipment_units,
            equipment_commands::equipment_unit,
            equipment_commands::equipment_unit_by_tag,
            equipment_commands::overdue_loans,
            equipment_commands::unit_history,
            consultation_commands::record_consultation,
            consultation_commands::list_consultations,
            consultation_commands::consultation_counts,
            consultation_commands::office_now,
            backup_commands::backup_now,
            backup_commands::cancel_backup,
            backup_commands::list_backups,
            backup_commands::get_backup_schedule,
            backup_commands::set_backup_schedule,
            backup_commands::restore_backup,
            disaster_commands::get_disaster_profile,
            disaster_commands::save_disaster_profile,
            disaster_commands::emergency_roster,
            disaster_commands::export_roster,
            document_commands::export_document,
            audit_commands::audit_entries,
            audit_commands::audit_actors,
            audit_commands::verify_audit,
            autolock_commands::lock_keeping_draft,
            autolock_commands::take_draft,
            autolock_commands::auto_lock_settings,
            autolock_commands::set_auto_lock_minutes,
            user_commands::list_users,
            user_commands::add_user,
            user_commands::update_user,
            user_commands::remove_user,
            user_commands::reset_user_passphrase,
            user_commands::change_own_passphrase,
            user_commands::new_recovery_key,
            user_commands::has_recovery_key,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("かけはしを起動できませんでした / Kakehashi could not start: {e}");
            std::process::exit(1);
        });
}

/// On Linux without a display GTK aborts with a cryptic message; say what is needed.
fn missing_display() -> Option<&'static str> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        Some(
            "かけはしはデスクトップ画面が必要です（DISPLAY も WAYLAND_DISPLAY もありません）。\n\
             Kakehashi needs a desktop session (neither DISPLAY nor WAYLAND_DISPLAY is set); \
             on a headless machine run it under `xvfb-run`.",
        )
    } else {
        None
    }
}
