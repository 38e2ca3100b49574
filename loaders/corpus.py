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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

import numpy as np
import pandas as pd
import pyarrow as pa

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
    """A table read on first use, once, whichever thread asks first (sessions share a corpus).

    ``batches`` (optional) reads it again as consecutive frames without keeping them, for a pass
    over a table too big to hold whole (what ``Corpus.term_batches`` gives).
    """

    def __init__(self, load: Callable[[], pd.DataFrame], batches: Callable[[], Iterator[pd.DataFrame]] | None = None):
        self._load = load
        self._batches = batches
        self._value: pd.DataFrame | None = None
        self._lock = threading.Lock()

    def frames(self) -> Iterator[pd.DataFrame]:
        """The table as consecutive frames: the one held if it was read, else its batches."""
        if self._value is not None or self._batches is None:
            yield self.get()
        else:
            yield from self._batches()

    def get(self) -> pd.DataFrame:
        with self._lock:
            if self._value is None:
                self._value = self._load()
            return self._value

    @property
    def loaded(self) -> bool:
        return self._value is not None

    def release(self) -> None:
        """Forget the table read; the next ``get`` reads it again."""
        with self._lock:
            self._value = None


class StoredTexts(Protocol):
    """Texts kept on disk and read by row, never held whole (io/snapshot.py's texts file)."""

    path: Path  # the file they are read from

    def doc_ids(self) -> pd.Index:
        """Every stored doc_id, in storage order."""

    def values(self, name: str, positions: np.ndarray) -> pa.Array:
        """Column ``name`` at ``positions`` (storage rows), in that order, as an Arrow large_string array."""


class Texts:
    """Full texts by doc_id: a frame in memory, or texts stored on disk and read when asked for.

    At a national scale the bodies are ~350 MB: a loaded corpus reads the rows a page shows (an
    article, the sentences of a keyword in context) instead of holding every text.
    """

    def __init__(self, frame: pd.DataFrame | None = None, stored: StoredTexts | None = None):
        self._frame = frame
        self._stored = stored
        self._columns: dict[str, pd.Series] = {}
        self._positions: pd.Series | None = None  # doc_id -> storage row (its first one)
        self._lock = threading.Lock()

    def _column(self, name: str) -> pd.Series:
        """The ``name`` text of every article of the frame, indexed by doc_id."""
        with self._lock:
            if name not in self._columns:
                source = self._frame
                if source is None or name not in source:
                    source = empty({"doc_id": "string", name: "string"})
                # from the column's own array: ``to_numpy`` would make a Python string of every text
                # on the way (a second copy of all the bodies, at its peak, at a national scale)
                ids = pd.Index(source["doc_id"].astype("string"))
                texts = pd.Series(source[name].astype("string").array, index=ids)
                self._columns[name] = texts[~texts.index.duplicated()]
            return self._columns[name]

    def folder(self) -> Path | None:
        """The folder of the file the texts are read from (a snapshot's), None when they are held."""
        return self._stored.path.parent if self._stored is not None else None

    def _rows(self, stored: StoredTexts) -> pd.Series:
        with self._lock:
            if self._positions is None:
                ids = stored.doc_ids()
                first = ~ids.duplicated()
                self._positions = pd.Series(np.flatnonzero(first), index=ids[first])
            return self._positions

    def of(self, doc_ids, name: str = "body") -> pd.Series:
        """``name`` for each of ``doc_ids`` (aligned with them; missing texts are <NA>)."""
        ids = pd.Series(doc_ids)
        wanted = ids.astype("string").to_numpy()
        if self._stored is None:
            values = self._column(name).reindex(wanted)
            return pd.Series(values.array, index=ids.index, dtype="string")
        rows = self._rows(self._stored)
        at = rows.index.get_indexer(wanted)
        found = at >= 0
        if not found.any():
            return pd.Series(pd.NA, index=ids.index, dtype="string")
        read = self._stored.values(name, rows.to_numpy()[at[found]])
        within = np.zeros(len(at), dtype=np.int64)
        within[found] = np.arange(int(found.sum()))
        # in Arrow all the way: a Python string per text would double the bytes of every body read
        texts = read.take(pa.array(within, mask=~found))
        return pd.Series(pd.arrays.ArrowStringArray(texts), index=ids.index, dtype="string")


def _split_texts(articles: pd.DataFrame, known: Texts | None = None) -> tuple[pd.DataFrame, Texts]:
    """The working frame and the texts of ``articles``; a text missing there comes from ``known``
    (the texts of the corpus it was derived from: ``replace(corpus, articles=...)`` with a frame
    typed to every column, or one that set a few bodies)."""
    present = [c for c in TEXT_COLUMNS if c in articles.columns]
    if "doc_id" not in articles:
        return articles.drop(columns=present), Texts()
    frame = articles[["doc_id", *present]].reset_index(drop=True)
    if known is not None:
        for name in TEXT_COLUMNS:
            given = frame[name] if name in frame else pd.Series(pd.NA, index=frame.index, dtype="string")
            frame[name] = given.astype("string").fillna(known.of(frame["doc_id"], name))
    return articles.drop(columns=present), Texts(frame)


@dataclass(eq=False)
class Corpus:
    """Everything the loader knows about a corpus: the articles and its tidy long tables.

    ``articles`` given with text columns (tests, corpora built in memory, ``dataclasses.replace``
    with a frame that has them) are split on the way in: a text given there wins over ``texts``.
    ``terms`` may be given as a ``Lazy`` table (the cache's); reading ``corpus.terms`` loads it.
    ``corpus.__dict__`` holds exactly the constructor's arguments, so ``Corpus(**corpus.__dict__)``
    copies a corpus (lazy parts stay lazy).
    """

    articles: pd.DataFrame
    evidence: pd.DataFrame = field(default_factory=lambda: empty(EVIDENCE_COLUMNS))
    themes: pd.DataFrame = field(default_factory=lambda: empty(THEME_COLUMNS))
    terms: pd.DataFrame = field(default_factory=lambda: empty(TERM_COLUMNS))
    people: pd.DataFrame = field(default_factory=lambda: empty(PEOPLE_COLUMNS))
    numbers: pd.DataFrame = field(default_factory=lambda: empty(NUMBER_COLUMNS))
    report: pd.DataFrame = field(default_factory=lambda: empty(REPORT_COLUMNS))
    demo: bool = False  # True for the generated demo corpus: the UI marks it everywhere
    texts: Texts | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.texts is None or any(c in self.articles.columns for c in TEXT_COLUMNS):
            self.articles, self.texts = _split_texts(self.articles, self.texts)

    def bodies(self, doc_ids) -> pd.Series:
        """The cleaned body of each of ``doc_ids``, aligned with them (what search and KWIC read)."""
        return self._texts().of(doc_ids, "body")

    def raw_texts(self, doc_ids) -> pd.Series:
        """The raw text of each of ``doc_ids``, aligned with them (what corrections are matched on)."""
        return self._texts().of(doc_ids, "raw_text")

    def snapshot_folder(self) -> Path | None:
        """The snapshot folder this corpus's texts are read from (what is derived from those texts
        may be kept beside them: the dashboard's search index), None for a corpus built in memory."""
        return self._texts().folder()

    def _texts(self) -> Texts:
        assert self.texts is not None  # set by __post_init__
        return self.texts

    def full_articles(self) -> pd.DataFrame:
        """The articles with their full texts, every declared column in order (exports, tests)."""
        out = self.articles.copy()
        for name in TEXT_COLUMNS:
            out[name] = self._texts().of(out["doc_id"], name)
        return out[[c for c in ARTICLE_COLUMNS if c in out.columns]]

    def term_batches(self) -> Iterator[pd.DataFrame]:
        """The terms table as consecutive frames (at least one), read from the cache a batch at a
        time when it is not held: a pass over ~10 million rows without holding them."""
        value = self.__dict__["terms"]
        if isinstance(value, Lazy):
            yield from value.frames()
        else:
            yield value

    def release_terms(self) -> None:
        """Free the terms table if the cache can read it again (a page needs only what was built
        from it: at a national scale it is ~10 million rows, the largest table by far)."""
        value = self.__dict__["terms"]
        if isinstance(value, Lazy):
            value.release()

    def tables(self) -> dict[str, pd.DataFrame]:
        return {"articles": self.full_articles(), **{name: getattr(self, name) for name in LONG_TABLES}}


def _get_terms(corpus: Corpus) -> pd.DataFrame:
    value = corpus.__dict__["terms"]
    return value.get() if isinstance(value, Lazy) else value


def _set_terms(corpus: Corpus, value) -> None:
    corpus.__dict__["terms"] = value


# terms is a dataclass field (so ``dataclasses.replace`` and the constructor take it) read through
# a property, so a Lazy table from the cache is read on first access, not at load
Corpus.terms = property(_get_terms, _set_terms)
