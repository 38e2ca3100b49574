"""Group articles that report the same meeting, so charts can count meetings, not articles.

Two articles share a meeting when (a) they are relevant, name the same province (or are
both central-level) and give the same meeting date, or (b) their texts are near-duplicates
(a re-post, a syndicated copy), whatever the extractors made of them. Near-duplicates are
found with MinHash over word shingles and locality-sensitive banding: linear in the corpus.
"""
from __future__ import annotations

import hashlib
import re
import zlib

import numpy as np
import pandas as pd

from .textnorm import fold

SHINGLE_WORDS = 5
NUM_HASHES = 32
BANDS = 8  # 8 bands x 4 rows: pairs with Jaccard >~ 0.6 collide with high probability
NEAR_DUP_JACCARD = 0.6
MIN_SHINGLES = 8  # texts shorter than this are too thin to call duplicates
WORD_RE = re.compile(r"\w+")
_RNG = np.random.default_rng(20250701)
_A = _RNG.integers(1, (1 << 31) - 1, NUM_HASHES, dtype=np.int64)
_B = _RNG.integers(0, (1 << 31) - 1, NUM_HASHES, dtype=np.int64)
_PRIME = (1 << 31) - 1


def shingles(text: str) -> set[int]:
    words = WORD_RE.findall(fold(text or ""))
    return {zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
            for i in range(max(0, len(words) - SHINGLE_WORDS + 1))}


def minhash(sh: set[int]) -> np.ndarray:
    x = np.fromiter(sh, dtype=np.int64)
    return ((np.outer(_A, x) + _B[:, None]) % _PRIME).min(axis=1)


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


def _same_meeting_key(row) -> str | None:
    # ``relevant`` arrives as numpy's bool when the column has no NA, Python's when it has: ``is True`` misses one
    if pd.isna(row.relevant) or not bool(row.relevant) or pd.isna(row.meeting_date):
        return None
    where = row.province if isinstance(row.province, str) else ("central" if row.level == "central" else None)
    if where is None:
        return None
    return f"{fold(where)}|{row.meeting_date.date().isoformat()}"


def assign_meeting_ids(articles: pd.DataFrame) -> pd.Series:
    """One id per meeting; every article gets one (a lone article is its own meeting)."""
    n = len(articles)
    uf = _UnionFind(n)
    first_by_key: dict[str, int] = {}
    for i, row in enumerate(articles.itertuples(index=False)):
        key = _same_meeting_key(row)
        if key is not None:
            uf.union(first_by_key.setdefault(key, i), i)

    sets = [shingles(t) for t in articles["body"].fillna("").astype(str)]
    buckets: dict[tuple, list[int]] = {}
    rows_per_band = NUM_HASHES // BANDS
    for i, sh in enumerate(sets):
        if len(sh) < MIN_SHINGLES:
            continue
        sig = minhash(sh)
        for b in range(BANDS):
            band = tuple(sig[b * rows_per_band:(b + 1) * rows_per_band].tolist())
            buckets.setdefault((b, band), []).append(i)
    for members in buckets.values():
        for j in members[1:]:
            first, other = sets[members[0]], sets[j]
            if uf.find(members[0]) != uf.find(j) and len(first & other) / len(first | other) >= NEAR_DUP_JACCARD:
                uf.union(members[0], j)

    doc_ids = articles["doc_id"].astype(str).tolist()
    roots: dict[int, list[str]] = {}
    for i in range(n):
        roots.setdefault(uf.find(i), []).append(doc_ids[i])
    ids = [""] * n
    for i in range(n):
        anchor = min(roots[uf.find(i)])
        ids[i] = "m" + hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:10]
    return pd.Series(ids, index=articles.index, dtype="string")
