//! What crosses the boundary for equipment lending (DOMAIN.md §7): item types, units with
//! their asset tags and condition, loans, the overdue list and a unit's history.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::respite::types::coded;

coded! {
    /// The state a unit is in, as checked when it comes back.
    UnitCondition {
        Good => ("good", "良好", "Good"),
        Worn => ("worn", "使用感あり", "Worn"),
        NeedsRepair => ("needs_repair", "要修理", "Needs repair"),
        Broken => ("broken", "破損", "Broken"),
    }
}

impl UnitCondition {
    /// Whether a unit in this state may go out to a family.
    pub fn lendable(self) -> bool {
        matches!(self, UnitCondition::Good | UnitCondition::Worn)
    }
}

/// A new kind of equipment (足踏み式吸引器, 蘇生バッグ…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EquipmentTypeInput {
    /// At most 100 characters; unique
    pub name: String,
    #[serde(default)]
    pub note: String,
}

/// A new unit of a type, with the asset tag on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AddUnitRequest {
    pub type_id: String,
    /// e.g. KH-SUC-003; at most 50 characters, unique (full-width letters and digits count as
    /// their half-width forms)
    pub asset_tag: String,
    pub condition: UnitCondition,
    #[serde(default)]
    pub note: String,
}

/// Changes a unit's condition or note, or retires it (never lent again).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UpdateUnitRequest {
    pub unit_id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub condition: UnitCondition,
    /// ISO date it was taken out of service (not in the future); `None` = in service
    pub retired_on: Option<String>,
    #[serde(default)]
    pub note: String,
}

/// Lends a unit to a child's family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LendRequest {
    pub unit_id: String,
    pub child_id: String,
    /// ISO date it went out (not in the future)
    pub lent_on: String,
    /// ISO date it is due back (not before `lent_on`)
    pub due_on: String,
    #[serde(default)]
    pub note: String,
}

/// A unit coming back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReturnRequest {
    pub unit_id: String,
    /// ISO date it came back (not in the future, not before it went out); today when `None`
    pub returned_on: Option<String>,
    /// Its condition on return, which becomes the unit's condition
    pub condition: UnitCondition,
    /// Replaces the loan's note when given
    #[serde(default)]
    pub note: Option<String>,
}

/// A kind of equipment with its units in service and how many are out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EquipmentType {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub name: String,
    pub note: String,
    /// Units in service (not retired)
    pub units: u32,
    pub on_loan: u32,
}

/// A loan with its unit and child.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Loan {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub unit_id: String,
    pub asset_tag: String,
    pub type_name: String,
    pub child_id: String,
    pub case_number: String,
    pub child_name: String,
    pub lent_on: String,
    pub due_on: String,
    pub returned_on: Option<String>,
    pub return_condition: Option<UnitCondition>,
    pub note: String,
}

/// A unit with its current loan, if it is out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EquipmentUnit {
    pub id: String,
    #[ts(type = "number")]
    pub row_version: i64,
    pub type_id: String,
    pub type_name: String,
    pub asset_tag: String,
    pub condition: UnitCondition,
    pub retired_on: Option<String>,
    pub note: String,
    pub loan: Option<Loan>,
}

/// A unit that should have come back: the loan, how late it is, and whom to call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OverdueLoan {
    pub loan: Loan,
    /// Days since it was due (1 = due yesterday)
    pub days_overdue: u32,
    /// The first guardian on the case, and their primary phone
    pub guardian_name: String,
    pub guardian_phone: String,
}

/// A unit and every loan it has been out on, the latest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UnitHistory {
    pub unit: EquipmentUnit,
    pub loans: Vec<Loan>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_units_in_working_order_go_out() {
        let lendable: Vec<_> = UnitCondition::ALL.iter().filter(|c| c.lendable()).collect();
        assert_eq!(lendable, [&UnitCondition::Good, &UnitCondition::Worn]);
        for &c in UnitCondition::ALL {
            assert_eq!(UnitCondition::from_code(c.code()), Some(c));
        }
    }
}
