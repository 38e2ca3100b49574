"""Vietnamese text normalisation shared by every extractor.

NFC first (some scrapes arrive decomposed), then one canonical tone placement so that
Hòa/Hoà, Thủy/Thuỷ compare equal, and a sentence splitter that keeps evidence readable.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style vs new-style tone placement: both spellings are in the wild, fold to new style.
TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
TONE_PLACEMENT.update({k.upper(): v.upper() for k, v in TONE_PLACEMENT.items()})
TONE_PLACEMENT.update({k[0].upper() + k[1]: v[0].upper() + v[1]
                       for k, v in list(TONE_PLACEMENT.items()) if k.islower()})
# A toned o/u before the vowel that should carry the tone (a character class first: the scan is fast)
TONE_RE = re.compile("[" + "".join(sorted({k[0] for k in TONE_PLACEMENT})) + "]["
                     + "".join(sorted({k[1] for k in TONE_PLACEMENT})) + "]")

# Vietnamese letters for regex character classes ("[{VI_UPPER}]"): one home for every module.
VI_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

SPACE_CHARS = " \t\u00a0\u2000-\u200b\u202f\u205f\u3000"
SPACES_RE = re.compile(rf"[{SPACE_CHARS}]+")
# Only the runs that SPACES_RE would change (not a lone " "): most texts have thousands of those
SPACE_RUNS_RE = re.compile(rf"[{SPACE_CHARS[1:]}][{SPACE_CHARS}]*| [{SPACE_CHARS}]+")
ODD_SPACE_RE = re.compile(rf"[{SPACE_CHARS[1:]}]")
ZERO_WIDTH_RE = re.compile(r"[\u200b-\u200d\ufeff]")
# Extractors normalise the same texts (the body, the title, each sentence) again and again: the
# pure functions below remember their latest answers (a str caches its hash, so a hit is cheap).
MEMO = 1024
# A sentence ends at . ! ? ; or a line break, but not inside "TP. Hồ", "1.000", "T.Ư", "v.v."
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+")
# Abbreviations whose dot ends no sentence ("TP. Hồ Chí Minh", "PGS. TS.", "T.Ư."): the one list.
TITLE_ABBREVIATIONS = (r"TP", r"Tp", r"T\.Ư", r"TS", r"ThS", r"PGS", r"GS", r"Nxb")
OTHER_ABBREVIATIONS = (r"v\.v", r"Đ/c", r"đ/c", r"St", r"No", r"KL", r"[A-ZĐ]")  # "v.v.", "Đ/c.", initials
ABBREV_TAIL_RE = re.compile(r"(?:" + "|".join(rf"\b{a}" for a in TITLE_ABBREVIATIONS + OTHER_ABBREVIATIONS) + r")\.$")
ABBREV_DOT_RE = re.compile(r"\b(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.(?=\s)")
ABBREV_MASK = "\u2024"  # one-dot leader: same length as ".", so offsets stay valid


@lru_cache(maxsize=MEMO)
def nfc(text: str) -> str:
    """Unicode NFC with zero-width characters removed and spaces collapsed (line breaks kept)."""
    text = unicodedata.normalize("NFC", text or "")
    if ZERO_WIDTH_RE.search(text):
        text = ZERO_WIDTH_RE.sub("", text)
    return collapse_spaces(text)


def collapse_spaces(text: str) -> str:
    """Runs of spaces, tabs and the odd Unicode spaces as one " " (line breaks kept)."""
    if "  " not in text and not ODD_SPACE_RE.search(text):  # the common case: nothing to change
        return text
    return SPACE_RUNS_RE.sub(" ", text)


@lru_cache(maxsize=MEMO)
def fold_tones(text: str) -> str:
    """Canonical tone placement: 'Hòa' and 'Hoà' become the same string."""
    return TONE_RE.sub(lambda m: TONE_PLACEMENT.get(m.group(0), m.group(0)), text)


@lru_cache(maxsize=MEMO)
def fold(text: str) -> str:
    """Key for comparing names: NFC, lower case, canonical tones, single spaces."""
    return collapse_spaces(fold_tones(nfc(text).lower())).strip()


def strip_marks(text: str) -> str:
    """Remove all diacritics (đ -> d): 'Khánh Hòa' -> 'khanh hoa'. For URLs and slugs."""
    text = unicodedata.normalize("NFD", fold(text)).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def mask_abbreviations(text: str) -> str:
    """The dots of title abbreviations ("TP.", "PGS.") replaced by a look-alike of the same length,
    so a search for full stops finds sentence ends only; offsets into ``text`` stay valid."""
    return ABBREV_DOT_RE.sub(lambda m: m.group(0)[:-1] + ABBREV_MASK, text)


def whole_word(pattern: str) -> str:
    """A regex alternation ``pattern`` matched only as whole words."""
    return r"(?<!\w)(?:" + pattern + r")(?!\w)"


def split_sentences(text: str) -> list[str]:
    """Split into sentences/lines, gluing back splits after abbreviations like 'TP.'."""
    out: list[str] = []
    for piece in SENTENCE_END_RE.split(text or ""):
        piece = piece.strip()
        if not piece:
            continue
        if out and ABBREV_TAIL_RE.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


BOUNDARY_RE = re.compile(r"\n|[.;!?…](?=\s)")


def _is_real_boundary(text: str, i: int) -> bool:
    """A '.' after 'TP', 'T.Ư' or an initial does not end a sentence."""
    return text[i] != "." or not ABBREV_TAIL_RE.search(text[max(0, i - 6):i + 1])


def sentence_of(text: str, start: int, end: int | None = None) -> str:
    """The sentence around text[start:end], trimmed: the evidence shown to users."""
    end = start if end is None else end
    left = 0
    for m in BOUNDARY_RE.finditer(text, 0, start):
        if _is_real_boundary(text, m.start()):
            left = m.end()
    right = len(text)
    for m in BOUNDARY_RE.finditer(text, end):
        if _is_real_boundary(text, m.start()):
            right = m.start()
            break
    return text[left:right].strip(" .;\n")
