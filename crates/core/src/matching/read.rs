//! The use case: read the child, rank every live provider of the kind (outcome and distance
//! only) over the kind's compact index — kept in the registry's match cache, built from the
//! copy of the current conditions on each provider's row when the directory changed — order
//! them, then read the listed page in one more query and evaluate it in full, with reasons.

use std::collections::HashMap;

use rusqlite::types::ValueRef;

use crate::cases::Weight;
use crate::cases::read::care_item_entries;
use crate::cases::read::months_between;
use crate::cases::validate::parse_date;
use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Invalid, Result};
use crate::matching::evaluate::{
    ChildNeeds, Point, care_items_on, evaluate, home_point, needs_nights_and_weekends, site_point,
};
use crate::matching::index::{KindIndex, Ranked};
use crate::matching::types::*;
use crate::matching::words::check_words;
use crate::providers::Conditions;
use crate::record::Stamp;
use crate::store::child::{self as child_table, StoredChild};
use crate::store::municipality::{self, Municipality};
use crate::users::Permission;
use crate::vault::Registry;

/// Page size when none is asked for, and the most one answer lists.
const DEFAULT_LIMIT: u32 = 200;
const MAX_LIMIT: u32 = 1000;

impl Registry {
    /// Every live provider of `request.kind` checked against the child on the target date
    /// (today, the office's date, when none is given): listed all met, then some unknown, then
    /// (with `include_unmet`) unmet; ties by distance, then reading. Counts cover every provider.
    pub fn match_providers(&self, request: &MatchRequest, stamp: &Stamp) -> Result<MatchResult> {
        self.require(Permission::Read)?;
        let stored =
            child_table::find(&self.conn, &request.child_id)?.ok_or_else(|| Error::NotFound {
                entity: "child",
                id: request.child_id.clone(),
            })?;
        let child = &stored.row;
        let dob = parse_date("date_of_birth", &child.date_of_birth)?;
        let target = match request.target_date.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => parse_date("target_date", d)?,
            _ => stamp.today(),
        };
        if target < dob {
            return Err(Error::invalid(
                "target_date",
                Invalid::DateBefore {
                    earliest: dob.to_string(),
                },
            ));
        }
        let places: HashMap<String, Municipality> = municipality::all(&self.conn)?
            .into_iter()
            .map(|m| (m.code6.clone(), m))
            .collect();
        let ChildOnDate {
            needs,
            home,
            weight,
        } = child_on_date(&self.conn, &stored, dob, &places, target, request.kind)?;

        let limit = request.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as usize;
        let rank = |index: &KindIndex| index.rank(&needs, request.include_unmet, limit);
        let (counts, listed) = if self.conn.is_autocommit() {
            let mut cache = self.match_cache.borrow_mut();
            rank(cache.index(&self.conn, request.kind, || {
                index_kind(&self.conn, request.kind, &places)
            })?)
        } else {
            // Inside a transaction that may yet roll back: nothing is cached.
            rank(&index_kind(&self.conn, request.kind, &places)?)
        };
        let providers = self.listed_providers(&listed, &needs, &places, request.lang)?;

        Ok(MatchResult {
            child_id: stored.id.clone(),
            case_number: child.case_number.clone(),
            kind: request.kind,
            target_date: target.to_string(),
            age_months: needs.age_months,
            weight,
            care_items: needs.care_items,
            home,
            needs_nights_and_weekends: needs.needs_nights_and_weekends,
            counts,
            providers,
        })
    }

    /// The listed providers read in one query, evaluated again in full (the same pure rule,
    /// so the same outcome) for their verdicts, which are worded in `lang`.
    fn listed_providers(
        &self,
        listed: &[Ranked],
        needs: &ChildNeeds,
        places: &HashMap<String, Municipality>,
        lang: crate::error::Lang,
    ) -> Result<Vec<ProviderMatch>> {
        let rowids = serde_json::to_string(&listed.iter().map(|c| c.rowid).collect::<Vec<_>>())
            .expect("integers serialise");
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, id, name, kana, municipality_code, address, phone, lat, lon, conditions
             FROM provider WHERE rowid IN (SELECT value FROM json_each(?1))",
        )?;
        let mut found: HashMap<i64, ProviderMatch> = HashMap::with_capacity(listed.len());
        let mut rows = stmt.query([rowids])?;
        while let Some(r) = rows.next()? {
            let municipality_code: String = r.get(4)?;
            let place = hall_of(places, &municipality_code)?;
            let e = evaluate(
                needs,
                &conditions(r.get_ref(9)?),
                site_point(r.get(7)?, r.get(8)?, place),
            );
            let rowid: i64 = r.get(0)?;
            debug_assert!(
                listed.iter().any(|c| c.rowid == rowid
                    && c.outcome == e.outcome
                    && c.distance_km == e.distance_km),
                "the first pass placed row {rowid} as the full evaluation does: {e:?}"
            );
            found.insert(
                rowid,
                ProviderMatch {
                    provider_id: r.get(1)?,
                    name: r.get(2)?,
                    kana: r.get(3)?,
                    municipality_name: places
                        .get(&municipality_code)
                        .map(|m| m.name.clone())
                        .unwrap_or_default(),
                    municipality_code,
                    address: r.get(5)?,
                    phone: r.get(6)?,
                    outcome: e.outcome,
                    distance_km: e.distance_km,
                    in_service_area: e.in_service_area,
                    checks: e
                        .checks
                        .into_iter()
                        .map(|check| ConditionCheck {
                            criterion: check.criterion,
                            verdict: check.verdict,
                            words: check_words(check.criterion, check.verdict, lang),
                        })
                        .collect(),
                },
            );
        }
        let mut providers = Vec::with_capacity(listed.len());
        for c in listed {
            providers.push(
                found
                    .remove(&c.rowid)
                    .ok_or_else(|| Error::Internal(format!("provider row {} vanished", c.rowid)))?,
            );
        }
        Ok(providers)
    }
}

/// The compact index of the live providers of `kind`, read in one scan from the copy of the
/// current conditions on each provider's row. The kind index gives the row ids; reading the
/// rows in row id order then decrypts each table page once (walking the index would visit
/// pages out of order, and a national directory is larger than the page cache).
fn index_kind(
    conn: &rusqlite::Connection,
    kind: ProviderKind,
    places: &HashMap<String, Municipality>,
) -> Result<KindIndex> {
    let mut index = KindIndex::default();
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, kana_folded, municipality_code, lat, lon, conditions FROM provider
         WHERE rowid IN (SELECT rowid FROM provider WHERE kind = ?1) AND deleted_at IS NULL",
    )?;
    let mut rows = stmt.query([kind.code()])?;
    while let Some(r) = rows.next()? {
        let site = site_point(r.get(3)?, r.get(4)?, hall_of(places, text(r.get_ref(2)?))?);
        index.push(
            r.get(0)?,
            text(r.get_ref(1)?),
            &conditions(r.get_ref(5)?),
            site,
        )?;
    }
    index.shrink_to_fit();
    Ok(index)
}

/// The hall point of a municipality code (every provider's code is a known one).
fn hall_of(places: &HashMap<String, Municipality>, code: &str) -> Result<Point> {
    places
        .get(code)
        .map(hall)
        .ok_or_else(|| Error::Internal(format!("unknown municipality {code} of a provider")))
}

/// A provider's current conditions from the copy on its row. An unreadable copy (never
/// written by us) reads as nothing answered, so it is never listed as all met.
fn conditions(v: ValueRef<'_>) -> Conditions {
    serde_json::from_str(text(v)).unwrap_or_default()
}

fn hall(m: &Municipality) -> Point {
    Point {
        lat: m.lat,
        lon: m.lon,
    }
}

/// A text column borrowed from the row (no copy); anything else reads as empty.
fn text(v: ValueRef<'_>) -> &str {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or_default(),
        _ => "",
    }
}

/// What matching reads of a child on a date: its needs, its home point and latest weight.
pub(crate) struct ChildOnDate {
    pub needs: ChildNeeds,
    pub home: HomePoint,
    pub weight: Option<Weight>,
}

/// The child's needs on `on` for a provider of `kind` (age, latest weight by measurement date,
/// care items active then, home point or its municipality's hall): the one place they are read,
/// for a match and for a respite booking's check.
pub(crate) fn child_on_date(
    conn: &rusqlite::Connection,
    stored: &StoredChild,
    dob: chrono::NaiveDate,
    places: &HashMap<String, Municipality>,
    on: chrono::NaiveDate,
    kind: ProviderKind,
) -> Result<ChildOnDate> {
    let child = &stored.row;
    let items = care_item_entries(conn, &stored.id)?;
    let weight = child_table::weights(conn, &stored.id)?
        .into_iter()
        .next()
        .map(|w| Weight {
            measured_on: w.measured_on,
            weight_kg: w.weight_kg,
        });
    let home_place = places.get(&child.municipality_code).ok_or_else(|| {
        Error::Internal(format!(
            "unknown municipality {} of child {}",
            child.municipality_code, stored.id
        ))
    })?;
    let home = home_point(child.lat, child.lon, hall(home_place));
    let needs = ChildNeeds {
        age_months: months_between(dob, on),
        weight_kg: weight.as_ref().map(|w| w.weight_kg),
        care_items: care_items_on(&items, on),
        municipality_code: child.municipality_code.clone(),
        municipality_parent_code: home_place.parent_code6.clone(),
        home: Point {
            lat: home.lat,
            lon: home.lon,
        },
        needs_nights_and_weekends: needs_nights_and_weekends(&items, on, kind),
    };
    Ok(ChildOnDate {
        needs,
        home,
        weight,
    })
}
