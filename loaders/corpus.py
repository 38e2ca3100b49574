"""The loaded corpus: a small working frame in memory, the big parts read when first asked for.

At a national scale the full texts (``body``, ``raw_text``) are most of the bytes, and the terms
table most of the rows, yet a page needs neither to filter and count. So ``Corpus.articles`` is the
working frame (every declared article column except ``TEXT_COLUMNS``), the texts sit behind
``Corpus.bodies`` / ``Corpus.texts``, and ``Corpus.terms`` may be a ``Lazy`` table the cache reads
on first access. ``Corpus.tables()`` and ``full_articles()`` put everything back together, so
exports and tests see every declared column as before.
"""
from __future__ import annotations

import threading
from typing import Callable

import pandas as pd

from .schema import (
    ARTICLE_COLUMNS,
    EVIDENCE_COLUMNS,
    LONG_TABLES,
    NUMBER_COLUMNS,
    PEOPLE_COLUMNS,
    REPORT_COLUMNS,
    TERM_COLUMNS,
    THEME_COLUMNS,
    empty,
)

TEXT_COLUMNS = ("body", "raw_text")  # the full texts: kept out of the working frame
WORKING_COLUMNS = {c: t for c, t in ARTICLE_COLUMNS.items() if c not in TEXT_COLUMNS}


class Lazy:
    """A table read on first use, once, whichever thread asks first (sessions share a corpus)."""

    def __init__(self, load: Callable[[], pd.DataFrame]):
        self._load = load
        self._value: pd.DataFrame | None = None
        self._lock = threading.Lock()

    def get(self) -> pd.DataFrame:
        with self._lock:
            if self._value is None:
                self._value = self._load()
            return self._value


class Texts:
    """Full texts by doc_id: a frame in memory, or a reader of one column of the cache.

    ``read(column)`` returns a frame (doc_id, column); each column is read once and kept.
    """

    def __init__(self, frame: pd.DataFrame | None = None, read: Callable[[str], pd.DataFrame] | None = None):
        self._frame = frame
        self._read = read
        self._columns: dict[str, pd.Series] = {}
        self._lock = threading.Lock()

    def column(self, name: str) -> pd.Series:
        """The ``name`` text of every article, indexed by doc_id."""
        with self._lock:
            if name not in self._columns:
                source = self._frame if self._read is None else self._read(name)
                if source is None or name not in source:
                    source = empty({"doc_id": "string", name: "string"})
                texts = pd.Series(source[name].to_numpy(), index=source["doc_id"].to_numpy(), dtype="string")
                self._columns[name] = texts[~texts.index.duplicated()]
            return self._columns[name]

    def of(self, doc_ids, name: str = "body") -> pd.Series:
        """``name`` for each of ``doc_ids`` (aligned with them; missing texts are <NA>)."""
        ids = pd.Series(doc_ids)
        values = self.column(name).reindex(ids.astype("string").to_numpy())
        return pd.Series(values.to_numpy(), index=ids.index, dtype="string")


def _split_texts(articles: pd.DataFrame) -> tuple[pd.DataFrame, Texts]:
    present = [c for c in TEXT_COLUMNS if c in articles.columns]
    texts = Texts(articles[["doc_id", *present]].reset_index(drop=True) if "doc_id" in articles else None)
    return articles.drop(columns=present), texts


class Corpus:
    """Everything the loader knows about a corpus: the articles and its tidy long tables.

    ``articles`` given with text columns (tests, corpora built in memory) are split on the way in.
    Every constructor argument is also an attribute of the same name, so
    ``Corpus(**corpus.__dict__)`` copies a corpus (lazy parts stay lazy).
    """

    def __init__(self, articles: pd.DataFrame, evidence: pd.DataFrame | None = None,
                 themes: pd.DataFrame | None = None, terms: pd.DataFrame | Lazy | None = None,
                 people: pd.DataFrame | None = None, numbers: pd.DataFrame | None = None,
                 report: pd.DataFrame | None = None, demo: bool = False, texts: Texts | None = None):
        if texts is None:
            articles, texts = _split_texts(articles)
        self.articles = articles
        self.texts = texts
        self.evidence = evidence if evidence is not None else empty(EVIDENCE_COLUMNS)
        self.themes = themes if themes is not None else empty(THEME_COLUMNS)
        self.terms = terms if terms is not None else empty(TERM_COLUMNS)
        self.people = people if people is not None else empty(PEOPLE_COLUMNS)
        self.numbers = numbers if numbers is not None else empty(NUMBER_COLUMNS)
        self.report = report if report is not None else empty(REPORT_COLUMNS)
        self.demo = demo  # True for the generated demo corpus: the UI marks it everywhere

    @property
    def terms(self) -> pd.DataFrame:
        value = self.__dict__["terms"]
        return value.get() if isinstance(value, Lazy) else value

    @terms.setter
    def terms(self, value: pd.DataFrame | Lazy) -> None:
        self.__dict__["terms"] = value

    def bodies(self, doc_ids) -> pd.Series:
        """The cleaned body of each of ``doc_ids``, aligned with them (what search and KWIC read)."""
        return self.texts.of(doc_ids, "body")

    def full_articles(self) -> pd.DataFrame:
        """The articles with their full texts, every declared column in order (exports, tests)."""
        out = self.articles.copy()
        for name in TEXT_COLUMNS:
            out[name] = self.texts.of(out["doc_id"], name)
        return out[[c for c in ARTICLE_COLUMNS if c in out.columns]]

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.full_articles(), **{name: getattr(self, name) for name in LONG_TABLES}}
