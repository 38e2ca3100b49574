"""Province names in running text, with the context that says whether each names a province.

"tỉnh Nghệ An" names the province, "huyện Quảng Ninh" a district that shares a province's name,
"Nguyễn Thái Bình" a person; "tại X" is a venue, and a list of three or more names an enumeration.
Text is searched in a *searchable* form of the same length (canonical tones, traps blanked,
capitalised lines in title case) so positions point back into the evidence text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..assets import read_json
from ..gazetteer import CITY_KIND, name_forms, name_re
from ..textnorm import fold_tones, nfc

CONTEXT_ASSET = "place_context.json"
VENUE_FACTOR = 0.5  # "tại X": where, not who
LIST_FACTOR = 0.3  # "Hà Nội, Hải Phòng, Quảng Ninh ...": an enumeration names no one in particular
LIST_MIN = 3
SENTENCE_BREAK_RE = re.compile(r"[.\n]")  # what ends a sentence for the list discount
# Words right before a name that make it a province ("tỉnh Nghệ An") or a district that
# happens to share a province's name ("huyện Quảng Ninh" is in Quảng Bình).
PROVINCE_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:tỉnh|tỉnh ủy|tỉnh uỷ|thành phố|thành ủy|thành uỷ|tp\.?|t\.p\.?|thủ đô))\s*$")
CITY_BEFORE_RE = re.compile(r"(?i:(?<!\w)(?:thành phố|tp\.?|t\.p\.?))\s*$")
DISTRICT_BEFORE_RE = re.compile(
    r"(?i:(?<!\w)(?:huyện|quận|thị xã|thị trấn|xã|phường|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ))\s*$")
VENUE_BEFORE_RE = re.compile(r"(?<!\w)(?:tại|Tại|ở)\s+(?:\S+\s+){0,2}$")
FOREIGN_SEAT_BEFORE_RE = re.compile(
    r"(?i:(?:lãnh sự quán|đại sứ quán|tổng lãnh sự|cơ quan đại diện|văn phòng đại diện|trụ sở)[^.;\n]{0,60}"
    r"(?<!\w)tại\s+(?:\S+\s+){0,2})$")
# A line in capitals ("AN GIANG TỔ CHỨC HỘI NGHỊ"): searched in title case.
CAPS_LINE_MIN_LETTERS = 8


@dataclass(frozen=True)
class Mention:
    province: str
    start: int
    end: int
    classified: bool  # preceded by tỉnh / thành phố / TP. ...
    weight_factor: float  # venue / enumeration discounts



@lru_cache(maxsize=None)
def place_context() -> dict:
    return read_json(CONTEXT_ASSET)



@lru_cache(maxsize=None)
def _trap_re() -> re.Pattern:
    traps = sorted((fold_tones(nfc(t)) for t in place_context()["traps"]), key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in traps))



def searchable(text: str) -> str:
    """NFC, canonical tones, traps blanked, lines in capitals turned to title case.

    Same length as nfc(text) so that positions point into the evidence text.
    """
    text = fold_tones(nfc(text))
    text = _trap_re().sub(lambda m: " " * len(m.group(0)), text)
    lines = []
    for line in text.split("\n"):
        if is_widget_line(line):
            line = " " * len(line)
        if line.isupper() and _all_letters_upper(line):  # isupper first: it is C, and most lines fail it
            line = line.title()
        lines.append(line)
    return "\n".join(lines)


def _all_letters_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= CAPS_LINE_MIN_LETTERS and all(c.isupper() for c in letters)


def is_widget_line(line: str) -> bool:
    """A price or rate table row ('SJC Hà Nội | 76.066 | 78.066'): page furniture, not the article."""
    return line.count("|") >= 2 and any(c.isdigit() for c in line)


def _previous_word(text: str, start: int) -> str:
    head = text[max(0, start - 40):start]
    if not head.endswith(" "):
        return ""
    words = head.rstrip().split(" ")
    return words[-1] if words else ""


def _is_person_context(text: str, start: int) -> bool:
    """'Nguyễn Thái Bình', 'Thị Huế', 'ông Hà Nam': a person, not a province."""
    ctx = place_context()
    before = _previous_word(text, start)
    if before in ctx["person_words_before"]:
        return True
    head = text[max(0, start - 20):start].rstrip()
    return any(head == h or head.endswith(" " + h) for h in ctx["honorifics"])


def find_mentions(text: str) -> tuple[list[Mention], set[str]]:
    """Province mentions in ``text`` (searchable form), and provinces also used as district names."""
    found: list[Mention] = []
    district_named: set[str] = set()
    forms = name_forms()
    for m in name_re().finditer(text):
        province, kind = forms[m.group(1)]
        before = text[max(0, m.start() - 30):m.start()]
        if DISTRICT_BEFORE_RE.search(before):
            district_named.add(province)
            continue
        classified = bool(PROVINCE_BEFORE_RE.search(before)) or kind == "abbr" or "." in m.group(1)
        if kind == CITY_KIND and not CITY_BEFORE_RE.search(before):
            continue
        if not classified and _is_person_context(text, m.start()):
            continue
        factor = 1.0
        wide = text[max(0, m.start() - 120):m.start()]
        if FOREIGN_SEAT_BEFORE_RE.search(wide):
            factor = 0.0
        elif VENUE_BEFORE_RE.search(before):
            factor = VENUE_FACTOR
        found.append(Mention(province, m.start(), m.end(), classified, factor))
    # A name used for a district in this text is ambiguous unless "tỉnh X" says otherwise.
    found = [x for x in found if x.province not in district_named or x.classified]
    return _discount_lists(text, found), district_named


def _discount_lists(text: str, found: list[Mention]) -> list[Mention]:
    """Mentions in a sentence naming LIST_MIN or more provinces weigh less (a list, not a venue).

    Sentence ends are found once and looked up by bisection, and mentions (in text order, never
    overlapping) are counted once per sentence: rescanning text and mentions per mention was
    quadratic on a long text without full stops.
    """
    breaks = [m.start() for m in SENTENCE_BREAK_RE.finditer(text)]
    starts, ends = [x.start for x in found], [x.end for x in found]
    counts: dict[tuple[int, int], int] = {}
    out = []
    for mention in found:
        i, j = bisect_left(breaks, mention.start), bisect_left(breaks, mention.end)
        left = breaks[i - 1] if i else -1
        right = breaks[j] if j < len(breaks) else len(text)
        span = (bisect_right(starts, left), bisect_right(ends, right))
        if span not in counts:
            counts[span] = len({x.province for x in found[span[0]:span[1]]})
        if counts[span] >= LIST_MIN:
            mention = Mention(mention.province, mention.start, mention.end, mention.classified,
                              mention.weight_factor * LIST_FACTOR)
        out.append(mention)
    return out



def blank(regex: re.Pattern, text: str) -> str:
    """``text`` with every match of ``regex`` replaced by spaces (offsets stay valid)."""
    return regex.sub(lambda m: " " * len(m.group(0)), text)
