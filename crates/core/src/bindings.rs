//! The TypeScript types of everything that crosses the IPC boundary, generated from the
//! Rust structs with ts-rs into `ui/src/api/bindings.ts` (committed). A test fails when the
//! committed file is stale; `UPDATE_BINDINGS=1 cargo test -p kakehashi bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::audit::{
    AuditBreak, AuditBreakKind, AuditEntry, AuditPage, AuditQuery, AuditVerification,
};
use crate::backup::{
    BackupDone, BackupInfo, BackupList, BackupProgress, BackupSchedule, RestoreReport,
    RestoreRequest,
};
use crate::campaigns::{
    AddTargetsRequest, CampaignDetail, CampaignInput, CampaignSummary, CampaignTarget,
    ChaseListSaved, ChaseRow, RecordAnswerRequest, RemoveTargetRequest, SetTargetStateRequest,
    StateCounts, TargetState,
};
use crate::cases::*;
use crate::consultations::{
    CallerCounts, CallerType, Consultation, ConsultationCounts, ConsultationFilter,
    ConsultationInput, ConsultationList, ConsultationOutcome, MonthCounts, OutcomeCounts,
    YearCounts,
};
use crate::disaster::{
    DeviceKind, DisasterProfile, DisasterProfileInput, DisasterWarning, DisasterWarningCode,
    EmergencyContact, ExportRosterRequest, OtherPower, PowerDevice, Registration, Roster,
    RosterExported, RosterFormat, RosterPhone, RosterQuery, RosterRow, RosterTeamContact,
    SaveDisasterProfileRequest,
};
use crate::domain::care_item::{
    CareItemCode, CareItemDetails, CareItemEntry, FeedingRoute, Mobility, SevereFactors,
    SuctionFrequency, Supervision,
};
use crate::domain::child_status::ChildStatus;
use crate::domain::provider_kind::ProviderKind;
use crate::domain::role::Role;
use crate::domain::scores::medical_care::{MedicalCareBand, MedicalCareLine, MedicalCareScore};
use crate::domain::scores::severe::{Condition, SevereClass, SevereLine, SevereScore};
use crate::equipment::{
    AddUnitRequest, EquipmentType, EquipmentTypeInput, EquipmentUnit, LendRequest, Loan,
    OverdueLoan, ReturnRequest, UnitCondition, UnitHistory, UpdateUnitRequest,
};
use crate::error::{ApiError, ErrorKind, Lang};
use crate::io::{ColumnMapping, Encoding, FieldInfo, Layout, Mapping, Severity, SourceFormat};
use crate::matching::{
    ConditionCheck, Criterion, HomePoint, MatchCounts, MatchOutcome, MatchRequest, MatchResult,
    ProviderMatch, UnknownReason, UnmetReason, Verdict,
};
use crate::municipalities::MunicipalityQuery;
use crate::passphrase::PassphraseStrength;
use crate::pdf::{DocumentKind, DocumentRequest, DocumentSaved};
use crate::plans::{
    AddConferenceRequest, AddTaskRequest, AddTeamMemberRequest, Attendee, CompleteTaskRequest,
    Conference, ConferenceInput, ConferenceKind, CreatePlanRequest, CreateReferralRequest,
    Dashboard, DashboardRequest, DashboardTask, EndTeamMemberRequest, MoveReferralRequest,
    MoveTargetDateRequest, PathwayTemplate, Phase, Plan, PlanChild, PlanDetail, PlanSaved,
    PlanStatus, PlanSummary, PlanTask, Referral, ReferralEvent, ReferralStatus,
    SaveTemplateRequest, SetPlanStatusRequest, SetTrainingRequest, TaskStatus, TeamMember,
    TemplateTask, TemplateTaskInput, TrainingEntry, TrainingItem, TrainingLevel,
    UpdateConferenceRequest, UpdateTaskRequest,
};
use crate::providers::export::{
    CsvEncoding, ExportDone, ExportFormat, ExportOptions, ExportSummary,
};
use crate::providers::import::{
    ImportMode, ImportOptions, ImportPreview, ImportProblem, ImportProgress, ImportReport,
};
use crate::providers::*;
use crate::respite::{
    BedType, BedTypeSetting, Booking, BookingRequest, BookingSaved, BookingStatus,
    CapacityExceptionRequest, ConfirmBookingRequest, FacilityNights, MoveBookingRequest, Night,
    NightBeds, RemoveCapacityExceptionRequest, SetBedTypeRequest,
};
use crate::store::municipality::{Municipality, MunicipalityKind};
use crate::users::{
    ChangePassphraseRequest, NewUserRequest, Permission, RecoveryKey, ResetPassphraseRequest,
    Session, UpdateUserRequest, UserRole, UserSummary,
};
use crate::vault::{
    AppStatus, RecoverRequest, SetupAnswer, SetupRequest, UnlockRequest, VaultState,
};

/// The whole `bindings.ts` text.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        Lang::decl(&cfg),
        ErrorKind::decl(&cfg),
        ApiError::decl(&cfg),
        VaultState::decl(&cfg),
        // Users and roles
        UserRole::decl(&cfg),
        Permission::decl(&cfg),
        Session::decl(&cfg),
        UserSummary::decl(&cfg),
        NewUserRequest::decl(&cfg),
        UpdateUserRequest::decl(&cfg),
        ResetPassphraseRequest::decl(&cfg),
        ChangePassphraseRequest::decl(&cfg),
        RecoveryKey::decl(&cfg),
        AppStatus::decl(&cfg),
        PassphraseStrength::decl(&cfg),
        SetupRequest::decl(&cfg),
        SetupAnswer::decl(&cfg),
        UnlockRequest::decl(&cfg),
        RecoverRequest::decl(&cfg),
        crate::settings::AutoLockSettings::decl(&cfg),
        MunicipalityKind::decl(&cfg),
        Municipality::decl(&cfg),
        MunicipalityQuery::decl(&cfg),
        // Case registry
        Sex::decl(&cfg),
        ChildStatus::decl(&cfg),
        CareItemCode::decl(&cfg),
        Supervision::decl(&cfg),
        FeedingRoute::decl(&cfg),
        SuctionFrequency::decl(&cfg),
        Mobility::decl(&cfg),
        CareItemDetails::decl(&cfg),
        CareItemEntry::decl(&cfg),
        SevereFactors::decl(&cfg),
        MedicalCareBand::decl(&cfg),
        MedicalCareLine::decl(&cfg),
        MedicalCareScore::decl(&cfg),
        Condition::decl(&cfg),
        SevereClass::decl(&cfg),
        SevereLine::decl(&cfg),
        SevereScore::decl(&cfg),
        ScoreRequest::decl(&cfg),
        Scores::decl(&cfg),
        Diagnosis::decl(&cfg),
        Residence::decl(&cfg),
        Guardian::decl(&cfg),
        Certificates::decl(&cfg),
        ConsentScope::decl(&cfg),
        Consent::decl(&cfg),
        Weight::decl(&cfg),
        ChildInput::decl(&cfg),
        RegisterChildRequest::decl(&cfg),
        UpdateChildRequest::decl(&cfg),
        ChangeStatusRequest::decl(&cfg),
        RecordWeightRequest::decl(&cfg),
        DuplicateQuery::decl(&cfg),
        DuplicateReason::decl(&cfg),
        DuplicateCandidate::decl(&cfg),
        StatusChange::decl(&cfg),
        FieldDiff::decl(&cfg),
        ChangeEntry::decl(&cfg),
        LocationSource::decl(&cfg),
        ChildDetail::decl(&cfg),
        CaseSearch::decl(&cfg),
        CaseRow::decl(&cfg),
        CaseSearchResult::decl(&cfg),
        CaseRef::decl(&cfg),
        // Resource directory
        ProviderKind::decl(&cfg),
        Answer::decl(&cfg),
        CareItemAnswer::decl(&cfg),
        ServiceArea::decl(&cfg),
        Conditions::decl(&cfg),
        PublicationConsent::decl(&cfg),
        RecordSource::decl(&cfg),
        ProviderInput::decl(&cfg),
        ConditionsVersion::decl(&cfg),
        ProviderDetail::decl(&cfg),
        AddProviderRequest::decl(&cfg),
        UpdateProviderRequest::decl(&cfg),
        RecordConditionsRequest::decl(&cfg),
        ConditionsAsOf::decl(&cfg),
        ProviderSearch::decl(&cfg),
        ProviderListRow::decl(&cfg),
        ProviderSearchResult::decl(&cfg),
        // Imports
        Encoding::decl(&cfg),
        SourceFormat::decl(&cfg),
        Layout::decl(&cfg),
        ColumnMapping::decl(&cfg),
        Mapping::decl(&cfg),
        FieldInfo::decl(&cfg),
        Severity::decl(&cfg),
        ImportMode::decl(&cfg),
        ImportOptions::decl(&cfg),
        ImportProblem::decl(&cfg),
        ImportReport::decl(&cfg),
        ImportProgress::decl(&cfg),
        ImportPreview::decl(&cfg),
        CsvEncoding::decl(&cfg),
        ExportFormat::decl(&cfg),
        ExportOptions::decl(&cfg),
        ExportSummary::decl(&cfg),
        ExportDone::decl(&cfg),
        // Survey campaigns
        TargetState::decl(&cfg),
        CampaignInput::decl(&cfg),
        AddTargetsRequest::decl(&cfg),
        RemoveTargetRequest::decl(&cfg),
        SetTargetStateRequest::decl(&cfg),
        RecordAnswerRequest::decl(&cfg),
        StateCounts::decl(&cfg),
        CampaignSummary::decl(&cfg),
        CampaignTarget::decl(&cfg),
        CampaignDetail::decl(&cfg),
        ChaseRow::decl(&cfg),
        ChaseListSaved::decl(&cfg),
        // Matching
        MatchRequest::decl(&cfg),
        Criterion::decl(&cfg),
        UnmetReason::decl(&cfg),
        UnknownReason::decl(&cfg),
        Verdict::decl(&cfg),
        ConditionCheck::decl(&cfg),
        MatchOutcome::decl(&cfg),
        ProviderMatch::decl(&cfg),
        HomePoint::decl(&cfg),
        MatchCounts::decl(&cfg),
        MatchResult::decl(&cfg),
        // Discharge plans
        Role::decl(&cfg),
        Phase::decl(&cfg),
        PlanStatus::decl(&cfg),
        TaskStatus::decl(&cfg),
        ReferralStatus::decl(&cfg),
        ConferenceKind::decl(&cfg),
        TrainingItem::decl(&cfg),
        TrainingLevel::decl(&cfg),
        CreatePlanRequest::decl(&cfg),
        MoveTargetDateRequest::decl(&cfg),
        SetPlanStatusRequest::decl(&cfg),
        AddTaskRequest::decl(&cfg),
        UpdateTaskRequest::decl(&cfg),
        CompleteTaskRequest::decl(&cfg),
        AddTeamMemberRequest::decl(&cfg),
        EndTeamMemberRequest::decl(&cfg),
        CreateReferralRequest::decl(&cfg),
        MoveReferralRequest::decl(&cfg),
        ConferenceInput::decl(&cfg),
        AddConferenceRequest::decl(&cfg),
        UpdateConferenceRequest::decl(&cfg),
        SetTrainingRequest::decl(&cfg),
        TemplateTaskInput::decl(&cfg),
        SaveTemplateRequest::decl(&cfg),
        DashboardRequest::decl(&cfg),
        Plan::decl(&cfg),
        PlanChild::decl(&cfg),
        PlanTask::decl(&cfg),
        TeamMember::decl(&cfg),
        ReferralEvent::decl(&cfg),
        Referral::decl(&cfg),
        Attendee::decl(&cfg),
        Conference::decl(&cfg),
        TrainingEntry::decl(&cfg),
        PlanDetail::decl(&cfg),
        PlanSaved::decl(&cfg),
        TemplateTask::decl(&cfg),
        PathwayTemplate::decl(&cfg),
        DashboardTask::decl(&cfg),
        PlanSummary::decl(&cfg),
        Dashboard::decl(&cfg),
        // Respite
        BedType::decl(&cfg),
        BookingStatus::decl(&cfg),
        SetBedTypeRequest::decl(&cfg),
        CapacityExceptionRequest::decl(&cfg),
        RemoveCapacityExceptionRequest::decl(&cfg),
        BookingRequest::decl(&cfg),
        ConfirmBookingRequest::decl(&cfg),
        MoveBookingRequest::decl(&cfg),
        BedTypeSetting::decl(&cfg),
        Booking::decl(&cfg),
        BookingSaved::decl(&cfg),
        NightBeds::decl(&cfg),
        Night::decl(&cfg),
        FacilityNights::decl(&cfg),
        // Equipment lending
        UnitCondition::decl(&cfg),
        EquipmentTypeInput::decl(&cfg),
        AddUnitRequest::decl(&cfg),
        UpdateUnitRequest::decl(&cfg),
        LendRequest::decl(&cfg),
        ReturnRequest::decl(&cfg),
        EquipmentType::decl(&cfg),
        Loan::decl(&cfg),
        EquipmentUnit::decl(&cfg),
        OverdueLoan::decl(&cfg),
        UnitHistory::decl(&cfg),
        // Consultation log
        CallerType::decl(&cfg),
        ConsultationOutcome::decl(&cfg),
        ConsultationInput::decl(&cfg),
        Consultation::decl(&cfg),
        ConsultationFilter::decl(&cfg),
        ConsultationList::decl(&cfg),
        OutcomeCounts::decl(&cfg),
        CallerCounts::decl(&cfg),
        ConsultationCounts::decl(&cfg),
        MonthCounts::decl(&cfg),
        YearCounts::decl(&cfg),
        // Disaster preparedness
        DeviceKind::decl(&cfg),
        PowerDevice::decl(&cfg),
        OtherPower::decl(&cfg),
        Registration::decl(&cfg),
        EmergencyContact::decl(&cfg),
        DisasterProfileInput::decl(&cfg),
        DisasterWarningCode::decl(&cfg),
        DisasterWarning::decl(&cfg),
        DisasterProfile::decl(&cfg),
        SaveDisasterProfileRequest::decl(&cfg),
        RosterQuery::decl(&cfg),
        RosterPhone::decl(&cfg),
        RosterTeamContact::decl(&cfg),
        RosterRow::decl(&cfg),
        Roster::decl(&cfg),
        RosterFormat::decl(&cfg),
        ExportRosterRequest::decl(&cfg),
        RosterExported::decl(&cfg),
        // Printable documents
        DocumentKind::decl(&cfg),
        DocumentRequest::decl(&cfg),
        DocumentSaved::decl(&cfg),
        // Backups
        BackupSchedule::decl(&cfg),
        BackupProgress::decl(&cfg),
        BackupInfo::decl(&cfg),
        BackupDone::decl(&cfg),
        BackupList::decl(&cfg),
        RestoreReport::decl(&cfg),
        RestoreRequest::decl(&cfg),
        // Audit log
        AuditQuery::decl(&cfg),
        AuditEntry::decl(&cfg),
        AuditPage::decl(&cfg),
        AuditBreakKind::decl(&cfg),
        AuditBreak::decl(&cfg),
        AuditVerification::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by crates/core/src/bindings.rs (ts-rs). Do not edit.\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test -p kakehashi bindings\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_ts_is_up_to_date_with_the_rust_types() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings.ts");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/api/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p kakehashi bindings"
        );
    }
}
