//! Labels the documents print. The documents are for Japanese organisations (hospitals,
//! 消防, 電力会社, 市町村), so they are in Japanese whatever the app's language; only
//! [`ConsentScope::label`] is also in English, for the consent refusal's message.

use chrono::NaiveDate;

use crate::cases::Sex;
use crate::domain::care_item::{FeedingRoute, SuctionFrequency};
use crate::domain::scores::medical_care::MedicalCareBand;
use crate::domain::scores::severe::{Condition, SevereClass};

pub(crate) fn sex(s: Sex) -> &'static str {
    match s {
        Sex::Female => "女",
        Sex::Male => "男",
        Sex::Other => "その他",
        Sex::Unknown => "不明",
    }
}

pub(crate) fn band(b: MedicalCareBand) -> &'static str {
    match b {
        MedicalCareBand::BelowThreshold => "3点未満（医療的ケア児の基準未満）",
        MedicalCareBand::MedicalCareChild => "医療的ケア児（3〜15点・看護職員 3:1）",
        MedicalCareBand::Staffing2To1 => "16〜31点（看護職員 2:1）",
        MedicalCareBand::Staffing1To1 => "32点以上（看護職員 1:1）",
    }
}

pub(crate) fn class(c: SevereClass) -> &'static str {
    match c {
        SevereClass::SuperSevere => "超重症児(者)",
        SevereClass::QuasiSevere => "準超重症児(者)",
        SevereClass::None => "該当なし",
        SevereClass::Undetermined => "判定不能（運動機能が未入力）",
    }
}

pub(crate) fn condition(c: Condition) -> &'static str {
    match c {
        Condition::Met => "該当",
        Condition::NotMet => "非該当",
        Condition::Unknown => "不明",
    }
}

pub(crate) fn feeding_route(r: FeedingRoute) -> &'static str {
    r.label_ja()
}

pub(crate) fn suction_frequency(f: SuctionFrequency) -> &'static str {
    match f {
        SuctionFrequency::HourlyOrMore => "1回/時間以上",
        SuctionFrequency::SixPerDayOrMore => "6回/日以上",
        SuctionFrequency::Less => "6回/日未満",
    }
}

/// 「2026年12月1日」 from an ISO date; other text as it is.
pub(crate) fn date(iso: &str) -> String {
    match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => date_of(d),
        Err(_) => iso.to_string(),
    }
}

pub(crate) fn date_of(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 「2026/12/1（火）」 from an ISO date: for schedules, where the weekday matters.
pub(crate) fn day_with_weekday(iso: &str) -> String {
    use chrono::Datelike;
    const DAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];
    match NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => format!(
            "{}/{}/{}（{}）",
            d.year(),
            d.month(),
            d.day(),
            DAYS[d.weekday().num_days_from_monday() as usize]
        ),
        Err(_) => iso.to_string(),
    }
}

/// An optional ISO date, or empty.
pub(crate) fn opt_date(iso: Option<&str>) -> String {
    iso.map(date).unwrap_or_default()
}

/// 「8時間」, or 「不明」.
pub(crate) fn hours(h: Option<f64>) -> String {
    match h {
        Some(h) => format!("{}時間", crate::disaster::words::hours(h)),
        None => "不明".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::ConsentScope;

    #[test]
    fn scopes_read_back_from_their_codes_and_match_serde() {
        for s in ConsentScope::ALL {
            assert_eq!(ConsentScope::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
    }

    #[test]
    fn dates_are_written_the_japanese_way() {
        assert_eq!(date("2026-12-01"), "2026年12月1日");
        assert_eq!(date("いつか"), "いつか");
        assert_eq!(hours(Some(7.5)), "7.5時間");
        assert_eq!(hours(None), "不明");
        assert_eq!(day_with_weekday("2026-12-01"), "2026/12/1（火）");
    }
}
