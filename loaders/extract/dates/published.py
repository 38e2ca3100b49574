"""The article's own dateline: a date (usually with a time) in the first lines that the text does not contradict.

A page carries many dates: the article's dateline, site clocks and date widgets, banners with
anniversaries, issue dates of the documents it cites. A clock or widget the text contradicts is
not a dateline (LABELING.md); when only such dates remain the extractor abstains.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...types import CleanDoc, Found
from .meeting import event_mention, meeting_from_text
from .patterns import (
    AHEAD_DAYS,
    AMPM_RE,
    BARE_MAX_LETTERS,
    CLOCK_TIME_RE,
    DATELINE_FILLER_RE,
    DATELINE_LABEL_RE,
    DMY_RE,
    EN_DAY_MONTH_RE,
    EN_MONTH_DAY_RE,
    EVENT_WORD_RE,
    HEAD_LINE_MAX,
    HEAD_LINES,
    ISO_DATE_RE,
    ISO_HINT_RE,
    ISO_TAG_RE,
    LEAD_CHARS,
    LEADING_TIME_RE,
    MONTHS_EN,
    OFFICIAL_DATE_RE,
    RANGE_AFTER_RE,
    RANGE_BEFORE_RE,
    STALE_DAYS,
    STALE_YEAR_DAYS,
    TODAY_MENTION_RE,
    VN_LONG_DATE_RE,
    WIDGET_AFTER_RE,
    plausible_date,
    prep,
)

# A wrapped sentence's tail ends in ';' or ',' like a clause of a list ("Căn cứ Luật ...\nngày 26/11/2003;").
CONTINUED_LINE_RE = re.compile(r"[;,]\s*$")
# An annex names the decision it is attached to, with its date: the document's own issue date
# ("(Ban hành kèm theo Quyết định số 2112/QĐ-UBND ngày 17 tháng 10 năm 2014)").
ANNEX_DATE_RE = re.compile(
    r"(?i:kèm theo)\s+(?:Quyết định|Kế hoạch|Chỉ thị|Nghị quyết|Thông tư|Công văn)\s+số\s*[\w/.\-]+\s*"
    r"(?:của [^()\n]{0,60}?)?\s*ngày\s+(\d{1,2})\s*(?:tháng\s+|[/.-])(\d{1,2})\s*(?:năm\s+|[/.-])((?:19|20)\d{2})")

# Where the cleaner found a dated line beside the title, and whether that position alone makes
# it the dateline. Below the title, in it, or under the lede, a date is the page's own; a line
# directly above the title can still be a masthead clock, so it must pass the clock check.
NEAR_TITLE_TRUSTED_SIDES = {"after": True, "title": True, "lede": True, "before": False}

# The rule names of the strengths below (keys of their measured precision, loaders/extract/confidence.py).
STRENGTH_RULES = {5: "source_hint", 4: "date_tag", 3: "labelled_or_official", 2: "date_with_time", 1: "bare_date_line"}


@dataclass(frozen=True)
class _Dateline:
    value: date
    evidence: str
    strength: int  # 5 source hint, 4 date tag, 3 labelled/official, 2 with a time, 1 a bare date line
    order: int
    next_lines: str


def _hint(extras: dict) -> _Dateline | None:
    raw = (extras or {}).get("published")
    if not raw:
        return None
    raw = str(raw)
    m = ISO_HINT_RE.match(raw)
    value = plausible_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if value is None:
        dmy = DMY_RE.search(raw)
        value = plausible_date(int(dmy.group(4)), int(dmy.group(3)), int(dmy.group(1))) if dmy else None
    if value is None:
        english = EN_DAY_MONTH_RE.search(raw)
        value = plausible_date(int(english.group(3)), MONTHS_EN[english.group(2).lower()[:3]],
                      int(english.group(1))) if english else None
    return _Dateline(value, f"published: {raw}", 5, -1, "") if value else None


def _head_lines(text: str) -> list[str]:
    """The first lines of ``text``, up to a teaser block ("Tin khác", "Bài liên quan"): the dates under
    such a marker are the teasers' dates, never the page's own."""
    from ..lines import matches, patterns  # here, not at the top: lines imports dates.patterns

    out: list[str] = []
    for line in (ln.strip() for ln in prep(text).splitlines()):
        if not line:
            continue
        if matches(line, patterns().block) or len(out) >= HEAD_LINES:
            break
        out.append(line)
    return out


def _head_parts(doc: CleanDoc) -> list[list[str]]:
    """Header, dateline and the first lines of the raw page: where a dateline can be."""
    return [_head_lines(part or "") for part in (doc.header, doc.dateline, doc.raw)]


def _bare(line: str, regex: re.Pattern) -> bool:
    """Next to no words besides the date, times and dateline fillers ("Thứ Bảy, 22/9/2018")."""
    rest = DATELINE_FILLER_RE.sub(" ", regex.sub(" ", CLOCK_TIME_RE.sub(" ", line)))
    return len(re.sub(r"[\W\d_]+", "", rest)) <= BARE_MAX_LETTERS


def _dmy_strength(line: str, m: re.Match, around: str) -> int | None:
    """How surely a d/m/y date is the line's dateline (3 labelled, 2 with a time, 1 bare), None in a sentence."""
    has_time = bool(CLOCK_TIME_RE.search(around))
    labelled = bool(DATELINE_LABEL_RE.search(line[:m.start()]))
    bare = _bare(line, DMY_RE)
    if labelled and (has_time or bare):
        return 3
    if has_time and (bare or line.rstrip(") ").endswith(m.group(0)) or _leads_line(line, m)
                     or (len(line) <= HEAD_LINE_MAX and not EVENT_WORD_RE.search(line))):
        return 2
    return 1 if bare else None


def _dmy_datelines(line: str, order: int, next_lines: str) -> list[_Dateline]:
    if CONTINUED_LINE_RE.search(line):
        return []  # "ngày 26/11/2003;": the tail of a wrapped sentence (a cited law's date), no dateline
    found = []
    for m in DMY_RE.finditer(line):
        if RANGE_AFTER_RE.match(line[m.end():]) or RANGE_BEFORE_RE.search(line[:m.start()]):
            continue  # "(03/02/1930 - 03/02/2024)": an anniversary banner
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        around = line[max(0, m.start() - 25):m.end() + 30]
        if month > 12 or (AMPM_RE.search(around) and day <= 12):
            day, month = month, day  # "11/29/2018 8:58:56 AM" is month/day/year; "13/07/2021 - 10:21 AM" is not
        value = plausible_date(year, month, day)
        strength = _dmy_strength(line, m, around) if value else None
        if value and strength:
            found.append(_Dateline(value, line, strength, order, next_lines))
    return found


def _written_out_datelines(line: str, order: int, next_lines: str) -> list[_Dateline]:
    """ISO dates and "ngày 06 tháng 01 năm 2020" standing alone on a line."""
    found = []
    for regex, parts in ((ISO_DATE_RE, (1, 2, 3)), (VN_LONG_DATE_RE, (3, 2, 1))):
        for m in regex.finditer(line):
            value = plausible_date(*(int(m.group(i)) for i in parts))
            if value is None or not _bare(line, regex):
                continue
            around = line[max(0, m.start() - 25):m.end() + 30]
            if DATELINE_LABEL_RE.search(line[:m.start()]):
                found.append(_Dateline(value, line, 3, order, next_lines))
            else:
                found.append(_Dateline(value, line, 2 if CLOCK_TIME_RE.search(around) else 1, order, next_lines))
    return found


def _english_datelines(line: str, order: int, next_lines: str) -> list[_Dateline]:
    found = []
    for regex, parts in ((EN_DAY_MONTH_RE, (3, 2, 1)), (EN_MONTH_DAY_RE, (3, 1, 2))):
        for m in regex.finditer(line):
            y, mo, d = (m.group(i) for i in parts)
            value = plausible_date(int(y), MONTHS_EN[mo.lower()[:3]], int(d))
            if value:
                found.append(_Dateline(value, line, 3 if DATELINE_LABEL_RE.search(line) else 2, order, next_lines))
    return found


def _line_datelines(line: str, order: int, next_lines: str) -> list[_Dateline]:
    return (_dmy_datelines(line, order, next_lines) + _written_out_datelines(line, order, next_lines)
            + _english_datelines(line, order, next_lines))


def _leads_line(line: str, m: re.Match) -> bool:
    """'Thứ Ba, 13/07/2021 - 10:21 Sơ kết ...': a date and time opening the line is a dateline
    glued to the headline (a date inside a sentence has words before it, or no time after it)."""
    before = DATELINE_FILLER_RE.sub(" ", line[:m.start()])
    return not re.sub(r"[\W\d_]+", "", before) and bool(LEADING_TIME_RE.match(line[m.end():]))


def as_text_reads(value: date, doc: CleanDoc) -> date:
    """A dateline checked against the event the text dates (day and month, no year). When the event
    would come weeks after the report that tells it (a "date 2025-06-08" tag over "Sáng 6/8 ... ngày
    5/8") and reading the dateline day/month swapped agrees with the text, the swapped reading is the
    date; otherwise the dateline stands (a late report or a re-post tells an older event)."""
    mention = event_mention(doc)
    if mention is None or mention.year:
        return value
    this_year = plausible_date(value.year, mention.month, mention.day)
    if this_year is None or (this_year - value).days <= AHEAD_DAYS:
        return value
    swapped = plausible_date(value.year, value.day, value.month) if value.day <= 12 else None
    if swapped and 0 <= (swapped - this_year).days <= AHEAD_DAYS:
        return swapped
    return value


def _dateline_candidates(doc: CleanDoc) -> list[_Dateline]:
    found = []
    head = prep(doc.raw)[:400]
    tag = ISO_TAG_RE.search(head)
    if tag:  # " date 2025-12-13" (a month-only tag like "date 2025-05" is no date)
        value = plausible_date(int(tag.group(1)), int(tag.group(2)), int(tag.group(3)))
        if value:
            found.append(_Dateline(value, tag.group(0).strip(), 4, -1, ""))
    order = 0
    for lines in _head_parts(doc):
        for i, line in enumerate(lines):
            if len(line) <= HEAD_LINE_MAX * 2:
                found += _line_datelines(line, order, " ".join(lines[i + 1:i + 3]))
            order += 1
    flat = re.sub(r"\s+", " ", prep(doc.raw)[:3000])  # document pages wrap lines anywhere
    for regex in (OFFICIAL_DATE_RE, ANNEX_DATE_RE):
        official = regex.search(prep(doc.raw)[:3000] if regex is OFFICIAL_DATE_RE else flat)
        if official:
            value = plausible_date(int(official.group(3)), int(official.group(2)), int(official.group(1)))
            if value:
                found.append(_Dateline(value, official.group(0).strip(), 3, order, ""))
    return sorted(found, key=lambda c: (-c.strength, c.order))


def _is_clock(cand: _Dateline, doc: CleanDoc) -> bool:
    """A site clock or date widget rather than the article's dateline."""
    if cand.strength >= 3:
        return False
    if WIDGET_AFTER_RE.search(cand.next_lines[:60]):
        return True  # "29/01/2023 lúc 23:51 (GMT+7)" over "Breaking News"
    text = prep(doc.full or doc.raw)[:LEAD_CHARS]
    today = TODAY_MENTION_RE.search(text)
    if today and (int(today.group(1)), int(today.group(2))) != (cand.value.day, cand.value.month):
        return True  # "Sáng nay (9/11)" under "Thứ hai, 04/12/2023"
    meeting = meeting_from_text(doc)
    if meeting is not None:
        gap = (cand.value - meeting).days
        if gap > STALE_YEAR_DAYS or (gap > STALE_DAYS and cand.value.year > meeting.year):
            return True  # a clock shows the day the page was scraped, in a later year than the event
    return False


def _near_title_dateline(extras: dict, site_clocks: set[str]) -> _Dateline | None:
    """The dated line the cleaner found right beside the title (above, below, in it, or under
    the lede): where a page prints its own dateline, as opposed to a site clock in the masthead."""
    line = prep(str(extras.get("dateline_near_title") or "")).strip()
    if not line or line in site_clocks:
        return None
    found = [c for c in _line_datelines(line, 0, "") if c.strength <= 3]
    return found[0] if found else None


def extract_published(doc: CleanDoc) -> Found | None:
    """The article's own dateline, or None when the page shows only clocks, widgets or banners."""
    hint = _hint(doc.extras)
    if hint:
        return Found(hint.value, hint.evidence, rule="source_hint")
    extras = doc.extras or {}
    if extras.get("listing_page"):
        return None  # a tag or section page lists other articles' dates; it has no dateline of its own
    site_clocks = {prep(str(line)).strip() for line in extras.get("site_clocks") or ()}
    near = _near_title_dateline(extras, site_clocks)
    side = str(extras.get("dateline_near_title_side"))
    if near is not None and (NEAR_TITLE_TRUSTED_SIDES.get(side) or not _is_clock(near, doc)):
        value = as_text_reads(near.value, doc)
        return Found(value, near.evidence, rule=f"near_title_{side}" + ("_swapped" if value != near.value else ""))
    clocks: set[date] = set()
    for cand in _dateline_candidates(doc):
        if cand.evidence.strip() in site_clocks:
            continue
        if cand.value in clocks:
            continue  # the same clock seen again in another part of the page
        if _is_clock(cand, doc):
            clocks.add(cand.value)
            continue
        value = as_text_reads(cand.value, doc)
        swapped = "_swapped" if value != cand.value else ""
        return Found(value, cand.evidence, rule=STRENGTH_RULES[cand.strength] + swapped)
    return None

