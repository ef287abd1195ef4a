//! 医療的ケア判定スコア (2021 revision, 障害福祉サービス等報酬): base points plus 見守り
//! points for each care item the child has on a given day, and the band the total falls in.
//! The per-item points live in [`CARE_ITEM_RULES`](crate::domain::care_item::CARE_ITEM_RULES);
//! this module adds the one interaction between items and the band thresholds.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::care_item::{CareItemCode, CareItemEntry, Supervision};

/// Which rule set produced a score; stored with every snapshot.
pub const MEDICAL_CARE_RULES_VERSION: &str = "mhlw-2021";

/// Shown when a tracheostomy's 見守り points are dropped because of the ventilator.
const NOTE_TRACHEOSTOMY_WITH_VENTILATOR: &str = "人工呼吸器と併用のため見守り加算なし";
/// Shown when the entry has a level the item does not have (refused by validation; the score
/// still answers for unvalidated input rather than failing).
const NOTE_LEVEL_NOT_IN_TABLE: &str = "この項目にない見守り区分のため見守り加算なし";

/// Where a total falls: what the 医療的ケア判定スコア is used for in 児童発達支援 and
/// 放課後等デイサービス (医療的ケア児 from 3; nurse staffing 3:1 up to 15, 2:1, then 1:1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MedicalCareBand {
    /// Under 3: not counted as 医療的ケア児.
    BelowThreshold,
    /// 3–15: 医療的ケア児 (nurse staffing 3:1).
    MedicalCareChild,
    /// 16–31: nurse staffing 2:1.
    #[serde(rename = "staffing_2_to_1")]
    Staffing2To1,
    /// 32 and over: nurse staffing 1:1.
    #[serde(rename = "staffing_1_to_1")]
    Staffing1To1,
}

/// The lowest total of each band above [`MedicalCareBand::BelowThreshold`], highest first:
/// the one place the thresholds live (DOMAIN.md §3.1).
const BAND_FLOORS: [(u32, MedicalCareBand); 3] = [
    (32, MedicalCareBand::Staffing1To1),
    (16, MedicalCareBand::Staffing2To1),
    (3, MedicalCareBand::MedicalCareChild),
];

impl MedicalCareBand {
    /// The band of a total score.
    pub fn for_total(total: u32) -> MedicalCareBand {
        BAND_FLOORS
            .iter()
            .find(|(floor, _)| total >= *floor)
            .map_or(MedicalCareBand::BelowThreshold, |&(_, band)| band)
    }
}

/// One care item's share of the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MedicalCareLine {
    pub code: CareItemCode,
    /// The item's Japanese label.
    pub label: String,
    pub base: u32,
    /// The level as entered (even when it earns nothing, see `note`).
    pub supervision: Supervision,
    pub supervision_points: u32,
    /// `base + supervision_points`
    pub points: u32,
    /// Why the supervision points differ from the table, when they do.
    pub note: Option<String>,
}

/// The 医療的ケア判定スコア of a child on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MedicalCareScore {
    pub rules_version: String,
    /// The sum of the lines' points.
    pub total: u32,
    pub band: MedicalCareBand,
    /// One line per care item active on the day, in the table's order.
    pub lines: Vec<MedicalCareLine>,
}

/// The score of the care items the child has on `on` (see [`CareItemEntry::is_active_on`]).
/// With a ventilator also active, a tracheostomy earns its base points only.
pub fn medical_care_score(items: &[CareItemEntry], on: NaiveDate) -> MedicalCareScore {
    let active: Vec<&CareItemEntry> = items.iter().filter(|i| i.is_active_on(on)).collect();
    let ventilated = active.iter().any(|i| i.code == CareItemCode::Ventilator);
    let mut lines: Vec<MedicalCareLine> = active.iter().map(|i| line(i, ventilated)).collect();
    // CareItemCode is declared in the table's order; the sort is stable for duplicates.
    lines.sort_by_key(|l| l.code);
    let total = lines.iter().map(|l| l.points).sum();
    MedicalCareScore {
        rules_version: MEDICAL_CARE_RULES_VERSION.to_string(),
        total,
        band: MedicalCareBand::for_total(total),
        lines,
    }
}

fn line(item: &CareItemEntry, ventilated: bool) -> MedicalCareLine {
    let rule = item.code.rule();
    let (supervision_points, note) = match item.code.supervision_points(item.supervision) {
        None => (0, Some(NOTE_LEVEL_NOT_IN_TABLE)),
        Some(points) if points > 0 && ventilated && item.code == CareItemCode::Tracheostomy => {
            (0, Some(NOTE_TRACHEOSTOMY_WITH_VENTILATOR))
        }
        Some(points) => (points, None),
    };
    MedicalCareLine {
        code: item.code,
        label: rule.label_ja.to_string(),
        base: rule.base,
        supervision: item.supervision,
        supervision_points,
        points: rule.base + supervision_points,
        note: note.map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care_item::CareItemCode as C;
    use crate::domain::scores::tests::{DOMAIN_3_1, ended, entry, on};

    fn score(items: &[CareItemEntry]) -> MedicalCareScore {
        medical_care_score(items, on())
    }

    #[test]
    fn every_row_of_the_table_scores_its_base_plus_each_allowed_supervision_level() {
        for row in DOMAIN_3_1 {
            let levels = [
                (Supervision::High, row.high),
                (Supervision::Medium, row.medium),
                (Supervision::Low, Some(0)),
            ];
            for (level, extra) in levels {
                let Some(extra) = extra else { continue };
                let s = score(&[entry(row.code, level)]);
                assert_eq!(
                    s.total,
                    row.base + extra,
                    "{:?} at {level:?}: base {} + 見守り {extra}",
                    row.code,
                    row.base
                );
                assert_eq!(s.lines.len(), 1, "one item, one line");
                assert_eq!(s.lines[0].base, row.base);
                assert_eq!(s.lines[0].supervision_points, extra);
                assert_eq!(s.lines[0].note, None, "nothing unusual about a lone item");
            }
        }
    }

    #[test]
    fn the_hand_written_table_covers_every_care_item() {
        for rule in &crate::domain::care_item::CARE_ITEM_RULES {
            assert!(
                DOMAIN_3_1.iter().any(|row| row.code == rule.code),
                "{} is missing from the test's copy of DOMAIN §3.1",
                rule.code_text
            );
        }
    }

    #[test]
    fn band_thresholds_fall_at_3_16_and_32() {
        use MedicalCareBand as B;
        for (total, band) in [
            (0, B::BelowThreshold),
            (2, B::BelowThreshold),
            (3, B::MedicalCareChild),
            (15, B::MedicalCareChild),
            (16, B::Staffing2To1),
            (31, B::Staffing2To1),
            (32, B::Staffing1To1),
            (200, B::Staffing1To1),
        ] {
            assert_eq!(MedicalCareBand::for_total(total), band, "total {total}");
        }
    }

    #[test]
    fn band_edges_are_reached_by_real_item_sets() {
        use MedicalCareBand as B;
        use Supervision::{High, Low};
        let cases = [
            (vec![], 0, B::BelowThreshold),
            (vec![entry(C::BowelEnema, Low)], 3, B::MedicalCareChild),
            // 8 + 1 + 3 + 3
            (
                vec![
                    entry(C::Suction, High),
                    entry(C::Nebulizer, Low),
                    entry(C::BloodGlucose, Low),
                ],
                15,
                B::MedicalCareChild,
            ),
            // 8 + 8
            (
                vec![entry(C::Suction, Low), entry(C::Oxygen, Low)],
                16,
                B::Staffing2To1,
            ),
            // (8+2) + (8+1) + (8+1) + 3
            (
                vec![
                    entry(C::TubeFeeding, High),
                    entry(C::Suction, High),
                    entry(C::Oxygen, High),
                    entry(C::Nebulizer, Low),
                ],
                31,
                B::Staffing2To1,
            ),
            // (8+2) + (8+1) + (8+1) + (3+1)
            (
                vec![
                    entry(C::TubeFeeding, High),
                    entry(C::Suction, High),
                    entry(C::Oxygen, High),
                    entry(C::BloodGlucose, High),
                ],
                32,
                B::Staffing1To1,
            ),
        ];
        for (items, total, band) in cases {
            let s = score(&items);
            assert_eq!((s.total, s.band), (total, band), "{items:?}");
        }
    }

    #[test]
    fn a_tracheostomy_with_a_ventilator_earns_no_supervision_points() {
        let alone = score(&[entry(C::Tracheostomy, Supervision::High)]);
        assert_eq!(alone.total, 10, "8 + 見守り高 2 without a ventilator");

        let both = score(&[
            entry(C::Tracheostomy, Supervision::High),
            entry(C::Ventilator, Supervision::High),
        ]);
        assert_eq!(both.total, 12 + 8, "ventilator 10+2, tracheostomy 8+0");
        let trach = both
            .lines
            .iter()
            .find(|l| l.code == C::Tracheostomy)
            .unwrap();
        assert_eq!(trach.supervision, Supervision::High, "the entry is kept");
        assert_eq!(trach.supervision_points, 0);
        assert_eq!(
            trach.note.as_deref(),
            Some("人工呼吸器と併用のため見守り加算なし"),
            "the breakdown says why the points are missing"
        );
        let vent = both.lines.iter().find(|l| l.code == C::Ventilator).unwrap();
        assert_eq!(vent.supervision_points, 2, "the ventilator keeps its own");
    }

    #[test]
    fn an_ended_ventilator_gives_the_tracheostomy_its_supervision_points_back() {
        let s = score(&[
            entry(C::Tracheostomy, Supervision::High),
            ended(entry(C::Ventilator, Supervision::High)),
        ]);
        assert_eq!(s.total, 10, "only the tracheostomy, 8 + 2, counts");
    }

    #[test]
    fn a_tube_feeding_pump_adds_its_points_to_tube_feeding() {
        let s = score(&[
            entry(C::TubeFeeding, Supervision::High),
            entry(C::TubeFeedingPump, Supervision::High),
        ]);
        assert_eq!(s.total, (8 + 2) + (3 + 1), "the pump is its own row");
        assert_eq!(s.lines.len(), 2);
    }

    #[test]
    fn an_ended_item_does_not_count() {
        let s = score(&[
            entry(C::Oxygen, Supervision::High),
            ended(entry(C::Suction, Supervision::High)),
        ]);
        assert_eq!(s.total, 9, "oxygen 8+1 only");
        assert_eq!(
            s.lines.iter().map(|l| l.code).collect::<Vec<_>>(),
            [C::Oxygen],
            "no line for the ended suction"
        );
    }

    #[test]
    fn an_item_starting_after_the_day_does_not_count_yet() {
        let mut oxygen = entry(C::Oxygen, Supervision::Low);
        oxygen.start_date = Some("2026-05-01".into());
        assert_eq!(medical_care_score(&[oxygen.clone()], on()).total, 0);
        let later = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        assert_eq!(medical_care_score(&[oxygen], later).total, 8);
    }

    #[test]
    fn lines_follow_the_table_order_and_the_score_names_its_rules() {
        let s = score(&[
            entry(C::SeizureCare, Supervision::Low),
            entry(C::Ventilator, Supervision::Low),
        ]);
        assert_eq!(
            s.lines.iter().map(|l| l.code).collect::<Vec<_>>(),
            [C::Ventilator, C::SeizureCare]
        );
        assert_eq!(s.lines[0].label, "人工呼吸器の管理");
        assert_eq!(s.rules_version, "mhlw-2021", "stored with every snapshot");
    }

    #[test]
    fn a_level_the_item_lacks_earns_nothing_but_the_score_still_answers() {
        // Validation refuses this; the score must still not panic on unvalidated input.
        let s = score(&[entry(C::Suction, Supervision::Medium)]);
        assert_eq!(s.total, 8);
        assert!(s.lines[0].note.is_some());
    }

    #[test]
    fn the_band_serialises_with_the_documented_codes() {
        use MedicalCareBand as B;
        for (band, code) in [
            (B::BelowThreshold, "below_threshold"),
            (B::MedicalCareChild, "medical_care_child"),
            (B::Staffing2To1, "staffing_2_to_1"),
            (B::Staffing1To1, "staffing_1_to_1"),
        ] {
            assert_eq!(serde_json::to_value(band).unwrap(), code);
        }
    }
}
