#!/usr/bin/env python3
"""Build the province gazetteer assets from the vietnamadminunits package data.

Writes assets/provinces.csv (the 63 pre-July-2025 provinces: canonical name, code, key,
lat/lon, the unit it merged into on 1 July 2025, socio-economic region) and
assets/provinces_2025.csv (the 34 units after the merger).

Reads the package's sqlite and json files directly: its geocoding path goes online and is
never touched. Names are canonicalised through the package's own parser (LEGACY mode,
level 1) so that our display spelling and its province table agree code for code.

usage: python scripts/build_gazetteer.py [--check]   (--check: fail if the assets are stale)
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from pathlib import Path

import vietnamadminunits
from vietnamadminunits import parse_address

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
PACKAGE_DATA = Path(vietnamadminunits.__file__).resolve().parent / "data"

# Display spelling used by LABELING.md where it differs from the package's short name.
# Code 46 is "Thành phố Huế" in the package (renamed in 2025); before that it was the
# province Thừa Thiên Huế, which is what the 63-province list calls it.
LEGACY_DISPLAY = {"46": "Thừa Thiên Huế", "79": "TP. Hồ Chí Minh"}
NEW_DISPLAY = {"79": "TP. Hồ Chí Minh"}

# The six socio-economic regions (loaders/schema.py REGIONS), by pre-2025 province code.
REGION_CODES = {
    "Trung du và miền núi phía Bắc": ["02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20",
                                       "24", "25"],
    "Đồng bằng sông Hồng": ["01", "22", "26", "27", "30", "31", "33", "34", "35", "36", "37"],
    "Bắc Trung Bộ và Duyên hải miền Trung": ["38", "40", "42", "44", "45", "46", "48", "49", "51", "52", "54",
                                             "56", "58", "60"],
    "Tây Nguyên": ["62", "64", "66", "67", "68"],
    "Đông Nam Bộ": ["70", "72", "74", "75", "77", "79"],
    "Đồng bằng sông Cửu Long": ["80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"],
}
REGION_OF_CODE = {code: region for region, codes in REGION_CODES.items() for code in codes}


def legacy_rows(db: sqlite3.Connection) -> list[dict]:
    query = ("SELECT DISTINCT provinceCode, provinceShort, provinceKey, provinceLat, provinceLon "
             "FROM admin_units_legacy ORDER BY provinceCode")
    return [dict(zip(("code", "short", "key", "lat", "lon"), row, strict=True)) for row in db.execute(query)]


def new_rows(db: sqlite3.Connection) -> list[dict]:
    query = ("SELECT DISTINCT provinceCode, provinceShort, provinceKey, provinceLat, provinceLon "
             "FROM admin_units ORDER BY provinceCode")
    return [dict(zip(("code", "short", "key", "lat", "lon"), row, strict=True)) for row in db.execute(query)]


def canonical_code(name: str) -> str | None:
    """The package's own reading of a province name (LEGACY, level 1): its code."""
    unit = parse_address(name, mode="LEGACY", level=1)
    return getattr(unit, "province_code", None)


def build() -> dict[str, str]:
    db = sqlite3.connect(PACKAGE_DATA / "dataset.db")
    converter = json.loads((PACKAGE_DATA / "converter_2025.json").read_text(encoding="utf-8"))
    new = new_rows(db)
    new_by_key = {r["key"]: r for r in new}
    merged_into = {old: new_key for new_key, olds in converter["DICT_PROVINCE"].items() for old in olds}

    legacy = legacy_rows(db)
    if len(legacy) != 63 or len(new) != 34:
        raise SystemExit(f"unexpected package data: {len(legacy)} legacy, {len(new)} new provinces")

    out_legacy = []
    for r in legacy:
        name = LEGACY_DISPLAY.get(r["code"], r["short"])
        if canonical_code(name) != r["code"]:
            raise SystemExit(f"vietnamadminunits does not read {name!r} as code {r['code']}")
        target = new_by_key[merged_into[r["key"]]]
        out_legacy.append({
            "province": name, "code": r["code"], "key": r["key"],
            "lat": f"{r['lat']:.6f}", "lon": f"{r['lon']:.6f}",
            "province_2025": NEW_DISPLAY.get(target["code"], target["short"]),
            "region": REGION_OF_CODE[r["code"]],
        })
    out_new = [{"province": NEW_DISPLAY.get(r["code"], r["short"]), "code": r["code"], "key": r["key"],
                "lat": f"{r['lat']:.6f}", "lon": f"{r['lon']:.6f}"} for r in new]
    return {"provinces.csv": to_csv(out_legacy), "provinces_2025.csv": to_csv(out_new)}


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    files = build()
    if "--check" in argv:
        stale = [n for n, text in files.items() if (ASSETS / n).read_text(encoding="utf-8") != text]
        if stale:
            print("stale:", ", ".join(stale))
            return 1
        return 0
    for name, text in files.items():
        (ASSETS / name).write_text(text, encoding="utf-8")
        print(f"wrote assets/{name} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
