//! Checking and normalising a provider record before it is written. Field paths start at
//! `provider.` (and `conditions.` for a conditions-only answer).

use unicode_normalization::UnicodeNormalization;

use crate::cases::validate::{
    coordinates, is_email, max_len, municipality_code, phone_digits, postal_code, range, required,
};
use crate::error::{Error, Invalid, Result};
use crate::providers::types::{Conditions, ProviderInput};

const MAX_TEXT: usize = 200;
const MAX_NOTE: usize = 2000;

/// Checks `input` and normalises it in place.
pub fn check_provider(
    input: &mut ProviderInput,
    exists: &impl Fn(&str) -> Result<bool>,
) -> Result<()> {
    let p = "provider";
    input.name = input.name.trim().to_string();
    required(&format!("{p}.name"), &input.name)?;
    input.kana = input.kana.trim().to_string();
    max_len(&format!("{p}.kana"), &input.kana, MAX_TEXT)?;
    input.postal_code = postal_code(&format!("{p}.postal_code"), &input.postal_code)?;
    input.address = input.address.trim().to_string();
    max_len(&format!("{p}.address"), &input.address, MAX_TEXT)?;
    input.municipality_code = municipality_code(
        &format!("{p}.municipality_code"),
        &input.municipality_code,
        exists,
    )?;
    coordinates(p, input.lat, input.lon)?;
    for (field, value) in [("phone", &mut input.phone), ("fax", &mut input.fax)] {
        phone_digits(&format!("{p}.{field}"), value)?;
        *value = value.trim().to_string();
    }
    input.email = input.email.trim().to_string();
    if !input.email.is_empty() && !is_email(&input.email) {
        return Err(Error::invalid(
            format!("{p}.email"),
            Invalid::MalformedEmail,
        ));
    }
    input.contact_person = input.contact_person.trim().to_string();
    max_len(
        &format!("{p}.contact_person"),
        &input.contact_person,
        MAX_TEXT,
    )?;
    input.business_number = match input.business_number.take() {
        None => None,
        Some(n) => {
            let digits: String = n
                .nfkc()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect();
            if digits.is_empty() {
                None
            } else if digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) {
                Some(digits)
            } else {
                return Err(Error::invalid(
                    format!("{p}.business_number"),
                    Invalid::MalformedBusinessNumber,
                ));
            }
        }
    };
    if let Some(c) = input.capacity {
        range(&format!("{p}.capacity"), f64::from(c), 0.0, 10_000.0, "人")?;
    }
    max_len(
        &format!("{p}.opening_hours"),
        &input.opening_hours,
        MAX_TEXT,
    )?;
    if let Some(d) = &input.last_verified_on {
        if d.trim().is_empty() {
            input.last_verified_on = None;
        } else {
            let parsed = crate::cases::validate::parse_date(&format!("{p}.last_verified_on"), d)?;
            input.last_verified_on = Some(parsed.to_string());
        }
    }
    if let Some(d) = &input.publication.consented_on {
        if d.trim().is_empty() {
            input.publication.consented_on = None;
        } else {
            let parsed =
                crate::cases::validate::parse_date(&format!("{p}.publication.consented_on"), d)?;
            input.publication.consented_on = Some(parsed.to_string());
        }
    }
    check_conditions(&format!("{p}.conditions"), &mut input.conditions, exists)
}

/// Checks answered conditions: ranges in order, care items once each, service area known.
pub fn check_conditions(
    prefix: &str,
    c: &mut Conditions,
    exists: &impl Fn(&str) -> Result<bool>,
) -> Result<()> {
    for (field, v) in [
        ("age_min_months", c.age_min_months),
        ("age_max_months", c.age_max_months),
    ] {
        if let Some(v) = v {
            range(
                &format!("{prefix}.{field}"),
                f64::from(v),
                0.0,
                1200.0,
                "か月",
            )?;
        }
    }
    if let (Some(min), Some(max)) = (c.age_min_months, c.age_max_months)
        && min > max
    {
        return Err(Error::invalid(
            format!("{prefix}.age_max_months"),
            Invalid::MaxBelowMin,
        ));
    }
    for (field, v) in [
        ("weight_min_kg", c.weight_min_kg),
        ("weight_max_kg", c.weight_max_kg),
    ] {
        if let Some(v) = v {
            range(&format!("{prefix}.{field}"), v, 0.0, 150.0, "kg")?;
        }
    }
    if let (Some(min), Some(max)) = (c.weight_min_kg, c.weight_max_kg)
        && min > max
    {
        return Err(Error::invalid(
            format!("{prefix}.weight_max_kg"),
            Invalid::MaxBelowMin,
        ));
    }
    for (i, item) in c.care_items.iter().enumerate() {
        if c.care_items[..i]
            .iter()
            .any(|earlier| earlier.code == item.code)
        {
            return Err(Error::invalid(
                format!("{prefix}.care_items[{i}].code"),
                Invalid::DuplicateCareItem,
            ));
        }
    }
    // Keep the stored order stable (the table's order), so equal answers compare equal.
    c.care_items.sort_by_key(|a| a.code);
    for (i, code) in c.service_area.municipality_codes.iter_mut().enumerate() {
        *code = municipality_code(
            &format!("{prefix}.service_area.municipality_codes[{i}]"),
            code,
            exists,
        )?;
    }
    c.service_area.municipality_codes.sort();
    c.service_area.municipality_codes.dedup();
    if let Some(r) = c.service_area.radius_km {
        range(
            &format!("{prefix}.service_area.radius_km"),
            r,
            0.0,
            200.0,
            "km",
        )?;
    }
    c.free_text = c.free_text.trim().to_string();
    max_len(&format!("{prefix}.free_text"), &c.free_text, MAX_NOTE)
}
