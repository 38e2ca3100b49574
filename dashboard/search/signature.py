"""Which articles may hold a phrase, answered without reading them: a bit per (bucket, article).

Every word of an article's key, and every pair of neighbouring words, is hashed into one of
BUCKETS buckets; ``Signatures`` keeps, per bucket, a packed bitmap of the articles with something
in it (BUCKETS x articles / 8 bytes: 100 MB for 100,000 articles). An article can hold a phrase
only if it has every bucket of the phrase's words and word pairs, so the search reads only those
articles' keys: "biển đảo" is rare as a pair even where "biển" and "đảo" are everywhere. A bucket
shared by chance only lets an article through that cannot match: the scan after it decides.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .keys import SEPARATOR, SPACE

BUCKETS = 8192  # ~800 words and pairs in a long article set ~9% of them
MAX_WORD_POSITION = 24  # letters after this one in a (foreign) word do not change its bucket
_WEIGHTS = (np.arange(1, MAX_WORD_POSITION + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)) | np.uint64(1)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_PAIR = np.uint64(0xC2B2AE3D27D4EB4F)


def word_hashes(folded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hash of each word, start offset of each word) in a folded byte array (``keys.folded_bytes``)."""
    letter = (folded != SPACE) & (folded != SEPARATOR)
    first = letter & ~np.concatenate(([False], letter[:-1]))
    starts = np.flatnonzero(first)
    if not len(starts):
        return np.zeros(0, dtype=np.uint64), starts
    at = np.flatnonzero(letter)
    word = np.cumsum(first)[at] - 1
    position = np.minimum(at - starts[word], MAX_WORD_POSITION - 1)
    with np.errstate(over="ignore"):
        terms = folded[at].astype(np.uint64) * _WEIGHTS[position]
        sums = np.add.reduceat(terms, np.flatnonzero(np.diff(word, prepend=-1)))
    return sums, starts


def buckets(folded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bucket, start offset of its first word) of every word and of every pair of neighbouring words."""
    hashes, starts = word_hashes(folded)
    same_text = folded[starts[1:] - 1] == SPACE if len(starts) > 1 else np.zeros(0, dtype=bool)
    with np.errstate(over="ignore"):
        pairs = hashes[:-1][same_text] * _PAIR + hashes[1:][same_text]
        every = np.concatenate((hashes, pairs)) * _MIX
    bucket = ((every >> np.uint64(33)) % np.uint64(BUCKETS)).astype(np.int64)
    return bucket, np.concatenate((starts, starts[:-1][same_text]))


@dataclass(frozen=True)
class Signatures:
    bits: np.ndarray  # (BUCKETS, ceil(articles / 8)) packed: bit r of row b = article r has bucket b
    size: int  # number of articles

    @classmethod
    def empty(cls, size: int) -> "Signatures":
        return cls(np.zeros((BUCKETS, (size + 7) // 8), dtype=np.uint8), size)

    def add(self, folded: np.ndarray, first_row: int) -> None:
        """Set the bits of the articles of one folded chunk; ``first_row``, its first article, is a
        multiple of 8 so chunks pack side by side."""
        bucket, starts = buckets(folded)
        breaks = np.flatnonzero(folded == SEPARATOR)
        grid = np.zeros((BUCKETS, len(breaks) + 1), dtype=bool)
        grid[bucket, np.searchsorted(breaks, starts)] = True
        packed = np.packbits(grid, axis=1)
        self.bits[:, first_row // 8:first_row // 8 + packed.shape[1]] |= packed

    def candidates(self, folded_phrase: np.ndarray) -> np.ndarray:
        """Booleans per article: may it hold the phrase (one text as a folded byte array)?"""
        bucket, _ = buckets(folded_phrase)
        if not len(bucket):
            return np.ones(self.size, dtype=bool)
        packed = np.bitwise_and.reduce(self.bits[np.unique(bucket)], axis=0)
        return np.unpackbits(packed, count=self.size).astype(bool)
