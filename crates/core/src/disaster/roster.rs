//! Use case: the emergency roster (緊急時連絡網) — every child at home, by risk, with what a
//! person phoning round in a disaster needs. Read in a fixed number of queries whatever the
//! number of children (children, care items, guardians, profiles, status history, teams),
//! joined in memory.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::cases::read::months_between;
use crate::disaster::read::{active_care_item, input_of};
use crate::disaster::types::*;
use crate::disaster::warnings::{ChildFacts, assess};
use crate::domain::care_item::parse_iso_date;
use crate::domain::role::Role;
use crate::error::{Lang, Result};
use crate::matching::words::age_words;
use crate::record::Stamp;
use crate::store::disaster as table;
use crate::users::Permission;
use crate::vault::Registry;

/// What the risk order looks at.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskFacts {
    pub ventilated: bool,
    pub power_dependent: bool,
    pub total_battery_hours: Option<f64>,
    /// The reading, folded (`text::fold`), for 五十音順 among equals
    pub kana: String,
}

/// The roster's order: ventilated children first, then the other power-dependent ones, then
/// the rest; within each group the batteries that last least first, unknown hours before any
/// known (not knowing is the riskier case), then 五十音順.
pub fn risk_order(a: &RiskFacts, b: &RiskFacts) -> Ordering {
    let group = |r: &RiskFacts| match (r.ventilated, r.power_dependent) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    };
    group(a)
        .cmp(&group(b))
        .then_with(|| match (a.total_battery_hours, b.total_battery_hours) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => x.total_cmp(&y),
        })
        .then_with(|| a.kana.cmp(&b.kana))
}

/// A child at home as the roster reads it.
struct Child {
    id: String,
    case_number: String,
    name: String,
    kana: String,
    kana_folded: String,
    date_of_birth: String,
    municipality_code: String,
    municipality: String,
    address: String,
}

impl Registry {
    /// The roster with warnings in Japanese; see [`Self::emergency_roster_in`].
    pub fn emergency_roster(&self, query: &RosterQuery, stamp: &Stamp) -> Result<Roster> {
        self.require(Permission::Read)?;
        self.emergency_roster_in(query, Lang::Ja, stamp)
    }

    /// Every live child whose status is 在宅 (of one municipality, or of a city's wards, when
    /// asked), in [`risk_order`], ranked from 1, on the stamp's day; warnings and ages are
    /// worded in `lang`.
    pub fn emergency_roster_in(
        &self,
        query: &RosterQuery,
        lang: Lang,
        stamp: &Stamp,
    ) -> Result<Roster> {
        self.require(Permission::Read)?;
        let today = stamp.today();
        let conn = &self.conn;
        let municipality = query.municipality();
        let children = children_at_home(conn, municipality)?;
        let mut facts = facts_at_home(conn, today)?;
        let mut profiles: HashMap<String, DisasterProfileInput> =
            table::of_children_with_status(conn, AT_HOME)?
                .into_iter()
                .map(|p| (p.row.child_id.clone(), input_of(&p.row)))
                .collect();
        let mut guardians = guardians_at_home(conn)?;
        let mut teams = teams_at_home(conn, today)?;

        let mut rows: Vec<(RiskFacts, RosterRow)> = Vec::with_capacity(children.len());
        for c in children {
            let child_facts = facts.remove(&c.id).unwrap_or_default();
            let profile = profiles.remove(&c.id);
            let verdict = assess(profile.as_ref(), &child_facts, today, lang);
            let profile = profile.unwrap_or_default();
            let age = parse_iso_date(&c.date_of_birth)
                .map(|dob| age_words(months_between(dob, today), lang))
                .unwrap_or_default();
            let risk = RiskFacts {
                ventilated: verdict.ventilated,
                power_dependent: verdict.power_dependent,
                total_battery_hours: verdict.total_battery_hours,
                kana: c.kana_folded,
            };
            let row = RosterRow {
                rank: 0,
                guardians: guardians.remove(&c.id).unwrap_or_default(),
                team: teams.remove(&c.id).unwrap_or_default(),
                child_id: c.id,
                case_number: (!c.case_number.is_empty()).then_some(c.case_number),
                name: c.name,
                kana: c.kana,
                date_of_birth: c.date_of_birth,
                age,
                municipality_code: c.municipality_code,
                municipality: c.municipality,
                address: c.address,
                ventilated: verdict.ventilated,
                power_dependent: verdict.power_dependent,
                devices: profile.devices,
                total_battery_hours: verdict.total_battery_hours,
                contacts: profile.contacts,
                emergency_hospital: profile.emergency_hospital,
                evacuation_site: profile.evacuation_site,
                warnings: verdict.warnings,
            };
            rows.push((risk, row));
        }
        rows.sort_by(|(a, ra), (b, rb)| {
            risk_order(a, b).then_with(|| ra.child_id.cmp(&rb.child_id))
        });
        Ok(Roster {
            made_on: today.to_string(),
            rows: rows
                .into_iter()
                .zip(1u32..)
                .map(|((_, mut row), rank)| {
                    row.rank = rank;
                    row
                })
                .collect(),
        })
    }
}

const AT_HOME: &str = "at_home";

fn children_at_home(conn: &Connection, municipality: Option<&str>) -> Result<Vec<Child>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.case_number, c.name, c.kana, c.kana_folded, c.date_of_birth,
                c.municipality_code, coalesce(m.name, ''), c.address
         FROM child c LEFT JOIN municipality m ON m.code6 = c.municipality_code
         WHERE c.deleted_at IS NULL AND c.status = 'at_home'
           AND (?1 IS NULL OR c.municipality_code = ?1 OR m.parent_code6 = ?1)",
    )?;
    let rows = stmt.query_map([municipality], |r| {
        Ok(Child {
            id: r.get(0)?,
            case_number: r.get(1)?,
            name: r.get(2)?,
            kana: r.get(3)?,
            kana_folded: r.get(4)?,
            date_of_birth: r.get(5)?,
            municipality_code: r.get(6)?,
            municipality: r.get(7)?,
            address: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Care items of today and the first day home, of every child at home.
fn facts_at_home(conn: &Connection, today: NaiveDate) -> Result<HashMap<String, ChildFacts>> {
    let mut facts: HashMap<String, ChildFacts> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT i.child_id, i.code, i.start_date, i.end_date
         FROM child_care_item i JOIN child c ON c.id = i.child_id
         WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL AND c.status = 'at_home'",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (child_id, code, start, end): (String, String, Option<String>, Option<String>) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if let Some(code) = active_care_item(&code, start.as_deref(), end.as_deref(), today) {
            facts.entry(child_id).or_default().care_items.push(code);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT s.child_id, min(s.changed_on)
         FROM child_status_change s JOIN child c ON c.id = s.child_id
         WHERE s.deleted_at IS NULL AND s.status = 'at_home'
           AND c.deleted_at IS NULL AND c.status = 'at_home'
         GROUP BY s.child_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (child_id, since): (String, String) = (r.get(0)?, r.get(1)?);
        facts.entry(child_id).or_default().home_since = parse_iso_date(&since);
    }
    Ok(facts)
}

/// Guardians of every child at home, in their order, with their phones joined.
fn guardians_at_home(conn: &Connection) -> Result<HashMap<String, Vec<RosterPhone>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.child_id, g.name, g.relation, g.phone_primary, g.phone_secondary
         FROM child_guardian g JOIN child c ON c.id = g.child_id
         WHERE g.deleted_at IS NULL AND c.deleted_at IS NULL AND c.status = 'at_home'
         ORDER BY g.child_id, g.position",
    )?;
    let mut out: HashMap<String, Vec<RosterPhone>> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (child_id, name, relation, first, second): (String, String, String, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let phone = [first, second]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join("／");
        out.entry(child_id).or_default().push(RosterPhone {
            name,
            relation,
            phone,
        });
    }
    Ok(out)
}

/// The current care team of every child at home: the members (providers and people) of the
/// child's care-team plan (`store::plan::team_plans`: the active plan, else the latest
/// completed one — the team goes on at home after discharge) whose membership has not ended
/// before `today`, by role. Accepted referrals are in the team already (accepting adds the
/// member).
fn teams_at_home(
    conn: &Connection,
    today: NaiveDate,
) -> Result<HashMap<String, Vec<RosterTeamContact>>> {
    let plans = crate::store::plan::team_plans(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT p.child_id, p.id, m.role, m.person_name, m.organisation, m.contact,
                pr.name, pr.phone
         FROM plan p
         JOIN child c ON c.id = p.child_id
         JOIN team_member m ON m.plan_id = p.id AND m.deleted_at IS NULL
         LEFT JOIN provider pr ON pr.id = m.provider_id
         WHERE p.deleted_at IS NULL AND p.status IN ('active', 'completed')
           AND c.deleted_at IS NULL AND c.status = 'at_home'
           AND (m.end_date IS NULL OR m.end_date >= ?1)
         ORDER BY p.child_id, m.created_at, m.id",
    )?;
    let mut teams: HashMap<String, Vec<(Option<Role>, RosterTeamContact)>> = HashMap::new();
    let mut rows = stmt.query([today.to_string()])?;
    while let Some(r) = rows.next()? {
        let child_id: String = r.get(0)?;
        let plan_id: String = r.get(1)?;
        if plans.get(&child_id) != Some(&plan_id) {
            continue;
        }
        let role: String = r.get(2)?;
        let (person, organisation, contact): (String, String, String) =
            (r.get(3)?, r.get(4)?, r.get(5)?);
        let (provider_name, provider_phone): (Option<String>, Option<String>) =
            (r.get(6)?, r.get(7)?);
        let name = match provider_name {
            Some(n) => n,
            None if organisation.is_empty() => person,
            None => format!("{person}（{organisation}）"),
        };
        let phone = if contact.trim().is_empty() {
            provider_phone.unwrap_or_default()
        } else {
            contact
        };
        let role = Role::from_code(&role);
        teams.entry(child_id).or_default().push((
            role,
            RosterTeamContact {
                role: role.map(Role::label_ja).unwrap_or_default().to_string(),
                name,
                phone,
            },
        ));
    }
    // By role (主治医, 在宅医, 訪問看護…), then in the order they joined (a stable sort).
    Ok(teams
        .into_iter()
        .map(|(child, mut members)| {
            members.sort_by_key(|(role, _)| *role);
            (child, members.into_iter().map(|(_, m)| m).collect())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn facts() -> impl Strategy<Value = RiskFacts> {
        (
            any::<bool>(),
            any::<bool>(),
            proptest::option::of(0.0f64..240.0),
            "[ア-ン]{1,4}",
        )
            .prop_map(|(ventilated, power, hours, kana)| RiskFacts {
                ventilated,
                power_dependent: ventilated || power,
                total_battery_hours: if ventilated || power { hours } else { None },
                kana,
            })
    }

    proptest! {
        /// Sorted by `risk_order`, no child is ever below a less exposed one: ventilated
        /// before power-dependent before the rest, unknown hours before known, fewer hours
        /// before more.
        #[test]
        fn the_sorted_roster_never_puts_a_safer_child_above_a_riskier_one(
            mut list in proptest::collection::vec(facts(), 0..40)
        ) {
            list.sort_by(risk_order);
            for pair in list.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let group = |r: &RiskFacts| if r.ventilated { 0 } else if r.power_dependent { 1 } else { 2 };
                prop_assert!(group(a) <= group(b), "{a:?} before {b:?}");
                if group(a) == group(b) {
                    match (a.total_battery_hours, b.total_battery_hours) {
                        (Some(_), None) => prop_assert!(false, "known hours before unknown: {a:?} {b:?}"),
                        (Some(x), Some(y)) => prop_assert!(x <= y, "{x} h before {y} h"),
                        _ => {}
                    }
                }
            }
        }

        #[test]
        fn the_order_is_total_and_consistent(a in facts(), b in facts()) {
            prop_assert_eq!(risk_order(&a, &b), risk_order(&b, &a).reverse());
        }
    }
}
