//! Use cases that read campaigns: the list with progress, one campaign with its targets, and
//! the list of providers still to be chased (on screen and as CSV).

use std::collections::HashMap;
use std::io::Write;

use crate::campaigns::types::*;
use crate::campaigns::write::{state_of, target_not_found};
use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Result};
use crate::io::Field;
use crate::providers::export::guard_formula;
use crate::store::campaign::{self as table, StoredCampaign, TargetWithProvider};
use crate::users::Permission;
use crate::vault::Registry;

fn kind_of(code: &str) -> Result<ProviderKind> {
    ProviderKind::ALL
        .into_iter()
        .find(|k| k.code() == code)
        .ok_or_else(|| Error::Internal(format!("unknown provider kind {code} in the database")))
}

fn state_code(code: &str) -> Result<TargetState> {
    TargetState::from_code(code)
        .ok_or_else(|| Error::Internal(format!("unknown survey state {code} in the database")))
}

fn summary(campaign: StoredCampaign, counts: StateCounts) -> CampaignSummary {
    CampaignSummary {
        id: campaign.id,
        row_version: campaign.row_version,
        title: campaign.row.title,
        sent_on: campaign.row.sent_on,
        due_on: campaign.row.due_on,
        note: campaign.row.note,
        total: counts.total(),
        answered_percent: counts.answered_percent(),
        counts,
        created_at: campaign.created_at,
        updated_at: campaign.updated_at,
    }
}

fn target_of(t: TargetWithProvider) -> Result<CampaignTarget> {
    Ok(CampaignTarget {
        state: state_of(&t.target)?,
        provider_kind: kind_of(&t.kind)?,
        id: t.target.id,
        row_version: t.target.row_version,
        provider_id: t.target.row.provider_id,
        provider_name: t.name,
        provider_kana: t.kana,
        municipality_name: t.municipality_name,
        phone: t.phone,
        state_on: t.target.row.state_on,
        answered_on: t.target.row.answered_on,
        note: t.target.row.note,
    })
}

/// By state (in [`TargetState::ALL`] order), then 五十音順 by reading.
fn sort_targets(targets: &mut [TargetWithProvider]) {
    targets.sort_by(|a, b| {
        let state = |t: &TargetWithProvider| TargetState::from_code(&t.target.row.state);
        state(a)
            .cmp(&state(b))
            .then_with(|| a.kana_folded.cmp(&b.kana_folded))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.target.id.cmp(&b.target.id))
    });
}

impl Registry {
    /// Every campaign with its progress, the latest sent first.
    pub fn list_campaigns(&self) -> Result<Vec<CampaignSummary>> {
        self.require(Permission::Read)?;
        let mut counts: HashMap<String, StateCounts> = HashMap::new();
        for (campaign_id, state, n) in table::state_counts(&self.conn)? {
            counts
                .entry(campaign_id)
                .or_default()
                .add(state_code(&state)?, n);
        }
        Ok(table::campaigns(&self.conn)?
            .into_iter()
            .map(|c| {
                let n = counts.get(&c.id).copied().unwrap_or_default();
                summary(c, n)
            })
            .collect())
    }

    /// One campaign's progress: targets per state, total and answered share.
    pub fn campaign_progress(&self, campaign_id: &str) -> Result<CampaignSummary> {
        self.require(Permission::Read)?;
        let campaign = self.live_campaign(campaign_id)?;
        let mut counts = StateCounts::default();
        for (state, n) in table::state_counts_of(&self.conn, campaign_id)? {
            counts.add(state_code(&state)?, n);
        }
        Ok(summary(campaign, counts))
    }

    /// The campaign page: the campaign, its progress, and its targets by state then 五十音順.
    pub fn get_campaign(&self, campaign_id: &str) -> Result<CampaignDetail> {
        self.require(Permission::Read)?;
        let campaign = self.campaign_progress(campaign_id)?;
        let mut rows = table::targets_with_providers(&self.conn, campaign_id)?;
        sort_targets(&mut rows);
        let targets = rows.into_iter().map(target_of).collect::<Result<_>>()?;
        Ok(CampaignDetail { campaign, targets })
    }

    pub(crate) fn campaign_target(&self, target_id: &str) -> Result<CampaignTarget> {
        let target = table::target_with_provider(&self.conn, target_id)?
            .ok_or_else(|| target_not_found(target_id))?;
        target_of(target)
    }

    /// Who still has to be chased: the targets that have not answered (and whose provider is
    /// still in the directory), with phone, FAX and contact person, by state then 五十音順.
    pub fn chase_list(&self, campaign_id: &str) -> Result<Vec<ChaseRow>> {
        self.require(Permission::Read)?;
        self.live_campaign(campaign_id)?;
        let mut rows: Vec<TargetWithProvider> =
            table::targets_with_providers(&self.conn, campaign_id)?
                .into_iter()
                .filter(|t| t.provider_live && t.target.row.state != TargetState::Answered.code())
                .collect();
        sort_targets(&mut rows);
        rows.into_iter()
            .map(|t| {
                Ok(ChaseRow {
                    state: state_of(&t.target)?,
                    kind: kind_of(&t.kind)?,
                    target_id: t.target.id,
                    provider_id: t.target.row.provider_id,
                    name: t.name,
                    kana: t.kana,
                    municipality_name: t.municipality_name,
                    phone: t.phone,
                    fax: t.fax,
                    contact_person: t.contact_person,
                    state_on: t.target.row.state_on,
                    note: t.target.row.note,
                })
            })
            .collect()
    }

    /// Writes the chase list as CSV (UTF-8 with a BOM, so Excel opens it) to `out`, every
    /// cell guarded against formulas; returns the rows written.
    pub fn export_chase_list_csv(&self, campaign_id: &str, out: &mut dyn Write) -> Result<u32> {
        self.require(Permission::Write)?;
        let rows = self.chase_list(campaign_id)?;
        out.write_all("\u{feff}".as_bytes()).map_err(io_error)?;
        let mut writer = csv::Writer::from_writer(out);
        writer
            .write_record([
                "状況",
                "状況の日付",
                Field::Name.label_ja(),
                Field::Kana.label_ja(),
                Field::Kind.label_ja(),
                Field::MunicipalityName.label_ja(),
                Field::Phone.label_ja(),
                Field::Fax.label_ja(),
                Field::ContactPerson.label_ja(),
                "メモ",
            ])
            .map_err(csv_error)?;
        for r in &rows {
            let record = [
                r.state.label_ja(),
                &r.state_on,
                &r.name,
                &r.kana,
                r.kind.code_and_label().1,
                &r.municipality_name,
                &r.phone,
                &r.fax,
                &r.contact_person,
                &r.note,
            ]
            .map(guard_formula);
            writer.write_record(&record).map_err(csv_error)?;
        }
        writer.flush().map_err(io_error)?;
        Ok(rows.len() as u32)
    }
}

fn csv_error(e: csv::Error) -> Error {
    Error::Internal(format!("csv: {e}"))
}

fn io_error(source: std::io::Error) -> Error {
    Error::Io {
        path: "export".into(),
        source,
    }
}
