"""What an article reports: is it external-information (TTĐN) work, what kind of meeting, who chaired.

Three extractors, each a small scored or ordered rule set over the article's own words:

* ``extract_relevance``: weighted positive and negative cues; cues in the title and lede weigh
  more than cues deep in the body, because a report names its event up front while near-topic
  pages (plans, friendship events, op-eds) mention TTĐN in passing.
* ``extract_meeting_type``: the event's own name (title, then the lede's event sentence, then the
  URL slug) decides; a mid-year or year-end period turns a plain "họp"/"giao ban" into a review.
* ``extract_people`` lives in loaders/people.py (chairs and central officials) and is
  re-exported here, where the orchestrator has always looked for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .evidence import CleanDoc, Found
from .people import extract_people  # noqa: F401  (re-export: frame.py calls meetings.extract_people)
from .textnorm import nfc, split_sentences, strip_marks

# --------------------------------------------------------------------------------------------
# Shared phrase patterns (Vietnamese, matched case-insensitively on NFC text)
# --------------------------------------------------------------------------------------------
TTDN = r"(?:thông tin(?:,| và)? (?:tuyên truyền )?đối ngoại|TTĐN|tuyên truyền đối ngoại)"
BCD = r"(?:Ban Chỉ đạo|BCĐ)(?: Trung ương về)?(?: công tác)? (?:thông tin đối ngoại|TTĐN)"
MEET = (r"(?:hội nghị|hội thảo|tọa đàm|toạ đàm|tập huấn|bồi dưỡng|sơ kết|tổng kết|giao ban|cuộc họp|\bhọp"
        r"|lớp (?:tập huấn|bồi dưỡng|học)|khóa (?:tập huấn|bồi dưỡng|học)|lễ trao|lễ phát động|trao giải)")
# An organiser's act, as opposed to a mere mention of the committee ("hệ thống tổ chức của Ban Chỉ đạo").
# Issuing a document counts only when the committee itself issues it (BCD_ISSUES below).
ACT = (r"(?:tổ chức (?:các |một )?(?:hội nghị|hội thảo|lễ|lớp|buổi|cuộc|khóa|tập huấn|giao ban|họp)|chủ trì|\bhọp\b"
       r"|giao ban|hội nghị|tập huấn|sơ kết|tổng kết|phát động|trao giải|làm việc|kiểm tra|khảo sát"
       r"|khai mạc|triển lãm|cuộc thi)")
# Bodies that issue documents. The issuer of "ban hành" is the closest one before it, so "Kế hoạch
# của Ban Chỉ đạo ..., UBND tỉnh ban hành Kế hoạch" is a People's Committee plan. Case-sensitive:
# "cơ sở" is no department.
ISSUER = (r"(?-i:UBND|Ủy ban|Uỷ ban|HĐND|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Quận ủy|Quận uỷ"
          r"|Đảng ủy|Đảng uỷ|Ban Thường vụ|Ban Tuyên giáo|Ban Bí thư|Bộ Chính trị|Chính phủ|Thủ tướng"
          r"|Chủ tịch|\bSở\b|\bBộ\b)")
BCD_ISSUES = BCD + r"(?:(?!" + ISSUER + r")[^;\n]){0,80}?\bban hành"
ISSUED_DOC = r"(?:Kế hoạch|Hướng dẫn|Chương trình|Quy chế|Chỉ thị|Công văn|Đề cương|Định hướng)"
# The committee as the object of a decision that forms or re-forms it: no activity of the committee.
BCD_FORMED = r"(?:kiện toàn|thành lập|củng cố|bổ sung|điều chỉnh|thay đổi)(?: thành viên| nhân sự)?(?: của)? " + BCD
FOREIGN_REF = (r"(?:nước ngoài|Lào|Campuchia|Trung Quốc|Quảng Tây|Vân Nam|Thái Lan|Hàn Quốc|Nhật Bản"
               r"|Hoa Kỳ|Mỹ|Nga|Pháp|Đức|Ấn Độ|Cuba|Singapore|Úc|Australia|đại sứ|Đại sứ|tổng lãnh sự)")
I = re.IGNORECASE

# --------------------------------------------------------------------------------------------
# Relevance: weights and thresholds
# --------------------------------------------------------------------------------------------
HEAD_CHARS = 700           # title + this much body is the "head" (title and lede)
HEADING_SCAN_CHARS = 400  # headline-like lines this early in the body count as title lines
HEADING_MAX_CHARS = 160
HEAD_WEIGHT = 1.0
BODY_WEIGHT = 0.3          # a cue deep in the body counts for a third of a cue in the lede
RELEVANT_MIN_SCORE = 3.0

W_BCD_ACTIVITY = 5.0       # "Ban Chỉ đạo công tác TTĐN tỉnh tổ chức hội nghị ..."
W_MEETING_ON_TTDN = 5.0    # "hội nghị tập huấn công tác thông tin đối ngoại"
W_AWARD = 5.0              # "Giải thưởng toàn quốc về thông tin đối ngoại"
W_TTDN_AGENCY_VISIT = 4.0  # "Cục Thông tin đối ngoại làm việc tại ..."
W_RESULTS_TITLE = 3.0      # "Kết quả công tác thông tin đối ngoại năm 2018"
W_MEETING_AND_TTDN = 2.0   # a meeting noun and TTĐN in one sentence, farther apart
W_TTDN_IN_TITLE = 1.0
W_SLUG_AWARD = 3.0
W_SLUG_MEETING = 2.0

W_PLAN_ISSUED = -6.0       # "UBND tỉnh vừa ban hành Kế hoạch ... về công tác TTĐN"
W_COMMITTEE_FORMED = -4.0  # "Quyết định ... kiện toàn Ban Chỉ đạo công tác TTĐN tỉnh"
W_OPED = -10.0             # author line "PGS. TS. ...", "Một là, ..." essay sections: outweighs any mention
W_FOREIGN_VISIT = -5.0     # "đoàn ... thăm và làm việc", "hội đàm" with a foreign party
W_OTHER_AFFAIRS_MEETING = -4.0  # "hội nghị tổng kết công tác đối ngoại (nhân dân)"
W_SIGNING = -4.0           # "lễ ký kết chương trình phối hợp"
W_ANNIVERSARY = -4.0       # "kỷ niệm 20 năm thành lập Sở Ngoại vụ"
W_PEOPLE_DIPLOMACY = -3.0  # "đối ngoại nhân dân", "Liên hiệp các tổ chức hữu nghị"
W_FOREIGN_AFFAIRS_DEPT = -3.0  # "Sở Ngoại vụ tổ chức ..."
W_PARTY_EXTERNAL = -3.0    # "Ban Đối ngoại Trung ương" trainings on Party external affairs
W_LISTING_URL = -1.0       # tag / section pages
W_FOREIGN_LANGUAGE = -10.0  # an English/French/... page: not a Vietnamese report whatever its URL says
MIN_VIETNAMESE_WORD_SHARE = 0.15  # Vietnamese prose has diacritics on about half its words
MIN_WORDS_FOR_LANGUAGE = 40

CAPTION_RE = re.compile(r"(?:Nguồn|Ảnh)\s*:", I)
# A results sentence counting received delegations ("Trong năm, tỉnh đã đón tiếp hơn 30 đoàn ...")
# reports statistics; an article about one visit names the visit as its event instead.
COUNTED_VISITS_RE = re.compile(
    r"(?<![\w/.,-])\d[\d.]*\s+(?:lượt\s+)?đoàn\b|^\W*(?:trong năm|năm qua|trong \d+ tháng|trong nhiệm kỳ)\b", I)
THREE_PILLARS_RE = re.compile(
    r"(?:ngoại giao nhà nước|đối ngoại (?:của )?đảng)(?:,| và| với)\s*(?:(?:đối ngoại|ngoại giao) (?:của )?"
    r"(?:đảng|nhà nước)(?:,| và| với)\s*)?(?:đối ngoại|ngoại giao) nhân dân", I)


@dataclass(frozen=True)
class Cue:
    """One relevance rule: a pattern, its weight, and the conditions under which it counts."""

    name: str
    weight: float
    pattern: re.Pattern
    requires: re.Pattern | None = None   # the sentence must also match this
    unless: re.Pattern | None = None     # the sentence must not match this
    title_only: bool = False


SENTENCE_CUES: tuple[Cue, ...] = (
    Cue("bcd_activity", W_BCD_ACTIVITY, re.compile(BCD, I), requires=re.compile(ACT, I),
        unless=re.compile(BCD_FORMED, I)),
    Cue("bcd_activity", W_BCD_ACTIVITY, re.compile(BCD_ISSUES, I), unless=re.compile(BCD_FORMED, I)),
    Cue("meeting_on_ttdn", W_MEETING_ON_TTDN, re.compile(MEET + r"[^;\n]{0,100}?" + TTDN, I)),
    Cue("award", W_AWARD, re.compile(r"giải thưởng (?:toàn quốc|quốc gia) về (?:thông tin đối ngoại|TTĐN)", I)),
    Cue("ttdn_agency_visit", W_TTDN_AGENCY_VISIT,
        re.compile(r"(?:Cục Thông tin đối ngoại|" + BCD + r")[^;\n]{0,80}(?:làm việc|kiểm tra|khảo sát)", I)),
    Cue("results_title", W_RESULTS_TITLE,
        re.compile(r"(?:kết quả|thực hiện|triển khai)[^;\n]{0,40}?(?:công tác |nhiệm vụ |hoạt động )?"
                   r"(?:thông tin đối ngoại|TTĐN|Chiến lược phát triển thông tin đối ngoại)", I),
        unless=re.compile(r"ban hành|kế hoạch", I), title_only=True),
    Cue("meeting_and_ttdn", W_MEETING_AND_TTDN, re.compile(MEET, I), requires=re.compile(TTDN, I)),
    Cue("ttdn_in_title", W_TTDN_IN_TITLE, re.compile(TTDN, I), title_only=True),
    # negatives
    Cue("plan_issued", W_PLAN_ISSUED,
        re.compile(r"ban hành (?:các |bản )?Kế hoạch|(?:Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|UBND|Ủy ban nhân dân)"
                   r"[^.;\n]{0,40}\bcó Kế hoạch|Kế hoạch[^;\n]{0,120}?được[^;\n]{0,60}?ban hành|^\s*Kế hoạch\b", I),
        unless=re.compile(BCD_ISSUES + r"|tham mưu[^;\n]{0,40}ban hành|" + MEET, I)),
    # a decision forming or re-forming the committee is a document about it, not its activity
    Cue("committee_formed", W_COMMITTEE_FORMED, re.compile(BCD_FORMED, I), unless=re.compile(MEET, I)),
    Cue("foreign_visit", W_FOREIGN_VISIT,
        re.compile(r"thăm và làm việc|thăm, làm việc|(?<!các )chuyến thăm|hội đàm|(?:đón|tiếp) (?:tiếp )?đoàn|đoàn đại biểu", I),
        requires=re.compile(FOREIGN_REF), unless=COUNTED_VISITS_RE),
    Cue("other_affairs_meeting", W_OTHER_AFFAIRS_MEETING,
        re.compile(MEET + r"[^;\n]{0,40}?(?:công tác|tình hình công tác) (?:đối ngoại|ngoại giao)(?! thông tin)", I)),
    Cue("signing", W_SIGNING, re.compile(r"lễ ký kết|ký kết (?:chương trình|quy chế|thỏa thuận|thoả thuận|biên bản)", I)),
    Cue("anniversary", W_ANNIVERSARY,
        re.compile(r"(?:tổ chức|lễ|buổi|^\s*)\s*kỷ niệm \d+ năm (?:ngày )?thành lập", I)),
    Cue("people_diplomacy", W_PEOPLE_DIPLOMACY,
        re.compile(r"(?:đối ngoại|ngoại giao) nhân dân|Liên hiệp (?:các )?tổ chức hữu nghị|Hội hữu nghị|hữu nghị tỉnh", I),
        # only as organiser or subject of the event, not as one participant among many
        requires=re.compile(r"tổ chức (?!hữu nghị)|chủ trì|phối hợp|nhiệm kỳ|" + MEET, I)),
    Cue("foreign_affairs_dept", W_FOREIGN_AFFAIRS_DEPT,
        re.compile(r"Sở Ngoại vụ[^;\n]{0,20}(?:đã )?(?:tổ chức|kỷ niệm)|thành lập Sở Ngoại vụ", I)),
    Cue("party_external", W_PARTY_EXTERNAL, re.compile(r"Ban Đối ngoại Trung ương|đối ngoại Đảng", I),
        unless=re.compile(TTDN, I)),
)

OPED_RE = re.compile(
    r"^\s*(?:PGS|GS|TS|ThS)\.\s*(?:TS\.\s*)?[^\W\d_]|^\s*(?:Một|Hai|Ba) là,|[”\"]\s*\(\d\)", I | re.M)
OPED_CHARS = 1500  # essay markers this early; a report's enumerations come late, in quoted speeches
LISTING_URL_RE = re.compile(r"/tag/|/tags/|/trang-\d+|[?&]page=|/page/\d+", I)
SLUG_AWARD_RE = re.compile(r"giai thuong (?:toan quoc|quoc gia) ve thong tin doi ngoai")
SLUG_MEETING_RE = re.compile(r"(?:hoi nghi|tap huan|boi duong|so ket|tong ket|giao ban|hop ban chi dao)\b.{0,60}"
                             r"thong tin doi ngoai")


def _normalised(doc: CleanDoc) -> CleanDoc:
    """The same document in NFC (a hand-built or decomposed document must read the same)."""
    title, body = nfc(doc.title or "") or None, nfc(doc.body or "")
    if title == doc.title and body == doc.body:
        return doc
    return replace(doc, title=title, body=body)


def _slug(doc: CleanDoc) -> str:
    """The article URL's path words ('hoi-nghi-tap-huan-...' -> 'hoi nghi tap huan ...'), unaccented."""
    url = (doc.extras or {}).get("url") or ""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    return re.sub(r"[^a-z0-9]+", " ", strip_marks(path)).strip()


def _is_heading(sentence: str) -> bool:
    """A short line without closing punctuation: a headline or kicker, even when the cleaner
    left it in the body (a site banner or clock line was taken as the title)."""
    s = sentence.strip()
    return 12 <= len(s) <= HEADING_MAX_CHARS and s[-1] not in ".:;…!?|" and not CAPTION_RE.search(s)


def _head_and_body(doc: CleanDoc) -> tuple[list[str], list[str], list[str]]:
    """(title and headline sentences, lede sentences, later body sentences)."""
    title = split_sentences(doc.title or "")
    head, rest, used = [], [], 0
    for sent in split_sentences(doc.body or ""):
        if used < HEADING_SCAN_CHARS and _is_heading(sent):
            title.append(sent)
        else:
            (head if used < HEAD_CHARS else rest).append(sent)
        used += len(sent) + 1
    return title, head, rest


@dataclass(frozen=True)
class _Hit:
    cue: str
    score: float
    sentence: str


def _sentence_hits(sentence: str, in_title: bool, weight: float) -> list[_Hit]:
    hits = []
    caption = bool(CAPTION_RE.search(sentence))
    cleaned = THREE_PILLARS_RE.sub(" ", sentence)
    for cue in SENTENCE_CUES:
        if cue.title_only and not in_title:
            continue
        if cue.weight > 0 and caption:
            continue
        if not cue.pattern.search(cleaned):
            continue
        if cue.requires is not None and not cue.requires.search(cleaned):
            continue
        if cue.unless is not None and cue.unless.search(cleaned):
            continue
        hits.append(_Hit(cue.name, cue.weight * weight, sentence))
    return hits


def _looks_foreign_language(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return False
    marked = sum(1 for w in words if not w.isascii())
    return marked / len(words) < MIN_VIETNAMESE_WORD_SHARE


def relevance_hits(doc: CleanDoc) -> list[_Hit]:
    """Every cue that fires, at most once per cue name (its strongest occurrence)."""
    title, head, rest = _head_and_body(doc)
    hits: list[_Hit] = []
    for sent in title:
        hits += _sentence_hits(sent, True, HEAD_WEIGHT)
    for sent in head:
        hits += _sentence_hits(sent, False, HEAD_WEIGHT)
    for sent in rest:
        hits += _sentence_hits(sent, False, BODY_WEIGHT)
    text_start = "\n".join(x for x in (doc.title, doc.body) if x)[:OPED_CHARS]
    oped = OPED_RE.search(text_start)
    if oped:
        hits.append(_Hit("op_ed", W_OPED, text_start[oped.start():oped.end() + 80].strip().split("\n")[0]))
    if _looks_foreign_language(text_start):
        hits.append(_Hit("foreign_language", W_FOREIGN_LANGUAGE, text_start[:200]))
    slug = _slug(doc)
    url = (doc.extras or {}).get("url") or ""
    if LISTING_URL_RE.search(url):
        hits.append(_Hit("listing_url", W_LISTING_URL, url))
    if SLUG_AWARD_RE.search(slug):
        hits.append(_Hit("slug_award", W_SLUG_AWARD, url))
    elif SLUG_MEETING_RE.search(slug):
        hits.append(_Hit("slug_meeting", W_SLUG_MEETING, url))
    best: dict[str, _Hit] = {}
    for hit in hits:
        if hit.cue not in best or abs(hit.score) > abs(best[hit.cue].score):
            best[hit.cue] = hit
    return list(best.values())


def extract_relevance(doc: CleanDoc) -> Found:
    """True when the article reports TTĐN work (a Ban Chỉ đạo TTĐN activity, a TTĐN review,
    training, meeting, results report or the national TTĐN award); evidence = deciding sentence."""
    doc = _normalised(doc)
    extras = doc.extras or {}
    if extras.get("listing_page"):
        # a tag/section page lists other articles; reports of a meeting are never listings
        return Found(False, str(extras.get("listing_reason") or "listing page")[:400])
    hits = relevance_hits(doc)
    score = sum(h.score for h in hits)
    relevant = score >= RELEVANT_MIN_SCORE
    side = [h for h in hits if (h.score > 0) == relevant]
    if side:
        decisive = max(side, key=lambda h: abs(h.score))
        evidence = decisive.sentence
    else:
        evidence = next(iter(split_sentences(doc.title or "") + split_sentences(doc.body or "")), "")
    return Found(relevant, evidence[:400])


# --------------------------------------------------------------------------------------------
# Meeting type
# --------------------------------------------------------------------------------------------
PERIOD_MID = r"(?:(?:6|sáu|9|chín|06|09) tháng|quý (?:I|II|III|IV|1|2|3|4)\b|nửa đầu năm|giữa nhiệm kỳ)"
# Ordered: the first type whose pattern matches a segment wins within that segment.
TYPE_RULES: tuple[tuple[str, re.Pattern, bool], ...] = (
    # (type, pattern, strong) -- weak cues (a plan launch, a plain meeting, a working visit) yield
    # to a strong cue found in a later segment, because titles like "Triển khai nhiệm vụ 6 tháng
    # cuối năm" or "Họp Ban Chỉ đạo" often name a review by its second half.
    ("khac", re.compile(r"giải thưởng[^;\n]{0,60}(?:thông tin đối ngoại|TTĐN)|trao giải|phát động giải|lễ phát động"
                        r"|cuộc thi|hội thi|triển lãm|liên hoan", I), True),
    ("so_ket", re.compile(r"sơ kết|" + PERIOD_MID, I), True),
    ("tong_ket", re.compile(r"tổng kết|(?:đánh giá|kết quả)[^;\n]{0,80}?năm \d{4}|hội nghị đánh giá năm"
                            r"|kết quả (?:công tác|thực hiện|hoạt động)|qua \d+ năm thực hiện"
                            r"|^[^:]{0,30}:?\s*thực hiện[^;\n]{0,80}giai đoạn \d{4}\s*[-–]\s*\d{4}", I), True),
    ("tap_huan", re.compile(r"tập huấn|bồi dưỡng|lớp học|đào tạo|khóa học", I), True),
    ("thong_tin_thoi_su", re.compile(r"(?:hội nghị|buổi|gặp mặt|cuộc họp)[^;\n]{0,30}?thông tin[^;\n]{0,40}?"
                                     r"(?:thời sự|tình hình)|báo cáo viên|^\W*thông tin (?:tình hình )?thời sự", I), True),
    ("trien_khai", re.compile(r"quán triệt|nghiên cứu,? (?:học tập,? )?triển khai|triển khai (?:thực hiện )?(?:nội dung )?"
                              r"(?:các )?(?:Kết luận|Chiến lược|Nghị quyết|Chỉ thị|Kế hoạch|Đề án|Quyết định|Nghị định)"
                              r"|triển khai (?:nhiệm vụ|công tác)|ban hành (?:Kế hoạch|Hướng dẫn|Chương trình)", I), False),
    ("hop", re.compile(r"\bhọp\b|giao ban|phiên họp", I), False),
    ("khac", re.compile(r"làm việc (?:tại|với)|đoàn công tác|khảo sát|kiểm tra|hội thảo|tọa đàm|toạ đàm|diễn đàn"
                        r"|ra mắt", I), False),
)
# The label set is exhaustive: a relevant event that none of the rules names is 'khac' by definition.
RESIDUAL_TYPE = "khac"
SLUG_TYPE_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("khac", re.compile(r"giai thuong|trao giai|phat dong")),
    ("so_ket", re.compile(r"so ket|6 thang")),
    ("tong_ket", re.compile(r"tong ket")),
    ("tap_huan", re.compile(r"tap huan|boi duong")),
    ("thong_tin_thoi_su", re.compile(r"thoi su|bao cao vien")),
    ("trien_khai", re.compile(r"quan triet|trien khai")),
    ("hop", re.compile(r"\bhop\b|giao ban")),
)
# A guideline or plan issued by the committee itself is a launch (LABELING: trien_khai), even
# without a meeting; a meeting that also issues a document is named by its meeting noun instead.
BCD_ISSUED_DOC_RE = re.compile(BCD_ISSUES + r"\s+(?:các |bản )?" + ISSUED_DOC, I)
MEET_RE = re.compile(MEET, I)
EVENT_SENTENCE_RE = re.compile(MEET + r"|tổ chức|chủ trì|khai mạc|diễn ra|" + BCD_ISSUES, I)
EVENT_SCAN_CHARS = 1200


def _segment_type(text: str) -> tuple[str, bool] | None:
    if BCD_ISSUED_DOC_RE.search(text) and not MEET_RE.search(text):
        return "trien_khai", True
    for mtype, pattern, strong in TYPE_RULES:
        if pattern.search(text):
            return mtype, strong
    return None


def _name_segments(doc: CleanDoc) -> list[str]:
    """Where the event's own name is: title, headline lines, then the lede's event sentence
    (the first early non-headline sentence with a meeting noun or verb)."""
    title, head, _ = _head_and_body(doc)
    segments = list(title)
    used = 0
    for sent in head:
        if used > EVENT_SCAN_CHARS:
            break
        used += len(sent) + 1
        if not CAPTION_RE.search(sent) and EVENT_SENTENCE_RE.search(sent):
            segments.append(sent)
            break
    return segments


def extract_meeting_type(doc: CleanDoc) -> Found | None:
    """so_ket | tong_ket | tap_huan | thong_tin_thoi_su | hop | trien_khai | khac, from the event's name."""
    doc = _normalised(doc)
    segments = _name_segments(doc)
    found = [(seg, _segment_type(seg)) for seg in segments]
    for seg, hit in found:
        if hit and hit[1]:
            return Found(hit[0], seg[:400])
    for seg, hit in found:
        if hit:
            return Found(hit[0], seg[:400])
    slug = _slug(doc)
    for mtype, pattern in SLUG_TYPE_RULES:
        if pattern.search(slug):
            return Found(mtype, (doc.extras or {}).get("url") or slug)
    if segments:
        return Found(RESIDUAL_TYPE, segments[0][:400])
    return None
