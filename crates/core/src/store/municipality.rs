//! The `municipality` table: Saitama's municipalities and さいたま市's wards, seeded from
//! `fixtures/municipalities/saitama.tsv` into every database.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// 市 / 町 / 村 / 区 (a ward of a designated city).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MunicipalityKind {
    City,
    Town,
    Village,
    Ward,
}

impl MunicipalityKind {
    pub fn code(self) -> &'static str {
        match self {
            MunicipalityKind::City => "city",
            MunicipalityKind::Town => "town",
            MunicipalityKind::Village => "village",
            MunicipalityKind::Ward => "ward",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "city" => MunicipalityKind::City,
            "town" => MunicipalityKind::Town,
            "village" => MunicipalityKind::Village,
            "ward" => MunicipalityKind::Ward,
            _ => return None,
        })
    }

    /// The kind as written in the reference list (市, 町, 村, 区).
    fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "市" => MunicipalityKind::City,
            "町" => MunicipalityKind::Town,
            "村" => MunicipalityKind::Village,
            "区" => MunicipalityKind::Ward,
            _ => return None,
        })
    }
}

/// A municipality: 6-digit 全国地方公共団体コード (with check digit), the 5-digit form used
/// by MLIT N03 and open data, name and reading, and its hall's point (WGS84).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Municipality {
    pub code6: String,
    pub code5: String,
    pub name: String,
    pub kana: String,
    pub kind: MunicipalityKind,
    pub parent_code6: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

const SAITAMA_TSV: &str = include_str!("../../../../fixtures/municipalities/saitama.tsv");

/// Parses the reference list (header line, then tab-separated rows).
pub fn reference_list() -> Vec<Municipality> {
    SAITAMA_TSV
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            // The fixture is part of the build; a malformed row is a bug in the repository.
            assert_eq!(f.len(), 8, "fixture row has 8 columns: {line}");
            Municipality {
                code6: f[0].into(),
                code5: f[1].into(),
                name: f[2].into(),
                kana: f[3].into(),
                kind: MunicipalityKind::from_label(f[4])
                    .unwrap_or_else(|| panic!("fixture kind {} is 市/町/村/区", f[4])),
                parent_code6: (!f[5].is_empty()).then(|| f[5].to_string()),
                lat: f[6].parse().expect("fixture latitude is a number"),
                lon: f[7].parse().expect("fixture longitude is a number"),
            }
        })
        .collect()
}

/// Inserts the reference rows a database lacks (new databases, or a newer list).
pub fn seed(conn: &Connection) -> Result<()> {
    let list = reference_list();
    let have: i64 = conn.query_row("SELECT count(*) FROM municipality", [], |r| r.get(0))?;
    if have as usize >= list.len() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    {
        // Parents (さいたま市) come before their wards in the list, as the foreign key needs.
        let mut stmt = tx.prepare(
            "INSERT OR IGNORE INTO municipality (code6, code5, name, kana, kind, parent_code6, lat, lon)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for m in &list {
            stmt.execute(params![
                m.code6,
                m.code5,
                m.name,
                m.kana,
                m.kind.code(),
                m.parent_code6,
                m.lat,
                m.lon
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Whether `code6` is a known municipality.
pub fn exists(conn: &Connection, code6: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM municipality WHERE code6 = ?1")?
        .exists([code6])?)
}

/// The name of `code6`, empty when unknown.
pub fn name_of(conn: &Connection, code6: &str) -> Result<String> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT name FROM municipality WHERE code6 = ?1")?
        .query_row([code6], |r| r.get(0))
        .optional()?
        .unwrap_or_default())
}

/// Every municipality, in code order.
pub fn all(conn: &Connection) -> Result<Vec<Municipality>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code6, code5, name, kana, kind, parent_code6, lat, lon FROM municipality ORDER BY code6",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(4)?;
        Ok((
            Municipality {
                code6: r.get(0)?,
                code5: r.get(1)?,
                name: r.get(2)?,
                kana: r.get(3)?,
                kind: MunicipalityKind::City,
                parent_code6: r.get(5)?,
                lat: r.get(6)?,
                lon: r.get(7)?,
            },
            kind,
        ))
    })?;
    rows.map(|row| {
        let (mut m, kind) = row?;
        m.kind = MunicipalityKind::from_code(&kind)
            .ok_or_else(|| Error::Internal(format!("unknown municipality kind {kind}")))?;
        Ok(m)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_list_has_saitamas_63_municipalities_and_10_wards() {
        let list = reference_list();
        let count = |k| list.iter().filter(|m| m.kind == k).count();
        assert_eq!(count(MunicipalityKind::City), 40, "Saitama has 40 市");
        assert_eq!(count(MunicipalityKind::Town), 22, "and 22 町");
        assert_eq!(count(MunicipalityKind::Village), 1, "and 1 村");
        assert_eq!(count(MunicipalityKind::Ward), 10, "さいたま市 has 10 区");
        assert!(
            list.iter()
                .filter(|m| m.kind == MunicipalityKind::Ward)
                .all(|m| m.parent_code6.as_deref() == Some("111007")),
            "every ward belongs to さいたま市"
        );
    }
}
