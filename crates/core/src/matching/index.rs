//! The compact match index of one provider kind: per provider only what the outcome and the
//! listing order need, in flat arrays, so that ranking a whole national directory is a pass
//! over memory with no allocation and no parsing per provider.
//!
//! Per provider: its row id, its point ready for haversine, the answers that do not depend on
//! the child folded into outcomes when the index is built (小児・新規受け入れ; 夜間・休日 with
//! 24時間対応), the age and weight limits (an absent limit as the bound nobody crosses), the
//! care-item answers as two bit masks (accepted, refused; neither = not answered; the first
//! answer of an item counts, as in [`super::evaluate`]), the service area as a sorted list of
//! small integers (municipality codes interned per index) and its radius, and the folded
//! reading for ties.
//!
//! [`KindIndex::rank`] gives exactly the outcomes, distances and order that
//! [`super::evaluate::classify`] and [`super::evaluate::listing_order`] give on the same
//! providers (a property test compares them); the listed page is then evaluated in full from
//! the database, as before.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::mem::size_of;

use crate::domain::care_item::CareItemCode;
use crate::error::{Error, Result};
use crate::matching::evaluate::{
    ChildNeeds, Point, PreparedPoint, answered, distance_km, listing_order, out_of_hours,
    outcome_of_verdict,
};
use crate::matching::types::{MatchCounts, MatchOutcome, UnmetReason};
use crate::providers::{Answer, Conditions};

/// One bit per care item (19 today).
type ItemMask = u32;

fn item_bit(code: CareItemCode) -> ItemMask {
    1u32.checked_shl(code as u32)
        .expect("fewer care items than bits in ItemMask")
}

const _: () = assert!(
    crate::domain::care_item::CARE_ITEM_RULES.len() <= ItemMask::BITS as usize,
    "a care item no longer fits the match index's bit masks"
);

/// Flags in `Hot::flags`.
const WEIGHT_LIMITED: u8 = 1;
const AREA_ANSWERED: u8 = 2;
const HAS_RADIUS: u8 = 4;

/// What settles most providers, read first for every one (20 bytes).
#[derive(Debug, Clone, Copy)]
struct Hot {
    /// 0 when absent
    age_min_months: u32,
    /// `u32::MAX` when absent
    age_max_months: u32,
    accepted: ItemMask,
    refused: ItemMask,
    /// 小児の受け入れ and 新規受け入れ together
    answers: MatchOutcome,
    /// Those and 夜間・休日 (24時間対応 covering an unanswered one), for a child who needs them
    answers_with_nights: MatchOutcome,
    flags: u8,
}

/// The rest of a provider, read only when its hot part left it not unmet (56 bytes).
#[derive(Debug, Clone, Copy)]
struct Cold {
    rowid: i64,
    site: PreparedPoint,
    /// `-∞` when absent: no weight is below it
    weight_min_kg: f64,
    /// `+∞` when absent: no weight is above it
    weight_max_kg: f64,
    /// Only with `HAS_RADIUS`
    radius_km: f64,
}

/// The child's side of the first pass, in the index's terms.
struct Needle {
    age_months: u32,
    weight_kg: Option<f64>,
    items: ItemMask,
    home: PreparedPoint,
    /// The home municipality and its designated city, as interned here (`None`: listed by
    /// no provider of the index)
    home_code: Option<u32>,
    parent_code: Option<u32>,
    nights_and_weekends: bool,
}

/// A provider placed by the first pass: its row, outcome and distance (km, to 0.1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub rowid: i64,
    pub outcome: MatchOutcome,
    pub distance_km: f64,
}

/// Every live provider of one kind, compactly (see the module doc).
#[derive(Debug, Default)]
pub struct KindIndex {
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    /// Where each provider's reading ends in `kana` (it starts where the previous one ends)
    kana_ends: Vec<u32>,
    kana: String,
    /// Where each provider's area list ends in `areas`
    area_ends: Vec<u32>,
    areas: Vec<u32>,
    /// Municipality code → its small integer in `areas`
    codes: HashMap<String, u32>,
}

impl KindIndex {
    /// Adds a provider: its row id, folded reading, current conditions and point (its own,
    /// else its municipality hall's).
    pub fn push(
        &mut self,
        rowid: i64,
        kana_folded: &str,
        c: &Conditions,
        site: Point,
    ) -> Result<()> {
        let too_large = || Error::Internal("the match index outgrew its 32-bit offsets".into());
        if self.hot.len() >= u32::MAX as usize {
            return Err(too_large());
        }
        let (mut accepted, mut refused, mut seen) = (0, 0, 0);
        for a in &c.care_items {
            let bit = item_bit(a.code);
            if seen & bit != 0 {
                continue; // the rule reads the first answer of an item
            }
            seen |= bit;
            match a.answer {
                Answer::Yes => accepted |= bit,
                Answer::No => refused |= bit,
                Answer::Unknown => {}
            }
        }
        let mut area: Vec<u32> = c
            .service_area
            .municipality_codes
            .iter()
            .map(|code| self.intern(code))
            .collect();
        area.sort_unstable();
        area.dedup();
        self.areas.extend_from_slice(&area);
        self.area_ends
            .push(u32::try_from(self.areas.len()).map_err(|_| too_large())?);
        self.kana.push_str(kana_folded);
        self.kana_ends
            .push(u32::try_from(self.kana.len()).map_err(|_| too_large())?);

        let mut flags = 0;
        if c.weight_min_kg.is_some() || c.weight_max_kg.is_some() {
            flags |= WEIGHT_LIMITED;
        }
        if !c.service_area.municipality_codes.is_empty() || c.service_area.radius_km.is_some() {
            flags |= AREA_ANSWERED;
        }
        if c.service_area.radius_km.is_some() {
            flags |= HAS_RADIUS;
        }
        let verdict = |answer, reason| outcome_of_verdict(answered(answer, reason));
        let answers = verdict(c.accepts_children, UnmetReason::ChildrenNotAccepted).max(verdict(
            c.taking_new_clients,
            UnmetReason::NotTakingNewClients,
        ));
        let nights = out_of_hours(c.nights, c.around_the_clock, UnmetReason::NoNights);
        let weekends = out_of_hours(c.weekends, c.around_the_clock, UnmetReason::NoWeekends);
        self.hot.push(Hot {
            age_min_months: c.age_min_months.unwrap_or(0),
            age_max_months: c.age_max_months.unwrap_or(u32::MAX),
            accepted,
            refused,
            answers,
            answers_with_nights: answers
                .max(outcome_of_verdict(nights))
                .max(outcome_of_verdict(weekends)),
            flags,
        });
        self.cold.push(Cold {
            rowid,
            site: PreparedPoint::of(site),
            weight_min_kg: c.weight_min_kg.unwrap_or(f64::NEG_INFINITY),
            weight_max_kg: c.weight_max_kg.unwrap_or(f64::INFINITY),
            radius_km: c.service_area.radius_km.unwrap_or(f64::NAN),
        });
        Ok(())
    }

    /// Gives back the spare capacity once every provider is in.
    pub fn shrink_to_fit(&mut self) {
        self.hot.shrink_to_fit();
        self.cold.shrink_to_fit();
        self.kana_ends.shrink_to_fit();
        self.kana.shrink_to_fit();
        self.area_ends.shrink_to_fit();
        self.areas.shrink_to_fit();
        self.codes.shrink_to_fit();
    }

    /// Bytes held on the heap (the hash map's by its capacity, an estimate).
    pub fn heap_bytes(&self) -> usize {
        self.hot.capacity() * size_of::<Hot>()
            + self.cold.capacity() * size_of::<Cold>()
            + (self.kana_ends.capacity() + self.area_ends.capacity() + self.areas.capacity())
                * size_of::<u32>()
            + self.kana.capacity()
            + self.codes.capacity() * (size_of::<(String, u32)>() + 1)
            + self.codes.keys().map(String::capacity).sum::<usize>()
    }

    fn intern(&mut self, code: &str) -> u32 {
        let next = self.codes.len() as u32;
        *self.codes.entry(code.to_string()).or_insert(next)
    }

    fn kana(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.kana_ends[i - 1] };
        &self.kana[start as usize..self.kana_ends[i] as usize]
    }

    fn area(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.area_ends[i - 1] };
        &self.areas[start as usize..self.area_ends[i] as usize]
    }

    fn needle(&self, child: &ChildNeeds) -> Needle {
        Needle {
            age_months: child.age_months,
            weight_kg: child.weight_kg,
            items: child.care_items.iter().fold(0, |m, &c| m | item_bit(c)),
            home: PreparedPoint::of(child.home),
            home_code: self.codes.get(child.municipality_code.as_str()).copied(),
            parent_code: child
                .municipality_parent_code
                .as_deref()
                .and_then(|code| self.codes.get(code).copied()),
            nights_and_weekends: child.needs_nights_and_weekends,
        }
    }

    /// The outcome of provider `i`, and its distance when the service area needed it. Stops
    /// once a condition is unmet (nothing after can change that outcome); the conditions that
    /// settle most providers come first.
    #[inline]
    fn classify_at(&self, i: usize, n: &Needle) -> (MatchOutcome, Option<f64>) {
        let h = &self.hot[i];
        let mut outcome = if n.nights_and_weekends {
            h.answers_with_nights
        } else {
            h.answers
        };
        if outcome == MatchOutcome::Unmet
            || n.items & h.refused != 0
            || n.age_months < h.age_min_months
            || n.age_months > h.age_max_months
        {
            return (MatchOutcome::Unmet, None);
        }
        if n.items & !h.accepted != 0 {
            outcome = outcome.max(MatchOutcome::SomeUnknown);
        }
        let c = &self.cold[i];
        if h.flags & WEIGHT_LIMITED != 0 {
            match n.weight_kg {
                None => outcome = outcome.max(MatchOutcome::SomeUnknown),
                Some(kg) if kg > c.weight_max_kg || kg < c.weight_min_kg => {
                    return (MatchOutcome::Unmet, None);
                }
                Some(_) => {}
            }
        }
        if h.flags & AREA_ANSWERED == 0 {
            return (outcome.max(MatchOutcome::SomeUnknown), None);
        }
        let area = self.area(i);
        let listed = n.home_code.is_some_and(|code| area.contains(&code))
            || n.parent_code.is_some_and(|code| area.contains(&code));
        if listed {
            return (outcome, None);
        }
        if h.flags & HAS_RADIUS == 0 {
            return (MatchOutcome::Unmet, None);
        }
        let d = distance_km(n.home, c.site);
        if d <= c.radius_km {
            (outcome, Some(d))
        } else {
            (MatchOutcome::Unmet, Some(d))
        }
    }

    /// The outcome and distance of provider `i` as [`super::evaluate::classify`] gives them
    /// (for tests: the first pass itself skips distances it does not need).
    #[cfg(test)]
    pub(super) fn classify(&self, i: usize, child: &ChildNeeds) -> (MatchOutcome, f64) {
        let n = self.needle(child);
        let (outcome, d) = self.classify_at(i, &n);
        (
            outcome,
            d.unwrap_or_else(|| distance_km(n.home, self.cold[i].site)),
        )
    }

    /// The first pass: every provider's outcome counted, and the first `limit` of those
    /// listed (unmet ones only with `include_unmet`) in the listing order, ties after the
    /// reading going to the older row.
    pub fn rank(
        &self,
        child: &ChildNeeds,
        include_unmet: bool,
        limit: usize,
    ) -> (MatchCounts, Vec<Ranked>) {
        let n = self.needle(child);
        let mut counts = MatchCounts::default();
        // (outcome, distance, provider) of those that may be listed
        let mut listed: Vec<(MatchOutcome, f64, u32)> = Vec::new();
        let mut unmet: Vec<u32> = Vec::new();
        for i in 0..self.hot.len() {
            let (outcome, d) = self.classify_at(i, &n);
            match outcome {
                MatchOutcome::AllMet => counts.all_met += 1,
                MatchOutcome::SomeUnknown => counts.some_unknown += 1,
                MatchOutcome::Unmet => counts.unmet += 1,
            }
            if outcome != MatchOutcome::Unmet {
                let d = d.unwrap_or_else(|| distance_km(n.home, self.cold[i].site));
                listed.push((outcome, d, i as u32));
            } else if include_unmet && listed.len() < limit {
                unmet.push(i as u32);
            }
        }
        // Unmet ones come after all others: they reach the page only when the others leave
        // room, and only then is their distance worked out.
        if listed.len() < limit {
            listed.extend(unmet.into_iter().map(|i| {
                let d = distance_km(n.home, self.cold[i as usize].site);
                (MatchOutcome::Unmet, d, i)
            }));
        }
        let order = |a: &(MatchOutcome, f64, u32), b: &(MatchOutcome, f64, u32)| -> Ordering {
            let (ia, ib) = (a.2 as usize, b.2 as usize);
            listing_order((a.0, a.1, self.kana(ia)), (b.0, b.1, self.kana(ib)))
                .then(self.cold[ia].rowid.cmp(&self.cold[ib].rowid))
        };
        if limit == 0 {
            listed.clear();
        } else if listed.len() > limit {
            // The order is total (row ids are unique), so the first `limit` are exactly those
            // a full sort would put first.
            listed.select_nth_unstable_by(limit - 1, order);
            listed.truncate(limit);
        }
        listed.sort_unstable_by(order);
        let page = listed
            .into_iter()
            .map(|(outcome, distance_km, i)| Ranked {
                rowid: self.cold[i as usize].rowid,
                outcome,
                distance_km,
            })
            .collect();
        (counts, page)
    }
}
