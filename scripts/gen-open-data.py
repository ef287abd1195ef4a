#!/usr/bin/env python3
"""Writes a synthetic MHLW open-data CSV (the 24 published columns, UTF-8 with BOM) of N
visiting nursing stations spread over Saitama's municipalities, for the import benchmark.

usage: gen-open-data.py ROWS OUT.csv
"""
import csv
import os
import sys

HEADERS = [
    "都道府県コード又は市区町村コード", "NO（※システム内の固有の番号、連番）", "都道府県名",
    "市区町村名", "事業所名", "事業所名カナ", "サービスの種類", "住所", "方書（ビル名等）", "緯度",
    "経度", "電話番号", "FAX番号", "法人番号", "法人の名称", "事業所番号", "利用可能曜日",
    "利用可能曜日特記事項", "定員", "URL",
    "高齢者の方と障害者の方が同時一体的に利用できるサービス",
    "介護保険の通常の指定基準を満たしている", "障害福祉の通常の指定基準を満たしている", "備考",
]


def main(rows: int, out: str) -> None:
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "fixtures", "municipalities", "saitama.tsv"), encoding="utf-8") as f:
        cities = [line.rstrip("\n").split("\t") for line in f][1:]
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(HEADERS)
        for i in range(rows):
            code6, _code5, name, _kana, _kind, _parent, lat, lon = cities[i % len(cities)]
            w.writerow([
                code6, i + 1, "埼玉県", name, f"訪問看護ステーション髙﨑{i}",
                f"ホウモンカンゴステーションタカサキ{i}", "訪問看護", f"埼玉県{name}本町{i % 50 + 1}-{i % 7 + 1}",
                "", f"{float(lat) + (i % 100) * 1e-4:.6f}", f"{float(lon) + (i % 100) * 1e-4:.6f}",
                f"048-{i // 10000 % 1000:03d}-{i % 10000:04d}", "", "", "", str(1_100_000_000 + i),
                "月火水木金", "", "", "", "", "", "", "",
            ])


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
