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
SHORT_TITLE_MIN_WORDS = 2  # "Sơ kết công tác" over a dated lede is a short headline
TABLE_LABEL_MAX_WORDS = 4  # "SJC Hà Nội | 58.039 | 60.039": a label cell, then figures
TABLE_HEADER_MAX_WORDS = 3  # "Loại | Mua | Bán": three or more cells of a word or two
PRICE_ROW_MAX_CHARS = 80
NEAR_TITLE_SKIP = 2  # credits/share buttons that may sit between a headline and its dateline
LISTING_MIN_TEASERS = 3  # dated headlines that make a page a listing on their own
LISTING_LABELLED_MIN_TEASERS = 2  # ... once a "Thẻ: ..." label opens the page
REPORT_MIN_WORDS = 12  # a sentence this long ending in a period is report prose, not a teaser

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
CELL_SPLIT_RE = re.compile(r"\s*[|\t¦]\s*")
# A figure cell of a price/rate/score widget: "58.039", "23,150.5", "+1,2%", "▲ 0.5"
NUMERIC_CELL_RE = re.compile(r"[+\-−▲▼]?\s*\d[\d.,]*\s*%?")
# Figures written with a thousands/decimal separator: prices and rates, not years or counts
PRICE_TOKEN_RE = re.compile(r"^[+\-−]?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?$|^[+\-−]?\d+[.,]\d{1,2}%?$")
BREADCRUMB_RE = re.compile(r"\s[>»›/]\s")
REPORT_END_RE = re.compile(r"[.!?…][\"”)]?\s*$")


@dataclass(frozen=True)
class Patterns:
    drop: tuple[re.Pattern, ...]
    block: tuple[re.Pattern, ...]
    image: tuple[re.Pattern, ...]
    banner: tuple[re.Pattern, ...]
    clock: tuple[re.Pattern, ...]
    listing: tuple[re.Pattern, ...]
    pagination: tuple[re.Pattern, ...]
    doctype: tuple[re.Pattern, ...]
    motto: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The furniture patterns of assets/boilerplate.txt, compiled (read once per process)."""
    sections: dict[str, list[re.Pattern]] = {name: [] for name in Patterns.__dataclass_fields__}
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


def is_table_row(line: str) -> bool:
    """A row of a price, rate or score widget ('SJC Hà Nội | 58.039 | 60.039', 'USD 23.150 23.460')
    or a table/menu header ('Loại | Mua | Bán'): never a headline, never report text."""
    cells = [c for c in CELL_SPLIT_RE.split(BULLET_RE.sub("", line.strip())) if c]
    if len(cells) >= 2 and len(CELL_SPLIT_RE.findall(line.strip().strip("|¦"))) >= 1:
        figures = [c for c in cells if NUMERIC_CELL_RE.fullmatch(c)]
        labels = [c for c in cells if not NUMERIC_CELL_RE.fullmatch(c)]
        if len(figures) >= 2 and all(len(_words(c)) <= TABLE_LABEL_MAX_WORDS for c in labels):
            return True
        if len(cells) >= 3 and all(len(_words(c)) <= TABLE_HEADER_MAX_WORDS and not SENTENCE_END_RE.search(c)
                                   for c in cells):
            return True
    return _is_price_row(line)


def _is_price_row(line: str) -> bool:
    """'USD 23.150 23.460', 'SJC 58,03 60,03': a short label followed by two or more prices."""
    words = _words(line)
    if len(line) > PRICE_ROW_MAX_CHARS or REPORT_END_RE.search(line):
        return False
    prices = [w for w in words if PRICE_TOKEN_RE.match(w)]
    return len(prices) >= 2 and len(words) - len(prices) <= TABLE_LABEL_MAX_WORDS


def _furniture_cells(line: str) -> bool:
    """'Đăng nhập | Tải ứng dụng': a bar of cells that are each furniture is furniture."""
    cells = [c for c in CELL_SPLIT_RE.split(line.strip()) if c]
    p = patterns()
    return len(cells) >= 2 and all(_matches(c, p.drop) or _matches(c, p.block) for c in cells)


def is_furniture(line: str) -> bool:
    p = patterns()
    return (_matches(line, p.drop) or _matches(line, p.block) or _matches(line, p.banner)
            or _matches(line, p.motto) or _matches(line, p.pagination) or is_table_row(line) or _furniture_cells(line))


def is_clock(line: str) -> bool:
    """A dated line labelled as the current day ('Hôm nay: Thứ Hai, 27/05/2024'): a site clock."""
    if not is_dateline(line):
        return False
    rest = line
    for r in (*DATE_RES, TIME_RE, WEEKDAY_RE):
        rest = r.sub(" ", rest)
    rest = re.sub(r"[\s,|\-–:()]+", " ", rest).strip()
    return _matches(rest, patterns().clock)


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
    index: int | None = None  # the title's line, when the text has it
    start: int = 0  # the first line after the header


def _find_title_line(lines: list[str], title: str) -> int | None:
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        if _same(line, title) or _same(TITLE_DATE_TAIL_RE.sub("", line), title):
            return i
    return None


def _bigrams(line: str) -> set[str]:
    words = _key(line).split()
    return {f"{a} {b}" for a, b in zip(words, words[1:])}


def _short_title_before(lines: list[str], lede: int) -> int | None:
    """Index of a short headline ('Sơ kết công tác') opening the page right above the lede.

    It must be the first text line (only furniture and datelines above it), sit directly over
    the lede (datelines may come between) and share a two-word phrase with it: a menu word
    ('Chính trị') over an unrelated lede does not, and a run of menu words is not the first line.
    """
    j = lede - 1
    while j >= 0 and is_dateline(lines[j]):
        j -= 1
    if j < 0:
        return None
    line = lines[j]
    if (len(_words(line)) < SHORT_TITLE_MIN_WORDS or len(_words(line)) >= TITLE_MIN_WORDS
            or not _has_vietnamese_marks(line) or is_furniture(line) or line.rstrip().endswith(":")):
        return None
    if any(not (is_dateline(x) or is_furniture(x)) for x in lines[:j]):
        return None
    return j if _bigrams(line) & _bigrams(lines[lede]) else None


def _guess_title_line(lines: list[str]) -> tuple[int | None, int]:
    """(index of the title line or None, index where the text after the furniture starts)."""
    motto = [i for i, line in enumerate(lines[:TOP_ZONE_LINES]) if _matches(line, patterns().motto)]
    first = motto[-1] + 1 if motto else 0  # an official document: its issuer sits beside the motto
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        if i < first or is_dateline(line) or is_furniture(line):
            continue
        if is_lede(line):
            short = _short_title_before(lines, i)
            return (short, short) if short is not None else (None, i)
        if is_title_like(line):
            return i, i
        if len(_words(line)) >= TITLE_MIN_WORDS and _has_vietnamese_marks(line):
            return None, i  # a real text line that cannot be a title: the text starts here
    return None, 0


def split_top(lines: list[str], title: str | None, index: int | None = None) -> Top:
    """Header (above the title), title, dateline lines and the remaining lines.

    ``index`` forces the title line (a listing page's label), ``title`` then being its text.
    """
    if index is None:
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
    if index is not None and header and _matches(header[-1], patterns().doctype) and title == lines[index]:
        title = f"{header[-1]} {title}"  # "KẾ HOẠCH" + "Hoạt động thông tin đối ngoại năm 2024"
        header = header[:-1]
    if title:
        m = TITLE_DATE_TAIL_RE.search(title)
        if m and len(title) > len(m.group(0)) + 10:
            dateline.append(m.group(1))
            title = title[:m.start()].rstrip()
    return Top(header=header, title=title, dateline=dateline, rest=rest, index=index,
               start=index + 1 if index is not None else start)


def _take_top_meta(rest: list[str], dateline: list[str], listing: bool = False) -> tuple[list[str], list[str]]:
    """Move page meta out of the top of the body: (remaining lines, author credits).

    Datelines before the first paragraph go to ``dateline``, and so do date-only lines
    anywhere in the top zone (some pages put the clock under the lede). A bulleted or
    labelled name before the first paragraph ('• Châu Anh', 'Tác giả: Lê Hằng') is a credit.
    On a listing page the dates under the headlines are the teasers' dates, not a dateline.
    """
    out: list[str] = []
    credits: list[str] = []
    before_paragraph = True
    for i, line in enumerate(rest):
        if not listing and (before_paragraph and is_dateline(line) or i < TOP_ZONE_LINES and is_date_only(line)):
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
        if _matches(line, p.drop) or _matches(line, p.pagination) or is_table_row(line) or _furniture_cells(line):
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


def _is_report(line: str) -> bool:
    """A sentence of report prose (long enough, ending like a sentence), not a teaser headline."""
    return len(_words(line)) >= REPORT_MIN_WORDS and bool(REPORT_END_RE.search(line))


def _is_teaser_headline(line: str) -> bool:
    return (TITLE_MIN_WORDS <= len(_words(line)) and len(line) <= TEASER_MAX_CHARS and not _is_report(line)
            and not is_dateline(line) and not is_furniture(line))


def _dated_teasers(lines: list[str]) -> tuple[int, int | None]:
    """(number of headline + date-only line pairs outside teaser blocks, line index of the second).

    A listing shows headlines each with its date; a report shows one (its own headline and
    dateline). Pairs under a 'Tin liên quan' marker are the report's related links, not counted.
    """
    p = patterns()
    before = after = 0
    seconds: dict[str, int | None] = {"before": None, "after": None}
    in_block = False
    for i, line in enumerate(lines):
        if _matches(line, p.block):
            in_block = True
            continue
        if in_block and (is_paragraph(line) or _matches(line, p.listing)):
            in_block = False  # a widget ("Giá vàng") ends where text or a listing label starts
        if in_block or not is_date_only(line):
            continue
        if i > 0 and _is_teaser_headline(lines[i - 1]):
            before += 1
            if before == 2:
                seconds["before"] = i
        if i + 1 < len(lines) and _is_teaser_headline(lines[i + 1]):
            after += 1
            if after == 2:
                seconds["after"] = i
    side = "before" if before >= after else "after"
    return max(before, after), seconds[side]


def listing_label(lines: list[str]) -> tuple[int, str] | None:
    """(line index, label) of a 'Thẻ: ...' / 'Chủ đề: ...' / 'Kết quả tìm kiếm' line opening the page
    (before any report sentence); a breadcrumb in front of it ('Trang chủ > Tag: ...') is left out."""
    p = patterns()
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        if _is_report(line):
            return None
        crumb = BREADCRUMB_RE.split(line)[-1].strip()
        if _matches(crumb, p.listing):
            return i, crumb
        if _matches(line, p.listing):
            return i, line
    return None


def listing_reason(lines: list[str]) -> str | None:
    """Why the page is a tag/section/search listing rather than one article, or None.

    A listing label opening the page and at least two dated headlines (or no report prose at
    all); or, without a label, three or more dated headlines with no report prose before the
    second of them (a report's own headline and dateline make only one such pair, and its
    lede comes right after it).
    """
    found = listing_label(lines)
    label = found[1] if found else None
    teasers, second = _dated_teasers(lines)
    has_report = any(_is_report(x) for x in lines)
    if label and (teasers >= LISTING_LABELLED_MIN_TEASERS or not has_report):
        return f"listing label {label!r}; {teasers} dated headlines"
    pager = next((x for x in lines if _matches(x, patterns().pagination)), None)
    if pager and teasers >= LISTING_LABELLED_MIN_TEASERS and not has_report:
        return f"page numbers {pager!r}; {teasers} dated headlines, no report text"
    if teasers >= LISTING_MIN_TEASERS and second is not None and not any(_is_report(x) for x in lines[:second]):
        return f"{teasers} dated headlines, no report text before them"
    return None


def _dated_neighbour(lines: list[str], i: int, step: int, skip: int) -> str | None:
    """The first dateline from line ``i`` going ``step``, past at most ``skip`` credit/furniture lines."""
    while 0 <= i < len(lines):
        line = lines[i]
        if is_dateline(line):
            return None if is_clock(line) else line
        if skip <= 0 or is_paragraph(line) or not (is_furniture(line) or _byline_text(line)):
            return None
        skip -= 1
        i += step
    return None


def dateline_near_title(lines: list[str], top: Top) -> tuple[str, str] | None:
    """(dated line, side) next to the headline: the article's own dateline, where a site clock is not.

    side is "after" (directly under the headline), "title" (on the headline line), "lede" (a
    date-only line directly under the first paragraph) or "before" (directly over the headline,
    or over the first text line when the text has no headline). Below wins: a clock sits at the
    very top of a page, above the headline, never between the headline and the lede. Credits and
    share buttons may come between the headline and its dateline; other text may not.
    """
    anchor = top.index if top.index is not None else top.start
    if top.index is not None:
        tail = TITLE_DATE_TAIL_RE.search(lines[anchor])
        if tail and top.title and tail.group(1) not in top.title:
            return tail.group(1), "title"  # "Headline (19:24 21/08/2019)"
        after = _dated_neighbour(lines, anchor + 1, 1, NEAR_TITLE_SKIP)
        if after:
            return after, "after"
    lede = next((i for i in range(top.start, min(len(lines), top.start + NEAR_TITLE_SKIP + 1))
                 if is_paragraph(lines[i]) and not is_furniture(lines[i])), None)
    if lede is not None and lede + 1 < len(lines) and is_date_only(lines[lede + 1]) and not is_clock(lines[lede + 1]):
        return lines[lede + 1], "lede"  # "Sapo.\n22/11/2018 15:39": some templates print it under the sapo
    before = _dated_neighbour(lines, anchor - 1, -1, 0)
    return (before, "before") if before else None


def clean_text(raw: str, title: str | None = None, extras: dict | None = None) -> CleanDoc:
    """Split a scraped article into header / title / dateline / body / byline (raw kept intact)."""
    raw = nfc(raw or "")
    title = nfc(title).strip() or None if title else None
    all_lines = _split_lines(raw)
    listing = listing_reason(all_lines)
    label = listing_label(all_lines) if listing and not title else None
    # A listing's own name ('Tag: thông tin đối ngoại') is its title, not its first teaser.
    top = split_top(all_lines, label[1], index=label[0]) if label else split_top(all_lines, title)
    near = None if listing else dateline_near_title(all_lines, top)  # a listing has no dateline of its own
    rest, credits = _take_top_meta(top.rest, top.dateline, listing=bool(listing))
    body = clean_body(rest, top.title)
    lines, byline = split_byline(body.lines)
    byline = byline or "; ".join(credits) or None
    extras = dict(extras or {})
    if body.captions:
        extras["captions"] = body.captions
    if near:
        extras["dateline_near_title"], extras["dateline_near_title_side"] = near
    clocks = [ln for ln in top.dateline if is_clock(ln)]
    if clocks:
        extras["site_clocks"] = clocks
    if listing:
        extras["listing_page"], extras["listing_reason"] = True, listing
    return CleanDoc(
        title=top.title,
        dateline="\n".join(top.dateline) or None,
        body="\n".join(lines),
        byline=byline,
        raw=raw,
        header="\n".join(top.header),
        extras=extras,
    )
