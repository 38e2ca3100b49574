"""A told story laid out as a scraped page (clocks, datelines, widgets, captions, bylines) and its answers."""

import random
from dataclasses import replace
from datetime import datetime, timedelta

from loaders.types import RawRecord

from .base import (
    CAPTIONED_NEGATIVES,
    COUNT_KEYS,
    DUPLICATED_LEDE_SHARE,
    FIRST_YEAR,
    LAST_CRAWL,
    LAST_EVENT_DAY,
    NO_DATELINE_SHARE,
    SOURCE,
    WEEKDAYS,
    DemoArticle,
    Event,
    fill,
    fmt_num,
    person_name,
    slug,
)
from .story import central_story, meeting_story, negative_story


def _stamp(template: str, moment: datetime) -> str:
    return fill(template, {"weekday": WEEKDAYS[moment.weekday()], "dd": f"{moment.day:02d}",
                            "mm": f"{moment.month:02d}", "yyyy": moment.year,
                            "HH": f"{moment.hour:02d}", "MI": f"{moment.minute:02d}"})


def _gold_widget(tpl: dict, rng: random.Random, year: int) -> list[str]:
    base = 35_000 + (year - FIRST_YEAR) * 4_500 + rng.randint(-800, 800)
    values = {"buy": fmt_num(base), "sell": fmt_num(base + 2_000), "buy2": fmt_num(base - 900),
              "sell2": fmt_num(base + 400)}
    return [fill(line, values) for line in tpl["noise"]["gold_widget"]]


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
            lines += [fill(rng.choice(captions), {**fields, "photog": fields["speaker"],
                                                   "chair": fields.get("chair") or "Trưởng ban"}), ""]
    if rng.random() < 0.7:
        lines += [_byline(tpl, rng), ""]
    if rng.random() < 0.5:
        lines += [fill(x, {"views": rng.randint(80, 9000)}) for x in rng.sample(noise["footers"], rng.randint(1, 3))]
    return "\n".join(lines).strip() + "\n"


def _byline(tpl: dict, rng: random.Random) -> str:
    name, name2 = person_name(rng, tpl), person_name(rng, tpl)
    # Bylines usually carry the writer's given names only ("THANH HÀ"), not a full name.
    short, short2 = " ".join(name.split()[-2:]), " ".join(name2.split()[-2:])
    return fill(rng.choice(tpl["byline_styles"]), {"NAME": short.upper(), "name": short, "name2": short2})


def _url(outlet: dict, title: str, published: datetime | None, rng: random.Random) -> str:
    section = rng.choice(outlet["sections"])
    path = slug(title)
    if published and rng.random() < 0.4:
        return f"https://{outlet['host']}/{section}/{published:%Y%m}/{path}-{rng.randint(100000, 999999)}"
    return f"https://{outlet['host']}/{section}/{path}-{rng.randint(100000, 999999)}.html"


# ---------------------------------------------------------------- articles

STORY = {"province": meeting_story, "district": meeting_story, "central": central_story}


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


def tell(event: Event, tpl: dict, rng: random.Random, outlet: dict) -> DemoArticle:
    """One outlet's article about an event."""
    published = _published(event, rng)
    # Without a dateline, a reader needs the year in the text itself (reviews name their year).
    with_year = published is None and event.kind not in ("so_ket", "tong_ket")
    story = STORY.get(event.level or "", meeting_story) if event.relevant else negative_story
    title, paragraphs, stated, fields = story(event, tpl, rng, with_year)
    text = _page(title, paragraphs, fields, published, tpl, rng, _captions(event, tpl))
    record = RawRecord(doc_id="", source=SOURCE, text=text, url=_url(outlet, title, published, rng))
    return DemoArticle(record, _truth(event, published, stated))


def repost(article: DemoArticle, tpl: dict, rng: random.Random, outlet: dict) -> DemoArticle:
    """A near-verbatim copy: same story, the other site's furniture, a credit line."""
    lines = article.record.text.splitlines()
    if rng.random() < 0.5 and len(lines) > 6:
        lines = lines[:-2]
    text = "\n".join(lines + ["", f"Theo {rng.choice(tpl['outlets'])['name']}"]) + "\n"
    url = f"https://{outlet['host']}/{rng.choice(outlet['sections'])}/{rng.randint(1000000, 9999999)}.htm"
    return DemoArticle(replace(article.record, text=text, url=url), article.truth)

