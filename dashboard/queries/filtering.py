"""Filters applied to the corpus: the one place that decides which articles a view sees.

The date that drives time filters and charts is ``date`` = meeting_date, or published when the
meeting date is unknown (``date_source`` says which). Free-text search goes through the corpus's
search index (``dashboard.search``: case, diacritics and punctuation ignored, phrases, OR, NOT,
spelling variants), after the other filters so it reads only the articles they leave.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from loaders.schema import MEETING_TYPES, Corpus

from .. import i18n
from ..filters import Filters
from ..search import index_of, parse
from .collation import sorted_vi
from .prepared import Prepared, prepared_of, with_dates

__all__ = ["article_mask", "dated_articles", "filter_key", "filter_articles", "filter_options", "with_dates"]


def filter_key(f: Filters, use_dates: bool = True) -> tuple:
    """What decides the filtered articles: every filter but the language and the unit counted."""
    dates = (f.date_from, f.date_to) if use_dates else (None, None)
    return (*dates, f.provinces, f.regions, f.levels, f.meeting_types, f.themes, f.search, f.relevant_only)


def _codes_in(column: pd.Series, wanted: tuple[str, ...]) -> np.ndarray:
    """Rows of a categorical column holding one of ``wanted`` (compared on the codes: no strings built)."""
    categories = column.cat.categories
    codes = [categories.get_loc(v) for v in wanted if v in categories]
    return np.isin(column.cat.codes.to_numpy(), codes)


def _mask(corpus: Corpus, p: Prepared, f: Filters, use_dates: bool) -> np.ndarray:
    keep = p.relevant.copy() if f.relevant_only else np.ones(len(p.frame), dtype=bool)
    if use_dates and f.date_from:
        keep &= p.dates >= np.datetime64(pd.Timestamp(f.date_from))
    if use_dates and f.date_to:
        keep &= p.dates < np.datetime64(pd.Timestamp(f.date_to) + pd.Timedelta(days=1))
    if f.provinces:
        keep &= (p.frame["province"].isin(f.provinces) | p.frame["province_2025"].isin(f.provinces)) \
            .fillna(False).to_numpy(dtype=bool)
    for name, wanted in (("region", f.regions), ("level", f.levels), ("meeting_type", f.meeting_types)):
        if wanted:
            keep &= _codes_in(p.frame[name], wanted)
    if f.themes:
        any_theme = np.zeros(len(keep), dtype=bool)
        for theme in f.themes:
            if theme in p.themes:
                any_theme |= p.themes[theme]
        keep &= any_theme
    if f.search:
        keep = index_of(corpus).mask(parse(f.search), keep)
    return keep


def filter_articles(corpus: Corpus, f: Filters, use_dates: bool = True) -> pd.DataFrame:
    """Articles passing every filter, with ``date``/``date_source``/``meeting_key`` added and
    without their texts (``prepared.TEXT_COLUMNS``: read those from ``corpus.articles``).
    Cut once per set of filters and corpus; each caller gets its own copy-on-write frame."""
    p = prepared_of(corpus)
    cut = p.remembered(("articles", filter_key(f, use_dates)),
                       lambda: p.frame[article_mask(corpus, f, use_dates, p)].reset_index(drop=True))
    return cut.copy(deep=False)


def article_mask(corpus: Corpus, f: Filters, use_dates: bool = True, p: Prepared | None = None) -> np.ndarray:
    """Which rows of ``corpus.articles`` pass every filter (what ``filter_articles`` keeps), as
    booleans in row order: for tables keyed by article row (the term counts). Read-only."""
    p = p or prepared_of(corpus)
    mask = p.remembered(("mask", filter_key(f, use_dates)), lambda: _mask(corpus, p, f, use_dates))
    mask.flags.writeable = False
    return mask


def dated_articles(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Filtered articles that have a date (the only ones a time axis can place)."""
    arts = filter_articles(corpus, f)
    return arts[arts["date"].notna()]


def filter_options(corpus: Corpus) -> dict[str, Any]:
    """Values present in the corpus for each filter widget, in Vietnamese order of their names
    (built once per prepared corpus; each caller gets its own lists)."""
    p = prepared_of(corpus)
    options = p.once("options", lambda: _options(p.frame))
    return {k: list(v) if isinstance(v, list) else v for k, v in options.items()}


def _options(arts: pd.DataFrame) -> dict[str, Any]:
    themes = sorted_vi(set(arts["themes"].explode().dropna().astype(str)) | set(i18n.theme_ids()),
                       key=lambda t: i18n.theme_label(t, i18n.DEFAULT_LANG))
    dates = arts["date"].dropna()
    present = {c: set(arts[c].dropna().unique()) for c in ("region", "level", "meeting_type")}
    return {
        "provinces": sorted_vi(arts["province"].dropna().unique().tolist()),
        "regions": [r for r in arts["region"].cat.categories if r in present["region"]],
        "levels": [lv for lv in arts["level"].cat.categories if lv in present["level"]],
        "meeting_types": [m for m in MEETING_TYPES if m in present["meeting_type"]],
        "themes": themes,
        "first": dates.min().date() if len(dates) else None,
        "last": dates.max().date() if len(dates) else None,
    }
