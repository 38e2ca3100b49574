"""Raw scraped text -> CleanDoc: header | title | dateline | body | byline.

A scraped page is site furniture (clocks, banners, menus), the title, a dateline, the
article, an author line, then widgets and teasers. Extractors want the article; the
dateline and header are kept raw because *deciding* which date is the publication date is
the dates module's job, not ours. Cleaning is conservative: a line is removed only when a
pattern says it is furniture; losing a body sentence costs more than keeping some noise.
Furniture patterns are data (assets/boilerplate.txt); the structural rules are here.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .assets import read_text
from .evidence import CleanDoc
from .textnorm import fold, nfc

BOILERPLATE_ASSET = "boilerplate.txt"
TOP_ZONE_LINES = 10  # furniture, title and dateline live in the first lines of a page
TITLE_MIN_WORDS = 5  # shorter lines above the title are section labels and menus
TITLE_MAX_CHARS = 250  # a longer first line is the lede paragraph, not a title
DATELINE_MAX_CHARS = 140
DATELINE_MAX_OTHER_WORDS = 8  # words besides the date/time tokens in a dateline
DATE_ONLY_MAX_OTHER_WORDS = 3
CAPTION_MAX_CHARS = 160
TEASER_MAX_CHARS = 200
BYLINE_MAX_CHARS = 60
BYLINE_MAX_LINES = 2
MIN_PREFIX_DUP_CHARS = 30  # a line that is a prefix of an earlier one is its broken copy

VI_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VI_MARKED = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")

MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_RES = (
    re.compile(r"\b\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d{2}\b"),  # 18/07/2022, 11-10-2023
    re.compile(r"\b(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?\b"),  # 2025-12-13, and month tags 2022-10
    re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}\b", re.I),
    re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS_EN})\s+(?:19|20)\d{{2}}\b", re.I),
    re.compile(rf"\b(?:{MONTHS_EN})\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b", re.I),
)
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?'?(?:\s*[AP]M)?|\(?GMT\s*[+-]\s*\d{1,2}\)?", re.I)
WEEKDAY_RE = re.compile(r"\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\b", re.I)
# A date tag glued in front of the first text line: " date 2025-12-13 Phát biểu ..."
LEADING_DATE_TAG_RE = re.compile(r"^(date\s+(?:19|20)\d{2}-\d{2}(?:-\d{2})?)\s+(\S.*)$", re.I)
# A clock at the end of a title: "... năm 2019 (19:24 21/08/2019)"
TITLE_DATE_TAIL_RE = re.compile(
    r"\s*(\((?:\d{1,2}:\d{2}\s+)?\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?:\s+\d{1,2}:\d{2})?\))\s*$")
# "(QBĐT) - Ngày 13-12, ..." / "BHG - Sáng 29.3, ..." / "Kinhtedothi - Ngày 2/6, ...": an agency
# tag opens the lede paragraph, so a first line like this is not a title.
LEDE_RE = re.compile(
    r"^(?:\([^()]{2,25}\)\s*[-–—]|[A-ZĐ][A-ZĐ.]{1,15}\s*[-–—]\s|[\w.]{2,25}\s*[-–—]\s*(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm|Vừa|Mới|Trong|Từ|Năm)\b|"
    r"(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Vừa qua|Mới đây)\s+(?:nay\s+)?\(?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\)?,?\s)")
LEDE_MIN_WORDS_WITH_PERIOD = 13  # a first line ending in '.' with this many words is a sentence
SENTENCE_END_RE = re.compile(r"[.!?…:;\"”]\s*$")
CAPTION_RE = re.compile(r"(?:\((?:Ảnh|Nguồn ảnh|Photo)\s*:?[^)]*\)|[.\s]Ảnh\s*:\s*[^.]{1,40}|\s[-–]\s*Ảnh\s*\d+)\s*\|?$")
CELL_BAR_RE = re.compile(r"^\|\s*|\s*\|$")  # "Caption. |" and "| Caption": image-table cells
NAME_WORD = rf"[{VI_UPPER}][{VI_LOWER}’']*|[{VI_UPPER}]{{2,}}"
NAME_RE = re.compile(rf"^(?:(?:PGS|GS|TS|ThS|Ths)\.\s*)*(?:{NAME_WORD})(?:[\s\-](?:{NAME_WORD})){{1,4}}$")
INITIALS_RE = re.compile(rf"^(?:[{VI_UPPER}][{VI_LOWER}]?\.){{1,3}}[{VI_UPPER}][{VI_LOWER}]?\.?$|^[{VI_UPPER}]{{2,6}}$")
BYLINE_PREFIX_RE = re.compile(
    r"^(?:Tác giả(?: bài viết)?|Nguồn|Theo|Bài(?:\s*(?:và|,|&)\s*ảnh)?|Tin(?:\s*(?:và|,|&)\s*ảnh)?|"
    r"Ảnh|PV|Phóng viên|Nhóm PV|Người viết|Biên tập|BTV)\s*[:\-–]\s*\S", re.I)
BYLINE_SOURCE_RE = re.compile(r"^(?:Theo|Nguồn)\s+\S.{0,50}$")
GLUED_TAIL_RE = re.compile(rf"(?<=[{VI_LOWER}])(?:Nội dung|Chia sẻ|Bình luận|Tags?)\s*:?\s*$")
BULLET_RE = re.compile(r"^[•·●▪◦]\s*")
MD_HEADING_RE = re.compile(r"^#{1,6}\s+(?=\S)")  # "# Tiêu đề" in .md files


@dataclass(frozen=True)
class Patterns:
    drop: tuple[re.Pattern, ...]
    block: tuple[re.Pattern, ...]
    image: tuple[re.Pattern, ...]
    banner: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The furniture patterns of assets/boilerplate.txt, compiled (read once per process)."""
    sections: dict[str, list[re.Pattern]] = {"drop": [], "block": [], "image": [], "banner": []}
    current = None
    for line in read_text(BOILERPLATE_ASSET).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections[current].append(re.compile(f"(?:{line})", re.I))
    return Patterns(**{k: tuple(v) for k, v in sections.items()})


def _matches(line: str, pats: tuple[re.Pattern, ...]) -> bool:
    probe = BULLET_RE.sub("", line)
    return any(p.fullmatch(probe) for p in pats)


def _key(line: str) -> str:
    return fold(re.sub(r"[\W_]+", " ", line))


def _words(line: str) -> list[str]:
    return line.split()


def has_date(line: str) -> bool:
    return any(r.search(line) for r in DATE_RES)


def _other_words(line: str) -> int:
    """Words in ``line`` once its dates, times and weekday names are taken out."""
    rest = line
    for r in (*DATE_RES, TIME_RE, WEEKDAY_RE):
        rest = r.sub(" ", rest)
    return len([w for w in re.split(r"[\s|,()'’\-–:]+", rest) if re.search(r"\w", w)])


def is_dateline(line: str) -> bool:
    """A short line that carries a date: a clock, a dateline, 'Cập nhật ngày: ...'."""
    return len(line) <= DATELINE_MAX_CHARS and has_date(line) and _other_words(line) <= DATELINE_MAX_OTHER_WORDS


def is_date_only(line: str) -> bool:
    """A dateline with next to no other words ('22/11/2018 15:39', '• 28/07/2017 14:30')."""
    return is_dateline(line) and _other_words(line) <= DATE_ONLY_MAX_OTHER_WORDS


def is_furniture(line: str) -> bool:
    p = patterns()
    return _matches(line, p.drop) or _matches(line, p.block) or _matches(line, p.banner)


def _has_vietnamese_marks(line: str) -> bool:
    return any(ch in VI_MARKED for ch in line.lower())


def is_title_like(line: str) -> bool:
    """Could be a headline: long enough, short enough, Vietnamese, not furniture or a date."""
    words = _words(line)
    return (len(words) >= TITLE_MIN_WORDS and len(line) <= TITLE_MAX_CHARS and _has_vietnamese_marks(line)
            and not is_dateline(line) and not is_furniture(line))


def is_lede(line: str) -> bool:
    """The opening paragraph (agency tag, 'Sáng 18-7, ...', a long sentence), not a headline."""
    if len(line) > TITLE_MAX_CHARS or LEDE_RE.match(line):
        return True
    sentence = line.endswith(".") and not line.isupper()  # ALL-CAPS headlines may end in '.'
    return sentence and len(_words(line)) >= LEDE_MIN_WORDS_WITH_PERIOD


def is_paragraph(line: str) -> bool:
    return bool(SENTENCE_END_RE.search(line)) or len(_words(line)) >= 15


def _same(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return bool(ka) and (ka == kb or (min(len(ka), len(kb)) >= 20 and (ka.startswith(kb) or kb.startswith(ka))))


def _split_lines(raw: str) -> list[str]:
    """Non-empty stripped lines; a date tag glued to the first line becomes its own line."""
    lines = [MD_HEADING_RE.sub("", ln.strip()) for ln in raw.splitlines() if ln.strip()]
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        m = LEADING_DATE_TAG_RE.match(line)
        if m:
            lines[i:i + 1] = [m.group(1), m.group(2)]
            break
    return lines


@dataclass
class Top:
    header: list[str]
    title: str | None
    dateline: list[str]
    rest: list[str]


def _find_title_line(lines: list[str], title: str) -> int | None:
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        if _same(line, title) or _same(TITLE_DATE_TAIL_RE.sub("", line), title):
            return i
    return None


def _guess_title_line(lines: list[str]) -> tuple[int | None, int]:
    """(index of the title line or None, index where the text after the furniture starts)."""
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        if is_dateline(line) or is_furniture(line):
            continue
        if is_lede(line):
            return None, i
        if is_title_like(line):
            return i, i
        if len(_words(line)) >= TITLE_MIN_WORDS and _has_vietnamese_marks(line):
            return None, i  # a real text line that cannot be a title: the text starts here
    return None, 0


def split_top(lines: list[str], title: str | None) -> Top:
    """Header (above the title), title, dateline lines and the remaining lines."""
    index = _find_title_line(lines, title) if title else None
    if title and index is None and not is_title_like(title):
        title = None  # a page's <title> that is only the site name ("Báo tỉnh"): find the headline
    if title is None:
        index, start = _guess_title_line(lines)
    else:
        start = index if index is not None else _guess_title_line(lines)[1]
    if index is not None:
        title = title or lines[index]
        header, rest = lines[:index], lines[index + 1:]
    else:
        header, rest = lines[:start], lines[start:]
    dateline = [ln for ln in header if is_dateline(ln)]
    if title:
        m = TITLE_DATE_TAIL_RE.search(title)
        if m and len(title) > len(m.group(0)) + 10:
            dateline.append(m.group(1))
            title = title[:m.start()].rstrip()
    return Top(header=header, title=title, dateline=dateline, rest=rest)


def _take_top_meta(rest: list[str], dateline: list[str]) -> tuple[list[str], list[str]]:
    """Move page meta out of the top of the body: (remaining lines, author credits).

    Datelines before the first paragraph go to ``dateline``, and so do date-only lines
    anywhere in the top zone (some pages put the clock under the lede). A bulleted or
    labelled name before the first paragraph ('• Châu Anh', 'Tác giả: Lê Hằng') is a credit.
    """
    out: list[str] = []
    credits: list[str] = []
    before_paragraph = True
    for i, line in enumerate(rest):
        if before_paragraph and is_dateline(line) or i < TOP_ZONE_LINES and is_date_only(line):
            dateline.append(line)
            continue
        if before_paragraph and not is_paragraph(line) and (BULLET_RE.match(line) or BYLINE_PREFIX_RE.match(line)):
            credit = _byline_text(line)  # only marked lines: a bare "Khánh Hòa" here is a place tag
            if credit and not INITIALS_RE.match(credit):
                credits.append(credit)
                continue
        if is_paragraph(line) and not is_furniture(line):
            before_paragraph = False
        out.append(line)
    return out, credits


@dataclass
class Body:
    lines: list[str]
    captions: list[str]


def _is_caption_after_image(line: str) -> bool:
    return len(line) <= CAPTION_MAX_CHARS and (not SENTENCE_END_RE.search(line) or bool(CAPTION_RE.search(line)))


def _repeated_short(lines: list[str]) -> set[str]:
    """Keys of short lines without a final period that occur more than once: photo captions."""
    seen: dict[str, int] = {}
    for line in lines:
        text = CELL_BAR_RE.sub("", line)
        if len(text) <= CAPTION_MAX_CHARS and not text.endswith((".", "!", "?", "…", ":")):
            seen[_key(text)] = seen.get(_key(text), 0) + 1
    return {k for k, n in seen.items() if n > 1 and k}


def _has_longer_with_prefix(ordered: list[str], key: str) -> bool:
    i = bisect.bisect_right(ordered, key)
    return i < len(ordered) and ordered[i].startswith(key)


def clean_body(lines: list[str], title: str | None) -> Body:
    """Drop furniture, teaser blocks, duplicated lines and detectable photo captions."""
    p = patterns()
    repeated = _repeated_short(lines)
    kept: list[str] = []
    captions: list[str] = []
    seen: set[str] = {_key(title)} if title else set()
    ordered: list[str] = []  # keys of kept lines, sorted: prefix lookups by bisection
    in_block = after_image = False
    for line in lines:
        if _matches(line, p.block):
            in_block, after_image = True, False
            continue
        if in_block:
            if len(line) <= TEASER_MAX_CHARS and not is_paragraph(line) or _matches(line, p.drop):
                continue
            in_block = False
        if _matches(line, p.image):
            after_image = True
            continue
        if _matches(line, p.drop):
            continue
        text = CELL_BAR_RE.sub("", line).strip()
        key = _key(text)
        if not key:
            continue
        was_after_image, after_image = after_image, False
        if was_after_image and _is_caption_after_image(text) or key in repeated or (
                len(text) <= CAPTION_MAX_CHARS and CAPTION_RE.search(line)):
            if key not in seen:
                captions.append(text)
            seen.add(key)
            continue
        if key in seen or (title and _same(text, title)):
            continue
        if len(key) >= MIN_PREFIX_DUP_CHARS and _has_longer_with_prefix(ordered, key):
            continue  # a broken copy of an earlier line ("... Ngà" / "y thành lập ...")
        seen.add(key)
        bisect.insort(ordered, key)
        kept.append(text)
    return Body(lines=kept, captions=captions)


def _byline_text(line: str) -> str | None:
    """The author/source credit in ``line`` if the whole line is one, else None."""
    text = GLUED_TAIL_RE.sub("", BULLET_RE.sub("", line)).strip()
    if not text or len(text) > BYLINE_MAX_CHARS:
        return None
    if BYLINE_PREFIX_RE.match(text) or INITIALS_RE.match(text):
        return text
    if NAME_RE.match(text) or (BYLINE_SOURCE_RE.match(text) and not SENTENCE_END_RE.search(text)):
        return text
    return None


def split_byline(lines: list[str]) -> tuple[list[str], str | None]:
    """Take author/source lines off the end of the body."""
    found: list[str] = []
    while lines and len(found) < BYLINE_MAX_LINES:
        credit = _byline_text(lines[-1])
        if credit is None:
            break
        found.insert(0, credit)
        lines = lines[:-1]
    if not lines:  # the whole "body" looked like credits: keep it as body instead
        return found, None
    return lines, "; ".join(found) or None


def clean_text(raw: str, title: str | None = None, extras: dict | None = None) -> CleanDoc:
    """Split a scraped article into header / title / dateline / body / byline (raw kept intact)."""
    raw = nfc(raw or "")
    title = nfc(title).strip() or None if title else None
    top = split_top(_split_lines(raw), title)
    rest, credits = _take_top_meta(top.rest, top.dateline)
    body = clean_body(rest, top.title)
    lines, byline = split_byline(body.lines)
    byline = byline or "; ".join(credits) or None
    extras = dict(extras or {})
    if body.captions:
        extras["captions"] = body.captions
    return CleanDoc(
        title=top.title,
        dateline="\n".join(top.dateline) or None,
        body="\n".join(lines),
        byline=byline,
        raw=raw,
        header="\n".join(top.header),
        extras=extras,
    )
