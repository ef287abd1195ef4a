//! What crosses the boundary for the resource directory (DOMAIN.md §4): a provider, its
//! acceptance conditions (three-valued: accepted / not accepted / not answered), and which
//! parts it agreed to publish.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::care_item::CareItemCode;
use crate::domain::provider_kind::ProviderKind;

/// A survey answer. "Not answered" is not "no": matching shows it as unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// ○ 可
    Yes,
    /// × 不可
    No,
    /// 未回答
    #[default]
    Unknown,
}

/// Whether the provider can care for a child with one care item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CareItemAnswer {
    pub code: CareItemCode,
    pub answer: Answer,
}

/// Where the provider goes (or whom it takes): a list of municipalities, a radius from its
/// own point, or both (either one covering the home is enough). Empty = not answered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ServiceArea {
    #[serde(default)]
    pub municipality_codes: Vec<String>,
    pub radius_km: Option<f64>,
}

/// The acceptance conditions, as answered at one date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Conditions {
    #[serde(default)]
    pub accepts_children: Answer,
    /// Youngest accepted age in months (inclusive); `None` = no lower limit or not answered
    pub age_min_months: Option<u32>,
    /// Oldest accepted age in months (inclusive)
    pub age_max_months: Option<u32>,
    pub weight_min_kg: Option<f64>,
    pub weight_max_kg: Option<f64>,
    /// Care items answered; an item not listed is not answered.
    #[serde(default)]
    pub care_items: Vec<CareItemAnswer>,
    #[serde(default)]
    pub service_area: ServiceArea,
    #[serde(default)]
    pub nights: Answer,
    #[serde(default)]
    pub weekends: Answer,
    /// 24時間対応
    #[serde(default)]
    pub around_the_clock: Answer,
    /// 新規受け入れ
    #[serde(default)]
    pub taking_new_clients: Answer,
    #[serde(default)]
    pub free_text: String,
}

/// Which parts of the record the provider agreed to publish (公開同意), and when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PublicationConsent {
    #[serde(default)]
    pub name: bool,
    #[serde(default)]
    pub address: bool,
    #[serde(default)]
    pub phone: bool,
    #[serde(default)]
    pub contact_person: bool,
    #[serde(default)]
    pub conditions: bool,
    /// ISO date of the consent; `None` = no consent on file
    pub consented_on: Option<String>,
}

/// Where a provider record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecordSource {
    Survey,
    OpenData,
    #[default]
    Manual,
}

/// A provider as entered or imported: one organisation at one site, of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProviderInput {
    pub kind: ProviderKind,
    pub name: String,
    /// Reading (カナ)
    #[serde(default)]
    pub kana: String,
    #[serde(default)]
    pub postal_code: String,
    #[serde(default)]
    pub address: String,
    /// 6-digit 全国地方公共団体コード
    pub municipality_code: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub fax: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub contact_person: String,
    /// 事業所番号 (10 digits for 介護・障害福祉 services), when one exists
    pub business_number: Option<String>,
    /// 定員
    pub capacity: Option<u32>,
    /// 営業日・時間 as written, e.g. 「月〜金 9:00-18:00」
    #[serde(default)]
    pub opening_hours: String,
    #[serde(default)]
    pub record_source: RecordSource,
    /// ISO date the record was last confirmed with the provider
    pub last_verified_on: Option<String>,
    #[serde(default)]
    pub conditions: Conditions,
    #[serde(default)]
    pub publication: PublicationConsent,
}

/// One answered version of the conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConditionsVersion {
    pub answered_on: String,
    pub source: RecordSource,
    pub recorded_at: String,
    pub recorded_by: String,
    pub conditions: Conditions,
}

/// The provider page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProviderDetail {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub provider: ProviderInput,
    pub municipality_name: String,
    pub location_source: crate::cases::LocationSource,
    /// Oldest first; the last one is the current conditions.
    pub versions: Vec<ConditionsVersion>,
    pub history: Vec<crate::cases::ChangeEntry>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddProviderRequest {
    pub provider: ProviderInput,
    /// ISO date the conditions were answered; defaults to today
    pub answered_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateProviderRequest {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub provider: ProviderInput,
    /// When the conditions changed: the date they were answered; defaults to today
    pub answered_on: Option<String>,
}

/// A survey answer (or a phone call) recorded as a new version of the conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RecordConditionsRequest {
    pub id: String,
    pub answered_on: String,
    pub source: RecordSource,
    pub conditions: Conditions,
}

/// The conditions in force on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConditionsAsOf {
    pub id: String,
    pub on: String,
}

/// Directory filters; every filter is optional and they combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ProviderSearch {
    /// Name, reading or address
    #[serde(default)]
    pub query: String,
    pub kind: Option<ProviderKind>,
    /// Providers located in the municipality (a designated city includes its wards) or
    /// listing it in their service area
    pub municipality_code: Option<String>,
    pub accepts_children: Option<Answer>,
    /// Providers that answered ○ for this care item
    pub care_item: Option<CareItemCode>,
    /// Providers whose age limits include this age (or who did not answer them), and that do
    /// not refuse children
    pub age_months: Option<u32>,
    /// Providers whose weight limits include this weight (or who did not answer them)
    pub weight_kg: Option<f64>,
    /// Only providers with 24時間対応 ○
    #[serde(default)]
    pub around_the_clock: bool,
    /// Only providers that consented to publish at least their name
    #[serde(default)]
    pub published_only: bool,
    pub limit: Option<u32>,
    #[serde(default)]
    pub offset: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProviderListRow {
    pub id: String,
    pub kind: ProviderKind,
    pub name: String,
    pub kana: String,
    pub municipality_code: String,
    pub municipality_name: String,
    pub phone: String,
    pub accepts_children: Answer,
    pub around_the_clock: Answer,
    pub taking_new_clients: Answer,
    pub last_verified_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProviderSearchResult {
    pub total: u32,
    pub rows: Vec<ProviderListRow>,
}
