//! Disaster warnings and device kinds in words, in Japanese or English. Like matching's
//! verdicts these are reports beside a record, not failures, so they are worded here beside
//! their types; `error.rs` words errors.

use crate::disaster::types::{DeviceKind, DisasterWarning, DisasterWarningCode};
use crate::error::Lang;

impl DeviceKind {
    pub fn label(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            DeviceKind::Ventilator => ("人工呼吸器", "Ventilator"),
            DeviceKind::OxygenConcentrator => ("酸素濃縮器", "Oxygen concentrator"),
            DeviceKind::Suction => ("吸引器", "Suction device"),
            DeviceKind::PulseOximeter => ("パルスオキシメーター", "Pulse oximeter"),
            DeviceKind::FeedingPump => ("経管栄養ポンプ", "Feeding pump"),
            DeviceKind::Other => ("その他の機器", "Other device"),
        };
        match lang {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// Hours as entered: 8 stays 「8」, 7.5 stays 「7.5」.
pub fn hours(h: f64) -> String {
    format!("{}", (h * 10.0).round() / 10.0)
}

/// The warning `code` in words; `total_hours` is the battery total it may quote.
pub fn warning(code: DisasterWarningCode, total_hours: Option<f64>, lang: Lang) -> DisasterWarning {
    use DisasterWarningCode as W;
    let h = total_hours.map(hours).unwrap_or_default();
    let (ja, en) = match code {
        W::NoProfile => (
            "災害時の備え（電源・避難・連絡先）がまだ登録されていません。".to_string(),
            "No disaster profile (power, evacuation, contacts) has been saved yet.".to_string(),
        ),
        W::VentilatorWithoutExternalBattery => (
            "人工呼吸器の外部バッテリーがありません。停電すると内部バッテリーだけで動くことになります。".into(),
            "The ventilator has no external battery: in a power cut it runs on its internal battery only.".into(),
        ),
        W::BatteryUnder24Hours => (
            format!("バッテリーで動かせるのは{h}時間です（24時間未満）。予備バッテリー・車・発電機を確認してください。"),
            format!("The batteries last {h} hours (under 24). Check spare batteries, car power and a generator."),
        ),
        W::NoPowerCompanyRegistration => (
            "電力会社に医療機器を使っていることを登録していません。".into(),
            "The family is not registered with the power company as using medical devices.".into(),
        ),
        W::NoIndividualPlan => (
            "在宅移行から6か月以上たちましたが、個別避難計画がありません。".into(),
            "Home for six months or more, and still no individual evacuation plan (個別避難計画).".into(),
        ),
        W::BatteryHoursUnknown => (
            "電源が必要な機器のバッテリー時間が分かりません。機器ごとに確認してください。".into(),
            "How long a power-dependent device runs on batteries is not known. Check each device.".into(),
        ),
        W::NoContacts => (
            "緊急時の連絡先が登録されていません。".into(),
            "No emergency contacts are recorded.".into(),
        ),
    };
    DisasterWarning {
        code,
        message: lang.pick(ja, en),
    }
}
