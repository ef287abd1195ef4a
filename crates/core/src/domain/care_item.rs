//! 医療的ケア: the care items of the 医療的ケア判定スコア (2021 revision) and, per item, its
//! base points and the supervision (見守り) levels it allows. DOMAIN.md §3.1 is the source;
//! this table is the one place that knows it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Invalid, Result};

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

    /// The label on screen: 高 / 中 / 低.
    pub fn label_ja(self) -> &'static str {
        match self {
            Supervision::High => "高",
            Supervision::Medium => "中",
            Supervision::Low => "低",
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

    /// The 見守り points of `level` for this item, or `None` when the item has no such level.
    pub fn supervision_points(self, level: Supervision) -> Option<u32> {
        let r = self.rule();
        match level {
            Supervision::High => r.high,
            Supervision::Medium => r.medium,
            Supervision::Low => Some(r.low),
        }
    }

    /// The item this one only exists with: a pump is an addition to its base care item.
    pub fn requires(self) -> Option<CareItemCode> {
        match self {
            CareItemCode::TubeFeedingPump => Some(CareItemCode::TubeFeeding),
            CareItemCode::SubcutaneousPump => Some(CareItemCode::SubcutaneousInjection),
            _ => None,
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

impl FeedingRoute {
    /// Whether the tube ends in the intestine (腸ろう・腸管栄養) rather than the stomach or
    /// oesophagus (経管).
    pub fn is_intestinal(self) -> bool {
        match self {
            FeedingRoute::Nasogastric | FeedingRoute::Gastrostomy | FeedingRoute::Esophagostomy => {
                false
            }
            FeedingRoute::Nasointestinal
            | FeedingRoute::Gastrojejunal
            | FeedingRoute::Jejunostomy => true,
        }
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            FeedingRoute::Nasogastric => "経鼻胃管",
            FeedingRoute::Gastrostomy => "胃瘻",
            FeedingRoute::Esophagostomy => "食道瘻",
            FeedingRoute::Nasointestinal => "経鼻腸管",
            FeedingRoute::Gastrojejunal => "経胃瘻腸管",
            FeedingRoute::Jejunostomy => "腸瘻",
        }
    }
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

impl CareItemEntry {
    /// The start date, or `None` when it is not known (absent, or not a date: only entries
    /// that passed [`validate_care_items`] are guaranteed to parse).
    pub fn start(&self) -> Option<NaiveDate> {
        self.start_date.as_deref().and_then(parse_iso_date)
    }

    /// The end date, or `None` when the item is ongoing.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end_date.as_deref().and_then(parse_iso_date)
    }

    /// Whether the child has this item on `on`: started on or before that day (or start
    /// unknown) and not ended before it. Both dates are inclusive.
    pub fn is_active_on(&self, on: NaiveDate) -> bool {
        self.start().is_none_or(|start| start <= on) && self.end().is_none_or(|end| end >= on)
    }
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

// ---- Validation of what was entered ---------------------------------------------------------

/// Longest device, cannula size or note text, in characters.
pub const MAX_DETAIL_CHARS: usize = 200;
/// Most times per day a per-day count may say (nebulizer, catheterization); more is a typo.
pub const MAX_TIMES_PER_DAY: u32 = 200;
/// Hours per day a device is used: 0–24.
pub const MAX_HOURS_PER_DAY: f64 = 24.0;

/// Parses an ISO calendar date written exactly as `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Checks a child's care items as entered, `today` being the day of entry. Refuses the first
/// problem found, naming its field as `care_items[i].<field>`: a code listed twice, a pump
/// without its base item, a supervision level the item does not have, a detail that belongs
/// to another item, numbers out of range, text too long, and bad, future or reversed dates.
/// An end date may lie in the future (a planned end).
pub fn validate_care_items(items: &[CareItemEntry], today: NaiveDate) -> Result<()> {
    for (i, item) in items.iter().enumerate() {
        let field = |name: &str| format!("care_items[{i}].{name}");

        if items[..i].iter().any(|earlier| earlier.code == item.code) {
            return Err(Error::invalid(field("code"), Invalid::DuplicateCareItem));
        }
        if let Some(required) = item.code.requires()
            && !items.iter().any(|other| other.code == required)
        {
            return Err(Error::invalid(
                field("code"),
                Invalid::RequiresCareItem {
                    requires: required.rule().label_ja,
                },
            ));
        }
        if item.code.supervision_points(item.supervision).is_none() {
            return Err(Error::invalid(
                field("supervision"),
                Invalid::SupervisionNotAllowed {
                    allowed: item
                        .code
                        .supervision_levels()
                        .into_iter()
                        .map(Supervision::label_ja)
                        .collect(),
                },
            ));
        }
        validate_details(item.code, &item.details).map_err(|(name, problem)| {
            Error::invalid(field(&format!("details.{name}")), problem)
        })?;
        validate_dates(item, today)
            .map_err(|(name, problem)| Error::invalid(field(name), problem))?;
    }
    Ok(())
}

/// The first detail of `d` that is wrong for an item `code`, by its field name.
fn validate_details(
    code: CareItemCode,
    d: &CareItemDetails,
) -> std::result::Result<(), (&'static str, Invalid)> {
    use CareItemCode as C;
    // Details that only one item has (the 超重症児 score reads them from that item only).
    let only_on = [
        ("feeding_route", d.feeding_route.is_some(), C::TubeFeeding),
        (
            "suction_frequency",
            d.suction_frequency.is_some(),
            C::Suction,
        ),
        (
            "nebulizer_per_day",
            d.nebulizer_per_day.is_some(),
            C::Nebulizer,
        ),
        ("nebulizer_continuous", d.nebulizer_continuous, C::Nebulizer),
        (
            "catheterizations_per_day",
            d.catheterizations_per_day.is_some(),
            C::UrinaryCatheterIntermittent,
        ),
    ];
    for (name, given, owner) in only_on {
        if given && code != owner {
            return Err((name, Invalid::DetailNotApplicable));
        }
    }
    if let Some(hours) = d.hours_per_day
        && !(0.0..=MAX_HOURS_PER_DAY).contains(&hours)
    {
        return Err((
            "hours_per_day",
            Invalid::NumberOutOfRange {
                min: 0.0,
                max: MAX_HOURS_PER_DAY,
                unit: "h",
            },
        ));
    }
    let counts = [
        ("nebulizer_per_day", d.nebulizer_per_day),
        ("catheterizations_per_day", d.catheterizations_per_day),
    ];
    for (name, count) in counts {
        if count.is_some_and(|n| n > MAX_TIMES_PER_DAY) {
            return Err((
                name,
                Invalid::NumberOutOfRange {
                    min: 0.0,
                    max: f64::from(MAX_TIMES_PER_DAY),
                    unit: "回/日",
                },
            ));
        }
    }
    let texts = [
        ("device", &d.device),
        ("cannula_size", &d.cannula_size),
        ("note", &d.note),
    ];
    for (name, text) in texts {
        if text
            .as_deref()
            .is_some_and(|t| t.chars().count() > MAX_DETAIL_CHARS)
        {
            return Err((
                name,
                Invalid::TooLong {
                    max_chars: MAX_DETAIL_CHARS,
                },
            ));
        }
    }
    Ok(())
}

/// The first problem with the dates of `item`, by its field name.
fn validate_dates(
    item: &CareItemEntry,
    today: NaiveDate,
) -> std::result::Result<(), (&'static str, Invalid)> {
    let parse = |name, text: &Option<String>| match text.as_deref() {
        None => Ok(None),
        Some(t) => parse_iso_date(t).map(Some).ok_or((name, Invalid::BadDate)),
    };
    let start = parse("start_date", &item.start_date)?;
    let end = parse("end_date", &item.end_date)?;
    if start.is_some_and(|s| s > today) {
        return Err(("start_date", Invalid::DateInFuture));
    }
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        return Err(("end_date", Invalid::EndBeforeStart));
    }
    Ok(())
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

    // ---- validate_care_items ----

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
    }

    fn item(code: CareItemCode, supervision: Supervision) -> CareItemEntry {
        CareItemEntry {
            code,
            supervision,
            details: CareItemDetails::default(),
            start_date: None,
            end_date: None,
        }
    }

    /// The refused field and why, or a panic naming what should have been refused.
    fn refusal(items: &[CareItemEntry]) -> (String, Invalid) {
        match validate_care_items(items, today()) {
            Err(Error::Validation { field, problem }) => (field, problem),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_typical_ventilated_child_passes_validation() {
        use CareItemCode as C;
        let mut feeding = item(C::TubeFeeding, Supervision::High);
        feeding.details.feeding_route = Some(FeedingRoute::Gastrostomy);
        feeding.start_date = Some("2025-10-01".into());
        let mut suction = item(C::Suction, Supervision::High);
        suction.details.suction_frequency = Some(SuctionFrequency::HourlyOrMore);
        let mut vent = item(C::Ventilator, Supervision::Medium);
        vent.details.hours_per_day = Some(24.0);
        vent.details.device = Some("Trilogy".into());
        vent.start_date = Some("2026-04-01".into());
        vent.end_date = Some("2026-12-31".into());
        let items = [
            vent,
            item(C::Tracheostomy, Supervision::High),
            suction,
            feeding,
            item(C::TubeFeedingPump, Supervision::Low),
        ];
        assert!(
            validate_care_items(&items, today()).is_ok(),
            "a start date of today and a planned end date are both fine"
        );
    }

    #[test]
    fn a_supervision_level_the_item_lacks_is_refused_with_the_levels_it_has() {
        use CareItemCode as C;
        let items = [
            item(C::Ventilator, Supervision::Medium),
            item(C::Suction, Supervision::Medium),
        ];
        assert_eq!(
            refusal(&items),
            (
                "care_items[1].supervision".to_string(),
                Invalid::SupervisionNotAllowed {
                    allowed: vec!["高", "低"]
                }
            ),
            "中 exists only for the ventilator"
        );
        assert_eq!(
            refusal(&[item(C::Nebulizer, Supervision::High)]),
            (
                "care_items[0].supervision".to_string(),
                Invalid::SupervisionNotAllowed {
                    allowed: vec!["低"]
                }
            ),
            "the nebulizer has no 見守り points at all, so only 低"
        );
    }

    #[test]
    fn the_same_care_item_twice_is_refused_at_the_second() {
        use CareItemCode as C;
        let items = [
            item(C::Oxygen, Supervision::Low),
            item(C::Suction, Supervision::Low),
            item(C::Oxygen, Supervision::High),
        ];
        assert_eq!(
            refusal(&items),
            ("care_items[2].code".to_string(), Invalid::DuplicateCareItem)
        );
    }

    #[test]
    fn a_pump_without_its_base_item_is_refused_naming_the_base_item() {
        use CareItemCode as C;
        assert_eq!(
            refusal(&[item(C::TubeFeedingPump, Supervision::Low)]),
            (
                "care_items[0].code".to_string(),
                Invalid::RequiresCareItem {
                    requires: "経管栄養"
                }
            )
        );
        assert_eq!(
            refusal(&[
                item(C::Oxygen, Supervision::Low),
                item(C::SubcutaneousPump, Supervision::Low)
            ]),
            (
                "care_items[1].code".to_string(),
                Invalid::RequiresCareItem {
                    requires: "皮下注射"
                }
            )
        );
        assert!(
            validate_care_items(
                &[
                    item(C::SubcutaneousPump, Supervision::High),
                    item(C::SubcutaneousInjection, Supervision::Low)
                ],
                today()
            )
            .is_ok(),
            "the base item may come after the pump in the list"
        );
    }

    #[test]
    fn a_detail_that_belongs_to_another_item_is_refused() {
        use CareItemCode as C;
        type Set = fn(&mut CareItemDetails);
        let cases: [(&str, Set, CareItemCode); 5] = [
            (
                "feeding_route",
                |d| d.feeding_route = Some(FeedingRoute::Jejunostomy),
                C::TubeFeeding,
            ),
            (
                "suction_frequency",
                |d| d.suction_frequency = Some(SuctionFrequency::Less),
                C::Suction,
            ),
            (
                "nebulizer_per_day",
                |d| d.nebulizer_per_day = Some(6),
                C::Nebulizer,
            ),
            (
                "nebulizer_continuous",
                |d| d.nebulizer_continuous = true,
                C::Nebulizer,
            ),
            (
                "catheterizations_per_day",
                |d| d.catheterizations_per_day = Some(4),
                C::UrinaryCatheterIntermittent,
            ),
        ];
        for (name, set, owner) in cases {
            let mut own = item(owner, Supervision::Low);
            set(&mut own.details);
            assert!(
                validate_care_items(std::slice::from_ref(&own), today()).is_ok(),
                "{name} is fine on {owner:?}"
            );
            let mut other = item(C::Oxygen, Supervision::Low);
            set(&mut other.details);
            assert_eq!(
                refusal(&[other]),
                (
                    format!("care_items[0].details.{name}"),
                    Invalid::DetailNotApplicable
                ),
                "{name} belongs to {owner:?} only"
            );
        }
    }

    #[test]
    fn hours_per_day_outside_0_to_24_is_refused() {
        for (hours, ok) in [
            (0.0, true),
            (24.0, true),
            (24.5, false),
            (-1.0, false),
            (f64::NAN, false),
        ] {
            let mut oxygen = item(CareItemCode::Oxygen, Supervision::Low);
            oxygen.details.hours_per_day = Some(hours);
            let result = validate_care_items(std::slice::from_ref(&oxygen), today());
            if ok {
                assert!(result.is_ok(), "{hours} h is a possible day");
            } else {
                assert_eq!(
                    refusal(&[oxygen]),
                    (
                        "care_items[0].details.hours_per_day".to_string(),
                        Invalid::NumberOutOfRange {
                            min: 0.0,
                            max: 24.0,
                            unit: "h"
                        }
                    ),
                    "{hours} h is not"
                );
            }
        }
    }

    #[test]
    fn per_day_counts_over_200_are_refused() {
        let over = Invalid::NumberOutOfRange {
            min: 0.0,
            max: 200.0,
            unit: "回/日",
        };
        let mut nebulizer = item(CareItemCode::Nebulizer, Supervision::Low);
        nebulizer.details.nebulizer_per_day = Some(200);
        assert!(
            validate_care_items(std::slice::from_ref(&nebulizer), today()).is_ok(),
            "200 is the largest count accepted"
        );
        nebulizer.details.nebulizer_per_day = Some(201);
        assert_eq!(
            refusal(&[nebulizer]),
            (
                "care_items[0].details.nebulizer_per_day".to_string(),
                over.clone()
            )
        );
        let mut catheter = item(CareItemCode::UrinaryCatheterIntermittent, Supervision::Low);
        catheter.details.catheterizations_per_day = Some(1000);
        assert_eq!(
            refusal(&[catheter]),
            (
                "care_items[0].details.catheterizations_per_day".to_string(),
                over
            )
        );
    }

    #[test]
    fn device_cannula_and_note_are_limited_to_200_characters_not_bytes() {
        type Set = fn(&mut CareItemDetails, String);
        let fields: [(&str, Set); 3] = [
            ("device", |d, t| d.device = Some(t)),
            ("cannula_size", |d, t| d.cannula_size = Some(t)),
            ("note", |d, t| d.note = Some(t)),
        ];
        for (name, set) in fields {
            let mut fits = item(CareItemCode::Tracheostomy, Supervision::Low);
            // 200 kanji are 600 bytes: the limit counts what a person typed.
            set(&mut fits.details, "管".repeat(200));
            assert!(
                validate_care_items(std::slice::from_ref(&fits), today()).is_ok(),
                "{name}: 200 characters fit"
            );
            let mut long = item(CareItemCode::Tracheostomy, Supervision::Low);
            set(&mut long.details, "管".repeat(201));
            assert_eq!(
                refusal(&[long]),
                (
                    format!("care_items[0].details.{name}"),
                    Invalid::TooLong { max_chars: 200 }
                )
            );
        }
    }

    #[test]
    fn dates_must_be_real_iso_dates() {
        for bad in [
            "2026-02-30",
            "2026/04/01",
            "2026-4-1",
            "令和8年4月1日",
            "",
            "+2026-04-01",
        ] {
            let mut start = item(CareItemCode::Oxygen, Supervision::Low);
            start.start_date = Some(bad.into());
            assert_eq!(
                refusal(&[start]),
                ("care_items[0].start_date".to_string(), Invalid::BadDate),
                "{bad:?} is not YYYY-MM-DD"
            );
            let mut end = item(CareItemCode::Oxygen, Supervision::Low);
            end.end_date = Some(bad.into());
            assert_eq!(
                refusal(&[end]),
                ("care_items[0].end_date".to_string(), Invalid::BadDate),
                "{bad:?} is not YYYY-MM-DD"
            );
        }
    }

    #[test]
    fn a_start_date_after_today_is_refused() {
        let mut oxygen = item(CareItemCode::Oxygen, Supervision::Low);
        oxygen.start_date = Some("2026-04-02".into());
        assert_eq!(
            refusal(&[oxygen]),
            (
                "care_items[0].start_date".to_string(),
                Invalid::DateInFuture
            ),
            "today is 2026-04-01: care that has not started is not recorded yet"
        );
    }

    #[test]
    fn an_end_date_before_the_start_date_is_refused_at_the_end_date() {
        let mut oxygen = item(CareItemCode::Oxygen, Supervision::Low);
        oxygen.start_date = Some("2026-03-10".into());
        oxygen.end_date = Some("2026-03-09".into());
        assert_eq!(
            refusal(std::slice::from_ref(&oxygen)),
            (
                "care_items[0].end_date".to_string(),
                Invalid::EndBeforeStart
            )
        );
        oxygen.end_date = Some("2026-03-10".into());
        assert!(
            validate_care_items(&[oxygen], today()).is_ok(),
            "an item may start and end on the same day"
        );
    }

    #[test]
    fn an_item_is_active_from_its_start_through_its_end_date() {
        let day = |s| parse_iso_date(s).unwrap();
        let mut oxygen = item(CareItemCode::Oxygen, Supervision::Low);
        assert!(
            oxygen.is_active_on(day("2000-01-01")),
            "no dates: always active"
        );
        oxygen.start_date = Some("2026-03-10".into());
        oxygen.end_date = Some("2026-03-20".into());
        assert!(!oxygen.is_active_on(day("2026-03-09")));
        assert!(
            oxygen.is_active_on(day("2026-03-10")),
            "the start is inclusive"
        );
        assert!(
            oxygen.is_active_on(day("2026-03-20")),
            "the end is inclusive"
        );
        assert!(!oxygen.is_active_on(day("2026-03-21")));
    }
}
