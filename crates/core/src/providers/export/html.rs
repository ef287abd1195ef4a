//! The public directory as one self-contained web page: inline CSS, a small inline script for
//! the filters (text, kind, municipality, accepts children), and the table itself in the HTML,
//! so it reads and prints with scripts off. It loads nothing: no external files, fonts or
//! images, and a Content-Security-Policy that forbids them. Every text is escaped. Streams.

use std::io::Write;

use crate::domain::provider_kind::ProviderKind;
use crate::error::Result;
use crate::providers::types::Answer;
use crate::record::Stamp;
use crate::vault::Registry;

use super::public::PublicRecord;
use super::{ExportSummary, escape_markup as esc, io_error, kind_colour};

const TITLE: &str = "小児在宅支援 事業所一覧";

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", sans-serif;
  margin: 1.5rem; color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.generated { color: #555; margin: 0 0 1rem; font-size: .9rem; }
form { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-bottom: 1rem;
  padding: .75rem; background: #f4f6f8; border-radius: 6px; }
form[hidden] { display: none; }
input[type=search] { min-width: 16rem; padding: .3rem .5rem; font-size: 1rem; }
select { padding: .3rem; font-size: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid #ddd; padding: .45rem .5rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #999; white-space: nowrap; }
td:nth-child(1) { width: 9em; }
td:nth-child(2) { min-width: 12em; }
td:nth-child(3) { white-space: nowrap; }
td:nth-child(4) { min-width: 17em; }
tr[hidden] { display: none; }
.kana { display: block; color: #666; font-size: .8rem; }
.kind::before { content: ""; display: inline-block; width: .7em; height: .7em; border-radius: 50%;
  margin-right: .35em; background: var(--c); border: 1px solid #0003; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 .6rem; }
dt { color: #555; }
dd { margin: 0; white-space: pre-wrap; }
.count { margin-top: 1rem; color: #555; }
@media print { form { display: none; } thead th { position: static; } body { margin: 0; } }
"#;

/// Filters rows by folded text (NFKC, lower case, hiragana as katakana, no spaces — as the app
/// searches), kind, municipality and "accepts children"; builds the kind and municipality
/// choices from the rows. Only shown when scripts run.
const SCRIPT: &str = r#"
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var q = document.getElementById("q");
  var kind = document.getElementById("kind");
  var muni = document.getElementById("muni");
  var children = document.getElementById("children");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody tr"));
  function fold(s) {
    return s.normalize("NFKC").toLowerCase()
      .replace(/[\u3041-\u3096]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + 0x60); })
      .replace(/\s+/g, "");
  }
  var texts = rows.map(function (r) { return fold(r.textContent); });
  function choices(select, attr, labelAttr) {
    var seen = {};
    var list = [];
    rows.forEach(function (r) {
      var v = r.getAttribute(attr);
      if (v && !seen[v]) { seen[v] = true; list.push([v, r.getAttribute(labelAttr)]); }
    });
    list.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    list.forEach(function (c) {
      var o = document.createElement("option");
      o.value = c[0];
      o.textContent = c[1];
      select.appendChild(o);
    });
  }
  choices(kind, "data-kind", "data-kind-label");
  choices(muni, "data-muni", "data-muni-name");
  function apply() {
    var words = fold(q.value);
    var n = 0;
    rows.forEach(function (r, i) {
      var ok = (!words || texts[i].indexOf(words) >= 0)
        && (!kind.value || r.getAttribute("data-kind") === kind.value)
        && (!muni.value || r.getAttribute("data-muni") === muni.value)
        && (!children.checked || r.getAttribute("data-children") === "yes");
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = n + " / " + rows.length + " 件を表示";
  }
  [q, kind, muni, children].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
"#;

pub(super) fn write(
    registry: &Registry,
    stamp: &Stamp,
    out: &mut dyn Write,
    summary: &mut ExportSummary,
) -> Result<()> {
    let today = stamp.today();
    let mut head = format!(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <title>{TITLE}</title>\n<style>{STYLE}"
    );
    for kind in ProviderKind::ALL {
        let [r, g, b] = kind_colour(kind);
        head.push_str(&format!(
            ".k-{} {{ --c: #{r:02x}{g:02x}{b:02x}; }}\n",
            kind.code()
        ));
    }
    head.push_str(&format!(
        "</style>\n</head>\n<body>\n<header>\n<h1>{TITLE}</h1>\n\
         <p class=\"generated\">作成日 <time datetime=\"{today}\">{}</time>（かけはし）。\
         掲載しているのは、各事業所が公開に同意した項目だけです。</p>\n</header>\n\
         <form id=\"filters\" hidden>\n\
         <input type=\"search\" id=\"q\" placeholder=\"名前・ふりがな・住所・電話で検索\" aria-label=\"検索\">\n\
         <select id=\"kind\" aria-label=\"種別\"><option value=\"\">すべての種別</option></select>\n\
         <select id=\"muni\" aria-label=\"市区町村\"><option value=\"\">すべての市区町村</option></select>\n\
         <label><input type=\"checkbox\" id=\"children\"> 小児の受け入れ可のみ</label>\n\
         <output id=\"shown\" aria-live=\"polite\"></output>\n</form>\n\
         <table>\n<thead><tr><th>種別</th><th>事業所名</th><th>市区町村</th><th>住所・連絡先</th><th>受け入れ条件</th></tr></thead>\n<tbody>\n",
        today.format("%Y年%-m月%-d日")
    ));
    out.write_all(head.as_bytes()).map_err(io_error)?;

    let mut written = 0u32;
    summary.not_public = registry.each_public(&mut |record| {
        out.write_all(row(&record).as_bytes()).map_err(io_error)?;
        written += 1;
        Ok(())
    })?;
    let tail = format!(
        "</tbody>\n</table>\n<p class=\"count\">掲載 {written} 件</p>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out.write_all(tail.as_bytes()).map_err(io_error)?;
    summary.providers = written;
    Ok(())
}

/// A definition list of (label, text) lines.
fn lines_html(lines: &[(&'static str, String)]) -> String {
    if lines.is_empty() {
        return String::new();
    }
    let mut html = String::from("<dl>");
    for (label, text) in lines {
        html.push_str(&format!("<dt>{}</dt><dd>{}</dd>", esc(label), esc(text)));
    }
    html.push_str("</dl>");
    html
}

fn row(record: &PublicRecord) -> String {
    let p = &record.provider;
    let (code, label) = p.kind.code_and_label();
    let children = match p.conditions.accepts_children {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    };
    let kana = if p.kana.is_empty() {
        String::new()
    } else {
        format!("<span class=\"kana\">{}</span>", esc(&p.kana))
    };
    format!(
        "<tr data-kind=\"{code}\" data-kind-label=\"{label}\" data-muni=\"{muni}\" data-muni-name=\"{muni_name}\" data-children=\"{children}\">\
         <td><span class=\"kind k-{code}\">{label}</span></td>\
         <td>{name}{kana}</td><td>{muni_name}</td><td>{contact}</td><td>{conditions}</td></tr>\n",
        label = esc(label),
        muni = esc(&p.municipality_code),
        muni_name = esc(&record.municipality),
        name = esc(&p.name),
        contact = lines_html(&record.contact_lines()),
        conditions = lines_html(&record.condition_lines()),
    )
}
