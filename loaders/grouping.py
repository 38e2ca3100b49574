"""Group articles that report the same meeting, so charts can count meetings, not articles.

Two articles share a meeting when

(a) both are relevant, name the same province (or are both central-level), give the same meeting
    date and the same meeting type, and do not name different chairs (two outlets reporting one
    meeting; a province's training and its review held the same day stay two meetings); or
(b) their texts are near-duplicates, whatever the extractors made of them: a re-post (most of the
    word shingles shared, Jaccard) or an excerpt of a report (the shorter text's shingles contained in
    the longer one's).

Near-duplicates are found without comparing every pair: each text is sampled at its *anchor*
shingles (those whose hash is 0 modulo ANCHOR_MODULUS, a property of the shingle alone), so an excerpt's
anchors are a subset of its report's anchors; texts sharing anchors are candidates, verified on their
full shingle sets. Anchors shared by many texts are boilerplate and are not followed.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from itertools import combinations
from typing import Iterator

import numpy as np
import pandas as pd

from .textnorm import fold

SHINGLE_WORDS = 5
ANCHOR_MODULUS = 8  # about one shingle in eight is an anchor
MAX_ANCHOR_POSTINGS = 40  # an anchor in more texts than this is boilerplate ("Ban Chỉ đạo công tác ...")
MIN_SHARED_ANCHORS = 2
NEAR_DUP_JACCARD = 0.6  # a re-post: most shingles shared
NEAR_DUP_CONTAINMENT = 0.8  # an excerpt: most of the shorter text inside the longer one
MIN_SHINGLES = 8  # texts shorter than this are too thin to call re-posts
MIN_EXCERPT_SHINGLES = 40  # ... and an excerpt must be a passage, not a headline that every copy repeats
WORD_RE = re.compile(r"\w+")


def shingles(text: str) -> np.ndarray:
    """The text's word shingles as sorted distinct 32-bit hashes (an array: a Python set of ints
    costs ~16x the memory, and the whole corpus's sets are held while grouping)."""
    words = WORD_RE.findall(fold(text or ""))
    hashes = [zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
              for i in range(max(0, len(words) - SHINGLE_WORDS + 1))]
    return np.unique(np.array(hashes, dtype=np.uint32))


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def is_near_duplicate(a: np.ndarray, b: np.ndarray) -> bool:
    """A re-post (Jaccard) or an excerpt (containment of the shorter in the longer)."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < MIN_SHINGLES:
        return False
    shared = len(np.intersect1d(small, large, assume_unique=True))
    if shared / (len(small) + len(large) - shared) >= NEAR_DUP_JACCARD:
        return True
    return len(small) >= MIN_EXCERPT_SHINGLES and shared / len(small) >= NEAR_DUP_CONTAINMENT


def _postings(anchors: list[np.ndarray]) -> Iterator[list[int]]:
    """For each anchor shingle held by 2 to MAX_ANCHOR_POSTINGS texts, those texts in ascending order."""
    sizes = np.fromiter((len(a) for a in anchors), dtype=np.int64, count=len(anchors))
    if not sizes.sum():
        return
    hashes = np.concatenate(anchors)
    docs = np.repeat(np.arange(len(anchors), dtype=np.int32), sizes)  # 32-bit: millions of anchors at 100k
    order = np.argsort(hashes, kind="stable")  # stable: each anchor's texts stay in ascending order
    hashes, docs = hashes[order], docs[order]
    starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
    counts = np.diff(np.r_[starts, len(hashes)])
    for start, n in zip(starts.tolist(), counts.tolist(), strict=True):
        if 1 < n <= MAX_ANCHOR_POSTINGS:
            yield docs[start:start + n].tolist()


def _candidate_pairs(sets: list[np.ndarray]) -> set[tuple[int, int]]:
    """Pairs of texts sharing enough anchor shingles to be worth comparing in full."""
    anchors = [sh[sh % ANCHOR_MODULUS == 0] for sh in sets]
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for docs in _postings(anchors):
        for pair in combinations(docs, 2):
            shared[pair] += 1
    return {pair for pair, n in shared.items()
            if n >= min(MIN_SHARED_ANCHORS, len(anchors[pair[0]]), len(anchors[pair[1]]))}


def _is_true(value) -> bool:
    """A pandas/numpy boolean cell (itertuples yields numpy.bool_, never the ``True`` singleton)."""
    return bool(pd.notna(value) and value)


def _where(row) -> str | None:
    if isinstance(row.province, str) and row.province:
        return fold(row.province)
    return "central" if row.level == "central" else None


def _meeting_key(row) -> str | None:
    """Province (or central level) | meeting date | meeting type of a relevant, dated article."""
    if not _is_true(row.relevant) or pd.isna(row.meeting_date) or pd.isna(row.meeting_type):
        return None
    where = _where(row)
    return None if where is None else f"{where}|{row.meeting_date.date().isoformat()}|{row.meeting_type}"


def _chairs(row) -> set[str]:
    value = row.chairs
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return set()
    return {fold(str(name)) for name in (value.tolist() if hasattr(value, "tolist") else value)}


def _group_by_key(articles: pd.DataFrame, uf: _UnionFind) -> None:
    """Same place, day and type is one meeting unless the two name different chairs."""
    by_key: dict[str, list[tuple[int, set[str]]]] = defaultdict(list)
    for i, row in enumerate(articles.itertuples(index=False)):
        key = _meeting_key(row)
        if key is not None:
            by_key[key].append((i, _chairs(row)))
    for members in by_key.values():
        for (i, ci), (j, cj) in combinations(members, 2):
            if not ci or not cj or ci & cj:
                uf.union(i, j)


def assign_meeting_ids(articles: pd.DataFrame, sets: list[np.ndarray] | None = None) -> pd.Series:
    """One id per meeting; every article gets one (a lone article is its own meeting).

    ``sets``: each article's ``shingles`` of its body, in row order, when the caller made them
    (an ingest does, slice by slice, so the bodies of a whole corpus are never held at once);
    otherwise they are made from ``articles["body"]``.
    """
    n = len(articles)
    uf = _UnionFind(n)
    _group_by_key(articles, uf)
    if sets is None:
        sets = [shingles(t) for t in articles["body"].fillna("").astype(str)]
    for i, j in _candidate_pairs(sets):
        if uf.find(i) != uf.find(j) and is_near_duplicate(sets[i], sets[j]):
            uf.union(i, j)
    doc_ids = articles["doc_id"].astype(str).tolist()
    members: dict[int, list[str]] = defaultdict(list)
    for i in range(n):
        members[uf.find(i)].append(doc_ids[i])
    ids = ["m" + hashlib.sha1(min(members[uf.find(i)]).encode("utf-8")).hexdigest()[:10] for i in range(n)]
    return pd.Series(ids, index=articles.index, dtype="string")
