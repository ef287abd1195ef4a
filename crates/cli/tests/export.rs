//! `kakehashi providers export` in every format, run as a user would: a one-line summary,
//! whole files only, and a clear refusal of a format the audience does not have.

use assert_cmd::Command;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";

fn kakehashi(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir.join("data"))
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

/// A data directory set up and filled with 60 demo providers.
fn demo_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    kakehashi(dir.path()).arg("init").assert().success();
    kakehashi(dir.path())
        .args([
            "demo",
            "--seed",
            "7",
            "--children",
            "0",
            "--providers",
            "60",
        ])
        .assert()
        .success();
    dir
}

/// Runs an export; returns stdout on success.
fn export(dir: &std::path::Path, args: &[&str], out: &std::path::Path) -> String {
    let run = kakehashi(dir)
        .args(["providers", "export"])
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8(run.stdout).unwrap()
}

/// The files in `dir` (not the data directory).
fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "data")
        .collect();
    names.sort();
    names
}

#[test]
fn every_public_format_is_written_whole_with_a_one_line_summary() {
    let dir = demo_store();
    let public_rows = {
        let out = dir.path().join("public.csv");
        let line = export(dir.path(), &["--public"], &out);
        assert!(line.starts_with("公開用CSV: "), "csv by default: {line}");
        let text = std::fs::read_to_string(&out).unwrap();
        text.lines().count() - 1
    };
    assert!(
        public_rows > 0 && public_rows < 60,
        "the demo mixes consents"
    );

    let out = dir.path().join("directory.geojson");
    let line = export(dir.path(), &["--public", "--format", "geojson"], &out);
    assert_eq!(line.lines().count(), 1, "one line: {line}");
    assert!(line.contains(&format!("{public_rows}件")), "{line}");
    assert!(
        line.contains(&format!("公開に同意していない{}件", 60 - public_rows)),
        "says who is not in it: {line}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).expect("valid JSON");
    assert_eq!(json["type"], "FeatureCollection");
    assert_eq!(
        json["features"].as_array().map(Vec::len),
        Some(public_rows),
        "every demo provider has coordinates, so every public one is on the map"
    );

    let out = dir.path().join("directory.kml");
    export(dir.path(), &["--public", "--format", "kml"], &out);
    let kml = std::fs::read_to_string(&out).unwrap();
    assert!(kml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(kml.contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">"));
    assert_eq!(kml.matches("<Placemark>").count(), public_rows);
    assert!(kml.trim_end().ends_with("</kml>"), "the whole document");

    let out = dir.path().join("directory.html");
    export(dir.path(), &["--public", "--format", "html"], &out);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<tr data-kind").count(), public_rows);
    assert!(!html.contains("https://") && !html.contains("http://"));

    let out = dir.path().join("office.xlsx");
    let line = export(dir.path(), &["--format", "xlsx"], &out);
    assert!(line.starts_with("内部用XLSX: 60件"), "{line}");
    assert!(
        std::fs::read(&out).unwrap().starts_with(b"PK\x03\x04"),
        "a zip container"
    );

    assert_eq!(
        files(dir.path()),
        [
            "directory.geojson",
            "directory.html",
            "directory.kml",
            "office.xlsx",
            "public.csv"
        ],
        "no temporary file is left behind"
    );
}

#[test]
fn a_format_the_audience_does_not_have_exits_2_and_leaves_the_old_file_alone() {
    let dir = demo_store();
    let out = dir.path().join("directory.kml");
    std::fs::write(&out, "an earlier export").unwrap();
    let run = kakehashi(dir.path())
        .args(["providers", "export", "--format", "kml", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "a validation error");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("format") && err.contains("公開用"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "an earlier export",
        "the earlier file is untouched"
    );
    assert_eq!(
        files(dir.path()),
        ["directory.kml"],
        "and nothing else is written"
    );

    let run = kakehashi(dir.path())
        .args([
            "providers",
            "export",
            "--public",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("geojson"),
        "lists the formats there are"
    );
}
