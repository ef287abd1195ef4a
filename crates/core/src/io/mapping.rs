//! Which column of an import file fills which field of a provider.
//!
//! [`suggest_mapping`] recognises three kinds of header, compared after [`crate::text::fold`]
//! (so full- and half-width forms, hiragana and katakana, and spaces do not matter), and then
//! once more without a trailing parenthesis (「体重上限（kg）」 → 「体重上限」):
//! - the MHLW open-data layout ([`super::open_data::OPEN_DATA_HEADERS`]);
//! - our survey template ([`survey_template_headers`]), one column per care item;
//! - the field keys themselves (`name`, `lat`, `care_item:ventilator`…).
//!
//! A [`Mapping`] is plain data (serde + ts-rs): the UI shows and edits it, and the CLI reads
//! it from a JSON file (`--mapping FILE`), e.g.
//! `{"columns":[{"header":"施設名","field":"name"},{"header":"呼吸器","field":"care_item:ventilator"}],"default_kind":"visiting_nursing"}`.
//! Columns are matched to a file by header (folded); a header that appears twice is matched by
//! its occurrence.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use crate::domain::care_item::{CARE_ITEM_RULES, CareItemCode};
use crate::domain::provider_kind::ProviderKind;
use crate::error::{Error, Invalid, Result};
use crate::providers::RecordSource;
use crate::text::fold;

use super::open_data::OPEN_DATA_MARKERS;

/// A field of [`crate::providers::ProviderInput`] (or of its conditions and consent) that a
/// column can fill. Written as its key: `name`, `care_item:ventilator`…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Kana,
    PostalCode,
    Address,
    /// 方書 (building, floor): appended to the address.
    AddressExtra,
    MunicipalityName,
    MunicipalityCode,
    Lat,
    Lon,
    Phone,
    Fax,
    Email,
    ContactPerson,
    BusinessNumber,
    Capacity,
    OpeningHours,
    Kind,
    AcceptsChildren,
    AgeMinMonths,
    AgeMaxMonths,
    WeightMinKg,
    WeightMaxKg,
    CareItem(CareItemCode),
    /// Municipality names or codes, separated by 、 , ・ / or spaces.
    ServiceArea,
    ServiceRadiusKm,
    Nights,
    Weekends,
    AroundTheClock,
    TakingNewClients,
    FreeText,
    LastVerifiedOn,
    PublishName,
    PublishAddress,
    PublishPhone,
    PublishContactPerson,
    PublishConditions,
    ConsentedOn,
}

/// key, 日本語, English, header aliases (besides the key and the Japanese label).
type FieldRow = (
    Field,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SIMPLE_FIELDS: [FieldRow; 36] = [
    (
        Field::Kind,
        "kind",
        "種別",
        "Kind",
        &["サービスの種類", "サービス種別", "事業種別", "事業所種別"],
    ),
    (
        Field::Name,
        "name",
        "事業所名",
        "Name",
        &[
            "事業所名称",
            "名称",
            "施設名",
            "機関名",
            "医療機関名",
            "事業所・施設名",
        ],
    ),
    (
        Field::Kana,
        "kana",
        "ふりがな",
        "Reading (kana)",
        &[
            "事業所名カナ",
            "カナ",
            "よみがな",
            "事業所名ふりがな",
            "名称カナ",
        ],
    ),
    (
        Field::PostalCode,
        "postal_code",
        "郵便番号",
        "Postal code",
        &["〒"],
    ),
    (
        Field::Address,
        "address",
        "住所",
        "Address",
        &["所在地", "事業所住所", "事業所所在地"],
    ),
    (
        Field::AddressExtra,
        "address_extra",
        "方書",
        "Building (方書)",
        &["方書（ビル名等）", "ビル名", "建物名"],
    ),
    (
        Field::MunicipalityName,
        "municipality_name",
        "市区町村",
        "Municipality",
        &["市区町村名", "市町村", "市町村名"],
    ),
    (
        Field::MunicipalityCode,
        "municipality_code",
        "市区町村コード",
        "Municipality code",
        &[
            "都道府県コード又は市区町村コード",
            "市町村コード",
            "全国地方公共団体コード",
            "自治体コード",
        ],
    ),
    (Field::Lat, "lat", "緯度", "Latitude", &["latitude"]),
    (
        Field::Lon,
        "lon",
        "経度",
        "Longitude",
        &["lng", "longitude"],
    ),
    (Field::Phone, "phone", "電話", "Phone", &["電話番号", "tel"]),
    (Field::Fax, "fax", "FAX", "Fax", &["FAX番号", "ファックス"]),
    (
        Field::Email,
        "email",
        "メール",
        "Email",
        &["メールアドレス", "e-mail"],
    ),
    (
        Field::ContactPerson,
        "contact_person",
        "担当者",
        "Contact person",
        &["担当者名", "連絡担当者"],
    ),
    (
        Field::BusinessNumber,
        "business_number",
        "事業所番号",
        "Business number",
        &["指定事業所番号"],
    ),
    (
        Field::Capacity,
        "capacity",
        "定員",
        "Capacity",
        &["利用定員"],
    ),
    (
        Field::OpeningHours,
        "opening_hours",
        "営業日・時間",
        "Opening hours",
        &[
            "利用可能曜日",
            "利用可能曜日特記事項",
            "営業時間",
            "営業日",
            "診療時間",
        ],
    ),
    (
        Field::AcceptsChildren,
        "accepts_children",
        "小児の受入れ",
        "Accepts children",
        &["小児の受け入れ", "小児受入", "小児受入れ", "小児対応"],
    ),
    (
        Field::AgeMinMonths,
        "age_min_months",
        "年齢下限（か月）",
        "Youngest age (months)",
        &["年齢下限"],
    ),
    (
        Field::AgeMaxMonths,
        "age_max_months",
        "年齢上限（か月）",
        "Oldest age (months)",
        &["年齢上限"],
    ),
    (
        Field::WeightMinKg,
        "weight_min_kg",
        "体重下限（kg）",
        "Lowest weight (kg)",
        &["体重下限"],
    ),
    (
        Field::WeightMaxKg,
        "weight_max_kg",
        "体重上限（kg）",
        "Highest weight (kg)",
        &["体重上限"],
    ),
    (
        Field::ServiceArea,
        "service_area",
        "対応地域",
        "Service area",
        &["訪問地域", "サービス提供地域", "通常の事業の実施地域"],
    ),
    (
        Field::ServiceRadiusKm,
        "service_radius_km",
        "対応範囲（km）",
        "Service radius (km)",
        &["訪問範囲"],
    ),
    (Field::Nights, "nights", "夜間", "Nights", &["夜間対応"]),
    (
        Field::Weekends,
        "weekends",
        "休日",
        "Weekends",
        &["休日対応", "土日祝", "土日"],
    ),
    (
        Field::AroundTheClock,
        "around_the_clock",
        "24時間",
        "24-hour support",
        &["24時間対応"],
    ),
    (
        Field::TakingNewClients,
        "taking_new_clients",
        "新規受入れ",
        "Taking new clients",
        &["新規受け入れ", "新規受入"],
    ),
    (
        Field::FreeText,
        "free_text",
        "備考",
        "Notes",
        &["受入条件", "特記事項", "その他"],
    ),
    (
        Field::LastVerifiedOn,
        "last_verified_on",
        "回答日",
        "Last verified on",
        &["確認日", "最終確認日"],
    ),
    (
        Field::PublishName,
        "publish_name",
        "公開（名称）",
        "Publish name",
        &[],
    ),
    (
        Field::PublishAddress,
        "publish_address",
        "公開（住所）",
        "Publish address",
        &[],
    ),
    (
        Field::PublishPhone,
        "publish_phone",
        "公開（電話）",
        "Publish phone",
        &[],
    ),
    (
        Field::PublishContactPerson,
        "publish_contact_person",
        "公開（担当者）",
        "Publish contact person",
        &[],
    ),
    (
        Field::PublishConditions,
        "publish_conditions",
        "公開（受入条件）",
        "Publish conditions",
        &[],
    ),
    (
        Field::ConsentedOn,
        "consented_on",
        "公開同意日",
        "Consented on",
        &["同意日"],
    ),
];

const CARE_ITEM_PREFIX: &str = "care_item:";

impl Field {
    /// Every field, in the order of the survey template.
    pub fn all() -> Vec<Field> {
        let mut all: Vec<Field> = Vec::with_capacity(SIMPLE_FIELDS.len() + CARE_ITEM_RULES.len());
        for row in &SIMPLE_FIELDS {
            all.push(row.0);
            if row.0 == Field::WeightMaxKg {
                all.extend(CARE_ITEM_RULES.iter().map(|r| Field::CareItem(r.code)));
            }
        }
        all
    }

    fn row(self) -> Option<&'static FieldRow> {
        SIMPLE_FIELDS.iter().find(|r| r.0 == self)
    }

    /// The stable key (`care_item:<code>` for care items).
    pub fn key(self) -> String {
        match self {
            Field::CareItem(code) => format!("{CARE_ITEM_PREFIX}{}", code.code()),
            other => other
                .row()
                .expect("every simple field has a row")
                .1
                .to_string(),
        }
    }

    /// The field of a key, or `None`.
    pub fn from_key(key: &str) -> Option<Field> {
        if let Some(code) = key.strip_prefix(CARE_ITEM_PREFIX) {
            return CARE_ITEM_RULES
                .iter()
                .find(|r| r.code_text == code)
                .map(|r| Field::CareItem(r.code));
        }
        SIMPLE_FIELDS.iter().find(|r| r.1 == key).map(|r| r.0)
    }

    /// The header of our survey template for this field.
    pub fn label_ja(self) -> &'static str {
        match self {
            Field::CareItem(code) => code.rule().label_ja,
            other => other.row().expect("every simple field has a row").2,
        }
    }

    pub fn label_en(self) -> String {
        match self {
            Field::CareItem(code) => format!("Care item: {}", code.code()),
            other => other
                .row()
                .expect("every simple field has a row")
                .3
                .to_string(),
        }
    }

    /// Fields that several columns may fill: their texts are joined.
    pub fn takes_many(self) -> bool {
        matches!(
            self,
            Field::AddressExtra | Field::OpeningHours | Field::FreeText
        )
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.key())
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        Field::from_key(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown field {key:?}")))
    }
}

/// A field as the mapping screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldInfo {
    pub key: String,
    pub label_ja: String,
    pub label_en: String,
}

/// Every field a column can be mapped to, for the mapping screen's choices.
pub fn field_choices() -> Vec<FieldInfo> {
    Field::all()
        .into_iter()
        .map(|f| FieldInfo {
            key: f.key(),
            label_ja: f.label_ja().to_string(),
            label_en: f.label_en(),
        })
        .collect()
}

/// The header row of our survey template, one column per field in [`Field::all`] order.
pub fn survey_template_headers() -> Vec<String> {
    Field::all()
        .into_iter()
        .map(|f| f.label_ja().to_string())
        .collect()
}

/// What kind of file the headers look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// MHLW 介護サービス情報公表 open data
    OpenData,
    /// Our survey template
    Survey,
    #[default]
    Custom,
}

/// One column of the file and the field it fills (`None`: not imported).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ColumnMapping {
    pub header: String,
    #[serde(default)]
    #[ts(as = "Option<String>")]
    pub field: Option<Field>,
}

/// How the columns of a file become providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Mapping {
    #[serde(default)]
    pub layout: Layout,
    pub columns: Vec<ColumnMapping>,
    /// The kind of rows without a kind column or with a blank kind (open data: one kind per
    /// file).
    #[serde(default)]
    pub default_kind: Option<ProviderKind>,
    /// The source recorded on the imported providers.
    #[serde(default)]
    pub record_source: RecordSource,
}

impl Mapping {
    /// Reads a mapping from JSON (a `--mapping FILE`); a bad document is a validation error
    /// on `mapping` with its line.
    pub fn from_json(json: &str) -> Result<Mapping> {
        serde_json::from_str(json).map_err(|e| {
            Error::invalid(
                "mapping",
                Invalid::MalformedJson {
                    line: e.line(),
                    detail: e.to_string(),
                },
            )
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a mapping always serialises")
    }

    pub fn load(path: &Path) -> Result<Mapping> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Mapping::from_json(&text)
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_json()).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The field mapped to the column with this header, if any.
    pub fn field_of(&self, header: &str) -> Option<Field> {
        let key = fold(header);
        self.columns
            .iter()
            .find(|c| fold(&c.header) == key)
            .and_then(|c| c.field)
    }
}

fn aliases() -> &'static HashMap<String, Field> {
    static ALIASES: OnceLock<HashMap<String, Field>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        let mut map = HashMap::new();
        for (field, key, ja, _, more) in &SIMPLE_FIELDS {
            for name in [*key, *ja].iter().chain(more.iter()) {
                map.entry(fold(name)).or_insert(*field);
            }
        }
        for rule in &CARE_ITEM_RULES {
            let field = Field::CareItem(rule.code);
            let short = rule.label_ja.trim_end_matches("の管理");
            for name in [rule.label_ja, short, rule.code_text, &field.key()] {
                map.entry(fold(name)).or_insert(field);
            }
        }
        map
    })
}

/// The field a header names, if we recognise it.
pub fn field_for_header(header: &str) -> Option<Field> {
    let key = fold(header);
    if key.is_empty() {
        return None;
    }
    if let Some(f) = aliases().get(&key) {
        return Some(*f);
    }
    // 「年齢上限（6歳=72か月）」, 「方書（ビル名等）」: try without the parenthesis.
    let open = key.find('(')?;
    aliases().get(&key[..open]).copied()
}

/// A first mapping for a file with these headers: every recognised header gets its field
/// (the first of two headers for a one-value field wins), and the layout and record source
/// are guessed from the headers.
pub fn suggest_mapping<S: AsRef<str>>(headers: &[S]) -> Mapping {
    let mut taken: Vec<Field> = Vec::new();
    let columns: Vec<ColumnMapping> = headers
        .iter()
        .map(|h| {
            let header = h.as_ref().trim().to_string();
            let field = field_for_header(&header)
                .filter(|f| f.takes_many() || !taken.contains(f))
                .inspect(|f| taken.push(*f));
            ColumnMapping { header, field }
        })
        .collect();
    let markers: Vec<String> = OPEN_DATA_MARKERS.iter().map(|m| fold(m)).collect();
    let open_data_hits = columns
        .iter()
        .filter(|c| markers.contains(&fold(&c.header)))
        .count();
    let care_items = taken
        .iter()
        .filter(|f| matches!(f, Field::CareItem(_)))
        .count();
    let (layout, record_source) = if open_data_hits >= 4 {
        (Layout::OpenData, RecordSource::OpenData)
    } else if care_items >= 3 || taken.contains(&Field::AcceptsChildren) {
        (Layout::Survey, RecordSource::Survey)
    } else {
        (Layout::Custom, RecordSource::Manual)
    };
    Mapping {
        layout,
        columns,
        default_kind: None,
        record_source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::open_data::OPEN_DATA_HEADERS;

    #[test]
    fn open_data_headers_are_mapped_without_help() {
        let m = suggest_mapping(&OPEN_DATA_HEADERS);
        assert_eq!(m.layout, Layout::OpenData);
        assert_eq!(m.record_source, RecordSource::OpenData);
        let expect = [
            (
                "都道府県コード又は市区町村コード",
                Some(Field::MunicipalityCode),
            ),
            ("都道府県名", None),
            ("市区町村名", Some(Field::MunicipalityName)),
            ("事業所名", Some(Field::Name)),
            ("事業所名カナ", Some(Field::Kana)),
            ("サービスの種類", Some(Field::Kind)),
            ("住所", Some(Field::Address)),
            ("方書（ビル名等）", Some(Field::AddressExtra)),
            ("緯度", Some(Field::Lat)),
            ("経度", Some(Field::Lon)),
            ("電話番号", Some(Field::Phone)),
            ("FAX番号", Some(Field::Fax)),
            ("法人番号", None),
            ("事業所番号", Some(Field::BusinessNumber)),
            ("利用可能曜日", Some(Field::OpeningHours)),
            ("利用可能曜日特記事項", Some(Field::OpeningHours)),
            ("定員", Some(Field::Capacity)),
            ("URL", None),
        ];
        for (header, field) in expect {
            assert_eq!(m.field_of(header), field, "{header}");
        }
    }

    #[test]
    fn width_and_spacing_variants_of_headers_still_match() {
        assert_eq!(field_for_header("ＦＡＸ番号"), Some(Field::Fax));
        assert_eq!(field_for_header(" 緯 度 "), Some(Field::Lat));
        assert_eq!(field_for_header("方書(ﾋﾞﾙ名等)"), Some(Field::AddressExtra));
        assert_eq!(field_for_header("方書"), Some(Field::AddressExtra));
        assert_eq!(
            field_for_header("フリガナ"),
            Some(Field::Kana),
            "katakana folds to the hiragana header"
        );
        assert_eq!(
            field_for_header("体重上限（ｋｇ）"),
            Some(Field::WeightMaxKg)
        );
        assert_eq!(
            field_for_header("年齢上限（6歳=72か月）"),
            Some(Field::AgeMaxMonths)
        );
        assert_eq!(
            field_for_header("Latitude"),
            Some(Field::Lat),
            "English names"
        );
        assert_eq!(
            field_for_header("人工呼吸器"),
            Some(Field::CareItem(CareItemCode::Ventilator))
        );
        assert_eq!(
            field_for_header("care_item:tracheostomy"),
            Some(Field::CareItem(CareItemCode::Tracheostomy))
        );
        assert_eq!(field_for_header("好きな色"), None);
        assert_eq!(field_for_header(""), None);
    }

    #[test]
    fn the_survey_template_maps_every_column_to_its_own_field() {
        let headers = survey_template_headers();
        let m = suggest_mapping(&headers);
        assert_eq!(m.layout, Layout::Survey);
        assert_eq!(m.record_source, RecordSource::Survey);
        let fields: Vec<Option<Field>> = m.columns.iter().map(|c| c.field).collect();
        let expected: Vec<Option<Field>> = Field::all().into_iter().map(Some).collect();
        assert_eq!(
            fields, expected,
            "each template header round-trips to its field"
        );
        assert!(headers.contains(&"人工呼吸器の管理".to_string()));
    }

    #[test]
    fn a_second_column_for_a_one_value_field_is_left_unmapped() {
        let m = suggest_mapping(&["事業所名", "名称", "備考", "特記事項"]);
        assert_eq!(m.columns[0].field, Some(Field::Name));
        assert_eq!(m.columns[1].field, None, "only one column can be the name");
        assert_eq!(m.columns[2].field, Some(Field::FreeText));
        assert_eq!(
            m.columns[3].field,
            Some(Field::FreeText),
            "notes may come from several columns"
        );
        assert_eq!(m.layout, Layout::Custom);
    }

    #[test]
    fn every_field_key_round_trips() {
        for f in Field::all() {
            assert_eq!(Field::from_key(&f.key()), Some(f), "{f}");
        }
        assert_eq!(Field::from_key("care_item:nope"), None);
        assert_eq!(field_choices().len(), Field::all().len());
    }

    #[test]
    fn a_mapping_saves_and_loads_as_json_with_field_keys() {
        let mut m = suggest_mapping(&["施設名", "呼吸器の管理", "好きな色"]);
        m.columns[1].field = Some(Field::CareItem(CareItemCode::Ventilator));
        m.default_kind = Some(ProviderKind::VisitingNursing);
        let json = m.to_json();
        assert!(json.contains("\"care_item:ventilator\""), "{json}");
        assert!(json.contains("\"visiting_nursing\""), "{json}");
        assert_eq!(Mapping::from_json(&json).unwrap(), m);

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mapping.json");
        m.save(&path).unwrap();
        assert_eq!(Mapping::load(&path).unwrap(), m);
    }

    #[test]
    fn a_mapping_file_with_an_unknown_field_is_a_validation_error_with_its_line() {
        let json = "{\n  \"columns\": [\n    {\"header\": \"x\", \"field\": \"colour\"}\n  ]\n}";
        let e = Mapping::from_json(json).unwrap_err();
        assert_eq!(e.field(), Some("mapping"));
        match e {
            Error::Validation {
                problem: Invalid::MalformedJson { line, detail },
                ..
            } => {
                assert_eq!(line, 3);
                assert!(detail.contains("colour"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_hand_written_mapping_needs_only_columns() {
        let m = Mapping::from_json(
            r#"{"columns":[{"header":"名前","field":"name"},{"header":"メモ"}]}"#,
        )
        .unwrap();
        assert_eq!(m.columns[1].field, None);
        assert_eq!(m.layout, Layout::Custom);
        assert_eq!(m.record_source, RecordSource::Manual);
    }
}

#[cfg(test)]
mod binding_tests {
    use super::*;
    use ts_rs::{Config, TS};

    #[test]
    fn the_ui_sees_a_mapping_column_field_as_a_key_string() {
        let decl = ColumnMapping::decl(&Config::new());
        assert!(decl.contains("field: string | null"), "{decl}");
        let decl = crate::io::RowProblem::decl(&Config::new());
        assert!(decl.contains("line: number"), "{decl}");
    }
}
