"""Who organises an article's event, and at which level (province, central, district, other).

The organiser is the subject of an organiser verb ("tổ chức", "chủ trì", "làm việc") in the title
or the lede; the earliest level marker in that clause decides ("Ban Tuyên giáo Huyện ủy" is a
district, "Ban Chỉ đạo ... Trung ương" central). Central bodies' events are central even when
held in a province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import name_re
from ..textnorm import VI_UPPER, nfc, sentence_of, split_sentences
from ..types import CleanDoc, Found
from .mentions import blank, find_mentions, is_widget_line, place_context, searchable

ORGANISER_SCAN_CHARS = 1500
HEADLINE_LINES = 8
HEADLINE_MAX_CHARS = 200
# An outlet's tag opening the lede ("(Báo Quảng Ngãi) -", "(Baoquangngai.vn) -", "QBĐT -", "TTXVN -"):
# who wrote it, not who organises. Blanked before organiser detection; _byline_province still
# reads it as a weak hint.
LEAD_TAG_RE = re.compile(
    r"^\s*(?:\([^()\n]{1,40}\)|[\w.-]+\.(?:vn|com|net|org)|(?-i:[A-ZĐ][A-ZĐ0-9.&]{1,11}))\s*[-–—]+\s*")

# Organiser verbs: the clause before them names who runs the event.
ORGANISER_VERB_RE = re.compile(
    r"(?<![\w])(?<!các )(?<!những )(?:tổ chức(?=\s+(?:(?i:hội nghị|hội thảo|lễ|lớp|buổi|cuộc|chương trình|họp|"
    r"tập huấn|bồi dưỡng|giao ban|sơ kết|tổng kết|triển lãm|hội|đoàn|trực tuyến|phát động|kỷ niệm|"
    r"gặp mặt|tọa đàm|toạ đàm|cuộc thi|thành công|nhiều|các|tại|[\"“]))|\s*[.;]|\s*$)"
    r"|chủ trì|phối hợp(?: với| tổ chức)|(?:có buổi )?làm việc (?:với|tại)|tiến hành họp"
    # The event itself used as a verb: "Ban Chỉ đạo ... tỉnh Long An họp sơ kết ...".
    r"|(?:họp|tổng kết|sơ kết|giao ban|tập huấn|triển khai|quán triệt|bồi dưỡng|phát động|ban hành)(?!\w))")
# "Tại điểm cầu Bình Dương": a province is one bridge point of an online conference run above it (a
# province's own conference has its districts as bridge points).
BRIDGE_POINT_RE = re.compile(r"(?i:điểm cầu)\s+(?:(?i:tỉnh|thành phố|tp\.?)\s+)?")
BRIDGE_NAME_CHARS = 30
# Where a co-organiser's name ends: the shared verb, or the clause breaking off.
PARTNER_END_RE = re.compile(r"tổ chức|[,;.(]")
# Comma-chunks of an organiser clause that name a venue or the authority being followed.
VENUE_CHUNK_RE = re.compile(r"(?:^|,)\s*(?:tại|Tại)\s[^,]*(?:,\s*(?:tỉnh|thành phố|TP\.?)\s[^,]*)?")
AUTHORITY_CHUNK_RE = re.compile(r"(?:^|(?<=[,.:]))\s*(?:Theo|Thực hiện|Căn cứ|Quán triệt|Được sự)\s[^,]*,")
# Events that are national by name: a national award or a national conference.
NATIONAL_EVENT_RE = re.compile(
    r"(?i:(?:giải thưởng|hội nghị|lễ trao giải)(?: trực tuyến)? toàn quốc|giải thưởng quốc gia)")
NATIONAL_SCOPE_RE = re.compile(
    r"(?i:toàn quốc|cả nước|các tỉnh, thành phố|các tỉnh, thành|\d+ tỉnh, thành|63 tỉnh|\d+ tỉnh)")


# Level markers inside an organiser clause. Central: central bodies and ministries.
CENTRAL_MARK_RE = re.compile(
    r"(?i:trung ương)|T\.Ư|(?<!\w)(?:TƯ|TW)(?!\w)|Bộ (?:Ngoại giao|Thông tin|TT&TT|TT-TT|TTTT|Văn hóa|Văn hoá|"
    r"Công an|Quốc phòng|Công Thương|Kế hoạch)|Cục Thông tin đối ngoại|Vụ Thông tin [Bb]áo chí|Thủ tướng|"
    r"Chính phủ|Quốc hội")
DISTRICT_MARK_RE = re.compile(
    r"(?i:(?<!\w)(?:huyện|quận|thị xã|huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ)(?!\w))")
PROVINCE_MARK_RE = re.compile(r"(?i:(?<!\w)(?:tỉnh|tỉnh ủy|tỉnh uỷ|tỉnh đoàn)(?!\w))")
CITY_MARK_RE = re.compile(r"(?i:(?<!\w)(?:thành phố|thành ủy|thành uỷ|tp\.?)(?!\w))\s*")
WEAK_PROVINCE_MARK_RE = re.compile(
    r"(?<!\w)(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Ban Chỉ đạo|Ban chỉ đạo|BCĐ|"
    r"Ban Tuyên giáo|Ban Thường vụ|Liên hiệp)(?!\w)")
# Departments (Sở) exist only at province level.
DEPARTMENT_MARK_RE = re.compile(rf"(?<!\w)Sở (?=[{VI_UPPER}])")
WEAK = "weak"
# Central titles held by provincial leaders, and document numbers ("57-KL/TW"): not central bodies.
NOT_CENTRAL_RE = re.compile(
    r"(?i:(?:ủy|uỷ) viên (?:dự khuyết )?(?:ban chấp hành |bch )?(?:trung ương|tư|t\.ư|tw)(?: đảng)?|"
    r"uvtw|đại biểu quốc hội|đoàn đại biểu quốc hội)|\S*/(?:TW|TƯ|T\.Ư)\S*")
CAPITAL_WORD_RE = re.compile(rf"[{VI_UPPER}]\w*")


@dataclass(frozen=True)
class Organiser:
    level: str
    clause: str  # the subject clause (searchable text)
    start: int  # offset of the clause in the searchable text
    sentence: str
    rule: str = "organiser"  # "organiser", "unqualified_organiser", "joint_with_province"


def strip_venues(clause: str) -> str:
    """Blank comma-chunks that say where ('tại Nha Trang, tỉnh Khánh Hòa') or on whose instruction
    ('Thực hiện chỉ đạo của Ban Tuyên giáo Trung ương,'): neither is who organises."""
    return blank(VENUE_CHUNK_RE, blank(AUTHORITY_CHUNK_RE, clause))


def _clause_level(clause: str) -> str | None:
    """Level of the organisation named in a subject clause.

    The earliest explicit marker decides ("Ban Tuyên giáo Huyện ủy ..." is a district,
    "Ban Chỉ đạo ... Trung ương" central). A clause naming only an unqualified body
    ("Ban Chỉ đạo công tác thông tin đối ngoại", "UBND") is "weak": the caller looks further.
    """
    masked = blank(NOT_CENTRAL_RE, strip_venues(clause))
    marks: list[tuple[int, str]] = [(m.start(), "central") for m in NATIONAL_EVENT_RE.finditer(masked)]
    masked = blank(NATIONAL_SCOPE_RE, masked)
    for regex, level in ((CENTRAL_MARK_RE, "central"), (DISTRICT_MARK_RE, "district"),
                         (PROVINCE_MARK_RE, "province"), (DEPARTMENT_MARK_RE, "province")):
        marks += [(m.start(), level) for m in regex.finditer(masked)]
    for m in CITY_MARK_RE.finditer(masked):
        marks.append((m.start(), _city_level(masked[m.end():])))
    mentions, _ = find_mentions(masked)
    marks += [(x.start, "province") for x in mentions]
    if marks:
        return min(marks)[1]
    return WEAK if WEAK_PROVINCE_MARK_RE.search(masked) else None


def _level_text(text: str) -> str:
    """Searchable text with central titles of local leaders and national-scope phrases blanked:
    "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy" is provincial, "61 tỉnh, thành phố" is not."""
    return blank(NATIONAL_SCOPE_RE, blank(NOT_CENTRAL_RE, searchable(text)))


def _weak_level(tail: str, doc: CleanDoc) -> str:
    """An unqualified organiser: national scope or a central-only lede makes it central."""
    if NATIONAL_SCOPE_RE.search(tail[:160]):
        return "central"
    lead = _level_text(doc.lead)
    if PROVINCE_MARK_RE.search(lead) or DEPARTMENT_MARK_RE.search(lead) or not CENTRAL_MARK_RE.search(lead):
        return "province"
    return "central"


def _city_level(after: str) -> str:
    """'thành phố Hà Nội' is a province; 'thành phố Nha Trang' a district-level city; bare: province.

    'Thành ủy Hồ Ngọc Hoa' is a bare committee followed by a person's name.
    """
    word = CAPITAL_WORD_RE.match(after)
    if not word or word.group(0) in place_context()["person_words_before"] or name_re().match(after):
        return "province"
    return "district"


def headlines(doc: CleanDoc) -> list[str]:
    lines = [doc.title or ""] + (doc.body or "").split("\n")[:HEADLINE_LINES]
    return [ln.strip() for ln in lines
            if ln.strip() and len(ln.strip()) <= HEADLINE_MAX_CHARS and not is_widget_line(ln)]


def find_organiser(doc: CleanDoc) -> Organiser | None:
    """The first sentence (title, then lede) whose organiser verb has a subject with a level.

    A weak subject ("Ban Chỉ đạo ... tổ chức") is kept only if no later sentence in the lede
    names the organiser explicitly ("Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì").
    """
    weak: Organiser | None = None
    texts = headlines(doc)[:1] + split_sentences((doc.body or "")[:ORGANISER_SCAN_CHARS])
    for sentence in texts:
        text = blank(LEAD_TAG_RE, searchable(sentence))
        for verb in ORGANISER_VERB_RE.finditer(text):
            start = max(text.rfind(";", 0, verb.start()), text.rfind("|", 0, verb.start())) + 1
            clause = text[start:verb.start()]
            level = _clause_level(clause)
            if level == WEAK and weak is None:
                weak = Organiser(_weak_level(text[verb.end():], doc), clause, start, sentence, "unqualified_organiser")
            elif level and level != WEAK:
                partner = _provincial_partner(text, verb, sentence) if level == "central" else None
                return partner or Organiser(level, clause, start, sentence)
    return weak


def _provincial_partner(text: str, verb: re.Match, sentence: str) -> Organiser | None:
    """'Vụ Thông tin báo chí Bộ Ngoại giao phối hợp với Sở Thông tin và Truyền thông Lạng Sơn tổ chức
    ...': a central body running an event jointly with a province's body runs it *for* the province,
    so the event is the province's (the central partner supports it), unless it serves many provinces."""
    if not verb.group(0).startswith("phối hợp với") or NATIONAL_SCOPE_RE.search(text[verb.end():]):
        return None  # an event for many provinces ("cho cán bộ 13 tỉnh, thành phố") stays central
    stop = PARTNER_END_RE.search(text, verb.end())
    partner = text[verb.end():stop.start() if stop else len(text)]
    if _clause_level(partner) == "province":
        return Organiser("province", partner, verb.end(), sentence, "joint_with_province")
    return None


def fallback_level(doc: CleanDoc, has_province_mention: bool) -> Found:
    """No organiser found: a province's bridge point of a national conference is central; then
    provincial wording wins, then central bodies, else 'other'."""
    lead = nfc(doc.lead)
    text = searchable(lead)
    for bridge in BRIDGE_POINT_RE.finditer(text):
        named, _ = find_mentions(text[bridge.end():bridge.end() + BRIDGE_NAME_CHARS])
        if named and named[0].start == 0:
            return Found("central", sentence_of(lead, bridge.start()), rule="bridge_point")
    masked = _level_text(lead)
    province_mark = PROVINCE_MARK_RE.search(masked)
    if has_province_mention or province_mark:
        return Found("province", sentence_of(lead, province_mark.start()) if province_mark else "",
                     rule="provincial_wording")
    for regex, level in ((CENTRAL_MARK_RE, "central"), (DISTRICT_MARK_RE, "district")):
        mark = regex.search(masked)
        if mark:
            return Found(level, sentence_of(lead, mark.start()), rule=f"{level}_wording")
    return Found("other", "", rule="no_level_marker")

