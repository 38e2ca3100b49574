"""The reporting period a report reviews: '2022H1', '2021', '2022M9', '2022Q3'; None for trainings etc."""
from __future__ import annotations

from datetime import date

from ...textnorm import sentence_of
from ...types import CleanDoc, Found
from .meeting import event_mention
from .patterns import (
    CONTEST_RE,
    DEPLOY_YEAR_RE,
    FIRST_HALF_RE,
    FIRST_MONTHS_RE,
    LAST_YEAR_RE,
    LATER_HALF_YEAR_RE,
    LEAD_CHARS,
    MONTH_WORDS,
    QUARTER_RE,
    RANGE_REVIEW_RE,
    REVIEW_WORD_RE,
    ROMAN,
    YEAR_REVIEW_RE,
    YEAR_WORK_RE,
    at_year_turn,
    prep,
)


def _period_sentences(doc: CleanDoc) -> list[str]:
    """Event sentence, title, first lede sentences: where a report names the period it reviews."""
    out = []
    mention = event_mention(doc)
    if mention:
        out.append(mention.sentence)
    if doc.title:
        out.append(prep(doc.title))
    body = prep(doc.body)
    for line in [ln.strip() for ln in body.splitlines() if ln.strip()][:3]:
        out.append(sentence_of(line, 0))
    return out


def _period_in(sentence: str, fallback_year: int | None) -> tuple[str, str] | None:
    """(period, rule) named by a review sentence; ("", "multi_year") for a multi-year review."""
    if not REVIEW_WORD_RE.search(sentence) or CONTEST_RE.search(sentence):
        return None
    if RANGE_REVIEW_RE.search(sentence) and not YEAR_REVIEW_RE.search(sentence):
        return "", "multi_year"  # a multi-year review (2013-2015) has no period in our format
    half = FIRST_HALF_RE.search(sentence)
    if half:
        later = LATER_HALF_YEAR_RE.search(sentence)
        year = half.group(1) or (later.group(1) if later else None) or fallback_year
        return (f"{year}H1", "first_half") if year else None
    months = FIRST_MONTHS_RE.search(sentence)
    if months:
        token = months.group(1).lower()
        n = MONTH_WORDS[token] if token in MONTH_WORDS else int(token)
        year = months.group(2) or fallback_year
        if year and 1 <= n < 12:
            return (f"{year}Q1" if n == 3 else f"{year}M{n}"), "first_months"
    quarter = QUARTER_RE.search(sentence)
    if quarter:
        q = ROMAN.get(quarter.group(1).upper()) or int(quarter.group(1))
        year = quarter.group(2) or fallback_year
        return (f"{year}Q{q}", "quarter") if year else None
    year = YEAR_REVIEW_RE.search(sentence)
    return (year.group(1), "year_review") if year else None


def extract_period(doc: CleanDoc, meeting_date: date | None, published: date | None) -> Found | None:
    """The reporting period reviewed: '2022H1', '2021', '2022M9', '2022Q3'; None for trainings etc."""
    held = meeting_date or published
    fallback_year = held.year if held else None
    for sentence in _period_sentences(doc):
        found = _period_in(sentence, fallback_year)
        if found and not found[0]:
            return None
        if found:
            return Found(found[0], sentence, rule=found[1])
    # "giao ban công tác ... năm 2019" held in December 2019 or January 2020 reviews 2019
    if meeting_date is not None:
        for sentence in _period_sentences(doc)[:2]:
            for m in YEAR_WORK_RE.finditer(sentence):
                if at_year_turn(int(m.group(1)), meeting_date):
                    return Found(m.group(1), sentence, rule="year_turn")
    # "Năm qua ..." after a meeting that deploys next year's work (held in Jan-Mar)
    text = prep(doc.full)[:LEAD_CHARS]
    mention = event_mention(doc)
    if mention and meeting_date and meeting_date.month <= 3 and LAST_YEAR_RE.search(text):
        deploy = DEPLOY_YEAR_RE.search(mention.sentence)
        if deploy and int(deploy.group(1)) == meeting_date.year:
            return Found(str(meeting_date.year - 1), mention.sentence, rule="last_year_at_deployment")
    return None
