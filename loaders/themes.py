"""Themes and foreign countries an article talks about.

The taxonomy is data (assets/themes.json): each theme has Vietnamese keywords that are matched
on folded text (lower case, canonical tone placement), so 'Biển Đông', 'biển đông' and old/new
tone spellings all match. Countries come from assets/countries.csv; one-syllable names such as
'Mỹ', 'Nga', 'Đức' must stand apart from neighbouring capitalised words, so 'Mỹ Tho', 'Lào Cai'
and 'Nguyễn Minh Đức' are not countries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .assets import read_csv, read_json, read_lines
from .evidence import CleanDoc
from .textnorm import fold, nfc, split_sentences

THEMES_ASSET = "themes.json"
COUNTRIES_ASSET = "countries.csv"
COUNTRY_EXCLUSIONS_ASSET = "country_context_exclusions.txt"
# Capitalised words that may directly precede a one-syllable country name inside its formal
# name ('Cộng hòa Dân chủ Nhân dân Lào', 'Liên bang Nga', 'Thông tấn xã Pathet Lào').
FORMAL_NAME_WORDS = frozenset({"Dân", "Hòa", "Hoà", "Bang", "Quốc", "Pathet", "CHDCND", "CHLB", "LB"})
WORD_BEFORE_RE = re.compile(r"(\S+)[ \t]+$")
WORD_AFTER_RE = re.compile(r"^[ \t]+(\S+)")


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


def _boundary(pattern: str) -> str:
    return r"(?<!\w)(?:" + pattern + r")(?!\w)"


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
        out.append((theme, re.compile(_boundary(alternation)), folded))
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


@lru_cache(maxsize=1)
def _country_index() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    """One alternation of every alias (longest first, so 'Hàn Quốc' wins over a shorter alias at
    the same place) and alias -> (canonical name, is a one-syllable name). One scan per article
    instead of one per alias: this runs on every article of a national corpus."""
    names: dict[str, tuple[str, bool]] = {}
    for row in read_csv(COUNTRIES_ASSET):
        for alias in (a.strip() for a in row["aliases"].split("|")):
            if alias and alias not in names:
                names[alias] = (row["name_vi"], " " not in alias and "-" not in alias)
    alternation = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(_boundary(f"(?:{alternation})")), names


@lru_cache(maxsize=1)
def _exclusion_re() -> re.Pattern:
    phrases = sorted(read_lines(COUNTRY_EXCLUSIONS_ASSET), key=len, reverse=True)
    return re.compile(_boundary("|".join(re.escape(p) for p in phrases)))


def _stands_apart(text: str, start: int, end: int) -> bool:
    """A one-syllable name is a country only when no capitalised word is glued to it."""
    before = WORD_BEFORE_RE.search(text[:start])
    if before:
        word = before.group(1)
        glued = word[-1:].isalpha()  # 'Nam, Lào': a comma or dash separates the words
        if glued and word[:1].isupper() and word not in FORMAL_NAME_WORDS:
            return False
    after = WORD_AFTER_RE.search(text[end:end + 40])
    return not (after and after.group(1)[:1].isupper())


def extract_countries(doc: CleanDoc) -> list[str]:
    """Foreign countries named in the article (canonical Vietnamese names, first mention first)."""
    text = _exclusion_re().sub(lambda m: " " * len(m.group(0)), nfc(doc.full))
    pattern, names = _country_index()
    first: dict[str, int] = {}
    for m in pattern.finditer(text):
        name, single = names[m.group(0)]
        if name in first or (single and not _stands_apart(text, m.start(), m.end())):
            continue
        first[name] = m.start()
    return sorted(first, key=first.get)
