//! `kakehashi export …` run as a user would: the three documents of a child and the roster
//! as PDF (and CSV), a recipient outside the family's consent refused with exit 2 until
//! `--despite-consent`, and a file that is a PDF with the child's name in it.

use std::process::Command as Std;

use assert_cmd::Command;

const PASSPHRASE: &str = "correct-horse-battery-staple-42";
/// The at-home child of the intake example (所沢 蓮): no consent on file.
const AT_HOME: &str = "KH-2026-0100";

fn kakehashi(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("kakehashi").expect("binary is built");
    cmd.env("KAKEHASHI_DATA_DIR", dir)
        .env("KAKEHASHI_PASSPHRASE", PASSPHRASE)
        .env("LANG", "ja_JP.UTF-8");
    cmd
}

fn with_children() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    kakehashi(dir.path()).arg("init").assert().success();
    let intake = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/cases/intake-example.json");
    kakehashi(dir.path())
        .args(["cases", "add", "--json"])
        .arg(intake)
        .assert()
        .success();
    dir
}

/// The PDF's text, or `None` (with a note) without pdftotext.
fn text_of(path: &std::path::Path) -> Option<String> {
    match Std::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
    {
        Ok(out) if out.status.success() => Some(
            String::from_utf8(out.stdout)
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
        ),
        Ok(out) => panic!("pdftotext fails: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) => {
            eprintln!(
                "skipping the text checks: pdftotext is not installed (apt install poppler-utils)"
            );
            None
        }
    }
}

#[test]
fn each_document_of_a_child_is_written_as_a_pdf() {
    let dir = with_children();
    for (command, title) in [
        ("case-summary", "ケースサマリー"),
        ("emergency-sheet", "緊急時情報シート"),
    ] {
        let out = dir.path().join(format!("{command}.pdf"));
        kakehashi(dir.path())
            .args(["export", command, AT_HOME, "--out"])
            .arg(&out)
            .assert()
            .success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{command} writes a PDF");
        if let Some(text) = text_of(&out) {
            assert!(text.contains(title), "{command}: {title}");
            assert!(text.contains("所沢蓮"), "{command}: the child's name");
            assert!(text.contains("取扱注意"));
        }
    }
}

#[test]
fn the_plan_of_a_child_without_one_is_not_found_and_no_file_is_left() {
    let dir = with_children();
    let out = dir.path().join("plan.pdf");
    kakehashi(dir.path())
        .args(["export", "plan", AT_HOME, "--out"])
        .arg(&out)
        .assert()
        .code(3);
    assert!(!out.exists());
}

#[test]
fn a_recipient_outside_the_consent_is_refused_until_despite_consent() {
    let dir = with_children();
    let out = dir.path().join("sheet.pdf");
    let refused = kakehashi(dir.path())
        .args([
            "export",
            "emergency-sheet",
            AT_HOME,
            "--recipient",
            "fire_department",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "a validation error");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("(recipient)")
            && stderr.contains("本人・家族の同意の範囲に消防が含まれていません"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");

    kakehashi(dir.path())
        .args([
            "export",
            "emergency-sheet",
            AT_HOME,
            "--recipient",
            "fire_department",
        ])
        .arg("--despite-consent")
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    if let Some(text) = text_of(&out) {
        assert!(text.contains("提供先：消防"));
        assert!(text.contains("同意の範囲に消防は含まれていません"));
    }

    kakehashi(dir.path())
        .args([
            "export",
            "case-summary",
            AT_HOME,
            "--recipient",
            "police",
            "--out",
        ])
        .arg(dir.path().join("x.pdf"))
        .assert()
        .code(2);
}

#[test]
fn the_roster_is_written_as_pdf_and_csv() {
    let dir = with_children();
    let pdf = dir.path().join("roster.pdf");
    kakehashi(dir.path())
        .args(["export", "roster", "--out"])
        .arg(&pdf)
        .assert()
        .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    if let Some(text) = text_of(&pdf) {
        assert!(text.contains("緊急時連絡網"));
        assert!(text.contains("所沢蓮"), "the child at home is listed");
        assert!(!text.contains("川越陽葵"), "the child in hospital is not");
    }
    let csv = dir.path().join("roster.csv");
    kakehashi(dir.path())
        .args([
            "export",
            "roster",
            "--format",
            "csv",
            "--encoding",
            "shift-jis",
            "--out",
        ])
        .arg(&csv)
        .assert()
        .success();
    let bytes = std::fs::read(&csv).unwrap();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad, "Shift_JIS");
    assert!(text.contains("所沢 蓮"));
}
