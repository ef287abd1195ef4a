//! The `survey_campaign` and `survey_target` tables: row structs (written through
//! `store::rows`) and reads.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::error::Result;

pub const CAMPAIGN: &str = "survey_campaign";
pub const TARGET: &str = "survey_target";

/// The `survey_campaign` row's columns (besides the record columns).
#[derive(Debug, Clone, Serialize)]
pub struct CampaignRow {
    pub title: String,
    pub sent_on: String,
    pub due_on: Option<String>,
    pub note: String,
}

/// The `survey_target` row's columns (besides the record columns).
#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub campaign_id: String,
    pub provider_id: String,
    pub state: String,
    pub state_on: String,
    pub answered_on: Option<String>,
    pub conditions_version_id: Option<String>,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct StoredCampaign {
    pub id: String,
    pub row_version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub row: CampaignRow,
}

#[derive(Debug, Clone)]
pub struct StoredTarget {
    pub id: String,
    pub row_version: i64,
    pub row: TargetRow,
}

const CAMPAIGN_COLUMNS: &str =
    "id, row_version, created_at, updated_at, title, sent_on, due_on, note";

fn stored_campaign(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredCampaign> {
    Ok(StoredCampaign {
        id: r.get(0)?,
        row_version: r.get(1)?,
        created_at: r.get(2)?,
        updated_at: r.get(3)?,
        row: CampaignRow {
            title: r.get(4)?,
            sent_on: r.get(5)?,
            due_on: r.get(6)?,
            note: r.get(7)?,
        },
    })
}

/// A live campaign.
pub fn find_campaign(conn: &Connection, id: &str) -> Result<Option<StoredCampaign>> {
    let sql = format!(
        "SELECT {CAMPAIGN_COLUMNS} FROM survey_campaign WHERE id = ?1 AND deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], stored_campaign)
        .optional()?)
}

/// Every live campaign, the latest sent first.
pub fn campaigns(conn: &Connection) -> Result<Vec<StoredCampaign>> {
    let sql = format!(
        "SELECT {CAMPAIGN_COLUMNS} FROM survey_campaign WHERE deleted_at IS NULL
         ORDER BY sent_on DESC, created_at DESC, id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], stored_campaign)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const TARGET_COLUMNS: &str = "id, row_version, campaign_id, provider_id, state, state_on,
    answered_on, conditions_version_id, note";

fn stored_target(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredTarget> {
    Ok(StoredTarget {
        id: r.get(0)?,
        row_version: r.get(1)?,
        row: TargetRow {
            campaign_id: r.get(2)?,
            provider_id: r.get(3)?,
            state: r.get(4)?,
            state_on: r.get(5)?,
            answered_on: r.get(6)?,
            conditions_version_id: r.get(7)?,
            note: r.get(8)?,
        },
    })
}

/// A live target.
pub fn find_target(conn: &Connection, id: &str) -> Result<Option<StoredTarget>> {
    let sql =
        format!("SELECT {TARGET_COLUMNS} FROM survey_target WHERE id = ?1 AND deleted_at IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], stored_target)
        .optional()?)
}

/// The live target of a provider in a campaign, if it is on the list.
pub fn find_target_of(
    conn: &Connection,
    campaign_id: &str,
    provider_id: &str,
) -> Result<Option<StoredTarget>> {
    let sql = format!(
        "SELECT {TARGET_COLUMNS} FROM survey_target
         WHERE campaign_id = ?1 AND provider_id = ?2 AND deleted_at IS NULL"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([campaign_id, provider_id], stored_target)
        .optional()?)
}

/// Whether the campaign already lists the provider (among live targets).
pub fn is_target(conn: &Connection, campaign_id: &str, provider_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM survey_target
             WHERE campaign_id = ?1 AND provider_id = ?2 AND deleted_at IS NULL",
        )?
        .exists([campaign_id, provider_id])?)
}

/// Whether the provider is in the directory (not tombstoned).
pub fn provider_is_live(conn: &Connection, provider_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM provider WHERE id = ?1 AND deleted_at IS NULL")?
        .exists([provider_id])?)
}

/// Live targets per state of each campaign: (campaign id, state code, count).
pub fn state_counts(conn: &Connection) -> Result<Vec<(String, String, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT campaign_id, state, count(*) FROM survey_target
         WHERE deleted_at IS NULL GROUP BY campaign_id, state",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Live targets per state of one campaign: (state code, count).
pub fn state_counts_of(conn: &Connection, campaign_id: &str) -> Result<Vec<(String, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT state, count(*) FROM survey_target
         WHERE campaign_id = ?1 AND deleted_at IS NULL GROUP BY state",
    )?;
    let rows = stmt.query_map([campaign_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A live target with what the campaign page and the chase list show of its provider.
#[derive(Debug, Clone)]
pub struct TargetWithProvider {
    pub target: StoredTarget,
    pub name: String,
    pub kana: String,
    pub kana_folded: String,
    pub kind: String,
    pub municipality_name: String,
    pub phone: String,
    pub fax: String,
    pub contact_person: String,
    pub provider_live: bool,
}

const TARGET_WITH_PROVIDER: &str = "SELECT t.id, t.row_version, t.campaign_id, t.provider_id,
        t.state, t.state_on, t.answered_on, t.conditions_version_id, t.note,
        p.name, p.kana, p.kana_folded, p.kind, coalesce(m.name, ''), p.phone, p.fax,
        p.contact_person, p.deleted_at IS NULL
    FROM survey_target t
    JOIN provider p ON p.id = t.provider_id
    LEFT JOIN municipality m ON m.code6 = p.municipality_code";

fn target_with(r: &rusqlite::Row<'_>) -> rusqlite::Result<TargetWithProvider> {
    Ok(TargetWithProvider {
        target: stored_target(r)?,
        name: r.get(9)?,
        kana: r.get(10)?,
        kana_folded: r.get(11)?,
        kind: r.get(12)?,
        municipality_name: r.get(13)?,
        phone: r.get(14)?,
        fax: r.get(15)?,
        contact_person: r.get(16)?,
        provider_live: r.get(17)?,
    })
}

/// The live targets of a campaign with their providers, in no particular order.
pub fn targets_with_providers(
    conn: &Connection,
    campaign_id: &str,
) -> Result<Vec<TargetWithProvider>> {
    let sql = format!("{TARGET_WITH_PROVIDER} WHERE t.campaign_id = ?1 AND t.deleted_at IS NULL");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([campaign_id], target_with)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One live target with its provider.
pub fn target_with_provider(conn: &Connection, id: &str) -> Result<Option<TargetWithProvider>> {
    let sql = format!("{TARGET_WITH_PROVIDER} WHERE t.id = ?1 AND t.deleted_at IS NULL");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], target_with)
        .optional()?)
}
