"""The district fact table (assets/districts.csv) and the demo's use of it: every district the demo
writes is written into its own province."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from loaders.assets import read_csv
from loaders.textnorm import fold
from tools import demo
from tools.demo.base import districts_of, provinces
from tools.demo.events import plan_events

ROOT = Path(__file__).resolve().parents[2]
DISTRICTS = read_csv("districts.csv")
PROVINCE_OF = {}
for _row in DISTRICTS:
    PROVINCE_OF.setdefault(fold(_row["district"]), set()).add(_row["province"])
# "huyện Đông Hưng, tỉnh Thái Bình": a district with its province after it, as the demo writes it
PROVINCE_NAMES = sorted({*provinces(), "Thành phố Hồ Chí Minh"}, key=len, reverse=True)
DISTRICT_IN_PROVINCE_RE = re.compile(r"huyện ([^,.;()]+?), (?:tỉnh |thành phố )?("
                                     + "|".join(map(re.escape, PROVINCE_NAMES)) + r")(?!\w)")


def test_asset_is_what_the_builder_writes_from_the_package():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_districts.py"), "--check"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("district, province", [
    pytest.param("Đông Hưng", "Thái Bình", id="the demo's old first row put it in Hà Nội"),
    pytest.param("Thạch Thất", "Hà Nội", id="a district of the capital"),
    pytest.param("Krông Búk", "Đắk Lắk", id="a Central Highlands name with a K"),
    pytest.param("Hải Hậu", "Nam Định", id="a delta district"),
])
def test_known_districts_sit_in_their_province(district, province):
    assert province in PROVINCE_OF[fold(district)]


def test_every_province_has_districts_and_codes_are_unique():
    assert {r["province"] for r in DISTRICTS} == set(provinces())
    assert not [code for code, n in Counter(r["code"] for r in DISTRICTS).items() if n > 1]
    assert {r["type"] for r in DISTRICTS} == {"Huyện", "Quận", "Thị xã", "Thành phố"}


@pytest.mark.parametrize("province", provinces())
def test_demo_can_draw_a_district_of_each_province_and_none_is_named_like_a_province(province):
    names = {fold(p) for p in provinces()}
    own = districts_of(province)
    assert own, f"{province} has no huyện the demo could use"
    assert all(province in PROVINCE_OF[fold(d)] for d in own)
    assert not names.intersection(fold(d) for d in own)


def test_every_district_event_is_in_its_own_province():
    events = [e for e in plan_events(demo.base.DEFAULT_SEED) if e.level == "district"]
    assert events
    misplaced = [(e.district, e.province) for e in events if e.province not in PROVINCE_OF.get(fold(e.district), ())]
    assert not misplaced


def test_every_district_written_in_the_demo_text_is_in_the_province_written_after_it():
    pairs = [(m.group(1).strip(), m.group(2).strip()) for a in demo.demo_articles()
             for m in DISTRICT_IN_PROVINCE_RE.finditer(a.record.text)]
    assert pairs, "the demo writes district meetings as 'huyện X, tỉnh Y'"
    hcm = {fold("Thành phố Hồ Chí Minh"): fold("TP. Hồ Chí Minh")}
    misplaced = [(d, p) for d, p in pairs
                 if hcm.get(fold(p), fold(p)) not in {fold(x) for x in PROVINCE_OF.get(fold(d), ())}]
    assert not misplaced
