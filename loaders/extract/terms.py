"""Key terms of an article, for word clouds.

underthesea segments Vietnamese into words ("thông tin" is one word, not two syllables); domain
phrases from assets/domain_phrases.txt are first rewritten to one canonical lower-case spelling
('TTĐN', 'Thông tin đối ngoại' -> 'thông tin đối ngoại'; 'biển, đảo' -> 'biển đảo') and passed to
the tokenizer as fixed words, so they come out as single terms. The tokenizer runs once per
article (it costs about a millisecond per sentence), offline.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..assets import read_lines
from ..textnorm import nfc

DOMAIN_PHRASES_ASSET = "domain_phrases.txt"
STOPWORDS_ASSET = "stopwords_vi.txt"
SURNAMES_ASSET = "vn_surnames.txt"
NON_PERSON_NAMES_ASSET = "non_person_names.txt"
MIN_TERM_CHARS = 2
# Tokens carrying these are URLs, e-mail addresses, file names or markup, not words
NON_WORD_CHARS = frozenset("./@_:=#|\\<>[]{}()-")
STRIP_CHARS = " \t\"'“”‘’«»,;!?…-–—*"


@lru_cache(maxsize=1)
def domain_phrases() -> tuple[tuple[str, ...], dict[str, str]]:
    """(canonical phrases, lower-cased spelling -> canonical) from the asset."""
    canon: list[str] = []
    spelling: dict[str, str] = {}
    for line in read_lines(DOMAIN_PHRASES_ASSET):
        head, _, variants = line.partition("=")
        phrase = head.strip().lower()
        canon.append(phrase)
        spelling[phrase] = phrase
        for v in variants.split("|"):
            if v.strip():
                spelling[v.strip().lower()] = phrase
    return tuple(canon), spelling


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern:
    _, spelling = domain_phrases()
    alternation = "|".join(re.escape(s) for s in sorted(spelling, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(read_lines(STOPWORDS_ASSET))


def canonical_text(text: str) -> str:
    """The text with every domain-phrase spelling replaced by its canonical lower-case form."""
    _, spelling = domain_phrases()
    return _phrase_re().sub(lambda m: spelling.get(m.group(0).lower(), m.group(0)), nfc(text))


@lru_cache(maxsize=1)
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(read_lines(SURNAMES_ASSET)), frozenset(x.lower() for x in read_lines(NON_PERSON_NAMES_ASSET))


def is_personal_name(token: str) -> bool:
    """'Nguyễn Văn Thông', "H'Yim Kđoh": people are not key terms of what a meeting was about."""
    words = token.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    surnames, places = _name_lists()
    first = words[0]
    return (first in surnames or (len(first) > 2 and first[1] in "’'")) and token.lower() not in places


def _keep(term: str) -> bool:
    if len(term) < MIN_TERM_CHARS or term in stopwords():
        return False
    if any(ch.isdigit() or ch in NON_WORD_CHARS for ch in term):
        return False
    return any(ch.isalpha() for ch in term)


def extract_terms(text: str) -> Counter:
    """Counts of key terms (lower case; multi-syllable terms joined by a space)."""
    if not text or not text.strip():
        return Counter()
    from underthesea import word_tokenize  # imported lazily: loading its model costs ~1 s

    phrases, _ = domain_phrases()
    counts: Counter = Counter()
    for token in word_tokenize(canonical_text(text), fixed_words=list(phrases)):
        if is_personal_name(token.strip(STRIP_CHARS)):
            continue
        term = " ".join(token.lower().strip(STRIP_CHARS).split())
        if _keep(term):
            counts[term] += 1
    return counts
