//! Use case: how much the registry holds, and a brief list of its children — for `verify`,
//! the CLI, and checks that a dataset is what was generated.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::users::Permission;
use crate::vault::Registry;

/// Live (not tombstoned) records per kind, and the audit rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    pub municipalities: i64,
    pub children: i64,
    pub care_items: i64,
    pub weights: i64,
    pub providers: i64,
    pub audit_rows: i64,
}

/// One child in brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildBrief {
    pub id: String,
    pub case_number: String,
    pub name: String,
    pub kana: String,
    pub date_of_birth: String,
    pub municipality_code: String,
    pub status: String,
}

impl Registry {
    pub fn record_counts(&self) -> Result<RecordCounts> {
        self.require(Permission::Read)?;
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        Ok(RecordCounts {
            municipalities: count("SELECT count(*) FROM municipality")?,
            children: count("SELECT count(*) FROM child WHERE deleted_at IS NULL")?,
            care_items: count("SELECT count(*) FROM child_care_item WHERE deleted_at IS NULL")?,
            weights: count("SELECT count(*) FROM child_weight WHERE deleted_at IS NULL")?,
            providers: count("SELECT count(*) FROM provider WHERE deleted_at IS NULL")?,
            audit_rows: count("SELECT count(*) FROM audit_log")?,
        })
    }

    /// Every live child, by case number.
    pub fn children_brief(&self) -> Result<Vec<ChildBrief>> {
        self.require(Permission::Read)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, case_number, name, kana, date_of_birth, municipality_code, status
             FROM child WHERE deleted_at IS NULL ORDER BY case_number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ChildBrief {
                id: r.get(0)?,
                case_number: r.get(1)?,
                name: r.get(2)?,
                kana: r.get(3)?,
                date_of_birth: r.get(4)?,
                municipality_code: r.get(5)?,
                status: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
