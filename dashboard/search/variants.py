"""Spelling variants (assets/search_variants.txt): Campuchia = Cam-pu-chia = Căm-pu-chia.

A phrase of a query is widened to every spelling of its group (``widen``); each spelling is one
more scan of the corpus, so groups list real spellings only, not every imaginable one.
"""
from __future__ import annotations

from functools import lru_cache

from loaders.assets import read_lines

from .keys import search_key

VARIANTS_ASSET = "search_variants.txt"
VARIANT_SEP = "|"
MAX_ALTERNATIVES = 24  # a phrase widened by several variant groups stays a handful of spellings

Groups = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def variant_groups() -> Groups:
    """The asset's groups, each as its members' padded search keys."""
    groups = []
    for line in read_lines(VARIANTS_ASSET):
        keys = tuple(dict.fromkeys(search_key(part) for part in line.split(VARIANT_SEP) if part.strip()))
        if len(keys) > 1:
            groups.append(keys)
    return tuple(groups)


def widen(key: str, groups: Groups | None = None) -> tuple[str, ...]:
    """``key`` and every key made by swapping one of its variant spellings for another
    (" bien gioi campuchia " -> also " bien gioi cam pu chia "), at most MAX_ALTERNATIVES."""
    out = [key]
    for group in variant_groups() if groups is None else groups:
        for current in list(out):
            for member in group:
                if member in current:
                    out.extend(current.replace(member, other) for other in group if other != member)
    return tuple(dict.fromkeys(out))[:MAX_ALTERNATIVES]
