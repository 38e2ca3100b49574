"""Where a scraped page's parts are: header furniture, title, dateline, body; and listing pages.

The title is the page's own headline (given, or guessed from the first lines); datelines sit
beside it; a tag or section page that lists other articles' headlines is a listing, not an
article. Decisions about *which* date is the publication date belong to the dates extractors:
this module only says where dated lines are.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from .lines import (
    BREADCRUMB_RE,
    BULLET_RE,
    BYLINE_PREFIX_RE,
    INITIALS_RE,
    LISTING_LABELLED_MIN_TEASERS,
    LISTING_MIN_TEASERS,
    NEAR_TITLE_SKIP,
    SHORT_TITLE_MIN_WORDS,
    TITLE_DATE_TAIL_RE,
    TITLE_MIN_WORDS,
    TOP_ZONE_LINES,
    byline_text,
    has_vietnamese_marks,
    is_clock,
    is_date_only,
    is_dateline,
    is_furniture,
    is_lede,
    is_paragraph,
    is_report,
    is_teaser_headline,
    is_title_like,
    line_key,
    matches,
    patterns,
    same_line,
    words_of,
)


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
        if same_line(line, title) or same_line(TITLE_DATE_TAIL_RE.sub("", line), title):
            return i
    return None


def _bigrams(line: str) -> set[str]:
    words = line_key(line).split()
    return {f"{a} {b}" for a, b in pairwise(words)}


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
    if (len(words_of(line)) < SHORT_TITLE_MIN_WORDS or len(words_of(line)) >= TITLE_MIN_WORDS
            or not has_vietnamese_marks(line) or is_furniture(line) or line.rstrip().endswith(":")):
        return None
    if any(not (is_dateline(x) or is_furniture(x)) for x in lines[:j]):
        return None
    return j if _bigrams(line) & _bigrams(lines[lede]) else None


def _guess_title_line(lines: list[str]) -> tuple[int | None, int]:
    """(index of the title line or None, index where the text after the furniture starts)."""
    motto = [i for i, line in enumerate(lines[:TOP_ZONE_LINES]) if matches(line, patterns().motto)]
    first = motto[-1] + 1 if motto else 0  # an official document: its issuer sits beside the motto
    for i, line in enumerate(lines[:TOP_ZONE_LINES]):
        if i < first or is_dateline(line) or is_furniture(line):
            continue
        if is_lede(line):
            short = _short_title_before(lines, i)
            return (short, short) if short is not None else (None, i)
        if is_title_like(line):
            return i, i
        if len(words_of(line)) >= TITLE_MIN_WORDS and has_vietnamese_marks(line):
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
    if index is not None and header and matches(header[-1], patterns().doctype) and title == lines[index]:
        title = f"{header[-1]} {title}"  # "KẾ HOẠCH" + "Hoạt động thông tin đối ngoại năm 2024"
        header = header[:-1]
    if title:
        m = TITLE_DATE_TAIL_RE.search(title)
        if m and len(title) > len(m.group(0)) + 10:
            dateline.append(m.group(1))
            title = title[:m.start()].rstrip()
    return Top(header=header, title=title, dateline=dateline, rest=rest, index=index,
               start=index + 1 if index is not None else start)


def take_top_meta(rest: list[str], dateline: list[str], listing: bool = False) -> tuple[list[str], list[str]]:
    """Move page meta out of the top of the body: (remaining lines, author credits).

    Datelines before the first paragraph go to ``dateline``, and so do date-only lines
    anywhere in the top zone (some pages put the clock under the lede). A bulleted or
    labelled name before the first paragraph ('• Châu Anh', 'Tác giả: Lê Hằng') is a credit.
    On a listing page the dates under the headlines are the teasers' dates, not a dateline.
    """
    out: list[str] = []
    credits: list[str] = []
    before_paragraph = True
    teasers = False  # below a "Tin khác" marker the dates are the teasers' own
    for i, line in enumerate(rest):
        teasers = teasers or matches(line, patterns().block)
        if not listing and not teasers and (before_paragraph and is_dateline(line)
                                            or i < TOP_ZONE_LINES and is_date_only(line)):
            dateline.append(line)
            continue
        if before_paragraph and not is_paragraph(line) and (BULLET_RE.match(line) or BYLINE_PREFIX_RE.match(line)):
            credit = byline_text(line)  # only marked lines: a bare "Khánh Hòa" here is a place tag
            if credit and not INITIALS_RE.match(credit):
                credits.append(credit)
                continue
        if is_paragraph(line) and not is_furniture(line):
            before_paragraph = False
        out.append(line)
    return out, credits



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
        if matches(line, p.block):
            in_block = True
            continue
        if in_block and (is_paragraph(line) or matches(line, p.listing)):
            in_block = False  # a widget ("Giá vàng") ends where text or a listing label starts
        if in_block or not is_date_only(line):
            continue
        if i > 0 and is_teaser_headline(lines[i - 1]):
            before += 1
            if before == 2:
                seconds["before"] = i
        if i + 1 < len(lines) and is_teaser_headline(lines[i + 1]):
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
        if is_report(line):
            return None
        crumb = BREADCRUMB_RE.split(line)[-1].strip()
        if matches(crumb, p.listing):
            return i, crumb
        if matches(line, p.listing):
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
    has_report = any(is_report(x) for x in lines)
    if label and (teasers >= LISTING_LABELLED_MIN_TEASERS or not has_report):
        return f"listing label {label!r}; {teasers} dated headlines"
    pager = next((x for x in lines if matches(x, patterns().pagination)), None)
    if pager and teasers >= LISTING_LABELLED_MIN_TEASERS and not has_report:
        return f"page numbers {pager!r}; {teasers} dated headlines, no report text"
    if teasers >= LISTING_MIN_TEASERS and second is not None and not any(is_report(x) for x in lines[:second]):
        return f"{teasers} dated headlines, no report text before them"
    return None


def _dated_neighbour(lines: list[str], i: int, step: int, skip: int) -> str | None:
    """The first dateline from line ``i`` going ``step``, past at most ``skip`` credit/furniture lines."""
    while 0 <= i < len(lines):
        line = lines[i]
        if is_dateline(line):
            return None if is_clock(line) else line
        if skip <= 0 or is_paragraph(line) or not (is_furniture(line) or byline_text(line)):
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

