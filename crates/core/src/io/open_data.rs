//! The column layout of the MHLW 介護サービス情報公表システム open data (one CSV per service
//! type, UTF-8 with BOM), which the importer recognises without a mapping step.

/// The columns of the open-data CSV, in the published order.
pub const OPEN_DATA_HEADERS: [&str; 24] = [
    "都道府県コード又は市区町村コード",
    "NO（※システム内の固有の番号、連番）",
    "都道府県名",
    "市区町村名",
    "事業所名",
    "事業所名カナ",
    "サービスの種類",
    "住所",
    "方書（ビル名等）",
    "緯度",
    "経度",
    "電話番号",
    "FAX番号",
    "法人番号",
    "法人の名称",
    "事業所番号",
    "利用可能曜日",
    "利用可能曜日特記事項",
    "定員",
    "URL",
    "高齢者の方と障害者の方が同時一体的に利用できるサービス",
    "介護保険の通常の指定基準を満たしている",
    "障害福祉の通常の指定基準を満たしている",
    "備考",
];

/// Headers that only the open-data layout has; four of them make a file open data.
pub(crate) const OPEN_DATA_MARKERS: [&str; 8] = [
    "都道府県コード又は市区町村コード",
    "NO（※システム内の固有の番号、連番）",
    "事業所名カナ",
    "方書（ビル名等）",
    "利用可能曜日",
    "利用可能曜日特記事項",
    "法人の名称",
    "サービスの種類",
];
