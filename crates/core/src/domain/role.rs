//! The roles in a child's care team (DOMAIN.md §5), and which kinds of provider in the
//! directory may fill each one. This table is the one place that knows it: a referral or a
//! team member from the directory whose kind does not fit its role is refused.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::provider_kind::ProviderKind;

/// A role in the care team, by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 主治医 (the hospital's doctor)
    AttendingPhysician,
    /// 在宅医
    HomeDoctor,
    /// 訪問看護
    VisitingNurse,
    /// 訪問介護
    HomeHelp,
    /// 相談支援専門員
    ConsultationSpecialist,
    /// 短期入所先
    Respite,
    /// 保健師
    PublicHealthNurse,
    /// 学校
    School,
    /// 医療機器業者
    EquipmentVendor,
    /// コーディネーター (医療的ケア児等コーディネーター)
    Coordinator,
    /// MSW (医療ソーシャルワーカー)
    Msw,
    /// 看護師 (the ward's nurse; the pathway template gives it tasks)
    WardNurse,
}

impl Role {
    /// Every role, in the order the team is listed.
    pub const ALL: [Role; 12] = [
        Role::AttendingPhysician,
        Role::HomeDoctor,
        Role::VisitingNurse,
        Role::HomeHelp,
        Role::ConsultationSpecialist,
        Role::Respite,
        Role::PublicHealthNurse,
        Role::School,
        Role::EquipmentVendor,
        Role::Coordinator,
        Role::Msw,
        Role::WardNurse,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::AttendingPhysician => "attending_physician",
            Role::HomeDoctor => "home_doctor",
            Role::VisitingNurse => "visiting_nurse",
            Role::HomeHelp => "home_help",
            Role::ConsultationSpecialist => "consultation_specialist",
            Role::Respite => "respite",
            Role::PublicHealthNurse => "public_health_nurse",
            Role::School => "school",
            Role::EquipmentVendor => "equipment_vendor",
            Role::Coordinator => "coordinator",
            Role::Msw => "msw",
            Role::WardNurse => "ward_nurse",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The label on screen.
    pub fn label_ja(self) -> &'static str {
        match self {
            Role::AttendingPhysician => "主治医",
            Role::HomeDoctor => "在宅医",
            Role::VisitingNurse => "訪問看護",
            Role::HomeHelp => "訪問介護",
            Role::ConsultationSpecialist => "相談支援専門員",
            Role::Respite => "短期入所先",
            Role::PublicHealthNurse => "保健師",
            Role::School => "学校",
            Role::EquipmentVendor => "医療機器業者",
            Role::Coordinator => "コーディネーター",
            Role::Msw => "MSW",
            Role::WardNurse => "看護師",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Role::AttendingPhysician => "Attending physician",
            Role::HomeDoctor => "Home doctor",
            Role::VisitingNurse => "Visiting nurse",
            Role::HomeHelp => "Home help",
            Role::ConsultationSpecialist => "Consultation specialist",
            Role::Respite => "Respite",
            Role::PublicHealthNurse => "Public health nurse",
            Role::School => "School",
            Role::EquipmentVendor => "Equipment vendor",
            Role::Coordinator => "Coordinator",
            Role::Msw => "MSW",
            Role::WardNurse => "Ward nurse",
        }
    }

    /// The kinds of provider in the directory that may fill this role, most usual first
    /// (the matching panel searches the first). Empty for roles held by a person of the
    /// hospital or the hub (コーディネーター, MSW, 看護師): those join the team by name, never
    /// through a referral.
    pub fn provider_kinds(self) -> &'static [ProviderKind] {
        use ProviderKind::*;
        match self {
            // The hospital the child is in, or a hospital taking the child over.
            Role::AttendingPhysician => &[Hospital],
            Role::HomeDoctor => &[HomeCareClinic, PediatricClinic],
            Role::VisitingNurse => &[VisitingNursing],
            Role::HomeHelp => &[HomeHelp],
            Role::ConsultationSpecialist => &[ConsultationSupport],
            // DOMAIN.md §6: the facilities that offer respite beds.
            Role::Respite => &[ShortStay, DisabledChildrenFacility, Hospital],
            Role::PublicHealthNurse => &[HealthCenter],
            Role::School => &[School],
            Role::EquipmentVendor => &[EquipmentVendor],
            Role::Coordinator | Role::Msw | Role::WardNurse => &[],
        }
    }

    /// Whether a provider of `kind` may fill this role.
    pub fn accepts(self, kind: ProviderKind) -> bool {
        self.provider_kinds().contains(&kind)
    }

    /// Whether a referral can be sent for this role (some kind of provider fills it).
    pub fn is_referable(self) -> bool {
        !self.provider_kinds().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_serde_form_and_read_back() {
        for r in Role::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.code(), "{r:?}");
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
        assert_eq!(Role::from_code("doctor"), None);
    }

    #[test]
    fn each_role_takes_only_its_kinds_of_provider() {
        assert!(Role::HomeDoctor.accepts(ProviderKind::HomeCareClinic));
        assert!(Role::HomeDoctor.accepts(ProviderKind::PediatricClinic));
        assert!(
            !Role::HomeDoctor.accepts(ProviderKind::VisitingNursing),
            "a nursing station is not a home doctor"
        );
        assert!(Role::VisitingNurse.accepts(ProviderKind::VisitingNursing));
        assert!(!Role::VisitingNurse.accepts(ProviderKind::HomeHelp));
        for kind in [
            ProviderKind::ShortStay,
            ProviderKind::DisabledChildrenFacility,
            ProviderKind::Hospital,
        ] {
            assert!(Role::Respite.accepts(kind), "{kind:?} offers respite beds");
        }
        for role in [Role::Coordinator, Role::Msw, Role::WardNurse] {
            assert!(!role.is_referable(), "{role:?} is a person, not a provider");
            assert!(ProviderKind::ALL.iter().all(|&k| !role.accepts(k)));
        }
    }

    #[test]
    fn every_referable_role_lists_distinct_kinds() {
        for r in Role::ALL.into_iter().filter(|r| r.is_referable()) {
            let kinds = r.provider_kinds();
            for (i, k) in kinds.iter().enumerate() {
                assert!(!kinds[i + 1..].contains(k), "{r:?} lists {k:?} twice");
            }
        }
    }
}
