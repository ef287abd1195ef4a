//! The `consultation` table: its row struct (written through `store::rows`) and reads.

use rusqlite::{Connection, OptionalExtension, ToSql};
use serde::Serialize;

use crate::error::Result;

pub const CONSULTATION: &str = "consultation";

#[derive(Debug, Clone, Serialize)]
pub struct ConsultationRow {
    /// UTC RFC 3339 with milliseconds, like every stored instant.
    pub at: String,
    pub caller_type: String,
    pub child_id: Option<String>,
    pub topic: String,
    pub outcome: String,
    pub staff: String,
    pub minutes: Option<u32>,
    pub note: String,
    pub search_text: String,
}

/// A live consultation with its child's case number and name, if it is about one.
#[derive(Debug, Clone)]
pub struct StoredConsultation {
    pub id: String,
    pub row_version: i64,
    pub row: ConsultationRow,
    pub case_number: Option<String>,
    pub child_name: Option<String>,
}

/// The list's filters, as stored values (instants as UTC text, codes, folded text).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// at >= since
    pub since: Option<String>,
    /// at < until
    pub until: Option<String>,
    pub caller_type: Option<String>,
    pub outcome: Option<String>,
    pub child_id: Option<String>,
    /// Folded text that `search_text` must contain
    pub text: Option<String>,
}

const WHERE: &str = "c.deleted_at IS NULL
    AND (?1 IS NULL OR c.at >= ?1) AND (?2 IS NULL OR c.at < ?2)
    AND (?3 IS NULL OR c.caller_type = ?3) AND (?4 IS NULL OR c.outcome = ?4)
    AND (?5 IS NULL OR c.child_id = ?5) AND (?6 IS NULL OR instr(c.search_text, ?6) > 0)";

fn params(f: &Filter) -> [&dyn ToSql; 6] {
    [
        &f.since,
        &f.until,
        &f.caller_type,
        &f.outcome,
        &f.child_id,
        &f.text,
    ]
}

const SELECT: &str = "SELECT c.id, c.row_version, c.at, c.caller_type, c.child_id, c.topic,
        c.outcome, c.staff, c.minutes, c.note, c.search_text, ch.case_number, ch.name
    FROM consultation c LEFT JOIN child ch ON ch.id = c.child_id";

fn stored(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredConsultation> {
    Ok(StoredConsultation {
        id: r.get(0)?,
        row_version: r.get(1)?,
        row: ConsultationRow {
            at: r.get(2)?,
            caller_type: r.get(3)?,
            child_id: r.get(4)?,
            topic: r.get(5)?,
            outcome: r.get(6)?,
            staff: r.get(7)?,
            minutes: r.get(8)?,
            note: r.get(9)?,
            search_text: r.get(10)?,
        },
        case_number: r.get(11)?,
        child_name: r.get(12)?,
    })
}

/// A live consultation.
pub fn find(conn: &Connection, id: &str) -> Result<Option<StoredConsultation>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE c.id = ?1 AND c.deleted_at IS NULL"
        ))?
        .query_row([id], stored)
        .optional()?)
}

/// How many live consultations match, and the first `limit` of them, the latest call first.
pub fn list(
    conn: &Connection,
    filter: &Filter,
    limit: u32,
) -> Result<(u32, Vec<StoredConsultation>)> {
    let total: u32 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM consultation c WHERE {WHERE}"
        ))?
        .query_row(params(filter), |r| r.get(0))?;
    let sql = format!("{SELECT} WHERE {WHERE} ORDER BY c.at DESC, c.id DESC LIMIT {limit}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params(filter), stored)?;
    Ok((total, rows.collect::<Result<_, _>>()?))
}

/// Live consultations from `since` until before `until` (UTC text) counted by the office's
/// month (UTC+9) and their codes: (month 1–12, caller type, outcome, count).
pub fn counts_by_month(
    conn: &Connection,
    since: &str,
    until: &str,
) -> Result<Vec<(u32, String, String, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT CAST(strftime('%m', at, '+9 hours') AS INTEGER), caller_type, outcome, count(*)
         FROM consultation WHERE deleted_at IS NULL AND at >= ?1 AND at < ?2
         GROUP BY 1, 2, 3",
    )?;
    let rows = stmt.query_map([since, until], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
