//! The use case: read the child, rank every live provider of the kind in one scan (outcome and
//! distance only, from the copy of the current conditions on each provider's row), order
//! them, then read the listed page in one more query and evaluate it in full, with reasons.

use std::collections::HashMap;

use rusqlite::types::ValueRef;

use crate::cases::Weight;
use crate::cases::read::months_between;
use crate::cases::validate::parse_date;
use crate::domain::care_item::{CareItemCode, CareItemEntry};
use crate::error::{Error, Invalid, Result};
use crate::matching::evaluate::{
    ChildNeeds, Point, care_items_on, classify, evaluate, home_point, listing_order,
    needs_nights_and_weekends, site_point,
};
use crate::matching::types::*;
use crate::matching::words::check_words;
use crate::providers::Conditions;
use crate::record::Stamp;
use crate::store::child as child_table;
use crate::store::municipality::{self, Municipality};
use crate::vault::Registry;

/// Page size when none is asked for, and the most one answer lists.
const DEFAULT_LIMIT: u32 = 200;
const MAX_LIMIT: u32 = 1000;

/// A provider kept for the listing: its row and where it ranks.
struct Candidate {
    rowid: i64,
    kana_folded: String,
    outcome: MatchOutcome,
    distance_km: f64,
}

impl Registry {
    /// Every live provider of `request.kind` checked against the child on the target date
    /// (today, the office's date, when none is given): listed all met, then some unknown, then
    /// (with `include_unmet`) unmet; ties by distance, then reading. Counts cover every provider.
    pub fn match_providers(&self, request: &MatchRequest, stamp: &Stamp) -> Result<MatchResult> {
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
        let items = care_item_entries(&self.conn, &stored.id)?;
        let weight = child_table::weights(&self.conn, &stored.id)?
            .into_iter()
            .next()
            .map(|w| Weight {
                measured_on: w.measured_on,
                weight_kg: w.weight_kg,
            });
        let places: HashMap<String, Municipality> = municipality::all(&self.conn)?
            .into_iter()
            .map(|m| (m.code6.clone(), m))
            .collect();
        let home_place = places.get(&child.municipality_code).ok_or_else(|| {
            Error::Internal(format!(
                "unknown municipality {} of child {}",
                child.municipality_code, stored.id
            ))
        })?;
        let home = home_point(child.lat, child.lon, hall(home_place));
        let needs = ChildNeeds {
            age_months: months_between(dob, target),
            weight_kg: weight.as_ref().map(|w| w.weight_kg),
            care_items: care_items_on(&items, target),
            municipality_code: child.municipality_code.clone(),
            municipality_parent_code: home_place.parent_code6.clone(),
            home: Point {
                lat: home.lat,
                lon: home.lon,
            },
            needs_nights_and_weekends: needs_nights_and_weekends(&items, target, request.kind),
        };

        let (counts, mut listed) = self.rank_kind(request, &needs, &places)?;
        listed.sort_by(|a, b| {
            listing_order(
                (a.outcome, a.distance_km, &a.kana_folded),
                (b.outcome, b.distance_km, &b.kana_folded),
            )
            // Same outcome, distance and reading: the older record first, for a stable list.
            .then(a.rowid.cmp(&b.rowid))
        });
        let limit = request.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as usize;
        listed.truncate(limit);
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

    /// One scan over the live providers of the kind: ranks each, counts every outcome, and
    /// keeps those to be listed (unmet ones only when asked).
    fn rank_kind(
        &self,
        request: &MatchRequest,
        needs: &ChildNeeds,
        places: &HashMap<String, Municipality>,
    ) -> Result<(MatchCounts, Vec<Candidate>)> {
        let mut counts = MatchCounts::default();
        let mut listed = Vec::new();
        // The kind index gives the row ids; reading the rows in row id order then decrypts
        // each table page once (walking the index would visit pages out of order, and a
        // national directory is larger than the page cache).
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, kana_folded, municipality_code, lat, lon, conditions FROM provider
             WHERE rowid IN (SELECT rowid FROM provider WHERE kind = ?1) AND deleted_at IS NULL",
        )?;
        let mut rows = stmt.query([request.kind.code()])?;
        while let Some(r) = rows.next()? {
            let site = site_point(r.get(3)?, r.get(4)?, hall_of(places, text(r.get_ref(2)?))?);
            let (outcome, distance_km) = classify(needs, &conditions(r.get_ref(5)?), site);
            match outcome {
                MatchOutcome::AllMet => counts.all_met += 1,
                MatchOutcome::SomeUnknown => counts.some_unknown += 1,
                MatchOutcome::Unmet => counts.unmet += 1,
            }
            if outcome != MatchOutcome::Unmet || request.include_unmet {
                listed.push(Candidate {
                    rowid: r.get(0)?,
                    kana_folded: text(r.get_ref(1)?).to_string(),
                    outcome,
                    distance_km,
                });
            }
        }
        Ok((counts, listed))
    }

    /// The listed providers read in one query, evaluated again in full (the same pure rule,
    /// so the same outcome) for their verdicts, which are worded in `lang`.
    fn listed_providers(
        &self,
        listed: &[Candidate],
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
            found.insert(
                r.get(0)?,
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
        listed
            .iter()
            .map(|c| {
                found
                    .remove(&c.rowid)
                    .ok_or_else(|| Error::Internal(format!("provider row {} vanished", c.rowid)))
            })
            .collect()
    }
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

/// The child's live care items with their dates and details (what the rule reads: which
/// items are active on the target date, and how often suction is needed).
fn care_item_entries(conn: &rusqlite::Connection, child_id: &str) -> Result<Vec<CareItemEntry>> {
    child_table::care_items(conn, child_id)?
        .into_iter()
        .map(|(_, row)| {
            let code: CareItemCode = serde_json::from_value(row.code.clone().into())
                .map_err(|_| Error::Internal(format!("unknown care item {}", row.code)))?;
            Ok(CareItemEntry {
                code,
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
