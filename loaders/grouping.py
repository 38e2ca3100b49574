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
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ShingleSets:
    """Every text's ``shingles``, held in one array per batch of texts, with each text's span.

    One array per text would be ~100k small heap blocks at a national scale (~0.25 GB), which the
    allocator keeps after grouping, beside the snapshot being written; a few large arrays go back
    to the system when grouping is done."""

    parts: tuple[np.ndarray, ...]
    part: np.ndarray  # per text: the array holding its shingles
    start: np.ndarray  # per text: where they start in it
    end: np.ndarray  # ... and end

    @classmethod
    def of(cls, batches: Iterable[Iterable[str | None]]) -> "ShingleSets":
        """The shingle sets of texts given batch by batch (bodies are read a slice at a time)."""
        parts: list[np.ndarray] = []
        sizes: list[np.ndarray] = []
        owner: list[np.ndarray] = []
        for batch in batches:
            sets = [shingles(text or "") for text in batch]
            sizes.append(np.fromiter((len(one) for one in sets), dtype=np.int64, count=len(sets)))
            owner.append(np.full(len(sets), len(parts), dtype=np.int32))
            parts.append(np.concatenate(sets) if sets else np.zeros(0, np.uint32))
        size = np.concatenate(sizes) if sizes else np.zeros(0, np.int64)
        part = np.concatenate(owner) if owner else np.zeros(0, np.int32)
        end = np.concatenate([np.cumsum(s) for s in sizes]) if sizes else np.zeros(0, np.int64)
        return cls(tuple(parts), part, end - size, end)

    def __len__(self) -> int:
        return len(self.part)

    def __getitem__(self, i: int) -> np.ndarray:
        return self.parts[self.part[i]][self.start[i]:self.end[i]]

    def anchors(self) -> tuple[np.ndarray, np.ndarray]:
        """(hash, text) of every anchor shingle, texts in ascending order."""
        hashes, texts, first = [], [], 0
        sizes = self.end - self.start
        for part, n in zip(self.parts, np.bincount(self.part, minlength=len(self.parts)).tolist(), strict=True):
            owner = np.repeat(np.arange(first, first + n, dtype=np.int32), sizes[first:first + n])
            kept = part % ANCHOR_MODULUS == 0
            hashes.append(part[kept])
            texts.append(owner[kept])
            first += n
        if not hashes:
            return np.zeros(0, np.uint32), np.zeros(0, np.int32)
        return np.concatenate(hashes), np.concatenate(texts)


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


def _postings(hashes: np.ndarray, docs: np.ndarray) -> Iterator[list[int]]:
    """For each anchor shingle held by 2 to MAX_ANCHOR_POSTINGS texts, those texts in ascending order
    (``hashes`` and ``docs``: every anchor, 32-bit, and its text; millions of anchors at 100k)."""
    if not len(hashes):
        return
    # one sorted 64-bit key, hash high and text low: an anchor's texts come out in ascending order,
    # without an argsort's 64-bit permutation and the two arrays it would gather
    key = (hashes.astype(np.uint64) << np.uint64(32)) | docs.astype(np.uint64)
    key.sort()
    anchor = (key >> np.uint64(32)).astype(np.uint32)
    text = (key & np.uint64(0xFFFFFFFF)).astype(np.int32)
    del key
    starts = np.flatnonzero(np.r_[True, anchor[1:] != anchor[:-1]])
    counts = np.diff(np.r_[starts, len(anchor)])
    # most anchors are in one text only: dropped here, not walked in Python
    followed = (counts > 1) & (counts <= MAX_ANCHOR_POSTINGS)
    for start, n in zip(starts[followed].tolist(), counts[followed].tolist(), strict=True):
        yield text[start:start + n].tolist()


def _candidate_pairs(sets: ShingleSets) -> set[tuple[int, int]]:
    """Pairs of texts sharing enough anchor shingles to be worth comparing in full."""
    hashes, docs = sets.anchors()
    anchors = np.bincount(docs, minlength=len(sets)).tolist()  # per text
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for texts in _postings(hashes, docs):
        for pair in combinations(texts, 2):
            shared[pair] += 1
    return {pair for pair, n in shared.items()
            if n >= min(MIN_SHARED_ANCHORS, anchors[pair[0]], anchors[pair[1]])}


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


def assign_meeting_ids(articles: pd.DataFrame, sets: ShingleSets | None = None) -> pd.Series:
    """One id per meeting; every article gets one (a lone article is its own meeting).

    ``sets``: the articles' body ``ShingleSets``, in row order, when the caller made them (an
    ingest does, slice by slice, so the bodies of a whole corpus are never held at once);
    otherwise they are made from ``articles["body"]``.
    """
    n = len(articles)
    uf = _UnionFind(n)
    _group_by_key(articles, uf)
    if sets is None:
        sets = ShingleSets.of([articles["body"].fillna("").astype(str).tolist()])
    for i, j in _candidate_pairs(sets):
        if uf.find(i) != uf.find(j) and is_near_duplicate(sets[i], sets[j]):
            uf.union(i, j)
    doc_ids = articles["doc_id"].astype(str).tolist()
    members: dict[int, list[str]] = defaultdict(list)
    for i in range(n):
        members[uf.find(i)].append(doc_ids[i])
    ids = ["m" + hashlib.sha1(min(members[uf.find(i)]).encode("utf-8")).hexdigest()[:10] for i in range(n)]
    return pd.Series(ids, index=articles.index, dtype="string")
