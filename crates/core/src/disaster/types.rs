//! What crosses the boundary for disaster preparedness (DOMAIN.md §7): a child's profile
//! (power-dependent devices and their batteries, registrations, where to go, whom to call),
//! its warnings, and the emergency roster (緊急時連絡網). Hours are hours (f64), days are days.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::providers::export::CsvEncoding;
use crate::users::Permission;

/// A power-dependent device at home.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    /// 人工呼吸器
    Ventilator,
    /// 酸素濃縮器
    OxygenConcentrator,
    /// 吸引器
    Suction,
    /// パルスオキシメーター
    PulseOximeter,
    /// 経管栄養ポンプ
    FeedingPump,
    /// その他
    Other,
}

/// One device and how long its batteries keep it running (`None` = not known).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PowerDevice {
    pub kind: DeviceKind,
    /// Maker, model or a note; may be empty
    #[serde(default)]
    pub name: String,
    /// 内部バッテリー, hours
    pub internal_battery_hours: Option<f64>,
    /// 外部バッテリー, hours (`None` or 0 = no external battery)
    pub external_battery_hours: Option<f64>,
}

/// Power besides the devices' own batteries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct OtherPower {
    /// Car power (シガーソケット・インバーター)
    #[serde(default)]
    pub car: bool,
    /// 発電機
    #[serde(default)]
    pub generator: bool,
    /// 予備バッテリー（市販）
    #[serde(default)]
    pub spare_batteries: bool,
    #[serde(default)]
    pub note: String,
}

/// A registration and its date (ISO; may be unknown even when registered).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct Registration {
    #[serde(default)]
    pub registered: bool,
    pub on: Option<String>,
}

/// Someone to call in an emergency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EmergencyContact {
    pub name: String,
    /// 祖母, 叔父, 近所の方…
    #[serde(default)]
    pub relation: String,
    pub phone: String,
}

/// Everything entered on the disaster profile form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct DisasterProfileInput {
    #[serde(default)]
    pub devices: Vec<PowerDevice>,
    #[serde(default)]
    pub other_power: OtherPower,
    /// 衛生材料・消耗品の予備日数, 0–365
    pub consumables_days: Option<u32>,
    /// 電力会社への登録
    #[serde(default)]
    pub power_company: Registration,
    /// 避難行動要支援者名簿
    #[serde(default)]
    pub evacuation_list: Registration,
    /// 個別避難計画
    #[serde(default)]
    pub individual_plan: Registration,
    /// 指定避難所
    #[serde(default)]
    pub evacuation_site: String,
    /// 福祉避難所
    #[serde(default)]
    pub welfare_shelter: String,
    /// 緊急時の搬送先病院
    #[serde(default)]
    pub emergency_hospital: String,
    /// In calling order
    #[serde(default)]
    pub contacts: Vec<EmergencyContact>,
    #[serde(default)]
    pub note: String,
}

/// What is missing or risky in a child's preparedness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DisasterWarningCode {
    /// No profile saved yet
    NoProfile,
    /// Ventilated, and no ventilator with an external battery
    VentilatorWithoutExternalBattery,
    /// The weakest power-dependent device lasts under 24 hours on its batteries
    BatteryUnder24Hours,
    /// Not registered with the power company, though power-dependent
    NoPowerCompanyRegistration,
    /// No 個別避難計画 six months or more after going home
    NoIndividualPlan,
    /// Power-dependent, and a device's battery hours are not known
    BatteryHoursUnknown,
    /// No emergency contacts
    NoContacts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DisasterWarning {
    pub code: DisasterWarningCode,
    /// Worded for a person in the requested language
    pub message: String,
}

/// A child's profile page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DisasterProfile {
    pub child_id: String,
    /// The default (empty) profile when none was saved yet
    pub profile: DisasterProfileInput,
    /// 0 = never saved
    #[ts(type = "number")]
    pub row_version: i64,
    pub updated_at: Option<String>,
    pub warnings: Vec<DisasterWarning>,
    /// The weakest power-dependent device: internal + external hours; `None` when not known
    /// (or the child depends on no device)
    pub total_battery_hours: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SaveDisasterProfileRequest {
    pub child_id: String,
    /// The version the form was loaded at (0 when there was no profile yet)
    #[ts(type = "number")]
    pub row_version: i64,
    pub profile: DisasterProfileInput,
}

/// Which children the roster lists: every child at home, or those of one municipality (a
/// city with wards takes its wards too).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterQuery {
    pub municipality_code: Option<String>,
}

impl RosterQuery {
    /// The municipality asked for, trimmed; `None` (blank too) is every child at home.
    pub fn municipality(&self) -> Option<&str> {
        self.municipality_code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }

    /// What writing this roster to a file or a printed document needs: one municipality's
    /// roster is an export like any other (write); every child at home is the whole
    /// registry's roster, leaving the office only with an admin.
    pub fn export_permission(&self) -> Permission {
        if self.municipality().is_some() {
            Permission::Write
        } else {
            Permission::Admin
        }
    }
}

/// One child of the emergency roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterRow {
    /// 1-based risk order
    pub rank: u32,
    pub child_id: String,
    pub case_number: Option<String>,
    pub name: String,
    pub kana: String,
    pub date_of_birth: String,
    /// 「2歳3か月」
    pub age: String,
    pub municipality_code: String,
    pub municipality: String,
    pub address: String,
    /// Ventilator care item, or a ventilator among the devices
    pub ventilated: bool,
    /// Any device in the profile, or care items oxygen, suction, feeding pump, ventilator
    pub power_dependent: bool,
    pub devices: Vec<PowerDevice>,
    pub total_battery_hours: Option<f64>,
    pub guardians: Vec<RosterPhone>,
    /// The profile's calling order
    pub contacts: Vec<EmergencyContact>,
    /// The current care team
    pub team: Vec<RosterTeamContact>,
    pub emergency_hospital: String,
    pub evacuation_site: String,
    pub warnings: Vec<DisasterWarning>,
}

/// A guardian: name, relation, and their phones joined (「090-…／048-…」).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterPhone {
    pub name: String,
    pub relation: String,
    pub phone: String,
}

/// A member of the care team: role label (Japanese), provider or person, phone or contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterTeamContact {
    pub role: String,
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Roster {
    /// ISO date the roster was made (the office's today)
    pub made_on: String,
    pub rows: Vec<RosterRow>,
}

/// The roster's file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RosterFormat {
    Csv,
    Xlsx,
    /// Printed on paper (a disaster means no laptop)
    Pdf,
}

impl RosterFormat {
    pub fn extension(self) -> &'static str {
        match self {
            RosterFormat::Csv => "csv",
            RosterFormat::Xlsx => "xlsx",
            RosterFormat::Pdf => "pdf",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RosterFormat::Csv => "CSV",
            RosterFormat::Xlsx => "Excel",
            RosterFormat::Pdf => "PDF",
        }
    }

    /// 「緊急時連絡網_YYYY-MM-DD.csv」
    pub fn file_name(self, today: chrono::NaiveDate) -> String {
        format!("緊急時連絡網_{today}.{}", self.extension())
    }
}

/// What the app's roster export asks for. `encoding` matters for CSV only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportRosterRequest {
    #[serde(default)]
    pub query: RosterQuery,
    pub format: RosterFormat,
    #[serde(default)]
    pub encoding: CsvEncoding,
}

/// Where the roster was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RosterExported {
    pub path: String,
}
