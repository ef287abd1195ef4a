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
        KeyFile::create("upgrade-test passphrase", KdfParams::cheap_for_tests()).unwrap();
    store::open(&dir.join(name), &key, true).unwrap()
}

#[test]
fn a_version_1_database_upgrades_to_exactly_a_fresh_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = encrypted_db(dir.path(), "old.db");
    old.execute_batch(include_str!("../../fixtures/schema/v1.sql"))
        .unwrap();
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the frozen fixture is schema version 1");
    store::migrate(&mut old).expect("upgrading from version 1 works");

    let mut fresh = encrypted_db(dir.path(), "fresh.db");
    store::migrate(&mut fresh).unwrap();

    assert_eq!(
        shape(&old),
        shape(&fresh),
        "an upgraded database has exactly the fresh schema"
    );
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, store::CURRENT_VERSION);
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
