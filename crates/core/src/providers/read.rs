//! Use cases that read the directory: the provider page, the conditions in force on a date,
//! and the filtered list.

use rusqlite::types::Value as SqlValue;

use crate::cases::LocationSource;
use crate::cases::read::{change_entries, escape_like, parse as decode};
use crate::cases::validate::parse_date;
use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Invalid, Result};
use crate::providers::types::*;
use crate::providers::write::{answer_code, not_found};
use crate::store::provider::{self as table, StoredProvider};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

const DEFAULT_PAGE: u32 = 200;
const MAX_PAGE: u32 = 1000;

fn code<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|_| Error::Internal(format!("unknown code {text} in the database")))
}

impl Registry {
    /// The provider page: the record, every answered version of its conditions, its history.
    pub fn get_provider(&self, id: &str) -> Result<ProviderDetail> {
        self.require(Permission::Read)?;
        self.provider_detail(id)
    }

    pub(crate) fn provider_detail(&self, id: &str) -> Result<ProviderDetail> {
        let stored = table::find(&self.conn, id)?.ok_or_else(|| not_found(id))?;
        let versions = table::condition_versions(&self.conn, id)?
            .into_iter()
            .map(|(v, recorded_at, recorded_by)| {
                Ok(ConditionsVersion {
                    answered_on: v.answered_on,
                    source: code(&v.source)?,
                    recorded_at,
                    recorded_by,
                    conditions: decode(&v.conditions),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut audit = self.history("provider", id)?;
        let mut version_ids: Vec<String> = self
            .conn
            .prepare_cached("SELECT id FROM provider_conditions_version WHERE provider_id = ?1")?
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        version_ids.sort();
        for vid in version_ids {
            audit.extend(self.history("provider_conditions_version", &vid)?);
        }
        audit.sort_by(|a, b| a.at.cmp(&b.at));
        Ok(ProviderDetail {
            id: stored.id.clone(),
            row_version: stored.row_version,
            municipality_name: crate::store::municipality::name_of(
                &self.conn,
                &stored.row.municipality_code,
            )?,
            location_source: if stored.row.location_source == "entered" {
                LocationSource::Entered
            } else {
                LocationSource::MunicipalityHall
            },
            versions,
            history: change_entries(audit),
            created_at: stored.created_at.clone(),
            updated_at: stored.updated_at.clone(),
            provider: provider_input(&stored)?,
        })
    }

    /// The conditions in force on a date: the latest version answered on or before it.
    /// `None` when the provider had not answered yet.
    pub fn conditions_as_of(&self, request: &ConditionsAsOf) -> Result<Option<ConditionsVersion>> {
        self.require(Permission::Read)?;
        let on = parse_date("on", &request.on)?.to_string();
        let detail = self.provider_detail(&request.id)?;
        Ok(detail
            .versions
            .into_iter()
            .rev()
            .find(|v| v.answered_on <= on))
    }

    /// The directory list: filters combined with AND, 五十音順 by reading.
    pub fn search_providers(&self, search: &ProviderSearch) -> Result<ProviderSearchResult> {
        self.require(Permission::Read)?;
        if search.query.chars().count() > 100 {
            return Err(Error::invalid("query", Invalid::TooLong { max_chars: 100 }));
        }
        let mut filter = String::from("p.deleted_at IS NULL");
        let mut args: Vec<SqlValue> = Vec::new();
        let arg = |v: SqlValue, args: &mut Vec<SqlValue>| {
            args.push(v);
            args.len()
        };
        let needle = fold(&search.query);
        if !needle.is_empty() {
            let n = arg(
                SqlValue::Text(format!("%{}%", escape_like(&needle))),
                &mut args,
            );
            filter.push_str(&format!(" AND p.search_text LIKE ?{n} ESCAPE '\\'"));
        }
        if let Some(kind) = search.kind {
            let n = arg(SqlValue::Text(kind.code().into()), &mut args);
            filter.push_str(&format!(" AND p.kind = ?{n}"));
        }
        if let Some(m) = search
            .municipality_code
            .as_deref()
            .filter(|m| !m.is_empty())
        {
            let n = arg(SqlValue::Text(m.to_string()), &mut args);
            // Located in it (a designated city includes its wards), or serving it.
            filter.push_str(&format!(
                " AND (p.municipality_code IN (SELECT code6 FROM municipality WHERE code6 = ?{n} OR parent_code6 = ?{n})
                       OR EXISTS (SELECT 1 FROM json_each(p.conditions, '$.service_area.municipality_codes') a
                                  WHERE a.value = ?{n}))"
            ));
        }
        if let Some(a) = search.accepts_children {
            let n = arg(SqlValue::Text(answer_code(a).into()), &mut args);
            filter.push_str(&format!(" AND p.accepts_children = ?{n}"));
        }
        if let Some(item) = search.care_item {
            let n = arg(SqlValue::Text(item.code().into()), &mut args);
            filter.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM json_each(p.conditions, '$.care_items') j
                              WHERE j.value ->> 'code' = ?{n} AND j.value ->> 'answer' = 'yes')"
            ));
        }
        if search.age_months.is_some() || search.weight_kg.is_some() {
            // Fitting a child's age or weight means taking children at all (or not having said).
            filter.push_str(" AND p.accepts_children <> 'no'");
        }
        if let Some(age) = search.age_months {
            let n = arg(SqlValue::Integer(age.into()), &mut args);
            filter.push_str(&format!(
                " AND coalesce(p.conditions ->> '$.age_min_months', 0) <= ?{n}
                  AND coalesce(p.conditions ->> '$.age_max_months', 100000) >= ?{n}"
            ));
        }
        if let Some(kg) = search.weight_kg {
            let n = arg(SqlValue::Real(kg), &mut args);
            filter.push_str(&format!(
                " AND coalesce(p.conditions ->> '$.weight_min_kg', 0) <= ?{n}
                  AND coalesce(p.conditions ->> '$.weight_max_kg', 100000) >= ?{n}"
            ));
        }
        if search.around_the_clock {
            filter.push_str(" AND p.around_the_clock = 'yes'");
        }
        if search.published_only {
            filter.push_str(" AND coalesce(p.publication ->> '$.name', 0) = 1");
        }
        let sql = format!(
            "SELECT p.id FROM provider p WHERE {filter} ORDER BY p.kana_folded, p.name, p.id"
        );
        let ids: Vec<String> = self
            .conn
            .prepare_cached(&sql)?
            .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let limit = search.limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE) as usize;
        let mut rows = Vec::new();
        for id in ids.iter().skip(search.offset as usize).take(limit) {
            let stored = table::find(&self.conn, id)?.ok_or_else(|| not_found(id))?;
            let conditions: Conditions = decode(&stored.row.conditions);
            rows.push(ProviderListRow {
                id: stored.id.clone(),
                kind: code::<ProviderKind>(&stored.row.kind)?,
                municipality_name: crate::store::municipality::name_of(
                    &self.conn,
                    &stored.row.municipality_code,
                )?,
                name: stored.row.name,
                kana: stored.row.kana,
                municipality_code: stored.row.municipality_code,
                phone: stored.row.phone,
                accepts_children: conditions.accepts_children,
                around_the_clock: conditions.around_the_clock,
                taking_new_clients: conditions.taking_new_clients,
                last_verified_on: stored.row.last_verified_on,
            });
        }
        Ok(ProviderSearchResult {
            total: ids.len() as u32,
            rows,
        })
    }
}

pub(crate) fn provider_input(stored: &StoredProvider) -> Result<ProviderInput> {
    let r = &stored.row;
    Ok(ProviderInput {
        kind: code(&r.kind)?,
        name: r.name.clone(),
        kana: r.kana.clone(),
        postal_code: r.postal_code.clone(),
        address: r.address.clone(),
        municipality_code: r.municipality_code.clone(),
        lat: r.lat,
        lon: r.lon,
        phone: r.phone.clone(),
        fax: r.fax.clone(),
        email: r.email.clone(),
        contact_person: r.contact_person.clone(),
        business_number: r.business_number.clone(),
        capacity: r.capacity,
        opening_hours: r.opening_hours.clone(),
        record_source: code(&r.record_source)?,
        last_verified_on: r.last_verified_on.clone(),
        conditions: decode(&r.conditions),
        publication: decode(&r.publication),
    })
}
