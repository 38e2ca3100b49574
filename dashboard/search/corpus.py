"""The search index of a corpus: every article's title and body folded once (``keys.search_key``)
and joined into one string, so a phrase is found in all articles by one C-level scan.

``dashboard/data.py`` builds it once per corpus load and keeps it on the corpus
(``attach``); ``index_of`` finds it there, or builds one for a corpus that came another way
(a test's fixture, a small upload). A query never folds a body.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from .keys import CHUNK_TEXTS, folded_bytes, keys_of_bytes
from .query import Query
from .signature import Signatures

ATTRIBUTE = "search_index"  # where data.py keeps the index on a loaded Corpus
ROW_BREAK = "\x00"  # between two articles' keys: no needle holds it, so no match spans two articles
WORD_END = " \x00"
MIN_HEAD_CHARS = 4  # shorter needles ("va") keep their last space: their head would hit inside many words
SUBSET_SHARE = 0.25  # when more articles than this share may hold the needle, one scan of all is quicker


@dataclass(frozen=True)
class SearchIndex:
    text: str  # every article's padded key, in the articles' row order, joined by ROW_BREAK
    starts: tuple[int, ...]  # offset in ``text`` where each article's key begins
    ends: tuple[int, ...]  # and where it ends
    signatures: Signatures  # which articles may hold a word: the scan reads only those

    @classmethod
    def build(cls, articles: pd.DataFrame, bodies: pd.Series | Callable[[pd.Series], pd.Series] | None = None
              ) -> "SearchIndex":
        """``bodies``: aligned with ``articles``, or a function giving the bodies of some doc_ids
        (``Corpus.bodies``: a loaded corpus keeps its texts on disk, and they are read a chunk at a
        time); without them, ``articles`` holds a ``body`` column."""
        signatures = Signatures.empty(len(articles))
        keys: list[str] = []
        for first in range(0, len(articles), CHUNK_TEXTS):  # Python strings for one chunk at a time
            chunk = slice(first, first + CHUNK_TEXTS)
            if bodies is None:
                body = articles["body"].iloc[chunk]
            else:
                body = bodies(articles["doc_id"].iloc[chunk]) if callable(bodies) else bodies.iloc[chunk]
            title = articles["title"].iloc[chunk].fillna("").astype(str)
            texts = title.to_numpy(dtype=object) + "\n" + body.fillna("").astype(str).to_numpy(dtype=object)
            folded = folded_bytes(texts.tolist())
            keys += keys_of_bytes(folded)
            signatures.add(folded, first)
        starts, ends, offset = [], [], 0
        for key in keys:
            starts.append(offset)
            ends.append(offset + len(key))
            offset += len(key) + len(ROW_BREAK)
        return cls(ROW_BREAK.join(keys), tuple(starts), tuple(ends), signatures)

    def __len__(self) -> int:
        return len(self.starts)

    def mask(self, query: Query, keep: np.ndarray | None = None) -> np.ndarray:
        """Boolean per article, in row order: does it satisfy ``query``? (empty query: all True).
        ``keep`` (booleans): only those articles can pass (the other filters' verdict)."""
        keep = np.ones(len(self), dtype=bool) if keep is None else keep.copy()
        for clause in query.clauses:
            hit = np.zeros(len(self), dtype=bool)
            for needle in dict.fromkeys(k for p in clause.phrases for k in p.keys):
                hit[self.rows_with(needle, keep)] = True
            keep &= ~hit if clause.negated else hit
        return keep

    def rows_with(self, needle: str, keep: np.ndarray | None = None) -> list[int]:
        """Positions of the articles (among ``keep``) whose key holds ``needle``, a padded key.
        Only articles whose signature allows every word of the needle are read; when those are
        many, one scan of the whole text is quicker than a scan per article."""
        may = self.signatures.candidates(folded_bytes([needle.strip()]))
        if keep is not None:
            may &= keep
        among = np.flatnonzero(may)
        head = needle.rstrip(" ") if len(needle.strip()) >= MIN_HEAD_CHARS else needle
        if len(among) >= SUBSET_SHARE * len(self):
            return [r for r in self._scan_all(head) if may[r]]
        starts, ends = self.starts, self.ends
        return [int(r) for r in among if self._first_hit(head, starts[r], ends[r]) != -1]

    def _scan_all(self, head: str) -> list[int]:
        """One scan of the whole text; after a hit it jumps to the next article, so a common word
        costs one step per article, not one per occurrence."""
        rows: list[int] = []
        n, starts, end = len(self.starts), self.starts, len(self.text)
        at = self._first_hit(head, 0, end)
        while at != -1:
            row = bisect_right(starts, at) - 1
            rows.append(row)
            at = self._first_hit(head, starts[row + 1], end) if row + 1 < n else -1
        return rows

    def _first_hit(self, head: str, start: int, end: int) -> int:
        """Offset of the first ``head`` in text[start:end] that ends at a word break, else -1.
        The needle is looked for without its last space: one ending in a letter is skipped through
        far faster than one ending in a space, which matches at every word end."""
        find, text, width = self.text.find, self.text, len(head)
        at = find(head, start, end)
        while at != -1 and head[-1] != " " and text[at + width] not in WORD_END:
            at = find(head, at + 1, end)
        return at


def index_of(corpus) -> SearchIndex:
    """The index ``data.py`` attached to ``corpus`` when it matches its articles, else a fresh one."""
    found = getattr(corpus, ATTRIBUTE, None)
    if isinstance(found, SearchIndex) and len(found) == len(corpus.articles):
        return found
    return _build_for(corpus)


def _build_for(corpus) -> SearchIndex:
    return SearchIndex.build(corpus.articles, corpus.bodies)


def attach(corpus) -> None:
    """Build ``corpus``'s index and keep it on the corpus (data.py, once per load)."""
    setattr(corpus, ATTRIBUTE, _build_for(corpus))


def carry(source, target) -> None:
    """Give ``target`` the index of ``source`` when both hold the same articles in the same order
    (a corrected copy of a corpus: its fields change, its texts do not), so it is not folded twice."""
    found = getattr(source, ATTRIBUTE, None)
    same = source.articles["doc_id"].reset_index(drop=True).equals(target.articles["doc_id"].reset_index(drop=True))
    if isinstance(found, SearchIndex) and same:
        setattr(target, ATTRIBUTE, found)


def matches(articles: pd.DataFrame, query: Query) -> pd.Series:
    """Rows of ``articles`` satisfying ``query``, folding their text now: for small frames only
    (a table already cut down); a whole corpus goes through its ``SearchIndex``."""
    return pd.Series(SearchIndex.build(articles).mask(query), index=articles.index)
