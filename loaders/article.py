"""One article in, its rows of every table out: the per-article map of the pipeline.

Each extractor is a small pure function; this module calls them in order, passes earlier
answers to later ones (the meeting date needs the dateline; the period needs both), keeps the
evidence sentence of every answer and returns plain rows. It holds no state, so it can run in
any process (or on any engine's workers) and give the same rows.
"""
from __future__ import annotations

from . import gazetteer
from .extract import clean, dates, meeting_type, numbers, people, places, relevance, terms, themes
from .extract.countries import extract_countries
from .schema import COUNT_FIELDS, OTHER_NUMBER_FIELDS
from .types import Found, RawRecord


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
    relevant = relevance.extract_relevance(doc)
    mtype = meeting_type.extract_meeting_type(doc) if relevant.value else None
    place = places.extract_place(doc, rec.url)
    province = keep("province", place.province)
    counts = numbers.extract_counts(doc)
    found_people = people.extract_people(doc)
    hits = themes.extract_themes(doc)

    article = {
        "doc_id": rec.doc_id, "source": rec.source, "url": rec.url, "title": doc.title,
        "published": keep("published", published, _iso(published)),
        "meeting_date": keep("meeting_date", meeting, _iso(meeting)),
        "period": keep("period", period),
        "relevant": keep("relevant", relevant),
        "level": keep("level", place.level),
        "province": province,
        "province_2025": gazetteer.province_2025(province),
        "region": gazetteer.region_of(province),
        "province_source": place.source if province else None,
        "meeting_type": keep("meeting_type", mtype),
        "chairs": [p.name for p in found_people if p.role == "chair"],
        "central_officials": [p.name for p in found_people if p.role == "central_official"],
        "themes": sorted({h.theme for h in hits}),
        "countries": extract_countries(doc),
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
                   for p in found_people],
        "numbers": number_rows,
    }
