"""Foreign countries a text names, from assets/countries.csv.

One-syllable names such as 'Mỹ', 'Nga', 'Đức' must stand apart from neighbouring capitalised
words, so 'Mỹ Tho', 'Lào Cai' and 'Nguyễn Minh Đức' are not countries. ``countries_in`` works on
any text (an article, or one clause of it for the delegation counter); ``extract_countries`` is
the extractor over a whole article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..assets import read_csv, read_lines
from ..textnorm import nfc, whole_word
from ..types import CleanDoc

COUNTRIES_ASSET = "countries.csv"
COUNTRY_EXCLUSIONS_ASSET = "country_context_exclusions.txt"
# Capitalised words that may directly precede a one-syllable country name inside its formal
# name ('Cộng hòa Dân chủ Nhân dân Lào', 'Liên bang Nga', 'Thông tấn xã Pathet Lào').
FORMAL_NAME_WORDS = frozenset({"Dân", "Hòa", "Hoà", "Bang", "Quốc", "Pathet", "CHDCND", "CHLB", "LB"})
WORD_BEFORE_RE = re.compile(r"(\S+)[ \t]+$")
# Only this many characters before a name are searched for the word before it: searching the
# whole text before every mention made one long text cost its length squared.
WORD_BEFORE_CHARS = 64
WORD_AFTER_RE = re.compile(r"^[ \t]+(\S+)")


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, tuple[str, bool]]:
    """Every alias -> (canonical Vietnamese name, is a one-syllable name)."""
    names: dict[str, tuple[str, bool]] = {}
    for row in read_csv(COUNTRIES_ASSET):
        for alias in (a.strip() for a in row["aliases"].split("|")):
            if alias and alias not in names:
                names[alias] = (row["name_vi"], " " not in alias and "-" not in alias)
    return names


@lru_cache(maxsize=1)
def _country_index() -> tuple[re.Pattern, dict[str, tuple[str, bool]]]:
    """One alternation of every alias (longest first, so 'Hàn Quốc' wins over a shorter alias at
    the same place) and alias -> (canonical name, is a one-syllable name). One scan per article
    instead of one per alias: this runs on every article of a national corpus."""
    names = country_aliases()
    alternation = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(whole_word(f"(?:{alternation})")), names


@lru_cache(maxsize=1)
def _exclusion_re() -> re.Pattern:
    phrases = sorted(read_lines(COUNTRY_EXCLUSIONS_ASSET), key=len, reverse=True)
    return re.compile(whole_word("|".join(re.escape(p) for p in phrases)))


def _stands_apart(text: str, start: int, end: int) -> bool:
    """A one-syllable name is a country only when no capitalised word is glued to it."""
    before = WORD_BEFORE_RE.search(text[max(0, start - WORD_BEFORE_CHARS):start])
    if before:
        word = before.group(1)
        glued = word[-1:].isalpha()  # 'Nam, Lào': a comma or dash separates the words
        if glued and word[:1].isupper() and word not in FORMAL_NAME_WORDS:
            return False
    after = WORD_AFTER_RE.search(text[end:end + 40])
    return not (after and after.group(1)[:1].isupper())


def extract_countries(doc: CleanDoc) -> list[str]:
    """Foreign countries named in the article (canonical Vietnamese names, first mention first)."""
    return countries_in(doc.full)


def countries_in(text: str) -> list[str]:
    """Foreign countries named in ``text`` (canonical Vietnamese names, first mention first)."""
    text = _exclusion_re().sub(lambda m: " " * len(m.group(0)), nfc(text))
    pattern, names = _country_index()
    first: dict[str, int] = {}
    for m in pattern.finditer(text):
        name, single = names[m.group(0)]
        if name in first or (single and not _stands_apart(text, m.start(), m.end())):
            continue
        first[name] = m.start()
    return sorted(first, key=lambda name: first[name])
