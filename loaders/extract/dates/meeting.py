"""The day the meeting took place: the date that introduces the event in the lede, its year taken
as a careful reader would (from the date itself, the dateline, the period under review, or a
single year the text names); None when the text does not settle it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ...textnorm import mask_abbreviations, sentence_of
from ...types import CleanDoc, Found
from .patterns import (
    AHEAD_DAYS,
    ANNIVERSARY_BEFORE_RE,
    CLOCK_TIME_RE,
    DEPLOY_YEAR_RE,
    DOC_AFTER_DAYS,
    DOC_DATE_RE,
    DOC_REF_BEFORE_RE,
    EVENT_DATE_RES,
    EVENT_WORD_RE,
    HALF_YEAR_RE,
    LEAD_CHARS,
    MONTHS_YEAR_RE,
    NOT_EVENT_YEAR_BEFORE_RE,
    QUARTER_YEAR_RE,
    RANGE_REVIEW_RE,
    RESULTS_CUE_RE,
    SENTENCE_STOP_RE,
    STRONG_LEAD_RE,
    YEAR_MENTION_RE,
    YEAR_REVIEW_RE,
    ZONE_BEFORE_CHARS,
    plausible_date,
    prep,
)


@dataclass(frozen=True)
class _Mention:
    """A day/month written in the text, with its year when written, and where it sits."""

    day: int
    month: int
    year: int | None
    start: int
    end: int
    text: str
    strong_lead: bool

    @property
    def sentence(self) -> str:
        return sentence_of(self.text, self.start, self.end)


def _is_doc_or_banner_date(text: str, start: int) -> bool:
    before = re.split(r"[.;\n]", text[max(0, start - 90):start])[-1]
    return bool(DOC_REF_BEFORE_RE.search(before) or ANNIVERSARY_BEFORE_RE.search(before))


@lru_cache(maxsize=8)  # the meeting date and the period ask for the same lede several times per article
def _mentions(text: str) -> tuple[_Mention, ...]:
    """Event-like day/month mentions in reading order (multi-day spans give their first day)."""
    seen: dict[int, _Mention] = {}
    for regex in EVENT_DATE_RES:
        for m in regex.finditer(text):
            if any(s <= m.start() < e for s, e in ((x.start, x.end) for x in seen.values())):
                continue
            day, month = int(m.group("d")), int(m.group("m"))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            if CLOCK_TIME_RE.match(text[m.end():m.end() + 12].lstrip(" ,|-")):
                continue  # "Ngày 25/04/2017, 16:30" is a dateline, not an event
            if _is_doc_or_banner_date(text, m.start()):
                continue
            year = int(m.group("y")) if m.group("y") else None
            strong = bool(STRONG_LEAD_RE.match(m.group("lead")))
            seen[m.start()] = _Mention(day, month, year, m.start(), m.end(), text, strong)
    return tuple(seen[k] for k in sorted(seen))


def event_mention(doc: CleanDoc) -> _Mention | None:
    """The date that introduces the event: the first one whose sentence names a meeting-like act."""
    for source in (doc.full, doc.raw):
        text = prep(source)[:LEAD_CHARS]
        for mention in _mentions(text):
            sentence = mention.sentence
            if mention.strong_lead or EVENT_WORD_RE.search(sentence):
                return mention
    return None


def _zone(doc: CleanDoc, mention: _Mention) -> str:
    """Title, the text just before the event sentence, and the event sentence: where its year is said."""
    text = mention.text
    start = max(0, mention.start - ZONE_BEFORE_CHARS)
    # the whole sentence, past semicolons: "sơ kết 6 tháng đầu năm; triển khai ... cuối năm 2022"
    # names its year after the ';'
    stop = SENTENCE_STOP_RE.search(mask_abbreviations(text), mention.end)
    end = stop.start() if stop else len(text)
    return "\n".join(x for x in (prep(doc.title), text[start:end]) if x)


def _event_years(zone: str) -> set[int]:
    years = set()
    for m in YEAR_MENTION_RE.finditer(zone):
        before = re.split(r"[.;\n]", zone[max(0, m.start() - 90):m.start()])[-1]
        if not NOT_EVENT_YEAR_BEFORE_RE.search(before):
            years.add(int(m.group(1)))
    return years


def _year_from_zone(zone: str, month: int) -> int | None:
    """The event's year from what the lede says it is about (review period, named year)."""
    half = HALF_YEAR_RE.search(zone) or MONTHS_YEAR_RE.search(zone) or QUARTER_YEAR_RE.search(zone)
    if half:
        return int(half.groups()[-1])  # a 6-/9-month or quarter review is held in that year
    span = RANGE_REVIEW_RE.search(zone)
    if span:  # a review of 2013-2015 held mid-2015; of 2011-2020 held early 2021
        end = int(span.group(2))
        return end + 1 if month <= 3 else end
    review = YEAR_REVIEW_RE.search(zone)
    if review:  # a year-end review of X is held in Dec of X or early X+1
        year = int(review.group(1))
        return year + 1 if month <= 6 else year
    deploy = DEPLOY_YEAR_RE.search(zone)
    if deploy and month <= 3:
        return int(deploy.group(1))
    years = _event_years(zone)
    return years.pop() if len(years) == 1 else None


def _year_from_text(text: str, month: int) -> int | None:
    """A single year named anywhere in the text (award editions and targets aside).

    When every mention of it recounts results ("năm 2010, thành phố đã đạt ...") and the event is
    in Jan-Mar, the event is the following year: early-year meetings look back on last year.
    """
    years = _event_years(text)
    if len(years) != 1:
        return None
    year = years.pop()
    sentences = [sentence_of(text, m.start(), m.end()) for m in YEAR_MENTION_RE.finditer(text)
                 if int(m.group(1)) == year]
    if month <= 3 and sentences and all(RESULTS_CUE_RE.search(s) for s in sentences):
        return year + 1
    return year


def _year_after_document(text: str, day: int, month: int) -> int | None:
    """A meeting that studies a dated document follows it: same year when its day comes after."""
    docs = [(int(y), int(m), int(d)) for d, m, y in DOC_DATE_RE.findall(text)]
    docs = [d for d in docs if plausible_date(*d)]
    if not docs:
        return None
    year, doc_month, doc_day = max(docs)
    issued, held = date(year, doc_month, doc_day), plausible_date(year, month, day)
    if held and 0 < (held - issued).days <= DOC_AFTER_DAYS:
        return year
    return None


def _resolve(mention: _Mention, doc: CleanDoc, published: date | None) -> tuple[date | None, str]:
    """The event's date and the rule that gave its year (a key of its measured precision)."""
    if mention.year:
        return plausible_date(mention.year, mention.month, mention.day), "year_written"
    if published:
        held = plausible_date(published.year, mention.month, mention.day)
        if held and (held - published).days > AHEAD_DAYS:
            # 28/12 reported on 03/01
            return plausible_date(published.year - 1, mention.month, mention.day), "year_before_dateline"
        return held, "year_of_dateline"
    for rule, year in (("year_from_lede", lambda: _year_from_zone(_zone(doc, mention), mention.month)),
                       ("year_from_text", lambda: _year_from_text(mention.text, mention.month)),
                       ("year_after_document", lambda: _year_after_document(mention.text, mention.day,
                                                                            mention.month))):
        found = year()
        if found:
            return plausible_date(found, mention.month, mention.day), rule
    return None, ""


def meeting_from_text(doc: CleanDoc) -> date | None:
    """The meeting date settled by the text alone (no dateline): used to spot clocks."""
    mention = event_mention(doc)
    return _resolve(mention, doc, None)[0] if mention else None


def extract_meeting_date(doc: CleanDoc, published: date | None) -> Found | None:
    """The day the meeting/event took place, or None when the text does not settle it."""
    mention = event_mention(doc)
    if mention is None:
        return None
    held, rule = _resolve(mention, doc, published)
    return Found(held, mention.sentence, rule=rule) if held else None

