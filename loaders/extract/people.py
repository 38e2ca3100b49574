"""Who an article names: chairs of the meeting and central officials attending.

* chairs: the people of "chủ trì" / "đồng chủ trì" clauses and of the concluding speech, plus a
  directing speech when its speaker heads the Ban Chỉ đạo;
* central officials: people in attendance lists whose title names a central body.

Names are found as runs of capitalised syllables anchored on an honorific (đồng chí, ông, bà)
or on a family name from assets/vn_surnames.txt; words that look like names but are not
(assets/non_person_names.txt) are skipped.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..assets import read_lines
from ..textnorm import fold, nfc
from ..types import CleanDoc, Person

HONORIFIC_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:các đồng chí|đồng chí|Đ/c|đ/c|ông|bà|Ông|Bà|Đồng chí|Các đồng chí)\s*:?\s+)")
CHAIR_RE = re.compile(r"(?:đồng |cùng )?chủ trì", re.I)
# the concluding speech: "phát biểu kết luận", "kết luận hội nghị", the closing speech ("phát biểu bế mạc")
CONCLUDE_RE = re.compile(
    r"phát biểu (?:ý kiến )?(?:kết luận|bế mạc)|(?:kết luận|bế mạc) (?:hội nghị|cuộc họp|buổi|lớp)", re.I)
DIRECT_RE = re.compile(r"phát biểu chỉ đạo", re.I)
HEAD_OF_BCD_RE = re.compile(r"(?<!Phó )Trưởng [Bb]an [Cc]hỉ đạo", re.U)
INSTITUTION_AFTER_RE = re.compile(r"^\s*(?:,\s*)?phối hợp", re.I)
ATTEND_RE = re.compile(r"(?:tham dự|đến dự|tới dự|cùng dự|dự hội nghị|dự lễ|dự buổi|có sự tham dự)", re.I)
CENTRAL_TITLE_RE = re.compile(
    r"Trung ương|T\.Ư|\bTW\b|\bTƯ\b|\bBộ\b(?! đội| chỉ huy)|Chính phủ|Quốc hội(?! tỉnh)|Cục ", re.U)
ITEM_SPLIT_RE = re.compile(r";|\s+và\s+(?=(?:các |)(?:đồng chí|ông|bà|Đ/c|Đại tá|Thiếu tướng|[^\W\d_]+\s+[^\W\d_]))")
# Words after which a new clause starts: a name before them does not belong to the chair phrase
CLAUSE_CUT_RE = re.compile(r":\s|\b(?:nhấn mạnh|cho biết|khẳng định|đề nghị|tới|sau khi|trong khuôn khổ|là)\b")
# What stands between 'chủ trì' / 'kết luận' and the names that follow it:
# 'sự chủ trì của đồng chí A', 'Chủ trì hội nghị có các đồng chí: A', 'Chủ trì hội nghị là đồng chí A',
# 'Phát biểu kết luận hội nghị, đồng chí A'
AFTER_LEAD_RE = re.compile(r"^\s*(?:của\s+|[^,:.]{0,60}?:\s*|[^,:.]{0,60}?\b(?:có|gồm|là)\s+|[^,:.]{0,60}?,\s*)")
SEPARATOR_CHARS = ",;:.()–—-|…!?"
MAX_NAME_SYLLABLES = 4
# How far a chair or attendee phrase looks for its sentence's ends. Real sentences are far shorter;
# unbounded, a long text without full stops cost (matches x its length): quadratic.
SENTENCE_WINDOW = 3000
# A chair phrase (names and titles before "chủ trì") is a few hundred characters at most (the longest
# in the labelled and bench articles: 368); reading further back per match made long texts quadratic.
CHAIR_PHRASE_CHARS = 600
APOSTROPHES = "’'"


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(read_lines("vn_surnames.txt"))


@lru_cache(maxsize=1)
def _non_person_names() -> frozenset[str]:
    return frozenset(fold(x) for x in read_lines("non_person_names.txt"))


def _is_syllable(word: str) -> bool:
    """A capitalised name syllable: 'Nguyễn', 'Y', 'Kđoh', "H’Yim" (not 'UBND', not 'ủy')."""
    if not word or not word[0].isupper() or not word[0].isalpha():
        return False
    rest = word[1:]
    for i, ch in enumerate(rest):
        if ch in APOSTROPHES:
            continue
        if ch.isalpha() and (ch.islower() or (i > 0 and rest[i - 1] in APOSTROPHES)):
            continue
        return False
    return True


def _is_surname(word: str) -> bool:
    if word in _surnames():
        return True
    return len(word) > 2 and word[0] in "HYK" and word[1] in APOSTROPHES  # H’Yim, Y’Jút


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Words with a flag 'a separator follows' (comma, dash, end of text...)."""
    out: list[tuple[str, bool]] = []
    for raw in text.split():
        if all(ch in SEPARATOR_CHARS for ch in raw):
            if out:
                out[-1] = (out[-1][0], True)
            continue
        word = raw.strip(SEPARATOR_CHARS + "\"“”")
        if raw[:1] in SEPARATOR_CHARS and out:
            out[-1] = (out[-1][0], True)
        out.append((word, raw[-1:] in SEPARATOR_CHARS))
    if out:
        out[-1] = (out[-1][0], True)
    return out


def _runs(text: str) -> list[tuple[list[str], bool]]:
    """Maximal runs of capitalised syllables, each with 'ends at a separator or lowercase word'."""
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for word, sep_after in _tokens(text):
        if _is_syllable(word):
            current.append(word)
            if sep_after:
                runs.append((current, True))
                current = []
        else:
            if current:
                runs.append((current, word[:1].islower()))
            current = []
    if current:
        runs.append((current, True))
    return runs


def _valid(name: list[str]) -> bool:
    if not 2 <= len(name) <= MAX_NAME_SYLLABLES:
        return False
    key = fold(" ".join(name))
    return not any(key.startswith(x) for x in _non_person_names())


def _surname_anchored(run: list[str]) -> list[str] | None:
    """The personal name at the end of a run that may start with title or place words."""
    for i, word in enumerate(run):
        if _is_surname(word) and _valid(run[i:]):
            return run[i:]
    return None


def _names_in_item(item: str) -> list[tuple[str, str]]:
    """(name, title) of the people an item describes: 'đồng chí A, Bí thư ...' (one person, anchored
    on the honorific) or 'Phó Chủ tịch UBND tỉnh A, Giám đốc Sở B' (title first, anchored on family names)."""
    hon = HONORIFIC_RE.search(item)
    if hon:
        after = item[hon.end():]
        runs = _runs(after)
        if runs and after.lstrip()[:1].isupper():
            first = runs[0][0][:MAX_NAME_SYLLABLES]
            if _valid(first):
                name = " ".join(first)
                return [(name, _title_of(after, name, honorific=True))]
    out = []
    for run, _ in _runs(item):
        anchored = _surname_anchored(run)
        if anchored:
            joined = " ".join(anchored)
            out.append((joined, _title_of(item, joined, honorific=False)))
    return out


def _title_of(item: str, name: str, honorific: bool) -> str:
    """The words around a name that describe the person: after it ('A, Bí thư ...'), else the last
    comma chunk before it ('Sáng 7/1, Phó Bí thư Tỉnh ủy A' -> 'Phó Bí thư Tỉnh ủy')."""
    before, _, after = item.partition(name)
    kept = []
    for chunk in re.split(r"\s*[,–—]\s*|\s+-\s+", after.strip(" ,;:-–—.")):
        if not chunk or not (chunk[0].isupper() or chunk.startswith("kiêm")):
            break  # titles are capitalised chunks; the first lowercase chunk is the sentence going on
        kept.append(chunk)
    after = ", ".join(kept)
    before = "" if honorific else re.split(r",\s", before)[-1].strip(" ,;:-–—.")
    title = ", ".join(x for x in (before, after) if x)
    return re.sub(r"\s+", " ", title).strip()


def _names_in_clause(clause: str) -> list[tuple[str, str]]:
    out = []
    for item in ITEM_SPLIT_RE.split(clause):
        out += _names_in_item(item)
    return out


def _sentence_start(text: str, pos: int) -> int:
    low = max(0, pos - SENTENCE_WINDOW)
    found = max(text.rfind(ch, low, pos) for ch in (". ", "\n", "! ", "? "))
    return found + 1 if found >= 0 else low


def _sentence_end(text: str, pos: int) -> int:
    high = pos + SENTENCE_WINDOW
    ends = [i for i in (text.find(ch, pos, high) for ch in (". ", "\n", ".\n")) if i >= 0]
    return min(ends) if ends else min(len(text), high)


def _chairs_at(text: str, match: re.Match, before_only: bool = False) -> list[tuple[str, str, str]]:
    """Names that chair at this 'chủ trì' / 'kết luận' match: the clause before it, else the one after."""
    start, end = _sentence_start(text, match.start()), _sentence_end(text, match.end())
    sentence = text[start:end].strip()
    before = text[max(start, match.start() - CHAIR_PHRASE_CHARS):match.start()]
    if before.strip():
        # "Sáng 15/3, ..., đồng chí A ... chủ trì": only the part after the last clause break
        # that still names someone belongs to the chair phrase.
        found = _names_in_clause(CLAUSE_CUT_RE.split(before)[-1])
        if found:
            return [(n, t, sentence) for n, t in found]
    if before_only:
        return []
    after = text[match.end():end]
    if INSTITUTION_AFTER_RE.match(after):
        return []
    after = AFTER_LEAD_RE.sub("", after, count=1)
    return [(n, t, sentence) for n, t in _names_in_clause(after)]


def _chairs(text: str) -> list[tuple[str, str, str, str]]:
    """(name, title, sentence, rule) of every chair: "chu_tri", "conclusion", "directing_head"."""
    out: list[tuple[str, str, str, str]] = []
    for m in CHAIR_RE.finditer(text):
        out += [(*found, "chu_tri") for found in _chairs_at(text, m)]
    for m in CONCLUDE_RE.finditer(text):
        out += [(*found, "conclusion") for found in _chairs_at(text, m)]
    for m in DIRECT_RE.finditer(text):
        # a directing speech makes its speaker a chair only when the speaker heads the Ban Chỉ đạo
        for name, title, sentence in _chairs_at(text, m):
            if HEAD_OF_BCD_RE.search(title):
                out.append((name, title, sentence, "directing_head"))
    return out


def _central_officials(text: str) -> list[tuple[str, str, str, str]]:
    out = []
    for m in ATTEND_RE.finditer(text):
        start, end = _sentence_start(text, m.start()), _sentence_end(text, m.end())
        clause = re.sub(r"^[^:]*?(?:có|gồm)?\s*(?:các đồng chí|các ông|đồng chí)?[^:;]{0,40}:\s*", "",
                        text[m.end():end], count=1)
        for name, title in _names_in_clause(clause):
            if CENTRAL_TITLE_RE.search(title):
                out.append((name, title, text[start:end].strip(), "attendance"))
    return out


def extract_people(doc: CleanDoc) -> list[Person]:
    """Chairs (chủ trì / đồng chủ trì / concluding speech as head) and central officials attending."""
    text = "\n".join(x for x in (nfc(doc.title or ""), nfc(doc.body or "")) if x)
    people: list[Person] = []
    seen: set[str] = set()
    for role, found in (("chair", _chairs(text)), ("central_official", _central_officials(text))):
        for name, title, sentence, rule in found:
            key = fold(name)
            if key in seen:
                continue
            seen.add(key)
            people.append(Person(name=name, title=title[:200], role=role, evidence=sentence[:400], rule=rule))
    return people
