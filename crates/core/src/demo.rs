//! Use case: fill a registry with a deterministic synthetic dataset — children with care
//! items and weights, and providers of every kind across Saitama's municipalities. The same
//! seed gives the same people and places; the same generator makes national-scale data for
//! benchmarks. Every name is invented; no real person or provider is described.

use chrono::{Datelike, Days, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::domain::care_item::{CARE_ITEM_RULES, CareItemCode};
use crate::domain::child_status::ChildStatus;
use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Invalid, Result};
use crate::record::{Stamp, id_with_random};
use crate::store::child::{self, NewChild};
use crate::store::municipality::{self, Municipality, MunicipalityKind};
use crate::store::provider::{self, NewProvider};
use crate::vault::Registry;

/// Largest dataset one call makes (national scale is ~70,000 providers, ~21,000 children).
const MAX_ROWS: u32 = 200_000;

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct DemoSpec {
    pub seed: u64,
    pub children: u32,
    pub providers: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoSummary {
    pub children: u32,
    pub care_items: u32,
    pub weights: u32,
    pub providers: u32,
}

const FAMILY: &[(&str, &str)] = &[
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("高橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("吉田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("関根", "セキネ"),
    ("新井", "アライ"),
    ("大野", "オオノ"),
    ("荒井", "アライ"),
];
const GIVEN: &[(&str, &str)] = &[
    ("陽翔", "ハルト"),
    ("蓮", "レン"),
    ("湊", "ミナト"),
    ("蒼", "アオイ"),
    ("樹", "イツキ"),
    ("陽葵", "ヒマリ"),
    ("凛", "リン"),
    ("芽依", "メイ"),
    ("結菜", "ユイナ"),
    ("紬", "ツムギ"),
    ("大和", "ヤマト"),
    ("さくら", "サクラ"),
    ("悠真", "ユウマ"),
    ("美咲", "ミサキ"),
];
/// Invented place words for provider names.
const PLACE: &[(&str, &str)] = &[
    ("あおば", "アオバ"),
    ("ひかり", "ヒカリ"),
    ("みどり", "ミドリ"),
    ("さくら", "サクラ"),
    ("こもれび", "コモレビ"),
    ("かすみ", "カスミ"),
    ("ほほえみ", "ホホエミ"),
    ("つばさ", "ツバサ"),
];

impl Registry {
    /// Adds the synthetic dataset of `spec` in one transaction (all or nothing), stamped
    /// with `stamp`. Case numbers are `DEMO{seed}-00001…`; loading the same seed twice is
    /// refused rather than duplicated.
    pub fn generate_demo(&mut self, spec: DemoSpec, stamp: &Stamp) -> Result<DemoSummary> {
        for (field, value) in [("children", spec.children), ("providers", spec.providers)] {
            if value > MAX_ROWS {
                return Err(Error::Validation {
                    field: field.into(),
                    problem: Invalid::OutOfRange {
                        min: 0,
                        max: MAX_ROWS as i64,
                    },
                });
            }
        }
        let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
        let places: Vec<Municipality> = municipality::all(&self.conn)?
            .into_iter()
            // Children and providers sit in a ward, not in さいたま市 as a whole.
            .filter(|m| !(m.kind == MunicipalityKind::City && m.code6 == "111007"))
            .collect();
        let today = stamp.at.date_naive();
        let tx = self.conn.transaction()?;
        let first_case = format!("DEMO{}-00001", spec.seed);
        if child::case_number_exists(&tx, &first_case)? {
            return Err(Error::DemoAlreadyLoaded { seed: spec.seed });
        }
        let mut summary = DemoSummary {
            children: 0,
            care_items: 0,
            weights: 0,
            providers: 0,
        };
        for n in 1..=spec.children {
            let (care_items, weights) =
                demo_child(&tx, stamp, &mut rng, &places, today, spec.seed, n)?;
            summary.children += 1;
            summary.care_items += care_items;
            summary.weights += weights;
        }
        for _ in 0..spec.providers {
            demo_provider(&tx, stamp, &mut rng, &places)?;
            summary.providers += 1;
        }
        tx.commit()?;
        Ok(summary)
    }
}

fn next_id(stamp: &Stamp, rng: &mut ChaCha8Rng) -> String {
    let mut random = [0u8; 10];
    rng.fill_bytes(&mut random);
    id_with_random(stamp, random)
}

/// One child with 1–5 care items and 1–3 weights; returns (care items, weights) written.
fn demo_child(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    rng: &mut ChaCha8Rng,
    places: &[Municipality],
    today: NaiveDate,
    seed: u64,
    n: u32,
) -> Result<(u32, u32)> {
    let (family, family_kana) = *FAMILY.choose(rng).expect("non-empty");
    let (given, given_kana) = *GIVEN.choose(rng).expect("non-empty");
    let age_days: u64 = rng.random_range(30..18 * 365);
    let dob = today - Days::new(age_days);
    let home = places.choose(rng).expect("municipalities are seeded");
    let status = if rng.random_bool(0.8) {
        ChildStatus::AtHome
    } else {
        *[
            ChildStatus::InpatientPlanning,
            ChildStatus::Referred,
            ChildStatus::Readmitted,
        ]
        .choose(rng)
        .expect("non-empty")
    };
    let id = next_id(stamp, rng);
    child::insert(
        tx,
        stamp,
        &NewChild {
            id: id.clone(),
            case_number: format!("DEMO{seed}-{n:05}"),
            name: format!("{family} {given}"),
            kana: format!("{family_kana} {given_kana}"),
            date_of_birth: dob.to_string(),
            sex: if rng.random_bool(0.5) {
                "female"
            } else {
                "male"
            },
            municipality_code: home.code6.clone(),
            status,
        },
    )?;

    let mut codes: Vec<CareItemCode> = Vec::new();
    let how_many = rng.random_range(1..=5);
    while codes.len() < how_many {
        let code = CARE_ITEM_RULES.choose(rng).expect("non-empty").code;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    for code in &codes {
        let level = *code
            .supervision_levels()
            .choose(rng)
            .expect("低 is always allowed");
        let item_id = next_id(stamp, rng);
        child::insert_care_item(tx, stamp, &item_id, &id, *code, level, &dob.to_string())?;
    }

    let weights = rng.random_range(1..=3u32);
    let age_years = f64::from(today.year() - dob.year()).max(0.0);
    for w in 0..weights {
        let measured = today - Days::new(u64::from(w) * 90);
        // A rough growth curve (kg) with some spread; never below a newborn's 2 kg.
        let kg = (3.0 + age_years * 2.6 + rng.random_range(-1.5..1.5)).max(2.0);
        let weight_id = next_id(stamp, rng);
        let kg = (kg * 10.0).round() / 10.0;
        child::insert_weight(tx, stamp, &weight_id, &id, &measured.to_string(), kg)?;
    }
    Ok((codes.len() as u32, weights))
}

fn demo_provider(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    rng: &mut ChaCha8Rng,
    places: &[Municipality],
) -> Result<()> {
    let kind = *ProviderKind::ALL.choose(rng).expect("non-empty");
    let (_, label) = kind.code_and_label();
    let (place, place_kana) = *PLACE.choose(rng).expect("non-empty");
    let m = places.choose(rng).expect("municipalities are seeded");
    let town = m.name.trim_start_matches("さいたま市");
    let accepts = *["yes", "no", "unknown"].choose(rng).expect("non-empty");
    let id = next_id(stamp, rng);
    provider::insert(
        tx,
        stamp,
        &NewProvider {
            id,
            kind,
            name: format!("{town}{place}{label}"),
            kana: format!("{}{}", m.kana, place_kana),
            municipality_code: m.code6.clone(),
            address: format!(
                "埼玉県{}{}丁目{}-{}",
                m.name,
                rng.random_range(1..6),
                rng.random_range(1..30),
                rng.random_range(1..20)
            ),
            phone: format!(
                "04{}-{:03}-{:04}",
                rng.random_range(2..10),
                rng.random_range(100..1000),
                rng.random_range(0..10000)
            ),
            // Within ~3 km of the municipality hall.
            lat: m.lat + rng.random_range(-0.03..0.03),
            lon: m.lon + rng.random_range(-0.03..0.03),
            location_source: "entered",
            accepts_children: accepts,
            record_source: ["survey", "manual"].choose(rng).expect("non-empty"),
        },
    )
}
