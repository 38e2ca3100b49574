"""One article in, its rows of every table out: the per-article map of the pipeline.

Each extractor is a small pure function; this module calls them in order, passes earlier
answers to later ones (the meeting date needs the dateline; the period needs both), keeps the
evidence sentence of every answer and returns plain rows. It holds no state, so it can run in
any process (or on any engine's workers) and give the same rows.
"""
from __future__ import annotations

from . import gazetteer
from .extract import clean, dates, meeting_type, numbers, people, places, relevance, terms, themes
from .extract.confidence import confidence_of
from .extract.countries import extract_countries
from .schema import CONFIDENCE_FIELDS, COUNT_FIELDS, OTHER_NUMBER_FIELDS
from .types import CleanDoc, Found, RawRecord


class _Evidence:
    """Collects the evidence row of every answer while the article's fields are read off."""

    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        self.rows: list[dict] = []
        self.confidence: dict[str, float | None] = {}

    def keep(self, field: str, found: Found | None, shown=None):
        """The answer's value (None when not found), its evidence row and confidence recorded."""
        self.confidence[field] = confidence_of(field, found)
        if found is not None and found.value is not None:
            self.rows.append({"doc_id": self.doc_id, "field": field,
                              "value": str(found.value if shown is None else shown), "sentence": found.evidence,
                              "confidence": self.confidence[field], "rule": found.rule or None})
        return found.value if found is not None else None

    def probabilities(self) -> dict[str, float | None]:
        """The articles table's confidence columns (``relevant_p``, ...): see schema.CONFIDENCE_COLUMNS."""
        return {f"{field}_p": self.confidence.get(field) for field in CONFIDENCE_FIELDS}


def _iso(found: Found | None) -> str | None:
    return found.value.isoformat() if found and found.value else None


def _dates(doc: CleanDoc, ev: _Evidence) -> dict:
    """Dateline, meeting day (its year may come from the dateline), reviewed period (needs both)."""
    published = dates.extract_published(doc)
    meeting = dates.extract_meeting_date(doc, published.value if published else None)
    period = dates.extract_period(doc, meeting.value if meeting else None, published.value if published else None)
    return {"published": ev.keep("published", published, _iso(published)),
            "meeting_date": ev.keep("meeting_date", meeting, _iso(meeting)),
            "period": ev.keep("period", period)}


def _place(doc: CleanDoc, url: str | None, ev: _Evidence) -> dict:
    place = places.extract_place(doc, url)
    province = ev.keep("province", place.province)
    return {"level": place.level, "province": province,
            "province_2025": gazetteer.province_2025(province), "region": gazetteer.region_of(province),
            "province_source": place.source if province else None}


def _counts(doc: CleanDoc, ev: _Evidence) -> tuple[dict, list[dict]]:
    """Every count field (None when not stated) and its rows of the numbers table."""
    counts = numbers.extract_counts(doc)
    fields, rows = {}, []
    for field in COUNT_FIELDS + OTHER_NUMBER_FIELDS:
        found = counts.get(field)
        fields[field] = ev.keep(field, found)
        if found is not None:
            rows.append({"doc_id": ev.doc_id, "field": field, "value": found.value, "approx": found.approx,
                         "sentence": found.evidence, "confidence": ev.confidence[field]})
    return fields, rows


def clean_record(rec: RawRecord) -> CleanDoc:
    """The record as extractors see it (also what the weights are fitted on: tools/fit.py)."""
    return clean.clean_text(rec.text, title=rec.title, extras={"published": rec.published, "url": rec.url})


def extract_article(rec: RawRecord) -> dict[str, list[dict]]:
    """All fields of one article, plus its rows for the long tables."""
    doc = clean_record(rec)
    ev = _Evidence(rec.doc_id)
    where = _place(doc, rec.url, ev)  # first: the evidence table lists the province first
    when = _dates(doc, ev)
    relevant = relevance.extract_relevance(doc)
    mtype = (meeting_type.extract_meeting_type(doc, when["meeting_date"], when["period"])
             if relevant.value else None)
    found_people = people.extract_people(doc)
    hits = themes.extract_themes(doc)
    article = {
        "doc_id": rec.doc_id, "source": rec.source, "url": rec.url, "title": doc.title, **when,
        "relevant": ev.keep("relevant", relevant), **where, "level": ev.keep("level", where["level"]),
        "meeting_type": ev.keep("meeting_type", mtype),
        "chairs": [p.name for p in found_people if p.role == "chair"],
        "central_officials": [p.name for p in found_people if p.role == "central_official"],
        "themes": sorted({h.theme for h in hits}), "countries": extract_countries(doc),
        "byline": doc.byline, "body": doc.body, "raw_text": doc.raw,
    }
    counts, number_rows = _counts(doc, ev)
    article.update(counts)
    article.update(ev.probabilities())
    return {
        "articles": [article],
        "evidence": ev.rows,
        "themes": [{"doc_id": rec.doc_id, "theme": h.theme, "keyword": h.keyword, "sentence": h.sentence}
                   for h in hits],
        "terms": [{"doc_id": rec.doc_id, "term": t, "count": n} for t, n in terms.extract_terms(doc.full).items()],
        "people": [{"doc_id": rec.doc_id, "name": p.name, "title": p.title, "role": p.role, "sentence": p.evidence,
                    "confidence": confidence_of(p.role, Found(p.name, p.evidence, rule=p.rule)), "rule": p.rule or None}
                   for p in found_people],
        "numbers": number_rows,
    }
