"""Date patterns shared by the dateline, meeting-date and period extractors, and the date helpers.

Written once against NFC text with one canonical tone placement (see ``prep``), so each pattern
matches every spelling in the wild.
"""
from __future__ import annotations

import re
from datetime import date

from ...textnorm import fold_tones, nfc

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
EN_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")
MONTHS_EN = {m[:3].lower(): i + 1 for i, m in enumerate(EN_MONTH_NAMES)}  # "oct" -> 10
EN_MONTH = r"(?:" + "|".join(MONTHS_EN) + r")[a-z]*\.?"  # "October", "Oct"
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
# a review word, then the year it reviews ("báo cáo viên" is a speaker; "từ đầu năm 2024" is "since", no review)
YEAR_REVIEW_RE = re.compile(
    r"(?i:tổng kết|đánh giá|kết quả|sơ kết|báo cáo(?! viên))[^.;\n]{0,80}?(?<!đầu )\bnăm\s+((?:19|20)\d{2})"
    r"(?!\s*[-–]\s*\d{4})(?!\d)")
RANGE_REVIEW_RE = re.compile(
    r"(?i:tổng kết|đánh giá|sơ kết|kết quả)[^.;\n]{0,80}?(?:giai đoạn|năm|nhiệm kỳ)?\s*"
    r"((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")
RESULTS_CUE_RE = re.compile(r"(?i:\bđã\b|kết quả|thành tựu|\bđạt\b)")
# "triển khai Kế hoạch ... năm 2025": plan names are capitalised as often as not, so the whole
# pattern ignores case
DEPLOY_YEAR_RE = re.compile(
    r"triển khai\s+(?:nhiệm vụ|công tác|kế hoạch)[^.;\n]{0,40}?\bnăm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)

# --- period patterns --------------------------------------------------------------------------

REVIEW_WORD_RE = re.compile(r"(?i:sơ kết|tổng kết|đánh giá|giao ban|kết quả|báo cáo(?! viên)|nhìn lại)")
# a contest's or an award's closing ("Lễ tổng kết và trao giải Cuộc thi ...") reviews the contest, no period
CONTEST_RE = re.compile(r"(?i:cuộc thi|hội thi|giải thưởng|trao giải|liên hoan)")
FIRST_HALF_RE = re.compile(r"(?i:6|sáu) tháng đầu năm(?:\s+((?:19|20)\d{2}))?")
LATER_HALF_YEAR_RE = re.compile(r"(?i:6|sáu) tháng cuối năm\s+((?:19|20)\d{2})")
FIRST_MONTHS_RE = re.compile(r"(?i:(\d{1,2}|ba|chín|mười)) tháng đầu năm(?:\s+((?:19|20)\d{2}))?")
QUARTER_RE = re.compile(r"(?i:quý)\s+(I{1,3}|IV|[1-4])(?:\s*(?:/|-|năm)\s*((?:19|20)\d{2}))?")
LAST_YEAR_RE = re.compile(r"(?i:năm qua|năm vừa qua)")
# "giao ban công tác ... năm 2019": a meeting on a year's work; held as that year turns, it reviews it
# (a training or an award "năm 2019" held in December is no review: only a meeting noun counts)
YEAR_WORK_RE = re.compile(r"(?:giao ban|\bhọp\b(?! báo))[^;\n]{0,80}?\bnăm ((?:19|20)\d{2})(?!\s*[-–]\s*\d)(?!\d)",
                          re.IGNORECASE)
YEAR_TURN_MONTHS = (11, 12)  # ... held in these months of that year, or
NEXT_YEAR_MONTHS = (1, 2)  # ... in these months of the next one


def at_year_turn(year: int, held: date) -> bool:
    """``held`` falls at the end of ``year`` or the start of the next: when a year's work is reviewed."""
    return (held.year == year and held.month in YEAR_TURN_MONTHS) or (
        held.year == year + 1 and held.month in NEXT_YEAR_MONTHS)
MONTH_WORDS = {"ba": 3, "chín": 9, "mười": 10}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def plausible_date(year: int, month: int, day: int) -> date | None:
    """A plausible date or None (the window is 2000-01-01 .. today)."""
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if EARLIEST <= value <= date.today() else None


def prep(text: str | None) -> str:
    """NFC and one tone placement, so patterns written once match every spelling."""
    return fold_tones(nfc(text or ""))
