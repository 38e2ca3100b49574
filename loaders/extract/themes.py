"""Themes an article talks about.

The taxonomy is data (assets/themes.json): each theme has Vietnamese keywords that are matched
on folded text (lower case, canonical tone placement), so 'Biển Đông', 'biển đông' and old/new
tone spellings all match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..assets import read_json
from ..textnorm import fold, split_sentences, whole_word
from ..types import CleanDoc

THEMES_ASSET = "themes.json"


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    keyword: str
    sentence: str


@dataclass(frozen=True)
class Theme:
    id: str
    label_vi: str
    label_en: str
    colour: str
    keywords: tuple[str, ...]


@lru_cache(maxsize=1)
def themes() -> tuple[Theme, ...]:
    """The taxonomy, in the order of the asset (the dashboard uses it for legends and colours)."""
    return tuple(
        Theme(t["id"], t["label_vi"], t["label_en"], t["colour"], tuple(t["keywords"]))
        for t in read_json(THEMES_ASSET)["themes"]
    )


@lru_cache(maxsize=1)
def _theme_patterns() -> tuple[tuple[Theme, re.Pattern, dict[str, str]], ...]:
    out = []
    for theme in themes():
        folded = {fold(k): k for k in theme.keywords}
        alternation = "|".join(re.escape(k) for k in sorted(folded, key=len, reverse=True))
        out.append((theme, re.compile(whole_word(alternation)), folded))
    return tuple(out)


def extract_themes(doc: CleanDoc) -> list[ThemeHit]:
    """One hit per theme: the keyword and the first sentence (title first) where the theme shows up."""
    hits: dict[str, ThemeHit] = {}
    patterns = _theme_patterns()
    for sentence in split_sentences(doc.full):
        key = fold(sentence)
        for theme, pattern, folded in patterns:
            if theme.id in hits:
                continue
            m = pattern.search(key)
            if m:
                hits[theme.id] = ThemeHit(theme.id, folded.get(m.group(0), m.group(0)), sentence[:400])
        if len(hits) == len(patterns):
            break
    return [hits[t.id] for t, _, _ in patterns if t.id in hits]
