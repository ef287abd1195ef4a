//! Use cases that change the directory: add a provider, edit it, record a conditions answer.
//! Conditions are never overwritten: each answer is a new dated version, and the provider row
//! keeps a copy of the latest for filtering.

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::cases::validate::parse_date;
use crate::error::{Error, Invalid, Result};
use crate::providers::types::*;
use crate::providers::validate::{check_conditions, check_provider};
use crate::record::{Stamp, new_id};
use crate::store::provider::{self as table, ConditionsVersionRow, ProviderRow};
use crate::store::rows::{self, columns_of};
use crate::text::fold;
use crate::users::Permission;
use crate::vault::Registry;

impl Registry {
    /// Adds a provider with its first conditions version (answered on `answered_on`, today
    /// by default). A 事業所番号 already in the directory is refused.
    pub fn add_provider(
        &mut self,
        request: &AddProviderRequest,
        stamp: &Stamp,
    ) -> Result<ProviderDetail> {
        self.require(Permission::Write)?;
        let mut input = request.provider.clone();
        let conn = &self.conn;
        check_provider(&mut input, &|code| {
            crate::store::municipality::exists(conn, code)
        })?;
        let answered_on = answer_date(request.answered_on.as_deref(), stamp)?;
        let tx = self.conn.transaction()?;
        let mut ids = || new_id(stamp);
        let id = insert_provider_record(&tx, stamp, &mut ids, &input, answered_on)?;
        tx.commit()?;
        self.provider_detail(&id)
    }

    /// Saves an edited provider. When the conditions differ from the current version, they
    /// become a new version dated `answered_on`.
    pub fn update_provider(
        &mut self,
        request: &UpdateProviderRequest,
        stamp: &Stamp,
    ) -> Result<ProviderDetail> {
        self.require(Permission::Write)?;
        let mut input = request.provider.clone();
        let conn = &self.conn;
        check_provider(&mut input, &|code| {
            crate::store::municipality::exists(conn, code)
        })?;
        let answered_on = answer_date(request.answered_on.as_deref(), stamp)?;
        let stored = table::find(&self.conn, &request.id)?.ok_or_else(|| not_found(&request.id))?;
        if let Some(n) = &input.business_number
            && table::find_by_business_number(&self.conn, n)?
                .is_some_and(|other| other != request.id)
        {
            return Err(Error::invalid(
                "provider.business_number",
                Invalid::BusinessNumberTaken,
            ));
        }
        let tx = self.conn.transaction()?;
        update_provider_record(
            &tx,
            stamp,
            &request.id,
            Some(request.row_version),
            &input,
            &stored,
            answered_on,
        )?;
        tx.commit()?;
        self.provider_detail(&request.id)
    }

    /// Records an answer (a survey form, a phone call) as a new version of the conditions.
    pub fn record_conditions(
        &mut self,
        request: &RecordConditionsRequest,
        stamp: &Stamp,
    ) -> Result<ProviderDetail> {
        self.require(Permission::Write)?;
        let tx = self.conn.transaction()?;
        write_conditions_answer(&tx, stamp, &new_id(stamp), request)?;
        tx.commit()?;
        self.provider_detail(&request.id)
    }
}

/// Checks a conditions answer and writes it inside `tx` as the version `version_id` of
/// provider `request.id`, keeping the provider row's copy on the newest answer. Refusals name
/// `conditions.…` and `answered_on`, and come before anything is written.
pub(crate) fn write_conditions_answer(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    version_id: &str,
    request: &RecordConditionsRequest,
) -> Result<()> {
    let mut conditions = request.conditions.clone();
    check_conditions("conditions", &mut conditions, &|code| {
        crate::store::municipality::exists(tx, code)
    })?;
    let answered_on = parse_date("answered_on", &request.answered_on)?;
    if answered_on > stamp.today() {
        return Err(Error::invalid("answered_on", Invalid::DateInFuture));
    }
    let stored = table::find(tx, &request.id)?.ok_or_else(|| not_found(&request.id))?;
    insert_version(
        tx,
        stamp,
        version_id,
        &request.id,
        answered_on,
        request.source,
        &conditions,
    )?;
    // The row's copy follows the newest answer, whatever order answers are entered in.
    let latest = table::condition_versions(tx, &request.id)?
        .pop()
        .map(|(v, _, _)| v.conditions)
        .unwrap_or_default();
    let latest: Conditions = serde_json::from_value(latest).unwrap_or_default();
    let mut cols = rows::Columns::new();
    cols.insert(
        "conditions".into(),
        serde_json::to_value(&latest)
            .expect("plain data")
            .to_string()
            .into(),
    );
    cols.insert(
        "accepts_children".into(),
        answer_code(latest.accepts_children).into(),
    );
    cols.insert(
        "around_the_clock".into(),
        answer_code(latest.around_the_clock).into(),
    );
    cols.insert(
        "last_verified_on".into(),
        answered_on.max(verified(&stored.row)).to_string().into(),
    );
    if !rows::update(tx, stamp, table::PROVIDER, &request.id, None, &cols)? {
        rows::touch(tx, stamp, table::PROVIDER, &request.id)?;
    }
    Ok(())
}

fn verified(row: &ProviderRow) -> NaiveDate {
    row.last_verified_on
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or(NaiveDate::MIN)
}

pub(crate) fn not_found(id: &str) -> Error {
    Error::NotFound {
        entity: "provider",
        id: id.to_string(),
    }
}

fn answer_date(text: Option<&str>, stamp: &Stamp) -> Result<NaiveDate> {
    match text {
        Some(d) if !d.trim().is_empty() => {
            let date = parse_date("answered_on", d)?;
            if date > stamp.today() {
                return Err(Error::invalid("answered_on", Invalid::DateInFuture));
            }
            Ok(date)
        }
        _ => Ok(stamp.today()),
    }
}

pub(crate) fn answer_code(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    }
}

fn source_code(s: RecordSource) -> &'static str {
    match s {
        RecordSource::Survey => "survey",
        RecordSource::OpenData => "open_data",
        RecordSource::Manual => "manual",
    }
}

/// Writes an already checked provider over `stored`; changed conditions become a new version
/// dated `answered_on`. `expected_version`: the row version the caller saw, if it saw one.
pub(crate) fn update_provider_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    id: &str,
    expected_version: Option<i64>,
    input: &ProviderInput,
    stored: &crate::store::provider::StoredProvider,
    answered_on: NaiveDate,
) -> Result<()> {
    let mut row = provider_row(input);
    if row.conditions != stored.row.conditions {
        insert_version(
            tx,
            stamp,
            &new_id(stamp),
            id,
            answered_on,
            input.record_source,
            &input.conditions,
        )?;
        // The record shows the newest answer: an edit dated before a later answer is kept as
        // history, not shown as current.
        if let Some((latest, _, _)) = table::condition_versions(tx, id)?.pop() {
            let latest: Conditions = serde_json::from_value(latest.conditions).unwrap_or_default();
            row.accepts_children = answer_code(latest.accepts_children).into();
            row.around_the_clock = answer_code(latest.around_the_clock).into();
            row.conditions = serde_json::to_value(&latest).expect("plain data");
        }
    }
    rows::update(
        tx,
        stamp,
        table::PROVIDER,
        id,
        expected_version,
        &columns_of(&row),
    )?;
    Ok(())
}

/// Writes a new, already checked provider and its first conditions version; returns its id.
pub(crate) fn insert_provider_record(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    ids: &mut impl FnMut() -> String,
    input: &ProviderInput,
    answered_on: NaiveDate,
) -> Result<String> {
    if let Some(n) = &input.business_number
        && table::find_by_business_number(tx, n)?.is_some()
    {
        return Err(Error::invalid(
            "provider.business_number",
            Invalid::BusinessNumberTaken,
        ));
    }
    let id = ids();
    rows::insert(
        tx,
        stamp,
        table::PROVIDER,
        &id,
        &columns_of(&provider_row(input)),
    )?;
    insert_version(
        tx,
        stamp,
        &ids(),
        &id,
        answered_on,
        input.record_source,
        &input.conditions,
    )?;
    Ok(id)
}

fn insert_version(
    tx: &Transaction<'_>,
    stamp: &Stamp,
    version_id: &str,
    provider_id: &str,
    answered_on: NaiveDate,
    source: RecordSource,
    conditions: &Conditions,
) -> Result<()> {
    let row = ConditionsVersionRow {
        provider_id: provider_id.to_string(),
        answered_on: answered_on.to_string(),
        source: source_code(source).into(),
        conditions: serde_json::to_value(conditions).expect("plain data"),
    };
    rows::insert(
        tx,
        stamp,
        table::CONDITIONS_VERSION,
        version_id,
        &columns_of(&row),
    )
}

fn provider_row(p: &ProviderInput) -> ProviderRow {
    let located = p.lat.is_some() && p.lon.is_some();
    ProviderRow {
        kind: p.kind.code().into(),
        name: p.name.clone(),
        kana: p.kana.clone(),
        name_folded: fold(&p.name),
        kana_folded: fold(&p.kana),
        search_text: crate::text::search_text(&[&p.kana, &p.name, &p.address]),
        postal_code: p.postal_code.clone(),
        address: p.address.clone(),
        municipality_code: p.municipality_code.clone(),
        lat: p.lat,
        lon: p.lon,
        // Without entered coordinates, distances use the municipality hall's point.
        location_source: if located {
            "entered"
        } else {
            "municipality_hall"
        }
        .into(),
        phone: p.phone.clone(),
        fax: p.fax.clone(),
        email: p.email.clone(),
        contact_person: p.contact_person.clone(),
        business_number: p.business_number.clone(),
        capacity: p.capacity,
        opening_hours: p.opening_hours.clone(),
        record_source: source_code(p.record_source).into(),
        last_verified_on: p.last_verified_on.clone(),
        publication: serde_json::to_value(&p.publication).expect("plain data"),
        conditions: serde_json::to_value(&p.conditions).expect("plain data"),
        accepts_children: answer_code(p.conditions.accepts_children).into(),
        around_the_clock: answer_code(p.conditions.around_the_clock).into(),
    }
}
