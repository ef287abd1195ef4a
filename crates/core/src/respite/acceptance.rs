//! The facility's acceptance conditions checked against the child before a stay (DOMAIN.md
//! §6), with matching's own rule and words ([`crate::matching::evaluate`],
//! [`crate::matching::words`]): the child's needs on the first night of the stay against the
//! one facility. It reads on the caller's connection, so a confirmation checks inside its
//! write transaction. (`Registry::match_providers` ranks a whole kind and lists a page; a
//! booking needs one facility's verdicts, which that page may not include.)

use chrono::NaiveDate;
use rusqlite::Connection;

use std::collections::HashMap;

use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Lang, Result};
use crate::matching::evaluate::{Point, evaluate, site_point};
use crate::matching::read::child_on_date;
use crate::matching::words::check_words;
use crate::matching::{ConditionCheck, Criterion, UnmetReason, Verdict};
use crate::providers::Conditions;
use crate::store::child as child_table;
use crate::store::municipality::{self, Municipality};
use crate::store::provider::StoredProvider;

/// The verdicts that matter for a booking: what refuses it, and what is not known.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Acceptance {
    /// Unmet conditions: the reasons (for the refusal) and the checks in words.
    pub unmet: Vec<(UnmetReason, ConditionCheck)>,
    pub unknown: Vec<ConditionCheck>,
}

impl Acceptance {
    pub fn unmet_checks(&self) -> Vec<ConditionCheck> {
        self.unmet.iter().map(|(_, c)| c.clone()).collect()
    }

    pub fn unmet_reasons(&self) -> Vec<UnmetReason> {
        self.unmet.iter().map(|(r, _)| *r).collect()
    }
}

/// Checks `facility`'s current conditions against the child on `on` (the first night).
/// `returning`: the child has stayed there before, so 新規受け入れ停止 does not hold it back.
pub fn check(
    conn: &Connection,
    child_id: &str,
    facility: &StoredProvider,
    kind: ProviderKind,
    on: NaiveDate,
    returning: bool,
    lang: Lang,
) -> Result<Acceptance> {
    let child = child_table::find(conn, child_id)?.ok_or_else(|| Error::NotFound {
        entity: child_table::CHILD,
        id: child_id.to_string(),
    })?;
    let dob = NaiveDate::parse_from_str(&child.row.date_of_birth, "%Y-%m-%d")
        .map_err(|_| Error::Internal(format!("unreadable date of birth of child {}", child.id)))?;
    let places: HashMap<String, Municipality> = municipality::all(conn)?
        .into_iter()
        .map(|m| (m.code6.clone(), m))
        .collect();
    let needs = child_on_date(conn, &child, dob, &places, on, kind)?.needs;
    let hall_of = |code: &str| {
        places
            .get(code)
            .ok_or_else(|| Error::Internal(format!("unknown municipality {code}")))
    };
    let site_place = hall_of(&facility.row.municipality_code)?;
    let site = site_point(
        facility.row.lat,
        facility.row.lon,
        Point {
            lat: site_place.lat,
            lon: site_place.lon,
        },
    );
    // An unreadable copy (never written by us) reads as nothing answered: unknown, not met.
    let conditions: Conditions =
        serde_json::from_value(facility.row.conditions.clone()).unwrap_or_default();
    let mut acceptance = Acceptance::default();
    for check in evaluate(&needs, &conditions, site).checks {
        let worded = ConditionCheck {
            criterion: check.criterion,
            verdict: check.verdict,
            words: check_words(check.criterion, check.verdict, lang),
        };
        match check.verdict {
            Verdict::Met => {}
            Verdict::Unmet { .. }
                if returning && check.criterion == Criterion::TakingNewClients => {}
            Verdict::Unmet { reason } => acceptance.unmet.push((reason, worded)),
            Verdict::Unknown { .. } => acceptance.unknown.push(worded),
        }
    }
    Ok(acceptance)
}
