//! Use cases that change the care team and the referrals: add a member (a provider whose kind
//! fits the role, or a person), end a membership, create a referral and move it along its
//! lifecycle. Accepting a referral adds its provider to the team in the same transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::cases::validate::parse_date;
use crate::domain::provider_kind::ProviderKind;
use crate::domain::role::Role;
use crate::error::{Error, Invalid, Result};
use crate::plans::template::role_of;
use crate::plans::types::*;
use crate::plans::write::{
    MAX_NAME, MAX_NOTE, date_of, done_date, is_current, live_plan, not_found, require_active,
    status_of_plan, text,
};
use crate::record::{Stamp, new_id};
use crate::store::plan::{self as table, MemberRow, ReferralRow, Stored, TaskRow};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

const MAX_CONTACT: usize = 200;
const MAX_REASON: usize = 500;

/// The kind of a live provider of the directory, or a refusal at `provider_id`.
fn live_provider_kind(conn: &Connection, provider_id: &str) -> Result<ProviderKind> {
    let unknown = || {
        Error::invalid(
            "provider_id",
            Invalid::UnknownProvider {
                id: provider_id.to_string(),
            },
        )
    };
    let kind: Option<String> = conn
        .prepare_cached("SELECT kind FROM provider WHERE id = ?1 AND deleted_at IS NULL")?
        .query_row([provider_id], |r| r.get(0))
        .optional()?;
    let kind = kind.ok_or_else(unknown)?;
    ProviderKind::ALL
        .into_iter()
        .find(|k| k.code() == kind)
        .ok_or_else(|| Error::Internal(format!("unknown provider kind {kind} in the database")))
}

/// A provider may fill `role` only if its kind is one the role takes.
fn require_fit(role: Role, kind: ProviderKind) -> Result<()> {
    if !role.accepts(kind) {
        return Err(Error::invalid(
            "provider_id",
            Invalid::KindNotForRole {
                kind: kind.code_and_label().1,
                role: role.label_ja(),
                allowed: role
                    .provider_kinds()
                    .iter()
                    .map(|k| k.code_and_label().1)
                    .collect(),
            },
        ));
    }
    Ok(())
}

/// The provider must not already be a current member of the team in this role.
fn require_not_in_team(
    conn: &Connection,
    plan_id: &str,
    provider_id: &str,
    role: Role,
    today: NaiveDate,
) -> Result<()> {
    let already = table::of_plan::<MemberRow>(conn, plan_id)?
        .into_iter()
        .any(|m| {
            m.row.provider_id.as_deref() == Some(provider_id)
                && m.row.role == role.code()
                && is_current(&m.row, today)
        });
    if already {
        return Err(Error::invalid("provider_id", Invalid::AlreadyInTeam));
    }
    Ok(())
}

/// Writes a team member with id `id`. Its provider (if any) must have been checked.
pub(crate) fn insert_member_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    id: &str,
    row: &MemberRow,
) -> Result<()> {
    rows::insert(tx, stamp, table::MEMBER, id, &columns_of(row))
}

/// Ends the membership a referral brought in (if it is still open) on `on`. A provider that
/// had not started by then never joined: its membership is removed (a tombstone, audited) and
/// its open tasks go back to nobody.
fn end_membership_of(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    plan_id: &str,
    referral_id: &str,
    on: NaiveDate,
) -> Result<()> {
    for m in table::of_plan::<MemberRow>(tx, plan_id)? {
        if m.row.referral_id.as_deref() != Some(referral_id) || m.row.end_date.is_some() {
            continue;
        }
        if date_of(&m.row.start_date)? > on {
            for t in table::of_plan::<TaskRow>(tx, plan_id)? {
                if t.row.owner_member_id.as_deref() == Some(m.id.as_str())
                    && t.row.status == TaskStatus::Open.code()
                {
                    let mut cols = rows::Columns::new();
                    cols.insert("owner_member_id".into(), serde_json::Value::Null);
                    rows::update(tx, stamp, table::TASK, &t.id, None, &cols)?;
                }
            }
            rows::tombstone(tx, stamp, table::MEMBER, &m.id)?;
        } else {
            let mut cols = rows::Columns::new();
            cols.insert("end_date".into(), on.to_string().into());
            rows::update(tx, stamp, table::MEMBER, &m.id, None, &cols)?;
        }
    }
    Ok(())
}

pub(crate) fn referral_status_of(r: &Stored<ReferralRow>) -> Result<ReferralStatus> {
    ReferralStatus::from_code(&r.row.status)
        .ok_or_else(|| Error::Internal(format!("unknown referral status {}", r.row.status)))
}

/// Moves a referral to `to` on `on` (the step already checked), with its side effects on the
/// team: accepting adds the provider as a member from `start` (its id from `member_id`);
/// ending, or cancelling an accepted referral, ends that membership.
#[allow(clippy::too_many_arguments)]
pub(crate) fn move_referral_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    referral: &Stored<ReferralRow>,
    expected_version: Option<i64>,
    to: ReferralStatus,
    on: NaiveDate,
    reason: &str,
    start: NaiveDate,
    member_id: &str,
) -> Result<()> {
    let from = referral_status_of(referral)?;
    let on_text = on.to_string();
    let mut cols = rows::Columns::new();
    cols.insert("status".into(), to.code().into());
    cols.insert("status_on".into(), on_text.clone().into());
    match to {
        ReferralStatus::Draft => {
            for column in ["sent_on", "decided_on", "ended_on"] {
                cols.insert(column.into(), serde_json::Value::Null);
            }
            cols.insert("reason".into(), "".into());
        }
        ReferralStatus::Sent => {
            cols.insert("sent_on".into(), on_text.into());
        }
        ReferralStatus::Accepted => {
            cols.insert("decided_on".into(), on_text.into());
            cols.insert("start_on".into(), start.to_string().into());
        }
        ReferralStatus::Declined => {
            cols.insert("decided_on".into(), on_text.into());
            cols.insert("reason".into(), reason.into());
        }
        ReferralStatus::Active => {}
        ReferralStatus::Ended => {
            cols.insert("ended_on".into(), on_text.into());
        }
        ReferralStatus::Cancelled => {
            cols.insert("reason".into(), reason.into());
        }
    }
    rows::update(
        tx,
        stamp,
        table::REFERRAL,
        &referral.id,
        expected_version,
        &cols,
    )?;
    match to {
        ReferralStatus::Accepted => {
            let row = MemberRow {
                plan_id: referral.row.plan_id.clone(),
                role: referral.row.role.clone(),
                provider_id: Some(referral.row.provider_id.clone()),
                person_name: String::new(),
                organisation: String::new(),
                contact: String::new(),
                start_date: start.to_string(),
                end_date: None,
                referral_id: Some(referral.id.clone()),
                note: String::new(),
            };
            insert_member_record(tx, stamp, member_id, &row)?;
        }
        ReferralStatus::Ended => {
            end_membership_of(tx, stamp, &referral.row.plan_id, &referral.id, on)?
        }
        ReferralStatus::Cancelled if from == ReferralStatus::Accepted => {
            end_membership_of(tx, stamp, &referral.row.plan_id, &referral.id, on)?
        }
        _ => {}
    }
    Ok(())
}

/// Writes a draft referral with id `id` (provider and role already checked).
pub(crate) fn insert_referral_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    id: &str,
    row: &ReferralRow,
) -> Result<()> {
    rows::insert(tx, stamp, table::REFERRAL, id, &columns_of(row))
}

impl Registry {
    /// Adds a member to the care team: a provider of the directory whose kind fits the role
    /// (and who is not already a current member in it), or a person by name.
    pub fn add_team_member(
        &mut self,
        request: &AddTeamMemberRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        require_active(&plan)?;
        let provider_id = request
            .provider_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let person_name = text("person_name", &request.person_name, MAX_NAME)?;
        match &provider_id {
            Some(id) => {
                require_fit(request.role, live_provider_kind(&self.conn, id)?)?;
                require_not_in_team(&self.conn, &plan.id, id, request.role, today)?;
            }
            None if person_name.is_empty() => {
                return Err(Error::invalid("person_name", Invalid::Required));
            }
            None => {}
        }
        let start = done_or_any_date("start_date", request.start_date.as_deref(), today)?;
        let row = MemberRow {
            plan_id: plan.id.clone(),
            role: request.role.code().into(),
            provider_id,
            person_name,
            organisation: text("organisation", &request.organisation, MAX_NAME)?,
            contact: text("contact", &request.contact, MAX_CONTACT)?,
            start_date: start.to_string(),
            end_date: None,
            referral_id: None,
            note: text("note", &request.note, MAX_NOTE)?,
        };
        let tx = self.conn.transaction()?;
        let id = new_id(stamp);
        insert_member_record(&tx, stamp, &id, &row)?;
        tx.commit()?;
        self.plan_saved(id, &plan.id, today)
    }

    /// Ends a membership on a date (today by default; not before its start). Works on a
    /// completed plan too: the team goes on at home after discharge.
    pub fn end_team_member(
        &mut self,
        request: &EndTeamMemberRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let member = table::find::<MemberRow>(&self.conn, request.member_id.trim())?
            .ok_or_else(|| not_found(table::MEMBER, &request.member_id))?;
        let plan = live_plan(&self.conn, &member.row.plan_id)?;
        require_not_cancelled(&plan)?;
        let end = done_or_any_date("end_date", request.end_date.as_deref(), today)?;
        if end < date_of(&member.row.start_date)? {
            return Err(Error::invalid("end_date", Invalid::EndBeforeStart));
        }
        let tx = self.conn.transaction()?;
        let mut cols = rows::Columns::new();
        cols.insert("end_date".into(), end.to_string().into());
        rows::update(
            &tx,
            stamp,
            table::MEMBER,
            &member.id,
            Some(request.row_version),
            &cols,
        )?;
        tx.commit()?;
        self.plan_saved(member.id.clone(), &plan.id, today)
    }

    /// Drafts a referral from the plan to a provider for a role. The provider's kind must fit
    /// the role; a provider already in the team in that role, or already referred for it and
    /// still open, is refused.
    pub fn create_referral(
        &mut self,
        request: &CreateReferralRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        require_active(&plan)?;
        let provider_id = request.provider_id.trim();
        if provider_id.is_empty() {
            return Err(Error::invalid("provider_id", Invalid::Required));
        }
        require_fit(request.role, live_provider_kind(&self.conn, provider_id)?)?;
        require_not_in_team(&self.conn, &plan.id, provider_id, request.role, today)?;
        let open_already = table::of_plan::<ReferralRow>(&self.conn, &plan.id)?
            .iter()
            .any(|r| {
                r.row.provider_id == provider_id
                    && r.row.role == request.role.code()
                    && referral_status_of(r)
                        .is_ok_and(|s| s.is_open() || s == ReferralStatus::Active)
            });
        if open_already {
            return Err(Error::invalid("provider_id", Invalid::AlreadyReferred));
        }
        let start_on = match request.start_on.as_deref().map(str::trim) {
            None | Some("") => plan.row.target_date.clone(),
            Some(d) => parse_date("start_on", d)?.to_string(),
        };
        let row = ReferralRow {
            plan_id: plan.id.clone(),
            provider_id: provider_id.to_string(),
            role: request.role.code().into(),
            status: ReferralStatus::Draft.code().into(),
            status_on: today.to_string(),
            sent_on: None,
            decided_on: None,
            start_on: Some(start_on),
            ended_on: None,
            reason: String::new(),
            note: text("note", &request.note, MAX_NOTE)?,
        };
        let tx = self.conn.transaction()?;
        let id = new_id(stamp);
        insert_referral_record(&tx, stamp, &id, &row)?;
        tx.commit()?;
        self.plan_saved(id, &plan.id, today)
    }

    /// Moves a referral along its lifecycle (see [`ReferralStatus::next`]); a step the
    /// lifecycle does not allow is refused with both statuses named. Declining needs a reason.
    /// Accepting adds the provider to the team with the referral's role from its start date,
    /// in the same transaction; ending it (or cancelling it once accepted) ends that
    /// membership on the step's date, or removes it if the provider had not started by then.
    /// Ending and cancelling work on a completed plan too.
    pub fn move_referral(
        &mut self,
        request: &MoveReferralRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let referral = table::find::<ReferralRow>(&self.conn, request.referral_id.trim())?
            .ok_or_else(|| not_found(table::REFERRAL, &request.referral_id))?;
        let plan = live_plan(&self.conn, &referral.row.plan_id)?;
        match request.status {
            ReferralStatus::Ended | ReferralStatus::Cancelled => require_not_cancelled(&plan)?,
            _ => require_active(&plan)?,
        }
        if referral.row_version != request.row_version {
            return Err(Error::StaleRecord {
                entity: table::REFERRAL,
                id: referral.id.clone(),
            });
        }
        let from = referral_status_of(&referral)?;
        let to = request.status;
        if !from.can_move_to(to) {
            return Err(Error::invalid(
                "status",
                Invalid::ReferralStatusChange {
                    from: from.label_ja(),
                    to: to.label_ja(),
                },
            ));
        }
        let on = done_date("on", request.on.as_deref(), today)?;
        let reason = text("reason", &request.reason, MAX_REASON)?;
        if to == ReferralStatus::Declined && reason.is_empty() {
            return Err(Error::invalid("reason", Invalid::Required));
        }
        let start = match request.start_on.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => parse_date("start_on", d)?,
            _ => date_of(
                referral
                    .row
                    .start_on
                    .as_deref()
                    .unwrap_or(&plan.row.target_date),
            )?,
        };
        if to == ReferralStatus::Accepted {
            let role = role_of(&referral.row.role)?;
            require_fit(
                role,
                live_provider_kind(&self.conn, &referral.row.provider_id)?,
            )?;
            require_not_in_team(&self.conn, &plan.id, &referral.row.provider_id, role, today)?;
        }
        let tx = self.conn.transaction()?;
        move_referral_record(
            &tx,
            stamp,
            &referral,
            Some(request.row_version),
            to,
            on,
            &reason,
            start,
            &new_id(stamp),
        )?;
        tx.commit()?;
        self.plan_saved(referral.id.clone(), &plan.id, today)
    }
}

/// A cancelled plan is only a record; a completed one still has a team.
fn require_not_cancelled(plan: &Stored<crate::store::plan::PlanRow>) -> Result<()> {
    if status_of_plan(plan)? == PlanStatus::Cancelled {
        return require_active(plan);
    }
    Ok(())
}

/// A date of the team (start or end): any calendar date; today when not given.
fn done_or_any_date(field: &str, text: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    match text.map(str::trim) {
        None | Some("") => Ok(today),
        Some(t) => parse_date(field, t),
    }
}
