"""What one line of a scraped page is: a dateline, a clock, furniture, a table row, a title, a lede, a credit.

Small predicates over single lines, used by the layout finder and the body cleaner. Furniture
patterns are data (assets/boilerplate.txt, read once); the structural rules are here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..assets import read_text
from ..textnorm import VI_LOWER, VI_UPPER, fold
from .dates.patterns import EN_MONTH_NAMES

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

VI_MARKED = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")

MONTHS_EN = "|".join(EN_MONTH_NAMES)
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
    r"(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm nay|Vừa qua|Mới đây)\s+(?:nay\s+)?"
    r"\(?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\)?,?\s)")
LEDE_MIN_WORDS_WITH_PERIOD = 13  # a first line ending in '.' with this many words is a sentence
SENTENCE_END_RE = re.compile(r"[.!?…:;\"”]\s*$")
CAPTION_RE = re.compile(
    r"(?:\((?:Ảnh|Nguồn ảnh|Photo)\s*:?[^)]*\)|[.\s]Ảnh\s*:\s*[^.]{1,40}|\s[-–]\s*Ảnh\s*\d+)\s*\|?$")
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
    current = "drop"  # the asset opens with a section header; a stray first pattern would be dropped furniture
    for line in read_text(BOILERPLATE_ASSET).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections[current].append(re.compile(f"(?:{line})", re.I))
    return Patterns(**{k: tuple(v) for k, v in sections.items()})


def matches(line: str, pats: tuple[re.Pattern, ...]) -> bool:
    probe = BULLET_RE.sub("", line)
    return any(p.fullmatch(probe) for p in pats)


def line_key(line: str) -> str:
    return fold(re.sub(r"[\W_]+", " ", line))


def words_of(line: str) -> list[str]:
    return line.split()


def has_date(line: str) -> bool:
    return any(r.search(line) for r in DATE_RES)


def _otherwords(line: str) -> int:
    """Words in ``line`` once its dates, times and weekday names are taken out."""
    rest = line
    for r in (*DATE_RES, TIME_RE, WEEKDAY_RE):
        rest = r.sub(" ", rest)
    return len([w for w in re.split(r"[\s|,()'’\-–:]+", rest) if re.search(r"\w", w)])


def is_dateline(line: str) -> bool:
    """A short line that carries a date: a clock, a dateline, 'Cập nhật ngày: ...'."""
    return len(line) <= DATELINE_MAX_CHARS and has_date(line) and _otherwords(line) <= DATELINE_MAX_OTHER_WORDS


def is_date_only(line: str) -> bool:
    """A dateline with next to no other words ('22/11/2018 15:39', '• 28/07/2017 14:30')."""
    return is_dateline(line) and _otherwords(line) <= DATE_ONLY_MAX_OTHER_WORDS


def is_table_row(line: str) -> bool:
    """A row of a price, rate or score widget ('SJC Hà Nội | 58.039 | 60.039', 'USD 23.150 23.460')
    or a table/menu header ('Loại | Mua | Bán'): never a headline, never report text."""
    cells = [c for c in CELL_SPLIT_RE.split(BULLET_RE.sub("", line.strip())) if c]
    if len(cells) >= 2 and len(CELL_SPLIT_RE.findall(line.strip().strip("|¦"))) >= 1:
        figures = [c for c in cells if NUMERIC_CELL_RE.fullmatch(c)]
        labels = [c for c in cells if not NUMERIC_CELL_RE.fullmatch(c)]
        if len(figures) >= 2 and all(len(words_of(c)) <= TABLE_LABEL_MAX_WORDS for c in labels):
            return True
        if len(cells) >= 3 and all(len(words_of(c)) <= TABLE_HEADER_MAX_WORDS and not SENTENCE_END_RE.search(c)
                                   for c in cells):
            return True
    return _is_price_row(line)


def _is_price_row(line: str) -> bool:
    """'USD 23.150 23.460', 'SJC 58,03 60,03': a short label followed by two or more prices."""
    words = words_of(line)
    if len(line) > PRICE_ROW_MAX_CHARS or REPORT_END_RE.search(line):
        return False
    prices = [w for w in words if PRICE_TOKEN_RE.match(w)]
    return len(prices) >= 2 and len(words) - len(prices) <= TABLE_LABEL_MAX_WORDS


def furniture_cells(line: str) -> bool:
    """'Đăng nhập | Tải ứng dụng': a bar of cells that are each furniture is furniture."""
    cells = [c for c in CELL_SPLIT_RE.split(line.strip()) if c]
    p = patterns()
    return len(cells) >= 2 and all(matches(c, p.drop) or matches(c, p.block) for c in cells)


def is_furniture(line: str) -> bool:
    p = patterns()
    return (matches(line, p.drop) or matches(line, p.block) or matches(line, p.banner)
            or matches(line, p.motto) or matches(line, p.pagination) or is_table_row(line) or furniture_cells(line))


def is_clock(line: str) -> bool:
    """A dated line labelled as the current day ('Hôm nay: Thứ Hai, 27/05/2024'): a site clock."""
    if not is_dateline(line):
        return False
    rest = line
    for r in (*DATE_RES, TIME_RE, WEEKDAY_RE):
        rest = r.sub(" ", rest)
    rest = re.sub(r"[\s,|\-–:()]+", " ", rest).strip()
    return matches(rest, patterns().clock)


def has_vietnamese_marks(line: str) -> bool:
    return any(ch in VI_MARKED for ch in line.lower())


def is_title_like(line: str) -> bool:
    """Could be a headline: long enough, short enough, Vietnamese, not furniture or a date."""
    words = words_of(line)
    return (len(words) >= TITLE_MIN_WORDS and len(line) <= TITLE_MAX_CHARS and has_vietnamese_marks(line)
            and not is_dateline(line) and not is_furniture(line))


def is_lede(line: str) -> bool:
    """The opening paragraph (agency tag, 'Sáng 18-7, ...', a long sentence), not a headline."""
    if len(line) > TITLE_MAX_CHARS or LEDE_RE.match(line):
        return True
    sentence = line.endswith(".") and not line.isupper()  # ALL-CAPS headlines may end in '.'
    return sentence and len(words_of(line)) >= LEDE_MIN_WORDS_WITH_PERIOD


def is_paragraph(line: str) -> bool:
    return bool(SENTENCE_END_RE.search(line)) or len(words_of(line)) >= 15


def same_line(a: str, b: str) -> bool:
    ka, kb = line_key(a), line_key(b)
    return bool(ka) and (ka == kb or (min(len(ka), len(kb)) >= 20 and (ka.startswith(kb) or kb.startswith(ka))))



def byline_text(line: str) -> str | None:
    """The author/source credit in ``line`` if the whole line is one, else None."""
    text = GLUED_TAIL_RE.sub("", BULLET_RE.sub("", line)).strip()
    if not text or len(text) > BYLINE_MAX_CHARS:
        return None
    if BYLINE_PREFIX_RE.match(text) or INITIALS_RE.match(text):
        return text
    if NAME_RE.match(text) or (BYLINE_SOURCE_RE.match(text) and not SENTENCE_END_RE.search(text)):
        return text
    return None



def is_report(line: str) -> bool:
    """A sentence of report prose (long enough, ending like a sentence), not a teaser headline."""
    return len(words_of(line)) >= REPORT_MIN_WORDS and bool(REPORT_END_RE.search(line))


def is_teaser_headline(line: str) -> bool:
    return (len(words_of(line)) >= TITLE_MIN_WORDS and len(line) <= TEASER_MAX_CHARS and not is_report(line)
            and not is_dateline(line) and not is_furniture(line))

