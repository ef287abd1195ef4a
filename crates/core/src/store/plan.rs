//! The planning tables (`plan`, `plan_task`, `team_member`, `referral`, `conference`,
//! `training_item`, `pathway_template`, `pathway_template_task`): row structs (written
//! through `store::rows`, their field names are the columns) and reads.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, ToSql};
use serde::Serialize;

use crate::error::Result;

pub const PLAN: &str = "plan";
pub const TASK: &str = "plan_task";
pub const MEMBER: &str = "team_member";
pub const REFERRAL: &str = "referral";
pub const CONFERENCE: &str = "conference";
pub const TRAINING: &str = "training_item";
pub const TEMPLATE: &str = "pathway_template";
pub const TEMPLATE_TASK: &str = "pathway_template_task";

#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    pub child_id: String,
    pub target_date: String,
    pub status: String,
    pub closed_on: Option<String>,
    pub template_id: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub plan_id: String,
    pub position: u32,
    pub phase: String,
    pub role: String,
    pub title: String,
    pub note: String,
    pub owner_member_id: Option<String>,
    pub offset_days: Option<i32>,
    pub due_date: String,
    pub status: String,
    pub done_on: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub plan_id: String,
    pub role: String,
    pub provider_id: Option<String>,
    pub person_name: String,
    pub organisation: String,
    pub contact: String,
    pub start_date: String,
    pub end_date: Option<String>,
    pub referral_id: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferralRow {
    pub plan_id: String,
    pub provider_id: String,
    pub role: String,
    pub status: String,
    pub status_on: String,
    pub sent_on: Option<String>,
    pub decided_on: Option<String>,
    pub start_on: Option<String>,
    pub ended_on: Option<String>,
    pub reason: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConferenceRow {
    pub plan_id: String,
    pub kind: String,
    pub held_on: String,
    pub title: String,
    /// A JSON array of team member ids.
    pub attendee_ids: serde_json::Value,
    pub other_attendees: String,
    pub minutes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainingRow {
    pub plan_id: String,
    pub item: String,
    pub level: String,
    pub level_on: Option<String>,
    pub by_whom: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TemplateRow {
    pub name: String,
    pub is_default: bool,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TemplateTaskRow {
    pub template_id: String,
    pub position: u32,
    pub phase: String,
    pub role: String,
    pub title: String,
    pub note: String,
    pub offset_days: i32,
}

/// A live row as read back, with its record columns.
#[derive(Debug, Clone)]
pub struct Stored<R> {
    pub id: String,
    pub row_version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub row: R,
}

/// A planning row type: its table, its columns (after the record columns) and how to read
/// them from column `at` on.
pub trait PlanningRow: Sized {
    const TABLE: &'static str;
    const COLUMNS: &'static str;
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self>;
}

impl PlanningRow for PlanRow {
    const TABLE: &'static str = PLAN;
    const COLUMNS: &'static str = "child_id, target_date, status, closed_on, template_id, note";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(PlanRow {
            child_id: r.get(at)?,
            target_date: r.get(at + 1)?,
            status: r.get(at + 2)?,
            closed_on: r.get(at + 3)?,
            template_id: r.get(at + 4)?,
            note: r.get(at + 5)?,
        })
    }
}

impl PlanningRow for TaskRow {
    const TABLE: &'static str = TASK;
    const COLUMNS: &'static str = "plan_id, position, phase, role, title, note, owner_member_id,
        offset_days, due_date, status, done_on";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(TaskRow {
            plan_id: r.get(at)?,
            position: r.get(at + 1)?,
            phase: r.get(at + 2)?,
            role: r.get(at + 3)?,
            title: r.get(at + 4)?,
            note: r.get(at + 5)?,
            owner_member_id: r.get(at + 6)?,
            offset_days: r.get(at + 7)?,
            due_date: r.get(at + 8)?,
            status: r.get(at + 9)?,
            done_on: r.get(at + 10)?,
        })
    }
}

impl PlanningRow for MemberRow {
    const TABLE: &'static str = MEMBER;
    const COLUMNS: &'static str = "plan_id, role, provider_id, person_name, organisation, contact,
        start_date, end_date, referral_id, note";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(MemberRow {
            plan_id: r.get(at)?,
            role: r.get(at + 1)?,
            provider_id: r.get(at + 2)?,
            person_name: r.get(at + 3)?,
            organisation: r.get(at + 4)?,
            contact: r.get(at + 5)?,
            start_date: r.get(at + 6)?,
            end_date: r.get(at + 7)?,
            referral_id: r.get(at + 8)?,
            note: r.get(at + 9)?,
        })
    }
}

impl PlanningRow for ReferralRow {
    const TABLE: &'static str = REFERRAL;
    const COLUMNS: &'static str = "plan_id, provider_id, role, status, status_on, sent_on,
        decided_on, start_on, ended_on, reason, note";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(ReferralRow {
            plan_id: r.get(at)?,
            provider_id: r.get(at + 1)?,
            role: r.get(at + 2)?,
            status: r.get(at + 3)?,
            status_on: r.get(at + 4)?,
            sent_on: r.get(at + 5)?,
            decided_on: r.get(at + 6)?,
            start_on: r.get(at + 7)?,
            ended_on: r.get(at + 8)?,
            reason: r.get(at + 9)?,
            note: r.get(at + 10)?,
        })
    }
}

impl PlanningRow for ConferenceRow {
    const TABLE: &'static str = CONFERENCE;
    const COLUMNS: &'static str =
        "plan_id, kind, held_on, title, attendee_ids, other_attendees, minutes";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(ConferenceRow {
            plan_id: r.get(at)?,
            kind: r.get(at + 1)?,
            held_on: r.get(at + 2)?,
            title: r.get(at + 3)?,
            attendee_ids: crate::store::json_column(&r.get::<_, String>(at + 4)?),
            other_attendees: r.get(at + 5)?,
            minutes: r.get(at + 6)?,
        })
    }
}

impl PlanningRow for TrainingRow {
    const TABLE: &'static str = TRAINING;
    const COLUMNS: &'static str = "plan_id, item, level, level_on, by_whom, note";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(TrainingRow {
            plan_id: r.get(at)?,
            item: r.get(at + 1)?,
            level: r.get(at + 2)?,
            level_on: r.get(at + 3)?,
            by_whom: r.get(at + 4)?,
            note: r.get(at + 5)?,
        })
    }
}

impl PlanningRow for TemplateRow {
    const TABLE: &'static str = TEMPLATE;
    const COLUMNS: &'static str = "name, is_default, note";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(TemplateRow {
            name: r.get(at)?,
            is_default: r.get(at + 1)?,
            note: r.get(at + 2)?,
        })
    }
}

impl PlanningRow for TemplateTaskRow {
    const TABLE: &'static str = TEMPLATE_TASK;
    const COLUMNS: &'static str = "template_id, position, phase, role, title, note, offset_days";
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Self> {
        Ok(TemplateTaskRow {
            template_id: r.get(at)?,
            position: r.get(at + 1)?,
            phase: r.get(at + 2)?,
            role: r.get(at + 3)?,
            title: r.get(at + 4)?,
            note: r.get(at + 5)?,
            offset_days: r.get(at + 6)?,
        })
    }
}

fn stored<R: PlanningRow>(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored<R>> {
    Ok(Stored {
        id: r.get(0)?,
        row_version: r.get(1)?,
        created_at: r.get(2)?,
        updated_at: r.get(3)?,
        row: R::read(r, 4)?,
    })
}

/// Live rows of `R`'s table matching `filter` (SQL over its columns, our own text only),
/// ordered by `order`.
fn select<R: PlanningRow>(
    conn: &Connection,
    filter: &str,
    order: &str,
    params: &[&dyn ToSql],
) -> Result<Vec<Stored<R>>> {
    let sql = format!(
        "SELECT id, row_version, created_at, updated_at, {} FROM {} \
         WHERE deleted_at IS NULL AND ({filter}) ORDER BY {order}",
        R::COLUMNS,
        R::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, stored::<R>)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A live row of `R`'s table by id.
pub fn find<R: PlanningRow>(conn: &Connection, id: &str) -> Result<Option<Stored<R>>> {
    Ok(select::<R>(conn, "id = ?1", "id", &[&id])?
        .into_iter()
        .next())
}

/// The live rows of a plan (tasks, members, referrals, conferences, training), oldest first.
pub fn of_plan<R: PlanningRow>(conn: &Connection, plan_id: &str) -> Result<Vec<Stored<R>>> {
    select::<R>(conn, "plan_id = ?1", "created_at, id", &[&plan_id])
}

/// The child's active plan, if it has one.
pub fn active_plan_of(conn: &Connection, child_id: &str) -> Result<Option<Stored<PlanRow>>> {
    Ok(select::<PlanRow>(
        conn,
        "child_id = ?1 AND status = 'active'",
        "id",
        &[&child_id],
    )?
    .into_iter()
    .next())
}

/// Which plan's team is each child's care team: the active plan, else the latest completed one
/// (closed last, then made last) — the team goes on at home after discharge. A cancelled plan
/// has no team. The one rule of the roster and the documents; `?1` is a child id, or NULL for
/// every child.
const TEAM_PLANS: &str = "SELECT child_id, id FROM (
        SELECT child_id, id, row_number() OVER (
                   PARTITION BY child_id
                   ORDER BY status = 'active' DESC, coalesce(closed_on, '') DESC,
                            created_at DESC, id DESC) AS n
        FROM plan
        WHERE deleted_at IS NULL AND status IN ('active', 'completed')
          AND (?1 IS NULL OR child_id = ?1))
    WHERE n = 1";

fn team_plans_where(conn: &Connection, child_id: Option<&str>) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(TEAM_PLANS)?;
    let rows = stmt.query_map([child_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The id of the plan whose team is the child's care team (the active plan, else the latest
/// completed one), if any.
pub fn team_plan_of(conn: &Connection, child_id: &str) -> Result<Option<String>> {
    Ok(team_plans_where(conn, Some(child_id))?.remove(child_id))
}

/// Every child's care-team plan (as [`team_plan_of`]): child id → plan id, in one query.
pub fn team_plans(conn: &Connection) -> Result<HashMap<String, String>> {
    team_plans_where(conn, None)
}

/// The next free task position in a plan.
pub fn next_task_position(conn: &Connection, plan_id: &str) -> Result<u32> {
    let n: Option<i64> = conn
        .prepare_cached("SELECT max(position) FROM plan_task WHERE plan_id = ?1")?
        .query_row([plan_id], |r| r.get(0))?;
    Ok(n.map_or(0, |n| (n + 1).max(0) as u32))
}

/// The live training row of one checklist item of a plan.
pub fn training_of(
    conn: &Connection,
    plan_id: &str,
    item: &str,
) -> Result<Option<Stored<TrainingRow>>> {
    Ok(
        select::<TrainingRow>(conn, "plan_id = ?1 AND item = ?2", "id", &[&plan_id, &item])?
            .into_iter()
            .next(),
    )
}

/// Every live template, the default first, then by name.
pub fn templates(conn: &Connection) -> Result<Vec<Stored<TemplateRow>>> {
    select::<TemplateRow>(conn, "1", "is_default DESC, name, id", &[])
}

/// The live default template's id.
pub fn default_template_id(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM pathway_template WHERE is_default = 1 AND deleted_at IS NULL",
        )?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// A template's live tasks in its order.
pub fn template_tasks(
    conn: &Connection,
    template_id: &str,
) -> Result<Vec<Stored<TemplateTaskRow>>> {
    select::<TemplateTaskRow>(conn, "template_id = ?1", "position, id", &[&template_id])
}

/// What the plan page and the dashboard show of a provider: (name, kind code, phone).
pub fn provider_brief(conn: &Connection, id: &str) -> Result<Option<(String, String, String)>> {
    Ok(conn
        .prepare_cached("SELECT name, kind, phone FROM provider WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// An active plan with its child, for the dashboard.
#[derive(Debug, Clone)]
pub struct ActivePlan {
    pub plan: Stored<PlanRow>,
    pub case_number: String,
    pub child_name: String,
}

/// Every live active plan of a live child, by target date.
pub fn active_plans(conn: &Connection) -> Result<Vec<ActivePlan>> {
    let sql = format!(
        "SELECT p.id, p.row_version, p.created_at, p.updated_at, {}, c.case_number, c.name
         FROM plan p JOIN child c ON c.id = p.child_id
         WHERE p.status = 'active' AND p.deleted_at IS NULL AND c.deleted_at IS NULL
         ORDER BY p.target_date, c.case_number, p.id",
        prefixed("p", PlanRow::COLUMNS)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let n = PlanRow::COLUMNS.split(',').count();
    let rows = stmt.query_map([], |r| {
        Ok(ActivePlan {
            plan: stored::<PlanRow>(r)?,
            case_number: r.get(4 + n)?,
            child_name: r.get(5 + n)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The live tasks of every active plan of a live child that are open and due on or before
/// `until` (ISO date), by due date.
pub fn open_tasks_due_by(conn: &Connection, until: &str) -> Result<Vec<Stored<TaskRow>>> {
    let sql = format!(
        "SELECT t.id, t.row_version, t.created_at, t.updated_at, {}
         FROM plan_task t
         JOIN plan p ON p.id = t.plan_id AND p.status = 'active' AND p.deleted_at IS NULL
         JOIN child c ON c.id = p.child_id AND c.deleted_at IS NULL
         WHERE t.status = 'open' AND t.deleted_at IS NULL AND t.due_date <= ?1
         ORDER BY t.due_date, t.plan_id, t.position, t.id",
        prefixed("t", TaskRow::COLUMNS)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([until], stored::<TaskRow>)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Task counts of every active plan: (plan id, status code, due date < `today`, count).
pub fn task_counts(conn: &Connection, today: &str) -> Result<Vec<(String, String, bool, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.plan_id, t.status, t.due_date < ?1, count(*)
         FROM plan_task t JOIN plan p ON p.id = t.plan_id
         WHERE t.deleted_at IS NULL AND p.status = 'active' AND p.deleted_at IS NULL
         GROUP BY t.plan_id, t.status, t.due_date < ?1",
    )?;
    let rows = stmt.query_map([today], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// `a, b` → `p.a, p.b`.
fn prefixed(alias: &str, columns: &str) -> String {
    columns
        .split(',')
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}
