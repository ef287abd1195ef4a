//! Use case: a child's disaster profile page — what was saved (or an empty form), its battery
//! total and its warnings.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::cases::read::parse;
use crate::disaster::types::*;
use crate::disaster::warnings::{ChildFacts, assess};
use crate::domain::care_item::{CareItemCode, parse_iso_date};
use crate::domain::child_status::ChildStatus;
use crate::error::{Error, Lang, Result};
use crate::record::Stamp;
use crate::store::disaster::{self as table, ProfileRow, StoredProfile};
use crate::users::Permission;
use crate::vault::Registry;

impl Registry {
    /// The child's profile with warnings in Japanese; see [`Self::disaster_profile_in`].
    pub fn disaster_profile(&self, child_id: &str, stamp: &Stamp) -> Result<DisasterProfile> {
        self.require(Permission::Read)?;
        self.disaster_profile_in(child_id, Lang::Ja, stamp)
    }

    /// The child's disaster profile (an empty one with row version 0 when none was saved),
    /// assessed on the stamp's day with warnings worded in `lang`.
    pub fn disaster_profile_in(
        &self,
        child_id: &str,
        lang: Lang,
        stamp: &Stamp,
    ) -> Result<DisasterProfile> {
        self.require(Permission::Read)?;
        if crate::store::child::find(&self.conn, child_id)?.is_none() {
            return Err(Error::NotFound {
                entity: "child",
                id: child_id.to_string(),
            });
        }
        let today = stamp.today();
        let stored = table::of_child(&self.conn, child_id)?;
        let facts = facts_of(&self.conn, child_id, today)?;
        Ok(profile_page(child_id, stored, &facts, today, lang))
    }
}

/// The page of a stored (or absent) profile.
pub(crate) fn profile_page(
    child_id: &str,
    stored: Option<StoredProfile>,
    facts: &ChildFacts,
    today: NaiveDate,
    lang: Lang,
) -> DisasterProfile {
    let input = stored.as_ref().map(|s| input_of(&s.row));
    let verdict = assess(input.as_ref(), facts, today, lang);
    DisasterProfile {
        child_id: child_id.to_string(),
        profile: input.unwrap_or_default(),
        row_version: stored.as_ref().map_or(0, |s| s.row_version),
        updated_at: stored.map(|s| s.updated_at),
        warnings: verdict.warnings,
        total_battery_hours: verdict.total_battery_hours,
    }
}

/// A stored row back as the form's input (a JSON part of an unknown shape reads as empty).
pub(crate) fn input_of(row: &ProfileRow) -> DisasterProfileInput {
    DisasterProfileInput {
        devices: parse(&row.devices),
        other_power: parse(&row.other_power),
        consumables_days: row.consumables_days,
        power_company: parse(&row.power_company),
        evacuation_list: parse(&row.evacuation_list),
        individual_plan: parse(&row.individual_plan),
        evacuation_site: row.evacuation_site.clone(),
        welfare_shelter: row.welfare_shelter.clone(),
        emergency_hospital: row.emergency_hospital.clone(),
        contacts: parse(&row.contacts),
        note: row.note.clone(),
    }
}

/// A care item stored as `code` with its dates, if the child has it on `today`.
pub(crate) fn active_care_item(
    code: &str,
    start: Option<&str>,
    end: Option<&str>,
    today: NaiveDate,
) -> Option<CareItemCode> {
    let started = start.and_then(parse_iso_date).is_none_or(|s| s <= today);
    let ongoing = end.and_then(parse_iso_date).is_none_or(|e| e >= today);
    if !(started && ongoing) {
        return None;
    }
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

/// The facts the rules need about one child.
fn facts_of(conn: &Connection, child_id: &str, today: NaiveDate) -> Result<ChildFacts> {
    let care_items = crate::store::child::care_items(conn, child_id)?
        .into_iter()
        .filter_map(|(_, r)| {
            active_care_item(
                &r.code,
                r.start_date.as_deref(),
                r.end_date.as_deref(),
                today,
            )
        })
        .collect();
    // Oldest first: the first 在宅 is when the child first went home.
    let home_since = crate::store::child::status_changes(conn, child_id)?
        .into_iter()
        .find(|(c, _, _)| c.status == ChildStatus::AtHome.code())
        .and_then(|(c, _, _)| parse_iso_date(&c.changed_on));
    Ok(ChildFacts {
        care_items,
        home_since,
    })
}
