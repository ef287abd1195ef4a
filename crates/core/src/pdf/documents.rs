//! What each document shows, read from the registry and put into plain, already worded
//! structs (dates 「2026年12月1日」, labels in Japanese, empty text as ""). The templates only
//! lay these out; they decide nothing.

use serde::Serialize;

use crate::cases::{ChildDetail, ConsentScope};
use crate::disaster::{DisasterProfile, PowerDevice, Roster, RosterRow};
use crate::domain::care_item::{CareItemDetails, CareItemEntry};
use crate::error::{Lang, Result};
use crate::pdf::words;
use crate::plans::{Phase, PlanDetail, TaskStatus, TeamMember};
use crate::record::Stamp;
use crate::vault::Registry;

// ---- Shared parts ----------------------------------------------------------------------

/// The header and footer of every document.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub title: String,
    /// 「2026年12月1日」
    pub made_on: String,
    /// Who the document is for, when it goes outside the team (「提供先：消防」)
    pub recipient: String,
    /// Printed when the family's consent does not cover the recipient and it was given anyway
    pub consent_note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChildFacts {
    pub case_number: String,
    pub name: String,
    pub kana: String,
    pub date_of_birth: String,
    pub age: String,
    pub sex: String,
    pub status: String,
    pub postal_code: String,
    pub address: String,
    pub municipality: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuardianLine {
    pub relation: String,
    pub name: String,
    pub phones: String,
    pub email: String,
    pub needs: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiagnosisLine {
    pub text: String,
    pub icd10: String,
    pub perinatal: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CareLine {
    pub label: String,
    pub supervision: String,
    pub details: String,
    pub since: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamLine {
    pub role: String,
    pub name: String,
    pub organisation: String,
    pub contact: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DeviceLine {
    pub kind: String,
    pub name: String,
    pub internal: String,
    pub external: String,
    pub total: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactLine {
    pub name: String,
    pub relation: String,
    pub phone: String,
}

/// The disaster profile as the documents show it.
#[derive(Debug, Clone, Serialize)]
pub struct DisasterPart {
    pub saved: bool,
    pub devices: Vec<DeviceLine>,
    /// The weakest device's hours: 「8時間」 or 「不明」; "" without power-dependent devices
    pub total_battery: String,
    pub other_power: String,
    pub consumables: String,
    pub power_company: String,
    pub evacuation_list: String,
    pub individual_plan: String,
    pub evacuation_site: String,
    pub welfare_shelter: String,
    pub emergency_hospital: String,
    pub contacts: Vec<ContactLine>,
    pub note: String,
    pub warnings: Vec<String>,
}

// ---- Case summary ------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct ScoreLine {
    pub label: String,
    pub base: String,
    pub supervision: String,
    pub points: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SevereLine {
    pub no: String,
    pub label: String,
    pub points: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseSummary {
    pub heading: Heading,
    pub child: ChildFacts,
    pub birth: String,
    pub weight: String,
    pub coordinator: String,
    pub certificates: Vec<String>,
    pub classification: String,
    pub guardians: Vec<GuardianLine>,
    pub diagnoses: Vec<DiagnosisLine>,
    pub care_items: Vec<CareLine>,
    pub scores_on: String,
    pub medical_care_total: String,
    pub medical_care_band: String,
    pub medical_care_lines: Vec<ScoreLine>,
    pub severe_total: String,
    pub severe_class: String,
    pub severe_conditions: String,
    pub severe_lines: Vec<SevereLine>,
    pub team: Vec<TeamLine>,
    /// Why the team is empty, when it is
    pub team_note: String,
    pub disaster: DisasterPart,
    pub consent_given_on: String,
    pub consent_scope: Vec<String>,
    pub consent_note: String,
}

// ---- Plan handout ------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct TaskLine {
    pub due: String,
    pub title: String,
    pub note: String,
    pub role: String,
    pub owner: String,
    pub status: String,
    pub done: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskGroup {
    pub label: String,
    /// 「3件中1件完了」
    pub progress: String,
    pub tasks: Vec<TaskLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanHandout {
    pub heading: Heading,
    pub child: ChildFacts,
    pub target_date: String,
    pub plan_status: String,
    pub plan_note: String,
    pub progress: String,
    pub phases: Vec<TaskGroup>,
    pub roles: Vec<TaskGroup>,
    pub team: Vec<TeamLine>,
    pub conferences: Vec<ConferenceLine>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConferenceLine {
    pub held_on: String,
    pub kind: String,
    pub title: String,
}

// ---- Emergency sheet ---------------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct EmergencySheet {
    pub heading: Heading,
    pub child: ChildFacts,
    pub guardians: Vec<GuardianLine>,
    pub diagnoses: String,
    pub care_items: String,
    pub ventilated: bool,
    pub disaster: DisasterPart,
    pub team: Vec<TeamLine>,
}

// ---- Roster ------------------------------------------------------------------------------

#[derive(Debug, Clone, Serialize)]
pub struct RosterLine {
    pub rank: String,
    pub group: String,
    pub name: String,
    pub kana: String,
    pub case_number: String,
    pub age: String,
    pub municipality: String,
    pub address: String,
    pub devices: Vec<String>,
    pub battery: String,
    pub guardians: Vec<Person>,
    pub contacts: Vec<Person>,
    pub team: Vec<Person>,
    pub hospital: String,
    pub evacuation_site: String,
    pub warnings: usize,
}

/// Someone to call: who (relation or role, and name) and the phone.
#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub who: String,
    pub phone: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RosterDoc {
    pub heading: Heading,
    pub scope: String,
    pub count: String,
    pub rows: Vec<RosterLine>,
}

// ---- Assembly ----------------------------------------------------------------------------

fn heading(title: &str, stamp: &Stamp) -> Heading {
    Heading {
        title: title.to_string(),
        made_on: words::date_of(stamp.today()),
        recipient: String::new(),
        consent_note: String::new(),
    }
}

/// The recipient line and, when the consent does not cover it, the note saying it was given
/// after the coordinator confirmed.
pub(crate) fn set_recipient(h: &mut Heading, recipient: Option<ConsentScope>, covered: bool) {
    if let Some(r) = recipient {
        h.recipient = format!("提供先：{}", r.label(Lang::Ja));
        if !covered {
            h.consent_note = format!(
                "本人・家族の同意の範囲に{}は含まれていません（担当者確認のうえ提供）",
                r.label(Lang::Ja)
            );
        }
    }
}

fn child_facts(d: &ChildDetail) -> ChildFacts {
    let c = &d.child;
    ChildFacts {
        case_number: d.case_number.clone(),
        name: c.name.clone(),
        kana: c.kana.clone(),
        date_of_birth: words::date(&c.date_of_birth),
        age: crate::matching::words::age_words(d.age_months, Lang::Ja),
        sex: words::sex(c.sex).to_string(),
        status: d.status.label_ja().to_string(),
        postal_code: postal(&c.residence.postal_code),
        address: c.residence.address.clone(),
        municipality: d.municipality_name.clone(),
    }
}

/// 「〒330-0063」, or "".
fn postal(code: &str) -> String {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        7 => format!("〒{}-{}", &digits[..3], &digits[3..]),
        0 => String::new(),
        _ => format!("〒{code}"),
    }
}

fn join_nonempty<'a>(parts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

fn guardians(d: &ChildDetail) -> Vec<GuardianLine> {
    d.child
        .guardians
        .iter()
        .map(|g| GuardianLine {
            relation: g.relation.clone(),
            name: g.name.clone(),
            phones: join_nonempty([g.phone_primary.as_str(), g.phone_secondary.as_str()], "／"),
            email: g.email.clone(),
            needs: g.language_needs.clone(),
        })
        .collect()
}

fn details_text(d: &CareItemDetails) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(v) = d.device.as_deref().filter(|v| !v.trim().is_empty()) {
        parts.push(format!("機器：{v}"));
    }
    if let Some(v) = d.cannula_size.as_deref().filter(|v| !v.trim().is_empty()) {
        parts.push(format!("カニューレ {v}"));
    }
    if let Some(r) = d.feeding_route {
        parts.push(words::feeding_route(r).to_string());
    }
    if let Some(h) = d.hours_per_day {
        parts.push(format!("{}時間/日", crate::disaster::words::hours(h)));
    }
    if let Some(f) = d.suction_frequency {
        parts.push(words::suction_frequency(f).to_string());
    }
    if d.nebulizer_continuous {
        parts.push("持続".into());
    } else if let Some(n) = d.nebulizer_per_day {
        parts.push(format!("{n}回/日"));
    }
    if let Some(n) = d.catheterizations_per_day {
        parts.push(format!("{n}回/日"));
    }
    if let Some(v) = d.note.as_deref().filter(|v| !v.trim().is_empty()) {
        parts.push(v.to_string());
    }
    parts.join("、")
}

/// The care items the child has on the day of the scores.
fn active_items(d: &ChildDetail) -> Vec<&CareItemEntry> {
    let on = chrono::NaiveDate::parse_from_str(&d.scores.on, "%Y-%m-%d").ok();
    d.child
        .care_items
        .iter()
        .filter(|i| on.is_none_or(|on| i.is_active_on(on)))
        .collect()
}

fn care_lines(d: &ChildDetail) -> Vec<CareLine> {
    active_items(d)
        .into_iter()
        .map(|i| CareLine {
            label: i.code.rule().label_ja.to_string(),
            supervision: i.supervision.label_ja().to_string(),
            details: details_text(&i.details),
            since: words::opt_date(i.start_date.as_deref()),
        })
        .collect()
}

fn team_lines(plan: Option<&PlanDetail>) -> Vec<TeamLine> {
    plan.map(|p| p.team.iter().filter(|m| m.current).map(team_line).collect())
        .unwrap_or_default()
}

fn team_line(m: &TeamMember) -> TeamLine {
    let organisation = if m.provider_id.is_some() {
        m.person_name.clone()
    } else {
        m.organisation.clone()
    };
    TeamLine {
        role: m.role.label_ja().to_string(),
        name: m.name.clone(),
        organisation,
        contact: m.contact.clone(),
    }
}

fn device_line(d: &PowerDevice) -> DeviceLine {
    let total = crate::disaster::warnings::device_hours(d);
    DeviceLine {
        kind: d.kind.label(Lang::Ja).to_string(),
        name: d.name.clone(),
        internal: words::hours(d.internal_battery_hours),
        external: match d.external_battery_hours {
            Some(h) if h > 0.0 => words::hours(Some(h)),
            Some(_) => "なし".into(),
            None => "不明".into(),
        },
        total: words::hours(total),
    }
}

fn registration(r: &crate::disaster::Registration) -> String {
    match (r.registered, r.on.as_deref()) {
        (true, Some(on)) => format!("登録済み（{}）", words::date(on)),
        (true, None) => "登録済み".into(),
        (false, _) => "未登録".into(),
    }
}

fn disaster_part(p: &DisasterProfile) -> DisasterPart {
    let i = &p.profile;
    let o = &i.other_power;
    let mut other: Vec<&str> = Vec::new();
    if o.car {
        other.push("車からの給電");
    }
    if o.generator {
        other.push("発電機");
    }
    if o.spare_batteries {
        other.push("予備バッテリー");
    }
    if !o.note.trim().is_empty() {
        other.push(o.note.as_str());
    }
    DisasterPart {
        saved: p.row_version > 0,
        devices: i.devices.iter().map(device_line).collect(),
        total_battery: if i.devices.is_empty() && p.total_battery_hours.is_none() {
            String::new()
        } else {
            words::hours(p.total_battery_hours)
        },
        other_power: other.join("、"),
        consumables: i
            .consumables_days
            .map(|d| format!("{d}日分"))
            .unwrap_or_default(),
        power_company: registration(&i.power_company),
        evacuation_list: registration(&i.evacuation_list),
        individual_plan: match (
            i.individual_plan.registered,
            i.individual_plan.on.as_deref(),
        ) {
            (true, Some(on)) => format!("作成済み（{}）", words::date(on)),
            (true, None) => "作成済み".into(),
            (false, _) => "未作成".into(),
        },
        evacuation_site: i.evacuation_site.clone(),
        welfare_shelter: i.welfare_shelter.clone(),
        emergency_hospital: i.emergency_hospital.clone(),
        contacts: i
            .contacts
            .iter()
            .map(|c| ContactLine {
                name: c.name.clone(),
                relation: c.relation.clone(),
                phone: c.phone.clone(),
            })
            .collect(),
        note: i.note.clone(),
        warnings: p.warnings.iter().map(|w| w.message.clone()).collect(),
    }
}

impl Registry {
    /// The plan whose team the case summary and the emergency sheet show: the active plan, else
    /// the latest completed one (`store::plan::team_plan_of`, the roster's rule too).
    fn team_plan(&self, child_id: &str, stamp: &Stamp) -> Result<Option<PlanDetail>> {
        crate::store::plan::team_plan_of(&self.conn, child_id)?
            .map(|id| self.plan_detail(&id, stamp.today()))
            .transpose()
    }

    pub(crate) fn case_summary_doc(&self, d: &ChildDetail, stamp: &Stamp) -> Result<CaseSummary> {
        let plan = self.team_plan(&d.id, stamp)?;
        let disaster = self.disaster_profile(&d.id, stamp)?;
        let c = &d.child;
        let birth = join_nonempty(
            [
                c.gestational_weeks
                    .map(|w| format!("在胎{w}週"))
                    .unwrap_or_default()
                    .as_str(),
                c.birth_weight_g
                    .map(|g| format!("出生体重{g}g"))
                    .unwrap_or_default()
                    .as_str(),
            ],
            "、",
        );
        let weight = d
            .weights
            .first()
            .map(|w| {
                format!(
                    "{}kg（{}）",
                    crate::disaster::words::hours(w.weight_kg),
                    words::date(&w.measured_on)
                )
            })
            .unwrap_or_default();
        let cert = &c.certificates;
        let mut certificates = Vec::new();
        if let Some(g) = cert.physical_disability_grade {
            certificates.push(format!("身体障害者手帳 {g}級"));
        }
        if let Some(r) = cert
            .ryoiku_techo
            .as_deref()
            .filter(|r| !r.trim().is_empty())
        {
            certificates.push(format!("療育手帳 {r}"));
        }
        if let Some(s) = cert
            .shoman_disease
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            certificates.push(format!("小児慢性特定疾病（{s}）"));
        }
        if cert.special_child_allowance {
            certificates.push("特別児童扶養手当".into());
        }
        if cert.service_certificate {
            certificates.push("障害福祉サービス受給者証".into());
        }
        if let Some(m) = cert
            .medical_care_category
            .as_deref()
            .filter(|m| !m.trim().is_empty())
        {
            certificates.push(format!("医療的ケア区分 {m}"));
        }
        let classification = join_nonempty(
            [
                c.oshima_cell
                    .map(|n| format!("大島分類 {n}"))
                    .unwrap_or_default()
                    .as_str(),
                c.yokochi_code
                    .as_deref()
                    .map(|y| format!("横地分類 {y}"))
                    .unwrap_or_default()
                    .as_str(),
            ],
            "、",
        );
        let mc = &d.scores.medical_care;
        let sv = &d.scores.severe;
        let team = team_lines(plan.as_ref());
        let team_note = if plan.is_none() {
            "進行中または完了した退院支援計画がないため、支援チームは登録されていません。"
                .to_string()
        } else if team.is_empty() {
            "支援チームのメンバーはまだいません。".to_string()
        } else {
            String::new()
        };
        Ok(CaseSummary {
            heading: heading("ケースサマリー", stamp),
            child: child_facts(d),
            birth,
            weight,
            coordinator: c.coordinator.clone(),
            certificates,
            classification,
            guardians: guardians(d),
            diagnoses: c
                .diagnoses
                .iter()
                .map(|x| DiagnosisLine {
                    text: x.text.clone(),
                    icd10: x.icd10.clone().unwrap_or_default(),
                    perinatal: x.perinatal,
                })
                .collect(),
            care_items: care_lines(d),
            scores_on: words::date(&d.scores.on),
            medical_care_total: format!("{}点", mc.total),
            medical_care_band: words::band(mc.band).to_string(),
            medical_care_lines: mc
                .lines
                .iter()
                .map(|l| ScoreLine {
                    label: l.label.clone(),
                    base: l.base.to_string(),
                    supervision: format!(
                        "{}（+{}）",
                        l.supervision.label_ja(),
                        l.supervision_points
                    ),
                    points: l.points.to_string(),
                    note: l.note.clone().unwrap_or_default(),
                })
                .collect(),
            severe_total: format!("{}点", sv.total),
            severe_class: words::class(sv.class).to_string(),
            severe_conditions: format!(
                "運動機能が座位まで：{}　状態が6か月以上継続：{}",
                words::condition(sv.mobility_condition),
                words::condition(sv.duration_condition)
            ),
            severe_lines: sv
                .lines
                .iter()
                .map(|l| SevereLine {
                    no: l.item_no.to_string(),
                    label: l.label.clone(),
                    points: l.points.to_string(),
                    reason: l.reason.clone(),
                })
                .collect(),
            team,
            team_note,
            disaster: disaster_part(&disaster),
            consent_given_on: words::opt_date(c.consent.given_on.as_deref()),
            consent_scope: c
                .consent
                .scope
                .iter()
                .map(|s| s.label(Lang::Ja).to_string())
                .collect(),
            consent_note: c.consent.note.clone(),
        })
    }

    pub(crate) fn plan_handout_doc(&self, d: &ChildDetail, stamp: &Stamp) -> Result<PlanHandout> {
        let plan =
            self.plan_for_child(&d.id, stamp)?
                .ok_or_else(|| crate::error::Error::NotFound {
                    entity: "plan",
                    id: d.case_number.clone(),
                })?;
        let line = |t: &crate::plans::PlanTask| TaskLine {
            due: words::day_with_weekday(&t.due_date),
            title: t.title.clone(),
            note: t.note.clone(),
            role: t.role.label_ja().to_string(),
            owner: t.owner_name.clone(),
            status: match (t.status, t.done_on.as_deref()) {
                (TaskStatus::Done, Some(on)) => format!("完了 {}", short_date(on)),
                (TaskStatus::Open, _) if t.overdue => "期限超過".into(),
                (s, _) => s.label_ja().into(),
            },
            done: t.status != TaskStatus::Open,
        };
        let group = |label: &str, tasks: Vec<&crate::plans::PlanTask>| TaskGroup {
            label: label.to_string(),
            progress: progress(&tasks),
            tasks: tasks.into_iter().map(line).collect(),
        };
        let phases = Phase::ALL
            .iter()
            .map(|&phase| {
                (
                    phase,
                    plan.tasks.iter().filter(|t| t.phase == phase).collect(),
                )
            })
            .filter(|(_, tasks): &(Phase, Vec<_>)| !tasks.is_empty())
            .map(|(phase, tasks)| group(phase.label_ja(), tasks))
            .collect();
        let roles = crate::domain::role::Role::ALL
            .iter()
            .map(|&role| (role, plan.tasks.iter().filter(|t| t.role == role).collect()))
            .filter(|(_, tasks): &(_, Vec<_>)| !tasks.is_empty())
            .map(|(role, tasks)| group(role.label_ja(), tasks))
            .collect();
        Ok(PlanHandout {
            heading: heading("退院支援計画", stamp),
            child: child_facts(d),
            target_date: words::date(&plan.plan.target_date),
            plan_status: plan.plan.status.label_ja().to_string(),
            plan_note: plan.plan.note.clone(),
            progress: progress(&plan.tasks.iter().collect::<Vec<_>>()),
            phases,
            roles,
            team: team_lines(Some(&plan)),
            conferences: plan
                .conferences
                .iter()
                .map(|c| ConferenceLine {
                    held_on: words::date(&c.held_on),
                    kind: c.kind.label_ja().to_string(),
                    title: c.title.clone(),
                })
                .collect(),
        })
    }

    pub(crate) fn emergency_sheet_doc(
        &self,
        d: &ChildDetail,
        stamp: &Stamp,
    ) -> Result<EmergencySheet> {
        let plan = self.team_plan(&d.id, stamp)?;
        let disaster = self.disaster_profile(&d.id, stamp)?;
        let items = active_items(d);
        let ventilated = items
            .iter()
            .any(|i| i.code == crate::domain::care_item::CareItemCode::Ventilator)
            || disaster
                .profile
                .devices
                .iter()
                .any(|x| x.kind == crate::disaster::DeviceKind::Ventilator);
        Ok(EmergencySheet {
            heading: heading("緊急時情報シート", stamp),
            child: child_facts(d),
            guardians: guardians(d),
            diagnoses: d
                .child
                .diagnoses
                .iter()
                .map(|x| x.text.trim())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("、"),
            care_items: items
                .iter()
                .map(|i| i.code.rule().label_ja)
                .collect::<Vec<_>>()
                .join("、"),
            ventilated,
            disaster: disaster_part(&disaster),
            team: team_lines(plan.as_ref()),
        })
    }

    pub(crate) fn roster_doc(&self, roster: &Roster, scope: &str, stamp: &Stamp) -> RosterDoc {
        RosterDoc {
            heading: heading("緊急時連絡網", stamp),
            scope: scope.to_string(),
            count: format!("{}人", roster.rows.len()),
            rows: roster.rows.iter().map(roster_line).collect(),
        }
    }
}

fn roster_line(r: &RosterRow) -> RosterLine {
    RosterLine {
        rank: r.rank.to_string(),
        group: if r.ventilated {
            "呼吸器".into()
        } else if r.power_dependent {
            "電源".into()
        } else {
            String::new()
        },
        name: r.name.clone(),
        kana: r.kana.clone(),
        case_number: r.case_number.clone().unwrap_or_default(),
        age: r.age.clone(),
        municipality: r.municipality.clone(),
        // Addresses are usually entered with the city; add it when they are not.
        address: if r.address.starts_with(&r.municipality) {
            r.address.clone()
        } else {
            format!("{}{}", r.municipality, r.address)
        },
        devices: r
            .devices
            .iter()
            .map(|d| {
                let hours = crate::disaster::warnings::device_hours(d);
                format!("{} {}", d.kind.label(Lang::Ja), words::hours(hours))
            })
            .collect(),
        battery: if r.power_dependent {
            words::hours(r.total_battery_hours)
        } else {
            String::new()
        },
        guardians: r
            .guardians
            .iter()
            .map(|g| person(&g.relation, &g.name, &g.phone))
            .collect(),
        contacts: r
            .contacts
            .iter()
            .map(|c| person(&c.relation, &c.name, &c.phone))
            .collect(),
        team: r
            .team
            .iter()
            .map(|t| person(&t.role, &t.name, &t.phone))
            .collect(),
        hospital: r.emergency_hospital.clone(),
        evacuation_site: r.evacuation_site.clone(),
        warnings: r.warnings.len(),
    }
}

fn person(relation: &str, name: &str, phone: &str) -> Person {
    Person {
        who: join_nonempty([relation, name], " "),
        phone: phone.to_string(),
    }
}

/// 「12/1」 from an ISO date.
fn short_date(iso: &str) -> String {
    use chrono::Datelike;
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => format!("{}/{}", d.month(), d.day()),
        Err(_) => iso.to_string(),
    }
}

/// 「12件中5件完了」 (skipped tasks count as settled).
fn progress(tasks: &[&crate::plans::PlanTask]) -> String {
    let done = tasks
        .iter()
        .filter(|t| t.status != TaskStatus::Open)
        .count();
    format!("{}件中{}件完了", tasks.len(), done)
}
