"""The one orchestrator: raw records in, typed tables out.

Each extractor is a small pure function; this module calls them in order, passes earlier
answers to later ones (the meeting date needs the dateline; the period needs both), keeps
the evidence sentence of every answer, and builds DataFrames with the declared dtypes.
Work is per record and independent, so it fans out over processes for large inputs.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable

import pandas as pd

from . import clean, dates, meetings, numbers, places, terms, themes
from .dedupe import assign_meeting_ids
from .evidence import Found, RawRecord
from .schema import (
    ARTICLE_COLUMNS, COUNT_FIELDS, LONG_TABLES, OTHER_NUMBER_FIELDS, Corpus, typed,
)

PARALLEL_MIN_RECORDS = 64  # below this, process start-up costs more than it saves
CHUNK_SIZE = 32


def _iso(found: Found | None) -> str | None:
    return found.value.isoformat() if found and found.value else None


def extract_article(rec: RawRecord) -> dict[str, list[dict]]:
    """All fields of one article, plus its rows for the long tables."""
    doc = clean.clean_text(rec.text, title=rec.title, extras={"published": rec.published, "url": rec.url})
    evidence: list[dict] = []

    def keep(field: str, found: Found | None, shown=None):
        if found is not None and found.value is not None:
            evidence.append({"doc_id": rec.doc_id, "field": field,
                             "value": str(found.value if shown is None else shown), "sentence": found.evidence})
        return found.value if found is not None else None

    published = dates.extract_published(doc)
    meeting = dates.extract_meeting_date(doc, published.value if published else None)
    period = dates.extract_period(doc, meeting.value if meeting else None, published.value if published else None)
    relevant = meetings.extract_relevance(doc)
    mtype = meetings.extract_meeting_type(doc) if relevant.value else None
    place = places.extract_place(doc, rec.url)
    province = keep("province", place.province)
    counts = numbers.extract_counts(doc)
    people = meetings.extract_people(doc)
    hits = themes.extract_themes(doc)

    article = {
        "doc_id": rec.doc_id, "source": rec.source, "url": rec.url, "title": doc.title,
        "published": keep("published", published, _iso(published)),
        "meeting_date": keep("meeting_date", meeting, _iso(meeting)),
        "period": keep("period", period),
        "relevant": keep("relevant", relevant),
        "level": keep("level", place.level),
        "province": province,
        "province_2025": places.province_2025(province),
        "region": places.region_of(province),
        "province_source": place.source if province else None,
        "meeting_type": keep("meeting_type", mtype),
        "chairs": [p.name for p in people if p.role == "chair"],
        "central_officials": [p.name for p in people if p.role == "central_official"],
        "themes": sorted({h.theme for h in hits}),
        "countries": themes.extract_countries(doc),
        "byline": doc.byline, "body": doc.body, "raw_text": doc.raw,
    }
    number_rows = []
    for field in COUNT_FIELDS + OTHER_NUMBER_FIELDS:
        found = counts.get(field)
        article[field] = keep(field, found)
        if found is not None:
            number_rows.append({"doc_id": rec.doc_id, "field": field, "value": found.value,
                                "approx": found.approx, "sentence": found.evidence})
    return {
        "articles": [article],
        "evidence": evidence,
        "themes": [{"doc_id": rec.doc_id, "theme": h.theme, "keyword": h.keyword, "sentence": h.sentence} for h in hits],
        "terms": [{"doc_id": rec.doc_id, "term": t, "count": n} for t, n in terms.extract_terms(doc.full).items()],
        "people": [{"doc_id": rec.doc_id, "name": p.name, "title": p.title, "role": p.role, "sentence": p.evidence}
                   for p in people],
        "numbers": number_rows,
    }


def _extract_chunk(records: list[RawRecord]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in ("articles", *LONG_TABLES)}
    for rec in records:
        for name, rows in extract_article(rec).items():
            out[name].extend(rows)
    return out


def _chunks(records: list[RawRecord], size: int) -> Iterable[list[RawRecord]]:
    for i in range(0, len(records), size):
        yield records[i:i + size]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def extract_records(records: list[RawRecord], workers: int | None = None,
                    progress: Callable[[int], None] | None = None) -> dict[str, pd.DataFrame]:
    """Typed tables for ``records`` (meeting ids not yet assigned: that needs the whole corpus)."""
    workers = default_workers() if workers is None else workers
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *LONG_TABLES)}

    def absorb(part: dict[str, list[dict]], n: int):
        for name, r in part.items():
            rows[name].extend(r)
        if progress:
            progress(n)

    if workers > 1 and len(records) >= PARALLEL_MIN_RECORDS:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunks = list(_chunks(records, CHUNK_SIZE))
            for chunk, part in zip(chunks, pool.map(_extract_chunk, chunks)):
                absorb(part, len(chunk))
    else:
        for chunk in _chunks(records, CHUNK_SIZE):
            absorb(_extract_chunk(chunk), len(chunk))
    tables = {"articles": typed(pd.DataFrame(rows["articles"]), ARTICLE_COLUMNS)}
    for name, columns in LONG_TABLES.items():
        if name != "report":
            tables[name] = typed(pd.DataFrame(rows[name]), columns)
    return tables


def finalize(parts: list[dict[str, pd.DataFrame]], report: pd.DataFrame | None = None) -> Corpus:
    """Concatenate per-file tables, assign meeting ids across the corpus, enforce dtypes."""
    def cat(name: str, columns) -> pd.DataFrame:
        frames = [p[name] for p in parts if name in p and len(p[name])]
        return typed(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), columns)

    articles = cat("articles", ARTICLE_COLUMNS)
    articles = articles.drop_duplicates("doc_id", keep="first").reset_index(drop=True)
    articles["meeting_id"] = assign_meeting_ids(articles)
    corpus = Corpus(articles=typed(articles, ARTICLE_COLUMNS))
    for name, columns in LONG_TABLES.items():
        if name == "report":
            setattr(corpus, name, typed(report if report is not None else pd.DataFrame(), columns))
        else:
            setattr(corpus, name, cat(name, columns))
    return corpus


def corpus_from_records(records: list[RawRecord], workers: int | None = None) -> Corpus:
    """Convenience for tests and the gate: records in memory -> Corpus (no cache, no report)."""
    return finalize([extract_records(records, workers=workers)])
