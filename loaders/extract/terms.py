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

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..assets import read_lines
from ..textnorm import fold_tones, nfc

DOMAIN_PHRASES_ASSET = "domain_phrases.txt"
STOPWORDS_ASSET = "stopwords_vi.txt"
SURNAMES_ASSET = "vn_surnames.txt"
NON_PERSON_NAMES_ASSET = "non_person_names.txt"
# underthesea's word list, inside its installed package (a pickled set of lower-case words)
LEXICON_PACKAGE = "underthesea"
LEXICON_FILE = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727", "dictionary.bin")
MAX_WORD_SYLLABLES = 6  # longer dictionary entries are idioms and titles of works, not cloud terms
MAX_NAME_SYLLABLES = 4  # a longer capitalised run is a headline in title case, not one name
MIN_TERM_CHARS = 2
# (glued, word, mark): a token glued by URL/file/number punctuation ("57-KL/TW", dropped later);
# a syllable or number (an inner apostrophe: "H'Mông"); one punctuation mark.
TOKEN_RE = re.compile(r"(\w+(?:[-./@:_=#&%?~+]+\w+)+)|([^\W_]+(?:['’][^\W_]+)?)|([^\w\s])")
# Tokens carrying these are URLs, e-mail addresses, file names or markup, not words
NON_WORD_CHARS = frozenset("./@_:=#|\\<>[]{}()-&")
SENTENCE_END = frozenset(".!?…:;")
OPENERS = frozenset("\"'“‘«([-–—*•")  # may stand between a sentence end and its first word
STRIP_CHARS = " \t\"'“”‘’«»,;!?…-–—*"

Segmenter = Callable[[str], list[str]]


@lru_cache(maxsize=1)
def domain_phrases() -> tuple[tuple[str, ...], dict[str, str]]:
    """(canonical phrases in written case, folded lower-case spelling -> canonical) from the asset."""
    canon: list[str] = []
    spelling: dict[str, str] = {}
    for line in read_lines(DOMAIN_PHRASES_ASSET):
        head, _, variants = line.partition("=")
        phrase = " ".join(head.split())
        canon.append(phrase)
        for v in (phrase, *variants.split("|")):
            if v.strip():
                spelling[_key(v)] = phrase
    return tuple(canon), spelling


def _key(text: str) -> str:
    """Lookup key: lower case, canonical tone placement, single spaces."""
    return " ".join(fold_tones(text.lower()).split())


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern:
    canon, spelling = domain_phrases()
    spellings = {s.lower() for s in spelling} | {c.lower() for c in canon}
    alternation = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Stopwords as written in the asset and in canonical tone placement."""
    words = read_lines(STOPWORDS_ASSET)
    return frozenset(words) | frozenset(_key(w) for w in words)


def canonical_text(text: str) -> str:
    """The text with every domain-phrase spelling replaced by its canonical written form."""
    _, spelling = domain_phrases()
    return _phrase_re().sub(lambda m: spelling.get(_key(m.group(0)), m.group(0)), nfc(text))


def lexicon_path() -> Path:
    """Where underthesea's word list is installed (also hashed into the cache fingerprint)."""
    import importlib.util

    spec = importlib.util.find_spec(LEXICON_PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{LEXICON_PACKAGE} is not installed: the word list of the term segmenter is missing")
    return Path(spec.origin).parent.joinpath(*LEXICON_FILE)


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, str], dict[str, int]]:
    """({folded word: canonical form, '' for dictionary words}, {first two syllables: most syllables}).

    Raises RuntimeError when underthesea's word list cannot be read: terms without it would be
    syllables, silently worse, so a broken install must show.
    """
    import joblib  # an underthesea dependency; the word list is stored with it

    try:
        words = joblib.load(lexicon_path())
    except (OSError, EOFError, ValueError) as exc:
        raise RuntimeError(f"cannot read the term segmenter's word list at {lexicon_path()}: {exc}") from exc
    entries = {_key(w): "" for w in words if 2 <= len(w.split()) <= MAX_WORD_SYLLABLES}
    _, spelling = domain_phrases()
    entries.update({k: canon for k, canon in spelling.items() if " " in k})
    return entries, _prefix_lengths(entries)


def _prefix_lengths(entries) -> dict[str, int]:
    """{first two syllables of an entry: syllables of the longest entry starting with them}."""
    out: dict[str, int] = {}
    for k in entries:
        parts = k.split()
        head = f"{parts[0]} {parts[1]}"
        out[head] = max(out.get(head, 0), len(parts))
    return out


def _longest_in(table: tuple[dict[str, str], dict[str, int]], keys: list[str], i: int, limit: int) -> int:
    """Syllables of the longest word of ``table`` in ``keys[i:i + limit]`` starting at ``i`` (1 if none)."""
    if limit < 2:
        return 1
    entries, prefixes = table
    longest = prefixes.get(f"{keys[i]} {keys[i + 1]}", 0)
    for n in range(min(longest, limit), 1, -1):
        if " ".join(keys[i:i + n]) in entries:
            return n
    return 1


@lru_cache(maxsize=1)
def _phrase_table() -> tuple[dict[str, str], dict[str, int]]:
    """The domain phrases of two syllables or more, as a lookup table like ``lexicon()``."""
    multi = {k: v for k, v in domain_phrases()[1].items() if " " in k}
    return multi, _prefix_lengths(multi)


@lru_cache(maxsize=1)
def _phrase_key_re() -> re.Pattern:
    """Any domain phrase of two syllables or more in a string of lookup keys."""
    keys = sorted(_phrase_table()[0], key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\S)")


def _phrase_starts(keys: list[str], joined: str) -> dict[int, int]:
    """{position: syllables} of the domain phrases in a run, left to right without overlaps."""
    if not _phrase_key_re().search(joined):
        return {}
    table, found, i = _phrase_table(), {}, 0
    while i < len(keys) - 1:
        n = _longest_in(table, keys, i, len(keys) - i)
        if n > 1:
            found[i] = n
        i += n
    return found


def _segment_keys(keys: list[str], joined: str) -> list[int]:
    """Word lengths covering ``keys``: domain phrases first, longest dictionary words between them.

    The innermost loop of term extraction (every syllable of every article), hence written flat.
    """
    phrases = _phrase_starts(keys, joined) if len(keys) > 1 else {}
    stops = sorted(phrases) + [len(keys)]
    entries, prefixes = lexicon()
    lengths: list[int] = []
    i, stop = 0, 0
    while i < len(keys):
        if i in phrases:
            n = phrases[i]
        else:
            while stops[stop] <= i:
                stop += 1
            n, limit = 1, stops[stop] - i
            if limit > 1:
                two = f"{keys[i]} {keys[i + 1]}"
                for m in range(min(prefixes.get(two, 0), limit), 2, -1):
                    if " ".join(keys[i:i + m]) in entries:
                        n = m
                        break
                else:
                    n = 2 if two in entries else 1
        lengths.append(n)
        i += n
    return lengths


def _is_title(syllable: str) -> bool:
    """'Nam', 'A' (an initial), but not 'UBND' or 'nam'."""
    return syllable[:1].isupper() and (len(syllable) == 1 or not syllable.isupper())


def _merge_names(run: list[str], lengths: list[int]) -> list[str]:
    """Words of ``run``; adjacent words made only of capitalised syllables form one name."""
    titles = [_is_title(s) for s in run]
    out: list[str] = []
    prev_title, prev_len, i = False, 0, 0
    for n in lengths:
        title = all(titles[i:i + n])
        word = " ".join(run[i:i + n])
        if title and prev_title and prev_len + n <= MAX_NAME_SYLLABLES:
            out[-1] = f"{out[-1]} {word}"
            prev_len += n
        else:
            out.append(word)
            prev_title, prev_len = title, n
        i += n
    return out


def _words_of_run(run: list[str]) -> list[str]:
    """Longest-match words of a run of syllables (no punctuation inside)."""
    joined = _key(" ".join(run))
    keys = joined.split(" ")
    if len(keys) != len(run):  # lower-casing changed a syllable's shape: match syllable by syllable
        keys = [_key(s) for s in run]
        joined = " ".join(keys)
    return _merge_names(run, _segment_keys(keys, joined))


def segment_line(line: str) -> list[str]:
    """Words and punctuation marks of one line, in order (the longest-match segmenter).

    Numbers stay inside runs of syllables: domain phrases may hold one ('Kết luận 57')."""
    out: list[str] = []
    run: list[str] = []
    for glued, word, mark in TOKEN_RE.findall(line):
        if word:
            run.append(word)
            continue
        if run:
            out += _words_of_run(run)
            run = []
        out.append(glued or mark)
    if run:
        out += _words_of_run(run)
    return out


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
    key = _key(word)
    entries = lexicon()[0]
    canon = entries.get(key) or domain_phrases()[1].get(key)
    if canon:
        return canon
    syllables = word.split()
    if word.isupper():
        return word.lower() if len(syllables) > 1 or key in entries else word
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
    if len(term) < MIN_TERM_CHARS or _key(term) in stopwords():
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
            for i, found in enumerate(_words_of_run(run)):
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
    for i, found in enumerate(_words_of_run(run) if run else ()):
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
