//! What the public directory may show. [`published`] decides it, field by field, from the
//! provider's consent — the only place that does. A [`PublicRecord`] is a provider with every
//! part it did not consent to publish already cleared, so a public format cannot show what it
//! never receives.

use crate::domain::provider_kind::ProviderKind;
use crate::error::Result;
use crate::io::Field;
use crate::providers::types::*;

use super::Names;

/// Whether the public directory may show `field` of a provider with `consent`. Without
/// consent to publish the name, the provider is not listed at all.
pub(super) fn published(field: Field, consent: &PublicationConsent) -> bool {
    match field {
        Field::Name
        | Field::Kana
        | Field::Kind
        | Field::MunicipalityName
        | Field::MunicipalityCode => consent.name,
        // A point on a map shows where the provider is: it goes with the address.
        Field::PostalCode | Field::Address | Field::AddressExtra | Field::Lat | Field::Lon => {
            consent.address
        }
        Field::Phone | Field::Fax => consent.phone,
        Field::ContactPerson => consent.contact_person,
        Field::AcceptsChildren
        | Field::AgeMinMonths
        | Field::AgeMaxMonths
        | Field::WeightMinKg
        | Field::WeightMaxKg
        | Field::CareItem(_)
        | Field::ServiceArea
        | Field::ServiceRadiusKm
        | Field::Nights
        | Field::Weekends
        | Field::AroundTheClock
        | Field::TakingNewClients
        | Field::FreeText => consent.conditions,
        // Internal bookkeeping is never public.
        Field::Email
        | Field::BusinessNumber
        | Field::Capacity
        | Field::OpeningHours
        | Field::LastVerifiedOn
        | Field::PublishName
        | Field::PublishAddress
        | Field::PublishPhone
        | Field::PublishContactPerson
        | Field::PublishConditions
        | Field::ConsentedOn => false,
    }
}

/// Clears the part of `p` that `field` holds.
fn clear(field: Field, p: &mut ProviderInput) {
    let c = &mut p.conditions;
    match field {
        Field::Name => p.name.clear(),
        Field::Kana => p.kana.clear(),
        Field::PostalCode => p.postal_code.clear(),
        Field::Address => p.address.clear(),
        // No part of their own: 方書 is in the address, the name comes from the code, and
        // every provider has a kind (public exactly when the name is, so never cleared here).
        Field::AddressExtra | Field::MunicipalityName | Field::Kind => {}
        Field::MunicipalityCode => p.municipality_code.clear(),
        Field::Lat => p.lat = None,
        Field::Lon => p.lon = None,
        Field::Phone => p.phone.clear(),
        Field::Fax => p.fax.clear(),
        Field::Email => p.email.clear(),
        Field::ContactPerson => p.contact_person.clear(),
        Field::BusinessNumber => p.business_number = None,
        Field::Capacity => p.capacity = None,
        Field::OpeningHours => p.opening_hours.clear(),
        Field::AcceptsChildren => c.accepts_children = Answer::Unknown,
        Field::AgeMinMonths => c.age_min_months = None,
        Field::AgeMaxMonths => c.age_max_months = None,
        Field::WeightMinKg => c.weight_min_kg = None,
        Field::WeightMaxKg => c.weight_max_kg = None,
        Field::CareItem(code) => c.care_items.retain(|a| a.code != code),
        Field::ServiceArea => c.service_area.municipality_codes.clear(),
        Field::ServiceRadiusKm => c.service_area.radius_km = None,
        Field::Nights => c.nights = Answer::Unknown,
        Field::Weekends => c.weekends = Answer::Unknown,
        Field::AroundTheClock => c.around_the_clock = Answer::Unknown,
        Field::TakingNewClients => c.taking_new_clients = Answer::Unknown,
        Field::FreeText => c.free_text.clear(),
        Field::LastVerifiedOn => p.last_verified_on = None,
        Field::PublishName => p.publication.name = false,
        Field::PublishAddress => p.publication.address = false,
        Field::PublishPhone => p.publication.phone = false,
        Field::PublishContactPerson => p.publication.contact_person = false,
        Field::PublishConditions => p.publication.conditions = false,
        Field::ConsentedOn => p.publication.consented_on = None,
    }
}

/// `p` with every part it did not consent to publish cleared; `None` when it did not consent
/// to publish its name.
fn redact(mut p: ProviderInput) -> Option<ProviderInput> {
    let consent = p.publication.clone();
    if !published(Field::Name, &consent) {
        return None;
    }
    for field in Field::all() {
        if !published(field, &consent) {
            clear(field, &mut p);
        }
    }
    // Not a field of the template, and bookkeeping too.
    p.record_source = RecordSource::default();
    Some(p)
}

/// A provider as the public directory may show it.
pub(super) struct PublicRecord {
    /// The provider with every part it did not consent to publish cleared.
    pub provider: ProviderInput,
    /// The name of its municipality.
    pub municipality: String,
    /// The names of the municipalities of its service area (empty unless public).
    pub service_area: Vec<String>,
}

impl PublicRecord {
    /// `None` when the provider did not consent to publish its name: it is not listed.
    pub(super) fn new(p: ProviderInput, names: &mut Names<'_>) -> Result<Option<PublicRecord>> {
        let Some(provider) = redact(p) else {
            return Ok(None);
        };
        let municipality = names.of(&provider.municipality_code)?;
        let service_area = provider
            .conditions
            .service_area
            .municipality_codes
            .iter()
            .map(|code| {
                names
                    .of(code)
                    .map(|name| if name.is_empty() { code.clone() } else { name })
            })
            .collect::<Result<_>>()?;
        Ok(Some(PublicRecord {
            provider,
            municipality,
            service_area,
        }))
    }

    pub(super) fn kind(&self) -> ProviderKind {
        self.provider.kind
    }

    /// (lat, lon), when both are known and public (they go with the address).
    pub(super) fn location(&self) -> Option<(f64, f64)> {
        Some((self.provider.lat?, self.provider.lon?))
    }

    /// The address as one line: 〒 postal code and address ("" unless public).
    pub(super) fn address_line(&self) -> String {
        let p = &self.provider;
        match (p.postal_code.is_empty(), p.address.is_empty()) {
            (true, _) => p.address.clone(),
            (false, true) => format!("〒{}", p.postal_code),
            (false, false) => format!("〒{} {}", p.postal_code, p.address),
        }
    }

    /// The public contact parts as (label, text), empty ones left out.
    pub(super) fn contact_lines(&self) -> Vec<(&'static str, String)> {
        let p = &self.provider;
        [
            ("住所", self.address_line()),
            ("電話", p.phone.clone()),
            ("FAX", p.fax.clone()),
            ("担当者", p.contact_person.clone()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .collect()
    }

    /// The public acceptance conditions as (label, text), unanswered ones left out.
    pub(super) fn condition_lines(&self) -> Vec<(&'static str, String)> {
        let c = &self.provider.conditions;
        let mut lines = Vec::new();
        let mut answer = |label: &'static str, a: Answer| {
            if let Some(text) = answer_text(a) {
                lines.push((label, text.to_string()));
            }
        };
        answer("小児の受け入れ", c.accepts_children);
        if let Some(range) = range(c.age_min_months, c.age_max_months, age_text) {
            lines.push(("年齢", range));
        }
        if let Some(range) = range(c.weight_min_kg, c.weight_max_kg, |kg| format!("{kg}kg")) {
            lines.push(("体重", range));
        }
        let items = |wanted: Answer| {
            c.care_items
                .iter()
                .filter(|a| a.answer == wanted)
                .map(|a| a.code.rule().label_ja)
                .collect::<Vec<_>>()
                .join("、")
        };
        for (label, text) in [
            ("対応できる医療的ケア", items(Answer::Yes)),
            ("対応できない医療的ケア", items(Answer::No)),
        ] {
            if !text.is_empty() {
                lines.push((label, text));
            }
        }
        let mut answer = |label: &'static str, a: Answer| {
            if let Some(text) = answer_text(a) {
                lines.push((label, text.to_string()));
            }
        };
        answer("夜間", c.nights);
        answer("土日", c.weekends);
        answer("24時間対応", c.around_the_clock);
        answer("新規受け入れ", c.taking_new_clients);
        let mut area = self.service_area.join("、");
        if let Some(km) = c.service_area.radius_km {
            if !area.is_empty() {
                area.push('、');
            }
            area.push_str(&format!("半径{km}km"));
        }
        if !area.is_empty() {
            lines.push(("対応地域", area));
        }
        if !c.free_text.is_empty() {
            lines.push(("備考", c.free_text.clone()));
        }
        lines
    }

    /// Every public part but the name, one 「label: text」 a line: a map pin's description.
    pub(super) fn description(&self) -> String {
        let mut lines = vec![format!("種別: {}", self.kind().code_and_label().1)];
        if !self.municipality.is_empty() {
            lines.push(format!("市区町村: {}", self.municipality));
        }
        lines.extend(
            self.contact_lines()
                .into_iter()
                .chain(self.condition_lines())
                .map(|(label, text)| format!("{label}: {text}")),
        );
        lines.join("\n")
    }
}

fn answer_text(a: Answer) -> Option<&'static str> {
    match a {
        Answer::Yes => Some("○ 可"),
        Answer::No => Some("× 不可"),
        Answer::Unknown => None,
    }
}

/// 「3か月」「2歳」「1歳6か月」
fn age_text(months: u32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m}か月"),
        (y, 0) => format!("{y}歳"),
        (y, m) => format!("{y}歳{m}か月"),
    }
}

/// 「a〜b」「a以上」「bまで」, or `None` when neither limit is known.
fn range<T: Copy>(min: Option<T>, max: Option<T>, text: impl Fn(T) -> String) -> Option<String> {
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("{}〜{}", text(a), text(b))),
        (Some(a), None) => Some(format!("{}以上", text(a))),
        (None, Some(b)) => Some(format!("{}まで", text(b))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::care_item::CARE_ITEM_RULES;

    /// A provider with every part filled in.
    fn full() -> ProviderInput {
        ProviderInput {
            kind: ProviderKind::ShortStay,
            name: "あおば短期入所".into(),
            kana: "アオバタンキニュウショ".into(),
            postal_code: "350-0043".into(),
            address: "埼玉県川越市新富町1-1".into(),
            municipality_code: "112011".into(),
            lat: Some(35.9),
            lon: Some(139.48),
            phone: "049-222-1111".into(),
            fax: "049-222-1112".into(),
            email: "info@example.jp".into(),
            contact_person: "新井".into(),
            business_number: Some("1161000001".into()),
            capacity: Some(4),
            opening_hours: "月～金".into(),
            record_source: RecordSource::Survey,
            last_verified_on: Some("2025-06-01".into()),
            conditions: Conditions {
                accepts_children: Answer::Yes,
                age_min_months: Some(6),
                age_max_months: Some(18 * 12),
                weight_min_kg: Some(2.5),
                weight_max_kg: Some(30.0),
                care_items: CARE_ITEM_RULES
                    .iter()
                    .map(|rule| CareItemAnswer {
                        code: rule.code,
                        answer: Answer::No,
                    })
                    .collect(),
                service_area: ServiceArea {
                    municipality_codes: vec!["112089".into()],
                    radius_km: Some(5.0),
                },
                nights: Answer::Yes,
                weekends: Answer::No,
                around_the_clock: Answer::Yes,
                taking_new_clients: Answer::No,
                free_text: "要相談".into(),
            },
            publication: PublicationConsent {
                name: true,
                address: true,
                phone: true,
                contact_person: true,
                conditions: true,
                consented_on: Some("2025-06-01".into()),
            },
        }
    }

    #[test]
    fn redaction_clears_exactly_the_fields_without_consent_for_every_consent() {
        for bits in 0u8..32 {
            let mut p = full();
            p.publication = PublicationConsent {
                name: bits & 1 != 0,
                address: bits & 2 != 0,
                phone: bits & 4 != 0,
                contact_person: bits & 8 != 0,
                conditions: bits & 16 != 0,
                consented_on: Some("2025-06-01".into()),
            };
            let consent = p.publication.clone();
            let Some(redacted) = redact(p.clone()) else {
                assert!(
                    !consent.name,
                    "only a provider without name consent is dropped"
                );
                continue;
            };
            for field in Field::all() {
                let before = super::super::cell(field, &p, "川越市");
                let after = super::super::cell(field, &redacted, "川越市");
                if matches!(field, Field::AddressExtra | Field::MunicipalityName) {
                    continue; // no part of their own
                }
                if published(field, &consent) {
                    assert_eq!(after, before, "{field:?} is public with {consent:?}");
                } else if !matches!(
                    field,
                    Field::PublishName
                        | Field::PublishAddress
                        | Field::PublishPhone
                        | Field::PublishContactPerson
                        | Field::PublishConditions
                ) {
                    assert_eq!(after, "", "{field:?} is cleared with {consent:?}");
                } else {
                    assert_eq!(after, "×", "{field:?}: the consent flags are not published");
                }
            }
        }
    }

    #[test]
    fn conditions_read_as_people_write_them() {
        let p = full();
        let record = PublicRecord {
            provider: redact(p).unwrap(),
            municipality: "川越市".into(),
            service_area: vec!["所沢市".into()],
        };
        let lines = record.condition_lines();
        let get = |label: &str| {
            lines
                .iter()
                .find(|(l, _)| *l == label)
                .map(|(_, t)| t.as_str())
        };
        assert_eq!(get("年齢"), Some("6か月〜18歳"));
        assert_eq!(get("体重"), Some("2.5kg〜30kg"));
        assert_eq!(get("小児の受け入れ"), Some("○ 可"));
        assert_eq!(get("土日"), Some("× 不可"));
        assert_eq!(get("対応地域"), Some("所沢市、半径5km"));
        assert_eq!(get("対応できる医療的ケア"), None, "none answered ○");
        assert_eq!(age_text(18), "1歳6か月");
    }
}
