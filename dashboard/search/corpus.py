"""The search index of a corpus: every article's title and body folded once (``keys.search_key``)
and joined into one ASCII text, so a phrase is found in all articles by a few C-level scans.

``dashboard/data.py`` builds it once per corpus load and keeps it on the corpus (``attach``);
``index_of`` finds it there, or builds one for a corpus that came another way (a test's fixture,
a small upload). For a corpus read from a snapshot, data.py has the index stored beside it
(``stored``) and mapped from there. A query never folds a body.
"""
from __future__ import annotations

import mmap
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Union

import numpy as np
import pandas as pd

from .. import snapshot_files
from ..snapshot_files import Beside
from . import stored
from .keys import CHUNK_TEXTS, folded_bytes, keys_of_bytes
from .query import Query
from .signature import Signatures

Buffer = Union[bytes, bytearray, mmap.mmap]  # the folded text: held, or mapped from its file
ATTRIBUTE = "search_index"  # where data.py keeps the index on a loaded Corpus
ROW_BREAK = "\x00"  # between two articles' keys: no needle holds it, so no match spans two articles
WORD_END = b" \x00"
MIN_HEAD_CHARS = 4  # shorter needles ("va") keep their last space: their head would hit inside many words
SUBSET_SHARE = 0.25  # when more articles than this share may hold the needle, one scan of all is quicker


@dataclass(frozen=True)
class SearchIndex:
    text: Buffer  # every article's padded key in row order, joined by ROW_BREAK (ASCII bytes)
    starts: list[int]  # offset where each article's key begins in ``text``
    signatures: Signatures  # which articles may hold a word: the scan reads only those

    @classmethod
    def build(cls, articles: pd.DataFrame, bodies: pd.Series | Callable[[pd.Series], pd.Series] | None = None,
              chunk: int = CHUNK_TEXTS, sink: BinaryIO | None = None) -> "SearchIndex":
        """``bodies``: aligned with ``articles``, or a function giving the bodies of some doc_ids
        (``Corpus.bodies``: a loaded corpus keeps its texts on disk, and they are read a chunk at a
        time); without them, ``articles`` holds a ``body`` column. ``chunk`` (a multiple of 8: the
        signatures pack chunks side by side) rows are folded at a time, and each chunk's keys are
        appended to the text as bytes: never every key as a string beside their join (+0.25 GB
        at 100k). ``sink``: the text is written there (``stored.write``) instead of held."""
        signatures = Signatures.empty(len(articles))
        held = bytearray()
        write = held.extend if sink is None else sink.write
        starts: list[int] = []
        offset = 0
        for first in range(0, len(articles), chunk):
            rows = slice(first, first + chunk)
            if bodies is None:
                body = articles["body"].iloc[rows]
            else:
                body = bodies(articles["doc_id"].iloc[rows]) if callable(bodies) else bodies.iloc[rows]
            title = articles["title"].iloc[rows].fillna("").astype(str)
            joined = title.to_numpy(dtype=object) + "\n" + body.fillna("").astype(str).to_numpy(dtype=object)
            folded = folded_bytes(joined.tolist())
            keys = keys_of_bytes(folded)
            for key in keys:
                starts.append(offset)
                offset += len(key) + len(ROW_BREAK)
            write((ROW_BREAK.join(keys) + ROW_BREAK).encode("ascii"))
            signatures.add(folded, first)
        return cls(held, starts, signatures)

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
        head = (needle.rstrip(" ") if len(needle.strip()) >= MIN_HEAD_CHARS else needle).encode("ascii")
        if len(among) >= SUBSET_SHARE * len(self):
            return [r for r in self._scan_all(head) if may[r]]
        text, starts, last = self.text, self.starts, len(self) - 1
        # an article's key ends where the next one's starts, less the break between them
        return [int(r) for r in among
                if _first_hit(text, head, starts[r], starts[r + 1] - len(ROW_BREAK) if r < last else len(text)) != -1]

    def _scan_all(self, head: bytes) -> list[int]:
        """One scan of the whole text; after a hit it jumps to the next article, so a common word
        costs one step per article, not one per occurrence."""
        rows: list[int] = []
        text, starts = self.text, self.starts
        at = _first_hit(text, head, 0, len(text))
        while at != -1:
            row = bisect_right(starts, at) - 1
            rows.append(row)
            at = _first_hit(text, head, starts[row + 1], len(text)) if row + 1 < len(starts) else -1
        return rows


def _first_hit(text: Buffer, head: bytes, start: int, end: int) -> int:
    """Offset of the first ``head`` in text[start:end] that ends at a word break, else -1.
    The needle is looked for without its last space: one ending in a letter is skipped through
    far faster than one ending in a space, which matches at every word end."""
    find, width = text.find, len(head)
    at = find(head, start, end)
    while at != -1 and head[-1:] != b" " and text[at + width] not in WORD_END:
        at = find(head, at + 1, end)
    return at


def index_of(corpus) -> SearchIndex:
    """The index ``data.py`` attached to ``corpus`` when it matches its articles, else a fresh one."""
    found = getattr(corpus, ATTRIBUTE, None)
    if isinstance(found, SearchIndex) and len(found) == len(corpus.articles):
        return found
    return SearchIndex.build(corpus.articles, corpus.bodies)


def attach(corpus, beside: Beside | None = None) -> None:
    """Build ``corpus``'s index and keep it on the corpus (data.py, once per load). ``beside`` (its
    snapshot's, ``snapshot_files.beside``): the index stored there is mapped, or built, stored
    there and mapped."""
    setattr(corpus, ATTRIBUTE, SearchIndex.build(corpus.articles, corpus.bodies) if beside is None
            else _kept(corpus, beside))


def _kept(corpus, beside: Beside) -> SearchIndex:
    rows = len(corpus.articles)

    def mapped(folder: Path) -> SearchIndex | None:
        parts = stored.read(folder, rows)
        return SearchIndex(*parts) if parts is not None else None

    def build(sink: BinaryIO) -> tuple[list[int], Signatures]:
        index = SearchIndex.build(corpus.articles, corpus.bodies, sink=sink)
        return index.starts, index.signatures
    # held: folded again (a write that failed part way leaves no text behind to map)
    return snapshot_files.kept(beside.folder(stored.KIND, stored.CODE_DIGEST), mapped,
                               lambda tmp: stored.fill(tmp, build),
                               lambda: SearchIndex.build(corpus.articles, corpus.bodies), "search index")


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
