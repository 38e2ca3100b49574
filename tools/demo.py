"""A synthetic demo corpus: realistic-looking Vietnamese reports, generated, never scraped.

The dashboard needs something to show before a user brings their own articles. This module
writes ~800 articles from the project's own templates (assets/demo_templates.json): every
one of the 63 provinces, 2015-2025, every meeting type, central- and district-level events,
delegation figures, themes, the page furniture real scrapes carry (site clocks, datelines,
duplicated ledes, captions, widgets, bylines), near-topic articles that are not reports,
and the same meeting told twice (another outlet's wording, a near-verbatim re-post).

People are invented; outlets live under the reserved ``.invalid`` domain. Generation is a
pure function of the seed. ``demo_corpus`` pushes the records through the real loader, so
the demo exercises the extractors instead of bypassing them.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from loaders.assets import read_csv, read_json
from loaders.io.cache import default_cache_dir
from loaders.pipeline import load_corpus
from loaders.schema import MEETING_TYPES, Corpus
from loaders.textnorm import strip_marks
from loaders.types import RawRecord

DEFAULT_SEED = 20250701
TEMPLATES = "demo_templates.json"
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


# ---------------------------------------------------------------- reference data

def provinces() -> list[str]:
    """The 63 pre-2025 province names, from the project's gazetteer."""
    return [row.get("province") or row["name"] for row in read_csv("provinces.csv")]


def _templates() -> dict:
    return read_json(TEMPLATES)


def _seeded(seed: int, *parts) -> random.Random:
    """A generator fixed by the seed and a name: stable no matter what else was drawn."""
    return random.Random("|".join(str(p) for p in (seed, *parts)))


def _person(rng: random.Random, tpl: dict) -> str:
    people = tpl["people"]
    female = rng.random() < 0.3
    middle = rng.choice(people["middles_f" if female else "middles_m"])
    given = rng.choice(people["given_f" if female else "given_m"])
    return f"{rng.choice(people['surnames'])} {middle} {given}"


def _fmt_num(n: int) -> str:
    """Vietnamese thousands separator: 1250 -> '1.250'."""
    return f"{n:,}".replace(",", ".")


def _slug(text: str, limit: int = 80) -> str:
    return SLUG_RE.sub("-", strip_marks(text)).strip("-")[:limit].rstrip("-")


def _fill(template: str, fields: dict) -> str:
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


def _random_day(rng: random.Random, start: date, end: date) -> date:
    end = min(end, LAST_EVENT_DAY)  # draw inside the window, so days do not pile up on its edge
    return _clip(start + timedelta(days=rng.randrange(max(1, (end - start).days + 1))))


# ---------------------------------------------------------------- events

def _chairs(seed: int, tpl: dict, province: str, level: str, year: int, kind: str,
            rng: random.Random) -> list[tuple[str, dict]]:
    """The committee head is the same person through a term; sometimes a deputy co-chairs."""
    if rng.random() < NO_CHAIR_SHARE.get(kind, 0.08):
        return []
    term = next(i for i, (a, b) in enumerate(TERMS) if a <= year <= b)
    stable = _seeded(seed, "chair", province, level, term)
    titles = tpl["chair_titles"]["central" if level == "central" else level]
    head = (_person(stable, tpl), stable.choice(titles))
    if level == "province" and rng.random() < COCHAIR_SHARE:
        deputy = _seeded(seed, "deputy", province, term)
        return [head, (_person(deputy, tpl), deputy.choice(tpl["chair_titles"]["cochair"]))]
    return [head]


def _counts(rng: random.Random, weight: float, year: int, kind: str) -> dict:
    scale = weight * TRAVEL_FACTOR.get(year, 1.0) * (0.5 if kind == "so_ket" else 1.0)
    di = max(2, round(rng.uniform(8, 45) * scale))
    do = max(1, round(di * rng.uniform(0.15, 0.5)))
    return {"di": di, "vi": di * rng.randint(4, 14), "do": do, "vo": do * rng.randint(3, 8)}


def _meeting_day(rng: random.Random, kind: str, year: int) -> tuple[date, int | None]:
    """(meeting day, reviewed year). Mid-year reviews in Jun-Aug; year-end ones Dec-Feb."""
    if kind == "so_ket":
        return _random_day(rng, date(year, 6, 20), date(year, 8, 20)), year
    if kind == "tong_ket":
        reviewed = year - 1
        if rng.random() < 0.3 and reviewed >= FIRST_YEAR:
            return _random_day(rng, date(reviewed, 12, 10), date(reviewed, 12, 30)), reviewed
        return _random_day(rng, date(year, 1, 5), date(year, 2, 27)), reviewed
    return _random_day(rng, date(year, 2, 15), date(year, 12, 15)), None


def _province_events(seed: int, tpl: dict, names: list[str]) -> list[Event]:
    rng = _seeded(seed, "province-events")
    events = []
    for province in names:
        weight = 4.0 if province in tpl["cities_centrally_run"] else _seeded(seed, "w", province).uniform(0.5, 2.5)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for kind, rate in TYPE_RATES.items():
                if rng.random() >= rate:
                    continue
                day, reviewed = _meeting_day(rng, kind, year)
                if day.year == LAST_YEAR and kind == "so_ket" and day > LAST_EVENT_DAY:
                    continue
                extras = {"weight": weight}
                if rng.random() < DELEGATION_SHARE.get(kind, 0):
                    extras["counts"] = _counts(rng, weight, day.year, kind)
                events.append(Event(kind, "province", province, day, True, review_year=reviewed,
                                    chairs=_chairs(seed, tpl, province, "province", day.year, kind, rng),
                                    extras=extras))
    covered = {e.province for e in events}
    for province in names:  # every province appears at least once, whatever the dice said
        if province not in covered:
            day, reviewed = _meeting_day(rng, "tong_ket", 2020)
            events.append(Event("tong_ket", "province", province, day, True, review_year=reviewed,
                                chairs=_chairs(seed, tpl, province, "province", 2020, "tong_ket", rng)))
    return events


def _central_events(seed: int, tpl: dict) -> list[Event]:
    rng = _seeded(seed, "central-events")
    events = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for kind, rate in CENTRAL_RATES.items():
            if rng.random() >= rate:
                continue
            day, reviewed = _meeting_day(rng, kind, year)
            chairs = _chairs(seed, tpl, "Trung ương", "central", day.year, kind, rng) if kind == "tong_ket" else []
            extras = {"k": day.year - 2014}
            extras.update(rng.choice(tpl["central"]["sides"]))
            events.append(Event(kind, "central", None, day, True, review_year=reviewed, chairs=chairs, extras=extras))
    return events


def _district_events(seed: int, tpl: dict, names: list[str]) -> list[Event]:
    rng = _seeded(seed, "district-events")
    events = []
    for _ in range(DISTRICT_EVENTS):
        province, kind = rng.choice(names), rng.choice(sorted(tpl["district"]["titles"]))
        day, reviewed = _meeting_day(rng, kind, rng.randint(FIRST_YEAR, LAST_YEAR))
        district = rng.choice(tpl["districts"])
        events.append(Event(kind, "district", province, day, True, district=district, review_year=reviewed,
                            chairs=_chairs(seed, tpl, f"{province}/{district}", "district", day.year, kind, rng)))
    return events


def _negative_events(seed: int, tpl: dict, names: list[str]) -> list[Event]:
    rng = _seeded(seed, "negative-events")
    events = []
    for kind, n in NEGATIVE_EVENTS.items():
        for _ in range(n):
            year = rng.randint(FIRST_YEAR, LAST_YEAR)
            # a people-to-people year-end review happens at year end, like ours
            day, _ = _meeting_day(rng, "tong_ket" if kind == "people_diplomacy" else "khac", year)
            province = None if kind == "tag_page" else rng.choice(names)
            host = [(_person(rng, tpl), rng.choice(tpl["chair_titles"]["host"]))]
            events.append(Event(kind, None if kind == "tag_page" else "province", province, day, False,
                                review_year=day.year - 1, chairs=host, extras={"k": rng.randint(10, 2999)}))
    return events


def plan_events(seed: int = DEFAULT_SEED) -> list[Event]:
    """Everything that 'happened' in the demo world, in a stable order."""
    tpl, names = _templates(), provinces()
    return (_province_events(seed, tpl, names) + _central_events(seed, tpl)
            + _district_events(seed, tpl, names) + _negative_events(seed, tpl, names))


# ---------------------------------------------------------------- wording

def _when(rng: random.Random, day: date, with_year: bool) -> str:
    if with_year:
        return rng.choice((f"{rng.choice(('Sáng', 'Chiều'))} ngày {day.day:02d}/{day.month:02d}/{day.year}",
                           f"Ngày {day.day}/{day.month}/{day.year}"))
    part = rng.choice(("Sáng", "Chiều", "Ngày"))
    sep = rng.choice(("/", "/", "-"))
    month = f"{day.month:02d}" if rng.random() < 0.3 else str(day.month)
    return f"{part} {day.day}{sep}{month}"


def _place_fields(event: Event, tpl: dict, rng: random.Random) -> dict:
    """How the text names the committee and its place (province, city or district)."""
    if event.province is None:  # central level: the country is the place
        return {"unit": "cả nước", "party": "Trung ương", "subject": "cả nước", "place": "Việt Nam",
                "district": "", "prov_name": "Việt Nam", "bcd": "Ban Chỉ đạo công tác thông tin đối ngoại Trung ương",
                "bare": False, "ubnd": "Chính phủ", "ubnd_cap": "Chính phủ"}
    prov = event.province
    city = prov in tpl["cities_centrally_run"]
    unit, party = ("thành phố", "Thành ủy") if city else ("tỉnh", "Tỉnh ủy")
    in_text = "Thành phố Hồ Chí Minh" if prov == "TP. Hồ Chí Minh" and rng.random() < 0.5 else prov
    subject = in_text if in_text.startswith(("TP.", "Thành phố")) else f"{unit} {in_text}"
    place = prov
    if event.district:
        unit, party = "huyện", "Huyện ủy"
        subject = f"huyện {event.district}, {subject}"
        place = f"{event.district} ({prov})"
    bcd_named = f"Ban Chỉ đạo công tác thông tin đối ngoại {subject}"
    bcd = bcd_named if rng.random() >= BARE_COMMITTEE_SHARE else f"Ban Chỉ đạo công tác thông tin đối ngoại {unit}"
    ubnd = f"UBND {unit}"
    return {"unit": unit, "party": party, "subject": subject, "place": place, "district": event.district or "",
            "prov_name": in_text, "bcd": bcd, "bare": bcd != bcd_named, "ubnd": ubnd, "ubnd_cap": ubnd}


def _people_fields(event: Event, base: dict, tpl: dict, rng: random.Random) -> dict:
    out = {}
    for i, (name, title) in enumerate(event.chairs[:2]):
        key = "chair" if i == 0 else "cochair"
        out[key] = name
        out[f"{key}_title"] = _fill(title["full"], base)
        short = _fill(title["short"], base)
        out[f"{key}_short_cap"] = short[0].upper() + short[1:]
    speaker_title = rng.choice(tpl["chair_titles"]["speaker"])
    out["speaker"] = _person(rng, tpl)
    out["speaker_title"] = speaker_title["full"]
    out["host"], out["host_title"] = (out.get("chair", ""), out.get("chair_title", ""))
    return out


def _document(tpl: dict, year: int, rng: random.Random) -> dict:
    """A document that existed and was current in ``year`` (the templates cover every demo year)."""
    return rng.choice([d for d in tpl["documents"] if d["from"] <= year <= d["to"]])


def _fields(event: Event, tpl: dict, rng: random.Random, with_year: bool) -> dict:
    base = _place_fields(event, tpl, rng)
    base.update(y=event.day.year, X=event.review_year or event.day.year - 1,
                X1=(event.review_year or event.day.year - 1) + 1, when=_when(rng, event.day, with_year),
                attendees=rng.choice(("gần 100", "hơn 120", "150", "khoảng 200", "80", "hơn 250")),
                entries=rng.randint(60, 420), k=event.extras.get("k", rng.randint(2, 9)),
                side=event.extras.get("side", "Bắc"), n_prov=event.extras.get("n_prov", "28"), country=rng.choice(tpl["partner_countries"]))
    doc = _document(tpl, event.day.year, rng)
    base.update(doc_short=doc["short"], doc_full=doc["full"])
    neighbours = [c for c, provs in sorted(tpl["border"].items()) if event.province in provs]
    base["neighbour"] = rng.choice(neighbours) if neighbours else "các nước láng giềng"
    foreign = rng.choice(tpl["foreign_localities"])
    base["foreign"], base["foreign_country"] = foreign["name"], foreign["country"]
    issued = event.day - timedelta(days=rng.randint(2, 20))
    base["plan_year"] = event.day.year + 1 if event.day.month >= 10 else event.day.year  # plans precede their year
    base["doc_date"] = f"{issued.day:02d}/{issued.month:02d}/{issued.year}"
    base.update(_people_fields(event, base, tpl, rng))
    return base


def _chair_sentence(event: Event, fields: dict, tpl: dict, rng: random.Random) -> str | None:
    if not event.chairs:
        return None
    pool = tpl["cochair_sentences"] if len(event.chairs) > 1 else tpl["chair_sentences"]
    return _fill(rng.choice(pool), fields)


def _theme_sentences(event: Event, fields: dict, tpl: dict, rng: random.Random, k: int) -> list[str]:
    allowed = []
    for key, theme in sorted(tpl["themes"].items()):
        need = theme.get("requires")
        if need == "coastal" and event.province not in tpl["coastal"]:
            continue
        if need == "border" and not any(event.province in p for p in tpl["border"].values()):
            continue
        allowed.append(theme)
    return [_fill(rng.choice(t["sentences"]), fields) for t in rng.sample(allowed, min(k, len(allowed)))]


def _delegation_sentence(event: Event, fields: dict, tpl: dict, rng: random.Random, spec: dict) -> tuple[str, dict]:
    """A sentence with delegation figures and the counts it actually states."""
    counts = event.extras["counts"]
    template = rng.choice(tpl["delegations"])
    scope = _fill(rng.choice(spec["scope"]), fields) if spec.get("scope") else "Thời gian qua"
    values = {**fields, "scope": scope, "scope_lower": scope[0].lower() + scope[1:],
              **{k: _fmt_num(v) for k, v in counts.items()}}
    stated = {COUNT_KEYS[k]: counts[k] for k in FIELD_RE.findall(template) if k in COUNT_KEYS}
    return _fill(template, values), stated


def _variant(spec: dict, rng: random.Random, fields: dict) -> tuple[str, str, list[str]]:
    """(title, lede, review sentences) for one telling of a meeting."""
    if "variants" in spec:
        v = rng.choice(spec["variants"])
        return v["title"], v["lede"], v.get("review", [])
    titles = spec["titles"]
    if fields.get("bare"):  # the lede will not name the place, so the title must
        titles = [t for t in titles if "{place}" in t or "{subject}" in t] or titles
    return rng.choice(titles), rng.choice(spec["ledes"]), spec["review"]


def _meeting_story(event: Event, tpl: dict, rng: random.Random, with_year: bool):
    """(title, paragraphs, counts stated, fields) for a relevant province/district meeting."""
    fields = _fields(event, tpl, rng, with_year)
    spec = tpl["meetings"][event.kind]
    title, lede, review = _variant(spec, rng, fields)
    if event.district:
        title = tpl["district"]["titles"].get(event.kind, title)
    lede_par = " ".join(x for x in (_fill(lede, fields), _chair_sentence(event, fields, tpl, rng)) if x)
    paragraphs = [lede_par]
    if rng.random() < 0.5:
        paragraphs.append("Dự hội nghị có các thành viên Ban Chỉ đạo, Tổ giúp việc và đại diện lãnh đạo "
                          "các sở, ban, ngành, địa phương.")
    body = [_fill(s, fields) for s in rng.sample(review, min(len(review), rng.randint(1, 2)))]
    k_themes = 3 if event.kind in ("so_ket", "tong_ket") else rng.randint(0, 1)
    body += _theme_sentences(event, fields, tpl, rng, rng.randint(1, k_themes) if k_themes else 0)
    stated: dict = {}
    if "counts" in event.extras:
        sentence, stated = _delegation_sentence(event, fields, tpl, rng, spec)
        body.insert(rng.randint(1, len(body)), sentence)
    if event.kind in ("so_ket", "tong_ket") and rng.random() < 0.5:
        body.append(rng.choice(tpl["limitations"]))
    body.append(_fill(rng.choice(spec["outlook"]), fields))
    paragraphs += _group(body, rng)
    if event.chairs and event.kind not in NO_CHAIR_SHARE and rng.random() < 0.6:
        paragraphs.append(_fill(rng.choice(tpl["closings"]), fields))
    return _fill(title, fields), paragraphs, stated, fields


def _central_story(event: Event, tpl: dict, rng: random.Random, with_year: bool):
    fields = _fields(event, tpl, rng, with_year)
    title, lede, _ = _variant(tpl["central"][event.kind], rng, fields)
    paragraphs = [_fill(lede, fields)]
    if event.chairs:
        paragraphs[0] += f" {fields['chair_short_cap']} {fields['chair']} chủ trì hội nghị."
    body = rng.sample(tpl["central"]["review"], 2) + _theme_sentences(event, fields, tpl, rng, 2)
    paragraphs += _group(body, rng)
    return _fill(title, fields), paragraphs, {}, fields


def _negative_story(event: Event, tpl: dict, rng: random.Random, with_year: bool):
    fields = _fields(event, tpl, rng, with_year)
    if event.kind in ("foreign_visit",):
        fields["country"] = fields["foreign_country"]
    spec = tpl["negatives"][event.kind]
    paragraphs = [_fill(rng.choice(spec["ledes"]), fields)]
    if event.kind == "tag_page":
        paragraphs += _tag_listing(tpl, rng)
    else:
        paragraphs += _group([_fill(s, fields) for s in spec["body"]], rng)
    return _fill(rng.choice(spec["titles"]), fields), paragraphs, {}, fields


def _tag_listing(tpl: dict, rng: random.Random) -> list[str]:
    """A listing page: a handful of headlines with dates, no report of its own."""
    names = provinces()
    lines = []
    for _ in range(rng.randint(4, 7)):
        kind = rng.choice(("so_ket", "tong_ket", "tap_huan"))
        day, reviewed = _meeting_day(rng, kind, rng.randint(FIRST_YEAR + 1, LAST_YEAR - 1))
        fields = {"place": rng.choice(names), "y": day.year, "X": reviewed, "X1": (reviewed or 0) + 1,
                  "subject": "", "unit": "tỉnh", "bcd": "Ban Chỉ đạo công tác thông tin đối ngoại"}
        title = rng.choice([t for t in tpl["meetings"][kind]["titles"] if "{place}" in t])
        lines.append(f"{_fill(title, fields)}\n{day.day:02d}/{day.month:02d}/{day.year}")
    return lines


def _group(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences into paragraphs of one to three."""
    out, i = [], 0
    while i < len(sentences):
        n = rng.randint(1, 3)
        out.append(" ".join(sentences[i:i + n]))
        i += n
    return out


# ---------------------------------------------------------------- page furniture

def _stamp(template: str, moment: datetime) -> str:
    return _fill(template, {"weekday": WEEKDAYS[moment.weekday()], "dd": f"{moment.day:02d}",
                            "mm": f"{moment.month:02d}", "yyyy": moment.year,
                            "HH": f"{moment.hour:02d}", "MI": f"{moment.minute:02d}"})


def _gold_widget(tpl: dict, rng: random.Random, year: int) -> list[str]:
    base = 35_000 + (year - FIRST_YEAR) * 4_500 + rng.randint(-800, 800)
    values = {"buy": _fmt_num(base), "sell": _fmt_num(base + 2_000), "buy2": _fmt_num(base - 900),
              "sell2": _fmt_num(base + 400)}
    return [_fill(line, values) for line in tpl["noise"]["gold_widget"]]


def _page(title: str, paragraphs: list[str], fields: dict, published: datetime | None,
          tpl: dict, rng: random.Random, captions: list[str]) -> str:
    """Wrap a story in what a scraper picks up around it."""
    noise = tpl["noise"]
    lines: list[str] = []
    if rng.random() < 0.2:  # a site clock showing the day of the crawl, not of the article
        start = (published or datetime(LAST_EVENT_DAY.year, 1, 1)) + timedelta(days=30)
        crawl = start + timedelta(days=rng.randint(0, max(0, (LAST_CRAWL - start).days)),
                                  minutes=rng.randint(0, 1439))
        lines.append(_stamp(rng.choice(noise["site_clocks"]), crawl))
    if rng.random() < 0.3:
        lines += rng.sample(noise["header_lines"], rng.randint(1, 3))
    if rng.random() < 0.08:
        lines += _gold_widget(tpl, rng, (published or datetime(2020, 1, 1)).year)
    dateline = _stamp(rng.choice(noise["datelines"]), published) if published else None
    if dateline and rng.random() < 0.3:
        lines += [dateline, "", title]
    else:
        lines += [title, ""] + ([dateline] if dateline else [])
    lines.append("")
    body = list(paragraphs)
    if rng.random() < DUPLICATED_LEDE_SHARE:  # the sapo printed twice, as some templates do
        body.insert(1, body[0])
    for par in body:
        lines += [par, ""]
        if captions and rng.random() < 0.25:
            lines += [_fill(rng.choice(captions), {**fields, "photog": fields["speaker"],
                                                   "chair": fields.get("chair") or "Trưởng ban"}), ""]
    if rng.random() < 0.7:
        lines += [_byline(tpl, rng), ""]
    if rng.random() < 0.5:
        lines += [_fill(x, {"views": rng.randint(80, 9000)}) for x in rng.sample(noise["footers"], rng.randint(1, 3))]
    return "\n".join(lines).strip() + "\n"


def _byline(tpl: dict, rng: random.Random) -> str:
    name, name2 = _person(rng, tpl), _person(rng, tpl)
    # Bylines usually carry the writer's given names only ("THANH HÀ"), not a full name.
    short, short2 = " ".join(name.split()[-2:]), " ".join(name2.split()[-2:])
    return _fill(rng.choice(tpl["byline_styles"]), {"NAME": short.upper(), "name": short, "name2": short2})


def _url(outlet: dict, title: str, published: datetime | None, rng: random.Random) -> str:
    section = rng.choice(outlet["sections"])
    slug = _slug(title)
    if published and rng.random() < 0.4:
        return f"https://{outlet['host']}/{section}/{published:%Y%m}/{slug}-{rng.randint(100000, 999999)}"
    return f"https://{outlet['host']}/{section}/{slug}-{rng.randint(100000, 999999)}.html"


# ---------------------------------------------------------------- articles

STORY = {"province": _meeting_story, "district": _meeting_story, "central": _central_story}


def _captions(event: Event, tpl: dict) -> list[str]:
    """Photo captions fit the page: none on listings and document notices."""
    if event.relevant:
        return tpl["noise"]["captions"]
    return tpl["noise"]["captions_visit"] if event.kind in CAPTIONED_NEGATIVES else []


def _published(event: Event, rng: random.Random) -> datetime | None:
    if event.kind == "tag_page" or rng.random() < NO_DATELINE_SHARE:
        return None
    lag = rng.choices((0, 1, 2), weights=(6, 3, 1))[0]
    hour = rng.randint(11, 21) if lag == 0 else rng.randint(6, 21)
    return datetime.combine(event.day + timedelta(days=lag), datetime.min.time()).replace(
        hour=hour, minute=rng.randint(0, 59))


def _truth(event: Event, published: datetime | None, stated: dict) -> dict:
    return {
        "relevant": event.relevant, "level": event.level, "province": event.province,
        "meeting_type": event.meeting_type, "period": event.period,
        "meeting_date": event.day.isoformat() if event.relevant else None,
        "published": published.date().isoformat() if published else None,
        "chairs": [name for name, _ in event.chairs] if event.relevant else [],
        **{f: stated.get(f) for f in COUNT_KEYS.values()},
    }


def _tell(event: Event, tpl: dict, rng: random.Random, outlet: dict) -> DemoArticle:
    """One outlet's article about an event."""
    published = _published(event, rng)
    # Without a dateline, a reader needs the year in the text itself (reviews name their year).
    with_year = published is None and event.kind not in ("so_ket", "tong_ket")
    story = STORY.get(event.level, _meeting_story) if event.relevant else _negative_story
    title, paragraphs, stated, fields = story(event, tpl, rng, with_year)
    text = _page(title, paragraphs, fields, published, tpl, rng, _captions(event, tpl))
    record = RawRecord(doc_id="", source=SOURCE, text=text, url=_url(outlet, title, published, rng))
    return DemoArticle(record, _truth(event, published, stated))


def _repost(article: DemoArticle, tpl: dict, rng: random.Random, outlet: dict) -> DemoArticle:
    """A near-verbatim copy: same story, the other site's furniture, a credit line."""
    lines = article.record.text.splitlines()
    if rng.random() < 0.5 and len(lines) > 6:
        lines = lines[:-2]
    text = "\n".join(lines + ["", f"Theo {rng.choice(tpl['outlets'])['name']}"]) + "\n"
    url = f"https://{outlet['host']}/{rng.choice(outlet['sections'])}/{rng.randint(1000000, 9999999)}.htm"
    return DemoArticle(replace(article.record, text=text, url=url), article.truth)


def demo_articles(seed: int = DEFAULT_SEED, n: int | None = None) -> list[DemoArticle]:
    """Generated records with their expected answers; ``n`` keeps a random subset of that size."""
    tpl = _templates()
    rng = _seeded(seed, "articles")
    outlets = tpl["outlets"]
    articles: list[DemoArticle] = []
    for event in plan_events(seed):
        first_outlet = rng.randrange(len(outlets))
        article = _tell(event, tpl, rng, outlets[first_outlet])
        articles.append(article)
        others = [o for i, o in enumerate(outlets) if i != first_outlet]
        if event.relevant and rng.random() < SECOND_OUTLET_SHARE:
            articles.append(_tell(event, tpl, rng, rng.choice(others)))
        if event.relevant and rng.random() < REPOST_SHARE:
            articles.append(_repost(article, tpl, rng, rng.choice(others)))
    rng.shuffle(articles)
    if n is not None:
        articles = articles[:n]
    width = max(4, len(str(len(articles))))
    return [DemoArticle(replace(a.record, doc_id=f"demo-{i:0{width}d}"), a.truth)
            for i, a in enumerate(articles, start=1)]


def demo_records(seed: int = DEFAULT_SEED, n: int | None = None) -> list[RawRecord]:
    """The demo corpus as raw records, exactly what a user's scrape would give the loader."""
    return [a.record for a in demo_articles(seed, n)]


# ---------------------------------------------------------------- loading

def _jsonl(records: list[RawRecord]) -> str:
    return "".join(json.dumps({"id": r.doc_id, "url": r.url, "text": r.text}, ensure_ascii=False) + "\n"
                   for r in records)


def _default_cache_dir() -> Path:
    # The loader's own resolution (env, ./.ttdn-cache, user dir); a temp dir when none is writable.
    return default_cache_dir() or Path(tempfile.gettempdir()) / "ttdn-demo"


def write_demo_jsonl(cache_dir: str | os.PathLike | None = None, seed: int = DEFAULT_SEED,
                     n: int | None = None) -> Path:
    """Write the demo records once (named by content hash, written atomically); return the path."""
    folder = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
    payload = _jsonl(demo_records(seed, n))
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
    path = folder / "demo" / f"demo-{seed}-{digest}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".jsonl", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    return path


def demo_corpus(cache_dir: str | os.PathLike | None = None, seed: int = DEFAULT_SEED,
                n: int | None = None) -> Corpus:
    """The demo corpus loaded through the real loader, flagged ``demo=True`` for the UI."""
    path = write_demo_jsonl(cache_dir, seed, n)
    corpus = load_corpus(path, cache_dir=cache_dir)
    corpus.demo = True
    return corpus
