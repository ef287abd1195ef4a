//! Matching verdicts in words, in Japanese or English: the reasons a person reads beside each
//! provider (「体重上限 10kg、現在 12.4kg」). Like the import's row problems, these are reports
//! rather than failures, so they are worded here beside their types; `error.rs` words errors.

use std::borrow::Cow;

use crate::domain::care_item::CareItemCode;
use crate::error::Lang;
use crate::matching::types::{Criterion, MatchOutcome, UnknownReason, UnmetReason, Verdict};

/// A care item's name in `lang`: the score table's label in Japanese.
pub fn care_item_label(code: CareItemCode, lang: Lang) -> &'static str {
    if lang == Lang::Ja {
        return code.rule().label_ja;
    }
    use CareItemCode as C;
    match code {
        C::Ventilator => "ventilator",
        C::Tracheostomy => "tracheostomy",
        C::NasopharyngealAirway => "nasopharyngeal airway",
        C::Oxygen => "oxygen therapy",
        C::Suction => "suction",
        C::Nebulizer => "nebulizer",
        C::TubeFeeding => "tube feeding",
        C::TubeFeedingPump => "continuous feeding pump",
        C::CentralVenousCatheter => "central venous catheter",
        C::SubcutaneousInjection => "subcutaneous injection",
        C::SubcutaneousPump => "subcutaneous infusion pump",
        C::BloodGlucose => "blood glucose monitoring",
        C::Dialysis => "dialysis",
        C::UrinaryCatheterIntermittent => "intermittent catheterisation",
        C::UrinaryCatheterContinuous => "indwelling urinary catheter",
        C::BowelStoma => "bowel stoma",
        C::BowelDisimpaction => "manual disimpaction or irrigation",
        C::BowelEnema => "enema",
        C::SeizureCare => "seizure care",
    }
}

/// An age in whole months as people say it: 「8か月」「2歳3か月」「18歳」 / "8 months", "2 y 3 m".
pub fn age_words(months: u32, lang: Lang) -> String {
    let (years, rest) = (months / 12, months % 12);
    match (lang, years, rest) {
        (Lang::Ja, 0, m) => format!("{m}か月"),
        (Lang::Ja, y, 0) => format!("{y}歳"),
        (Lang::Ja, y, m) => format!("{y}歳{m}か月"),
        (Lang::En, 0, m) => format!("{m} months"),
        (Lang::En, y, 0) => format!("{y} years"),
        (Lang::En, y, m) => format!("{y} y {m} m"),
    }
}

/// kg and km as entered: 10 stays 「10」, 12.4 stays 「12.4」.
fn number(x: f64) -> String {
    format!("{}", (x * 100.0).round() / 100.0)
}

impl Criterion {
    /// The condition's name on screen.
    pub fn label(self, lang: Lang) -> String {
        self.label_text(lang).into_owned()
    }

    /// [`Criterion::label`], borrowed when it can be (a listed page words thousands of checks).
    fn label_text(self, lang: Lang) -> Cow<'static, str> {
        let (ja, en) = match self {
            Criterion::AcceptsChildren => ("小児の受け入れ", "Accepts children"),
            Criterion::Age => ("年齢", "Age"),
            Criterion::Weight => ("体重", "Weight"),
            Criterion::CareItem { code } => {
                let name = care_item_label(code, lang);
                // The English names are written to sit mid-sentence; a label starts one.
                if lang == Lang::Ja {
                    return Cow::Borrowed(name);
                }
                let mut chars = name.chars();
                return Cow::Owned(
                    chars
                        .next()
                        .map(|first| first.to_uppercase().chain(chars).collect())
                        .unwrap_or_default(),
                );
            }
            Criterion::ServiceArea => ("サービス提供地域", "Service area"),
            Criterion::Nights => ("夜間対応", "Nights"),
            Criterion::Weekends => ("休日対応", "Weekends"),
            Criterion::TakingNewClients => ("新規受け入れ", "New clients"),
        };
        Cow::Borrowed(match lang {
            Lang::Ja => ja,
            Lang::En => en,
        })
    }
}

impl UnmetReason {
    /// Why the condition is unmet, with the figures on both sides.
    pub fn words(&self, lang: Lang) -> String {
        match *self {
            UnmetReason::ChildrenNotAccepted => lang.pick(
                "小児の受け入れ不可".into(),
                "Does not accept children".into(),
            ),
            UnmetReason::AgeBelow {
                min_months,
                age_months,
            } => lang.pick(
                format!(
                    "年齢下限 {}、対象日の年齢 {}",
                    age_words(min_months, lang),
                    age_words(age_months, lang)
                ),
                format!(
                    "Minimum age {}; age on the target date {}",
                    age_words(min_months, lang),
                    age_words(age_months, lang)
                ),
            ),
            UnmetReason::AgeAbove {
                max_months,
                age_months,
            } => lang.pick(
                format!(
                    "年齢上限 {}、対象日の年齢 {}",
                    age_words(max_months, lang),
                    age_words(age_months, lang)
                ),
                format!(
                    "Age limit {}; age on the target date {}",
                    age_words(max_months, lang),
                    age_words(age_months, lang)
                ),
            ),
            UnmetReason::WeightBelow { min_kg, current_kg } => lang.pick(
                format!(
                    "体重下限 {}kg、現在 {}kg",
                    number(min_kg),
                    number(current_kg)
                ),
                format!(
                    "Minimum weight {} kg; now {} kg",
                    number(min_kg),
                    number(current_kg)
                ),
            ),
            UnmetReason::WeightAbove { max_kg, current_kg } => lang.pick(
                format!(
                    "体重上限 {}kg、現在 {}kg",
                    number(max_kg),
                    number(current_kg)
                ),
                format!(
                    "Weight limit {} kg; now {} kg",
                    number(max_kg),
                    number(current_kg)
                ),
            ),
            UnmetReason::CareItemRefused { code } => lang.pick(
                format!("{}は受け入れ不可", care_item_label(code, lang)),
                format!("Does not take {}", care_item_label(code, lang)),
            ),
            UnmetReason::OutsideServiceArea {
                listed_municipalities,
                radius_km,
                distance_km,
            } => {
                let listed = listed_municipalities > 0;
                let (ja, en) = match (listed, radius_km) {
                    (true, None) => (
                        format!("自宅の市町村は対象外、自宅まで {}km", number(distance_km)),
                        format!(
                            "home municipality not served; home {} km away",
                            number(distance_km)
                        ),
                    ),
                    (true, Some(r)) => (
                        format!(
                            "自宅の市町村は対象外、半径 {}km に対し自宅まで {}km",
                            number(r),
                            number(distance_km)
                        ),
                        format!(
                            "home municipality not served; radius {} km, home {} km away",
                            number(r),
                            number(distance_km)
                        ),
                    ),
                    (false, r) => (
                        format!(
                            "半径 {}km に対し自宅まで {}km",
                            number(r.unwrap_or_default()),
                            number(distance_km)
                        ),
                        format!(
                            "radius {} km, home {} km away",
                            number(r.unwrap_or_default()),
                            number(distance_km)
                        ),
                    ),
                };
                lang.pick(
                    format!("サービス提供地域外（{ja}）"),
                    format!("Outside the service area ({en})"),
                )
            }
            UnmetReason::NoNights => lang.pick("夜間対応不可".into(), "No night service".into()),
            UnmetReason::NoWeekends => {
                lang.pick("休日対応不可".into(), "No weekend service".into())
            }
            UnmetReason::NotTakingNewClients => {
                lang.pick("新規受け入れ停止中".into(), "Not taking new clients".into())
            }
        }
    }
}

impl Verdict {
    /// ○ met, × unmet, ？ unknown — the marks of a Japanese survey form.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Met => "○",
            Verdict::Unmet { .. } => "×",
            Verdict::Unknown { .. } => "？",
        }
    }
}

impl MatchOutcome {
    /// ○ all met, ？ some unknown, × unmet.
    pub fn mark(self) -> &'static str {
        match self {
            MatchOutcome::AllMet => "○",
            MatchOutcome::SomeUnknown => "？",
            MatchOutcome::Unmet => "×",
        }
    }
}

/// One checked condition in words: the reason when unmet, what is missing when unknown.
/// (Only the wording of `lang` is written: a listed page has thousands of checks.)
pub fn check_words(criterion: Criterion, verdict: Verdict, lang: Lang) -> String {
    let label = criterion.label_text(lang);
    let ja = lang == Lang::Ja;
    match verdict {
        Verdict::Met if ja => format!("{label} ○"),
        Verdict::Met => format!("{label}: met"),
        Verdict::Unmet { reason } => reason.words(lang),
        Verdict::Unknown {
            reason: UnknownReason::NotAnswered,
        } if ja => format!("{label} 未回答"),
        Verdict::Unknown {
            reason: UnknownReason::NotAnswered,
        } => format!("{label}: not answered"),
        Verdict::Unknown {
            reason: UnknownReason::WeightNotRecorded,
        } if ja => "体重制限あり、体重の記録なし".into(),
        Verdict::Unknown {
            reason: UnknownReason::WeightNotRecorded,
        } => "The provider has weight limits; no weight on record".into(),
    }
}
