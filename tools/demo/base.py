"""The demo generator's vocabulary: its rates, the Event it plans and the DemoArticle it writes, shared helpers."""

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from loaders.assets import read_csv, read_json, read_lines
from loaders.textnorm import fold, strip_marks
from loaders.types import RawRecord

DEFAULT_SEED = 20250701
TEMPLATES = "demo_templates.json"
SURNAMES_ASSET = "vn_surnames.txt"
COMMON_SURNAMES = 24  # the Kinh names at the head of the asset, most frequent first
DISTRICTS = "districts.csv"  # the gazetteer's districts by province (scripts/build_districts.py)
# the demo's district events are rural-district committees: the text calls each one "huyện"
DISTRICT_TYPE = "Huyện"
FIRST_YEAR, LAST_YEAR = 2015, 2025
LAST_EVENT_DAY = date(2025, 6, 30)  # the demo stays in the 63-province era (merger: 1 July 2025)
SOURCE = "demo"

# Chance that a province reports a meeting of each type in a given year: tuned so the whole
# corpus lands near 800 articles with review meetings dominating, as in real collections.
TYPE_RATES = {"tong_ket": 0.36, "so_ket": 0.22, "tap_huan": 0.08, "thong_tin_thoi_su": 0.05,
              "hop": 0.05, "trien_khai": 0.05, "khac": 0.03}
CENTRAL_RATES = {"tong_ket": 0.8, "tap_huan": 0.5, "khac": 0.6, "trien_khai": 0.3}
DISTRICT_EVENTS = 30
NEGATIVE_EVENTS = {"foreign_visit": 30, "people_diplomacy": 20, "ubnd_plan": 18, "investment": 14, "tag_page": 6}
SECOND_OUTLET_SHARE = 0.10  # same meeting, another outlet, other wording
REPOST_SHARE = 0.04  # near-verbatim copy on another site
DELEGATION_SHARE = {"tong_ket": 0.55, "so_ket": 0.3}
COCHAIR_SHARE = 0.25
NO_CHAIR_SHARE = {"tap_huan": 0.6, "thong_tin_thoi_su": 0.6, "khac": 0.7}
NO_DATELINE_SHARE = 0.25
BARE_COMMITTEE_SHARE = 0.15  # lede says "Ban Chỉ đạo ... tỉnh" without naming it; the title does
DUPLICATED_LEDE_SHARE = 0.12
# International travel collapsed in the pandemic years; the figures follow.
TRAVEL_FACTOR = {2020: 0.35, 2021: 0.2, 2022: 0.65}
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
TERMS = ((2015, 2019), (2020, 2025))  # party terms: a committee head usually serves one
LAST_CRAWL = datetime(2026, 6, 30)  # site clocks show a later crawl day, but never the future
CAPTIONED_NEGATIVES = ("foreign_visit", "people_diplomacy", "investment")
SLUG_RE = re.compile(r"[^a-z0-9]+")
FIELD_RE = re.compile(r"\{(\w+)\}")
COUNT_KEYS = {"di": "delegations_in", "vi": "visitors_in", "do": "delegations_out", "vo": "visitors_out"}


@dataclass
class Event:
    """One thing that happened, before any outlet wrote about it."""

    kind: str  # a meeting type, or a negative kind ("foreign_visit", ...)
    level: str | None
    province: str | None
    day: date
    relevant: bool
    district: str | None = None
    review_year: int | None = None
    chairs: list[tuple[str, dict]] = field(default_factory=list)  # (name, title template)
    extras: dict = field(default_factory=dict)  # fixed facts every retelling shares (counts, doc, k)

    @property
    def meeting_type(self) -> str | None:
        return self.kind if self.relevant else None

    @property
    def period(self) -> str | None:
        if self.kind == "so_ket":
            return f"{self.day.year}H1"
        if self.kind == "tong_ket" and self.relevant:
            return str(self.review_year)
        return None


@dataclass(frozen=True)
class DemoArticle:
    """A generated record with the answers the loader should find in it."""

    record: RawRecord
    truth: dict



def provinces() -> list[str]:
    """The 63 pre-2025 province names, from the project's gazetteer."""
    return [row.get("province") or row["name"] for row in read_csv("provinces.csv")]


def districts_of(province: str) -> list[str]:
    """The huyện of ``province`` from the gazetteer's district table, leaving out any whose name is
    also a province's name or alias (huyện Quảng Ninh is in Quảng Bình: a reader of "huyện Quảng
    Ninh, tỉnh Quảng Bình" could not tell which province the meeting belongs to)."""
    province_names = {fold(r["province"]) for r in read_csv("provinces.csv")}
    province_names |= {fold(r["alias"]) for r in read_csv("province_aliases.csv")}
    return [r["district"] for r in read_csv(DISTRICTS)
            if r["province"] == province and r["type"] == DISTRICT_TYPE and fold(r["district"]) not in province_names]


def templates() -> dict:
    return read_json(TEMPLATES)


def seeded(seed: int, *parts) -> random.Random:
    """A generator fixed by the seed and a name: stable no matter what else was drawn."""
    return random.Random("|".join(str(p) for p in (seed, *parts)))


def common_surnames() -> tuple[str, ...]:
    """The most frequent family names: the head of the loader's own surname list (one list, two uses)."""
    return read_lines(SURNAMES_ASSET)[:COMMON_SURNAMES]


def person_name(rng: random.Random, tpl: dict) -> str:
    people = tpl["people"]
    female = rng.random() < 0.3
    middle = rng.choice(people["middles_f" if female else "middles_m"])
    given = rng.choice(people["given_f" if female else "given_m"])
    return f"{rng.choice(common_surnames())} {middle} {given}"


def fmt_num(n: int) -> str:
    """Vietnamese thousands separator: 1250 -> '1.250'."""
    return f"{n:,}".replace(",", ".")


def slug(text: str, limit: int = 80) -> str:
    return SLUG_RE.sub("-", strip_marks(text)).strip("-")[:limit].rstrip("-")


def fill(template: str, fields: dict) -> str:
    return FIELD_RE.sub(lambda m: str(fields[m.group(1)]), template)


def _workday(day: date) -> date:
    """Meetings fall on working days: Saturday -> Friday, Sunday -> Monday."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


def _clip(day: date) -> date:
    return min(_workday(day), _workday(LAST_EVENT_DAY))


def random_day(rng: random.Random, start: date, end: date) -> date:
    end = min(end, LAST_EVENT_DAY)  # draw inside the window, so days do not pile up on its edge
    return _clip(start + timedelta(days=rng.randrange(max(1, (end - start).days + 1))))

