//! The equipment tables (`equipment_type`, `equipment_unit`, `equipment_loan`): row structs
//! (written through `store::rows`, their field names are the columns) and reads.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::error::Result;

pub const TYPE: &str = "equipment_type";
pub const UNIT: &str = "equipment_unit";
pub const LOAN: &str = "equipment_loan";

#[derive(Debug, Clone, Serialize)]
pub struct TypeRow {
    pub name: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitRow {
    pub type_id: String,
    pub asset_tag: String,
    pub condition: String,
    pub retired_on: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LoanRow {
    pub unit_id: String,
    pub child_id: String,
    pub lent_on: String,
    pub due_on: String,
    pub returned_on: Option<String>,
    pub return_condition: Option<String>,
    pub note: String,
}

/// A live row as read back, with its id and row version.
#[derive(Debug, Clone)]
pub struct Stored<R> {
    pub id: String,
    pub row_version: i64,
    pub row: R,
}

fn type_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored<TypeRow>> {
    Ok(Stored {
        id: r.get(0)?,
        row_version: r.get(1)?,
        row: TypeRow {
            name: r.get(2)?,
            note: r.get(3)?,
        },
    })
}

/// A live equipment type.
pub fn find_type(conn: &Connection, id: &str) -> Result<Option<Stored<TypeRow>>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, row_version, name, note FROM equipment_type
             WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([id], type_row)
        .optional()?)
}

/// Whether a live type already has this name.
pub fn type_name_taken(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM equipment_type WHERE name = ?1 AND deleted_at IS NULL")?
        .exists([name])?)
}

/// Every live type by name, with its live units and how many are out: (type, units, on loan).
pub fn types_with_counts(conn: &Connection) -> Result<Vec<(Stored<TypeRow>, u32, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.row_version, t.name, t.note,
                (SELECT count(*) FROM equipment_unit u
                 WHERE u.type_id = t.id AND u.deleted_at IS NULL AND u.retired_on IS NULL),
                (SELECT count(*) FROM equipment_loan l JOIN equipment_unit u ON u.id = l.unit_id
                 WHERE u.type_id = t.id AND l.returned_on IS NULL AND l.deleted_at IS NULL)
         FROM equipment_type t WHERE t.deleted_at IS NULL ORDER BY t.name, t.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((type_row(r)?, r.get(4)?, r.get(5)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const UNIT_COLUMNS: &str =
    "u.id, u.row_version, u.type_id, u.asset_tag, u.condition, u.retired_on, u.note, t.name";

/// A live unit with its type's name.
#[derive(Debug, Clone)]
pub struct UnitWithType {
    pub unit: Stored<UnitRow>,
    pub type_name: String,
}

fn unit_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<UnitWithType> {
    Ok(UnitWithType {
        unit: Stored {
            id: r.get(0)?,
            row_version: r.get(1)?,
            row: UnitRow {
                type_id: r.get(2)?,
                asset_tag: r.get(3)?,
                condition: r.get(4)?,
                retired_on: r.get(5)?,
                note: r.get(6)?,
            },
        },
        type_name: r.get(7)?,
    })
}

/// A live unit.
pub fn find_unit(conn: &Connection, id: &str) -> Result<Option<UnitWithType>> {
    let sql = format!(
        "SELECT {UNIT_COLUMNS} FROM equipment_unit u JOIN equipment_type t ON t.id = u.type_id
         WHERE u.id = ?1 AND u.deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], unit_row)
        .optional()?)
}

/// The live unit with this asset tag.
pub fn find_unit_by_tag(conn: &Connection, tag: &str) -> Result<Option<UnitWithType>> {
    let sql = format!(
        "SELECT {UNIT_COLUMNS} FROM equipment_unit u JOIN equipment_type t ON t.id = u.type_id
         WHERE u.asset_tag = ?1 AND u.deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([tag], unit_row)
        .optional()?)
}

/// Live units, of one type or all, by type name then asset tag.
pub fn units(conn: &Connection, type_id: Option<&str>) -> Result<Vec<UnitWithType>> {
    let sql = format!(
        "SELECT {UNIT_COLUMNS} FROM equipment_unit u JOIN equipment_type t ON t.id = u.type_id
         WHERE u.deleted_at IS NULL AND (?1 IS NULL OR u.type_id = ?1)
         ORDER BY t.name, u.asset_tag"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([type_id], unit_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A loan with what lists show of its unit and child.
#[derive(Debug, Clone)]
pub struct LoanWithParts {
    pub loan: Stored<LoanRow>,
    pub asset_tag: String,
    pub type_name: String,
    pub case_number: String,
    pub child_name: String,
}

const LOAN_SELECT: &str = "SELECT l.id, l.row_version, l.unit_id, l.child_id, l.lent_on,
        l.due_on, l.returned_on, l.return_condition, l.note, u.asset_tag, t.name,
        c.case_number, c.name
    FROM equipment_loan l
    JOIN equipment_unit u ON u.id = l.unit_id
    JOIN equipment_type t ON t.id = u.type_id
    JOIN child c ON c.id = l.child_id";

fn loan_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LoanWithParts> {
    Ok(LoanWithParts {
        loan: Stored {
            id: r.get(0)?,
            row_version: r.get(1)?,
            row: LoanRow {
                unit_id: r.get(2)?,
                child_id: r.get(3)?,
                lent_on: r.get(4)?,
                due_on: r.get(5)?,
                returned_on: r.get(6)?,
                return_condition: r.get(7)?,
                note: r.get(8)?,
            },
        },
        asset_tag: r.get(9)?,
        type_name: r.get(10)?,
        case_number: r.get(11)?,
        child_name: r.get(12)?,
    })
}

/// The unit's loan that has not come back, if it is out.
pub fn open_loan(conn: &Connection, unit_id: &str) -> Result<Option<LoanWithParts>> {
    let sql = format!(
        "{LOAN_SELECT} WHERE l.unit_id = ?1 AND l.returned_on IS NULL AND l.deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([unit_id], loan_row)
        .optional()?)
}

/// A live loan.
pub fn find_loan(conn: &Connection, id: &str) -> Result<Option<LoanWithParts>> {
    let sql = format!("{LOAN_SELECT} WHERE l.id = ?1 AND l.deleted_at IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], loan_row)
        .optional()?)
}

/// Every live loan of a unit, the latest first.
pub fn loans_of_unit(conn: &Connection, unit_id: &str) -> Result<Vec<LoanWithParts>> {
    let sql = format!(
        "{LOAN_SELECT} WHERE l.unit_id = ?1 AND l.deleted_at IS NULL
         ORDER BY l.lent_on DESC, l.created_at DESC, l.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([unit_id], loan_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The latest return date of a unit's loans, if it has come back before.
pub fn last_return(conn: &Connection, unit_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT max(returned_on) FROM equipment_loan WHERE unit_id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([unit_id], |r| r.get(0))?)
}

/// Live loans not returned and due before `today` (ISO date), the longest overdue first.
pub fn overdue(conn: &Connection, today: &str) -> Result<Vec<LoanWithParts>> {
    let sql = format!(
        "{LOAN_SELECT} WHERE l.returned_on IS NULL AND l.deleted_at IS NULL AND l.due_on < ?1
         ORDER BY l.due_on, u.asset_tag"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([today], loan_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
