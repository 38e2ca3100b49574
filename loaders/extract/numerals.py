"""Vietnamese numerals as written in news: "1.000" (a thousand), "hơn 50" (a bound), "hai mươi lăm".

``parse_vn_number`` reads one number; ``NUM``/``QNUM`` are the regex pieces that find one in running
text (with an approximate or vague qualifier before it) for the count extractors.
"""
from __future__ import annotations

import re
from itertools import pairwise

from ..textnorm import fold_tones, nfc

DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
TEN_WORDS = {"mười"}  # "mười" = 10 as a word of its own
TENS_WORD = "mươi"  # "hai mươi" = 20: multiplies the digit before it
TENS_WORDS = {TENS_WORD, "chục"}  # "hai chục" = 20 as well
FILLER_WORDS = {"linh", "lẻ"}  # "hai trăm linh năm" = 205
TAIL_ONLY_WORDS = TENS_WORDS | {"mốt", "lăm", "nhăm", "tư"}  # only after "mươi"/"mười": "hai mươi mốt"
SCALE_WORDS = {"trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}
NUMBER_WORDS = set(DIGIT_WORDS) | TEN_WORDS | TENS_WORDS | FILLER_WORDS | set(SCALE_WORDS)

# "hơn 50", "gần 300", "trên 120": a bound, kept with approx=True
APPROX_WORDS = ("hơn", "gần", "trên", "khoảng", "xấp xỉ", "ước tính", "ước", "ngót", "chừng", "trên dưới", "tới")
# "hàng trăm", "nhiều", "vài chục": no determinable number
VAGUE_WORDS = ("hàng", "nhiều", "vài", "mấy", "dăm", "các", "những")

DIGITS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")  # "1.000" is one thousand, "09" is nine
WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
APPROX_ALT = "|".join(sorted(APPROX_WORDS, key=len, reverse=True))
VAGUE_ALT = "|".join(VAGUE_WORDS)
# one number as written: digits with thousands dots, or a run of number words
NUM = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+|(?:(?:{WORD_ALT})\s+)*(?:{WORD_ALT}))(?![\w.,]\d)"
QNUM = rf"(?:(?P<vague>(?i:{VAGUE_ALT})\s+)|(?P<approx>(?i:{APPROX_ALT})\s+))?(?P<num>{NUM})"


def parse_vn_number(s: str) -> tuple[int, bool] | None:
    """'1.000' -> (1000, False); 'hơn 50' -> (50, True); 'hai mươi lăm' -> (25, False); vague -> None."""
    text = fold_tones(nfc(s or "")).strip().lower()
    approx = False
    for word in VAGUE_WORDS:
        if text == word or text.startswith(word + " "):
            return None
    for word in sorted(APPROX_WORDS, key=len, reverse=True):
        if text.startswith(word + " "):
            approx, text = True, text[len(word):].strip()
            break
    if not text:
        return None
    if DIGITS_RE.match(text):
        return int(text.replace(".", "")), approx
    digit_then_scale = re.match(r"^(\d+)\s+(trăm|nghìn|ngàn|triệu)$", text)
    if digit_then_scale:
        return int(digit_then_scale.group(1)) * SCALE_WORDS[digit_then_scale.group(2)], approx
    words = text.split()
    for i in range(len(words)):  # "đầu tư hai": the number is the longest valid tail
        value = _parse_number_words(words[i:])
        if value is not None:
            return value, approx
    return None


def _parse_number_words(words: list[str]) -> int | None:
    """Vietnamese number words to an int; None when a word is not a number word."""
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    if words[0] in SCALE_WORDS or words[0] in FILLER_WORDS or words[0] in TAIL_ONLY_WORDS:
        return None  # "trăm đoàn", "lăm", "mươi" do not start a number
    if any(a in DIGIT_WORDS and b in DIGIT_WORDS for a, b in pairwise(words)):
        return None  # "tư hai" is two words, not one number
    total, current = 0, 0
    for word in words:
        if word in DIGIT_WORDS:
            current += DIGIT_WORDS[word]
        elif word in TEN_WORDS:
            current += 10
        elif word in TENS_WORDS:
            units = current % 10 or 1
            current = current - units + units * 10
        elif word in FILLER_WORDS:
            continue
        elif word == "trăm":
            units = current % 100 or 1
            current = current - units + units * 100
        else:  # nghìn / ngàn / triệu close a group
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
    return total + current
