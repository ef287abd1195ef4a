//! What crosses the boundary for discharge-to-home planning (DOMAIN.md §5): the plan with its
//! tasks, care team, referrals, conferences and family training, the pathway templates, and
//! the dashboard.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::child_status::ChildStatus;
use crate::domain::provider_kind::ProviderKind;
use crate::domain::role::Role;

/// An enum of stable codes with its Japanese and English labels, from one table.
macro_rules! coded {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => ($code:literal, $ja:literal, $en:literal)),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[doc = $ja] $variant),+
        }

        impl $name {
            /// Every value, in the order lists are sorted by.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }

            pub fn label_ja(self) -> &'static str {
                match self {
                    $($name::$variant => $ja),+
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $($name::$variant => $en),+
                }
            }
        }
    };
}

coded! {
    /// A phase of the pathway, in time order.
    Phase {
        Introduction => ("introduction", "導入期", "Introduction"),
        Preparation => ("preparation", "準備期", "Preparation"),
        Transition => ("transition", "移行期", "Transition"),
        Discharge => ("discharge", "退院", "Discharge"),
        Home => ("home", "在宅", "At home"),
    }
}

coded! {
    /// Where a plan stands. A child has at most one `active` plan.
    PlanStatus {
        Active => ("active", "進行中", "Active"),
        Completed => ("completed", "完了", "Completed"),
        Cancelled => ("cancelled", "中止", "Cancelled"),
    }
}

coded! {
    /// Where a task stands. Only open tasks move with the target date.
    TaskStatus {
        Open => ("open", "未完了", "Open"),
        Done => ("done", "完了", "Done"),
        Skipped => ("skipped", "対象外", "Skipped"),
    }
}

coded! {
    /// Where a referral stands (DOMAIN.md §5):
    /// draft → sent → accepted / declined; accepted → active → ended; cancelled from any open
    /// state (draft, sent, accepted); declined and cancelled may be reopened as a draft.
    ReferralStatus {
        Draft => ("draft", "下書き", "Draft"),
        Sent => ("sent", "依頼済み", "Sent"),
        Accepted => ("accepted", "受諾", "Accepted"),
        Declined => ("declined", "辞退", "Declined"),
        Active => ("active", "利用中", "Active"),
        Ended => ("ended", "終了", "Ended"),
        Cancelled => ("cancelled", "取り消し", "Cancelled"),
    }
}

impl ReferralStatus {
    /// Open = still on its way to becoming a service: it may be cancelled.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ReferralStatus::Draft | ReferralStatus::Sent | ReferralStatus::Accepted
        )
    }

    /// The statuses a referral may move to from this one.
    pub fn next(self) -> &'static [ReferralStatus] {
        use ReferralStatus::*;
        match self {
            Draft => &[Sent, Cancelled],
            Sent => &[Accepted, Declined, Cancelled],
            Accepted => &[Active, Cancelled],
            Active => &[Ended],
            // Reopening keeps the history (the audit log) and starts again as a draft.
            Declined | Cancelled => &[Draft],
            Ended => &[],
        }
    }

    pub fn can_move_to(self, next: ReferralStatus) -> bool {
        self.next().contains(&next)
    }
}

coded! {
    /// A conference of the plan.
    ConferenceKind {
        InHospital => ("in_hospital", "院内カンファレンス", "In-hospital conference"),
        PreDischargeJoint => ("pre_discharge_joint", "退院前合同カンファレンス", "Pre-discharge joint conference"),
    }
}

coded! {
    /// An item of the family training checklist (DOMAIN.md §5).
    TrainingItem {
        Suction => ("suction", "吸引", "Suction"),
        TubeFeeding => ("tube_feeding", "経管栄養とポンプ", "Tube feeding and pump"),
        TracheostomyCare => ("tracheostomy_care", "気管切開部のケアとカニューレ交換", "Tracheostomy care and cannula change"),
        AccidentalDecannulation => ("accidental_decannulation", "計画外抜去時の対応", "Accidental decannulation"),
        Ventilator => ("ventilator", "人工呼吸器の回路とアラーム", "Ventilator circuit and alarms"),
        ResuscitationBag => ("resuscitation_bag", "蘇生バッグ", "Resuscitation bag"),
        Oxygen => ("oxygen", "酸素", "Oxygen"),
        Medication => ("medication", "服薬", "Medication"),
        Observation => ("observation", "観察と連絡の目安", "Observation and when to call"),
        Cpr => ("cpr", "心肺蘇生", "CPR"),
        BathingAndMoving => ("bathing_and_moving", "入浴・移動", "Bathing and moving"),
    }
}

coded! {
    /// How far the family is with one checklist item.
    TrainingLevel {
        None => ("none", "未実施", "Not started"),
        Taught => ("taught", "指導済み", "Taught"),
        Demonstrated => ("demonstrated", "見守りで実施", "Demonstrated"),
        Independent => ("independent", "自立", "Independent"),
    }
}

// ---- Requests -------------------------------------------------------------------------

/// A new plan for a child, its tasks made from a pathway template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CreatePlanRequest {
    pub child_id: String,
    /// ISO date of the target discharge; today or later
    pub target_date: String,
    /// The template to make the tasks from; the default template when `None`
    pub template_id: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Moves the target discharge date; the due dates of open tasks move by the same days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MoveTargetDateRequest {
    pub plan_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// ISO date; today or later
    pub target_date: String,
}

/// Completes, cancels or reopens a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SetPlanStatusRequest {
    pub plan_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub status: PlanStatus,
    /// ISO date it was completed or cancelled (not in the future); today when `None`
    pub on: Option<String>,
}

/// A task added by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddTaskRequest {
    pub plan_id: String,
    pub phase: Phase,
    pub role: Role,
    /// At most 200 characters
    pub title: String,
    #[serde(default)]
    pub note: String,
    /// A current member of this plan's team (a team member id), or nobody
    pub owner: Option<String>,
    /// ISO date
    pub due_date: String,
}

/// A task's editable fields, all sent back as the form shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateTaskRequest {
    pub task_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub phase: Phase,
    pub role: Role,
    pub title: String,
    #[serde(default)]
    pub note: String,
    /// A current member of this plan's team (checked when it changes), or nobody
    pub owner: Option<String>,
    /// ISO date
    pub due_date: String,
    pub status: TaskStatus,
    /// For `done`: ISO date, not in the future; today when `None`. Ignored otherwise.
    pub done_on: Option<String>,
}

/// Marks a task done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompleteTaskRequest {
    pub task_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// ISO date, not in the future; today when `None`
    pub done_on: Option<String>,
}

/// A new member of the care team: a provider of the directory (whose kind must fit the
/// role), or a person (hospital or hub staff) by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddTeamMemberRequest {
    pub plan_id: String,
    pub role: Role,
    pub provider_id: Option<String>,
    /// The person; required without a provider (for a provider, its contact person)
    #[serde(default)]
    pub person_name: String,
    #[serde(default)]
    pub organisation: String,
    /// Phone, e-mail or extension, as written
    #[serde(default)]
    pub contact: String,
    /// ISO date; today when `None`
    pub start_date: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Ends a membership of the care team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EndTeamMemberRequest {
    pub member_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// ISO date, not before the start; today when `None`
    pub end_date: Option<String>,
}

/// A new referral (a draft) from the plan to a provider for a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CreateReferralRequest {
    pub plan_id: String,
    pub provider_id: String,
    pub role: Role,
    /// ISO date the provider would start; the plan's target date when `None`
    pub start_on: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Moves a referral along its lifecycle: `sent` (send), `accepted` (accept: the provider
/// joins the team), `declined` (a reason is required), `active`, `ended`, `cancelled`, or
/// `draft` again (reopen a declined or cancelled one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MoveReferralRequest {
    pub referral_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// The new status
    pub status: ReferralStatus,
    /// ISO date of the step, not in the future; today when `None`
    pub on: Option<String>,
    /// Why it was declined (required) or cancelled
    #[serde(default)]
    pub reason: String,
    /// For `accepted`: the date the provider starts in the team (the referral's start date
    /// when `None`)
    pub start_on: Option<String>,
}

/// A conference as the form sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConferenceInput {
    pub kind: ConferenceKind,
    /// ISO date (planned or held)
    pub held_on: String,
    #[serde(default)]
    pub title: String,
    /// Members of this plan's team who attend (team member ids)
    #[serde(default)]
    pub attendee_ids: Vec<String>,
    /// Others present who are not in the team (the family…), as written
    #[serde(default)]
    pub other_attendees: String,
    #[serde(default)]
    pub minutes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddConferenceRequest {
    pub plan_id: String,
    pub conference: ConferenceInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateConferenceRequest {
    pub conference_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub conference: ConferenceInput,
}

/// Records how far the family is with one checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SetTrainingRequest {
    pub plan_id: String,
    pub item: TrainingItem,
    pub level: TrainingLevel,
    /// ISO date, not in the future; required unless the level is `none`
    pub on: Option<String>,
    /// Who taught it or saw it done; required unless the level is `none`
    #[serde(default)]
    pub by_whom: String,
    #[serde(default)]
    pub note: String,
    /// The row version the form saw, when the item had been recorded before
    #[ts(type = "number | null")]
    pub row_version: Option<i64>,
}

/// One task of a template as the settings form sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateTaskInput {
    /// The task's id when it is an existing one; `None` for a new one
    pub id: Option<String>,
    pub phase: Phase,
    pub role: Role,
    pub title: String,
    #[serde(default)]
    pub note: String,
    /// Days relative to the target date (−90 = 90 days before), from −365 to 365
    pub offset_days: i32,
}

/// Saves a template whole: its tasks in the order given (existing ones by id; those left out
/// are removed). Plans already made from it keep their tasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaveTemplateRequest {
    /// `None` makes a new template
    pub id: Option<String>,
    #[ts(type = "number | null")]
    pub row_version: Option<i64>,
    pub name: String,
    #[serde(default)]
    pub note: String,
    /// Make it the template new plans get (the previous default stops being one)
    #[serde(default)]
    pub is_default: bool,
    pub tasks: Vec<TemplateTaskInput>,
}

/// Whose tasks the dashboard shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardRequest {
    /// Only tasks whose owner's name (a person, or a provider) is this, compared folded
    /// (width, kana and spaces ignored); everyone's when `None` or empty
    pub owner: Option<String>,
}

// ---- Answers --------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Plan {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub child_id: String,
    pub target_date: String,
    pub status: PlanStatus,
    pub closed_on: Option<String>,
    pub template_id: Option<String>,
    pub note: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The child a plan is for, as the plan page heads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanChild {
    pub id: String,
    pub case_number: String,
    pub name: String,
    pub kana: String,
    pub date_of_birth: String,
    /// Whole months of age on the target date
    pub age_months_at_target: u32,
    pub status: ChildStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanTask {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// Order within the plan as made (the template's order, then tasks added by hand)
    pub position: u32,
    pub phase: Phase,
    pub role: Role,
    pub title: String,
    pub note: String,
    /// Team member id of the owner
    pub owner: Option<String>,
    /// The owner's name as the team lists it; empty without an owner
    pub owner_name: String,
    /// The template's offset it came from (days from the target); `None` if added by hand
    pub offset_days: Option<i32>,
    pub due_date: String,
    pub status: TaskStatus,
    pub done_on: Option<String>,
    /// Open and due before today
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TeamMember {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub role: Role,
    pub provider_id: Option<String>,
    pub provider_kind: Option<ProviderKind>,
    /// The provider's name, or the person's: how the team and the task owners show it
    pub name: String,
    pub person_name: String,
    pub organisation: String,
    /// The contact as entered, or else the provider's phone
    pub contact: String,
    pub start_date: String,
    pub end_date: Option<String>,
    /// Not ended before today
    pub current: bool,
    /// The accepted referral that brought the provider in
    pub referral_id: Option<String>,
    pub note: String,
}

/// One step in a referral's history (from the audit log).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReferralEvent {
    pub status: ReferralStatus,
    /// ISO date of the step
    pub on: String,
    pub reason: String,
    /// When it was recorded (UTC) and by whom
    pub recorded_at: String,
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Referral {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub role: Role,
    pub provider_id: String,
    pub provider_name: String,
    pub provider_kind: ProviderKind,
    pub status: ReferralStatus,
    /// ISO date the current status was reached
    pub status_on: String,
    pub sent_on: Option<String>,
    pub decided_on: Option<String>,
    pub start_on: Option<String>,
    pub ended_on: Option<String>,
    pub reason: String,
    pub note: String,
    /// Every status it has had, oldest first (reopened ones included)
    pub history: Vec<ReferralEvent>,
    /// The steps the lifecycle allows from the current status (the screen offers these)
    pub next: Vec<ReferralStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Attendee {
    pub member_id: String,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conference {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub kind: ConferenceKind,
    pub held_on: String,
    pub title: String,
    pub attendees: Vec<Attendee>,
    pub other_attendees: String,
    pub minutes: String,
}

/// One checklist item and how far the family is (`none` until recorded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrainingEntry {
    pub item: TrainingItem,
    /// `None` until the item is first recorded
    pub id: Option<String>,
    #[ts(type = "number | null")]
    pub row_version: Option<i64>,
    pub level: TrainingLevel,
    pub on: Option<String>,
    pub by_whom: String,
    pub note: String,
}

/// The plan page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanDetail {
    pub plan: Plan,
    pub child: PlanChild,
    /// The office's date the page was read on (for the today marker and `overdue`)
    pub today: String,
    /// By due date, then phase, then position
    pub tasks: Vec<PlanTask>,
    /// Current members first (by role), then ended ones
    pub team: Vec<TeamMember>,
    /// Roles a provider can fill that no current member fills: where to find providers
    pub open_roles: Vec<Role>,
    /// Newest first
    pub referrals: Vec<Referral>,
    /// By date
    pub conferences: Vec<Conference>,
    /// Every checklist item, in the checklist's order
    pub training: Vec<TrainingEntry>,
}

/// What a plan write answers: the id of the row it wrote, and the plan page as it now is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanSaved {
    pub id: String,
    pub plan: PlanDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TemplateTask {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub position: u32,
    pub phase: Phase,
    pub role: Role,
    pub title: String,
    pub note: String,
    pub offset_days: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PathwayTemplate {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub name: String,
    pub note: String,
    pub is_default: bool,
    /// In the template's order
    pub tasks: Vec<TemplateTask>,
}

/// A task on the dashboard, with the plan and child it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DashboardTask {
    pub plan_id: String,
    pub child_id: String,
    pub case_number: String,
    pub child_name: String,
    pub target_date: String,
    pub task: PlanTask,
}

/// An active plan on the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PlanSummary {
    pub plan_id: String,
    pub child_id: String,
    pub case_number: String,
    pub child_name: String,
    pub target_date: String,
    /// Days from today to the target (negative once past)
    pub days_to_target: i32,
    pub open_tasks: u32,
    pub overdue_tasks: u32,
    pub done_tasks: u32,
    pub total_tasks: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dashboard {
    pub today: String,
    /// Open tasks due today to today + 6, by due date
    pub due_this_week: Vec<DashboardTask>,
    /// Open tasks due before today, the oldest first
    pub overdue: Vec<DashboardTask>,
    /// Active plans by target date
    pub plans: Vec<PlanSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_round_trip<T>(all: &[T])
    where
        T: Copy + std::fmt::Debug + PartialEq + Serialize,
        T: CodeOf,
    {
        for &v in all {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                v.code_of(),
                "{v:?}: the stored code is the serde form"
            );
            assert_eq!(T::from_code_of(v.code_of()), Some(v));
        }
    }

    trait CodeOf: Sized {
        fn code_of(self) -> &'static str;
        fn from_code_of(code: &str) -> Option<Self>;
    }

    macro_rules! code_of {
        ($($t:ident),+) => {$(
            impl CodeOf for $t {
                fn code_of(self) -> &'static str { self.code() }
                fn from_code_of(code: &str) -> Option<Self> { $t::from_code(code) }
            }
        )+};
    }
    code_of!(
        Phase,
        PlanStatus,
        TaskStatus,
        ReferralStatus,
        ConferenceKind,
        TrainingItem,
        TrainingLevel
    );

    #[test]
    fn codes_match_their_serde_form_and_read_back() {
        codes_round_trip(Phase::ALL);
        codes_round_trip(PlanStatus::ALL);
        codes_round_trip(TaskStatus::ALL);
        codes_round_trip(ReferralStatus::ALL);
        codes_round_trip(ConferenceKind::ALL);
        codes_round_trip(TrainingItem::ALL);
        codes_round_trip(TrainingLevel::ALL);
        assert_eq!(
            TrainingItem::ALL.len(),
            11,
            "DOMAIN.md §5 lists 11 checklist items"
        );
    }

    #[test]
    fn a_referral_never_moves_to_itself_and_ended_is_final() {
        for &s in ReferralStatus::ALL {
            assert!(!s.can_move_to(s), "{s:?} to itself is not a step");
        }
        assert!(ReferralStatus::Ended.next().is_empty());
    }

    #[test]
    fn only_open_referrals_can_be_cancelled() {
        for &s in ReferralStatus::ALL {
            assert_eq!(
                s.can_move_to(ReferralStatus::Cancelled),
                s.is_open(),
                "{s:?}"
            );
        }
    }
}
