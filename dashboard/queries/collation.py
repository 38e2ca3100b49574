"""Vietnamese collation: the one sort key every list, ranking, table and picker sorts names by.

Code-point order puts "Đà Nẵng" after "Yên Bái" (Đ is U+0110) and "Ấn Độ" after "Úc". Vietnamese
dictionary order reads letters first, tone marks second, case last:

* first level: the 29 letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z
  of foreign names in their Latin place), tone marks ignored, so "Đắk Lắk" sits beside "Đà Nẵng";
  a space sorts before any letter ("Hà Nam" < "Hà Nội" < "Hàm Yên"); other punctuation is ignored;
* second level: each syllable's tone, wherever its mark sits (Hòa = Hoà), in the order of the
  primers: ngang, huyền, hỏi, ngã, sắc, nặng;
* third level: lower case before upper case; then the text itself, so the order is total.

``sort_key`` returns a plain string, so it works as ``sorted(key=...)`` and in pandas
``sort_values(key=...)`` alike.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import pandas as pd

ALPHABET = "aăâbcdđefghijklmnoôơpqrstuưvwxyz"
DIGITS = "0123456789"
# combining marks that make a letter of its own (ă â ê ô ơ ư) and the tone marks, in primer order
LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
TONE_ORDER = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
SPACE_RANK = "\x02"  # below every letter and digit, above the level separator
LEVEL_SEP = "\x01"
RANK_BASE = 0x20  # digits then letters are ranked from here up: all above SPACE_RANK
RANKS = {ch: chr(RANK_BASE + i) for i, ch in enumerate(DIGITS + ALPHABET)}


@lru_cache(maxsize=4096)
def _char_weights(ch: str) -> tuple[str, str, str]:
    """(primary, tone, case) weights of one NFC character; ("", "", "") for ignorable punctuation."""
    if ch.isspace():
        return SPACE_RANK, "", ""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[:1], decomposed[1:]
    letter = base.lower() + "".join(m for m in marks if m in LETTER_MARKS)
    letter = unicodedata.normalize("NFC", letter)
    rank = RANKS.get(letter)
    if rank is None:
        if not ch.isalnum():
            return "", "", ""
        rank = chr(RANK_BASE + len(RANKS) + ord(ch.lower()[0]))  # other scripts after y, by code point
    tone = next((TONE_ORDER[m] for m in marks if m in TONE_ORDER), 0)
    return rank, chr(0x30 + tone), "1" if ch.isupper() else "0"


@lru_cache(maxsize=65536)
def sort_key(text) -> str:
    """The collation key of ``text`` (None and NaN sort last, as "\uffff")."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return "\uffff"
    text = unicodedata.normalize("NFC", str(text))
    weights = [_char_weights(ch) for ch in text]
    primary = "".join(w[0] for w in weights)
    # one tone per syllable, wherever its mark sits: "Hòa" and "Hoà" are one name
    tones = "".join(max((w[1] for w in _chars(word)), default="0") for word in text.split())
    case = "".join(w[2] for w in weights)
    return LEVEL_SEP.join([primary, tones, case, text])


def _chars(word: str) -> list[tuple[str, str, str]]:
    return [_char_weights(ch) for ch in word]


def sorted_vi(values, key=None) -> list:
    """``values`` in Vietnamese order (``key`` picks the text to compare from each value)."""
    pick = key or (lambda v: v)
    return sorted(values, key=lambda v: sort_key(pick(v)))


def series_key(series: pd.Series) -> pd.Series:
    """``sort_values(key=series_key)`` for a column of names."""
    return series.map(sort_key)


def sort_frame(frame: pd.DataFrame, by: list[str], ascending: list[bool] | bool = True,
               text_cols: tuple[str, ...] | None = None) -> pd.DataFrame:
    """``frame.sort_values(by)`` with text columns (``text_cols``, default every non-numeric one of
    ``by``) compared in Vietnamese order; stable, so equal rows keep their order."""
    if text_cols is None:
        text_cols = tuple(c for c in by if not pd.api.types.is_numeric_dtype(frame[c]))

    def key(column: pd.Series) -> pd.Series:
        return series_key(column) if column.name in text_cols else column
    return frame.sort_values(by, ascending=ascending, kind="mergesort", key=key)
