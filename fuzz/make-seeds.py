#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from the provider fixtures (fixtures/providers).

Usage: fuzz/make-seeds.py OUT_DIR   -> OUT_DIR/{csv_table,xlsx_table,mapping_json}/...
- csv_table: each fixture CSV, prefixed with the selector byte the target reads first
  (encoding auto/utf8/sjis; comma or tab), plus UTF-16 LE/BE copies with a BOM.
- xlsx_table: small workbooks written here from the fixtures' first rows (shared strings,
  inline strings, numbers, a formula with its cached value, an error cell), so the fuzzer
  starts from a real zip container instead of finding one by chance.
- mapping_json: mappings for the three layouts, as the app saves them.
"""
import csv
import io
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures", "providers")


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(rows, shared=True):
    strings, index = [], {}
    sheet = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{col_name(c)}{r}"
            if value == "":
                continue
            try:
                float(value)
                is_num = r > 1
            except ValueError:
                is_num = False
            if is_num:
                cells.append(f'<c r="{ref}"><v>{escape(value)}</v></c>')
            elif shared:
                if value not in index:
                    index[value] = len(strings)
                    strings.append(value)
                cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        sheet.append(f'<row r="{r}">{"".join(cells)}</row>')
    n = len(rows) + 1
    sheet.append(f'<row r="{n}"><c r="A{n}"><f>1+1</f><v>2</v></c>'
                 f'<c r="B{n}" t="e"><v>#N/A</v></c><c r="C{n}" t="b"><v>1</v></c></row>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                   '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                   '</Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '</Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                   '<sheets><sheet name="事業所" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                   '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   f'<sheetData>{"".join(sheet)}</sheetData></worksheet>')
        sst = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        z.writestr("xl/sharedStrings.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   f'count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>')
    return out.getvalue()


def main(out_dir):
    dirs = {t: os.path.join(out_dir, t) for t in ("csv_table", "xlsx_table", "mapping_json")}
    for d in dirs.values():
        os.makedirs(d, exist_ok=True)
    utf8 = []
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".csv"):
            continue
        data = open(os.path.join(FIXTURES, name), "rb").read()
        for sel in (0, 1, 2, 0x80):
            open(os.path.join(dirs["csv_table"], f"{name}.{sel}"), "wb").write(bytes([sel]) + data)
        if "sjis" not in name:
            text = data.decode("utf-8-sig")
            utf8.append((name, text))
            open(os.path.join(dirs["csv_table"], f"{name}.utf16le"), "wb").write(
                b"\x00\xff\xfe" + text.encode("utf-16-le"))
            open(os.path.join(dirs["csv_table"], f"{name}.utf16be"), "wb").write(
                b"\x00\xfe\xff" + text.encode("utf-16-be"))
    for name, text in utf8:
        rows = list(csv.reader(io.StringIO(text)))[:12]
        open(os.path.join(dirs["xlsx_table"], f"{name}.xlsx"), "wb").write(xlsx(rows))
        open(os.path.join(dirs["xlsx_table"], f"{name}.inline.xlsx"), "wb").write(xlsx(rows[:4], shared=False))
        header = rows[0]
        fields = ["kind", "name", "kana", "postal_code", "address", "address_extra", "municipality_name"]
        mapping = {"layout": "custom",
                   "columns": [{"header": h, "field": fields[i] if i < len(fields) else None}
                               for i, h in enumerate(header)],
                   "default_kind": None, "record_source": "import"}
        open(os.path.join(dirs["mapping_json"], f"{name}.json"), "w").write(json.dumps(mapping, ensure_ascii=False))
    open(os.path.join(dirs["mapping_json"], "survey.json"), "w").write(json.dumps(
        {"layout": "survey", "columns": [{"header": "事業所名", "field": "name"},
                                         {"header": "人工呼吸器", "field": "care_item:ventilator"}],
         "default_kind": "visiting_nursing"}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
