"""Foreign delegations a province received or sent, as a report counts them ("đón tiếp 14 đoàn quốc tế").

A delegation count is a foreign delegation received by the province (or its bodies), or one of its
delegations sent abroad, counted over a reporting period. "Đoàn" alone names much else: youth unions
and presidiums (never followed by a count), teams, troupes, tourist parties and contingents taking
part in something, inspection teams from the centre, groups of people something happened to. So a
count "N đoàn" needs, in its clause:

* a direction: sent abroad (a sending or permitting verb before it, or a destination abroad after
  it), or received (a receiving or managing verb before it, or a foreign qualifier after it);
* no sign of a participant group (PARTICIPANT_RE) or of a domestic one (DOMESTIC_RE);
* the words of a results statement around it (REPORTING_RE): a period, a total, a past tense.

Each list below is a concept with its common wordings, never one article's phrase.
"""
from __future__ import annotations

import re

from ..textnorm import sentence_of
from ..types import Found
from .countries import countries_in
from .numerals import APPROX_ALT, NUM, QNUM, parse_vn_number

# N đoàn ... (not "đoàn thể", "đoàn viên", "đoàn kết", "đoàn cơ sở", "Đoàn Thanh niên", "đoàn chủ tịch")
DELEGATION_RE = re.compile(
    rf"(?<![\w/.,-]){QNUM}\s+đoàn\b(?!\s*(?:thể|viên|kết|cơ sở|thanh niên|chủ tịch|Thanh niên|Chủ tịch))")
# people in those delegations: "73 đoàn/527 lượt người", "85 đoàn ... với 600 lượt người", "(40 người)"
PEOPLE_AFTER_RE = re.compile(
    rf"^[^;.]{{0,50}}?(?:/|\bvới\b|\bgồm\b|\(|,)\s*(?P<approx>(?:{APPROX_ALT})\s+)?(?P<num>{NUM})\s+"
    r"(?:lượt\s+)?(?:người|khách|cán bộ|thành viên|đại biểu|lượt)\b")

# --- sent abroad ---------------------------------------------------------------------------------
# sending or permitting: "cử", "đưa", "tổ chức ... đi", "cho phép", "giải quyết cho", "cấp phép", "phê duyệt"
SEND_BEFORE_RE = re.compile(r"\bcử\b|\bđưa\b|tổ chức|cho phép|giải quyết cho|cấp phép|phê duyệt|đồng ý cho")
PERMIT_BEFORE_RE = re.compile(r"cho phép|giải quyết cho|cấp phép|phê duyệt|đồng ý cho")
# a destination abroad: leaving the country, or going to foreign countries ("đi công tác nước ngoài",
# "ra 21 quốc gia", "đến các nước")
ABROAD_AFTER_RE = re.compile(
    r"xuất cảnh|\b(?:đi|tại|ở|sang|đến|tới|ra|thăm)\s+(?:(?:công tác|làm việc|học tập|khảo sát|xúc tiến)\s+"
    r"(?:[^\s,;]+\s+){0,2}?(?:tại\s+|ở\s+)?)?(?:nước ngoài|các nước|\d+\s+(?:nước|quốc gia))")
# going to a named foreign place: "sang làm việc tại các tỉnh ... (Lào)", "đi Nhật Bản, Hàn Quốc";
# "đến từ"/"tới từ" names an origin instead
MOVE_RE = re.compile(r"\b(?:đi|sang|tại|ở|đến|tới|thăm)\b(?!\s+từ\b)")
# a compass word glued to a country names a region of it ("Bắc Lào", "Đông Bắc Thái Lan")
COMPASS_RE = re.compile(r"(?<!\w)(?:Đông Bắc|Tây Bắc|Đông Nam|Tây Nam|Bắc|Nam|Đông|Tây|Thượng|Hạ)(?= [A-ZĐÀ-Ỹ])")

# --- received ------------------------------------------------------------------------------------
# receiving or managing: "đón", "tiếp", "tiếp nhận", "quản lý", "phục vụ", "làm việc với"
RECEIVE_BEFORE_RE = re.compile(
    r"\bđón\b|\btiếp\b(?!\s+(?:tục|theo|cận|thu|xúc|nối|tế))|tiếp nhận|quản lý|phục vụ|làm việc với")
# a foreign qualifier: "đoàn quốc tế", "đoàn khách nước ngoài", "đến từ ...", "của các nước",
# "có người nước ngoài", entering the province ("vào thăm", "vào làm việc", "vào hoạt động")
FOREIGN_AFTER_RE = re.compile(
    r"^\s*(?:khách\s+)?(?:nước ngoài|quốc tế)|\bđến từ\b|cơ quan đại diện nước ngoài|có người nước ngoài|"
    r"\bcủa (?:các )?(?:nước|tổ chức quốc tế|đại sứ quán|tổng lãnh sự)|"
    r"\bvào (?:thăm|làm việc|hoạt động|công tác)|\bkhách (?:quốc tế|nước ngoài)")

# --- no delegation ---------------------------------------------------------------------------------
# a domestic group: inspections, visitors from the centre or from other provinces (unless the
# clause names a foreign place: "các tỉnh Bắc Lào và tỉnh Vân Nam (Trung Quốc)" is foreign)
DOMESTIC_RE = re.compile(r"trong nước|trong tỉnh|kiểm tra|giám sát|thanh tra|của Trung ương|của Bộ\b")
OTHER_PROVINCES_RE = re.compile(r"các tỉnh")
# a team, troupe, contingent or party taking part in something, or a group something happened to
PARTICIPANT_RE = re.compile(
    r"vận động viên|\bVĐV\b|đội tuyển|thi đấu|tranh tài|giải đấu|giải (?:bóng|vô địch|cờ|quần vợt)|huy chương|"
    r"nghệ thuật|nghệ sĩ|diễn viên|biểu diễn|hội diễn|liên hoan|hợp xướng|dàn nhạc|ca múa|dự thi|thí sinh|"
    r"cuộc thi|hội thi|festival|lễ hội|diễu hành|du khách|khách du lịch|đoàn du lịch|lữ hành|hàng hóa|hàng hoá|"
    r"lô hàng|\bxe\b|\btàu\b|ngộ độc|nhập viện|cấp cứu|tai nạn|thương vong|mắc kẹt|hành hương", re.I)
# a team doing a job right after "đoàn": inspections and audits, at home or from abroad
JOB_TEAM_AFTER_RE = re.compile(r"^\s*(?:[^\s,;]+\s+){0,2}?(?:thanh tra|kiểm tra|giám sát|kiểm toán|kiểm dịch)", re.I)
PARTICIPANT_AFTER_CHARS = 80  # what the group does follows it closely ("32 đoàn ... tham gia cuộc thi")
# an average ("trung bình mỗi năm đón 200 đoàn") is no count for a reporting period
AVERAGE_RE = re.compile(r"mỗi năm|hằng năm|hàng năm|bình quân|trung bình", re.I)
# the words of a results statement: a period, a running total, a past tense, a province-wide tally
REPORTING_RE = re.compile(
    r"năm qua|năm vừa qua|trong năm|\bnăm (?:19|20)\d\d|\d+ tháng|tháng đầu năm|từ đầu năm|\bquý\b|"
    r"nhiệm kỳ|giai đoạn|thời gian qua|đến nay|tính đến|từ năm|tổng (?:số|cộng)|toàn tỉnh|toàn thành phố|"
    r"\bđã\b|kết quả|\bqua \d+ năm", re.I)
# the next figure or the next verb starts another statement: "đón 20 đoàn ... và cử 10 đoàn ..."
NEXT_STATEMENT_RE = re.compile(
    r"\d[\d.]*\s+đoàn|(?:,|\bvà\b)\s+(?:đã\s+)?(?:cử|đón|tiếp|tổ chức|giải quyết|quản lý|cho phép)\b")
CLAUSE_BEFORE_CHARS = 70
CLAUSE_AFTER_CHARS = 160
CONTEXT_BEFORE_CHARS = 300  # a results statement's period may open the sentence before ("Năm qua, ...")
CLAUSE_STOP_RE = re.compile(r"\.(?!\d)|[;:!?\n]")  # "1.500" is a number, not a full stop
YEAR_BEFORE_RE = re.compile(r"(?:năm|thứ|số|lần|khóa|khoá|kỳ)\s*$", re.IGNORECASE)
MAX_COUNT = 1_000_000


def number_of(match: re.Match) -> tuple[int, bool] | None:
    """The value of a QNUM match, or None for vague, ordinal-like or implausible numbers."""
    if match.groupdict().get("vague"):
        return None
    prefix = match.string[max(0, match.start() - 12):match.start()]
    if YEAR_BEFORE_RE.search(prefix):
        return None  # "năm 2019", "lần thứ 4", "số 10"
    parsed = parse_vn_number(match.group("num"))
    if parsed is None or not 0 < parsed[0] <= MAX_COUNT:
        return None
    return parsed[0], parsed[1] or bool(match.groupdict().get("approx"))


def clause_before(text: str, start: int) -> str:
    window = text[max(0, start - CLAUSE_BEFORE_CHARS):start]
    stops = list(CLAUSE_STOP_RE.finditer(window)) + list(re.finditer(r"\d[\d.]*\s+đoàn\b", window))
    return window[max(s.end() for s in stops):] if stops else window


def clause_after(text: str, end: int) -> str:
    window = text[end:end + CLAUSE_AFTER_CHARS]
    stops = [m.start() for m in (CLAUSE_STOP_RE.search(window), NEXT_STATEMENT_RE.search(window)) if m]
    return window[:min(stops)] if stops else window


def names_foreign_place(text: str) -> bool:
    """A foreign country of the gazetteer is named, also as a region ("Bắc Lào", "Vân Nam (Trung Quốc)")."""
    if not text.strip():
        return False
    regions = COMPASS_RE.sub(lambda m: " " * len(m.group(0)), text)
    return any(countries_in(variant) for variant in (text, regions))


def _sent_to_named_place(before: str, after: str) -> bool:
    """'cử 8 đoàn ... sang làm việc tại các tỉnh ... (Lào)', '6 đoàn đi Nhật Bản, Hàn Quốc'."""
    if RECEIVE_BEFORE_RE.search(before):
        return False  # a received group: a place after it is where it came from or went to here
    move = MOVE_RE.search(after)
    if move is None or not (SEND_BEFORE_RE.search(before) or move.group(0) in ("đi", "sang")):
        return False
    return names_foreign_place(after[move.end():])


def direction(before: str, after: str) -> str | None:
    """'out' for delegations sent abroad, 'in' for foreign delegations received, else None."""
    if PARTICIPANT_RE.search(before + " " + after[:PARTICIPANT_AFTER_CHARS]) or JOB_TEAM_AFTER_RE.search(after):
        return None
    if (PERMIT_BEFORE_RE.search(before) and re.search(r"xuất cảnh|nước ngoài|quốc gia|\bra\b", after)) or \
            ABROAD_AFTER_RE.search(after) or _sent_to_named_place(before, after):
        return "out"
    if FOREIGN_AFTER_RE.search(after):
        return "in"
    if RECEIVE_BEFORE_RE.search(before) and not DOMESTIC_RE.search(after) and (
            not OTHER_PROVINCES_RE.search(after) or names_foreign_place(after)):
        return "in"
    return None


def _reported(text: str, start: int, end: int) -> bool:
    """The count sits in a results statement (its sentence, or the one before, names a period or a tally),
    and is no average per year."""
    if AVERAGE_RE.search(sentence_of(text, start, end)):
        return False
    return bool(REPORTING_RE.search(text[max(0, start - CONTEXT_BEFORE_CHARS):end + CLAUSE_AFTER_CHARS]))


def delegation_counts(text: str) -> dict[str, Found]:
    """delegations_in/out and visitors_in/out stated with a delegation count; the first statement wins."""
    out: dict[str, Found] = {}
    for m in DELEGATION_RE.finditer(text):
        number = number_of(m)
        if number is None:
            continue
        after = clause_after(text, m.end())
        way = direction(clause_before(text, m.start()), after)
        if way is None or not _reported(text, m.start(), m.end()):
            continue
        key = f"delegations_{way}"
        if key in out:
            continue  # the first statement is the report's headline figure
        evidence = sentence_of(text, m.start(), m.end())
        out[key] = Found(number[0], evidence, number[1], rule=f"delegations_{way}")
        people = PEOPLE_AFTER_RE.match(after)
        if people:
            value = parse_vn_number(people.group("num"))
            if value:
                approx = value[1] or bool(people.group("approx"))
                out.setdefault(f"visitors_{way}",
                               Found(value[0], evidence, approx, rule=f"people_of_delegations_{way}"))
    return out
