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

BUCKETS = 8192  # ~800 words and pairs in a long article set ~9% of them (a power of two: a mask picks the bucket)
PREFIX_BYTES = 8  # a word is hashed by its first 8 letters and its length: every Vietnamese syllable whole
_BYTE_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(PREFIX_BYTES)] + [(1 << 64) - 1], dtype=np.uint64)
_LENGTH = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_PAIR = np.uint64(0xC2B2AE3D27D4EB4F)


def word_hashes(folded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hash of each word, start offset of each word) in a folded byte array (``keys.folded_bytes``).

    A word's first eight bytes are read as one 64-bit number (masked past its end) and mixed with
    its length: a handful of passes over the bytes instead of arithmetic per letter (the corpus's
    signatures at 100k: ~18 s before). Long (foreign) words sharing eight letters and a length
    share a hash: that only lets an article through to the scan, which decides."""
    letter = (folded != SPACE) & (folded != SEPARATOR)
    edge = np.diff(letter.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    if not len(starts):
        return np.zeros(0, dtype=np.uint64), starts
    lengths = np.flatnonzero(edge == -1) - starts
    padded = np.zeros(len(folded) + PREFIX_BYTES, dtype=np.uint8)
    padded[:len(folded)] = folded
    windows = np.ndarray((len(folded),), dtype="<u8", buffer=padded, strides=(1,))  # 8 bytes from each offset
    prefix = windows[starts] & _BYTE_MASKS[np.minimum(lengths, PREFIX_BYTES)]
    with np.errstate(over="ignore"):
        return prefix ^ (lengths.astype(np.uint64) * _LENGTH), starts


def buckets(folded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bucket, start offset of its first word) of every word and of every pair of neighbouring words."""
    hashes, starts = word_hashes(folded)
    same_text = folded[starts[1:] - 1] == SPACE if len(starts) > 1 else np.zeros(0, dtype=bool)
    with np.errstate(over="ignore"):
        pairs = hashes[:-1][same_text] * _PAIR + hashes[1:][same_text]
        every = np.concatenate((hashes, pairs)) * _MIX
    bucket = ((every >> np.uint64(33)) & np.uint64(BUCKETS - 1)).astype(np.intp)
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
