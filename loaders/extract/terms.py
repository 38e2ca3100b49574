"""Key terms of an article, for word clouds.

Vietnamese writes words as space-separated syllables ("thông tin" is one word), so terms come
from a word segmenter. Ours is a dictionary longest-match: at each syllable the longest run found
in the lexicon is one word. The lexicon is underthesea's own word list (the dictionary its CRF
model was trained with, read from the installed package: no download) plus the domain phrases of
assets/domain_phrases.txt, which win over shorter dictionary words and come out in their written
case ('TTĐN' -> 'thông tin đối ngoại', 'BCĐ' -> 'Ban Chỉ đạo'). A run of capitalised syllables the
lexicon does not know ('Việt Nam', 'Đà Nẵng') is a proper noun and one word.

Longest-match is about 20x faster than underthesea's CRF and agrees with it on the word-cloud
terms (`make bench` measures both: `terms_agreement`). ``segment_line`` is the only part that
depends on the segmenter: ``extract_terms(text, segment=...)`` runs the same filters over any
other one (the benchmark passes underthesea's ``word_tokenize``).

Terms keep their written case when they are proper nouns ('Biển Đông', 'Chính phủ' mid-sentence)
and are lower-cased otherwise; stopwords, fragments of titles ('Ban', 'Phó'), numbers, URLs and
people's names are not terms.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from ..assets import read_lines
from .segmenter import TOKEN_RE, canonical_text, domain_phrases, key, lexicon, words_of_run

STOPWORDS_ASSET = "stopwords_vi.txt"
SURNAMES_ASSET = "vn_surnames.txt"
NON_PERSON_NAMES_ASSET = "non_person_names.txt"
# underthesea's word list, inside its installed package (a pickled set of lower-case words)
MIN_TERM_CHARS = 2
# Tokens carrying these are URLs, e-mail addresses, file names or markup, not words
NON_WORD_CHARS = frozenset("./@_:=#|\\<>[]{}()-&")
SENTENCE_END = frozenset(".!?…:;")
OPENERS = frozenset("\"'“‘«([-–—*•")  # may stand between a sentence end and its first word
STRIP_CHARS = " \t\"'“”‘’«»,;!?…-–—*"

Segmenter = Callable[[str], list[str]]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Stopwords as written in the asset and in canonical tone placement."""
    words = read_lines(STOPWORDS_ASSET)
    return frozenset(words) | frozenset(key(w) for w in words)


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


def written_form(word: str, at_sentence_start: bool) -> str:
    """How a term is shown: domain phrases canonical, proper nouns as written, the rest lower case.

    A capital on the first syllable only is a proper noun mid-sentence ('Chính phủ') but just the
    sentence's capital at its start; capitals on later syllables ('Biển Đông') always mean a name.
    All-capital words are abbreviations ('ASEAN') unless the lexicon knows them ('HỘI NGHỊ').
    """
    folded = key(word)
    entries = lexicon()[0]
    canon = entries.get(folded) or domain_phrases()[1].get(folded)
    if canon:
        return canon
    syllables = word.split()
    if word.isupper():
        return word.lower() if len(syllables) > 1 or folded in entries else word
    if not syllables[0][:1].isupper():
        return word if any(s[:1].isupper() for s in syllables[1:]) else word.lower()
    if len(syllables) > 1 and any(s[:1].isupper() for s in syllables[1:]):
        return word
    return word.lower() if at_sentence_start else word


def _keep(term: str) -> bool:
    """Domain phrases always; otherwise no stopword, number, URL, or lower-case lone syllable.

    A lower-case syllable on its own is a fragment of a word ('bám' / 'sát') or a function word
    ('làm', 'lớn'); a capitalised one is a name ('Lào', 'Tết') and stays.
    """
    if term in domain_phrases()[0]:
        return True
    if len(term) < MIN_TERM_CHARS or key(term) in stopwords():
        return False
    if " " not in term and not term[:1].isupper():
        return False
    if any(ch.isdigit() or ch in NON_WORD_CHARS for ch in term):
        return False
    return any(ch.isalpha() for ch in term)


@lru_cache(maxsize=1 << 18)
def term_of(word: str, at_sentence_start: bool) -> str | None:
    """The term a segmented word counts as, or None (pure, so memoised: vocabularies are small)."""
    term = written_form(word, at_sentence_start)
    return term if not is_personal_name(word) and _keep(term) else None


def terms_of_tokens(tokens: Iterable[str]) -> Iterator[str]:
    """The terms among one line's tokens (its first word starts a sentence)."""
    at_start = True
    for token in tokens:
        word = " ".join(token.strip(STRIP_CHARS).split())
        if not word:
            at_start = at_start or token.strip() in SENTENCE_END
            continue
        if not word[0].isalnum():
            at_start = word[0] in SENTENCE_END or (at_start and word[0] in OPENERS)
            continue
        term = term_of(word, at_start)
        at_start = False
        if term is not None:
            yield term


def _line_terms(line: str) -> Iterator[str]:
    """``terms_of_tokens(segment_line(line))`` in one pass (no token is built only to be stripped)."""
    at_start, run = True, []
    for glued, word, mark in TOKEN_RE.findall(line):
        if word:
            run.append(word)
            continue
        if run:
            for i, found in enumerate(words_of_run(run)):
                term = term_of(found, at_start and i == 0)
                if term is not None:
                    yield term
            at_start, run = False, []
        if glued:
            at_start = False
        elif mark in STRIP_CHARS:  # as terms_of_tokens: a stripped mark only ever starts a sentence
            at_start = at_start or mark in SENTENCE_END
        else:
            at_start = mark in SENTENCE_END or (at_start and mark in OPENERS)
    for i, found in enumerate(words_of_run(run) if run else ()):
        term = term_of(found, at_start and i == 0)
        if term is not None:
            yield term


def extract_terms(text: str, segment: Segmenter | None = None) -> Counter:
    """Counts of key terms (multi-syllable terms joined by a space), line by line.

    ``segment``: another segmenter's ``line -> tokens`` (the benchmark's underthesea); by default
    our longest-match, with the same result as ``segment=segment_line``, faster.
    """
    counts: Counter = Counter()
    if not text or not text.strip():
        return counts
    for line in canonical_text(text).splitlines():
        if line.strip():
            counts.update(_line_terms(line) if segment is None else terms_of_tokens(segment(line)))
    return counts
