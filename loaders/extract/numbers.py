"""Counts stated in a report: foreign delegations received and sent, attendees, FDI projects.

Every count is a number written in the text (digits or Vietnamese number words) next to the
noun it counts. A delegation count needs a reception/sending verb or a foreign qualifier in its
clause, because "đoàn" alone also names youth unions, presidiums and one-off visiting groups.
Vague quantities ("hàng trăm đoàn") are not counts and give nothing.
"""
from __future__ import annotations

import re

from ..textnorm import fold_tones, nfc, sentence_of
from ..types import CleanDoc, Found
from .countries import countries_in
from .numerals import APPROX_ALT, NUM, QNUM, parse_vn_number

# --- delegations ------------------------------------------------------------------------------

# N đoàn ... (not "đoàn thể", "đoàn viên", "đoàn kết", "đoàn cơ sở", "Đoàn Thanh niên")
DELEGATION_RE = re.compile(
    rf"(?<![\w/.,-]){QNUM}\s+đoàn\b(?!\s*(?:thể|viên|kết|cơ sở|thanh niên|chủ tịch|Thanh niên|Chủ tịch))",
)
# people in those delegations: "73 đoàn/527 lượt người", "85 đoàn ... với 600 lượt người", "(40 người)"
PEOPLE_AFTER_RE = re.compile(
    rf"^[^;.]{{0,50}}?(?:/|\bvới\b|\bgồm\b|\(|,)\s*(?P<approx>(?:{APPROX_ALT})\s+)?(?P<num>{NUM})\s+"
    r"(?:lượt\s+)?(?:người|khách|cán bộ|thành viên|đại biểu|lượt)\b",
)
# sending: a destination abroad after "đoàn" (or an exit permit): "cử 30 đoàn ... đi công tác nước ngoài"
OUT_BEFORE_RE = re.compile(r"xuất cảnh|giải quyết cho")
OUT_AFTER_RE = re.compile(
    r"xuất cảnh|\b(?:đi|tại|ở|sang|đến|tới|ra|thăm)\s+(?:công tác\s+(?:tại\s+|ở\s+)?)?"
    r"(?:nước ngoài|các nước|\d+\s+(?:nước|quốc gia))"
)
# sending to a named foreign place: "sang làm việc tại các tỉnh ... (Lào)", "đi Nhật Bản, Hàn Quốc".
# The destination is what follows the movement word; "đến từ"/"tới từ" names an origin instead.
OUT_MOVE_RE = re.compile(r"\b(?:đi|sang|tại|ở|đến|tới|thăm)\b(?!\s+từ\b)")
SEND_BEFORE_RE = re.compile(r"\bcử\b|\bđưa\b|tổ chức")
# a compass word glued to a country names a region of it ("Bắc Lào", "Đông Bắc Thái Lan")
COMPASS_RE = re.compile(r"(?<!\w)(?:Đông Bắc|Tây Bắc|Đông Nam|Tây Nam|Bắc|Nam|Đông|Tây|Thượng|Hạ)(?= [A-ZĐÀ-Ỹ])")
# receiving: a reception verb before the number, or a foreign qualifier after "đoàn"
IN_BEFORE_RE = re.compile(r"\bđón\b|\btiếp\b(?!\s+(?:tục|theo|cận|thu|xúc|nối|tế))|tiếp nhận|quản lý|làm việc với")
IN_AFTER_RE = re.compile(
    r"^\s*(?:khách\s+)?(?:nước ngoài|quốc tế)|\bđến từ\b|cơ quan đại diện nước ngoài|có người nước ngoài|"
    r"\bcủa (?:các )?(?:nước|tổ chức quốc tế|đại sứ quán|tổng lãnh sự)|"
    r"\bvào (?:thăm|làm việc|hoạt động)|\bkhách (?:quốc tế|nước ngoài)"
)
# a received group that is not foreign: inspections, domestic visitors. "các tỉnh" is domestic only
# when the clause names no foreign place ("các tỉnh Bắc Lào và tỉnh Vân Nam (Trung Quốc)" is foreign).
DOMESTIC_AFTER_RE = re.compile(r"trong nước|trong tỉnh|các tỉnh|kiểm tra|giám sát|thanh tra|của Trung ương|của Bộ\b")
DOMESTIC_ALWAYS_RE = re.compile(r"trong nước|trong tỉnh|kiểm tra|giám sát|thanh tra|của Trung ương|của Bộ\b")
# the next figure or the next verb starts another statement: "đón 20 đoàn ... và cử 10 đoàn ..."
NEXT_STATEMENT_RE = re.compile(
    r"\d[\d.]*\s+đoàn|(?:,|\bvà\b)\s+(?:đã\s+)?(?:cử|đón|tiếp|tổ chức|giải quyết|quản lý)\b")
CLAUSE_BEFORE_CHARS = 70
CLAUSE_AFTER_CHARS = 160
CLAUSE_STOP_RE = re.compile(r"\.(?!\d)|[;:!?\n]")  # "1.500" is a number, not a full stop

# --- visitors stated without a delegation count -------------------------------------------------

# "đã tiếp 1.024 lượt khách quốc tế đến thăm và làm việc": official reception of foreign guests.
# Tourists are counted with the same words, so the verb must sit right before the number and the
# clause must give an official purpose (làm việc / thăm) and no tourism word.
VISITORS_RE = re.compile(
    rf"(?<![\w/.,-]){QNUM}\s+(?:lượt\s+)?(?:khách|người|chuyên gia)\s+(?:quốc tế|nước ngoài)\b")
RECEPTION_BEFORE_RE = re.compile(r"\b(?:đón tiếp|tiếp đón|đón|tiếp)\s*(?:,\s*)?(?:và làm việc với\s+)?$")
OFFICIAL_PURPOSE_RE = re.compile(r"làm việc|\bthăm\b(?!\s+quan)\s*(?:và|,|;|$|tỉnh|thành phố|địa phương)")
TOURISM_RE = re.compile(r"du lịch|du khách|tham quan|thăm quan|lưu trú|nghỉ dưỡng|triệu lượt")

# --- other counts -----------------------------------------------------------------------------

ATTENDEE_NOUNS = r"(?:đại biểu|học viên|báo cáo viên|tuyên truyền viên|cán bộ|đồng chí|người|phóng viên)"
ATTENDEES_RE = re.compile(rf"(?<![\w/.,-]){QNUM}(?:/\d+)?\s+(?:lượt\s+)?{ATTENDEE_NOUNS}\b")
ATTENDANCE_CUE_RE = re.compile(r"(?i)tham dự|tham gia|\bdự\b|có mặt|với sự|\bgồm\b|\bcho\b")
FDI_RE = re.compile(
    rf"(?<![\w/.,-]){QNUM}\s+dự án\s+(?:có\s+)?(?:sử dụng\s+)?(?:vốn\s+)?(?:đầu tư\s+)?(?:trực tiếp\s+)?"
    r"(?:nước ngoài|FDI)"
)
FDI_SENTENCE_RE = re.compile(r"FDI|đầu tư trực tiếp nước ngoài")
FDI_COUNT_RE = re.compile(rf"(?<![\w/.,-]){QNUM}\s+dự án\b")
LEAD_CHARS = 4000  # counts of a report sit in its first screens; later text is mostly boilerplate
MAX_COUNT = 1_000_000
YEAR_BEFORE_RE = re.compile(r"(?:năm|thứ|số|lần|khóa|khoá|kỳ)\s*$", re.IGNORECASE)


def _number(match: re.Match) -> tuple[int, bool] | None:
    """The value of a QNUM match, or None for vague, ordinal-like or implausible numbers."""
    if match.groupdict().get("vague"):
        return None
    raw = match.group("num")
    prefix = match.string[max(0, match.start() - 12):match.start()]
    if YEAR_BEFORE_RE.search(prefix):
        return None  # "năm 2019", "lần thứ 4", "số 10"
    parsed = parse_vn_number(raw)
    if parsed is None or not 0 < parsed[0] <= MAX_COUNT:
        return None
    return parsed[0], parsed[1] or bool(match.groupdict().get("approx"))


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - CLAUSE_BEFORE_CHARS):start]
    stops = list(CLAUSE_STOP_RE.finditer(window)) + list(re.finditer(r"\d[\d.]*\s+đoàn\b", window))
    return window[max(s.end() for s in stops):] if stops else window


def _clause_after(text: str, end: int) -> str:
    window = text[end:end + CLAUSE_AFTER_CHARS]
    stops = [m.start() for m in (CLAUSE_STOP_RE.search(window), NEXT_STATEMENT_RE.search(window)) if m]
    return window[:min(stops)] if stops else window


def _names_foreign_place(text: str) -> bool:
    """A foreign country of the gazetteer is named, also as a region ("Bắc Lào", "Vân Nam (Trung Quốc)")."""
    if not text.strip():
        return False
    regions = COMPASS_RE.sub(lambda m: " " * len(m.group(0)), text)
    return any(countries_in(variant) for variant in (text, regions))


def _sent_to_named_place(before: str, after: str) -> bool:
    """'cử 8 đoàn ... sang làm việc tại các tỉnh ... (Lào)', '6 đoàn đi Nhật Bản, Hàn Quốc'."""
    if IN_BEFORE_RE.search(before):
        return False  # a received group: a place after it is where it came from or went to here
    move = OUT_MOVE_RE.search(after)
    if move is None:
        return False
    if not (SEND_BEFORE_RE.search(before) or move.group(0) in ("đi", "sang")):
        return False
    return _names_foreign_place(after[move.end():])


def _delegation_direction(before: str, after: str) -> str | None:
    """'out' for delegations sent abroad, 'in' for foreign delegations received, else None."""
    if OUT_BEFORE_RE.search(before) or OUT_AFTER_RE.search(after) or _sent_to_named_place(before, after):
        return "out"
    if IN_AFTER_RE.search(after):
        return "in"
    received = IN_BEFORE_RE.search(before) and not DOMESTIC_ALWAYS_RE.search(after)
    if received and (not DOMESTIC_AFTER_RE.search(after) or _names_foreign_place(after)):
        return "in"
    return None


def _delegation_counts(text: str) -> dict[str, Found]:
    out: dict[str, Found] = {}
    for m in DELEGATION_RE.finditer(text):
        number = _number(m)
        if number is None:
            continue
        after = _clause_after(text, m.end())
        direction = _delegation_direction(_clause_before(text, m.start()), after)
        if direction is None:
            continue
        evidence = sentence_of(text, m.start(), m.end())
        key = f"delegations_{direction}"
        if key in out:
            continue  # the first statement is the report's headline figure
        out[key] = Found(number[0], evidence, number[1])
        people = PEOPLE_AFTER_RE.match(after)
        if people:
            value = parse_vn_number(people.group("num"))
            if value:
                approx = value[1] or bool(people.group("approx"))
                out.setdefault(f"visitors_{direction}", Found(value[0], evidence, approx))
    return out


def _visitors_without_delegations(text: str) -> Found | None:
    """Foreign guests received for official work, counted in people only ("tiếp 1.024 lượt khách
    quốc tế đến thăm và làm việc"); tourists and sightseers are not visitors."""
    for m in VISITORS_RE.finditer(text):
        if not RECEPTION_BEFORE_RE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        number = _number(m)
        if number is None:
            continue
        clause = _clause_before(text, m.start()) + text[m.start():m.end()] + _clause_after(text, m.end())
        if TOURISM_RE.search(clause) or not OFFICIAL_PURPOSE_RE.search(_clause_after(text, m.end())):
            continue
        return Found(number[0], sentence_of(text, m.start(), m.end()), number[1])
    return None


def _attendees(text: str) -> Found | None:
    for m in ATTENDEES_RE.finditer(text):
        if "đoàn" in _clause_before(text, m.start())[-40:]:
            continue  # "85 đoàn với 600 lượt người": people of delegations, not attendees
        number = _number(m)
        if number is None:
            continue
        sentence = sentence_of(text, m.start(), m.end())
        if ATTENDANCE_CUE_RE.search(sentence):
            return Found(number[0], sentence, number[1])
    return None


def _fdi_projects(text: str) -> Found | None:
    m = FDI_RE.search(text)
    if m is None:
        # "... vốn đầu tư trực tiếp nước ngoài (FDI) tại tỉnh với 704 dự án"
        for candidate in FDI_COUNT_RE.finditer(text):
            sentence = sentence_of(text, candidate.start(), candidate.end())
            if FDI_SENTENCE_RE.search(sentence) and "ODA" not in sentence:
                m = candidate
                break
    if m is None:
        return None
    number = _number(m)
    if number is None:
        return None
    return Found(number[0], sentence_of(text, m.start(), m.end()), number[1])


def extract_counts(doc: CleanDoc) -> dict[str, Found]:
    """delegations_in/out, visitors_in/out, attendees, fdi_projects: only the keys the text states."""
    text = fold_tones(nfc(doc.full or doc.raw))[:LEAD_CHARS]
    counts = _delegation_counts(text)
    if "visitors_in" not in counts and "delegations_in" not in counts:
        visitors = _visitors_without_delegations(text)
        if visitors:
            counts["visitors_in"] = visitors
    attendees = _attendees(text)
    if attendees:
        counts["attendees"] = attendees
    fdi = _fdi_projects(text)
    if fdi:
        counts["fdi_projects"] = fdi
    return counts
