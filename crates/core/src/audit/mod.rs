//! The audit log as people use it (issue 8): checking the hash chain for tampering
//! ([`Registry::verify_audit`]) and reading it with filters ([`Registry::audit_entries`]).
//! Writing it is `store::audit` (the chain's encoding is documented there).
//!
//! What the chain shows and what it cannot: the database is encrypted (SQLCipher, with a key
//! only the passphrase unwraps), so nobody edits it without the key. The chain is for edits
//! made *with* the key outside the app — a SQLCipher shell or a script with the passphrase —
//! which skip the append-only triggers by dropping them: any edited, deleted, inserted or
//! reordered row, and rows removed from the end (the head is kept apart, in `audit_head`),
//! are found and located. Someone who knows this scheme and rewrites every later row's hash
//! *and* the head in one go is not detected: that needs a copy of the head kept outside the
//! laptop (see docs/DEVELOPMENT.md, "Audit chain").

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Lang, Result};
use crate::record::start_of_day;
use crate::store::audit::{ChainRow, GENESIS};
use crate::users::Permission;
use crate::vault::Registry;

/// How far around a row's seq a moved row is looked for (a reordering or a renumbering).
const MOVED_WINDOW: i64 = 8;
/// Page size of the audit list (default, most).
const DEFAULT_LIMIT: u32 = 100;
const MAX_LIMIT: u32 = 1000;

/// What kind of break the verification found first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditBreakKind {
    /// A row's content no longer matches its hash (a field was changed).
    Edited,
    /// A row's content hashes as another seq: rows were reordered, or rows were inserted or
    /// deleted and the rest renumbered.
    Moved,
    /// A gap in seq: rows were deleted.
    Missing,
    /// A row that is consistent in itself does not follow the row before it: the row before
    /// was replaced, or this one was inserted.
    Unlinked,
    /// A row after the recorded head: appended outside the app.
    Inserted,
    /// The head says more rows were written than there are: rows removed from the end.
    Truncated,
    /// The last row is not the one the head recorded: replaced.
    HeadReplaced,
    /// The head record itself was deleted.
    HeadMissing,
}

/// The first break in the chain, located.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditBreak {
    pub kind: AuditBreakKind,
    /// The row where the break is (Missing, Truncated: the first missing seq).
    #[ts(type = "number")]
    pub seq: i64,
    /// Missing, Truncated: the last missing seq. Moved: the seq the row was written as.
    #[ts(type = "number | null")]
    pub other_seq: Option<i64>,
    /// The broken row's entity, id and time as they read now (when there is a row).
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub at: Option<String>,
}

/// The answer of [`Registry::verify_audit`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditVerification {
    pub intact: bool,
    /// Rows checked.
    #[ts(type = "number")]
    pub rows: i64,
    /// The head (last seq) as recorded apart from the rows.
    #[ts(type = "number")]
    pub head_seq: i64,
    pub problem: Option<AuditBreak>,
    /// The result in words, saying where the break is.
    pub message: String,
}

/// Filters of the audit list. Dates are office days (UTC+9), both ends included.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditQuery {
    /// Exactly this actor (see [`Registry::audit_actors`]).
    pub actor: Option<String>,
    /// A table code (`child`, `provider`, …).
    pub entity: Option<String>,
    /// `create`, `update`, `delete`, `restore` or `view`.
    pub action: Option<String>,
    /// Rows about this child: the child itself and every record of theirs.
    pub child_id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Page size (default 100, at most 1000).
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: u32,
    #[serde(default)]
    pub lang: Lang,
}

/// One audit row, worded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub entity: String,
    /// The entity in words (児童, 事業所, …).
    pub entity_label: String,
    pub entity_id: String,
    pub action: String,
    /// The action in words (作成, 変更, 閲覧, …).
    pub action_label: String,
    /// The child the row is about, if any.
    pub child_id: Option<String>,
    pub child_name: Option<String>,
    /// The fields changed (column names).
    pub fields: Vec<String>,
    /// One line: what was done to which record.
    pub summary: String,
}

/// A page of the audit list, newest first, with the total matching the filters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    pub total: u32,
    pub entries: Vec<AuditEntry>,
}

/// The actions, in the order the filters offer them.
pub const ACTIONS: [&str; 5] = ["create", "update", "delete", "restore", "view"];

/// An entity code in words.
pub fn entity_label(entity: &str, lang: Lang) -> String {
    let (ja, en) = match entity {
        "child" => ("児童", "Child"),
        "child_care_item" => ("医療的ケア", "Care item"),
        "child_weight" => ("体重", "Weight"),
        "child_diagnosis" => ("診断", "Diagnosis"),
        "child_guardian" => ("保護者", "Guardian"),
        "child_status_change" => ("状態の変更", "Status change"),
        "score_snapshot" => ("判定スコア", "Score snapshot"),
        "provider" => ("事業所", "Provider"),
        "provider_conditions_version" => ("受け入れ条件", "Acceptance conditions"),
        "survey_campaign" => ("調査", "Survey campaign"),
        "survey_target" => ("調査先", "Survey target"),
        "pathway_template" => ("支援計画テンプレート", "Pathway template"),
        "pathway_template_task" => ("テンプレートのタスク", "Template task"),
        "plan" => ("退院支援計画", "Discharge plan"),
        "plan_task" => ("計画のタスク", "Plan task"),
        "team_member" => ("支援チーム", "Team member"),
        "referral" => ("紹介・依頼", "Referral"),
        "conference" => ("カンファレンス", "Conference"),
        "training_item" => ("家族の手技習得", "Family training"),
        "respite_bed_type" => ("短期入所の病床", "Respite bed type"),
        "respite_capacity_exception" => ("病床数の例外", "Capacity exception"),
        "respite_booking" => ("短期入所の予約", "Respite booking"),
        "equipment_type" => ("機器の種類", "Equipment type"),
        "equipment_unit" => ("機器", "Equipment unit"),
        "equipment_loan" => ("機器の貸出", "Equipment loan"),
        "consultation" => ("相談", "Consultation"),
        "disaster_profile" => ("災害時の備え", "Disaster preparedness"),
        "user" => ("利用者", "User"),
        other => return other.to_string(),
    };
    lang.pick(ja.into(), en.into())
}

/// Columns the app keeps for itself (search keys, versions, hashes): changed alongside what a
/// person changed, and left out of the summary.
fn is_internal_field(field: &str) -> bool {
    field.ends_with("_folded")
        || field.ends_with("_digits")
        || matches!(
            field,
            "search_text"
                | "row_version"
                | "updated_at"
                | "updated_by"
                | "created_at"
                | "deleted_at"
                | "conditions_version_id"
                | "rules_version"
        )
}

/// A changed field in words for the summary; a field without words keeps its code.
pub fn field_label(field: &str, lang: Lang) -> String {
    let (ja, en) = match field {
        "name" => ("名前", "name"),
        "kana" => ("よみ", "reading"),
        "date_of_birth" => ("生年月日", "date of birth"),
        "sex" => ("性別", "sex"),
        "status" | "state" => ("状態", "status"),
        "case_number" => ("ケース番号", "case number"),
        "municipality_code" => ("市区町村", "municipality"),
        "address" => ("住所", "address"),
        "phone" | "phone_primary" => ("電話", "phone"),
        "phone_secondary" => ("電話（2）", "second phone"),
        "email" => ("メール", "e-mail"),
        "note" => ("メモ", "note"),
        "relation" => ("続柄", "relation"),
        "perinatal" => ("周産期", "perinatal history"),
        "language_needs" => ("言語の配慮", "language needs"),
        "icd10" => ("ICD-10", "ICD-10"),
        "item" => ("ケア項目", "care item"),
        "supervision" => ("見守り", "supervision"),
        "weight_kg" => ("体重", "weight"),
        "kind" => ("種類", "kind"),
        "conditions" => ("受け入れ条件", "conditions"),
        "accepts_children" => ("小児の受け入れ", "accepts children"),
        "title" => ("件名", "title"),
        "target_date" => ("退院目標日", "target date"),
        "due_date" | "due_on" => ("期限", "due date"),
        "done_on" => ("完了日", "done on"),
        "phase" => ("段階", "phase"),
        "role" => ("役割", "role"),
        "person_name" => ("担当者", "person"),
        "organisation" => ("所属", "organisation"),
        "from_date" | "start_date" | "start_on" => ("開始日", "start"),
        "to_date" | "end_date" | "ended_on" => ("終了日", "end"),
        "beds" => ("病床数", "beds"),
        "devices" => ("医療機器", "devices"),
        "contacts" => ("連絡先", "contacts"),
        "other_power" => ("その他の電源", "other power"),
        "evacuation_site" => ("避難所", "evacuation site"),
        "welfare_shelter" => ("福祉避難所", "welfare shelter"),
        "emergency_hospital" => ("緊急時の病院", "emergency hospital"),
        "power_company" => ("電力会社への登録", "power company registration"),
        "evacuation_list" => ("避難行動要支援者名簿", "evacuation list"),
        "individual_plan" => ("個別避難計画", "individual evacuation plan"),
        "outcome" => ("結果", "outcome"),
        "topic" => ("相談内容", "topic"),
        "login" => ("ユーザー名", "login"),
        "display_name" => ("表示名", "display name"),
        "passphrase" => ("パスフレーズ", "passphrase"),
        "recovery_key" => ("回復キー", "recovery key"),
        other => return other.to_string(),
    };
    lang.pick(ja.into(), en.into())
}

/// An action code in words.
pub fn action_label(action: &str, lang: Lang) -> String {
    let (ja, en) = match action {
        "create" => ("作成", "created"),
        "update" => ("変更", "changed"),
        "delete" => ("削除", "deleted"),
        "restore" => ("復元", "restored"),
        "view" => ("閲覧", "viewed"),
        other => return other.to_string(),
    };
    lang.pick(ja.into(), en.into())
}

impl AuditVerification {
    fn word(rows: i64, head_seq: i64, problem: Option<AuditBreak>, lang: Lang) -> Self {
        let message = match &problem {
            None => lang.pick(
                format!("監査記録 {rows} 件はすべて改ざんされていません（末尾 #{head_seq}）。"),
                format!("All {rows} audit rows are intact (head #{head_seq})."),
            ),
            Some(b) => describe(b, head_seq, lang),
        };
        AuditVerification {
            intact: problem.is_none(),
            rows,
            head_seq,
            problem,
            message,
        }
    }
}

fn describe(b: &AuditBreak, head_seq: i64, lang: Lang) -> String {
    let n = b.seq;
    let what = match (&b.entity, &b.entity_id) {
        (Some(e), Some(id)) => {
            let at = b.at.clone().unwrap_or_default();
            lang.pick(
                format!("（{} {id}、{at}）", entity_label(e, lang)),
                format!(" ({} {id}, {at})", entity_label(e, lang)),
            )
        }
        _ => String::new(),
    };
    let other = b.other_seq.unwrap_or(n);
    let count = other - n + 1;
    match b.kind {
        AuditBreakKind::Edited => lang.pick(
            format!("監査記録 #{n}{what} の内容が書き換えられています（ハッシュが一致しません）。"),
            format!("Audit row #{n}{what} has been altered: its hash does not match."),
        ),
        AuditBreakKind::Moved => lang.pick(
            format!(
                "監査記録 #{n}{what} は #{other} として書かれた記録です。記録の順序が入れ替えられたか、記録が挿入・削除されて番号が振り直されています。"
            ),
            format!(
                "Audit row #{n}{what} was written as #{other}: rows were reordered, or rows were inserted or deleted and renumbered."
            ),
        ),
        AuditBreakKind::Missing => lang.pick(
            format!("監査記録 #{n}〜#{other}（{count} 件）が削除されています。"),
            format!("Audit rows #{n} to #{other} ({count}) have been deleted."),
        ),
        AuditBreakKind::Unlinked => lang.pick(
            format!(
                "監査記録 #{n}{what} が直前の #{} に続いていません。#{} が差し替えられたか、#{n} が挿入されています。",
                n - 1,
                n - 1
            ),
            format!(
                "Audit row #{n}{what} does not follow #{}: #{} was replaced, or #{n} was inserted.",
                n - 1,
                n - 1
            ),
        ),
        AuditBreakKind::Inserted => lang.pick(
            format!(
                "監査記録 #{n}{what} はアプリの外で追加されています（記録された末尾は #{head_seq}）。"
            ),
            format!("Audit row #{n}{what} was added outside the app (the recorded head is #{head_seq})."),
        ),
        AuditBreakKind::Truncated => lang.pick(
            format!("末尾の監査記録 #{n}〜#{other}（{count} 件）が削除されています。"),
            format!("The last audit rows #{n} to #{other} ({count}) have been deleted."),
        ),
        AuditBreakKind::HeadReplaced => lang.pick(
            format!("最後の監査記録 #{n}{what} が差し替えられています（記録された末尾と一致しません）。"),
            format!("The last audit row #{n}{what} has been replaced: it is not the recorded head."),
        ),
        AuditBreakKind::HeadMissing => lang.pick(
            "監査記録の末尾の控え（audit_head）が削除されています。".to_string(),
            "The record of the audit log's head (audit_head) has been deleted.".to_string(),
        ),
    }
}

/// A column as text; anything else (a value put there by hand) as a text that never hashes
/// like the original.
fn text(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<String> {
    Ok(match r.get_ref(i)? {
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
        ValueRef::Null => "\u{0}null".into(),
        ValueRef::Integer(v) => format!("\u{0}integer {v}"),
        ValueRef::Real(v) => format!("\u{0}real {v}"),
        ValueRef::Blob(b) => format!("\u{0}blob {}", b.len()),
    })
}

/// Walks the whole chain in seq order and returns the first break (and the rows checked).
pub fn verify_chain(conn: &Connection) -> Result<(i64, i64, Option<AuditBreak>)> {
    let head: Option<(i64, String)> = match crate::store::audit::head(conn) {
        Ok(h) => Some(h),
        Err(Error::Sqlite(rusqlite::Error::QueryReturnedNoRows)) => None,
        Err(e) => return Err(e),
    };
    let Some((head_seq, head_hash)) = head else {
        let rows: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
        return Ok((
            rows,
            0,
            Some(AuditBreak {
                kind: AuditBreakKind::HeadMissing,
                seq: 0,
                other_seq: None,
                entity: None,
                entity_id: None,
                at: None,
            }),
        ));
    };
    let mut stmt = conn.prepare(
        "SELECT seq, id, at, actor, entity, entity_id, action, changes, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut expected_seq = 1;
    let mut expected_prev = GENESIS.to_string();
    let mut checked = 0;
    while let Some(r) = rows.next()? {
        let row = ChainRow {
            seq: r.get(0)?,
            id: text(r, 1)?,
            at: text(r, 2)?,
            actor: text(r, 3)?,
            entity: text(r, 4)?,
            entity_id: text(r, 5)?,
            action: text(r, 6)?,
            changes: text(r, 7)?,
            prev_hash: text(r, 8)?,
            hash: text(r, 9)?,
        };
        checked += 1;
        let at_row = |kind, other_seq| AuditBreak {
            kind,
            seq: row.seq,
            other_seq,
            entity: Some(row.entity.clone()),
            entity_id: Some(row.entity_id.clone()),
            at: Some(row.at.clone()),
        };
        if row.seq > head_seq {
            return Ok((
                checked,
                head_seq,
                Some(at_row(AuditBreakKind::Inserted, None)),
            ));
        }
        if row.seq != expected_seq {
            let problem = AuditBreak {
                kind: AuditBreakKind::Missing,
                seq: expected_seq,
                other_seq: Some(row.seq - 1),
                entity: None,
                entity_id: None,
                at: None,
            };
            return Ok((checked, head_seq, Some(problem)));
        }
        if row.hash_as(row.seq) != row.hash {
            let written_as = (row.seq - MOVED_WINDOW..=row.seq + MOVED_WINDOW)
                .filter(|&s| s != row.seq && s > 0)
                .find(|&s| row.hash_as(s) == row.hash);
            let problem = match written_as {
                Some(s) => at_row(AuditBreakKind::Moved, Some(s)),
                None => at_row(AuditBreakKind::Edited, None),
            };
            return Ok((checked, head_seq, Some(problem)));
        }
        if row.prev_hash != expected_prev {
            return Ok((
                checked,
                head_seq,
                Some(at_row(AuditBreakKind::Unlinked, None)),
            ));
        }
        expected_seq = row.seq + 1;
        expected_prev = row.hash;
    }
    let last = expected_seq - 1;
    if last < head_seq {
        let problem = AuditBreak {
            kind: AuditBreakKind::Truncated,
            seq: last + 1,
            other_seq: Some(head_seq),
            entity: None,
            entity_id: None,
            at: None,
        };
        return Ok((checked, head_seq, Some(problem)));
    }
    if expected_prev != head_hash {
        let (entity, entity_id, at) = conn.query_row(
            "SELECT entity, entity_id, at FROM audit_log WHERE seq = ?1",
            [last],
            |r| Ok((text(r, 0)?, text(r, 1)?, text(r, 2)?)),
        )?;
        let problem = AuditBreak {
            kind: AuditBreakKind::HeadReplaced,
            seq: last,
            other_seq: None,
            entity: Some(entity),
            entity_id: Some(entity_id),
            at: Some(at),
        };
        return Ok((checked, head_seq, Some(problem)));
    }
    Ok((checked, head_seq, None))
}

/// How a table's rows belong to a child: a `child_id` column, or a `plan_id` of a plan.
enum ChildLink {
    Direct,
    ViaPlan,
}

fn child_links(conn: &Connection) -> Result<Vec<(&'static str, ChildLink)>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info(?1)")?;
    for table in crate::store::DOMAIN_TABLES {
        let columns: Vec<String> = stmt
            .query_map([table], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if columns.iter().any(|c| c == "child_id") {
            out.push((table, ChildLink::Direct));
        } else if columns.iter().any(|c| c == "plan_id") {
            out.push((table, ChildLink::ViaPlan));
        }
    }
    Ok(out)
}

fn optional(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Registry {
    /// Checks the audit log's hash chain and its head; says where the first break is.
    pub fn verify_audit(&self, lang: Lang) -> Result<AuditVerification> {
        self.require(Permission::Read)?;
        let (rows, head_seq, problem) = verify_chain(&self.conn)?;
        Ok(AuditVerification::word(rows, head_seq, problem, lang))
    }

    /// The people who appear in the audit log, in order.
    pub fn audit_actors(&self) -> Result<Vec<String>> {
        self.require(Permission::Read)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT actor FROM audit_log ORDER BY actor")?;
        Ok(stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?)
    }

    /// The audit log, filtered, newest first, worded.
    pub fn audit_entries(&self, q: &AuditQuery) -> Result<AuditPage> {
        self.require(Permission::Read)?;
        let lang = q.lang;
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<String> = Vec::new();
        if let Some(actor) = optional(&q.actor) {
            args.push(actor.to_string());
            clauses.push(format!("actor = ?{}", args.len()));
        }
        if let Some(entity) = optional(&q.entity) {
            args.push(entity.to_string());
            clauses.push(format!("entity = ?{}", args.len()));
        }
        if let Some(action) = optional(&q.action) {
            if !ACTIONS.contains(&action) {
                return Err(Error::invalid(
                    "action",
                    Invalid::UnknownCode {
                        code: action.to_string(),
                    },
                ));
            }
            args.push(action.to_string());
            clauses.push(format!("action = ?{}", args.len()));
        }
        let from = optional(&q.from)
            .map(|d| crate::cases::validate::parse_date("from", d))
            .transpose()?;
        let to = optional(&q.to)
            .map(|d| crate::cases::validate::parse_date("to", d))
            .transpose()?;
        if let (Some(f), Some(t)) = (from, to)
            && t < f
        {
            return Err(Error::invalid("to", Invalid::EndBeforeStart));
        }
        if let Some(f) = from {
            args.push(start_of_day(f));
            clauses.push(format!("at >= ?{}", args.len()));
        }
        if let Some(t) = to {
            let next = t.succ_opt().unwrap_or(t);
            args.push(start_of_day(next));
            clauses.push(format!("at < ?{}", args.len()));
        }
        let links = child_links(&self.conn)?;
        if let Some(child) = optional(&q.child_id) {
            args.push(child.to_string());
            let c = args.len();
            let mut parts = vec![format!("(entity = 'child' AND entity_id = ?{c})")];
            for (table, link) in &links {
                parts.push(match link {
                    ChildLink::Direct => format!(
                        "(entity = '{table}' AND entity_id IN (SELECT id FROM {table} WHERE child_id = ?{c}))"
                    ),
                    ChildLink::ViaPlan => format!(
                        "(entity = '{table}' AND entity_id IN (SELECT id FROM {table} WHERE plan_id IN (SELECT id FROM plan WHERE child_id = ?{c})))"
                    ),
                });
            }
            clauses.push(format!("({})", parts.join(" OR ")));
        }
        let filter = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let total: u32 = self.conn.query_row(
            &format!("SELECT count(*) FROM audit_log {filter}"),
            params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let limit = q.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let sql = format!(
            "SELECT seq, at, actor, entity, entity_id, action, changes FROM audit_log {filter}
             ORDER BY seq DESC LIMIT {limit} OFFSET {}",
            q.offset
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let raw: Vec<(i64, String, String, String, String, String, String)> = stmt
            .query_map(params_from_iter(args.iter()), |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut entries = Vec::with_capacity(raw.len());
        for (seq, at, actor, entity, entity_id, action, changes) in raw {
            let child_id = self.child_of(&links, &entity, &entity_id)?;
            let child_name = match &child_id {
                Some(id) => self.name_in("child", id)?,
                None => None,
            };
            let fields: Vec<String> = crate::store::json_column(&changes)
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|c| c["field"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let record_name = match entity.as_str() {
                "child" => child_name.clone(),
                "provider" => self.name_in("provider", &entity_id)?,
                _ => None,
            };
            let summary = summary(
                &entity,
                &action,
                record_name.as_deref(),
                if entity == "child" {
                    None
                } else {
                    child_name.as_deref()
                },
                &fields,
                lang,
            );
            entries.push(AuditEntry {
                seq,
                at,
                actor,
                entity_label: entity_label(&entity, lang),
                action_label: action_label(&action, lang),
                entity,
                entity_id,
                action,
                child_id,
                child_name,
                fields,
                summary,
            });
        }
        Ok(AuditPage { total, entries })
    }

    fn child_of(
        &self,
        links: &[(&'static str, ChildLink)],
        entity: &str,
        entity_id: &str,
    ) -> Result<Option<String>> {
        if entity == "child" {
            return Ok(Some(entity_id.to_string()));
        }
        let Some((table, link)) = links.iter().find(|(t, _)| *t == entity) else {
            return Ok(None);
        };
        let sql = match link {
            ChildLink::Direct => format!("SELECT child_id FROM {table} WHERE id = ?1"),
            ChildLink::ViaPlan => format!(
                "SELECT p.child_id FROM {table} x JOIN plan p ON p.id = x.plan_id WHERE x.id = ?1"
            ),
        };
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([entity_id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    fn name_in(&self, table: &str, id: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT name FROM {table} WHERE id = ?1"))?
            .query_row([id], |r| r.get::<_, String>(0))
            .optional()?)
    }
}

/// 「児童「山田 太郎」を変更：名前・よみ」, 「医療的ケアを作成（山田 太郎）」.
fn summary(
    entity: &str,
    action: &str,
    record_name: Option<&str>,
    child_name: Option<&str>,
    fields: &[String],
    lang: Lang,
) -> String {
    let label = entity_label(entity, lang);
    let verb = action_label(action, lang);
    let fields_part = if action == "update" {
        let mut words: Vec<String> = Vec::new();
        for f in fields.iter().filter(|f| !is_internal_field(f)) {
            let w = field_label(f, lang);
            if !words.contains(&w) {
                words.push(w);
            }
        }
        words.join(lang.pick("・".into(), ", ".into()).as_str())
    } else {
        String::new()
    };
    match lang {
        Lang::Ja => {
            let mut s = label;
            if let Some(n) = record_name {
                s.push_str(&format!("「{n}」"));
            }
            s.push_str(&format!("を{verb}"));
            if !fields_part.is_empty() {
                s.push_str(&format!("：{fields_part}"));
            }
            if let Some(c) = child_name {
                s.push_str(&format!("（{c}）"));
            }
            s
        }
        Lang::En => {
            let mut s = label;
            if let Some(n) = record_name {
                s.push_str(&format!(" “{n}”"));
            }
            s.push_str(&format!(" {verb}"));
            if !fields_part.is_empty() {
                s.push_str(&format!(": {fields_part}"));
            }
            if let Some(c) = child_name {
                s.push_str(&format!(" ({c})"));
            }
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_table_and_action_has_words() {
        for table in crate::store::DOMAIN_TABLES {
            assert_ne!(
                entity_label(table, Lang::Ja),
                table,
                "{table} has no Japanese name"
            );
            assert_ne!(
                entity_label(table, Lang::En),
                table,
                "{table} has no English name"
            );
        }
        for action in ACTIONS {
            assert_ne!(action_label(action, Lang::Ja), action);
        }
    }

    #[test]
    fn summaries_name_the_record_the_child_and_the_fields() {
        let fields: Vec<String> = ["name", "name_folded", "kana", "search_text", "row_version"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            summary(
                "child",
                "update",
                Some("山田 太郎"),
                None,
                &fields,
                Lang::Ja
            ),
            "児童「山田 太郎」を変更：名前・よみ",
            "fields in words, the app's own search keys and versions left out"
        );
        let en = summary("child", "update", None, None, &fields, Lang::En);
        assert_eq!(en, "Child changed: name, reading");
        assert_eq!(
            summary(
                "child_weight",
                "create",
                None,
                Some("山田 太郎"),
                &[],
                Lang::Ja
            ),
            "体重を作成（山田 太郎）"
        );
        assert_eq!(
            summary("child", "view", Some("Taro"), None, &[], Lang::En),
            "Child “Taro” viewed"
        );
    }
}
