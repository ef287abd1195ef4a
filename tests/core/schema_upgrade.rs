//! Append-only migrations: a database made by every older, frozen schema upgrades to one
//! equal to a fresh database.

use kakehashi::keys::{KdfParams, KeyFile};
use kakehashi::store;
use rusqlite::Connection;

/// Tables, columns, indexes and foreign keys, in a stable order.
fn shape(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
        .unwrap();
    let objects: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (kind, name, table) in objects {
        out.push(format!("{kind} {name} on {table}"));
        let pragmas: &[&str] = match kind.as_str() {
            "table" => &["table_xinfo", "foreign_key_list", "index_list"],
            "index" => &["index_xinfo"],
            _ => &[],
        };
        for pragma in pragmas {
            let sql = format!("SELECT * FROM pragma_{pragma}(?1)");
            let mut stmt = conn.prepare(&sql).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([&name], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap();
            for row in rows {
                out.push(format!("  {pragma}: {}", row.unwrap()));
            }
        }
    }
    // CHECK constraints and defaults live only in the SQL text.
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    for row in stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
    {
        let (name, sql) = row.unwrap();
        out.push(format!(
            "sql {name}: {}",
            sql.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    out
}

fn encrypted_db(dir: &std::path::Path, name: &str) -> Connection {
    let (_file, key) =
        KeyFile::create_admin("upgrade-test passphrase", KdfParams::cheap_for_tests()).unwrap();
    store::open(&dir.join(name), &key, true).unwrap()
}

/// Every released schema, frozen as SQL: (version, fixture).
const FROZEN: &[(i64, &str)] = &[
    (1, include_str!("../../fixtures/schema/v1.sql")),
    (2, include_str!("../../fixtures/schema/v2.sql")),
    (3, include_str!("../../fixtures/schema/v3.sql")),
    (4, include_str!("../../fixtures/schema/v4.sql")),
    (5, include_str!("../../fixtures/schema/v5.sql")),
    (6, include_str!("../../fixtures/schema/v6.sql")),
    (7, include_str!("../../fixtures/schema/v7.sql")),
    (8, include_str!("../../fixtures/schema/v8.sql")),
];

#[test]
fn every_older_schema_upgrades_to_exactly_a_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut fresh = encrypted_db(dir.path(), "fresh.db");
    store::migrate(&mut fresh).unwrap();
    for (version, sql) in FROZEN {
        let mut old = encrypted_db(dir.path(), &format!("v{version}.db"));
        old.execute_batch(sql).unwrap();
        let v: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(
            v, *version,
            "the frozen fixture is schema version {version}"
        );
        store::migrate(&mut old).unwrap_or_else(|e| panic!("upgrading from {version}: {e}"));
        assert_eq!(
            shape(&old),
            shape(&fresh),
            "a database from schema {version} upgrades to exactly the fresh schema"
        );
        let v: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, store::CURRENT_VERSION);
    }
    assert_eq!(
        FROZEN.len() as i64,
        store::CURRENT_VERSION - 1,
        "every older version has a frozen fixture"
    );
}

#[test]
fn children_written_before_schema_3_get_their_search_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = encrypted_db(dir.path(), "v2-data.db");
    old.execute_batch(FROZEN[1].1).unwrap();
    old.execute_batch(
        "INSERT INTO municipality VALUES ('112011', '11201', '川越市', 'かわごえし', 'city', NULL, 35.9, 139.4);
         INSERT INTO child (id, case_number, name, kana, date_of_birth, sex, municipality_code, status,
                            created_at, updated_at, updated_by)
         VALUES ('c1', 'OLD-1', '川越 陽葵', 'カワゴエ ヒマリ', '2025-05-10', 'female', '112011', 'at_home',
                 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'old');",
    )
    .unwrap();
    store::migrate(&mut old).unwrap();
    let kana: String = old
        .query_row("SELECT kana_folded FROM child WHERE id = 'c1'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        kana, "カワゴエヒマリ",
        "folded during the upgrade so the case list finds it"
    );
}

#[test]
fn a_database_from_schema_5_gets_the_default_pathway_template_audited() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = encrypted_db(dir.path(), "v5-data.db");
    old.execute_batch(FROZEN[4].1).unwrap();
    store::migrate(&mut old).unwrap();
    let (templates, tasks): (i64, i64) = old
        .query_row(
            "SELECT (SELECT count(*) FROM pathway_template WHERE is_default = 1),
                    (SELECT count(*) FROM pathway_template_task)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(templates, 1, "one default template, seeded by the upgrade");
    assert_eq!(
        tasks,
        kakehashi::plans::template::DEFAULT_TASKS.len() as i64,
        "with every task of DOMAIN.md's pathway"
    );
    assert_eq!(
        store::integrity_problems(&old).unwrap(),
        Vec::<String>::new(),
        "seeded rows have their creation audited like any other record"
    );
    let mut fresh = encrypted_db(dir.path(), "fresh-ids.db");
    store::migrate(&mut fresh).unwrap();
    let ids = |c: &rusqlite::Connection| -> Vec<String> {
        c.prepare("SELECT id FROM pathway_template_task ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    assert_eq!(
        ids(&old),
        ids(&fresh),
        "the default template has the same ids everywhere, so laptops can sync it later"
    );
}

#[test]
fn migrating_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = encrypted_db(dir.path(), "twice.db");
    store::migrate(&mut conn).unwrap();
    let first = shape(&conn);
    store::migrate(&mut conn).unwrap();
    assert_eq!(shape(&conn), first);
}
