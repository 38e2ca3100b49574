"""The term segmenter: Vietnamese words from space-separated syllables, by dictionary longest-match.

At each syllable the longest run found in the lexicon is one word. The lexicon is underthesea's own
word list (the dictionary its CRF model was trained with, read from the installed package: no
download) plus the domain phrases of assets/domain_phrases.txt, which win over shorter dictionary
words and come out in their written case ('TTĐN' -> 'thông tin đối ngoại'). A run of capitalised
syllables the lexicon does not know ('Việt Nam', 'Đà Nẵng') is a proper noun and one word.
``segment_line`` is the entry point; terms.py filters its words into cloud terms.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..assets import read_lines
from ..textnorm import fold_tones, nfc

DOMAIN_PHRASES_ASSET = "domain_phrases.txt"
LEXICON_PACKAGE = "underthesea"
LEXICON_FILE = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727", "dictionary.bin")
MAX_WORD_SYLLABLES = 6  # longer dictionary entries are idioms and titles of works, not cloud terms
MAX_NAME_SYLLABLES = 4  # a longer capitalised run is a headline in title case, not one name

# (glued, word, mark): a token glued by URL/file/number punctuation ("57-KL/TW", dropped later);
# a syllable or number (an inner apostrophe: "H'Mông"); one punctuation mark.
TOKEN_RE = re.compile(r"(\w+(?:[-./@:_=#&%?~+]+\w+)+)|([^\W_]+(?:['’][^\W_]+)?)|([^\w\s])")

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
                spelling[key(v)] = phrase
    return tuple(canon), spelling


def key(text: str) -> str:
    """Lookup key: lower case, canonical tone placement, single spaces."""
    return " ".join(fold_tones(text.lower()).split())


@lru_cache(maxsize=1)
def _phrase_re() -> re.Pattern:
    canon, spelling = domain_phrases()
    spellings = {s.lower() for s in spelling} | {c.lower() for c in canon}
    alternation = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)


def canonical_text(text: str) -> str:
    """The text with every domain-phrase spelling replaced by its canonical written form."""
    _, spelling = domain_phrases()
    return _phrase_re().sub(lambda m: spelling.get(key(m.group(0)), m.group(0)), nfc(text))


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
    entries = {key(w): "" for w in words if 2 <= len(w.split()) <= MAX_WORD_SYLLABLES}
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


def words_of_run(run: list[str]) -> list[str]:
    """Longest-match words of a run of syllables (no punctuation inside)."""
    joined = key(" ".join(run))
    keys = joined.split(" ")
    if len(keys) != len(run):  # lower-casing changed a syllable's shape: match syllable by syllable
        keys = [key(s) for s in run]
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
            out += words_of_run(run)
            run = []
        out.append(glued or mark)
    if run:
        out += words_of_run(run)
    return out
