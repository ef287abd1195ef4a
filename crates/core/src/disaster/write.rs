//! Use case: save a child's disaster profile. The form is checked and normalised field by
//! field (each refusal names its path, `profile.devices[0].external_battery_hours`), then
//! written in one transaction with its audit row; a stale `row_version` is refused.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::cases::validate::{max_len, past_date, phone_digits, range, required};
use crate::disaster::types::*;
use crate::error::{Error, Invalid, Result};
use crate::record::{Stamp, new_id};
use crate::store::disaster::{self as table, ProfileRow};
use crate::store::rows::{self, columns_of};
use crate::users::Permission;
use crate::vault::Registry;

/// Most devices or contacts one profile lists.
pub const MAX_ENTRIES: usize = 20;
/// Battery hours above this are a typo (ten days).
pub const MAX_BATTERY_HOURS: f64 = 240.0;
/// Spare consumables above a year are a typo.
pub const MAX_CONSUMABLES_DAYS: u32 = 365;
const MAX_TEXT: usize = 200;
const MAX_NOTE: usize = 2000;

impl Registry {
    /// Saves the profile of `request.child_id` in Japanese words; see [`Self::save_disaster_profile_in`].
    pub fn save_disaster_profile(
        &mut self,
        request: &SaveDisasterProfileRequest,
        stamp: &Stamp,
    ) -> Result<DisasterProfile> {
        self.require(Permission::Write)?;
        self.save_disaster_profile_in(request, crate::Lang::Ja, stamp)
    }

    /// Saves a child's disaster profile. `row_version` is the one the form was loaded at: 0
    /// when the child had no profile yet. Only changed columns are written and audited; an
    /// unchanged form writes nothing. Returns the saved profile with warnings worded in `lang`.
    pub fn save_disaster_profile_in(
        &mut self,
        request: &SaveDisasterProfileRequest,
        lang: crate::Lang,
        stamp: &Stamp,
    ) -> Result<DisasterProfile> {
        self.require(Permission::Write)?;
        let today = stamp.today();
        let mut profile = request.profile.clone();
        check_profile(&mut profile, today)?;
        let child_id = request.child_id.as_str();
        if crate::store::child::find(&self.conn, child_id)?.is_none() {
            return Err(Error::NotFound {
                entity: "child",
                id: child_id.to_string(),
            });
        }
        let row = profile_row(child_id, &profile);
        let stale = || Error::StaleRecord {
            entity: table::PROFILE,
            id: child_id.to_string(),
        };
        let tx = self.conn.transaction()?;
        match table::of_child(&tx, child_id)? {
            Some(stored) => {
                rows::update(
                    &tx,
                    stamp,
                    table::PROFILE,
                    &stored.id,
                    Some(request.row_version),
                    &columns_of(&row),
                )?;
            }
            None if request.row_version != 0 => return Err(stale()),
            None => {
                insert_profile_record(&tx, stamp, &new_id(stamp), child_id, &profile).map_err(
                    |e| match e {
                        // Another window saved the first profile in the meantime.
                        Error::Sqlite(s)
                            if s.sqlite_error_code()
                                == Some(rusqlite::ErrorCode::ConstraintViolation) =>
                        {
                            stale()
                        }
                        other => other,
                    },
                )?;
            }
        }
        tx.commit()?;
        self.disaster_profile_in(child_id, lang, stamp)
    }
}

/// Writes a first profile (already checked) for `child_id` with row id `id`, and its audit row.
pub(crate) fn insert_profile_record(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    id: &str,
    child_id: &str,
    profile: &DisasterProfileInput,
) -> Result<()> {
    rows::insert(
        tx,
        stamp,
        table::PROFILE,
        id,
        &columns_of(&profile_row(child_id, profile)),
    )
}

fn profile_row(child_id: &str, p: &DisasterProfileInput) -> ProfileRow {
    let json = |v: serde_json::Result<serde_json::Value>| v.expect("profile parts serialise");
    ProfileRow {
        child_id: child_id.to_string(),
        devices: json(serde_json::to_value(&p.devices)),
        other_power: json(serde_json::to_value(&p.other_power)),
        consumables_days: p.consumables_days,
        power_company: json(serde_json::to_value(&p.power_company)),
        evacuation_list: json(serde_json::to_value(&p.evacuation_list)),
        individual_plan: json(serde_json::to_value(&p.individual_plan)),
        evacuation_site: p.evacuation_site.clone(),
        welfare_shelter: p.welfare_shelter.clone(),
        emergency_hospital: p.emergency_hospital.clone(),
        contacts: json(serde_json::to_value(&p.contacts)),
        note: p.note.clone(),
    }
}

/// Checks the form and normalises it in place (trimmed text, ISO dates, empty dates as none).
pub fn check_profile(p: &mut DisasterProfileInput, today: NaiveDate) -> Result<()> {
    let f = |path: &str| format!("profile.{path}");
    if p.devices.len() > MAX_ENTRIES {
        return Err(Error::invalid(
            f("devices"),
            Invalid::TooManyEntries { max: MAX_ENTRIES },
        ));
    }
    for (i, d) in p.devices.iter_mut().enumerate() {
        d.name = d.name.trim().to_string();
        max_len(&f(&format!("devices[{i}].name")), &d.name, MAX_TEXT)?;
        for (leaf, hours) in [
            ("internal_battery_hours", d.internal_battery_hours),
            ("external_battery_hours", d.external_battery_hours),
        ] {
            if let Some(h) = hours {
                range(
                    &f(&format!("devices[{i}].{leaf}")),
                    h,
                    0.0,
                    MAX_BATTERY_HOURS,
                    "時間",
                )?;
            }
        }
    }
    p.other_power.note = p.other_power.note.trim().to_string();
    max_len(&f("other_power.note"), &p.other_power.note, MAX_NOTE)?;
    if let Some(days) = p.consumables_days {
        range(
            &f("consumables_days"),
            f64::from(days),
            0.0,
            f64::from(MAX_CONSUMABLES_DAYS),
            "日",
        )?;
    }
    for (name, reg) in [
        ("power_company", &mut p.power_company),
        ("evacuation_list", &mut p.evacuation_list),
        ("individual_plan", &mut p.individual_plan),
    ] {
        reg.on = match reg.on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(past_date(&f(&format!("{name}.on")), text, today)?.to_string()),
        };
    }
    for (name, text) in [
        ("evacuation_site", &mut p.evacuation_site),
        ("welfare_shelter", &mut p.welfare_shelter),
        ("emergency_hospital", &mut p.emergency_hospital),
    ] {
        *text = text.trim().to_string();
        max_len(&f(name), text, MAX_TEXT)?;
    }
    if p.contacts.len() > MAX_ENTRIES {
        return Err(Error::invalid(
            f("contacts"),
            Invalid::TooManyEntries { max: MAX_ENTRIES },
        ));
    }
    for (i, c) in p.contacts.iter_mut().enumerate() {
        let cf = |leaf: &str| f(&format!("contacts[{i}].{leaf}"));
        c.name = c.name.trim().to_string();
        required(&cf("name"), &c.name)?;
        c.relation = c.relation.trim().to_string();
        max_len(&cf("relation"), &c.relation, 40)?;
        c.phone = c.phone.nfkc().collect::<String>().trim().to_string();
        if c.phone.is_empty() {
            return Err(Error::invalid(cf("phone"), Invalid::Required));
        }
        phone_digits(&cf("phone"), &c.phone)?;
    }
    p.note = p.note.trim().to_string();
    max_len(&f("note"), &p.note, MAX_NOTE)?;
    Ok(())
}
