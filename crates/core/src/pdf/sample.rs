//! A demo-like child with everything the documents show (care items of both scores, a plan
//! with its team, a disaster profile, guardians, consent), made through the public use cases.
//! The sample images in docs/images, the PDF benchmark and the tests use it; the text varies
//! with `n` so many children can be made.

use chrono::Days;

use crate::cases::{
    Certificates, ChildInput, Consent, ConsentScope, Diagnosis, Guardian, RegisterChildRequest,
    Residence, Sex, Weight,
};
use crate::disaster::{
    DeviceKind, DisasterProfileInput, EmergencyContact, OtherPower, PowerDevice, Registration,
    SaveDisasterProfileRequest,
};
use crate::domain::care_item::{
    CareItemCode, CareItemDetails, CareItemEntry, FeedingRoute, Mobility, SevereFactors,
    SuctionFrequency, Supervision,
};
use crate::domain::child_status::ChildStatus;
use crate::domain::role::Role;
use crate::error::Result;
use crate::plans::{AddTeamMemberRequest, CompleteTaskRequest, CreatePlanRequest};
use crate::record::Stamp;
use crate::vault::Registry;

const FAMILY: [(&str, &str); 8] = [
    ("川越", "カワゴエ"),
    ("大宮", "オオミヤ"),
    ("浦和", "ウラワ"),
    ("所沢", "トコロザワ"),
    ("春日部", "カスカベ"),
    ("熊谷", "クマガヤ"),
    ("越谷", "コシガヤ"),
    ("草加", "ソウカ"),
];
const GIVEN: [(&str, &str); 6] = [
    ("陽葵", "ヒマリ"),
    ("蓮", "レン"),
    ("結菜", "ユイナ"),
    ("湊", "ミナト"),
    ("凛", "リン"),
    ("悠真", "ユウマ"),
];

fn item(code: CareItemCode, supervision: Supervision, details: CareItemDetails) -> CareItemEntry {
    CareItemEntry {
        code,
        supervision,
        details,
        start_date: Some("2025-06-01".into()),
        end_date: None,
    }
}

/// The care items of sample child `n`: every third child is ventilated, every third needs
/// only suction and feeding, the rest none.
fn care_items(n: u32) -> Vec<CareItemEntry> {
    match n % 3 {
        0 => vec![
            item(
                CareItemCode::Ventilator,
                Supervision::High,
                CareItemDetails {
                    device: Some("Trilogy Evo".into()),
                    hours_per_day: Some(24.0),
                    ..CareItemDetails::default()
                },
            ),
            item(
                CareItemCode::Tracheostomy,
                Supervision::High,
                CareItemDetails {
                    cannula_size: Some("4.0".into()),
                    ..CareItemDetails::default()
                },
            ),
            item(
                CareItemCode::Suction,
                Supervision::High,
                CareItemDetails {
                    suction_frequency: Some(SuctionFrequency::HourlyOrMore),
                    ..CareItemDetails::default()
                },
            ),
            item(
                CareItemCode::TubeFeeding,
                Supervision::Low,
                CareItemDetails {
                    feeding_route: Some(FeedingRoute::Gastrostomy),
                    ..CareItemDetails::default()
                },
            ),
            item(
                CareItemCode::TubeFeedingPump,
                Supervision::Low,
                CareItemDetails::default(),
            ),
        ],
        1 => vec![
            item(
                CareItemCode::Suction,
                Supervision::Low,
                CareItemDetails {
                    suction_frequency: Some(SuctionFrequency::SixPerDayOrMore),
                    ..CareItemDetails::default()
                },
            ),
            item(
                CareItemCode::TubeFeeding,
                Supervision::Low,
                CareItemDetails {
                    feeding_route: Some(FeedingRoute::Nasogastric),
                    ..CareItemDetails::default()
                },
            ),
        ],
        _ => vec![],
    }
}

/// Registers sample child `n` at home (since 2026-10-01), with guardians, diagnoses,
/// certificates, consent for the team, hospitals and the fire department, and a weight.
pub fn register_child(registry: &mut Registry, n: u32, stamp: &Stamp) -> Result<String> {
    let (family, family_kana) = FAMILY[(n as usize) % FAMILY.len()];
    let (given, given_kana) = GIVEN[(n as usize / FAMILY.len()) % GIVEN.len()];
    let ventilated = n.is_multiple_of(3);
    let child = ChildInput {
        case_number: None,
        name: format!("{family} {given}"),
        kana: format!("{family_kana} {given_kana}"),
        date_of_birth: format!("202{}-0{}-1{}", 1 + n % 4, 1 + n % 9, n % 10),
        sex: if n.is_multiple_of(2) {
            Sex::Female
        } else {
            Sex::Male
        },
        gestational_weeks: Some(26 + n % 12),
        birth_weight_g: Some(780 + (n % 20) * 90),
        diagnoses: if ventilated {
            vec![
                Diagnosis {
                    text: "低酸素性虚血性脳症".into(),
                    icd10: Some("P91.6".into()),
                    perinatal: true,
                },
                Diagnosis {
                    text: "慢性呼吸不全".into(),
                    icd10: Some("J96.1".into()),
                    perinatal: false,
                },
            ]
        } else {
            vec![Diagnosis {
                text: "18トリソミー".into(),
                icd10: Some("Q91.3".into()),
                perinatal: false,
            }]
        },
        residence: Residence {
            postal_code: "3501124".into(),
            address: format!(
                "川越市新宿町{}丁目{}番{}号 かけはしハイツ{}号室",
                1 + n % 6,
                1 + n % 20,
                1 + n % 9,
                100 + n % 300
            ),
            municipality_code: "112011".into(),
            lat: None,
            lon: None,
        },
        guardians: vec![
            Guardian {
                name: format!("{family} 美咲"),
                relation: "母".into(),
                phone_primary: format!("090-{:04}-{:04}", 1000 + n % 9000, 5678),
                phone_secondary: "049-222-3333".into(),
                email: "misaki@example.jp".into(),
                language_needs: String::new(),
            },
            Guardian {
                name: format!("{family} 健一"),
                relation: "父".into(),
                phone_primary: format!("080-{:04}-{:04}", 2000 + n % 8000, 1234),
                ..Guardian::default()
            },
        ],
        siblings: Some(1),
        certificates: Certificates {
            physical_disability_grade: Some(1),
            ryoiku_techo: Some("A".into()),
            shoman_disease: Some("慢性呼吸器疾患".into()),
            special_child_allowance: true,
            service_certificate: true,
            medical_care_category: None,
        },
        oshima_cell: Some(1),
        yokochi_code: None,
        severe_factors: SevereFactors {
            mobility: Some(Mobility::Bedridden),
            ..SevereFactors::default()
        },
        care_items: care_items(n),
        consent: Consent {
            given_on: Some("2026-04-01".into()),
            scope: vec![
                ConsentScope::CareTeam,
                ConsentScope::Hospitals,
                ConsentScope::FireDepartment,
            ],
            note: "学校への提供は保護者と再確認".into(),
        },
        coordinator: "坂戸 由美".into(),
    };
    let detail = registry.register_child(
        &RegisterChildRequest {
            child,
            weight: Some(Weight {
                measured_on: "2026-11-01".into(),
                weight_kg: 9.4,
            }),
            status: Some(ChildStatus::AtHome),
            status_date: Some("2026-10-01".into()),
            confirmed_not_duplicate: true,
        },
        stamp,
    )?;
    Ok(detail.id)
}

/// The disaster profile of sample child `n`: a ventilator on its batteries for the
/// ventilated ones, a suction device for the others.
pub fn save_disaster_profile(
    registry: &mut Registry,
    child_id: &str,
    n: u32,
    stamp: &Stamp,
) -> Result<()> {
    let devices = match n % 3 {
        0 => vec![
            PowerDevice {
                kind: DeviceKind::Ventilator,
                name: "Trilogy Evo".into(),
                internal_battery_hours: Some(4.0 + (n % 4) as f64),
                external_battery_hours: Some(if n.is_multiple_of(2) { 8.0 } else { 0.0 }),
            },
            PowerDevice {
                kind: DeviceKind::Suction,
                name: "スマイルキュート".into(),
                internal_battery_hours: Some(1.0),
                external_battery_hours: None,
            },
        ],
        1 => vec![PowerDevice {
            kind: DeviceKind::Suction,
            name: "スマイルキュート".into(),
            internal_battery_hours: Some(1.5),
            external_battery_hours: None,
        }],
        _ => vec![],
    };
    let on = |d: &str| Registration {
        registered: true,
        on: Some(d.into()),
    };
    let profile = DisasterProfileInput {
        devices,
        other_power: OtherPower {
            car: true,
            generator: n.is_multiple_of(2),
            spare_batteries: false,
            note: String::new(),
        },
        consumables_days: Some(7),
        power_company: on("2026-10-15"),
        evacuation_list: on("2026-10-20"),
        individual_plan: Registration::default(),
        evacuation_site: "川越市立第一小学校 体育館".into(),
        welfare_shelter: "川越市総合福祉センター オアシス".into(),
        emergency_hospital: "埼玉医科大学総合医療センター（小児科）".into(),
        contacts: vec![
            EmergencyContact {
                name: "川越 節子".into(),
                relation: "祖母".into(),
                phone: "049-222-0000".into(),
            },
            EmergencyContact {
                name: "訪問看護ステーションかけはし".into(),
                relation: "訪問看護".into(),
                phone: "049-333-4444".into(),
            },
        ],
        note: "停電時は車で実家（川越市岸町）へ移動する予定".into(),
    };
    let current = registry.disaster_profile(child_id, stamp)?;
    registry.save_disaster_profile(
        &SaveDisasterProfileRequest {
            child_id: child_id.to_string(),
            row_version: current.row_version,
            profile,
        },
        stamp,
    )?;
    Ok(())
}

/// An active discharge plan from the default template, target 45 days ahead, with a team of
/// four and the first five tasks done.
pub fn make_plan(registry: &mut Registry, child_id: &str, stamp: &Stamp) -> Result<String> {
    let today = stamp.today();
    let target = today + Days::new(45);
    let saved = registry.create_plan(
        &CreatePlanRequest {
            child_id: child_id.to_string(),
            target_date: target.to_string(),
            template_id: None,
            note: "在宅での人工呼吸器管理の練習を退院前に2回行う".into(),
        },
        stamp,
    )?;
    let plan_id = saved.plan.plan.id.clone();
    let team = [
        (
            Role::AttendingPhysician,
            "入間 誠",
            "埼玉県立小児医療センター 新生児科",
            "048-601-2200",
        ),
        (
            Role::HomeDoctor,
            "狭山 直子",
            "かけはし在宅クリニック",
            "049-111-2222",
        ),
        (
            Role::VisitingNurse,
            "朝霞 涼子",
            "訪問看護ステーションかけはし",
            "049-333-4444",
        ),
        (
            Role::ConsultationSpecialist,
            "和光 大輔",
            "相談支援事業所ひだまり",
            "049-555-6666",
        ),
    ];
    for (role, name, organisation, contact) in team {
        registry.add_team_member(
            &AddTeamMemberRequest {
                plan_id: plan_id.clone(),
                role,
                provider_id: None,
                person_name: name.into(),
                organisation: organisation.into(),
                contact: contact.into(),
                start_date: Some((today - Days::new(20)).to_string()),
                note: String::new(),
            },
            stamp,
        )?;
    }
    let plan = registry.get_plan(&plan_id, stamp)?;
    for task in plan.tasks.iter().take(5) {
        registry.complete_task(
            &CompleteTaskRequest {
                task_id: task.id.clone(),
                row_version: task.row_version,
                done_on: Some(today.to_string()),
            },
            stamp,
        )?;
    }
    Ok(plan_id)
}

/// A sample child with a disaster profile and an active plan: what every document shows.
pub fn full_child(registry: &mut Registry, n: u32, stamp: &Stamp) -> Result<String> {
    let id = register_child(registry, n, stamp)?;
    save_disaster_profile(registry, &id, n, stamp)?;
    make_plan(registry, &id, stamp)?;
    Ok(id)
}
