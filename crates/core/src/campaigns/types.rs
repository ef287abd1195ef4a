//! What crosses the boundary for survey campaigns (DOMAIN.md §4): a campaign, its targets and
//! where chasing each one stands, the progress counts, and the chase list.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::provider_kind::ProviderKind;
use crate::providers::Conditions;

/// Where one target provider stands in a campaign.
///
/// A target starts `sent`. While unanswered it moves freely among `sent`, `phoned`,
/// `visited` and `no_answer` (and may be set to the same state again on a later date: another
/// call). It becomes `answered` only by recording its answer, and `answered` is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    /// 送付済み
    Sent,
    /// 電話済み
    Phoned,
    /// 訪問済み
    Visited,
    /// 応答なし
    NoAnswer,
    /// 回答済み
    Answered,
}

impl TargetState {
    /// Every state, in the order lists are sorted by.
    pub const ALL: [TargetState; 5] = [
        TargetState::Sent,
        TargetState::Phoned,
        TargetState::Visited,
        TargetState::NoAnswer,
        TargetState::Answered,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TargetState::Sent => "sent",
            TargetState::Phoned => "phoned",
            TargetState::Visited => "visited",
            TargetState::NoAnswer => "no_answer",
            TargetState::Answered => "answered",
        }
    }

    pub fn from_code(code: &str) -> Option<TargetState> {
        TargetState::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            TargetState::Sent => "送付済み",
            TargetState::Phoned => "電話済み",
            TargetState::Visited => "訪問済み",
            TargetState::NoAnswer => "応答なし",
            TargetState::Answered => "回答済み",
        }
    }

    /// Whether someone still has to chase the provider for its answer.
    pub fn is_open(self) -> bool {
        self != TargetState::Answered
    }

    /// Whether [`crate::vault::Registry::set_target_state`] may move a target from this state
    /// to `next`: only among the open states. `answered` is reached through the answer only.
    pub fn can_set_to(self, next: TargetState) -> bool {
        self.is_open() && next.is_open()
    }
}

/// A new campaign: the survey as sent, and to whom.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CampaignInput {
    /// e.g. 「令和8年度 小児在宅受け入れ状況調査」, at most 100 characters
    pub title: String,
    /// ISO date the survey was sent; not in the future
    pub sent_on: String,
    /// ISO date answers are due; not before `sent_on`
    pub due_on: Option<String>,
    #[serde(default)]
    pub note: String,
    /// The providers surveyed (duplicates are ignored); at least one
    pub provider_ids: Vec<String>,
}

/// More providers for a campaign; those already on its list are skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddTargetsRequest {
    pub campaign_id: String,
    pub provider_ids: Vec<String>,
    /// ISO date the survey was sent to them; defaults to today, not before the campaign's
    pub sent_on: Option<String>,
}

/// Takes a provider off a campaign's list (not possible once it answered).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RemoveTargetRequest {
    pub target_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
}

/// A step in chasing a target: a call, a visit, no answer, or sent again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SetTargetStateRequest {
    pub target_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// Any state but `answered`
    pub state: TargetState,
    /// ISO date of the step; not in the future, not before the campaign was sent nor before
    /// the target's current state
    pub on: String,
    /// Replaces the target's note (e.g. 「担当者不在、来週再度」)
    #[serde(default)]
    pub note: String,
}

/// A target's answer, recorded as a new version of its provider's conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordAnswerRequest {
    pub target_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// ISO date of the answer; not in the future, not before the campaign was sent
    pub answered_on: String,
    /// The answer form; refusals name `conditions.…` like the provider's conditions form
    pub conditions: Conditions,
}

/// Live targets per state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StateCounts {
    pub sent: u32,
    pub phoned: u32,
    pub visited: u32,
    pub no_answer: u32,
    pub answered: u32,
}

impl StateCounts {
    pub fn add(&mut self, state: TargetState, n: u32) {
        match state {
            TargetState::Sent => self.sent += n,
            TargetState::Phoned => self.phoned += n,
            TargetState::Visited => self.visited += n,
            TargetState::NoAnswer => self.no_answer += n,
            TargetState::Answered => self.answered += n,
        }
    }

    pub fn total(&self) -> u32 {
        self.sent + self.phoned + self.visited + self.no_answer + self.answered
    }

    /// Answered share of all targets in whole percent (rounded), 0 without targets.
    pub fn answered_percent(&self) -> u32 {
        let total = self.total();
        if total == 0 {
            0
        } else {
            ((u64::from(self.answered) * 100 + u64::from(total) / 2) / u64::from(total)) as u32
        }
    }
}

/// A campaign with its progress: one row of the campaign list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CampaignSummary {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub title: String,
    pub sent_on: String,
    pub due_on: Option<String>,
    pub note: String,
    pub counts: StateCounts,
    /// Every live target, whatever its state
    pub total: u32,
    /// `counts.answered` of `total`, in whole percent
    pub answered_percent: u32,
    pub created_at: String,
    pub updated_at: String,
}

/// One provider on a campaign's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CampaignTarget {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub provider_id: String,
    pub provider_name: String,
    pub provider_kana: String,
    pub provider_kind: ProviderKind,
    pub municipality_name: String,
    pub phone: String,
    pub state: TargetState,
    /// ISO date the current state was reached
    pub state_on: String,
    pub answered_on: Option<String>,
    pub note: String,
}

/// The campaign page: the campaign and its targets by state, then 五十音順.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CampaignDetail {
    pub campaign: CampaignSummary,
    pub targets: Vec<CampaignTarget>,
}

/// One provider still to be chased, with how to reach it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChaseRow {
    pub target_id: String,
    pub provider_id: String,
    pub name: String,
    pub kana: String,
    pub kind: ProviderKind,
    pub municipality_name: String,
    pub phone: String,
    pub fax: String,
    pub contact_person: String,
    pub state: TargetState,
    pub state_on: String,
    pub note: String,
}

/// What saving the chase list as CSV answers: the file's name (never its folder, which stays
/// in the shell) and the providers written to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChaseListSaved {
    pub file_name: String,
    pub rows: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_serde_form_and_read_back() {
        for s in TargetState::ALL {
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.code().into())
            );
            assert_eq!(TargetState::from_code(s.code()), Some(s));
        }
        assert_eq!(
            TargetState::from_code("pending"),
            None,
            "there is no pending state"
        );
    }

    #[test]
    fn open_states_move_freely_among_themselves() {
        let open = [
            TargetState::Sent,
            TargetState::Phoned,
            TargetState::Visited,
            TargetState::NoAnswer,
        ];
        for from in open {
            for to in open {
                assert!(from.can_set_to(to), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn answered_is_reached_only_through_the_answer_and_is_final() {
        for s in TargetState::ALL {
            assert!(
                !s.can_set_to(TargetState::Answered),
                "{s:?} → answered needs the answer itself"
            );
            assert!(
                !TargetState::Answered.can_set_to(s),
                "answered → {s:?}: an answer is part of the result"
            );
        }
    }

    #[test]
    fn progress_rounds_the_answered_share() {
        let mut c = StateCounts::default();
        assert_eq!(c.answered_percent(), 0, "no targets, no division by zero");
        c.add(TargetState::Answered, 109);
        c.add(TargetState::Phoned, 39);
        assert_eq!(c.total(), 148);
        assert_eq!(c.answered_percent(), 74, "109/148 = 73.6%");
        let mut half = StateCounts::default();
        half.add(TargetState::Answered, 1);
        half.add(TargetState::Sent, 1);
        assert_eq!(half.answered_percent(), 50);
        let mut third = StateCounts::default();
        third.add(TargetState::Answered, 1);
        third.add(TargetState::Sent, 2);
        assert_eq!(third.answered_percent(), 33);
    }
}
