//! What crosses the boundary for the 24/365 consultation log (DOMAIN.md §8): one call, the
//! list with its filters, and the counts per month by outcome and caller type.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::respite::types::coded;

coded! {
    /// Who called.
    CallerType {
        Family => ("family", "家族", "Family"),
        Clinic => ("clinic", "医療機関", "Clinic or hospital"),
        NursingStation => ("nursing_station", "訪問看護ステーション", "Nursing station"),
        School => ("school", "学校", "School"),
        Municipality => ("municipality", "市町村", "Municipality"),
        Other => ("other", "その他", "Other"),
    }
}

coded! {
    /// What came of the call.
    ConsultationOutcome {
        Advice => ("advice", "助言", "Advice"),
        VisitArranged => ("visit_arranged", "訪問調整", "Visit arranged"),
        EmergencyAdmission => ("emergency_admission", "緊急入院", "Emergency admission"),
        RespiteArranged => ("respite_arranged", "レスパイト調整", "Respite arranged"),
        Referred => ("referred", "他機関へ紹介", "Referred"),
    }
}

/// One call as the quick-entry form sends it. Only when, who, topic and outcome are required;
/// the rest can be left empty so a call is logged in seconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ConsultationInput {
    /// When the call came: `2026-11-24T21:30` (the office's time, UTC+9) or RFC 3339 with an
    /// offset; not in the future
    pub at: String,
    /// Required (an option so that a form left blank is refused at this field)
    pub caller_type: Option<CallerType>,
    /// The child the call was about, if any
    pub child_id: Option<String>,
    /// What it was about, at most 200 characters
    pub topic: String,
    /// Required
    pub outcome: Option<ConsultationOutcome>,
    /// Who answered
    #[serde(default)]
    pub staff: String,
    /// How long it took, 0–1440 minutes
    pub minutes: Option<u32>,
    #[serde(default)]
    pub note: String,
}

/// One logged call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Consultation {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    /// UTC RFC 3339
    pub at: String,
    /// The office's time (UTC+9), `2026-11-24 21:30`
    pub at_local: String,
    pub caller_type: CallerType,
    pub child_id: Option<String>,
    pub case_number: Option<String>,
    pub child_name: Option<String>,
    pub topic: String,
    pub outcome: ConsultationOutcome,
    pub staff: String,
    pub minutes: Option<u32>,
    pub note: String,
}

/// Which calls to list; every filter is optional and they combine.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ConsultationFilter {
    /// ISO date of the first day (the office's calendar), inclusive
    pub from: Option<String>,
    /// ISO date of the last day, inclusive
    pub to: Option<String>,
    pub caller_type: Option<CallerType>,
    pub outcome: Option<ConsultationOutcome>,
    pub child_id: Option<String>,
    /// Words in the topic, note or staff (folded: kana, width and case do not matter)
    pub text: Option<String>,
    /// Most calls listed (default 200, at most 1000); `total` counts them all
    pub limit: Option<u32>,
}

/// The matching calls, the latest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ConsultationList {
    pub total: u32,
    pub consultations: Vec<Consultation>,
}

/// Calls per outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutcomeCounts {
    pub advice: u32,
    pub visit_arranged: u32,
    pub emergency_admission: u32,
    pub respite_arranged: u32,
    pub referred: u32,
}

impl OutcomeCounts {
    pub fn add(&mut self, outcome: ConsultationOutcome, n: u32) {
        use ConsultationOutcome::*;
        match outcome {
            Advice => self.advice += n,
            VisitArranged => self.visit_arranged += n,
            EmergencyAdmission => self.emergency_admission += n,
            RespiteArranged => self.respite_arranged += n,
            Referred => self.referred += n,
        }
    }
}

/// Calls per caller type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CallerCounts {
    pub family: u32,
    pub clinic: u32,
    pub nursing_station: u32,
    pub school: u32,
    pub municipality: u32,
    pub other: u32,
}

impl CallerCounts {
    pub fn add(&mut self, caller: CallerType, n: u32) {
        use CallerType::*;
        match caller {
            Family => self.family += n,
            Clinic => self.clinic += n,
            NursingStation => self.nursing_station += n,
            School => self.school += n,
            Municipality => self.municipality += n,
            Other => self.other += n,
        }
    }
}

/// The calls of one month (or of the year).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConsultationCounts {
    pub total: u32,
    pub by_outcome: OutcomeCounts,
    pub by_caller: CallerCounts,
}

impl ConsultationCounts {
    pub fn add(&mut self, caller: CallerType, outcome: ConsultationOutcome, n: u32) {
        self.total += n;
        self.by_outcome.add(outcome, n);
        self.by_caller.add(caller, n);
    }
}

/// One month's counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MonthCounts {
    /// 1–12
    pub month: u32,
    pub counts: ConsultationCounts,
}

/// A calendar year's calls by the office's month (UTC+9): all twelve months, and the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct YearCounts {
    pub year: i32,
    pub months: Vec<MonthCounts>,
    pub year_total: ConsultationCounts,
}
