//! Use cases that change campaigns: create one with its targets, add or remove targets, move a
//! target along while chasing it, and record its answer as a new conditions version of the
//! provider — each in one transaction, audited through `store::rows`.

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::campaigns::types::*;
use crate::cases::validate::{max_len, past_date, required};
use crate::error::{Error, Invalid, Result};
use crate::providers::write::write_conditions_answer;
use crate::providers::{RecordConditionsRequest, RecordSource};
use crate::record::{Stamp, new_id};
use crate::store::campaign::{self as table, CampaignRow, StoredCampaign, StoredTarget, TargetRow};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

const MAX_TITLE: usize = 100;
const MAX_NOTE: usize = 2000;

/// A campaign as checked and normalised, before it is written.
#[derive(Debug, Clone)]
pub(crate) struct CheckedCampaign {
    pub title: String,
    pub sent_on: NaiveDate,
    pub due_on: Option<NaiveDate>,
    pub note: String,
    /// Without duplicates, in the order given.
    pub provider_ids: Vec<String>,
}

/// Checks what the new-campaign form sends (providers are checked against the directory when
/// written).
pub(crate) fn check_campaign(input: &CampaignInput, today: NaiveDate) -> Result<CheckedCampaign> {
    let title = input.title.trim().to_string();
    required("title", &title)?;
    max_len("title", &title, MAX_TITLE)?;
    let sent_on = past_date("sent_on", &input.sent_on, today)?;
    let due_on = match input.due_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => {
            let due = crate::cases::validate::parse_date("due_on", d)?;
            if due < sent_on {
                return Err(Error::invalid("due_on", Invalid::EndBeforeStart));
            }
            Some(due)
        }
    };
    let note = input.note.trim().to_string();
    max_len("note", &note, MAX_NOTE)?;
    let provider_ids = distinct_ids(&input.provider_ids)?;
    Ok(CheckedCampaign {
        title,
        sent_on,
        due_on,
        note,
        provider_ids,
    })
}

/// The ids trimmed, without blanks and duplicates, in the order given; at least one.
fn distinct_ids(ids: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(ids.len());
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        let id = id.trim();
        if !id.is_empty() && seen.insert(id.to_string()) {
            out.push(id.to_string());
        }
    }
    if out.is_empty() {
        return Err(Error::invalid("provider_ids", Invalid::NoTargets));
    }
    Ok(out)
}

/// Writes a checked campaign and its targets (state `sent` on `sent_on`); returns its id.
pub(crate) fn insert_campaign_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    campaign: &CheckedCampaign,
) -> Result<String> {
    require_live_providers(tx, &campaign.provider_ids)?;
    let id = ids();
    let row = CampaignRow {
        title: campaign.title.clone(),
        sent_on: campaign.sent_on.to_string(),
        due_on: campaign.due_on.map(|d| d.to_string()),
        note: campaign.note.clone(),
    };
    rows::insert(tx, stamp, table::CAMPAIGN, &id, &columns_of(&row))?;
    insert_targets(
        tx,
        stamp,
        ids,
        &id,
        &campaign.provider_ids,
        campaign.sent_on,
    )?;
    Ok(id)
}

/// Every id must be a provider in the directory; the first that is not is refused.
fn require_live_providers(tx: &Transaction<'_>, provider_ids: &[String]) -> Result<()> {
    for id in provider_ids {
        if !table::provider_is_live(tx, id)? {
            return Err(Error::invalid(
                "provider_ids",
                Invalid::UnknownProvider { id: id.clone() },
            ));
        }
    }
    Ok(())
}

/// Adds targets in state `sent` on `sent_on`, skipping providers already on the list;
/// returns how many were added. The providers must have been checked.
fn insert_targets(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    campaign_id: &str,
    provider_ids: &[String],
    sent_on: NaiveDate,
) -> Result<u32> {
    let mut added = 0;
    for provider_id in provider_ids {
        if table::is_target(tx, campaign_id, provider_id)? {
            continue;
        }
        let row = TargetRow {
            campaign_id: campaign_id.to_string(),
            provider_id: provider_id.clone(),
            state: TargetState::Sent.code().into(),
            state_on: sent_on.to_string(),
            answered_on: None,
            conditions_version_id: None,
            note: String::new(),
        };
        rows::insert(tx, stamp, table::TARGET, &ids(), &columns_of(&row))?;
        added += 1;
    }
    Ok(added)
}

/// Moves an open target to another open state on `on` (checked), replacing its note.
/// `expected_version`: the row version the caller saw, if it saw one.
pub(crate) fn set_state_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    target: &StoredTarget,
    expected_version: Option<i64>,
    state: TargetState,
    on: NaiveDate,
    note: &str,
) -> Result<()> {
    let mut cols = rows::Columns::new();
    cols.insert("state".into(), state.code().into());
    cols.insert("state_on".into(), on.to_string().into());
    cols.insert("note".into(), note.into());
    rows::update(
        tx,
        stamp,
        table::TARGET,
        &target.id,
        expected_version,
        &cols,
    )?;
    Ok(())
}

/// Records `conditions` as the target's answer on `answered_on` (checked against the campaign):
/// a new conditions version of the provider (its id from `version_id`), the target answered
/// and linked to that version. Refusals of the conditions keep their `conditions.…` paths.
pub(crate) fn answer_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    version_id: &str,
    target: &StoredTarget,
    expected_version: Option<i64>,
    answered_on: NaiveDate,
    conditions: &crate::providers::Conditions,
) -> Result<()> {
    write_conditions_answer(
        tx,
        stamp,
        version_id,
        &RecordConditionsRequest {
            id: target.row.provider_id.clone(),
            answered_on: answered_on.to_string(),
            source: RecordSource::Survey,
            conditions: conditions.clone(),
        },
    )?;
    let mut cols = rows::Columns::new();
    cols.insert("state".into(), TargetState::Answered.code().into());
    cols.insert("state_on".into(), answered_on.to_string().into());
    cols.insert("answered_on".into(), answered_on.to_string().into());
    cols.insert("conditions_version_id".into(), version_id.into());
    rows::update(
        tx,
        stamp,
        table::TARGET,
        &target.id,
        expected_version,
        &cols,
    )?;
    Ok(())
}

pub(crate) fn campaign_not_found(id: &str) -> Error {
    Error::NotFound {
        entity: table::CAMPAIGN,
        id: id.to_string(),
    }
}

pub(crate) fn target_not_found(id: &str) -> Error {
    Error::NotFound {
        entity: table::TARGET,
        id: id.to_string(),
    }
}

pub(crate) fn state_of(target: &StoredTarget) -> Result<TargetState> {
    TargetState::from_code(&target.row.state)
        .ok_or_else(|| Error::Internal(format!("unknown survey state {}", target.row.state)))
}

fn date_of(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Internal(format!("unreadable date {text} in the database")))
}

/// A target's row version must be the one the caller saw.
fn check_version(target: &StoredTarget, expected: i64) -> Result<()> {
    if target.row_version != expected {
        return Err(Error::StaleRecord {
            entity: table::TARGET,
            id: target.id.clone(),
        });
    }
    Ok(())
}

/// A date of a step in the campaign: not in the future, and not before `earliest`.
fn step_date(field: &str, text: &str, today: NaiveDate, earliest: NaiveDate) -> Result<NaiveDate> {
    let date = past_date(field, text, today)?;
    if date < earliest {
        return Err(Error::invalid(
            field,
            Invalid::DateBefore {
                earliest: earliest.to_string(),
            },
        ));
    }
    Ok(date)
}

impl Registry {
    /// Starts a campaign: the survey as sent on `sent_on` to the chosen providers, each a
    /// target in state `sent`. Returns the campaign's id.
    pub fn create_campaign(&mut self, input: &CampaignInput, stamp: &Stamp) -> Result<String> {
        self.require(Permission::Write)?;
        let campaign = check_campaign(input, stamp.today())?;
        let tx = self.conn.transaction()?;
        let mut ids = || new_id(stamp);
        let id = insert_campaign_record(&tx, stamp, &mut ids, &campaign)?;
        tx.commit()?;
        Ok(id)
    }

    /// Adds providers to a campaign's list (state `sent` on `sent_on`, today by default);
    /// providers already on it are skipped. Returns how many were added.
    pub fn add_targets(&mut self, request: &AddTargetsRequest, stamp: &Stamp) -> Result<u32> {
        self.require(Permission::Write)?;
        let provider_ids = distinct_ids(&request.provider_ids)?;
        let campaign = self.live_campaign(&request.campaign_id)?;
        let sent_on = match request.sent_on.as_deref().map(str::trim) {
            None | Some("") => stamp.today().max(date_of(&campaign.row.sent_on)?),
            Some(d) => step_date("sent_on", d, stamp.today(), date_of(&campaign.row.sent_on)?)?,
        };
        let tx = self.conn.transaction()?;
        require_live_providers(&tx, &provider_ids)?;
        let mut ids = || new_id(stamp);
        let added = insert_targets(&tx, stamp, &mut ids, &campaign.id, &provider_ids, sent_on)?;
        tx.commit()?;
        Ok(added)
    }

    /// Takes a provider off a campaign's list (a tombstone, audited). A target that answered
    /// stays: its answer is part of the campaign's result.
    pub fn remove_target(&mut self, request: &RemoveTargetRequest, stamp: &Stamp) -> Result<()> {
        self.require(Permission::Write)?;
        let target = table::find_target(&self.conn, &request.target_id)?
            .ok_or_else(|| target_not_found(&request.target_id))?;
        check_version(&target, request.row_version)?;
        if !state_of(&target)?.is_open() {
            return Err(Error::invalid("target_id", Invalid::AlreadyAnswered));
        }
        let tx = self.conn.transaction()?;
        rows::tombstone(&tx, stamp, table::TARGET, &target.id)?;
        tx.commit()?;
        Ok(())
    }

    /// Records a step in chasing a target (sent again, phoned, visited, no answer) on a date,
    /// with a note. Only open targets move, and never to `answered` (that is
    /// [`Registry::record_answer`]); the date may not be before the target's current state.
    pub fn set_target_state(
        &mut self,
        request: &SetTargetStateRequest,
        stamp: &Stamp,
    ) -> Result<CampaignTarget> {
        self.require(Permission::Write)?;
        let target = table::find_target(&self.conn, &request.target_id)?
            .ok_or_else(|| target_not_found(&request.target_id))?;
        let current = state_of(&target)?;
        if request.state == TargetState::Answered && current.is_open() {
            return Err(Error::invalid("state", Invalid::AnsweredOnlyByAnswer));
        }
        if !current.can_set_to(request.state) {
            return Err(Error::invalid(
                "state",
                Invalid::SurveyStateChange {
                    from: current.label_ja(),
                    to: request.state.label_ja(),
                },
            ));
        }
        let campaign = self.live_campaign(&target.row.campaign_id)?;
        let earliest = date_of(&campaign.row.sent_on)?.max(date_of(&target.row.state_on)?);
        let on = step_date("on", &request.on, stamp.today(), earliest)?;
        let note = request.note.trim();
        max_len("note", note, MAX_NOTE)?;
        let tx = self.conn.transaction()?;
        set_state_record(
            &tx,
            stamp,
            &target,
            Some(request.row_version),
            request.state,
            on,
            note,
        )?;
        tx.commit()?;
        self.campaign_target(&target.id)
    }

    /// Records a target's answer in one transaction: a new version of its provider's
    /// conditions (source `survey`, dated `answered_on`), and the target answered and linked
    /// to it. Any refusal (a stale form, a bad date, a bad condition) writes nothing at all.
    pub fn record_answer(
        &mut self,
        request: &RecordAnswerRequest,
        stamp: &Stamp,
    ) -> Result<CampaignTarget> {
        self.require(Permission::Write)?;
        let target = table::find_target(&self.conn, &request.target_id)?
            .ok_or_else(|| target_not_found(&request.target_id))?;
        check_version(&target, request.row_version)?;
        if !state_of(&target)?.is_open() {
            return Err(Error::invalid("target_id", Invalid::AlreadyAnswered));
        }
        let campaign = self.live_campaign(&target.row.campaign_id)?;
        let answered_on = step_date(
            "answered_on",
            &request.answered_on,
            stamp.today(),
            date_of(&campaign.row.sent_on)?,
        )?;
        let tx = self.conn.transaction()?;
        answer_record(
            &tx,
            stamp,
            &new_id(stamp),
            &target,
            Some(request.row_version),
            answered_on,
            &request.conditions,
        )?;
        tx.commit()?;
        self.campaign_target(&target.id)
    }

    pub(crate) fn live_campaign(&self, id: &str) -> Result<StoredCampaign> {
        table::find_campaign(&self.conn, id)?.ok_or_else(|| campaign_not_found(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    fn input() -> CampaignInput {
        CampaignInput {
            title: "  令和8年度 受け入れ状況調査 ".into(),
            sent_on: "2026-10-01".into(),
            due_on: Some("2026-10-31".into()),
            note: String::new(),
            provider_ids: vec!["a".into(), " b ".into(), "a".into(), "".into()],
        }
    }

    fn field_of(r: Result<CheckedCampaign>) -> String {
        r.expect_err("refused")
            .field()
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn a_campaign_is_trimmed_and_its_providers_counted_once() {
        let c = check_campaign(&input(), today()).unwrap();
        assert_eq!(c.title, "令和8年度 受け入れ状況調査");
        assert_eq!(
            c.provider_ids,
            vec!["a", "b"],
            "duplicates and blanks ignored"
        );
        assert_eq!(c.due_on, NaiveDate::from_ymd_opt(2026, 10, 31));
    }

    #[test]
    fn each_refusal_names_its_field() {
        let mut i = input();
        i.title = " ".into();
        assert_eq!(field_of(check_campaign(&i, today())), "title");
        i.title = "調".repeat(101);
        assert_eq!(field_of(check_campaign(&i, today())), "title");
        i.title = "調".repeat(100);
        assert!(check_campaign(&i, today()).is_ok(), "100 characters fit");
        let mut i = input();
        i.sent_on = "2026-12-01".into();
        assert_eq!(
            field_of(check_campaign(&i, today())),
            "sent_on",
            "a survey not yet sent has no targets to chase"
        );
        i.sent_on = "2026-02-30".into();
        assert_eq!(field_of(check_campaign(&i, today())), "sent_on");
        let mut i = input();
        i.due_on = Some("2026-09-30".into());
        assert_eq!(field_of(check_campaign(&i, today())), "due_on");
        i.due_on = Some("".into());
        assert_eq!(check_campaign(&i, today()).unwrap().due_on, None);
        let mut i = input();
        i.provider_ids = vec![" ".into()];
        assert_eq!(field_of(check_campaign(&i, today())), "provider_ids");
        let mut i = input();
        i.note = "x".repeat(2001);
        assert_eq!(field_of(check_campaign(&i, today())), "note");
    }
}
