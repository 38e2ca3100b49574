"""Themes an article talks about.

The taxonomy is data (assets/themes.json): each theme has Vietnamese keywords that are matched
on folded text (lower case, canonical tone placement), so 'Biển Đông', 'biển đông' and old/new
tone spellings all match.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

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
    """One hit per theme: the keyword and the first sentence (title first) where the theme shows up.

    Each theme's pattern runs once over the folded sentences joined by line breaks (a keyword holds
    no line break, and a break is a word boundary as a sentence's end is), so its first match is in
    the first sentence that matches, found without a search per sentence and theme.
    """
    sentences = split_sentences(doc.full)
    keys = [fold(sentence) for sentence in sentences]
    joined = "\n".join(keys)
    starts = list(accumulate((len(k) + 1 for k in keys[:-1]), initial=0))
    hits = []
    for theme, pattern, folded in _theme_patterns():
        m = pattern.search(joined)
        if m:
            sentence = sentences[bisect_right(starts, m.start()) - 1]
            hits.append(ThemeHit(theme.id, folded.get(m.group(0), m.group(0)), sentence[:400]))
    return hits
