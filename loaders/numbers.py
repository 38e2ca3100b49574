"""Counts stated in a report: foreign delegations received and sent, attendees, FDI projects.

Every count is a number written in the text (digits or Vietnamese number words) next to the
noun it counts. A delegation count needs a reception/sending verb or a foreign qualifier in its
clause, because "đoàn" alone also names youth unions, presidiums and one-off visiting groups.
Vague quantities ("hàng trăm đoàn") are not counts and give nothing.
"""
from __future__ import annotations

import re

from .evidence import CleanDoc, Found
from .textnorm import fold_tones, nfc, sentence_of
from .themes import extract_countries

ABBREV_DOT_RE = re.compile(r"\b(?:TP|Tp|T\.Ư|TS|ThS|PGS|GS|Nxb)\.(?=\s)")
ABBREV_MASK = "\u2024"  # one-dot leader: same length as ".", so offsets stay valid

# --- Vietnamese numerals ----------------------------------------------------------------------

DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
TEN_WORDS = {"mười"}  # "mười" = 10 as a word of its own
TENS_WORD = "mươi"  # "hai mươi" = 20: multiplies the digit before it
TENS_WORDS = {TENS_WORD, "chục"}  # "hai chục" = 20 as well
FILLER_WORDS = {"linh", "lẻ"}  # "hai trăm linh năm" = 205
TAIL_ONLY_WORDS = TENS_WORDS | {"mốt", "lăm", "nhăm", "tư"}  # only after "mươi"/"mười": "hai mươi mốt"
SCALE_WORDS = {"trăm": 100, "nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000}
NUMBER_WORDS = set(DIGIT_WORDS) | TEN_WORDS | TENS_WORDS | FILLER_WORDS | set(SCALE_WORDS)

# "hơn 50", "gần 300", "trên 120": a bound, kept with approx=True
APPROX_WORDS = ("hơn", "gần", "trên", "khoảng", "xấp xỉ", "ước tính", "ước", "ngót", "chừng", "trên dưới", "tới")
# "hàng trăm", "nhiều", "vài chục": no determinable number
VAGUE_WORDS = ("hàng", "nhiều", "vài", "mấy", "dăm", "các", "những")

DIGITS_RE = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d+$")  # "1.000" is one thousand, "09" is nine
WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
APPROX_ALT = "|".join(sorted(APPROX_WORDS, key=len, reverse=True))
VAGUE_ALT = "|".join(VAGUE_WORDS)
# one number as written: digits with thousands dots, or a run of number words
NUM = rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+|(?:(?:{WORD_ALT})\s+)*(?:{WORD_ALT}))(?![\w.,]\d)"
QNUM = rf"(?:(?P<vague>(?i:{VAGUE_ALT})\s+)|(?P<approx>(?i:{APPROX_ALT})\s+))?(?P<num>{NUM})"

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


def _sentence(text: str, start: int, end: int | None = None) -> str:
    """sentence_of, without cutting after "TP." or "T.Ư." (an abbreviation ends no sentence)."""
    masked = ABBREV_DOT_RE.sub(lambda m: m.group(0)[:-1] + ABBREV_MASK, text)
    return sentence_of(masked, start, end).replace(ABBREV_MASK, ".")


def parse_vn_number(s: str) -> tuple[int, bool] | None:
    """'1.000' -> (1000, False); 'hơn 50' -> (50, True); 'hai mươi lăm' -> (25, False); vague -> None."""
    text = fold_tones(nfc(s or "")).strip().lower()
    approx = False
    for word in VAGUE_WORDS:
        if text == word or text.startswith(word + " "):
            return None
    for word in sorted(APPROX_WORDS, key=len, reverse=True):
        if text.startswith(word + " "):
            approx, text = True, text[len(word):].strip()
            break
    if not text:
        return None
    if DIGITS_RE.match(text):
        return int(text.replace(".", "")), approx
    digit_then_scale = re.match(r"^(\d+)\s+(trăm|nghìn|ngàn|triệu)$", text)
    if digit_then_scale:
        return int(digit_then_scale.group(1)) * SCALE_WORDS[digit_then_scale.group(2)], approx
    words = text.split()
    for i in range(len(words)):  # "đầu tư hai": the number is the longest valid tail
        value = _parse_number_words(words[i:])
        if value is not None:
            return value, approx
    return None


def _parse_number_words(words: list[str]) -> int | None:
    """Vietnamese number words to an int; None when a word is not a number word."""
    if not words or any(w not in NUMBER_WORDS for w in words):
        return None
    if words[0] in SCALE_WORDS or words[0] in FILLER_WORDS or words[0] in TAIL_ONLY_WORDS:
        return None  # "trăm đoàn", "lăm", "mươi" do not start a number
    if any(a in DIGIT_WORDS and b in DIGIT_WORDS for a, b in zip(words, words[1:])):
        return None  # "tư hai" is two words, not one number
    total, current = 0, 0
    for word in words:
        if word in DIGIT_WORDS:
            current += DIGIT_WORDS[word]
        elif word in TEN_WORDS:
            current += 10
        elif word in TENS_WORDS:
            units = current % 10 or 1
            current = current - units + units * 10
        elif word in FILLER_WORDS:
            continue
        elif word == "trăm":
            units = current % 100 or 1
            current = current - units + units * 100
        else:  # nghìn / ngàn / triệu close a group
            total += (current or 1) * SCALE_WORDS[word]
            current = 0
    return total + current


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
    return any(extract_countries(CleanDoc(None, None, variant, None, variant)) for variant in (text, regions))


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
    if IN_BEFORE_RE.search(before) and not DOMESTIC_ALWAYS_RE.search(after):
        if not DOMESTIC_AFTER_RE.search(after) or _names_foreign_place(after):
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
        evidence = _sentence(text, m.start(), m.end())
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
        return Found(number[0], _sentence(text, m.start(), m.end()), number[1])
    return None


def _attendees(text: str) -> Found | None:
    for m in ATTENDEES_RE.finditer(text):
        if "đoàn" in _clause_before(text, m.start())[-40:]:
            continue  # "85 đoàn với 600 lượt người": people of delegations, not attendees
        number = _number(m)
        if number is None:
            continue
        sentence = _sentence(text, m.start(), m.end())
        if ATTENDANCE_CUE_RE.search(sentence):
            return Found(number[0], sentence, number[1])
    return None


def _fdi_projects(text: str) -> Found | None:
    m = FDI_RE.search(text)
    if m is None:
        # "... vốn đầu tư trực tiếp nước ngoài (FDI) tại tỉnh với 704 dự án"
        for candidate in FDI_COUNT_RE.finditer(text):
            sentence = _sentence(text, candidate.start(), candidate.end())
            if FDI_SENTENCE_RE.search(sentence) and "ODA" not in sentence:
                m = candidate
                break
    if m is None:
        return None
    number = _number(m)
    if number is None:
        return None
    return Found(number[0], _sentence(text, m.start(), m.end()), number[1])


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
