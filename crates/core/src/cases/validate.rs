//! Checking and normalising what the intake and edit forms send, field by field, before
//! anything is written. Each refusal names the field path the form shows it at.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

use crate::cases::types::{ChildInput, Weight};
use crate::error::{Error, Invalid, Result};

/// Nobody born before this is a child of this registry (the bound).
pub const EARLIEST_BIRTH: &str = "1990-01-01";
const MAX_TEXT: usize = 200;
const MAX_NOTE: usize = 2000;

/// Parses an ISO date (after folding full-width digits), or refuses it at `field`.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let folded: String = text.trim().nfkc().collect();
    NaiveDate::parse_from_str(&folded, "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, Invalid::BadDate))
}

/// A date that is not after `today`.
pub fn past_date(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let d = parse_date(field, text)?;
    if d > today {
        return Err(Error::invalid(field, Invalid::DateInFuture));
    }
    Ok(d)
}

pub(crate) fn required(field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(field, Invalid::Required));
    }
    max_len(field, text, MAX_TEXT)
}

pub(crate) fn max_len(field: &str, text: &str, max_chars: usize) -> Result<()> {
    if text.chars().count() > max_chars {
        return Err(Error::invalid(field, Invalid::TooLong { max_chars }));
    }
    Ok(())
}

/// A number within [min, max].
pub(crate) fn range(field: &str, value: f64, min: f64, max: f64, unit: &'static str) -> Result<()> {
    if !(min..=max).contains(&value) {
        return Err(Error::invalid(
            field,
            Invalid::NumberOutOfRange { min, max, unit },
        ));
    }
    Ok(())
}

/// The digits of a Japanese phone number as people write it (048-123-4567, (048)123-4567,
/// ０９０１２３４５６７８, +81 90-1234-5678), or a refusal. Empty stays empty.
pub fn phone_digits(field: &str, text: &str) -> Result<String> {
    let folded: String = text.nfkc().collect();
    let folded = folded.trim();
    if folded.is_empty() {
        return Ok(String::new());
    }
    let bad = || Error::invalid(field, Invalid::MalformedPhone);
    if !folded
        .chars()
        .all(|c| c.is_ascii_digit() || "-() +ー−‐".contains(c))
    {
        return Err(bad());
    }
    let mut digits: String = folded.chars().filter(char::is_ascii_digit).collect();
    if folded.starts_with('+') {
        // +81 then the number without its leading 0.
        digits = match digits.strip_prefix("81") {
            Some(rest) => format!("0{rest}"),
            None => return Err(bad()),
        };
    }
    if !digits.starts_with('0') || !(10..=11).contains(&digits.len()) {
        return Err(bad());
    }
    Ok(digits)
}

/// Checks `input` and normalises it in place (trimmed text, 〒 as 123-4567, ICD-10 upper
/// case). `municipality_exists` answers whether a code is in the reference list.
pub fn check_child(
    input: &mut ChildInput,
    today: NaiveDate,
    municipality_exists: impl Fn(&str) -> Result<bool>,
) -> Result<()> {
    let p = "child";
    if let Some(n) = &mut input.case_number {
        *n = n.nfkc().collect::<String>().trim().to_string();
        if n.is_empty() {
            input.case_number = None;
        } else {
            max_len(&format!("{p}.case_number"), n, 40)?;
        }
    }
    input.name = input.name.trim().to_string();
    input.kana = input.kana.trim().to_string();
    required(&format!("{p}.name"), &input.name)?;
    required(&format!("{p}.kana"), &input.kana)?;
    let dob = past_date(&format!("{p}.date_of_birth"), &input.date_of_birth, today)?;
    let earliest = NaiveDate::parse_from_str(EARLIEST_BIRTH, "%Y-%m-%d").expect("constant date");
    if dob < earliest {
        return Err(Error::invalid(
            format!("{p}.date_of_birth"),
            Invalid::DateBefore {
                earliest: EARLIEST_BIRTH.into(),
            },
        ));
    }
    input.date_of_birth = dob.to_string();
    if let Some(w) = input.gestational_weeks {
        range(
            &format!("{p}.gestational_weeks"),
            f64::from(w),
            22.0,
            45.0,
            "週",
        )?;
    }
    if let Some(g) = input.birth_weight_g {
        range(
            &format!("{p}.birth_weight_g"),
            f64::from(g),
            200.0,
            6000.0,
            "g",
        )?;
    }
    for (i, d) in input.diagnoses.iter_mut().enumerate() {
        d.text = d.text.trim().to_string();
        required(&format!("{p}.diagnoses[{i}].text"), &d.text)?;
        if let Some(code) = &d.icd10 {
            let code: String = code.nfkc().collect::<String>().trim().to_uppercase();
            if code.is_empty() {
                d.icd10 = None;
            } else if !is_icd10(&code) {
                return Err(Error::invalid(
                    format!("{p}.diagnoses[{i}].icd10"),
                    Invalid::MalformedIcd10,
                ));
            } else {
                d.icd10 = Some(code);
            }
        }
    }
    check_residence(input, &municipality_exists)?;
    for (i, g) in input.guardians.iter_mut().enumerate() {
        let gp = format!("{p}.guardians[{i}]");
        g.name = g.name.trim().to_string();
        required(&format!("{gp}.name"), &g.name)?;
        max_len(&format!("{gp}.relation"), &g.relation, 40)?;
        phone_digits(&format!("{gp}.phone_primary"), &g.phone_primary)?;
        phone_digits(&format!("{gp}.phone_secondary"), &g.phone_secondary)?;
        g.phone_primary = g.phone_primary.trim().to_string();
        g.phone_secondary = g.phone_secondary.trim().to_string();
        g.email = g.email.trim().to_string();
        if !g.email.is_empty() && !is_email(&g.email) {
            return Err(Error::invalid(
                format!("{gp}.email"),
                Invalid::MalformedEmail,
            ));
        }
        max_len(&format!("{gp}.language_needs"), &g.language_needs, MAX_TEXT)?;
    }
    if let Some(s) = input.siblings {
        range(&format!("{p}.siblings"), f64::from(s), 0.0, 20.0, "人")?;
    }
    if let Some(grade) = input.certificates.physical_disability_grade {
        range(
            &format!("{p}.certificates.physical_disability_grade"),
            f64::from(grade),
            1.0,
            6.0,
            "級",
        )?;
    }
    if let Some(cell) = input.oshima_cell {
        range(&format!("{p}.oshima_cell"), f64::from(cell), 1.0, 25.0, "")?;
    }
    if let Some(n) = input.severe_factors.position_changes_per_day {
        range(
            &format!("{p}.severe_factors.position_changes_per_day"),
            f64::from(n),
            0.0,
            200.0,
            "回/日",
        )?;
    }
    crate::domain::care_item::validate_care_items(&input.care_items, today)
        .map_err(|e| prefixed(e, p))?;
    if let Some(given) = &input.consent.given_on {
        if given.trim().is_empty() {
            input.consent.given_on = None;
        } else {
            let d = past_date(&format!("{p}.consent.given_on"), given, today)?;
            input.consent.given_on = Some(d.to_string());
        }
    }
    max_len(&format!("{p}.consent.note"), &input.consent.note, MAX_NOTE)?;
    input.consent.scope.sort_by_key(|s| *s as u8);
    input.consent.scope.dedup();
    input.coordinator = input.coordinator.trim().to_string();
    max_len(&format!("{p}.coordinator"), &input.coordinator, 100)?;
    Ok(())
}

fn check_residence(input: &mut ChildInput, exists: &impl Fn(&str) -> Result<bool>) -> Result<()> {
    let r = &mut input.residence;
    r.postal_code = postal_code("child.residence.postal_code", &r.postal_code)?;
    r.address = r.address.trim().to_string();
    max_len("child.residence.address", &r.address, MAX_TEXT)?;
    r.municipality_code = municipality_code(
        "child.residence.municipality_code",
        &r.municipality_code,
        exists,
    )?;
    coordinates("child.residence", r.lat, r.lon)
}

/// 〒 as 123-4567 from however it was typed (full width, no hyphen, 〒 mark); empty stays empty.
pub(crate) fn postal_code(field: &str, text: &str) -> Result<String> {
    let digits: String = text.nfkc().filter(|c| !"-ー−‐ 〒".contains(*c)).collect();
    if digits.is_empty() {
        Ok(String::new())
    } else if digits.len() == 7 && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(format!("{}-{}", &digits[..3], &digits[3..]))
    } else {
        Err(Error::invalid(field, Invalid::MalformedPostalCode))
    }
}

/// A required, known municipality code (folded to half width).
pub(crate) fn municipality_code(
    field: &str,
    text: &str,
    exists: &impl Fn(&str) -> Result<bool>,
) -> Result<String> {
    let code = text.nfkc().collect::<String>().trim().to_string();
    if code.is_empty() {
        return Err(Error::invalid(field, Invalid::Required));
    }
    if !exists(&code)? {
        return Err(Error::invalid(field, Invalid::UnknownMunicipality));
    }
    Ok(code)
}

/// Both coordinates or neither, inside Japan's bounds (anything else is a typo).
pub(crate) fn coordinates(prefix: &str, lat: Option<f64>, lon: Option<f64>) -> Result<()> {
    match (lat, lon) {
        (None, None) => Ok(()),
        (Some(lat), Some(lon)) => {
            range(&format!("{prefix}.lat"), lat, 20.0, 46.0, "°")?;
            range(&format!("{prefix}.lon"), lon, 122.0, 154.0, "°")
        }
        (None, Some(_)) => Err(Error::invalid(format!("{prefix}.lat"), Invalid::Required)),
        (Some(_), None) => Err(Error::invalid(format!("{prefix}.lon"), Invalid::Required)),
    }
}

/// Checks a weight measurement (kg, over 0 and at most 150; not measured in the future).
pub fn check_weight(field: &str, w: &mut Weight, today: NaiveDate) -> Result<()> {
    let d = past_date(&format!("{field}.measured_on"), &w.measured_on, today)?;
    w.measured_on = d.to_string();
    if !(w.weight_kg > 0.0 && w.weight_kg <= 150.0) {
        return Err(Error::invalid(
            format!("{field}.weight_kg"),
            Invalid::PositiveUpTo {
                max: 150.0,
                unit: "kg",
            },
        ));
    }
    Ok(())
}

pub fn check_note(field: &str, note: &str) -> Result<()> {
    max_len(field, note, MAX_NOTE)
}

/// Puts `prefix.` before the field path of a validation error.
pub fn prefixed(e: Error, prefix: &str) -> Error {
    match e {
        Error::Validation { field, problem } => {
            Error::invalid(format!("{prefix}.{field}"), problem)
        }
        other => other,
    }
}

/// A letter, two digits, optionally a dot and up to four more characters (G80, G80.0, P07.32).
fn is_icd10(code: &str) -> bool {
    let b = code.as_bytes();
    if b.len() < 3
        || !b[0].is_ascii_uppercase()
        || !b[1].is_ascii_digit()
        || !b[2].is_ascii_alphanumeric()
    {
        return false;
    }
    match &code[3..] {
        "" => true,
        rest => {
            rest.starts_with('.')
                && (2..=5).contains(&rest.len())
                && rest[1..].chars().all(|c| c.is_ascii_alphanumeric())
        }
    }
}

pub(crate) fn is_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_as_people_write_them_are_accepted() {
        for (text, digits) in [
            ("048-123-4567", "0481234567"),
            ("(048)123-4567", "0481234567"),
            ("０９０－１２３４－５６７８", "09012345678"),
            ("+81 90-1234-5678", "09012345678"),
            ("", ""),
        ] {
            assert_eq!(phone_digits("f", text).unwrap(), digits, "{text}");
        }
    }

    #[test]
    fn malformed_phone_numbers_are_refused() {
        for text in [
            "12345",
            "048-123-45678-9",
            "電話なし",
            "90-1234-5678",
            "+1 555 123 4567",
        ] {
            let e = phone_digits("child.guardians[0].phone_primary", text).unwrap_err();
            assert_eq!(
                e.field(),
                Some("child.guardians[0].phone_primary"),
                "{text}"
            );
        }
    }

    #[test]
    fn icd10_codes_are_recognised() {
        for ok in ["G80", "G80.0", "P07.32", "Q91.3"] {
            assert!(is_icd10(ok), "{ok}");
        }
        for bad in ["80.0", "G8", "G80.", "G80.12345", "g80"] {
            assert!(!is_icd10(bad), "{bad}");
        }
    }
}
