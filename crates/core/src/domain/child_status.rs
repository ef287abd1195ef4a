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

impl ChildStatus {
    pub const ALL: [ChildStatus; 7] = [
        ChildStatus::Referred,
        ChildStatus::InpatientPlanning,
        ChildStatus::AtHome,
        ChildStatus::Readmitted,
        ChildStatus::Transitioned,
        ChildStatus::Deceased,
        ChildStatus::Closed,
    ];

    pub fn from_code(code: &str) -> Option<ChildStatus> {
        ChildStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The statuses a case may move to from this one (DOMAIN.md §2): forward along the
    /// pathway, back and forth between home and readmission, a closed case may be reopened,
    /// and 移行 and 死亡 are final.
    pub fn next(self) -> &'static [ChildStatus] {
        use ChildStatus::*;
        match self {
            Referred => &[InpatientPlanning, AtHome, Closed],
            InpatientPlanning => &[AtHome, Transitioned, Deceased, Closed],
            AtHome => &[Readmitted, Transitioned, Deceased, Closed],
            Readmitted => &[AtHome, Transitioned, Deceased, Closed],
            Closed => &[Referred],
            Transitioned | Deceased => &[],
        }
    }

    pub fn can_change_to(self, next: ChildStatus) -> bool {
        self.next().contains(&next)
    }

    pub fn label_ja(self) -> &'static str {
        match self {
            ChildStatus::Referred => "紹介受付",
            ChildStatus::InpatientPlanning => "入院中・退院調整中",
            ChildStatus::AtHome => "在宅",
            ChildStatus::Readmitted => "再入院中",
            ChildStatus::Transitioned => "移行（成人・転出）",
            ChildStatus::Deceased => "死亡",
            ChildStatus::Closed => "終了",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_can_go_home_be_readmitted_and_go_home_again() {
        use ChildStatus::*;
        let path = [
            Referred,
            InpatientPlanning,
            AtHome,
            Readmitted,
            AtHome,
            Transitioned,
        ];
        for pair in path.windows(2) {
            assert!(
                pair[0].can_change_to(pair[1]),
                "{:?} → {:?}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn final_statuses_have_no_way_out_and_no_status_moves_to_itself() {
        assert!(ChildStatus::Deceased.next().is_empty(), "死亡 is final");
        assert!(ChildStatus::Transitioned.next().is_empty(), "移行 is final");
        for s in ChildStatus::ALL {
            assert!(!s.can_change_to(s), "{s:?} to itself is not a change");
            assert_eq!(ChildStatus::from_code(s.code()), Some(s));
            assert_eq!(serde_json::to_value(s).unwrap(), s.code());
        }
    }
}
