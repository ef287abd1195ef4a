//! Reading the consultation log: the list with its filters, one call, and a year's counts by
//! the office's month, outcome and caller type.

use chrono::{DateTime, Days, NaiveDate};

use crate::cases::validate::parse_date;
use crate::consultations::types::*;
use crate::error::{Error, Invalid, Result};
use crate::record::{office, start_of_day};
use crate::store::consultation::{self as table, Filter, StoredConsultation};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

const DEFAULT_LIMIT: u32 = 200;
const MAX_LIMIT: u32 = 1000;

fn caller_of(code: &str) -> Result<CallerType> {
    CallerType::from_code(code)
        .ok_or_else(|| Error::Internal(format!("unknown caller type {code} in the database")))
}

fn outcome_of(code: &str) -> Result<ConsultationOutcome> {
    ConsultationOutcome::from_code(code)
        .ok_or_else(|| Error::Internal(format!("unknown outcome {code} in the database")))
}

fn consultation_of(c: StoredConsultation) -> Result<Consultation> {
    let at = DateTime::parse_from_rfc3339(&c.row.at)
        .map_err(|_| Error::Internal(format!("unreadable instant {} in the database", c.row.at)))?;
    Ok(Consultation {
        at_local: at
            .with_timezone(&office())
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        caller_type: caller_of(&c.row.caller_type)?,
        outcome: outcome_of(&c.row.outcome)?,
        id: c.id,
        row_version: c.row_version,
        at: c.row.at,
        child_id: c.row.child_id,
        case_number: c.case_number,
        child_name: c.child_name,
        topic: c.row.topic,
        staff: c.row.staff,
        minutes: c.row.minutes,
        note: c.row.note,
    })
}

fn day_after(field: &str, d: NaiveDate) -> Result<NaiveDate> {
    d.checked_add_days(Days::new(1))
        .ok_or_else(|| Error::invalid(field, Invalid::BadDate))
}

/// The filter as stored values: office days as UTC instants, codes, folded text.
fn stored_filter(filter: &ConsultationFilter) -> Result<Filter> {
    let date = |field: &str, d: &Option<String>| -> Result<Option<NaiveDate>> {
        match d.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(t) => parse_date(field, t).map(Some),
        }
    };
    let from = date("from", &filter.from)?;
    let to = date("to", &filter.to)?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(Error::invalid("to", Invalid::EndBeforeStart));
    }
    let text = filter.text.as_deref().map(fold).filter(|t| !t.is_empty());
    Ok(Filter {
        since: from.map(start_of_day),
        until: to
            .map(|t| day_after("to", t).map(start_of_day))
            .transpose()?,
        caller_type: filter.caller_type.map(|c| c.code().to_string()),
        outcome: filter.outcome.map(|o| o.code().to_string()),
        child_id: filter
            .child_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        text,
    })
}

impl Registry {
    /// The calls matching every filter given, the latest first, and how many match in all.
    pub fn consultations(&self, filter: &ConsultationFilter) -> Result<ConsultationList> {
        self.require(Permission::Read)?;
        let stored = stored_filter(filter)?;
        let limit = filter.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let (total, rows) = table::list(&self.conn, &stored, limit)?;
        Ok(ConsultationList {
            total,
            consultations: rows
                .into_iter()
                .map(consultation_of)
                .collect::<Result<_>>()?,
        })
    }

    pub(crate) fn consultation(&self, id: &str) -> Result<Consultation> {
        let row = table::find(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            entity: table::CONSULTATION,
            id: id.to_string(),
        })?;
        consultation_of(row)
    }

    /// A calendar year's calls by the office's month (UTC+9): each of the twelve months by
    /// outcome and by caller type, and the year's totals.
    pub fn consultation_counts(&self, year: i32) -> Result<YearCounts> {
        self.require(Permission::Read)?;
        let first = NaiveDate::from_ymd_opt(year, 1, 1)
            .filter(|_| (2000..=2100).contains(&year))
            .ok_or_else(|| {
                Error::invalid(
                    "year",
                    Invalid::OutOfRange {
                        min: 2000,
                        max: 2100,
                    },
                )
            })?;
        let next = NaiveDate::from_ymd_opt(year + 1, 1, 1).expect("the next new year exists");
        let mut months: Vec<MonthCounts> = (1..=12)
            .map(|month| MonthCounts {
                month,
                counts: ConsultationCounts::default(),
            })
            .collect();
        let mut year_total = ConsultationCounts::default();
        for (month, caller, outcome, n) in
            table::counts_by_month(&self.conn, &start_of_day(first), &start_of_day(next))?
        {
            let (caller, outcome) = (caller_of(&caller)?, outcome_of(&outcome)?);
            let slot = months
                .get_mut(month.wrapping_sub(1) as usize)
                .ok_or_else(|| Error::Internal(format!("month {month} of a consultation")))?;
            slot.counts.add(caller, outcome, n);
            year_total.add(caller, outcome, n);
        }
        Ok(YearCounts {
            year,
            months,
            year_total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_range_covers_whole_office_days() {
        let f = stored_filter(&ConsultationFilter {
            from: Some("2026-12-01".into()),
            to: Some("2026-12-31".into()),
            text: Some(" きゅういん ".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(f.since.as_deref(), Some("2026-11-30T15:00:00.000Z"));
        assert_eq!(
            f.until.as_deref(),
            Some("2026-12-31T15:00:00.000Z"),
            "the 31st until midnight at the office"
        );
        assert_eq!(
            f.text.as_deref(),
            Some("キュウイン"),
            "folded like the stored text"
        );
        let backwards = ConsultationFilter {
            from: Some("2026-12-02".into()),
            to: Some("2026-12-01".into()),
            ..Default::default()
        };
        assert_eq!(stored_filter(&backwards).unwrap_err().field(), Some("to"));
    }
}
