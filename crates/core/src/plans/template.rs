//! Pathway templates: the default one (DOMAIN.md §5, after 岐阜県版小児在宅パス and the 2024
//! pediatric home-care guideline), seeded with schema 6, and the use cases that list, read and
//! save (edit) templates in settings.

use chrono::{TimeZone, Utc};
use rusqlite::Transaction;

use crate::cases::validate::{max_len, required};
use crate::domain::role::Role;
use crate::error::{Error, Invalid, Result};
use crate::plans::types::*;
use crate::record::{Stamp, id_with_random, new_id};
use crate::store::plan::{self as table, Stored, TemplateRow, TemplateTaskRow};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

/// One row of a template: (phase, days relative to the target date, role, title, note).
type TemplateLine = (Phase, i32, Role, &'static str, &'static str);

/// The default pathway. Where DOMAIN.md's table lists several roles for a task, the first is
/// its role and the others are named in the note; where it lists none, the role that usually
/// does it here is given (see docs/DEVELOPMENT.md, "Plans"). 在宅 tasks spread over +1…+30.
pub const DEFAULT_TASKS: &[TemplateLine] = &[
    (
        Phase::Introduction,
        -90,
        Role::AttendingPhysician,
        "院内カンファレンス",
        "ほかに 看護師・MSW",
    ),
    (
        Phase::Introduction,
        -90,
        Role::AttendingPhysician,
        "在宅医療機器の選定",
        "",
    ),
    (
        Phase::Introduction,
        -90,
        Role::Msw,
        "身体障害者手帳・特別児童扶養手当・養育医療・小児慢性の申請開始",
        "",
    ),
    (
        Phase::Introduction,
        -90,
        Role::WardNurse,
        "家族の支援体制・受容の評価",
        "",
    ),
    (
        Phase::Introduction,
        -90,
        Role::Msw,
        "訪問看護・在宅医・相談支援の候補探し",
        "",
    ),
    (
        Phase::Preparation,
        -60,
        Role::Msw,
        "第1回 退院前合同カンファレンス",
        "参加: 全員",
    ),
    (
        Phase::Preparation,
        -60,
        Role::AttendingPhysician,
        "緊急時対応と緊急入院先の確認",
        "",
    ),
    (
        Phase::Preparation,
        -60,
        Role::AttendingPhysician,
        "紹介状・消防への情報提供書",
        "",
    ),
    (
        Phase::Preparation,
        -60,
        Role::WardNurse,
        "24時間スケジュール作成",
        "",
    ),
    (
        Phase::Preparation,
        -60,
        Role::WardNurse,
        "家族の手技習得の確認",
        "",
    ),
    (Phase::Preparation, -60, Role::Msw, "移動手段の検討", ""),
    (
        Phase::Transition,
        -30,
        Role::Msw,
        "第2回 退院前合同カンファレンス",
        "参加: 全員",
    ),
    (
        Phase::Transition,
        -30,
        Role::AttendingPhysician,
        "訪問看護指示書",
        "",
    ),
    (
        Phase::Transition,
        -30,
        Role::WardNurse,
        "自宅の機器配置・環境確認と家庭訪問",
        "",
    ),
    (Phase::Transition, -30, Role::WardNurse, "外泊訓練", ""),
    (
        Phase::Transition,
        -30,
        Role::AttendingPhysician,
        "外来予約",
        "",
    ),
    (
        Phase::Transition,
        -30,
        Role::Coordinator,
        "短期入所の事前登録",
        "",
    ),
    (Phase::Discharge, 0, Role::Msw, "退院当日の移送", ""),
    (
        Phase::Discharge,
        0,
        Role::VisitingNurse,
        "訪問看護の初回訪問",
        "",
    ),
    (Phase::Home, 7, Role::PublicHealthNurse, "保健師の訪問", ""),
    (Phase::Home, 7, Role::Coordinator, "電力会社への登録", ""),
    (
        Phase::Home,
        14,
        Role::AttendingPhysician,
        "外来フォロー",
        "",
    ),
    (
        Phase::Home,
        30,
        Role::Coordinator,
        "避難行動要支援者名簿・個別避難計画",
        "",
    ),
    (
        Phase::Home,
        30,
        Role::Coordinator,
        "災害時連絡網への登録",
        "",
    ),
];

pub const DEFAULT_NAME: &str = "標準の退院支援パス";
const DEFAULT_NOTE: &str =
    "岐阜県版小児在宅パスと2024年の小児在宅医療ガイドラインに基づく既定のテンプレート";

const MAX_NAME: usize = 100;
const MAX_TITLE: usize = 200;
const MAX_NOTE: usize = 2000;
/// Offsets reach a year either side of the target date.
const MAX_OFFSET: i32 = 365;

/// Writes the default template with its audit rows. Its ids are fixed (the same on every
/// laptop, so a later sync sees one default template, not one per laptop), and so is its
/// stamp: the release of schema 6, by the app itself.
pub(crate) fn seed_default(tx: &Transaction<'_>) -> Result<()> {
    let stamp = Stamp::new(
        "kakehashi",
        Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0)
            .single()
            .expect("a valid instant"),
    );
    let seeded_id = |n: u8| id_with_random(&stamp, [0x6b, 0x68, 0, 0, 0, 0, 0, 0, 0, n]);
    let template_id = seeded_id(0);
    let row = TemplateRow {
        name: DEFAULT_NAME.into(),
        is_default: true,
        note: DEFAULT_NOTE.into(),
    };
    rows::insert(tx, &stamp, table::TEMPLATE, &template_id, &columns_of(&row))?;
    for (i, &(phase, offset_days, role, title, note)) in DEFAULT_TASKS.iter().enumerate() {
        let row = TemplateTaskRow {
            template_id: template_id.clone(),
            position: i as u32,
            phase: phase.code().into(),
            role: role.code().into(),
            title: title.into(),
            note: note.into(),
            offset_days,
        };
        let id = seeded_id(u8::try_from(i + 1).expect("the default template is short"));
        rows::insert(tx, &stamp, table::TEMPLATE_TASK, &id, &columns_of(&row))?;
    }
    Ok(())
}

pub(crate) fn template_not_found(id: &str) -> Error {
    Error::NotFound {
        entity: table::TEMPLATE,
        id: id.to_string(),
    }
}

fn code<T>(found: Option<T>, what: &str, code: &str) -> Result<T> {
    found.ok_or_else(|| Error::Internal(format!("unknown {what} {code} in the database")))
}

pub(crate) fn phase_of(code_text: &str) -> Result<Phase> {
    code(Phase::from_code(code_text), "phase", code_text)
}

pub(crate) fn role_of(code_text: &str) -> Result<Role> {
    code(Role::from_code(code_text), "role", code_text)
}

fn template_task(t: Stored<TemplateTaskRow>) -> Result<TemplateTask> {
    Ok(TemplateTask {
        phase: phase_of(&t.row.phase)?,
        role: role_of(&t.row.role)?,
        id: t.id,
        row_version: t.row_version,
        position: t.row.position,
        title: t.row.title,
        note: t.row.note,
        offset_days: t.row.offset_days,
    })
}

/// A template task as checked and trimmed.
struct CheckedTask {
    id: Option<String>,
    phase: Phase,
    role: Role,
    title: String,
    note: String,
    offset_days: i32,
}

fn check_template(request: &SaveTemplateRequest) -> Result<(String, String, Vec<CheckedTask>)> {
    let name = request.name.trim().to_string();
    required("name", &name)?;
    max_len("name", &name, MAX_NAME)?;
    let note = request.note.trim().to_string();
    max_len("note", &note, MAX_NOTE)?;
    if request.tasks.is_empty() {
        return Err(Error::invalid("tasks", Invalid::Required));
    }
    let mut seen = std::collections::HashSet::new();
    let mut tasks = Vec::with_capacity(request.tasks.len());
    for (i, t) in request.tasks.iter().enumerate() {
        let field = |f: &str| format!("tasks[{i}].{f}");
        let title = t.title.trim().to_string();
        required(&field("title"), &title)?;
        max_len(&field("title"), &title, MAX_TITLE)?;
        let note = t.note.trim().to_string();
        max_len(&field("note"), &note, MAX_NOTE)?;
        if !(-MAX_OFFSET..=MAX_OFFSET).contains(&t.offset_days) {
            return Err(Error::invalid(
                field("offset_days"),
                Invalid::OutOfRange {
                    min: i64::from(-MAX_OFFSET),
                    max: i64::from(MAX_OFFSET),
                },
            ));
        }
        let id =
            t.id.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string);
        if let Some(id) = &id
            && !seen.insert(id.clone())
        {
            return Err(Error::invalid(field("id"), Invalid::DuplicateEntry));
        }
        tasks.push(CheckedTask {
            id,
            phase: t.phase,
            role: t.role,
            title,
            note,
            offset_days: t.offset_days,
        });
    }
    Ok((name, note, tasks))
}

impl Registry {
    /// Every template, the default first, then by name.
    pub fn list_templates(&self) -> Result<Vec<PathwayTemplate>> {
        self.require(Permission::Read)?;
        table::templates(&self.conn)?
            .into_iter()
            .map(|t| self.template_of(t))
            .collect()
    }

    /// One template with its tasks in order.
    pub fn get_template(&self, template_id: &str) -> Result<PathwayTemplate> {
        self.require(Permission::Read)?;
        let t = table::find::<TemplateRow>(&self.conn, template_id)?
            .ok_or_else(|| template_not_found(template_id))?;
        self.template_of(t)
    }

    fn template_of(&self, t: Stored<TemplateRow>) -> Result<PathwayTemplate> {
        let tasks = table::template_tasks(&self.conn, &t.id)?
            .into_iter()
            .map(template_task)
            .collect::<Result<_>>()?;
        Ok(PathwayTemplate {
            id: t.id,
            row_version: t.row_version,
            name: t.row.name,
            note: t.row.note,
            is_default: t.row.is_default,
            tasks,
        })
    }

    /// Saves a template whole in one transaction: its name, note, whether new plans get it,
    /// and its tasks in the order given (existing ones by id, new ones without, those left out
    /// removed). Plans made from it earlier keep their own tasks.
    pub fn save_template(
        &mut self,
        request: &SaveTemplateRequest,
        stamp: &Stamp,
    ) -> Result<PathwayTemplate> {
        self.require(Permission::Write)?;
        let (name, note, tasks) = check_template(request)?;
        let existing = match request.id.as_deref() {
            Some(id) => Some(
                table::find::<TemplateRow>(&self.conn, id)?
                    .ok_or_else(|| template_not_found(id))?,
            ),
            None => None,
        };
        if let Some(t) = &existing
            && t.row.is_default
            && !request.is_default
        {
            return Err(Error::invalid("is_default", Invalid::DefaultTemplateNeeded));
        }
        let old_tasks = match &existing {
            Some(t) => table::template_tasks(&self.conn, &t.id)?,
            None => Vec::new(),
        };
        for (i, t) in tasks.iter().enumerate() {
            if let Some(id) = &t.id
                && !old_tasks.iter().any(|o| &o.id == id)
            {
                return Err(Error::NotFound {
                    entity: table::TEMPLATE_TASK,
                    id: format!("{id} (tasks[{i}])"),
                });
            }
        }
        let tx = self.conn.transaction()?;
        if request.is_default
            && let Some(current) = table::default_template_id(&tx)?
            && Some(current.as_str()) != request.id.as_deref()
        {
            let mut cols = rows::Columns::new();
            cols.insert("is_default".into(), 0.into());
            rows::update(&tx, stamp, table::TEMPLATE, &current, None, &cols)?;
        }
        let row = TemplateRow {
            name,
            is_default: request.is_default,
            note,
        };
        let (template_id, row_changed) = match &existing {
            Some(t) => {
                // An existing template is saved from a form that saw its version; without
                // one the save is refused as stale rather than overwriting blindly.
                let changed = rows::update(
                    &tx,
                    stamp,
                    table::TEMPLATE,
                    &t.id,
                    Some(request.row_version.unwrap_or(-1)),
                    &columns_of(&row),
                )?;
                (t.id.clone(), changed)
            }
            None => {
                let id = new_id(stamp);
                rows::insert(&tx, stamp, table::TEMPLATE, &id, &columns_of(&row))?;
                (id, true)
            }
        };
        let mut tasks_changed = false;
        for old in &old_tasks {
            if !tasks
                .iter()
                .any(|t| t.id.as_deref() == Some(old.id.as_str()))
            {
                rows::tombstone(&tx, stamp, table::TEMPLATE_TASK, &old.id)?;
                tasks_changed = true;
            }
        }
        for (i, t) in tasks.into_iter().enumerate() {
            let row = TemplateTaskRow {
                template_id: template_id.clone(),
                position: i as u32,
                phase: t.phase.code().into(),
                role: t.role.code().into(),
                title: t.title,
                note: t.note,
                offset_days: t.offset_days,
            };
            match t.id {
                Some(id) => {
                    tasks_changed |= rows::update(
                        &tx,
                        stamp,
                        table::TEMPLATE_TASK,
                        &id,
                        None,
                        &columns_of(&row),
                    )?;
                }
                None => {
                    rows::insert(
                        &tx,
                        stamp,
                        table::TEMPLATE_TASK,
                        &new_id(stamp),
                        &columns_of(&row),
                    )?;
                    tasks_changed = true;
                }
            }
        }
        if tasks_changed && !row_changed {
            // A change to its tasks is a change to the template: a stale form must see it.
            rows::touch(&tx, stamp, table::TEMPLATE, &template_id)?;
        }
        tx.commit()?;
        self.get_template(&template_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_pathway_follows_domain_phases_and_offsets() {
        let offsets = |phase: Phase| -> Vec<i32> {
            DEFAULT_TASKS
                .iter()
                .filter(|t| t.0 == phase)
                .map(|t| t.1)
                .collect()
        };
        assert!(offsets(Phase::Introduction).iter().all(|&d| d == -90));
        assert!(offsets(Phase::Preparation).iter().all(|&d| d == -60));
        assert!(offsets(Phase::Transition).iter().all(|&d| d == -30));
        assert!(offsets(Phase::Discharge).iter().all(|&d| d == 0));
        assert!(
            offsets(Phase::Home).iter().all(|&d| (1..=30).contains(&d)),
            "在宅 tasks fall within the first month at home"
        );
        let mut phases: Vec<Phase> = DEFAULT_TASKS.iter().map(|t| t.0).collect();
        let listed = phases.clone();
        phases.sort();
        assert_eq!(phases, listed, "the template is in time order");
        assert_eq!(DEFAULT_TASKS.len(), 24, "DOMAIN.md §5 lists 24 tasks");
    }
}
