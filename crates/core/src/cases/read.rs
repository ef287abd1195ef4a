//! Use cases that read cases: live scores, the duplicate check, the case page, the list.

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

use crate::cases::types::*;
use crate::cases::validate::{self, phone_digits};
use crate::domain::care_item::{CareItemCode, CareItemEntry, SevereFactors};
use crate::domain::child_status::ChildStatus;
use crate::domain::scores::medical_care::medical_care_score;
use crate::domain::scores::severe::severe_score;
use crate::error::{Error, Invalid, Result};
use crate::record::Stamp;
use crate::store::child::{self as table, StoredChild};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

/// Columns the core derives from others (search keys, links, order, the provider row's copies
/// of its current conditions): kept in the audit log but not shown as changes a person made.
const DERIVED_COLUMNS: [&str; 10] = [
    "name_folded",
    "kana_folded",
    "search_text",
    "phone_primary_digits",
    "phone_secondary_digits",
    "child_id",
    "position",
    "provider_id",
    "accepts_children",
    "around_the_clock",
];

/// Page size of the case list when none is asked for, and the most one page may hold.
const DEFAULT_PAGE: u32 = 200;
const MAX_PAGE: u32 = 1000;

/// Both scores for these items and factors on `on` (items already checked).
pub(crate) fn compute(items: &[CareItemEntry], factors: &SevereFactors, on: NaiveDate) -> Scores {
    Scores {
        on: on.to_string(),
        medical_care: medical_care_score(items, on),
        severe: severe_score(items, factors, on),
    }
}

/// Cases that may be the same child: same folded reading and date of birth, or a guardian
/// phone in common (digits compared, however they were written).
pub(crate) fn existing_duplicates(
    conn: &Connection,
    q: &DuplicateQuery,
) -> Result<Vec<DuplicateCandidate>> {
    let mut found: Vec<DuplicateCandidate> = Vec::new();
    let mut add = |c: DuplicateCandidate, reason: DuplicateReason| match found
        .iter_mut()
        .find(|f| f.id == c.id)
    {
        Some(f) if !f.reasons.contains(&reason) => f.reasons.push(reason),
        Some(_) => {}
        None => found.push(DuplicateCandidate {
            reasons: vec![reason],
            ..c
        }),
    };
    let candidate = |r: &rusqlite::Row<'_>| {
        Ok(DuplicateCandidate {
            id: r.get(0)?,
            case_number: r.get(1)?,
            name: r.get(2)?,
            kana: r.get(3)?,
            date_of_birth: r.get(4)?,
            reasons: Vec::new(),
        })
    };
    let kana = fold(&q.kana);
    if !kana.is_empty() {
        let mut stmt = conn.prepare_cached(
            "SELECT id, case_number, name, kana, date_of_birth FROM child
             WHERE kana_folded = ?1 AND date_of_birth = ?2 AND deleted_at IS NULL",
        )?;
        for c in stmt.query_map(rusqlite::params![kana, q.date_of_birth.trim()], candidate)? {
            add(c?, DuplicateReason::SameReadingAndBirthDate);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT c.id, c.case_number, c.name, c.kana, c.date_of_birth
         FROM child_guardian g JOIN child c ON c.id = g.child_id
         WHERE (g.phone_primary_digits = ?1 OR g.phone_secondary_digits = ?1)
           AND g.deleted_at IS NULL AND c.deleted_at IS NULL",
    )?;
    for (i, phone) in q.phones.iter().enumerate() {
        let digits = phone_digits(&format!("phones[{i}]"), phone)?;
        if digits.is_empty() {
            continue;
        }
        for c in stmt.query_map([&digits], candidate)? {
            add(c?, DuplicateReason::SameGuardianPhone);
        }
    }
    Ok(found)
}

impl Registry {
    /// Both scores for the items being ticked on a form, computed for today.
    pub fn compute_scores(&self, request: &ScoreRequest, stamp: &Stamp) -> Result<Scores> {
        self.require(Permission::Read)?;
        let today = stamp.today();
        crate::domain::care_item::validate_care_items(&request.care_items, today)?;
        Ok(compute(&request.care_items, &request.severe_factors, today))
    }

    /// Existing cases that may be the child about to be registered.
    pub fn find_duplicates(&self, query: &DuplicateQuery) -> Result<Vec<DuplicateCandidate>> {
        self.require(Permission::Read)?;
        existing_duplicates(&self.conn, query)
    }

    /// The case page, by row id or case number. A person reads it: the reading is audited
    /// (`view`, by `stamp.actor`). Internal reads use `child_detail`, which is not audited.
    pub fn get_child(&self, case: &CaseRef, stamp: &Stamp) -> Result<ChildDetail> {
        self.require(Permission::Read)?;
        let id = self.child_id_for(case)?;
        let detail = self.child_detail(&id, stamp.today())?;
        crate::store::audit::record_view(&self.conn, stamp, "child", &id)?;
        Ok(detail)
    }

    /// The child's row id for a case reference, without auditing a view (for commands that
    /// only need to know which child is meant, such as lending equipment by case number).
    pub fn child_id_for(&self, case: &CaseRef) -> Result<String> {
        self.require(Permission::Read)?;
        let stored = match (&case.id, &case.case_number) {
            (Some(id), _) => table::find(&self.conn, id.trim())?,
            (None, Some(n)) => table::find_by_case_number(&self.conn, n.trim())?,
            (None, None) => return Err(Error::invalid("case_number", Invalid::Required)),
        };
        stored.map(|s| s.id).ok_or_else(|| Error::NotFound {
            entity: "child",
            id: case
                .case_number
                .clone()
                .or(case.id.clone())
                .unwrap_or_default(),
        })
    }

    pub(crate) fn child_detail(&self, id: &str, today: NaiveDate) -> Result<ChildDetail> {
        let stored = table::find(&self.conn, id)?.ok_or_else(|| super::write::not_found(id))?;
        let child = self.child_input(&stored)?;
        let scores = compute(&child.care_items, &child.severe_factors, today);
        let status = ChildStatus::from_code(&stored.row.status)
            .ok_or_else(|| Error::Internal(format!("unknown status {}", stored.row.status)))?;
        let status_history = table::status_changes(&self.conn, id)?
            .into_iter()
            .filter_map(|(row, recorded_at, recorded_by)| {
                Some(StatusChange {
                    status: ChildStatus::from_code(&row.status)?,
                    date: row.changed_on,
                    note: row.note,
                    recorded_at,
                    recorded_by,
                })
            })
            .collect();
        let weights = table::weights(&self.conn, id)?
            .into_iter()
            .map(|w| Weight {
                measured_on: w.measured_on,
                weight_kg: w.weight_kg,
            })
            .collect();
        let history = change_entries(table::audit_of_child(&self.conn, id)?);
        let municipality_name =
            crate::store::municipality::name_of(&self.conn, &stored.row.municipality_code)?;
        let dob = validate::parse_date("date_of_birth", &stored.row.date_of_birth)?;
        Ok(ChildDetail {
            id: stored.id.clone(),
            row_version: stored.row_version,
            case_number: stored.row.case_number.clone(),
            municipality_name,
            location_source: if stored.row.location_source == "entered" {
                LocationSource::Entered
            } else {
                LocationSource::MunicipalityHall
            },
            age_months: months_between(dob, today),
            status,
            status_history,
            weights,
            scores,
            history,
            created_at: stored.created_at.clone(),
            updated_at: stored.updated_at.clone(),
            child,
        })
    }

    fn child_input(&self, stored: &StoredChild) -> Result<ChildInput> {
        let r = &stored.row;
        let mut care_items = care_item_entries(&self.conn, &stored.id)?;
        // The score table's order (CareItemCode's order), not the order rows happened to get.
        care_items.sort_by_key(|i| i.code);
        Ok(ChildInput {
            case_number: Some(r.case_number.clone()),
            name: r.name.clone(),
            kana: r.kana.clone(),
            date_of_birth: r.date_of_birth.clone(),
            sex: serde_json::from_value(r.sex.clone().into()).unwrap_or(Sex::Unknown),
            gestational_weeks: r.gestational_weeks,
            birth_weight_g: r.birth_weight_g,
            diagnoses: table::diagnoses(&self.conn, &stored.id)?
                .into_iter()
                .map(|(_, d)| Diagnosis {
                    text: d.text,
                    icd10: d.icd10,
                    perinatal: d.perinatal,
                })
                .collect(),
            residence: Residence {
                postal_code: r.postal_code.clone(),
                address: r.address.clone(),
                municipality_code: r.municipality_code.clone(),
                lat: r.lat,
                lon: r.lon,
            },
            guardians: table::guardians(&self.conn, &stored.id)?
                .into_iter()
                .map(|(_, g)| Guardian {
                    name: g.name,
                    relation: g.relation,
                    phone_primary: g.phone_primary,
                    phone_secondary: g.phone_secondary,
                    email: g.email,
                    language_needs: g.language_needs,
                })
                .collect(),
            siblings: r.siblings,
            certificates: parse(&r.certificates),
            oshima_cell: r.oshima_cell,
            yokochi_code: r.yokochi_code.clone(),
            severe_factors: parse(&r.severe_factors),
            care_items,
            consent: parse(&r.consent),
            coordinator: r.coordinator.clone(),
        })
    }

    /// The case list: filters combined with AND, 五十音順 by reading, one page at a time.
    ///
    /// One pass over the narrow `child_search` index finds every match in order (so `total`
    /// and the page come from the same scan); then only the page's rows are read in full.
    pub fn search_children(&self, search: &CaseSearch) -> Result<CaseSearchResult> {
        self.require(Permission::Read)?;
        if search.query.chars().count() > 100 {
            return Err(Error::invalid("query", Invalid::TooLong { max_chars: 100 }));
        }
        if let (Some(min), Some(max)) = (search.score_min, search.score_max)
            && min > max
        {
            return Err(Error::invalid(
                "score_max",
                Invalid::OutOfRange {
                    min: min.into(),
                    max: 999,
                },
            ));
        }
        let mut filter = String::from("c.deleted_at IS NULL");
        let mut args: Vec<SqlValue> = Vec::new();
        let needle = fold(&search.query);
        if !needle.is_empty() {
            args.push(SqlValue::Text(format!("%{}%", escape_like(&needle))));
            filter.push_str(&format!(
                " AND c.search_text LIKE ?{} ESCAPE '\\'",
                args.len()
            ));
        }
        if let Some(code) = search
            .municipality_code
            .as_deref()
            .filter(|c| !c.is_empty())
        {
            args.push(SqlValue::Text(code.to_string()));
            let n = args.len();
            // A designated city includes its wards.
            filter.push_str(&format!(
                " AND c.municipality_code IN (SELECT code6 FROM municipality WHERE code6 = ?{n} OR parent_code6 = ?{n})"
            ));
        }
        if let Some(status) = search.status {
            args.push(SqlValue::Text(status.code().into()));
            filter.push_str(&format!(" AND c.status = ?{}", args.len()));
        }
        if let Some(item) = search.care_item {
            args.push(SqlValue::Text(item.code().into()));
            filter.push_str(&format!(
                " AND c.id IN (SELECT i.child_id FROM child_care_item i WHERE i.code = ?{} AND i.deleted_at IS NULL)",
                args.len()
            ));
        }
        if let Some(min) = search.score_min {
            args.push(SqlValue::Integer(min.into()));
            filter.push_str(&format!(" AND c.medical_care_score >= ?{}", args.len()));
        }
        if let Some(max) = search.score_max {
            args.push(SqlValue::Integer(max.into()));
            filter.push_str(&format!(" AND c.medical_care_score <= ?{}", args.len()));
        }
        let sql = format!(
            "SELECT c.id FROM child c INDEXED BY child_search WHERE {filter} ORDER BY c.kana_folded, c.case_number"
        );
        let ids: Vec<String> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let limit = search.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE) as usize;
        let page: Vec<&String> = ids
            .iter()
            .skip(search.offset as usize)
            .take(limit)
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.case_number, c.name, c.kana, c.date_of_birth, c.municipality_code,
                    coalesce(m.name, ''), c.status, c.medical_care_score,
                    (SELECT group_concat(i.code) FROM child_care_item i
                      WHERE i.child_id = c.id AND i.deleted_at IS NULL)
             FROM child c LEFT JOIN municipality m ON m.code6 = c.municipality_code
             WHERE c.id = ?1",
        )?;
        let mut rows = Vec::with_capacity(page.len());
        for id in page {
            rows.push(stmt.query_row([id], |r| {
                let status: String = r.get(7)?;
                let items: Option<String> = r.get(9)?;
                Ok(CaseRow {
                    id: r.get(0)?,
                    case_number: r.get(1)?,
                    name: r.get(2)?,
                    kana: r.get(3)?,
                    date_of_birth: r.get(4)?,
                    municipality_code: r.get(5)?,
                    municipality_name: r.get(6)?,
                    status: ChildStatus::from_code(&status).unwrap_or(ChildStatus::Referred),
                    medical_care_score: r.get(8)?,
                    care_items: items
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(|c| serde_json::from_value::<CareItemCode>(c.into()).ok())
                        .collect(),
                })
            })?);
        }
        Ok(CaseSearchResult {
            total: ids.len() as u32,
            rows,
        })
    }
}

/// Audit rows as the change history a person reads (derived columns left out).
pub(crate) fn change_entries(rows: Vec<crate::store::audit::AuditRow>) -> Vec<ChangeEntry> {
    rows.into_iter()
        .map(|a| ChangeEntry {
            at: a.at,
            actor: a.actor,
            entity: a.entity,
            action: a.action,
            fields: a
                .changes
                .as_array()
                .map(|changes| {
                    changes
                        .iter()
                        .filter(|c| {
                            !DERIVED_COLUMNS.contains(&c["field"].as_str().unwrap_or_default())
                        })
                        .map(|c| FieldDiff {
                            field: c["field"].as_str().unwrap_or_default().to_string(),
                            before: shown(&c["before"]),
                            after: shown(&c["after"]),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

/// Whole months from `from` to `to` (0 when `to` is earlier).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    if to < from {
        return 0;
    }
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if to.day() < from.day() {
        months -= 1;
    }
    months.max(0) as u32
}

/// A JSON column read back into its struct; a value from an older shape falls back to empty.
pub(crate) fn parse<T: serde::de::DeserializeOwned + Default>(v: &serde_json::Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_default()
}

pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

fn shown(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// The child's live care items with their dates and details, as stored (the one place their
/// rows are read back into entries: the case, matching and respite checks all use it).
pub(crate) fn care_item_entries(
    conn: &rusqlite::Connection,
    child_id: &str,
) -> Result<Vec<CareItemEntry>> {
    table::care_items(conn, child_id)?
        .into_iter()
        .map(|(_, row)| {
            Ok(CareItemEntry {
                code: serde_json::from_value(row.code.clone().into())
                    .map_err(|_| Error::Internal(format!("unknown care item {}", row.code)))?,
                supervision: serde_json::from_value(row.supervision.clone().into()).map_err(
                    |_| Error::Internal(format!("unknown supervision {}", row.supervision)),
                )?,
                details: serde_json::from_value(row.details).unwrap_or_default(),
                start_date: row.start_date,
                end_date: row.end_date,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_counted_across_a_birthday() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            months_between(d("2025-01-31"), d("2025-02-28")),
            0,
            "not yet a full month"
        );
        assert_eq!(months_between(d("2025-01-15"), d("2025-02-15")), 1);
        assert_eq!(
            months_between(d("2024-06-10"), d("2026-06-09")),
            23,
            "day before the 2nd birthday"
        );
        assert_eq!(months_between(d("2024-06-10"), d("2026-06-10")), 24);
    }
}
