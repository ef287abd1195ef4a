//! What crosses the boundary for the case registry: the intake/edit input, the case page,
//! the case list, and the status history. Field names and enum values are DOMAIN.md's codes;
//! the same shapes are the CLI's JSON (docs/cases-json.md).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::care_item::{CareItemEntry, SevereFactors};
use crate::domain::child_status::ChildStatus;
use crate::domain::scores::medical_care::MedicalCareScore;
use crate::domain::scores::severe::SevereScore;
use crate::error::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
    Unknown,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::Unknown => "unknown",
        }
    }
}

/// A diagnosis: free text, optional ICD-10 code, and whether the underlying condition is
/// perinatal in origin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Diagnosis {
    pub text: String,
    pub icd10: Option<String>,
    #[serde(default)]
    pub perinatal: bool,
}

/// Where the child lives. Without coordinates, distances use the municipality hall's point.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Residence {
    /// 〒 7 digits, with or without the hyphen
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub address: String,
    /// 6-digit 全国地方公共団体コード
    pub municipality_code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// A guardian or contact person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Guardian {
    pub name: String,
    /// 母, 父, 祖母…
    #[serde(default)]
    pub relation: String,
    #[serde(default)]
    pub phone_primary: String,
    #[serde(default)]
    pub phone_secondary: String,
    #[serde(default)]
    pub email: String,
    /// e.g. a language other than Japanese, an interpreter
    #[serde(default)]
    pub language_needs: String,
}

/// 手帳・受給者証.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Certificates {
    /// 身体障害者手帳 grade 1–6
    pub physical_disability_grade: Option<u8>,
    /// 療育手帳 (A, B, or the prefecture's notation)
    pub ryoiku_techo: Option<String>,
    /// 小児慢性特定疾病: the disease name
    pub shoman_disease: Option<String>,
    /// 特別児童扶養手当
    #[serde(default)]
    pub special_child_allowance: bool,
    /// 障害福祉サービス受給者証
    #[serde(default)]
    pub service_certificate: bool,
    /// 医療的ケア区分 on the 受給者証
    pub medical_care_category: Option<String>,
}

/// Who may receive the child's information (情報共有同意の範囲).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// 在宅支援チーム (providers on the child's team)
    CareTeam,
    /// 医療機関
    Hospitals,
    /// 市町村・保健所
    Municipality,
    /// 学校・保育所
    Schools,
    /// 消防
    FireDepartment,
    /// 電力会社
    PowerCompany,
}

impl ConsentScope {
    pub const ALL: [ConsentScope; 6] = [
        ConsentScope::CareTeam,
        ConsentScope::Hospitals,
        ConsentScope::Municipality,
        ConsentScope::Schools,
        ConsentScope::FireDepartment,
        ConsentScope::PowerCompany,
    ];

    /// Who the scope names: 「消防」, 「電力会社」…
    pub fn label(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            ConsentScope::CareTeam => ("在宅支援チーム", "the home care team"),
            ConsentScope::Hospitals => ("医療機関", "hospitals"),
            ConsentScope::Municipality => ("市町村・保健所", "the municipality"),
            ConsentScope::Schools => ("学校・保育所", "schools"),
            ConsentScope::FireDepartment => ("消防", "the fire department"),
            ConsentScope::PowerCompany => ("電力会社", "the power company"),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ConsentScope::CareTeam => "care_team",
            ConsentScope::Hospitals => "hospitals",
            ConsentScope::Municipality => "municipality",
            ConsentScope::Schools => "schools",
            ConsentScope::FireDepartment => "fire_department",
            ConsentScope::PowerCompany => "power_company",
        }
    }

    pub fn from_code(code: &str) -> Option<ConsentScope> {
        ConsentScope::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// 情報共有同意.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Consent {
    /// ISO date the consent was given; `None` = no consent on file
    pub given_on: Option<String>,
    #[serde(default)]
    pub scope: Vec<ConsentScope>,
    #[serde(default)]
    pub note: String,
}

/// A weight measurement in kg.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Weight {
    pub measured_on: String,
    pub weight_kg: f64,
}

/// Everything entered on the intake or edit form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChildInput {
    /// `None` on intake = assign the next `KH-YYYY-NNNN`
    pub case_number: Option<String>,
    pub name: String,
    /// Reading in katakana or hiragana
    pub kana: String,
    pub date_of_birth: String,
    pub sex: Sex,
    pub gestational_weeks: Option<u32>,
    pub birth_weight_g: Option<u32>,
    #[serde(default)]
    pub diagnoses: Vec<Diagnosis>,
    pub residence: Residence,
    #[serde(default)]
    pub guardians: Vec<Guardian>,
    pub siblings: Option<u32>,
    #[serde(default)]
    pub certificates: Certificates,
    /// 大島分類 cell 1–25
    pub oshima_cell: Option<u8>,
    /// 横地分類 code, e.g. "A1-C"
    pub yokochi_code: Option<String>,
    #[serde(default)]
    pub severe_factors: SevereFactors,
    #[serde(default)]
    pub care_items: Vec<CareItemEntry>,
    #[serde(default)]
    pub consent: Consent,
    /// The responsible coordinator's name
    #[serde(default)]
    pub coordinator: String,
}

/// Intake: the child, the first weight, and the status the case starts in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RegisterChildRequest {
    pub child: ChildInput,
    pub weight: Option<Weight>,
    /// Defaults to `referred`
    pub status: Option<ChildStatus>,
    /// ISO date of that status; defaults to today
    pub status_date: Option<String>,
    /// Save even though possible duplicates were found (the user saw the warning)
    #[serde(default)]
    pub confirmed_not_duplicate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateChildRequest {
    pub id: String,
    /// The version the form was loaded at; a newer one means someone else changed it.
    #[ts(type = "number")]
    pub row_version: i64,
    pub child: ChildInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChangeStatusRequest {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub status: ChildStatus,
    pub date: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordWeightRequest {
    pub id: String,
    pub weight: Weight,
}

/// Live scores for the intake form, before anything is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScoreRequest {
    #[serde(default)]
    pub care_items: Vec<CareItemEntry>,
    #[serde(default)]
    pub severe_factors: SevereFactors,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Scores {
    /// ISO date the scores were computed for
    pub on: String,
    pub medical_care: MedicalCareScore,
    pub severe: SevereScore,
}

/// Possible duplicates of a child about to be registered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DuplicateQuery {
    pub kana: String,
    pub date_of_birth: String,
    #[serde(default)]
    pub phones: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DuplicateCandidate {
    pub id: String,
    pub case_number: String,
    pub name: String,
    pub kana: String,
    pub date_of_birth: String,
    pub reasons: Vec<DuplicateReason>,
}

/// Why an existing case may be the same child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    /// 同じ読みと生年月日
    SameReadingAndBirthDate,
    /// 同じ保護者電話番号
    SameGuardianPhone,
}

/// One dated status change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusChange {
    pub status: ChildStatus,
    pub date: String,
    pub note: String,
    pub recorded_at: String,
    pub recorded_by: String,
}

/// One change from the audit log, for the case page's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChangeEntry {
    pub at: String,
    pub actor: String,
    /// child, child_care_item, child_weight, child_status_change…
    pub entity: String,
    /// create, update, delete
    pub action: String,
    pub fields: Vec<FieldDiff>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FieldDiff {
    pub field: String,
    /// The value before: text as it is, other values (numbers, lists, objects) as JSON text;
    /// `null` when absent
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Where a child's home point comes from: entered coordinates, or the municipality hall's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LocationSource {
    Entered,
    MunicipalityHall,
}

/// The case page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ChildDetail {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub case_number: String,
    pub child: ChildInput,
    pub municipality_name: String,
    pub location_source: LocationSource,
    /// Age at `scores.on`, in whole months
    pub age_months: u32,
    pub status: ChildStatus,
    pub status_history: Vec<StatusChange>,
    /// Newest first
    pub weights: Vec<Weight>,
    pub scores: Scores,
    pub history: Vec<ChangeEntry>,
    pub created_at: String,
    pub updated_at: String,
}

/// Case list filters; every filter is optional and they combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseSearch {
    /// Name, reading (kana folded), or case number
    #[serde(default)]
    pub query: String,
    pub municipality_code: Option<String>,
    pub status: Option<ChildStatus>,
    pub care_item: Option<crate::domain::care_item::CareItemCode>,
    pub score_min: Option<u32>,
    pub score_max: Option<u32>,
    /// Page size (default 200, at most 1000)
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseRow {
    pub id: String,
    pub case_number: String,
    pub name: String,
    pub kana: String,
    pub date_of_birth: String,
    pub municipality_code: String,
    pub municipality_name: String,
    pub status: ChildStatus,
    /// 医療的ケア判定スコア at the last save
    pub medical_care_score: u32,
    pub care_items: Vec<crate::domain::care_item::CareItemCode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseSearchResult {
    /// Matches in all, beyond this page
    pub total: u32,
    pub rows: Vec<CaseRow>,
}

/// Look a case up by its row id or its case number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseRef {
    pub id: Option<String>,
    pub case_number: Option<String>,
}
