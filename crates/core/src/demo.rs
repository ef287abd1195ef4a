//! Use case: fill a registry with a deterministic synthetic dataset — children with care
//! items and weights, and providers of every kind across Saitama's municipalities. The same
//! seed gives the same people and places; the same generator makes national-scale data for
//! benchmarks. Every name is invented; no real person or provider is described.

use chrono::{Datelike, Days, NaiveDate};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::campaigns::TargetState;
use crate::campaigns::write::{
    CheckedCampaign, answer_record, insert_campaign_record, set_state_record,
};
use crate::cases::validate::check_child;
use crate::cases::{ChildInput, Guardian, Residence, Sex, Weight, insert_child_record};
use crate::domain::care_item::{
    CARE_ITEM_RULES, CareItemCode, CareItemDetails, CareItemEntry, FeedingRoute, Mobility,
    SevereFactors, SuctionFrequency,
};
use crate::domain::child_status::ChildStatus;
use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Invalid, Result};
use crate::providers::{
    Answer, CareItemAnswer, Conditions, ProviderInput, PublicationConsent, RecordSource,
    ServiceArea, insert_provider_record,
};
use crate::record::{Stamp, id_with_random};
use crate::store::child::{self, WEIGHT, WeightRow};
use crate::store::municipality::{self, Municipality, MunicipalityKind};
use crate::store::rows;
use crate::users::Permission;
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
        self.require(Permission::Write)?;
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
        let mut providers = Vec::new();
        for _ in 0..spec.providers {
            providers.push(demo_provider(&tx, stamp, &mut rng, &places)?);
            summary.providers += 1;
        }
        if !providers.is_empty() {
            demo_campaign(&tx, stamp, &mut rng, &providers)?;
        }
        // Last, so that the data above stays the same for a seed as before plans existed.
        demo_plans(&tx, stamp, &mut rng, spec.seed)?;
        demo_disaster(&tx, stamp, &mut rng, spec.seed)?;
        tx.commit()?;
        Ok(summary)
    }
}

fn next_id(stamp: &Stamp, rng: &mut ChaCha8Rng) -> String {
    let mut random = [0u8; 10];
    rng.fill_bytes(&mut random);
    id_with_random(stamp, random)
}

/// One child with 1–5 care items (always a valid combination), a guardian and 1–3
/// weights, written through the same path as intake; returns (care items, weights).
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

    let mut codes: Vec<CareItemCode> = Vec::new();
    let how_many = rng.random_range(1..=5);
    while codes.len() < how_many {
        let code = CARE_ITEM_RULES.choose(rng).expect("non-empty").code;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    // A pump only comes with the care item it drives.
    for (pump, base) in [
        (CareItemCode::TubeFeedingPump, CareItemCode::TubeFeeding),
        (
            CareItemCode::SubcutaneousPump,
            CareItemCode::SubcutaneousInjection,
        ),
    ] {
        if codes.contains(&pump) && !codes.contains(&base) {
            codes.push(base);
        }
    }
    let care_items: Vec<CareItemEntry> = codes
        .iter()
        .map(|&code| {
            let mut details = CareItemDetails::default();
            match code {
                CareItemCode::TubeFeeding => {
                    details.feeding_route = Some(*ROUTES.choose(rng).expect("non-empty"))
                }
                CareItemCode::Suction => {
                    details.suction_frequency = Some(*FREQUENCIES.choose(rng).expect("non-empty"))
                }
                CareItemCode::Ventilator => {
                    details.hours_per_day = Some(f64::from(rng.random_range(8..=24)))
                }
                _ => {}
            }
            CareItemEntry {
                code,
                supervision: *code
                    .supervision_levels()
                    .choose(rng)
                    .expect("低 is always allowed"),
                details,
                start_date: Some(dob.to_string()),
                end_date: None,
            }
        })
        .collect();

    let age_years = f64::from(today.year() - dob.year()).max(0.0);
    let weights = rng.random_range(1..=3u32);
    let mut measured: Vec<Weight> = (0..weights)
        .map(|w| {
            // A rough growth curve (kg) with some spread; never below a newborn's 2 kg.
            let kg = (3.0 + age_years * 2.6 + rng.random_range(-1.5..1.5)).max(2.0);
            Weight {
                measured_on: (today - Days::new(u64::from(w) * 90)).max(dob).to_string(),
                weight_kg: (kg * 10.0).round() / 10.0,
            }
        })
        .collect();
    let mut child = ChildInput {
        case_number: Some(format!("DEMO{seed}-{n:05}")),
        name: format!("{family} {given}"),
        kana: format!("{family_kana} {given_kana}"),
        date_of_birth: dob.to_string(),
        sex: if rng.random_bool(0.5) {
            Sex::Female
        } else {
            Sex::Male
        },
        gestational_weeks: Some(rng.random_range(23..=40)),
        birth_weight_g: Some(rng.random_range(400..=3800)),
        diagnoses: vec![],
        residence: Residence {
            postal_code: String::new(),
            address: format!("{}{}丁目", home.name, rng.random_range(1..6)),
            municipality_code: home.code6.clone(),
            lat: None,
            lon: None,
        },
        guardians: vec![Guardian {
            name: format!(
                "{family} {}",
                ["由美", "健太", "真理子", "大輔"]
                    .choose(rng)
                    .expect("non-empty")
            ),
            relation: ["母", "父"].choose(rng).expect("non-empty").to_string(),
            phone_primary: format!(
                "090-{:04}-{:04}",
                rng.random_range(0..10000),
                rng.random_range(0..10000)
            ),
            ..Guardian::default()
        }],
        siblings: Some(rng.random_range(0..3)),
        certificates: Default::default(),
        oshima_cell: Some(rng.random_range(1..=25)),
        yokochi_code: None,
        severe_factors: SevereFactors {
            mobility: Some(*MOBILITY.choose(rng).expect("non-empty")),
            ..SevereFactors::default()
        },
        care_items,
        consent: Default::default(),
        coordinator: String::new(),
    };
    // The generator must make what intake accepts; a refusal here is a bug in it.
    check_child(&mut child, today, |code| {
        crate::store::municipality::exists(tx, code)
    })?;
    measured.sort_by(|a, b| a.measured_on.cmp(&b.measured_on));
    let latest = measured.pop();
    let mut ids = || next_id(stamp, rng);
    let id = insert_child_record(tx, stamp, &mut ids, &child, status, today, latest.as_ref())?;
    for w in &measured {
        let row = WeightRow {
            child_id: id.clone(),
            measured_on: w.measured_on.clone(),
            weight_kg: w.weight_kg,
        };
        rows::insert(
            tx,
            stamp,
            WEIGHT,
            &next_id(stamp, rng),
            &rows::columns_of(&row),
        )?;
    }
    Ok((child.care_items.len() as u32, weights))
}

const ROUTES: [FeedingRoute; 4] = [
    FeedingRoute::Nasogastric,
    FeedingRoute::Gastrostomy,
    FeedingRoute::Gastrostomy,
    FeedingRoute::Jejunostomy,
];
const FREQUENCIES: [SuctionFrequency; 3] = [
    SuctionFrequency::HourlyOrMore,
    SuctionFrequency::SixPerDayOrMore,
    SuctionFrequency::Less,
];
const MOBILITY: [Mobility; 5] = [
    Mobility::Bedridden,
    Mobility::Bedridden,
    Mobility::Sitting,
    Mobility::WalkingImpaired,
    Mobility::Walking,
];

/// One provider of a random kind near its municipality hall, with answered conditions
/// (three-valued, so some are left unanswered) and a publication consent; returns its id and
/// conditions.
fn demo_provider(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    rng: &mut ChaCha8Rng,
    places: &[Municipality],
) -> Result<(String, Conditions)> {
    let kind = *ProviderKind::ALL.choose(rng).expect("non-empty");
    let (_, label) = kind.code_and_label();
    let (place, place_kana) = *PLACE.choose(rng).expect("non-empty");
    let m = places.choose(rng).expect("municipalities are seeded");
    let town = m.name.trim_start_matches("さいたま市");
    let answer = |rng: &mut ChaCha8Rng| {
        *[Answer::Yes, Answer::Yes, Answer::No, Answer::Unknown]
            .choose(rng)
            .expect("non-empty")
    };
    let mut care_items = Vec::new();
    for rule in &CARE_ITEM_RULES {
        if rng.random_bool(0.6) {
            care_items.push(CareItemAnswer {
                code: rule.code,
                answer: answer(rng),
            });
        }
    }
    let neighbours: Vec<String> = places
        .choose_multiple(rng, 3)
        .map(|p| p.code6.clone())
        .collect();
    let conditions = Conditions {
        accepts_children: answer(rng),
        age_min_months: None,
        age_max_months: if rng.random_bool(0.5) {
            Some(12 * rng.random_range(3..=20))
        } else {
            None
        },
        weight_min_kg: None,
        weight_max_kg: if rng.random_bool(0.4) {
            Some(f64::from(rng.random_range(8..=40)))
        } else {
            None
        },
        care_items,
        service_area: ServiceArea {
            municipality_codes: if rng.random_bool(0.7) {
                neighbours
            } else {
                vec![]
            },
            radius_km: if rng.random_bool(0.3) {
                Some(f64::from(rng.random_range(5..=20)))
            } else {
                None
            },
        },
        nights: answer(rng),
        weekends: answer(rng),
        around_the_clock: answer(rng),
        taking_new_clients: answer(rng),
        free_text: String::new(),
    };
    let published = rng.random_bool(0.7);
    let input = ProviderInput {
        kind,
        name: format!("{town}{place}{label}"),
        kana: format!("{}{}", m.kana, place_kana),
        postal_code: String::new(),
        address: format!(
            "埼玉県{}{}丁目{}-{}",
            m.name,
            rng.random_range(1..6),
            rng.random_range(1..30),
            rng.random_range(1..20)
        ),
        municipality_code: m.code6.clone(),
        // Within ~3 km of the municipality hall.
        lat: Some(m.lat + rng.random_range(-0.03..0.03)),
        lon: Some(m.lon + rng.random_range(-0.03..0.03)),
        phone: format!(
            "04{}-{:03}-{:04}",
            rng.random_range(2..10),
            rng.random_range(100..1000),
            rng.random_range(0..10000)
        ),
        fax: String::new(),
        email: String::new(),
        contact_person: String::new(),
        business_number: None,
        capacity: None,
        opening_hours: "月〜金 9:00-18:00".into(),
        record_source: if rng.random_bool(0.5) {
            RecordSource::Survey
        } else {
            RecordSource::Manual
        },
        last_verified_on: None,
        conditions: conditions.clone(),
        publication: PublicationConsent {
            name: published,
            address: published,
            phone: published,
            contact_person: false,
            conditions: published && rng.random_bool(0.5),
            consented_on: published.then(|| stamp.today().to_string()),
        },
    };
    let mut ids = || next_id(stamp, rng);
    let id = insert_provider_record(tx, stamp, &mut ids, &input, stamp.today())?;
    Ok((id, conditions))
}

/// One survey campaign sent 45 days ago to up to 150 of the providers, with a realistic
/// spread: most answered (the same conditions again), the rest sent, phoned, visited or
/// not answering.
fn demo_campaign(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    rng: &mut ChaCha8Rng,
    providers: &[(String, Conditions)],
) -> Result<()> {
    let today = stamp.today();
    let sent_on = today - Days::new(45);
    let chosen: Vec<&(String, Conditions)> = providers.choose_multiple(rng, 150).collect();
    let campaign = CheckedCampaign {
        title: format!("{}年度 小児在宅受け入れ状況調査", sent_on.year()),
        sent_on,
        due_on: Some(today - Days::new(15)),
        note: "デモデータ".into(),
        provider_ids: chosen.iter().map(|(id, _)| id.clone()).collect(),
    };
    let mut ids = || next_id(stamp, rng);
    let campaign_id = insert_campaign_record(tx, stamp, &mut ids, &campaign)?;
    for (provider_id, conditions) in chosen {
        let target = crate::store::campaign::find_target_of(tx, &campaign_id, provider_id)?
            .ok_or_else(|| Error::Internal("demo target not written".into()))?;
        let roll = rng.random_range(0..100);
        let on = sent_on + Days::new(rng.random_range(3..=44));
        if roll < 72 {
            let version_id = next_id(stamp, rng);
            answer_record(tx, stamp, &version_id, &target, None, on, conditions)?;
        } else if roll < 90 {
            let (state, note) = match roll {
                72..=83 => (TargetState::Phoned, "担当者不在、折り返し待ち"),
                84..=85 => (TargetState::Visited, "訪問時に記入を依頼"),
                _ => (TargetState::NoAnswer, "電話に応答なし"),
            };
            set_state_record(tx, stamp, &target, None, state, on, note)?;
        }
    }
    Ok(())
}

/// Discharge plans for up to three children still in hospital (or just referred), with the
/// target 75, 45 and 20 days away: most tasks already due are done, an MSW is in the team,
/// and a visiting nursing station has been sent a referral (accepted for the first child).
fn demo_plans(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    rng: &mut ChaCha8Rng,
    seed: u64,
) -> Result<()> {
    use crate::plans::team::{insert_member_record, insert_referral_record, move_referral_record};
    use crate::plans::write::{insert_plan_record, set_task_status_record};
    use crate::plans::{ReferralStatus, TaskStatus};
    use crate::store::plan::{self as plan_table, MemberRow, ReferralRow, TaskRow};

    let Some(template_id) = plan_table::default_template_id(tx)? else {
        return Ok(());
    };
    let children: Vec<String> = tx
        .prepare(
            "SELECT id FROM child WHERE case_number LIKE ?1 AND deleted_at IS NULL
             AND status IN ('inpatient_planning', 'referred')
             ORDER BY status = 'referred', case_number LIMIT 3",
        )?
        .query_map([format!("DEMO{seed}-%")], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let nursing: Vec<String> = tx
        .prepare(
            "SELECT id FROM provider WHERE kind = 'visiting_nursing' AND deleted_at IS NULL
             ORDER BY id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let today = stamp.today();
    for (i, child_id) in children.iter().enumerate() {
        let target = today + Days::new([75, 45, 20][i]);
        let mut ids = || next_id(stamp, rng);
        let plan_id = insert_plan_record(
            tx,
            stamp,
            &mut ids,
            child_id,
            target,
            &template_id,
            "デモデータ",
        )?;
        for task in plan_table::of_plan::<TaskRow>(tx, &plan_id)? {
            let due = NaiveDate::parse_from_str(&task.row.due_date, "%Y-%m-%d")
                .map_err(|_| Error::Internal("demo due date".into()))?;
            if due < today && rng.random_bool(0.8) {
                set_task_status_record(tx, stamp, &task.id, None, TaskStatus::Done, Some(due))?;
            }
        }
        let msw = MemberRow {
            plan_id: plan_id.clone(),
            role: crate::domain::role::Role::Msw.code().into(),
            provider_id: None,
            person_name: ["大野 真理子", "新井 健太", "関根 美咲"][i].into(),
            organisation: "（デモ）さいたま小児医療センター".into(),
            contact: "内線 2101".into(),
            start_date: (target - Days::new(90)).min(today).to_string(),
            end_date: None,
            referral_id: None,
            note: String::new(),
        };
        insert_member_record(tx, stamp, &next_id(stamp, rng), &msw)?;
        let Some(provider_id) = nursing.choose(rng).cloned() else {
            continue;
        };
        let referral_id = next_id(stamp, rng);
        let row = ReferralRow {
            plan_id: plan_id.clone(),
            provider_id,
            role: crate::domain::role::Role::VisitingNurse.code().into(),
            status: ReferralStatus::Draft.code().into(),
            status_on: (today - Days::new(7)).to_string(),
            sent_on: None,
            decided_on: None,
            start_on: Some(target.to_string()),
            ended_on: None,
            reason: String::new(),
            note: String::new(),
        };
        insert_referral_record(tx, stamp, &referral_id, &row)?;
        let steps: &[(ReferralStatus, u64)] = if i == 0 {
            &[(ReferralStatus::Sent, 5), (ReferralStatus::Accepted, 2)]
        } else {
            &[(ReferralStatus::Sent, 3)]
        };
        for &(status, days_ago) in steps {
            let referral = plan_table::find::<ReferralRow>(tx, &referral_id)?
                .ok_or_else(|| Error::Internal("demo referral not written".into()))?;
            let member_id = next_id(stamp, rng);
            move_referral_record(
                tx,
                stamp,
                &referral,
                None,
                status,
                today - Days::new(days_ago),
                "",
                target,
                &member_id,
            )?;
        }
    }
    Ok(())
}

/// Disaster profiles for most children at home, so the emergency roster has something to
/// rank: devices from their care items (a ventilator whose batteries last a few hours, an
/// oxygen concentrator whose hours nobody knows yet…), registrations and contacts that are
/// sometimes missing; every fourth child has no profile yet.
fn demo_disaster(
    tx: &rusqlite::Transaction<'_>,
    stamp: &Stamp,
    rng: &mut ChaCha8Rng,
    seed: u64,
) -> Result<()> {
    use crate::disaster::write::{check_profile, insert_profile_record};
    use crate::disaster::{DeviceKind, DisasterProfileInput, EmergencyContact, PowerDevice};
    use crate::disaster::{OtherPower, Registration};

    let children: Vec<(String, String)> = tx
        .prepare(
            "SELECT c.id, coalesce(group_concat(i.code), '') FROM child c
             LEFT JOIN child_care_item i ON i.child_id = c.id AND i.deleted_at IS NULL
             WHERE c.case_number LIKE ?1 AND c.deleted_at IS NULL AND c.status = 'at_home'
             GROUP BY c.id ORDER BY c.case_number",
        )?
        .query_map([format!("DEMO{seed}-%")], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let today = stamp.today();
    let registered = |yes: bool, days_ago: u64| Registration {
        registered: yes,
        on: yes.then(|| (today - Days::new(days_ago)).to_string()),
    };
    for (i, (child_id, codes)) in children.iter().enumerate() {
        if i % 4 == 3 {
            continue;
        }
        let has = |code: &str| codes.split(',').any(|c| c == code);
        let device = |kind, internal: Option<f64>, external: Option<f64>| PowerDevice {
            kind,
            name: String::new(),
            internal_battery_hours: internal,
            external_battery_hours: external,
        };
        let mut devices = Vec::new();
        if has("ventilator") {
            let external = [None, Some(4.0), Some(12.0), Some(24.0)]
                .choose(rng)
                .copied()
                .flatten();
            devices.push(PowerDevice {
                name: "（デモ）在宅用人工呼吸器".into(),
                ..device(
                    DeviceKind::Ventilator,
                    Some([2.0, 3.0, 6.0][i % 3]),
                    external,
                )
            });
        }
        if has("oxygen") {
            let internal = if rng.random_bool(0.3) {
                None
            } else {
                Some(0.0)
            };
            devices.push(device(DeviceKind::OxygenConcentrator, internal, Some(8.0)));
        }
        if has("suction") {
            devices.push(device(DeviceKind::Suction, Some(1.0), Some(30.0)));
        }
        if has("tube_feeding_pump") {
            devices.push(device(DeviceKind::FeedingPump, Some(24.0), None));
        }
        let contacts = if i % 3 == 2 {
            Vec::new()
        } else {
            vec![EmergencyContact {
                name: "（デモ）祖母".into(),
                relation: "祖母".into(),
                phone: format!("048-555-{:04}", 1000 + i),
            }]
        };
        let mut profile = DisasterProfileInput {
            devices,
            other_power: OtherPower {
                car: rng.random_bool(0.6),
                generator: rng.random_bool(0.2),
                spare_batteries: rng.random_bool(0.4),
                note: String::new(),
            },
            consumables_days: Some([3, 7, 14][i % 3]),
            power_company: registered(rng.random_bool(0.6), 120),
            evacuation_list: registered(rng.random_bool(0.7), 200),
            individual_plan: registered(rng.random_bool(0.3), 60),
            evacuation_site: "（デモ）市立第一小学校".into(),
            welfare_shelter: "（デモ）ひかり福祉センター".into(),
            emergency_hospital: "（デモ）さいたま小児医療センター".into(),
            contacts,
            note: "デモデータ".into(),
        };
        // The generator must make what the form accepts; a refusal here is a bug in it.
        check_profile(&mut profile, today)?;
        insert_profile_record(tx, stamp, &next_id(stamp, rng), child_id, &profile)?;
    }
    Ok(())
}
