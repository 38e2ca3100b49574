"""The places assets are consistent with each other and with vietnamadminunits."""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import vietnamadminunits as vau

from loaders.assets import read_csv, read_json
from loaders.schema import REGIONS
from loaders.textnorm import fold, strip_marks

ROOT = Path(__file__).resolve().parents[2]
ALIAS_KINDS = {"name", "city", "abbr", "byline", "key"}

PROVINCES = read_csv("provinces.csv")
PROVINCES_2025 = read_csv("provinces_2025.csv")
ALIASES = read_csv("province_aliases.csv")
DOMAINS = read_csv("outlet_domains.csv")
NAMES = {r["province"] for r in PROVINCES}
NAMES_2025 = {r["province"] for r in PROVINCES_2025}


def package_data() -> Path:
    return Path(vau.__file__).resolve().parent / "data"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", strip_marks(text))


def test_63_unique_provinces_with_codes_and_coordinates():
    assert len(PROVINCES) == 63
    assert len(NAMES) == 63
    assert len({r["code"] for r in PROVINCES}) == 63
    for row in PROVINCES:
        assert 8.0 < float(row["lat"]) < 24.0 and 102.0 < float(row["lon"]) < 110.0, row["province"]


def test_34_units_after_2025_and_every_old_province_maps_to_one():
    assert len(PROVINCES_2025) == 34 and len(NAMES_2025) == 34
    assert {r["province_2025"] for r in PROVINCES} == NAMES_2025


def test_regions_are_the_schema_regions_and_all_used():
    assert {r["region"] for r in PROVINCES} == set(REGIONS)


def test_canonical_spellings_follow_labeling_md():
    for name in ("Khánh Hòa", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh", "Đắk Lắk", "Hà Nội", "Cần Thơ"):
        assert name in NAMES


def test_every_alias_names_one_known_province_with_a_known_kind():
    for row in ALIASES:
        assert row["province"] in NAMES, row
        assert row["kind"] in ALIAS_KINDS, row
        assert row["alias"].strip() == row["alias"] and row["alias"], row


def initials(name: str) -> str:
    return "".join(w[0] for w in re.sub(r"^(?:TP\.|Thành phố)\s*", "", name).replace("-", " ").split()).upper()


@pytest.mark.parametrize("tag, provinces", [
    pytest.param("ĐN", {"Đồng Nai", "Đà Nẵng", "Đắk Nông"}, id="DN-three-provinces"),
    pytest.param("HG", {"Hà Giang", "Hậu Giang"}, id="HG-two-provinces"),
    pytest.param("QN", {"Quảng Nam", "Quảng Ngãi", "Quảng Ninh"}, id="QN-three-provinces"),
])
def test_initials_shared_by_provinces(tag, provinces):
    assert {r["province"] for r in PROVINCES if initials(r["province"]) == tag} == provinces


def test_no_byline_tag_is_initials_shared_by_several_provinces():
    # "(ĐN) -" opens articles of Đồng Nai's, Đà Nẵng's and Đắk Nông's outlets alike: such a tag names no one
    shared = {tag for tag, n in Counter(initials(r["province"]) for r in PROVINCES).items() if n > 1}
    assert not [r["alias"] for r in ALIASES if r["kind"] == "byline" and fold(r["alias"]).upper() in shared]


def test_no_alias_is_ambiguous_after_fold():
    owners: dict[str, set[str]] = {}
    for row in PROVINCES:
        owners.setdefault(fold(row["province"]), set()).add(row["province"])
    for row in ALIASES:
        owners.setdefault(fold(row["alias"]), set()).add(row["province"])
    ambiguous = {alias: who for alias, who in owners.items() if len(who) > 1}
    assert not ambiguous
    assert not [a for a, n in Counter(fold(r["alias"]) for r in ALIASES).items() if n > 1], "duplicate alias rows"


def test_no_unaccented_slug_is_ambiguous():
    owners: dict[str, set[str]] = {}
    for row in PROVINCES:
        owners.setdefault(slug(row["province"]), set()).add(row["province"])
    for row in ALIASES:
        owners.setdefault(slug(row["alias"]), set()).add(row["province"])
    assert not {s: who for s, who in owners.items() if len(who) > 1}


def test_every_outlet_domain_maps_to_a_known_province_once():
    assert DOMAINS
    for row in DOMAINS:
        assert row["province"] in NAMES, row
        assert re.fullmatch(r"(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", row["domain"]), row
    assert not [d for d, n in Counter(r["domain"] for r in DOMAINS).items() if n > 1]


def test_every_trap_phrase_contains_a_place_name():
    """A trap that hides no province name would be dead data."""
    context = read_json("place_context.json")
    forms = [fold(n) for n in NAMES] + [fold(r["alias"]) for r in ALIASES if r["kind"] in {"name", "city"}]
    forms += ["quảng tây"]
    for trap in context["traps"]:
        assert any(f in fold(trap) for f in forms), trap


def test_provinces_agree_with_vietnamadminunits():
    db = sqlite3.connect(package_data() / "dataset.db")
    legacy = dict(db.execute("SELECT DISTINCT provinceCode, provinceKey FROM admin_units_legacy"))
    new = dict(db.execute("SELECT DISTINCT provinceCode, provinceKey FROM admin_units"))
    assert {r["code"]: r["key"] for r in PROVINCES} == legacy
    assert {r["code"]: r["key"] for r in PROVINCES_2025} == new


def test_merger_agrees_with_vietnamadminunits_converter():
    converter = json.loads((package_data() / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    key_2025 = {r["province"]: r["key"] for r in PROVINCES_2025}
    for row in PROVINCES:
        assert row["key"] in converter[key_2025[row["province_2025"]]], row["province"]


def test_canonical_names_parse_to_their_own_code_in_vietnamadminunits():
    for row in PROVINCES:
        unit = vau.parse_address(row["province"], mode="LEGACY", level=1)
        assert unit.province_code == row["code"], row["province"]


def test_gazetteer_assets_are_what_the_build_script_writes():
    package_data()
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
