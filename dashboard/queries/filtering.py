"""Filters applied to the corpus: the one place that decides which articles a view sees.

The date that drives time filters and charts is ``date`` = meeting_date, or published when the
meeting date is unknown (``date_source`` says which). Free-text search goes through the corpus's
search index (``dashboard.search``: case, diacritics and punctuation ignored, phrases, OR, NOT,
spelling variants), after the other filters so it reads only the articles they leave.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from loaders.schema import MEETING_TYPES, Corpus

from .. import i18n
from ..filters import Filters
from ..search import index_of, parse
from .collation import sorted_vi


def with_dates(articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``date`` (meeting date, else published), ``date_source`` and ``meeting_key``."""
    out = articles.copy()
    out["date"] = out["meeting_date"].fillna(out["published"])
    source = pd.Series(pd.NA, index=out.index, dtype="string")
    source[out["published"].notna()] = "published"
    source[out["meeting_date"].notna()] = "meeting"
    out["date_source"] = source
    out["meeting_key"] = out["meeting_id"].fillna("doc:" + out["doc_id"])
    return out


def _any_of(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose list column shares at least one value with ``wanted``."""
    wanted_set = set(wanted)
    return column.map(lambda values: bool(wanted_set.intersection(values or [])))


def filter_articles(corpus: Corpus, f: Filters, use_dates: bool = True) -> pd.DataFrame:
    """Articles passing every filter, with ``date``/``date_source``/``meeting_key`` added."""
    arts = with_dates(corpus.articles)
    keep = pd.Series(True, index=arts.index)
    if f.relevant_only:
        keep &= arts["relevant"].fillna(False).astype(bool)
    if use_dates and f.date_from:
        keep &= arts["date"] >= pd.Timestamp(f.date_from)
    if use_dates and f.date_to:
        keep &= arts["date"] < pd.Timestamp(f.date_to) + pd.Timedelta(days=1)
    if f.provinces:
        keep &= arts["province"].isin(f.provinces) | arts["province_2025"].isin(f.provinces)
    if f.regions:
        keep &= arts["region"].astype("string").isin(f.regions)
    if f.levels:
        keep &= arts["level"].astype("string").isin(f.levels)
    if f.meeting_types:
        keep &= arts["meeting_type"].astype("string").isin(f.meeting_types)
    if f.themes:
        keep &= _any_of(arts["themes"], f.themes)
    keep = keep.fillna(False).astype(bool)
    if f.search:
        keep = pd.Series(index_of(corpus).mask(parse(f.search), keep.to_numpy()), index=arts.index)
    return arts[keep].reset_index(drop=True)


def dated_articles(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Filtered articles that have a date (the only ones a time axis can place)."""
    arts = filter_articles(corpus, f)
    return arts[arts["date"].notna()]


def filter_options(corpus: Corpus) -> dict[str, Any]:
    """Values present in the corpus for each filter widget, in Vietnamese order of their names."""
    arts = corpus.articles
    themes = sorted_vi({t for values in arts["themes"] for t in (values or [])} | set(i18n.theme_ids()),
                       key=lambda t: i18n.theme_label(t, i18n.DEFAULT_LANG))
    dates = arts["meeting_date"].fillna(arts["published"]).dropna()
    return {
        "provinces": sorted_vi(arts["province"].dropna().unique().tolist()),
        "regions": [r for r in arts["region"].cat.categories if r in set(arts["region"].dropna())],
        "levels": [lv for lv in arts["level"].cat.categories if lv in set(arts["level"].dropna())],
        "meeting_types": [m for m in MEETING_TYPES if m in set(arts["meeting_type"].dropna())],
        "themes": themes,
        "first": dates.min().date() if len(dates) else None,
        "last": dates.max().date() if len(dates) else None,
    }
