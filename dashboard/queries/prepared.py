"""What every filter reads, derived once per corpus and kept on it (as the search index is).

``dashboard/data.py`` builds it when a corpus is loaded (``attach``); ``prepared_of`` finds it
there, or builds a fresh one (not kept) for a corpus that came another way (a test's fixture) or
whose articles frame was replaced since. It holds:

* ``frame``: the articles with ``date``/``date_source``/``meeting_key`` added and without the
  article texts (``TEXT_COLUMNS``): only the search index, the keyword-in-context and the article
  view read those, from ``corpus.articles``;
* per-filter arrays ready for a mask (relevance, dates, one mask per theme), so a filter change
  costs a few vectorised comparisons, never a pass over Python lists;
* per-corpus values built on first use and never dropped (``once``: filter options, the term
  matrix, titles);
* the last filters' results: every query of a rerun asks for the same filtered articles, and
  they are cut once (a frame is handed out as a copy-on-write copy, so no caller changes another's).

Pure: no streamlit.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from loaders.corpus import TEXT_COLUMNS  # long texts: never copied with a filtered frame

ATTRIBUTE = "prepared_articles"  # where the prepared data sits on a Corpus
KEPT_RESULTS = 32  # filtered frames kept per corpus (a rerun needs a handful; many sessions share them)


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


def theme_masks(themes: pd.Series) -> dict[str, np.ndarray]:
    """theme -> which rows of the list column ``themes`` hold it (one pass over the lists)."""
    exploded = themes.reset_index(drop=True).explode().dropna()
    out: dict[str, np.ndarray] = {}
    for theme, rows in exploded.groupby(exploded.astype(str)).groups.items():
        mask = np.zeros(len(themes), dtype=bool)
        mask[np.asarray(rows, dtype=int)] = True
        out[str(theme)] = mask
    return out


@dataclass
class Prepared:
    source: pd.DataFrame  # the corpus.articles frame this was built from
    frame: pd.DataFrame  # with_dates(articles) without TEXT_COLUMNS
    relevant: np.ndarray  # bool, unknown = False
    dates: np.ndarray  # datetime64[ns], NaT when undated
    themes: dict[str, np.ndarray]
    derived: dict = field(default_factory=dict)  # per corpus, whatever the filters (``once``): never dropped
    results: OrderedDict = field(default_factory=OrderedDict)  # per set of filters: the most recent kept
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def build(cls, articles: pd.DataFrame) -> "Prepared":
        frame = with_dates(articles.drop(columns=[c for c in TEXT_COLUMNS if c in articles.columns]))
        return cls(source=articles, frame=frame,
                   relevant=frame["relevant"].fillna(False).astype(bool).to_numpy(),
                   dates=frame["date"].to_numpy(dtype="datetime64[ns]"),
                   themes=theme_masks(frame["themes"]))

    def once(self, name: str, build):
        """``build()``'s value for the whole corpus (filter options, the term matrix ...), built on
        first use and kept: in the results' cache, many filter changes would push it out."""
        with self.lock:
            if name in self.derived:
                return self.derived[name]
        value = build()
        with self.lock:
            return self.derived.setdefault(name, value)

    def remembered(self, key, build):
        """The result kept under ``key``, else ``build()`` kept (the oldest dropped past KEPT_RESULTS)."""
        with self.lock:
            if key in self.results:
                self.results.move_to_end(key)
                return self.results[key]
        value = build()
        with self.lock:
            self.results[key] = value
            while len(self.results) > KEPT_RESULTS:
                self.results.popitem(last=False)
        return value


def remembered_frame(corpus, key: tuple, build) -> pd.DataFrame:
    """``build()``'s frame kept on the prepared corpus under ``key`` (a query asked several times a
    rerun with the same filters); each caller gets its own copy-on-write copy."""
    return prepared_of(corpus).remembered(key, build).copy(deep=False)


def prepared_of(corpus) -> Prepared:
    """The prepared data kept on ``corpus`` if it was built from its current articles, else a fresh one."""
    found = getattr(corpus, ATTRIBUTE, None)
    if isinstance(found, Prepared) and found.source is corpus.articles:
        return found
    return Prepared.build(corpus.articles)


def attach(corpus) -> Prepared:
    """Build ``corpus``'s prepared data and keep it on the corpus (data.py, once per load)."""
    prepared = Prepared.build(corpus.articles)
    setattr(corpus, ATTRIBUTE, prepared)
    return prepared
