//! A child's status in the registry (DOMAIN.md §2).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChildStatus {
    /// 紹介受付
    Referred,
    /// 入院中・退院調整中
    InpatientPlanning,
    /// 在宅
    AtHome,
    /// 再入院中
    Readmitted,
    /// 移行（成人・転出）
    Transitioned,
    /// 死亡
    Deceased,
    /// 終了
    Closed,
}

impl ChildStatus {
    pub fn code(self) -> &'static str {
        match self {
            ChildStatus::Referred => "referred",
            ChildStatus::InpatientPlanning => "inpatient_planning",
            ChildStatus::AtHome => "at_home",
            ChildStatus::Readmitted => "readmitted",
            ChildStatus::Transitioned => "transitioned",
            ChildStatus::Deceased => "deceased",
            ChildStatus::Closed => "closed",
        }
    }
}
