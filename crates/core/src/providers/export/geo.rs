//! The public directory as map layers: GeoJSON (RFC 7946) and KML 2.2. A point shows where a
//! provider is, so a provider is on the map only when it consented to publish its address and
//! has coordinates; the others are counted in [`ExportSummary::left_out`]. Both stream.

use std::io::Write;

use serde::Serialize;

use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Result};
use crate::providers::types::Conditions;
use crate::record::Stamp;
use crate::vault::Registry;

use super::public::PublicRecord;
use super::{ExportSummary, escape_markup as esc, io_error, kind_colour};

/// Properties of a GeoJSON feature: only public parts (the record is already redacted);
/// empty parts are left out.
#[derive(Serialize)]
struct Properties<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    kana: &'a str,
    /// The kind's code (DOMAIN.md §4)
    kind: &'static str,
    /// The kind as shown on screen
    kind_label: &'static str,
    municipality_code: &'a str,
    municipality: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    postal_code: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    address: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    phone: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    fax: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    contact_person: &'a str,
    /// The acceptance conditions (codes, as in the app's API), when public and answered
    #[serde(skip_serializing_if = "Option::is_none")]
    conditions: Option<&'a Conditions>,
    /// Everything above in words, one 「label: text」 a line (what web maps show in a popup)
    description: String,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Point,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// [longitude, latitude], as RFC 7946 orders them
    coordinates: [f64; 2],
}

/// Six decimals (about 10 cm), as RFC 7946 §11.2 recommends: more only makes the file bigger.
fn round6(degrees: f64) -> f64 {
    (degrees * 1e6).round() / 1e6
}

fn feature(record: &PublicRecord, lat: f64, lon: f64) -> Feature<'_> {
    let p = &record.provider;
    let (kind, kind_label) = p.kind.code_and_label();
    Feature {
        kind: "Feature",
        geometry: Point {
            kind: "Point",
            coordinates: [round6(lon), round6(lat)],
        },
        properties: Properties {
            name: &p.name,
            kana: &p.kana,
            kind,
            kind_label,
            municipality_code: &p.municipality_code,
            municipality: &record.municipality,
            postal_code: &p.postal_code,
            address: &p.address,
            phone: &p.phone,
            fax: &p.fax,
            contact_person: &p.contact_person,
            conditions: (p.conditions != Conditions::default()).then_some(&p.conditions),
            description: record.description(),
        },
    }
}

/// A FeatureCollection of Points, one per provider on the map.
pub(super) fn write_geojson(
    registry: &Registry,
    out: &mut dyn Write,
    summary: &mut ExportSummary,
) -> Result<()> {
    out.write_all(br#"{"type":"FeatureCollection","features":["#)
        .map_err(io_error)?;
    let (mut written, mut left_out) = (0u32, 0u32);
    summary.not_public = registry.each_public(&mut |record| {
        let Some((lat, lon)) = record.location() else {
            left_out += 1;
            return Ok(());
        };
        out.write_all(if written == 0 { b"\n" } else { b",\n" })
            .map_err(io_error)?;
        serde_json::to_writer(&mut *out, &feature(&record, lat, lon))
            .map_err(|e| Error::Internal(format!("geojson: {e}")))?;
        written += 1;
        Ok(())
    })?;
    out.write_all(b"\n]}\n").map_err(io_error)?;
    summary.providers = written;
    summary.left_out = left_out;
    Ok(())
}

/// The KML colour (aabbggrr, opaque) of a kind.
fn kml_colour(kind: ProviderKind) -> String {
    let [r, g, b] = kind_colour(kind);
    format!("ff{b:02x}{g:02x}{r:02x}")
}

/// The id of a kind's shared style.
fn style_id(kind: ProviderKind) -> String {
    format!("kind-{}", kind.code())
}

/// A white pin that map services tint with the style's colour (a coloured pin would be
/// tinted twice). Only the map service loads it; without it a pin falls back to the default.
const PIN: &str = "https://maps.google.com/mapfiles/kml/paddle/wht-blank.png";

/// A KML 2.2 document: one style per kind (a colour each), a folder per kind, a placemark per
/// provider on the map with its public parts as description and as data fields (which Google
/// My Maps shows as columns).
pub(super) fn write_kml(
    registry: &Registry,
    stamp: &Stamp,
    out: &mut dyn Write,
    summary: &mut ExportSummary,
) -> Result<()> {
    let mut head = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    head.push_str(&format!(
        "<name>事業所一覧（公開）{}</name>\n<open>1</open>\n",
        stamp.today()
    ));
    for kind in ProviderKind::ALL {
        head.push_str(&format!(
            "<Style id=\"{}\"><IconStyle><color>{}</color><Icon><href>{PIN}</href></Icon></IconStyle></Style>\n",
            style_id(kind),
            kml_colour(kind),
        ));
    }
    out.write_all(head.as_bytes()).map_err(io_error)?;

    let (mut written, mut left_out) = (0u32, 0u32);
    let mut folder: Option<ProviderKind> = None;
    summary.not_public = registry.each_public(&mut |record| {
        let Some((lat, lon)) = record.location() else {
            left_out += 1;
            return Ok(());
        };
        let kind = record.kind();
        let mut text = String::new();
        if folder != Some(kind) {
            if folder.is_some() {
                text.push_str("</Folder>\n");
            }
            text.push_str(&format!(
                "<Folder><name>{}</name>\n",
                esc(kind.code_and_label().1)
            ));
            folder = Some(kind);
        }
        text.push_str(&placemark(&record, lat, lon));
        out.write_all(text.as_bytes()).map_err(io_error)?;
        written += 1;
        Ok(())
    })?;
    let tail = if folder.is_some() {
        "</Folder>\n</Document>\n</kml>\n"
    } else {
        "</Document>\n</kml>\n"
    };
    out.write_all(tail.as_bytes()).map_err(io_error)?;
    summary.providers = written;
    summary.left_out = left_out;
    Ok(())
}

fn placemark(record: &PublicRecord, lat: f64, lon: f64) -> String {
    let p = &record.provider;
    let mut data = vec![
        ("種別", p.kind.code_and_label().1.to_string()),
        ("ふりがな", p.kana.clone()),
        ("市区町村", record.municipality.clone()),
    ];
    data.extend(record.contact_lines());
    data.extend(record.condition_lines());
    let mut kml = format!(
        "<Placemark><name>{}</name><description>{}</description><styleUrl>#{}</styleUrl><ExtendedData>",
        esc(&p.name),
        esc(&record.description()),
        style_id(p.kind),
    );
    for (label, value) in data.iter().filter(|(_, v)| !v.is_empty()) {
        kml.push_str(&format!(
            "<Data name=\"{}\"><value>{}</value></Data>",
            esc(label),
            esc(value)
        ));
    }
    kml.push_str(&format!(
        "</ExtendedData><Point><coordinates>{},{}</coordinates></Point></Placemark>\n",
        round6(lon),
        round6(lat)
    ));
    kml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_keep_six_decimals() {
        assert_eq!(round6(139.653_076_245_146_5), 139.653_076);
        assert_eq!(round6(35.9087), 35.9087);
    }

    #[test]
    fn kml_colours_are_opaque_and_in_blue_green_red_order() {
        // 訪問看護 is green #3cb44b: aa=ff, bb=4b, gg=b4, rr=3c.
        assert_eq!(kml_colour(ProviderKind::VisitingNursing), "ff4bb43c");
        for kind in ProviderKind::ALL {
            let c = kml_colour(kind);
            assert_eq!(c.len(), 8);
            assert!(c.starts_with("ff"), "{kind:?} is opaque");
        }
    }
}
