//! Use cases that read plans: the plan page (by plan or by child) and the dashboard of tasks
//! due this week, overdue tasks and active plans by target date.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::cases::read::months_between;
use crate::domain::child_status::ChildStatus;
use crate::domain::provider_kind::ProviderKind;
use crate::domain::role::Role;
use crate::error::{Error, Result};
use crate::plans::team::referral_status_of;
use crate::plans::template::{phase_of, role_of};
use crate::plans::types::*;
use crate::plans::write::{date_of, is_current, live_plan, not_found, shifted, status_of_plan};
use crate::record::Stamp;
use crate::store::audit;
use crate::store::plan::{
    self as table, ConferenceRow, MemberRow, PlanRow, ReferralRow, Stored, TaskRow, TrainingRow,
};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

fn kind_of(code: &str) -> Result<ProviderKind> {
    ProviderKind::ALL
        .into_iter()
        .find(|k| k.code() == code)
        .ok_or_else(|| Error::Internal(format!("unknown provider kind {code} in the database")))
}

fn plan_of(p: Stored<PlanRow>) -> Result<Plan> {
    Ok(Plan {
        status: status_of_plan(&p)?,
        id: p.id,
        row_version: p.row_version,
        child_id: p.row.child_id,
        target_date: p.row.target_date,
        closed_on: p.row.closed_on,
        template_id: p.row.template_id,
        note: p.row.note,
        created_at: p.created_at,
        updated_at: p.updated_at,
    })
}

fn member_of(conn: &Connection, m: Stored<MemberRow>, today: NaiveDate) -> Result<TeamMember> {
    let (provider_name, provider_kind, phone) = match &m.row.provider_id {
        Some(id) => {
            let (name, kind, phone) =
                table::provider_brief(conn, id)?.ok_or_else(|| not_found("provider", id))?;
            (Some(name), Some(kind_of(&kind)?), phone)
        }
        None => (None, None, String::new()),
    };
    Ok(TeamMember {
        current: is_current(&m.row, today),
        role: role_of(&m.row.role)?,
        name: provider_name.unwrap_or_else(|| m.row.person_name.clone()),
        contact: if m.row.contact.is_empty() {
            phone
        } else {
            m.row.contact
        },
        id: m.id,
        row_version: m.row_version,
        provider_id: m.row.provider_id,
        provider_kind,
        person_name: m.row.person_name,
        organisation: m.row.organisation,
        start_date: m.row.start_date,
        end_date: m.row.end_date,
        referral_id: m.row.referral_id,
        note: m.row.note,
    })
}

fn task_of(t: Stored<TaskRow>, owner_name: String, today: NaiveDate) -> Result<PlanTask> {
    let status = TaskStatus::from_code(&t.row.status)
        .ok_or_else(|| Error::Internal(format!("unknown task status {}", t.row.status)))?;
    Ok(PlanTask {
        overdue: status == TaskStatus::Open && date_of(&t.row.due_date)? < today,
        phase: phase_of(&t.row.phase)?,
        role: role_of(&t.row.role)?,
        status,
        owner_name,
        id: t.id,
        row_version: t.row_version,
        position: t.row.position,
        title: t.row.title,
        note: t.row.note,
        owner: t.row.owner_member_id,
        offset_days: t.row.offset_days,
        due_date: t.row.due_date,
        done_on: t.row.done_on,
    })
}

/// A referral's statuses over time, replayed from its audit rows (creation, then each change).
fn referral_history(conn: &Connection, id: &str) -> Result<Vec<ReferralEvent>> {
    let mut events = Vec::new();
    let (mut status, mut on, mut reason) = (None::<ReferralStatus>, String::new(), String::new());
    for row in audit::history(conn, table::REFERRAL, id)? {
        let mut moved = false;
        for change in row.changes.as_array().into_iter().flatten() {
            let after = change["after"].as_str().unwrap_or_default();
            match change["field"].as_str() {
                Some("status") => {
                    status = ReferralStatus::from_code(after);
                    moved = true;
                }
                Some("status_on") => on = after.to_string(),
                Some("reason") => reason = after.to_string(),
                _ => {}
            }
        }
        if let (true, Some(status)) = (moved, status) {
            events.push(ReferralEvent {
                status,
                on: on.clone(),
                reason: reason.clone(),
                recorded_at: row.at,
                actor: row.actor,
            });
        }
    }
    Ok(events)
}

fn referral_of(conn: &Connection, r: Stored<ReferralRow>) -> Result<Referral> {
    let (name, kind, _) = table::provider_brief(conn, &r.row.provider_id)?
        .ok_or_else(|| not_found("provider", &r.row.provider_id))?;
    let status = referral_status_of(&r)?;
    Ok(Referral {
        history: referral_history(conn, &r.id)?,
        next: status.next().to_vec(),
        status,
        role: role_of(&r.row.role)?,
        provider_kind: kind_of(&kind)?,
        provider_name: name,
        id: r.id,
        row_version: r.row_version,
        provider_id: r.row.provider_id,
        status_on: r.row.status_on,
        sent_on: r.row.sent_on,
        decided_on: r.row.decided_on,
        start_on: r.row.start_on,
        ended_on: r.row.ended_on,
        reason: r.row.reason,
        note: r.row.note,
    })
}

fn conference_of(c: Stored<ConferenceRow>, team: &[TeamMember]) -> Result<Conference> {
    let kind = ConferenceKind::from_code(&c.row.kind)
        .ok_or_else(|| Error::Internal(format!("unknown conference kind {}", c.row.kind)))?;
    let attendees = c
        .row
        .attendee_ids
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|id| id.as_str())
        .filter_map(|id| team.iter().find(|m| m.id == id))
        .map(|m| Attendee {
            member_id: m.id.clone(),
            name: m.name.clone(),
            role: m.role,
        })
        .collect();
    Ok(Conference {
        id: c.id,
        row_version: c.row_version,
        kind,
        held_on: c.row.held_on,
        title: c.row.title,
        attendees,
        other_attendees: c.row.other_attendees,
        minutes: c.row.minutes,
    })
}

fn training_of(rows: &[Stored<TrainingRow>]) -> Result<Vec<TrainingEntry>> {
    TrainingItem::ALL
        .iter()
        .map(
            |&item| match rows.iter().find(|r| r.row.item == item.code()) {
                None => Ok(TrainingEntry {
                    item,
                    id: None,
                    row_version: None,
                    level: TrainingLevel::None,
                    on: None,
                    by_whom: String::new(),
                    note: String::new(),
                }),
                Some(r) => Ok(TrainingEntry {
                    item,
                    id: Some(r.id.clone()),
                    row_version: Some(r.row_version),
                    level: TrainingLevel::from_code(&r.row.level).ok_or_else(|| {
                        Error::Internal(format!("unknown training level {}", r.row.level))
                    })?,
                    on: r.row.level_on.clone(),
                    by_whom: r.row.by_whom.clone(),
                    note: r.row.note.clone(),
                }),
            },
        )
        .collect()
}

/// Roles a provider can fill that no current member of `team` fills.
fn open_roles(team: &[TeamMember]) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|r| r.is_referable() && !team.iter().any(|m| m.current && m.role == *r))
        .collect()
}

/// Names of team members by id (display name, person name), read as needed.
struct MemberNames<'c> {
    conn: &'c Connection,
    known: HashMap<String, (String, String)>,
}

impl MemberNames<'_> {
    fn get(&mut self, id: &str) -> Result<(String, String)> {
        if let Some(n) = self.known.get(id) {
            return Ok(n.clone());
        }
        let names = match table::find::<MemberRow>(self.conn, id)? {
            Some(m) => {
                let display = match &m.row.provider_id {
                    Some(p) => table::provider_brief(self.conn, p)?
                        .map(|b| b.0)
                        .unwrap_or_default(),
                    None => m.row.person_name.clone(),
                };
                (display, m.row.person_name)
            }
            None => (String::new(), String::new()),
        };
        self.known.insert(id.to_string(), names.clone());
        Ok(names)
    }
}

impl Registry {
    /// The plan page: the plan, its child (with the age in months on the target date), tasks,
    /// team, roles still to fill, referrals with their history, conferences and training.
    pub fn get_plan(&self, plan_id: &str, stamp: &Stamp) -> Result<PlanDetail> {
        self.require(Permission::Read)?;
        self.plan_detail(plan_id, stamp.today())
    }

    /// The child's active plan, if it has one.
    pub fn plan_for_child(&self, child_id: &str, stamp: &Stamp) -> Result<Option<PlanDetail>> {
        self.require(Permission::Read)?;
        let child_id = child_id.trim();
        if crate::store::child::find(&self.conn, child_id)?.is_none() {
            return Err(not_found(crate::store::child::CHILD, child_id));
        }
        match table::active_plan_of(&self.conn, child_id)? {
            Some(p) => Ok(Some(self.plan_detail(&p.id, stamp.today())?)),
            None => Ok(None),
        }
    }

    pub(crate) fn plan_detail(&self, plan_id: &str, today: NaiveDate) -> Result<PlanDetail> {
        let conn = &self.conn;
        let plan = live_plan(conn, plan_id)?;
        let child = crate::store::child::find(conn, &plan.row.child_id)?
            .ok_or_else(|| not_found(crate::store::child::CHILD, &plan.row.child_id))?;
        let target = date_of(&plan.row.target_date)?;
        let child = PlanChild {
            age_months_at_target: months_between(date_of(&child.row.date_of_birth)?, target),
            status: ChildStatus::from_code(&child.row.status).ok_or_else(|| {
                Error::Internal(format!("unknown child status {}", child.row.status))
            })?,
            id: child.id,
            case_number: child.row.case_number,
            name: child.row.name,
            kana: child.row.kana,
            date_of_birth: child.row.date_of_birth,
        };
        let mut team = table::of_plan::<MemberRow>(conn, &plan.id)?
            .into_iter()
            .map(|m| member_of(conn, m, today))
            .collect::<Result<Vec<_>>>()?;
        team.sort_by(|a, b| {
            b.current
                .cmp(&a.current)
                .then(a.role.cmp(&b.role))
                .then_with(|| a.start_date.cmp(&b.start_date))
        });
        let mut tasks = table::of_plan::<TaskRow>(conn, &plan.id)?
            .into_iter()
            .map(|t| {
                let owner = t
                    .row
                    .owner_member_id
                    .as_deref()
                    .and_then(|id| team.iter().find(|m| m.id == id))
                    .map(|m| m.name.clone())
                    .unwrap_or_default();
                task_of(t, owner, today)
            })
            .collect::<Result<Vec<_>>>()?;
        tasks.sort_by(|a, b| {
            (&a.due_date, a.phase, a.position).cmp(&(&b.due_date, b.phase, b.position))
        });
        let mut referrals = table::of_plan::<ReferralRow>(conn, &plan.id)?
            .into_iter()
            .map(|r| referral_of(conn, r))
            .collect::<Result<Vec<_>>>()?;
        // Newest first: of_plan gives creation order.
        referrals.reverse();
        let mut conferences = table::of_plan::<ConferenceRow>(conn, &plan.id)?
            .into_iter()
            .map(|c| conference_of(c, &team))
            .collect::<Result<Vec<_>>>()?;
        conferences.sort_by(|a, b| a.held_on.cmp(&b.held_on));
        let training = training_of(&table::of_plan::<TrainingRow>(conn, &plan.id)?)?;
        Ok(PlanDetail {
            plan: plan_of(plan)?,
            child,
            today: today.to_string(),
            tasks,
            open_roles: open_roles(&team),
            team,
            referrals,
            conferences,
            training,
        })
    }

    /// The dashboard on `today`: open tasks of active plans due from today to today + 6
    /// (this week) and before today (overdue), only those owned by `owner` when asked; and
    /// every active plan by target date with its task counts.
    pub fn dashboard(&self, request: &DashboardRequest, today: NaiveDate) -> Result<Dashboard> {
        self.require(Permission::Read)?;
        let conn = &self.conn;
        let plans = table::active_plans(conn)?;
        let by_id: HashMap<&str, &table::ActivePlan> =
            plans.iter().map(|p| (p.plan.id.as_str(), p)).collect();
        let week_end = shifted("today", today, 6)?;
        let owner = request.owner.as_deref().map(fold).filter(|o| !o.is_empty());
        let mut names = MemberNames {
            conn,
            known: HashMap::new(),
        };
        let (mut due_this_week, mut overdue) = (Vec::new(), Vec::new());
        for t in table::open_tasks_due_by(conn, &week_end.to_string())? {
            let Some(p) = by_id.get(t.row.plan_id.as_str()) else {
                continue;
            };
            let (display, person) = match &t.row.owner_member_id {
                Some(id) => names.get(id)?,
                None => (String::new(), String::new()),
            };
            if let Some(o) = &owner
                && fold(&display) != *o
                && fold(&person) != *o
            {
                continue;
            }
            let task = task_of(t, display, today)?;
            let entry = DashboardTask {
                plan_id: p.plan.id.clone(),
                child_id: p.plan.row.child_id.clone(),
                case_number: p.case_number.clone(),
                child_name: p.child_name.clone(),
                target_date: p.plan.row.target_date.clone(),
                task,
            };
            if entry.task.overdue {
                overdue.push(entry);
            } else {
                due_this_week.push(entry);
            }
        }
        let mut counts: HashMap<String, PlanSummary> = HashMap::new();
        for p in &plans {
            let target = date_of(&p.plan.row.target_date)?;
            counts.insert(
                p.plan.id.clone(),
                PlanSummary {
                    plan_id: p.plan.id.clone(),
                    child_id: p.plan.row.child_id.clone(),
                    case_number: p.case_number.clone(),
                    child_name: p.child_name.clone(),
                    target_date: p.plan.row.target_date.clone(),
                    days_to_target: (target - today).num_days() as i32,
                    open_tasks: 0,
                    overdue_tasks: 0,
                    done_tasks: 0,
                    total_tasks: 0,
                },
            );
        }
        for (plan_id, status, before_today, n) in table::task_counts(conn, &today.to_string())? {
            let Some(s) = counts.get_mut(&plan_id) else {
                continue;
            };
            s.total_tasks += n;
            match TaskStatus::from_code(&status) {
                Some(TaskStatus::Open) => {
                    s.open_tasks += n;
                    if before_today {
                        s.overdue_tasks += n;
                    }
                }
                Some(TaskStatus::Done) => s.done_tasks += n,
                _ => {}
            }
        }
        let plans = plans
            .iter()
            .filter_map(|p| counts.remove(&p.plan.id))
            .collect();
        Ok(Dashboard {
            today: today.to_string(),
            due_this_week,
            overdue,
            plans,
        })
    }
}
