//! Use cases that change a plan: create it from a template, move its target date, close or
//! reopen it, its tasks, conferences and family training — each in one transaction, audited
//! through `store::rows`. The care team and referrals are in `team.rs`.

use chrono::{NaiveDate, TimeDelta};
use rusqlite::{Connection, Transaction};

use crate::cases::validate::{max_len, parse_date, past_date, required};
use crate::error::{Error, Invalid, Result};
use crate::plans::template::template_not_found;
use crate::plans::types::*;
use crate::record::{Stamp, new_id};
use crate::store::plan::{
    self as table, ConferenceRow, MemberRow, PlanRow, Stored, TaskRow, TemplateRow, TrainingRow,
};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

pub(crate) const MAX_TITLE: usize = 200;
pub(crate) const MAX_NAME: usize = 100;
pub(crate) const MAX_NOTE: usize = 2000;
const MAX_MINUTES: usize = 20_000;

pub(crate) fn not_found(entity: &'static str, id: &str) -> Error {
    Error::NotFound {
        entity,
        id: id.to_string(),
    }
}

/// A date stored by us.
pub(crate) fn date_of(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| Error::Internal(format!("unreadable date {text} in the database")))
}

/// A date that is today or later (a target discharge date).
fn coming_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let d = parse_date(field, text)?;
    if d < today {
        return Err(Error::invalid(
            field,
            Invalid::DateBefore {
                earliest: today.to_string(),
            },
        ));
    }
    Ok(d)
}

/// A date of something done: not in the future; today when not given.
pub(crate) fn done_date(field: &str, text: Option<&str>, today: NaiveDate) -> Result<NaiveDate> {
    match text.map(str::trim) {
        None | Some("") => Ok(today),
        Some(t) => past_date(field, t, today),
    }
}

/// `date` moved by `days`; a move past the calendar's end is refused at `field`.
pub(crate) fn shifted(field: &str, date: NaiveDate, days: i64) -> Result<NaiveDate> {
    date.checked_add_signed(TimeDelta::days(days))
        .ok_or_else(|| Error::invalid(field, Invalid::BadDate))
}

/// Trimmed text of at most `max` characters.
pub(crate) fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let t = value.trim().to_string();
    max_len(field, &t, max)?;
    Ok(t)
}

pub(crate) fn live_plan(conn: &Connection, id: &str) -> Result<Stored<PlanRow>> {
    table::find::<PlanRow>(conn, id.trim())?.ok_or_else(|| not_found(table::PLAN, id))
}

pub(crate) fn status_of_plan(plan: &Stored<PlanRow>) -> Result<PlanStatus> {
    PlanStatus::from_code(&plan.row.status)
        .ok_or_else(|| Error::Internal(format!("unknown plan status {}", plan.row.status)))
}

/// Only an active plan is worked on; a completed or cancelled one is a record.
pub(crate) fn require_active(plan: &Stored<PlanRow>) -> Result<()> {
    let status = status_of_plan(plan)?;
    if status != PlanStatus::Active {
        return Err(Error::invalid(
            "plan_id",
            Invalid::PlanNotActive {
                status: status.label_ja(),
            },
        ));
    }
    Ok(())
}

/// Whether a membership counts on `today`: not ended before it.
pub(crate) fn is_current(member: &MemberRow, today: NaiveDate) -> bool {
    member
        .end_date
        .as_deref()
        .is_none_or(|end| end >= today.to_string().as_str())
}

/// `member_id` must be a current member of the plan's team; refused at `field` otherwise.
pub(crate) fn require_current_member(
    conn: &Connection,
    plan_id: &str,
    member_id: &str,
    today: NaiveDate,
    field: &str,
) -> Result<()> {
    match table::find::<MemberRow>(conn, member_id)? {
        Some(m) if m.row.plan_id == plan_id && is_current(&m.row, today) => Ok(()),
        _ => Err(Error::invalid(field, Invalid::NotTeamMember)),
    }
}

/// The owner as given: blank is nobody.
fn owner_of(owner: &Option<String>) -> Option<String> {
    owner
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Writes a plan for a child with the tasks of a template (due = target + offset, all open,
/// nobody owning them yet); returns the plan's id. Refuses a second active plan.
pub(crate) fn insert_plan_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    child_id: &str,
    target: NaiveDate,
    template_id: &str,
    note: &str,
) -> Result<String> {
    if table::active_plan_of(tx, child_id)?.is_some() {
        return Err(Error::invalid("child_id", Invalid::ActivePlanExists));
    }
    let tasks = table::template_tasks(tx, template_id)?;
    let plan_id = ids();
    let row = PlanRow {
        child_id: child_id.to_string(),
        target_date: target.to_string(),
        status: PlanStatus::Active.code().into(),
        closed_on: None,
        template_id: Some(template_id.to_string()),
        note: note.to_string(),
    };
    rows::insert(tx, stamp, table::PLAN, &plan_id, &columns_of(&row))?;
    for (i, t) in tasks.into_iter().enumerate() {
        let due = shifted("target_date", target, i64::from(t.row.offset_days))?;
        let row = TaskRow {
            plan_id: plan_id.clone(),
            position: i as u32,
            phase: t.row.phase,
            role: t.row.role,
            title: t.row.title,
            note: t.row.note,
            owner_member_id: None,
            offset_days: Some(t.row.offset_days),
            due_date: due.to_string(),
            status: TaskStatus::Open.code().into(),
            done_on: None,
        };
        rows::insert(tx, stamp, table::TASK, &ids(), &columns_of(&row))?;
    }
    Ok(plan_id)
}

/// Sets a task's status (and its done date for `done`) without other changes.
pub(crate) fn set_task_status_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    task_id: &str,
    expected_version: Option<i64>,
    status: TaskStatus,
    done_on: Option<NaiveDate>,
) -> Result<()> {
    let mut cols = rows::Columns::new();
    cols.insert("status".into(), status.code().into());
    cols.insert("done_on".into(), done_on.map(|d| d.to_string()).into());
    rows::update(tx, stamp, table::TASK, task_id, expected_version, &cols)?;
    Ok(())
}

/// A conference as checked, ready to write: attendees without blanks and duplicates, each a
/// member (current or past) of this plan's team.
fn check_conference(
    conn: &Connection,
    plan_id: &str,
    input: &ConferenceInput,
) -> Result<ConferenceRow> {
    let held_on = parse_date("held_on", &input.held_on)?;
    let title = text("title", &input.title, MAX_TITLE)?;
    let mut attendees: Vec<String> = Vec::with_capacity(input.attendee_ids.len());
    for id in &input.attendee_ids {
        let id = id.trim();
        if id.is_empty() || attendees.iter().any(|a| a == id) {
            continue;
        }
        // Anyone who is or was in this plan's team (a member may have ended since).
        match table::find::<MemberRow>(conn, id)? {
            Some(m) if m.row.plan_id == plan_id => attendees.push(id.to_string()),
            _ => return Err(Error::invalid("attendee_ids", Invalid::NotTeamMember)),
        }
    }
    Ok(ConferenceRow {
        plan_id: plan_id.to_string(),
        kind: input.kind.code().into(),
        held_on: held_on.to_string(),
        title,
        attendee_ids: serde_json::Value::from(attendees),
        other_attendees: text("other_attendees", &input.other_attendees, MAX_TITLE)?,
        minutes: text("minutes", &input.minutes, MAX_MINUTES)?,
    })
}

impl Registry {
    /// The plan page as it now is, with the id of the row just written.
    pub(crate) fn plan_saved(
        &self,
        id: String,
        plan_id: &str,
        today: NaiveDate,
    ) -> Result<PlanSaved> {
        Ok(PlanSaved {
            id,
            plan: self.plan_detail(plan_id, today)?,
        })
    }

    /// Starts a child's plan: the target discharge date (today or later) and the tasks of a
    /// template (the default one unless chosen), due on target + offset. A child has one
    /// active plan at a time.
    pub fn create_plan(&mut self, request: &CreatePlanRequest, stamp: &Stamp) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let child_id = request.child_id.trim();
        if crate::store::child::find(&self.conn, child_id)?.is_none() {
            return Err(not_found(crate::store::child::CHILD, child_id));
        }
        let target = coming_date("target_date", &request.target_date, today)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let template_id = match request.template_id.as_deref().map(str::trim) {
            Some(id) if !id.is_empty() => {
                table::find::<TemplateRow>(&self.conn, id)?
                    .ok_or_else(|| template_not_found(id))?
                    .id
            }
            _ => table::default_template_id(&self.conn)?
                .ok_or_else(|| Error::invalid("template_id", Invalid::Required))?,
        };
        let tx = self.conn.transaction()?;
        let mut ids = || new_id(stamp);
        let id = insert_plan_record(&tx, stamp, &mut ids, child_id, target, &template_id, &note)?;
        tx.commit()?;
        self.plan_saved(id.clone(), &id, today)
    }

    /// Moves the target discharge date (today or later). The due dates of open tasks move by
    /// the same number of days; done and skipped tasks keep theirs.
    pub fn move_target_date(
        &mut self,
        request: &MoveTargetDateRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        require_active(&plan)?;
        let target = coming_date("target_date", &request.target_date, today)?;
        let days = (target - date_of(&plan.row.target_date)?).num_days();
        let tx = self.conn.transaction()?;
        let mut cols = rows::Columns::new();
        cols.insert("target_date".into(), target.to_string().into());
        rows::update(
            &tx,
            stamp,
            table::PLAN,
            &plan.id,
            Some(request.row_version),
            &cols,
        )?;
        if days != 0 {
            for task in table::of_plan::<TaskRow>(&tx, &plan.id)? {
                if task.row.status != TaskStatus::Open.code() {
                    continue;
                }
                let due = shifted("target_date", date_of(&task.row.due_date)?, days)?;
                let mut cols = rows::Columns::new();
                cols.insert("due_date".into(), due.to_string().into());
                rows::update(&tx, stamp, table::TASK, &task.id, None, &cols)?;
            }
        }
        tx.commit()?;
        self.plan_saved(plan.id.clone(), &plan.id, today)
    }

    /// Completes or cancels an active plan (on a date, not in the future), or reopens a
    /// closed one when the child has no other active plan.
    pub fn set_plan_status(
        &mut self,
        request: &SetPlanStatusRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        let from = status_of_plan(&plan)?;
        let to = request.status;
        let allowed = (from == PlanStatus::Active) != (to == PlanStatus::Active);
        if !allowed {
            return Err(Error::invalid(
                "status",
                Invalid::PlanStatusChange {
                    from: from.label_ja(),
                    to: to.label_ja(),
                },
            ));
        }
        let closed_on = match to {
            PlanStatus::Active => {
                if table::active_plan_of(&self.conn, &plan.row.child_id)?.is_some() {
                    return Err(Error::invalid("status", Invalid::ActivePlanExists));
                }
                None
            }
            _ => Some(done_date("on", request.on.as_deref(), today)?.to_string()),
        };
        let tx = self.conn.transaction()?;
        let mut cols = rows::Columns::new();
        cols.insert("status".into(), to.code().into());
        cols.insert("closed_on".into(), closed_on.into());
        rows::update(
            &tx,
            stamp,
            table::PLAN,
            &plan.id,
            Some(request.row_version),
            &cols,
        )?;
        tx.commit()?;
        self.plan_saved(plan.id.clone(), &plan.id, today)
    }

    /// Adds a task by hand (open), owned by a current team member or nobody.
    pub fn add_task(&mut self, request: &AddTaskRequest, stamp: &Stamp) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        require_active(&plan)?;
        let title = request.title.trim().to_string();
        required("title", &title)?;
        max_len("title", &title, MAX_TITLE)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let due = parse_date("due_date", &request.due_date)?;
        let owner = owner_of(&request.owner);
        if let Some(owner) = &owner {
            require_current_member(&self.conn, &plan.id, owner, today, "owner")?;
        }
        let tx = self.conn.transaction()?;
        let row = TaskRow {
            plan_id: plan.id.clone(),
            position: table::next_task_position(&tx, &plan.id)?,
            phase: request.phase.code().into(),
            role: request.role.code().into(),
            title,
            note,
            owner_member_id: owner,
            offset_days: None,
            due_date: due.to_string(),
            status: TaskStatus::Open.code().into(),
            done_on: None,
        };
        let id = new_id(stamp);
        rows::insert(&tx, stamp, table::TASK, &id, &columns_of(&row))?;
        tx.commit()?;
        self.plan_saved(id, &plan.id, today)
    }

    /// Saves a task's form: phase, role, title, note, owner (a current team member, checked
    /// when it changes), due date and status (with its done date for `done`).
    pub fn update_task(&mut self, request: &UpdateTaskRequest, stamp: &Stamp) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let task = table::find::<TaskRow>(&self.conn, request.task_id.trim())?
            .ok_or_else(|| not_found(table::TASK, &request.task_id))?;
        let plan = live_plan(&self.conn, &task.row.plan_id)?;
        require_active(&plan)?;
        let title = request.title.trim().to_string();
        required("title", &title)?;
        max_len("title", &title, MAX_TITLE)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let due = parse_date("due_date", &request.due_date)?;
        let owner = owner_of(&request.owner);
        // An owner kept as it was stays, even if the membership has ended since.
        if let Some(owner) = &owner
            && task.row.owner_member_id.as_ref() != Some(owner)
        {
            require_current_member(&self.conn, &plan.id, owner, today, "owner")?;
        }
        let done_on = match request.status {
            TaskStatus::Done => match (request.done_on.as_deref(), &task.row.done_on) {
                (None, Some(kept)) => Some(kept.clone()),
                (given, _) => Some(done_date("done_on", given, today)?.to_string()),
            },
            _ => None,
        };
        let row = TaskRow {
            plan_id: task.row.plan_id.clone(),
            position: task.row.position,
            phase: request.phase.code().into(),
            role: request.role.code().into(),
            title,
            note,
            owner_member_id: owner,
            offset_days: task.row.offset_days,
            due_date: due.to_string(),
            status: request.status.code().into(),
            done_on,
        };
        let tx = self.conn.transaction()?;
        rows::update(
            &tx,
            stamp,
            table::TASK,
            &task.id,
            Some(request.row_version),
            &columns_of(&row),
        )?;
        tx.commit()?;
        self.plan_saved(task.id.clone(), &plan.id, today)
    }

    /// Marks a task done on a date (not in the future; today by default).
    pub fn complete_task(
        &mut self,
        request: &CompleteTaskRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let task = table::find::<TaskRow>(&self.conn, request.task_id.trim())?
            .ok_or_else(|| not_found(table::TASK, &request.task_id))?;
        let plan = live_plan(&self.conn, &task.row.plan_id)?;
        require_active(&plan)?;
        let done_on = done_date("done_on", request.done_on.as_deref(), today)?;
        let tx = self.conn.transaction()?;
        set_task_status_record(
            &tx,
            stamp,
            &task.id,
            Some(request.row_version),
            TaskStatus::Done,
            Some(done_on),
        )?;
        tx.commit()?;
        self.plan_saved(task.id.clone(), &plan.id, today)
    }

    /// Records a conference (院内 or 退院前合同) with its date, attendees from the team (anyone
    /// who is or was a member of this plan's team), others present, and minutes.
    pub fn add_conference(
        &mut self,
        request: &AddConferenceRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        require_active(&plan)?;
        let row = check_conference(&self.conn, &plan.id, &request.conference)?;
        let tx = self.conn.transaction()?;
        let id = new_id(stamp);
        rows::insert(&tx, stamp, table::CONFERENCE, &id, &columns_of(&row))?;
        tx.commit()?;
        self.plan_saved(id, &plan.id, today)
    }

    pub fn update_conference(
        &mut self,
        request: &UpdateConferenceRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let conference = table::find::<ConferenceRow>(&self.conn, request.conference_id.trim())?
            .ok_or_else(|| not_found(table::CONFERENCE, &request.conference_id))?;
        let plan = live_plan(&self.conn, &conference.row.plan_id)?;
        require_active(&plan)?;
        let row = check_conference(&self.conn, &plan.id, &request.conference)?;
        let tx = self.conn.transaction()?;
        rows::update(
            &tx,
            stamp,
            table::CONFERENCE,
            &conference.id,
            Some(request.row_version),
            &columns_of(&row),
        )?;
        tx.commit()?;
        self.plan_saved(conference.id.clone(), &plan.id, today)
    }

    /// Records how far the family is with one checklist item: the level, on a date (not in
    /// the future) and by whom; both are required unless the level is back to `none`.
    pub fn set_training(
        &mut self,
        request: &SetTrainingRequest,
        stamp: &Stamp,
    ) -> Result<PlanSaved> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let plan = live_plan(&self.conn, &request.plan_id)?;
        require_active(&plan)?;
        let by_whom = text("by_whom", &request.by_whom, MAX_NAME)?;
        let note = text("note", &request.note, MAX_NOTE)?;
        let on = match request.on.as_deref().map(str::trim) {
            None | Some("") if request.level == TrainingLevel::None => None,
            None | Some("") => return Err(Error::invalid("on", Invalid::Required)),
            Some(d) => Some(past_date("on", d, today)?),
        };
        if request.level != TrainingLevel::None && by_whom.is_empty() {
            return Err(Error::invalid("by_whom", Invalid::Required));
        }
        let row = TrainingRow {
            plan_id: plan.id.clone(),
            item: request.item.code().into(),
            level: request.level.code().into(),
            level_on: on.map(|d| d.to_string()),
            by_whom,
            note,
        };
        let existing = table::training_of(&self.conn, &plan.id, request.item.code())?;
        let tx = self.conn.transaction()?;
        let id = match existing {
            Some(e) => {
                // Recorded by someone else since the form was opened: stale, not overwritten.
                let expected = request.row_version.unwrap_or(-1);
                rows::update(
                    &tx,
                    stamp,
                    table::TRAINING,
                    &e.id,
                    Some(expected),
                    &columns_of(&row),
                )?;
                e.id
            }
            None => {
                let id = new_id(stamp);
                rows::insert(&tx, stamp, table::TRAINING, &id, &columns_of(&row))?;
                id
            }
        };
        tx.commit()?;
        self.plan_saved(id, &plan.id, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_target_date_may_be_today_but_not_before() {
        let today = d("2026-11-24");
        assert_eq!(
            coming_date("target_date", "2026-11-24", today).unwrap(),
            today
        );
        let e = coming_date("target_date", "2026-11-23", today).unwrap_err();
        assert_eq!(e.field(), Some("target_date"));
        assert_eq!(
            coming_date("target_date", "２０２７－０２－２２", today).unwrap(),
            d("2027-02-22"),
            "full-width digits are folded"
        );
    }

    #[test]
    fn a_membership_counts_until_its_last_day() {
        let member = |end: Option<&str>| MemberRow {
            plan_id: "p".into(),
            role: "msw".into(),
            provider_id: None,
            person_name: "大野".into(),
            organisation: String::new(),
            contact: String::new(),
            start_date: "2026-01-01".into(),
            end_date: end.map(str::to_string),
            referral_id: None,
            note: String::new(),
        };
        let today = d("2026-11-24");
        assert!(is_current(&member(None), today));
        assert!(is_current(&member(Some("2026-11-24")), today), "ends today");
        assert!(!is_current(&member(Some("2026-11-23")), today));
    }

    #[test]
    fn shifting_past_the_calendar_is_refused_not_a_panic() {
        assert_eq!(shifted("f", d("2026-11-24"), -90).unwrap(), d("2026-08-26"));
        assert!(shifted("f", NaiveDate::MAX, 1).is_err());
    }
}
