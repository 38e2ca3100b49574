"""Dates of a report: the article's own dateline, the day of the meeting, the period it reviews.

A page carries many dates: the article's dateline, site clocks and date widgets, banners with
anniversaries, issue dates of the documents it cites, and the day of the event. The dateline is
a date (usually with a time) in the first lines that the text does not contradict; the meeting
day is the date that introduces the event in the lede, its year taken as a careful reader would
(from the date itself, the dateline, the period under review, or a single year the text names).
When the text does not settle a value the extractor abstains.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .evidence import CleanDoc, Found
from .textnorm import fold_tones, nfc, sentence_of

EARLIEST = date(2000, 1, 1)  # the corpus is about 21st-century reporting; older dates are banners
HEAD_LINES = 14  # a dateline sits in the first lines of a page
HEAD_LINE_MAX = 160  # longer lines are sentences, not datelines
BARE_MAX_LETTERS = 6  # a date line carries next to no words besides weekday/labels ("Thứ Bảy, 22/9/2018")
LEAD_CHARS = 3500  # the event date is in the lede, not in the tail of a long page
ZONE_BEFORE_CHARS = 600  # text before the event sentence read for its year (title, standfirst)
STALE_DAYS = 60  # a report appears days after its meeting; a header months later, in a later year, is a clock
STALE_YEAR_DAYS = 365  # a header more than a year after the event is a clock whatever the year
AHEAD_DAYS = 31  # an event up to a month after the dateline is the same year (an imprecise tag)
DOC_AFTER_DAYS = 250  # a meeting deploying a dated document follows it within months

ABBREV_DOT_RE = re.compile(r"\b(?:TP|Tp|T\.Ư|TS|ThS|PGS|GS|Nxb)\.(?=\s)")
ABBREV_MASK = "\u2024"  # one-dot leader: same length as ".", so offsets stay valid
SENTENCE_STOP_RE = re.compile(r"\.(?=\s|$)|[!?\n]")  # a full stop, not "1.000" nor a ';'

# --- dateline patterns ------------------------------------------------------------------------

DMY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2})(?!\d)")
CLOCK_TIME_RE = re.compile(r"(?<![\d/])\d{1,2}(?::|h)\d{2}(?::\d{2})?(?!\d)")
LEADING_TIME_RE = re.compile(r"^\s*[-–—|,]?\s*\d{1,2}(?::|h)\d{2}(?!\d)")  # "13/07/2021 - 10:21 ..."
AMPM_RE = re.compile(r"\d\s*(?:AM|PM|am|pm|SA|CH)\b")
RANGE_AFTER_RE = re.compile(r"^\s*[-–—]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")
RANGE_BEFORE_RE = re.compile(r"\d{4}\s*[-–—]\s*$")
DATELINE_LABEL_RE = re.compile(
    r"(?i:cập nhật|thời gian|ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|xuất bản|publish|posted|published|"
    r"submitted|ngày cập nhật)"
)
WIDGET_AFTER_RE = re.compile(r"(?i:breaking news|tin nóng|tin mới nhất|mới nhất|tiêu điểm|hotline)")
DATELINE_FILLER_RE = re.compile(
    r"(?i:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|ngày|lúc|gmt\s*\+?\s*\d*|am|pm|cập nhật|thời gian|"
    r"đăng|cms-publish-date|cms-view-count|view|lượt xem|bình luận|in bài|gửi bài này|in bài này)"
)
ISO_DATE_RE = re.compile(r"(?<![\d/-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])")
VN_LONG_DATE_RE = re.compile(r"(?i:ngày)\s+(\d{1,2})\s+(?i:tháng)\s+(\d{1,2})\s+(?i:năm)\s+((?:19|20)\d{2})")
ISO_TAG_RE = re.compile(r"(?:^|\s)date\s+((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)")
ISO_HINT_RE = re.compile(r"^\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:\b|T)")
MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
EN_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"  # "October", "Oct"
EN_DAY_MONTH_RE = re.compile(r"(?i)\b(\d{1,2})\s+(" + EN_MONTH + r")\s*,?\s+((?:19|20)\d{2})\b")
EN_MONTH_DAY_RE = re.compile(r"(?i)\b(" + EN_MONTH + r")\s+(\d{1,2})\s*,\s*((?:19|20)\d{2})\b")
# an official document's own date line: "Tuyên Quang, ngày 06 tháng 01 năm 2020"
OFFICIAL_DATE_RE = re.compile(
    r"(?m)^\s*[A-ZĐÀ-Ỹ][^\n,]{1,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})")
# "Sáng nay (9/11)": the report is from that day, so a header with another day is a clock
TODAY_MENTION_RE = re.compile(r"(?i:sáng|chiều|tối|trưa|hôm)\s+nay\s*\(\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*\)")

# --- event-date patterns ----------------------------------------------------------------------

PART_OF_DAY = r"(?:sáng|chiều|tối|trưa|đêm|hôm)"
DAY_WORD = r"ngày|hôm nay|hôm qua|nay|qua|mai"  # "Sáng ngày", "Chiều hôm qua", "Tối nay"
WEEKDAY_OPT = r"(?:\s*,?\s*(?i:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật)\s*,?)?"  # "Sáng thứ Ba (15/3)"
DAY_MONTH = r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}))?(?![\d]|[/.-]\d)"
SINGLE_DATE_RE = re.compile(
    rf"(?<!\w)(?P<lead>(?i:{PART_OF_DAY})(?:\s+(?i:{DAY_WORD}))?|(?i:vào lúc)[^,.;\n]{{0,25}},\s*(?i:ngày)|"
    rf"(?i:ngày)(?:\s+(?i:hôm nay|hôm qua))?){WEEKDAY_OPT}\s*\(?\s*{DAY_MONTH}"
)
# "Trong 2 ngày 14 và 15/9", "Trong 3 ngày ( 23,24 và 26/10)", "Trong 2 ngày (13 và 14.11)"
MULTI_DAY_RE = re.compile(
    r"(?P<lead>(?i:trong)\s+(?:\d{1,2}|hai|ba|bốn|năm)\s+ngày)\s*\(?\s*(?:ngày\s+)?(?P<d>\d{1,2})"
    r"(?:\s*,\s*\d{1,2})*\s*(?:và|,|-|–|đến)\s*(?:ngày\s+)?\d{1,2}\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}))?(?!\d)"
)
# "Từ ngày 11 đến 13-10", "từ ngày 11/10 đến ngày 13/10/2019"
FROM_TO_RE = re.compile(
    r"(?P<lead>(?i:từ)\s+ngày)\s*(?P<d>\d{1,2})(?:\s*[/.-]\s*\d{1,2})?\s*(?:đến|tới|-|–)\s*(?:ngày\s*)?"
    r"\d{1,2}\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}))?(?!\d)"
)
# "Sáng ngày 15 tháng 3 năm 2024", "Ngày 8 tháng 5"
LONG_DATE_RE = re.compile(
    rf"(?<!\w)(?P<lead>(?i:{PART_OF_DAY})(?:\s+(?i:ngày))?|(?i:ngày))\s+(?P<d>\d{{1,2}})\s+(?i:tháng)\s+(?P<m>\d{{1,2}})"
    r"(?:\s*(?:,\s*)?(?i:năm)\s+(?P<y>(?:19|20)\d{2}))?(?!\d)"
)
# "Ngày 14 và 15/9", "Sáng 14-15/9" (a span given without "Trong ... ngày")
SHORT_SPAN_RE = re.compile(
    rf"(?<!\w)(?P<lead>(?i:{PART_OF_DAY})(?:\s+(?i:ngày))?|(?i:ngày))\s*\(?\s*(?P<d>\d{{1,2}})"
    r"(?:\s*,\s*\d{1,2})*\s*(?:và|đến|-|–)\s*(?:ngày\s+)?\d{1,2}\s*(?P<sep>/)\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}))?(?!\d)"
)
EVENT_DATE_RES = (MULTI_DAY_RE, FROM_TO_RE, SHORT_SPAN_RE, LONG_DATE_RE, SINGLE_DATE_RE)
STRONG_LEAD_RE = re.compile(r"(?i:sáng|chiều|tối|trưa|đêm|hôm|trong|từ|vào lúc)")
EVENT_WORDS = [
    "hội nghị", "tổ chức", "họp", "tập huấn", "bồi dưỡng", "lễ", "chủ trì", "làm việc", "hội đàm", "hội thảo",
    "diễn ra", "khai mạc", "giao ban", "gặp mặt", "trao giải", "phát động", "tọa đàm", "tiếp đón", "đón tiếp",
    "thăm",
    "sơ kết", "tổng kết", "lớp",
]
EVENT_WORD_RE = re.compile(r"(?i)\b(?:" + "|".join(fold_tones(w) for w in EVENT_WORDS) + r")\b")
# a date that belongs to a cited document: "Kế hoạch số 10/KH-UBND ngày ...", "Kết luận số 57-KL/TW, ngày ..."
DOC_REF_BEFORE_RE = re.compile(
    r"(?:\bsố\s*\d[\w/.-]*|\b\d+[\w.]*[-/][A-ZĐ][\w/.-]*|\b(?:Kết luận|Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|"
    r"Hướng dẫn|Thông báo|Công văn|Chương trình|Thông tư|Nghị định|Quy định|Đề án)\s+\d[\w/.-]*)"
    r"(?:\s+của\s+[^,;.\n]{0,60})?\s*,?\s*$"
)
ANNIVERSARY_BEFORE_RE = re.compile(r"(?i:thành lập|ngày sinh|kỷ niệm|qua đời|từ trần)[^.;\n]{0,25}$")
DOC_DATE_RE = re.compile(
    r"(?:\bsố\s*\d[\w/.-]*|\b\d+[\w.]*[-/][A-ZĐ][\w/.-]*)(?:\s+của\s+[^,;.\n]{0,60})?\s*,?\s*ngày\s+"
    r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})"
)

# --- years the text gives the event -----------------------------------------------------------

YEAR_MENTION_RE = re.compile(r"(?i:\bnăm\s+|\btháng\s+\d{1,2}\s*[/-]\s*)((?:19|20)\d{2})(?!\s*[-–]\s*\d{4})(?!\d)")
# years that do not date the event: award editions, anniversaries, targets, terms
NOT_EVENT_YEAR_BEFORE_RE = re.compile(
    r"(?i:giải thưởng|giải|kỷ niệm|đến năm|tầm nhìn|nhiệm kỳ|giai đoạn|thành lập|từ năm|sau năm|trước năm|"
    r"so với|cùng kỳ|kế hoạch|chương trình|nhiệm vụ)[^.;\n]{0,70}$"
)
HALF_YEAR_RE = re.compile(r"(?i:6|sáu) tháng (?:đầu|cuối) năm\s+((?:19|20)\d{2})")
MONTHS_YEAR_RE = re.compile(r"(?i:\d{1,2}|ba|chín|mười) tháng (?:đầu )?năm\s+((?:19|20)\d{2})")
QUARTER_YEAR_RE = re.compile(r"(?i:quý)\s+(I{1,3}|IV|[1-4])\s*(?:/|-|năm)\s*((?:19|20)\d{2})")
YEAR_REVIEW_RE = re.compile(
    r"(?i:tổng kết|đánh giá|kết quả|sơ kết|báo cáo)[^.;\n]{0,80}?\bnăm\s+((?:19|20)\d{2})(?!\s*[-–]\s*\d{4})(?!\d)")
RANGE_REVIEW_RE = re.compile(
    r"(?i:tổng kết|đánh giá|sơ kết|kết quả)[^.;\n]{0,80}?(?:giai đoạn|năm|nhiệm kỳ)?\s*"
    r"((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")
RESULTS_CUE_RE = re.compile(r"(?i:\bđã\b|kết quả|thành tựu|\bđạt\b)")
# "triển khai Kế hoạch ... năm 2025": plan names are capitalised as often as not, so the whole
# pattern ignores case
DEPLOY_YEAR_RE = re.compile(
    r"triển khai\s+(?:nhiệm vụ|công tác|kế hoạch)[^.;\n]{0,40}?\bnăm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)

# --- period patterns --------------------------------------------------------------------------

REVIEW_WORD_RE = re.compile(r"(?i:sơ kết|tổng kết|đánh giá|giao ban|kết quả|báo cáo|nhìn lại)")
FIRST_HALF_RE = re.compile(r"(?i:6|sáu) tháng đầu năm(?:\s+((?:19|20)\d{2}))?")
LATER_HALF_YEAR_RE = re.compile(r"(?i:6|sáu) tháng cuối năm\s+((?:19|20)\d{2})")
FIRST_MONTHS_RE = re.compile(r"(?i:(\d{1,2}|ba|chín|mười)) tháng đầu năm(?:\s+((?:19|20)\d{2}))?")
QUARTER_RE = re.compile(r"(?i:quý)\s+(I{1,3}|IV|[1-4])(?:\s*(?:/|-|năm)\s*((?:19|20)\d{2}))?")
YEAR_PERIOD_RE = re.compile(
    r"(?i:tổng kết|đánh giá|kết quả|sơ kết|báo cáo)[^.;\n]{0,80}?\bnăm\s+((?:19|20)\d{2})(?!\s*[-–]\s*\d{4})(?!\d)")
LAST_YEAR_RE = re.compile(r"(?i:năm qua|năm vừa qua)")
MONTH_WORDS = {"ba": 3, "chín": 9, "mười": 10}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class _Mention:
    """A day/month written in the text, with its year when written, and where it sits."""

    day: int
    month: int
    year: int | None
    start: int
    end: int
    text: str
    strong_lead: bool

    @property
    def sentence(self) -> str:
        return _sentence(self.text, self.start, self.end)


# Where the cleaner found a dated line beside the title, and whether that position alone makes
# it the dateline. Below the title, in it, or under the lede, a date is the page's own; a line
# directly above the title can still be a masthead clock, so it must pass the clock check.
NEAR_TITLE_TRUSTED_SIDES = {"after": True, "title": True, "lede": True, "before": False}

def _sentence(text: str, start: int, end: int | None = None) -> str:
    """sentence_of, without cutting after "TP." or "T.Ư." (an abbreviation ends no sentence)."""
    masked = ABBREV_DOT_RE.sub(lambda m: m.group(0)[:-1] + ABBREV_MASK, text)
    return sentence_of(masked, start, end).replace(ABBREV_MASK, ".")


def _date(year: int, month: int, day: int) -> date | None:
    """A plausible date or None (the window is 2000-01-01 .. today)."""
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST <= value <= date.today() else None


def _prep(text: str | None) -> str:
    """NFC and one tone placement, so patterns written once match every spelling."""
    return fold_tones(nfc(text or ""))


# --- published --------------------------------------------------------------------------------

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
    value = _date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    if value is None:
        dmy = DMY_RE.search(raw)
        value = _date(int(dmy.group(4)), int(dmy.group(3)), int(dmy.group(1))) if dmy else None
    if value is None:
        english = EN_DAY_MONTH_RE.search(raw)
        value = _date(int(english.group(3)), MONTHS_EN[english.group(2).lower()[:3]],
                      int(english.group(1))) if english else None
    return _Dateline(value, f"published: {raw}", 5, -1, "") if value else None


def _head_parts(doc: CleanDoc) -> list[list[str]]:
    """Header, dateline and the first lines of the raw page: where a dateline can be."""
    return [[ln.strip() for ln in _prep(part).splitlines() if ln.strip()][:HEAD_LINES]
            for part in (doc.header, doc.dateline, doc.raw)]


def _line_datelines(line: str, order: int, next_lines: str) -> list[_Dateline]:
    found = []
    for m in DMY_RE.finditer(line):
        if RANGE_AFTER_RE.match(line[m.end():]) or RANGE_BEFORE_RE.search(line[:m.start()]):
            continue  # "(03/02/1930 - 03/02/2024)": an anniversary banner
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        around = line[max(0, m.start() - 25):m.end() + 30]
        if month > 12 or (AMPM_RE.search(around) and day <= 12):
            day, month = month, day  # "11/29/2018 8:58:56 AM" is month/day/year; "13/07/2021 - 10:21 AM" is not
        value = _date(year, month, day)
        if value is None:
            continue
        has_time = bool(CLOCK_TIME_RE.search(around))
        labelled = bool(DATELINE_LABEL_RE.search(line[:m.start()]))
        rest = DATELINE_FILLER_RE.sub(" ", DMY_RE.sub(" ", CLOCK_TIME_RE.sub(" ", line)))
        bare = len(re.sub(r"[\W\d_]+", "", rest)) <= BARE_MAX_LETTERS
        if labelled and (has_time or bare):
            strength = 3
        elif has_time and (bare or line.rstrip(") ").endswith(m.group(0)) or _leads_line(line, m)
                           or (len(line) <= HEAD_LINE_MAX and not EVENT_WORD_RE.search(line))):
            strength = 2
        elif bare:
            strength = 1
        else:
            continue  # a date inside a sentence is not a dateline
        found.append(_Dateline(value, line, strength, order, next_lines))
    for regex, parts in ((ISO_DATE_RE, (1, 2, 3)), (VN_LONG_DATE_RE, (3, 2, 1))):
        for m in regex.finditer(line):
            value = _date(*(int(m.group(i)) for i in parts))
            if value is None:
                continue
            around = line[max(0, m.start() - 25):m.end() + 30]
            rest = DATELINE_FILLER_RE.sub(" ", regex.sub(" ", CLOCK_TIME_RE.sub(" ", line)))
            bare = len(re.sub(r"[\W\d_]+", "", rest)) <= BARE_MAX_LETTERS
            if DATELINE_LABEL_RE.search(line[:m.start()]) and bare:
                found.append(_Dateline(value, line, 3, order, next_lines))
            elif bare:
                found.append(_Dateline(value, line, 2 if CLOCK_TIME_RE.search(around) else 1, order, next_lines))
    for regex, parts in ((EN_DAY_MONTH_RE, (3, 2, 1)), (EN_MONTH_DAY_RE, (3, 1, 2))):
        for m in regex.finditer(line):
            y, mo, d = (m.group(i) for i in parts)
            value = _date(int(y), MONTHS_EN[mo.lower()[:3]], int(d))
            if value:
                found.append(_Dateline(value, line, 3 if DATELINE_LABEL_RE.search(line) else 2, order, next_lines))
    return found


def _leads_line(line: str, m: re.Match) -> bool:
    """'Thứ Ba, 13/07/2021 - 10:21 Sơ kết ...': a date and time opening the line is a dateline
    glued to the headline (a date inside a sentence has words before it, or no time after it)."""
    before = DATELINE_FILLER_RE.sub(" ", line[:m.start()])
    return not re.sub(r"[\W\d_]+", "", before) and bool(LEADING_TIME_RE.match(line[m.end():]))


def _dateline_candidates(doc: CleanDoc) -> list[_Dateline]:
    found = []
    head = _prep(doc.raw)[:400]
    tag = ISO_TAG_RE.search(head)
    if tag:  # " date 2025-12-13" (a month-only tag like "date 2025-05" is no date)
        value = _date(int(tag.group(1)), int(tag.group(2)), int(tag.group(3)))
        if value:
            found.append(_Dateline(value, tag.group(0).strip(), 4, -1, ""))
    order = 0
    for lines in _head_parts(doc):
        for i, line in enumerate(lines):
            if len(line) <= HEAD_LINE_MAX * 2:
                found += _line_datelines(line, order, " ".join(lines[i + 1:i + 3]))
            order += 1
    official = OFFICIAL_DATE_RE.search(_prep(doc.raw)[:3000])
    if official:
        value = _date(int(official.group(3)), int(official.group(2)), int(official.group(1)))
        if value:
            found.append(_Dateline(value, official.group(0).strip(), 3, order, ""))
    return sorted(found, key=lambda c: (-c.strength, c.order))


def _is_clock(cand: _Dateline, doc: CleanDoc) -> bool:
    """A site clock or date widget rather than the article's dateline."""
    if cand.strength >= 3:
        return False
    if WIDGET_AFTER_RE.search(cand.next_lines[:60]):
        return True  # "29/01/2023 lúc 23:51 (GMT+7)" over "Breaking News"
    text = _prep(doc.full or doc.raw)[:LEAD_CHARS]
    today = TODAY_MENTION_RE.search(text)
    if today and (int(today.group(1)), int(today.group(2))) != (cand.value.day, cand.value.month):
        return True  # "Sáng nay (9/11)" under "Thứ hai, 04/12/2023"
    meeting = _meeting_from_text(doc)
    if meeting is not None:
        gap = (cand.value - meeting).days
        if gap > STALE_YEAR_DAYS or (gap > STALE_DAYS and cand.value.year > meeting.year):
            return True  # a clock shows the day the page was scraped, in a later year than the event
    return False


def _near_title_dateline(extras: dict, site_clocks: set[str]) -> _Dateline | None:
    """The dated line the cleaner found right beside the title (above, below, in it, or under
    the lede): where a page prints its own dateline, as opposed to a site clock in the masthead."""
    line = _prep(str(extras.get("dateline_near_title") or "")).strip()
    if not line or line in site_clocks:
        return None
    found = [c for c in _line_datelines(line, 0, "") if c.strength <= 3]
    return found[0] if found else None


def extract_published(doc: CleanDoc) -> Found | None:
    """The article's own dateline, or None when the page shows only clocks, widgets or banners."""
    hint = _hint(doc.extras)
    if hint:
        return Found(hint.value, hint.evidence)
    extras = doc.extras or {}
    if extras.get("listing_page"):
        return None  # a tag or section page lists other articles' dates; it has no dateline of its own
    site_clocks = {_prep(str(line)).strip() for line in extras.get("site_clocks") or ()}
    near = _near_title_dateline(extras, site_clocks)
    if near is not None and (NEAR_TITLE_TRUSTED_SIDES.get(extras.get("dateline_near_title_side"))
                             or not _is_clock(near, doc)):
        return Found(near.value, near.evidence)
    clocks: set[date] = set()
    for cand in _dateline_candidates(doc):
        if cand.evidence.strip() in site_clocks:
            continue
        if cand.value in clocks:
            continue  # the same clock seen again in another part of the page
        if _is_clock(cand, doc):
            clocks.add(cand.value)
            continue
        return Found(cand.value, cand.evidence)
    return None


# --- meeting date -----------------------------------------------------------------------------

def _is_doc_or_banner_date(text: str, start: int) -> bool:
    before = re.split(r"[.;\n]", text[max(0, start - 90):start])[-1]
    return bool(DOC_REF_BEFORE_RE.search(before) or ANNIVERSARY_BEFORE_RE.search(before))


def _mentions(text: str) -> list[_Mention]:
    """Event-like day/month mentions in reading order (multi-day spans give their first day)."""
    seen: dict[int, _Mention] = {}
    for regex in EVENT_DATE_RES:
        for m in regex.finditer(text):
            if any(s <= m.start() < e for s, e in ((x.start, x.end) for x in seen.values())):
                continue
            day, month = int(m.group("d")), int(m.group("m"))
            if not (1 <= day <= 31 and 1 <= month <= 12):
                continue
            if CLOCK_TIME_RE.match(text[m.end():m.end() + 12].lstrip(" ,|-")):
                continue  # "Ngày 25/04/2017, 16:30" is a dateline, not an event
            if _is_doc_or_banner_date(text, m.start()):
                continue
            year = int(m.group("y")) if m.group("y") else None
            strong = bool(STRONG_LEAD_RE.match(m.group("lead")))
            seen[m.start()] = _Mention(day, month, year, m.start(), m.end(), text, strong)
    return [seen[k] for k in sorted(seen)]


def _event_mention(doc: CleanDoc) -> _Mention | None:
    """The date that introduces the event: the first one whose sentence names a meeting-like act."""
    for source in (doc.full, doc.raw):
        text = _prep(source)[:LEAD_CHARS]
        for mention in _mentions(text):
            sentence = mention.sentence
            if mention.strong_lead or EVENT_WORD_RE.search(sentence):
                return mention
    return None


def _zone(doc: CleanDoc, mention: _Mention) -> str:
    """Title, the text just before the event sentence, and the event sentence: where its year is said."""
    text = mention.text
    start = max(0, mention.start - ZONE_BEFORE_CHARS)
    # the whole sentence, past semicolons: "sơ kết 6 tháng đầu năm; triển khai ... cuối năm 2022"
    # names its year after the ';'
    stop = SENTENCE_STOP_RE.search(ABBREV_DOT_RE.sub(lambda m: m.group(0)[:-1] + ABBREV_MASK, text), mention.end)
    end = stop.start() if stop else len(text)
    return "\n".join(x for x in (_prep(doc.title), text[start:end]) if x)


def _event_years(zone: str) -> set[int]:
    years = set()
    for m in YEAR_MENTION_RE.finditer(zone):
        before = re.split(r"[.;\n]", zone[max(0, m.start() - 90):m.start()])[-1]
        if not NOT_EVENT_YEAR_BEFORE_RE.search(before):
            years.add(int(m.group(1)))
    return years


def _year_from_zone(zone: str, month: int) -> int | None:
    """The event's year from what the lede says it is about (review period, named year)."""
    half = HALF_YEAR_RE.search(zone) or MONTHS_YEAR_RE.search(zone) or QUARTER_YEAR_RE.search(zone)
    if half:
        return int(half.groups()[-1])  # a 6-/9-month or quarter review is held in that year
    span = RANGE_REVIEW_RE.search(zone)
    if span:  # a review of 2013-2015 held mid-2015; of 2011-2020 held early 2021
        end = int(span.group(2))
        return end + 1 if month <= 3 else end
    review = YEAR_REVIEW_RE.search(zone)
    if review:  # a year-end review of X is held in Dec of X or early X+1
        year = int(review.group(1))
        return year + 1 if month <= 6 else year
    deploy = DEPLOY_YEAR_RE.search(zone)
    if deploy and month <= 3:
        return int(deploy.group(1))
    years = _event_years(zone)
    return years.pop() if len(years) == 1 else None


def _year_from_text(text: str, month: int) -> int | None:
    """A single year named anywhere in the text (award editions and targets aside).

    When every mention of it recounts results ("năm 2010, thành phố đã đạt ...") and the event is
    in Jan-Mar, the event is the following year: early-year meetings look back on last year.
    """
    years = _event_years(text)
    if len(years) != 1:
        return None
    year = years.pop()
    sentences = [_sentence(text, m.start(), m.end()) for m in YEAR_MENTION_RE.finditer(text)
                 if int(m.group(1)) == year]
    if month <= 3 and sentences and all(RESULTS_CUE_RE.search(s) for s in sentences):
        return year + 1
    return year


def _year_after_document(text: str, day: int, month: int) -> int | None:
    """A meeting that studies a dated document follows it: same year when its day comes after."""
    docs = [(int(y), int(m), int(d)) for d, m, y in DOC_DATE_RE.findall(text)]
    docs = [d for d in docs if _date(*d)]
    if not docs:
        return None
    year, doc_month, doc_day = max(docs)
    issued, held = date(year, doc_month, doc_day), _date(year, month, day)
    if held and 0 < (held - issued).days <= DOC_AFTER_DAYS:
        return year
    return None


def _resolve(mention: _Mention, doc: CleanDoc, published: date | None) -> date | None:
    if mention.year:
        return _date(mention.year, mention.month, mention.day)
    if published:
        held = _date(published.year, mention.month, mention.day)
        if held and (held - published).days > AHEAD_DAYS:
            held = _date(published.year - 1, mention.month, mention.day)  # 28/12 reported on 03/01
        return held
    year = (_year_from_zone(_zone(doc, mention), mention.month)
            or _year_from_text(mention.text, mention.month)
            or _year_after_document(mention.text, mention.day, mention.month))
    return _date(year, mention.month, mention.day) if year else None


def _meeting_from_text(doc: CleanDoc) -> date | None:
    """The meeting date settled by the text alone (no dateline): used to spot clocks."""
    mention = _event_mention(doc)
    return _resolve(mention, doc, None) if mention else None


def extract_meeting_date(doc: CleanDoc, published: date | None) -> Found | None:
    """The day the meeting/event took place, or None when the text does not settle it."""
    mention = _event_mention(doc)
    if mention is None:
        return None
    held = _resolve(mention, doc, published)
    return Found(held, mention.sentence) if held else None


# --- period -----------------------------------------------------------------------------------

def _period_sentences(doc: CleanDoc) -> list[str]:
    """Event sentence, title, first lede sentences: where a report names the period it reviews."""
    out = []
    mention = _event_mention(doc)
    if mention:
        out.append(mention.sentence)
    if doc.title:
        out.append(_prep(doc.title))
    body = _prep(doc.body)
    for line in [ln.strip() for ln in body.splitlines() if ln.strip()][:3]:
        out.append(_sentence(line, 0))
    return out


def _period_in(sentence: str, fallback_year: int | None) -> str | None:
    if not REVIEW_WORD_RE.search(sentence):
        return None
    if RANGE_REVIEW_RE.search(sentence) and not YEAR_PERIOD_RE.search(sentence):
        return ""  # a multi-year review (2013-2015) has no period in our format
    half = FIRST_HALF_RE.search(sentence)
    if half:
        later = LATER_HALF_YEAR_RE.search(sentence)
        year = half.group(1) or (later.group(1) if later else None) or fallback_year
        return f"{year}H1" if year else None
    months = FIRST_MONTHS_RE.search(sentence)
    if months:
        token = months.group(1).lower()
        n = MONTH_WORDS[token] if token in MONTH_WORDS else int(token)
        year = months.group(2) or fallback_year
        if year and 1 <= n < 12:
            return f"{year}Q1" if n == 3 else f"{year}M{n}"
    quarter = QUARTER_RE.search(sentence)
    if quarter:
        q = ROMAN.get(quarter.group(1).upper()) or int(quarter.group(1))
        year = quarter.group(2) or fallback_year
        return f"{year}Q{q}" if year else None
    year = YEAR_PERIOD_RE.search(sentence)
    return year.group(1) if year else None


def extract_period(doc: CleanDoc, meeting_date: date | None, published: date | None) -> Found | None:
    """The reporting period reviewed: '2022H1', '2021', '2022M9', '2022Q3'; None for trainings etc."""
    held = meeting_date or published
    fallback_year = held.year if held else None
    for sentence in _period_sentences(doc):
        period = _period_in(sentence, fallback_year)
        if period == "":
            return None
        if period:
            return Found(period, sentence)
    # "Năm qua ..." after a meeting that deploys next year's work (held in Jan-Mar)
    text = _prep(doc.full)[:LEAD_CHARS]
    mention = _event_mention(doc)
    if mention and meeting_date and meeting_date.month <= 3 and LAST_YEAR_RE.search(text):
        deploy = DEPLOY_YEAR_RE.search(mention.sentence)
        if deploy and int(deploy.group(1)) == meeting_date.year:
            return Found(str(meeting_date.year - 1), mention.sentence)
    return None
