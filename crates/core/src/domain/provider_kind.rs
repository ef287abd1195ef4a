//! The kinds of provider in the resource directory (DOMAIN.md §4).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    HomeCareClinic,
    PediatricClinic,
    Hospital,
    VisitingNursing,
    HomeHelp,
    ConsultationSupport,
    ShortStay,
    DisabledChildrenFacility,
    ChildDayService,
    DaySupport,
    Pharmacy,
    School,
    HealthCenter,
    ChildGuidanceCenter,
    EquipmentVendor,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 15] = [
        ProviderKind::HomeCareClinic,
        ProviderKind::PediatricClinic,
        ProviderKind::Hospital,
        ProviderKind::VisitingNursing,
        ProviderKind::HomeHelp,
        ProviderKind::ConsultationSupport,
        ProviderKind::ShortStay,
        ProviderKind::DisabledChildrenFacility,
        ProviderKind::ChildDayService,
        ProviderKind::DaySupport,
        ProviderKind::Pharmacy,
        ProviderKind::School,
        ProviderKind::HealthCenter,
        ProviderKind::ChildGuidanceCenter,
        ProviderKind::EquipmentVendor,
    ];

    /// (stable code, 種別 as shown on screen)
    pub fn code_and_label(self) -> (&'static str, &'static str) {
        match self {
            ProviderKind::HomeCareClinic => ("home_care_clinic", "在宅療養支援診療所・病院"),
            ProviderKind::PediatricClinic => ("pediatric_clinic", "小児科診療所"),
            ProviderKind::Hospital => ("hospital", "病院"),
            ProviderKind::VisitingNursing => ("visiting_nursing", "訪問看護ステーション"),
            ProviderKind::HomeHelp => ("home_help", "訪問介護・居宅介護"),
            ProviderKind::ConsultationSupport => ("consultation_support", "相談支援事業所"),
            ProviderKind::ShortStay => ("short_stay", "短期入所"),
            ProviderKind::DisabledChildrenFacility => {
                ("disabled_children_facility", "医療型障害児入所施設")
            }
            ProviderKind::ChildDayService => {
                ("child_day_service", "児童発達支援・放課後等デイサービス")
            }
            ProviderKind::DaySupport => ("day_support", "日中一時支援"),
            ProviderKind::Pharmacy => ("pharmacy", "訪問薬局"),
            ProviderKind::School => ("school", "特別支援学校・保育所"),
            ProviderKind::HealthCenter => ("health_center", "保健センター・保健所"),
            ProviderKind::ChildGuidanceCenter => ("child_guidance_center", "児童相談所"),
            ProviderKind::EquipmentVendor => ("equipment_vendor", "医療機器業者"),
        }
    }

    pub fn code(self) -> &'static str {
        self.code_and_label().0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_serde_form() {
        for kind in ProviderKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.code(), "{kind:?}");
        }
    }
}
