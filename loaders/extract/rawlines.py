"""Raw page text -> lines: the first step of cleaning, before any line is judged.

Non-empty stripped lines; runs of short bulleted menu items dropped; a date tag glued to the first
text line and a headline glued to its lede split into lines of their own, so that the layout finder
(layout.py) sees a page's parts one per line.
"""
from __future__ import annotations

import re

from .lines import (
    BULLET_RE,
    LEADING_DATE_TAG_RE,
    MD_HEADING_RE,
    SENTENCE_END_RE,
    TOP_ZONE_LINES,
    is_title_like,
    words_of,
)

# A lede's opening inside a line: a part of day (or "Ngày") and a day/month, a comma, then words (a
# dateline "Ngày 25/04/2017, 16:30" goes on with a time instead).
GLUED_LEDE_RE = re.compile(
    r"(?<=\s)(?:Sáng|Chiều|Tối|Trưa|Ngày)(?:\s+nay)?\s+\(?\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?\)?,\s(?=[^\W\d_])")
MENU_MIN_ITEMS = 8  # this many short bulleted lines in a row are a menu, not a list in the text
MENU_ITEM_MAX_WORDS = 4


def _drop_menus(lines: list[str]) -> list[str]:
    """Lines without the runs of short bulleted items that make a site menu ('• An Giang', '• Bình Dương',
    ...): navigation, never the article, and long enough to push the headline out of the top zone."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if BULLET_RE.match(line) and len(words_of(BULLET_RE.sub("", line))) <= MENU_ITEM_MAX_WORDS:
            run.append(line)
            continue
        if len(run) < MENU_MIN_ITEMS:
            out.extend(run)
        run = []
        if line:
            out.append(line)
    return out


def _unglue_headline(line: str) -> list[str]:
    """'Cuộc họp đầu tiên của Ban Chỉ đạo ... tỉnh Lâm Đồng Sáng 6/8, Ban Chỉ đạo ...': a headline the
    scrape ran into its lede is two lines (the lede opens with a part of day and a date)."""
    m = GLUED_LEDE_RE.search(line)
    if m and is_title_like(line[:m.start()].strip()) and not SENTENCE_END_RE.search(line[:m.start()]):
        return [line[:m.start()].strip(), line[m.start():].strip()]
    return [line]


def split_lines(raw: str) -> list[str]:
    """Non-empty stripped lines, site menus dropped; a date tag glued to the first line becomes its own line,
    and so does a headline glued to its lede."""
    lines = _drop_menus([MD_HEADING_RE.sub("", ln.strip()) for ln in raw.splitlines() if ln.strip()])
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        m = LEADING_DATE_TAG_RE.match(line)
        if m:
            lines[i:i + 1] = [m.group(1), m.group(2)]
            break
    top = [part for line in lines[:TOP_ZONE_LINES] for part in _unglue_headline(line)]
    return top + lines[TOP_ZONE_LINES:]
