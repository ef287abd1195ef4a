//! The municipality list: seeded into every database, searchable by name or reading.

use kakehashi::municipalities::MunicipalityQuery;
use kakehashi::store::municipality::MunicipalityKind;
use kakehashi::{ErrorKind, Lang};

use crate::support::new_registry;

fn search(q: &str) -> Vec<String> {
    let (_dir, _vault, registry) = new_registry();
    registry
        .list_municipalities(&MunicipalityQuery { query: q.into() })
        .expect("search works")
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn every_new_database_holds_saitamas_municipalities_and_wards() {
    let (_dir, _vault, registry) = new_registry();
    let all = registry
        .list_municipalities(&MunicipalityQuery::default())
        .unwrap();
    assert_eq!(all.len(), 73, "63 municipalities + 10 wards");
    let kawagoe = all
        .iter()
        .find(|m| m.code6 == "112011")
        .expect("川越市 by its code");
    assert_eq!(kawagoe.name, "川越市");
    assert_eq!(kawagoe.kind, MunicipalityKind::City);
}

#[test]
fn hiragana_katakana_and_half_width_readings_all_find_kawagoe() {
    for q in ["かわごえ", "カワゴエ", "ｶﾜｺﾞｴ", "川越"] {
        assert_eq!(search(q), vec!["川越市".to_string()], "query {q}");
    }
}

#[test]
fn a_code_prefix_finds_the_municipality() {
    assert_eq!(search("112011"), vec!["川越市".to_string()]);
}

#[test]
fn results_are_in_gojuon_order_of_their_reading() {
    let (_dir, _vault, registry) = new_registry();
    let all = registry
        .list_municipalities(&MunicipalityQuery::default())
        .unwrap();
    let kana: Vec<String> = all.iter().map(|m| kakehashi::text::fold(&m.kana)).collect();
    let mut sorted = kana.clone();
    sorted.sort();
    assert_eq!(kana, sorted, "sorted by folded reading");
    assert_eq!(all[0].name, "上尾市", "あげおし comes first");
}

#[test]
fn an_overlong_query_is_a_field_error() {
    let (_dir, _vault, registry) = new_registry();
    let err = registry
        .list_municipalities(&MunicipalityQuery {
            query: "あ".repeat(101),
        })
        .unwrap_err()
        .to_api(Lang::Ja);
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.field.as_deref(), Some("query"));
}
