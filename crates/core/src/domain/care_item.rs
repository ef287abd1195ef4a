//! 医療的ケア: the care items of the 医療的ケア判定スコア (2021 revision) and, per item, its
//! base points and the supervision (見守り) levels it allows. DOMAIN.md §3.1 is the source;
//! this table is the one place that knows it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A medical care item, by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CareItemCode {
    Ventilator,
    Tracheostomy,
    NasopharyngealAirway,
    Oxygen,
    Suction,
    Nebulizer,
    TubeFeeding,
    TubeFeedingPump,
    CentralVenousCatheter,
    SubcutaneousInjection,
    SubcutaneousPump,
    BloodGlucose,
    Dialysis,
    UrinaryCatheterIntermittent,
    UrinaryCatheterContinuous,
    BowelStoma,
    BowelDisimpaction,
    BowelEnema,
    SeizureCare,
}

/// 見守り (supervision) level: 高 / 中 / 低.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Supervision {
    High,
    Medium,
    Low,
}

impl Supervision {
    pub fn code(self) -> &'static str {
        match self {
            Supervision::High => "high",
            Supervision::Medium => "medium",
            Supervision::Low => "low",
        }
    }
}

/// One row of the score table: base points and the points of each supervision level the
/// item allows (`None` = the level does not exist for this item).
#[derive(Debug, Clone, Copy)]
pub struct CareItemRule {
    pub code: CareItemCode,
    pub code_text: &'static str,
    pub label_ja: &'static str,
    pub base: u32,
    pub high: Option<u32>,
    pub medium: Option<u32>,
    /// 低 is always allowed and always 0 points.
    pub low: u32,
}

macro_rules! rule {
    ($code:ident, $text:literal, $label:literal, $base:expr, $high:expr, $medium:expr) => {
        CareItemRule {
            code: CareItemCode::$code,
            code_text: $text,
            label_ja: $label,
            base: $base,
            high: $high,
            medium: $medium,
            low: 0,
        }
    };
}

/// DOMAIN.md §3.1, in the table's order.
pub const CARE_ITEM_RULES: [CareItemRule; 19] = [
    rule!(
        Ventilator,
        "ventilator",
        "人工呼吸器の管理",
        10,
        Some(2),
        Some(1)
    ),
    rule!(
        Tracheostomy,
        "tracheostomy",
        "気管切開の管理",
        8,
        Some(2),
        None
    ),
    rule!(
        NasopharyngealAirway,
        "nasopharyngeal_airway",
        "鼻咽頭エアウェイの管理",
        5,
        Some(1),
        None
    ),
    rule!(Oxygen, "oxygen", "酸素療法", 8, Some(1), None),
    rule!(Suction, "suction", "吸引", 8, Some(1), None),
    rule!(Nebulizer, "nebulizer", "ネブライザーの管理", 3, None, None),
    rule!(TubeFeeding, "tube_feeding", "経管栄養", 8, Some(2), None),
    rule!(
        TubeFeedingPump,
        "tube_feeding_pump",
        "持続経管注入ポンプ使用",
        3,
        Some(1),
        None
    ),
    rule!(
        CentralVenousCatheter,
        "central_venous_catheter",
        "中心静脈カテーテルの管理",
        8,
        Some(2),
        None
    ),
    rule!(
        SubcutaneousInjection,
        "subcutaneous_injection",
        "皮下注射",
        5,
        Some(1),
        None
    ),
    rule!(
        SubcutaneousPump,
        "subcutaneous_pump",
        "持続皮下注射ポンプ使用",
        3,
        Some(1),
        None
    ),
    rule!(BloodGlucose, "blood_glucose", "血糖測定", 3, Some(1), None),
    rule!(Dialysis, "dialysis", "継続的な透析", 8, Some(2), None),
    rule!(
        UrinaryCatheterIntermittent,
        "urinary_catheter_intermittent",
        "導尿（間欠的）",
        5,
        None,
        None
    ),
    rule!(
        UrinaryCatheterContinuous,
        "urinary_catheter_continuous",
        "導尿（持続的）",
        3,
        Some(1),
        None
    ),
    rule!(
        BowelStoma,
        "bowel_stoma",
        "排便管理（消化管ストーマ）",
        5,
        Some(1),
        None
    ),
    rule!(
        BowelDisimpaction,
        "bowel_disimpaction",
        "排便管理（摘便・洗腸）",
        5,
        None,
        None
    ),
    rule!(BowelEnema, "bowel_enema", "排便管理（浣腸）", 3, None, None),
    rule!(
        SeizureCare,
        "seizure_care",
        "痙攣時の対応",
        3,
        Some(2),
        None
    ),
];

impl CareItemCode {
    pub fn rule(self) -> &'static CareItemRule {
        CARE_ITEM_RULES
            .iter()
            .find(|r| r.code == self)
            .expect("every care item has a row in CARE_ITEM_RULES")
    }

    pub fn code(self) -> &'static str {
        self.rule().code_text
    }

    /// The supervision levels this item allows (低 always; 高 and 中 where the table has them).
    pub fn supervision_levels(self) -> Vec<Supervision> {
        let r = self.rule();
        let mut levels = Vec::with_capacity(3);
        if r.high.is_some() {
            levels.push(Supervision::High);
        }
        if r.medium.is_some() {
            levels.push(Supervision::Medium);
        }
        levels.push(Supervision::Low);
        levels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_each_code_once_and_its_text_matches_serde() {
        for rule in &CARE_ITEM_RULES {
            let json = serde_json::to_value(rule.code).unwrap();
            assert_eq!(json, rule.code_text, "the stored code is the serde code");
            assert_eq!(
                CARE_ITEM_RULES
                    .iter()
                    .filter(|r| r.code == rule.code)
                    .count(),
                1,
                "{} appears once",
                rule.code_text
            );
        }
    }

    #[test]
    fn medium_supervision_exists_only_for_the_ventilator() {
        for rule in &CARE_ITEM_RULES {
            let has_medium = rule
                .code
                .supervision_levels()
                .contains(&Supervision::Medium);
            assert_eq!(
                has_medium,
                rule.code == CareItemCode::Ventilator,
                "{}",
                rule.code_text
            );
        }
    }
}

// ---- What a child's care items record (inputs of both scores) ------------------------------

/// 栄養の経路 of 経管栄養. Gastric routes count as 経管 (item 8 of the 超重症児 score);
/// intestinal routes as 腸ろう・腸管栄養 (item 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FeedingRoute {
    /// 経鼻胃管
    Nasogastric,
    /// 胃瘻
    Gastrostomy,
    /// 食道瘻
    Esophagostomy,
    /// 経鼻腸管
    Nasointestinal,
    /// 経胃瘻腸管
    Gastrojejunal,
    /// 腸瘻
    Jejunostomy,
}

/// How often suction is needed (超重症児 score item 5; only the higher band counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SuctionFrequency {
    /// 1回/時間以上
    HourlyOrMore,
    /// 6回/日以上
    SixPerDayOrMore,
    /// それ未満
    Less,
}

/// Mobility, the 大島分類 axis (寝たきり, 座れる, 歩行障害, 歩ける, 走れる).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Mobility {
    Bedridden,
    Sitting,
    WalkingImpaired,
    Walking,
    Running,
}

/// The details of one care item: device details for the team, and the frequencies the
/// 超重症児 score needs. Every field is optional; which ones apply depends on the item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct CareItemDetails {
    /// Device model (ventilator, pump…)
    pub device: Option<String>,
    /// Tracheostomy cannula size, e.g. "3.5"
    pub cannula_size: Option<String>,
    /// tube_feeding only
    pub feeding_route: Option<FeedingRoute>,
    /// Hours per day the device is used (ventilator, oxygen…), 0–24
    pub hours_per_day: Option<f64>,
    /// suction only
    pub suction_frequency: Option<SuctionFrequency>,
    /// nebulizer only: times per day
    pub nebulizer_per_day: Option<u32>,
    /// nebulizer only: used continuously
    #[serde(default)]
    pub nebulizer_continuous: bool,
    /// urinary_catheter_intermittent only: times per day
    pub catheterizations_per_day: Option<u32>,
    pub note: Option<String>,
}

/// One care item of a child, as entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CareItemEntry {
    pub code: CareItemCode,
    pub supervision: Supervision,
    #[serde(default)]
    pub details: CareItemDetails,
    /// ISO date; `None` = unknown
    pub start_date: Option<String>,
    /// ISO date; `None` = ongoing
    pub end_date: Option<String>,
}

/// What the 超重症児 score needs beyond the care items: the child's mobility (condition 1)
/// and the items that are states rather than care items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SevereFactors {
    pub mobility: Option<Mobility>,
    /// SaO2 90%以下の状態が10%以上 (item 4 without oxygen)
    #[serde(default)]
    pub low_spo2: bool,
    /// 経口摂取（全介助） (item 8, when not tube fed)
    #[serde(default)]
    pub oral_full_assistance: bool,
    /// 過緊張で発汗による更衣と姿勢修正を3回以上/日 (item 10)
    #[serde(default)]
    pub hypertonia_care: bool,
    /// 体位交換 per day (item 14 at 6 or more)
    pub position_changes_per_day: Option<u32>,
}
