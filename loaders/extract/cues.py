"""The relevance cues: general patterns of how Vietnamese news reports TTĐN work, and of near-topic
pages that are not such reports. Each cue says what it looks for and why; its weight is not here but
fitted on the labelled articles (assets/relevance_weights.json), so a cue only has to be *true to the
language*, never tuned to one article.

Cues are grouped in families that say the same kind of thing (the committee acts; an event is on
TTĐN; the page is a document, a foreign-affairs event, an essay ...). A family is one feature of the
model with one weight: a hundred labelled articles can support a dozen weights, not forty, and a
pattern seen in two articles borrows the evidence of its family.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import ACT, BCD, BCD_FORMED, BCD_ISSUES, DOC_NAME, FOREIGN_REF, MEET, SPREAD, TTDN

# A results sentence counting received delegations ("Trong năm, tỉnh đã đón tiếp hơn 30 đoàn ...")
# reports statistics; an article about one visit names the visit as its event instead.
COUNTED_VISITS_RE = re.compile(
    r"(?<![\w/.,-])\d[\d.]*\s+(?:lượt\s+)?đoàn\b|^\W*(?:trong năm|năm qua|trong \d+ tháng|trong nhiệm kỳ)\b", re.I)
# "ngoại giao nhà nước, đối ngoại Đảng và đối ngoại nhân dân": the three pillars named together are
# a formula, not a people-diplomacy or Party-external event.
THREE_PILLARS_RE = re.compile(
    r"(?:ngoại giao nhà nước|đối ngoại (?:của )?đảng)(?:,| và| với)\s*(?:(?:đối ngoại|ngoại giao) (?:của )?"
    r"(?:đảng|nhà nước)(?:,| và| với)\s*)?(?:đối ngoại|ngoại giao) nhân dân", re.I)
# A speech that is only given at an event: opening, directing, closing.
SPEECH = r"phát biểu (?:chỉ đạo|khai mạc|bế mạc|kết luận)"
# A reporting period: a year, the first months of a year, a term.
PERIOD = r"(?:năm (?:19|20)\d\d|(?:6|sáu|9|chín|\d+) tháng (?:đầu năm|năm)|nhiệm kỳ)"
# What a plan or a speech asks for, as opposed to what was done: "đề nghị ... tiếp tục tổ chức quán triệt".
DIRECTIVE = r"(?:đề nghị|yêu cầu|\bcần\b|\bsẽ\b|\bphải\b|nhiệm vụ)"
# Promoting the locality's image abroad is what TTĐN work is, even when a training names it so.
IMAGE_ABROAD = (r"(?:quảng bá|xây dựng|giới thiệu|nâng cao)\s+hình ảnh[^;\n]{0,60}?"
                r"(?:quốc tế|nước ngoài|thế giới|bạn bè quốc tế)")
# What a results statement looks like: "kết quả (nổi bật) ... công tác TTĐN", "TTĐN đạt nhiều kết quả",
# "công tác TTĐN năm 2017" (the year's work reviewed).
RESULTS = (r"(?:kết quả|thành tựu|thực hiện|triển khai)[^;\n]{0,40}?(?:công tác |nhiệm vụ |hoạt động )?" + TTDN
           + r"|" + TTDN + r"[^;\n]{0,30}?(?:đạt|đạt được|có) (?:nhiều |những )?(?:kết quả|thành tựu|bước)")


@dataclass(frozen=True)
class Cue:
    """One relevance rule: a pattern and the conditions under which it counts."""

    name: str
    family: str  # the model's feature: cues saying the same kind of thing share one weight
    pattern: re.Pattern
    requires: re.Pattern | None = None   # the sentence must also match this
    unless: re.Pattern | None = None     # the sentence must not match this
    title_only: bool = False
    positive: bool = True  # a sign of a report (skipped in photo captions) or of a near-topic page


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


CUES: tuple[Cue, ...] = (
    # The committee acting: "Ban Chỉ đạo công tác TTĐN tỉnh tổ chức hội nghị ...", or issuing its own plan.
    Cue("bcd_activity", "committee", _re(BCD), requires=_re(ACT), unless=_re(BCD_FORMED)),
    Cue("bcd_issues", "committee", _re(BCD_ISSUES), unless=_re(BCD_FORMED)),
    # The committee as the subject of what was done: "Ban Chỉ đạo ... tỉnh đã kịp thời ...".
    Cue("bcd_subject", "committee", _re(BCD + r"(?: (?:tỉnh|thành phố|huyện|Trung ương)(?: [A-ZĐ]\w*){0,3})?\s+"
                             r"(?:đã|đang|tiếp tục|thường xuyên|chủ động|luôn)\b"), unless=_re(BCD_FORMED)),
    # A meeting about TTĐN: "hội nghị tập huấn công tác thông tin đối ngoại", or a speech given at one
    # ("Phát biểu chỉ đạo, Thủ tướng nhấn mạnh công tác thông tin đối ngoại ...").
    Cue("meeting_on_ttdn", "event_on_ttdn", _re("(?:" + MEET + "|" + SPEECH + r")[^;\n]{0,100}?" + TTDN)),
    # Disseminating a document on TTĐN: "quán triệt Kết luận số 57-KL/TW ... về công tác thông tin đối ngoại".
    Cue("dissemination_on_ttdn", "event_on_ttdn", _re(SPREAD + r"[^;\n]{0,40}?" + DOC_NAME + r"[^;\n]{0,200}?" + TTDN),
        unless=_re(DIRECTIVE + r"[^;\n]{0,30}?" + SPREAD)),
    # A meeting on promoting the locality's image abroad.
    Cue("meeting_on_image", "event_on_ttdn", _re(MEET + r"[^;\n]{0,120}?" + IMAGE_ABROAD)),
    Cue("award", "event_on_ttdn", _re(r"giải thưởng (?:toàn quốc|quốc gia) về (?:thông tin đối ngoại|TTĐN)")),
    Cue("ttdn_agency_visit", "committee",
        _re(r"(?:Cục Thông tin đối ngoại|" + BCD + r")[^;\n]{0,80}(?:làm việc|kiểm tra|khảo sát)")),
    # A results report of TTĐN work (the title or lede states its results).
    Cue("ttdn_results", "results", _re(RESULTS), unless=_re(r"ban hành|kế hoạch")),
    # ... of a named period: a written review of the year's (half-year's) TTĐN work, meeting or not.
    Cue("period_results", "period_results", _re("(?:" + RESULTS + ")" + r"[^;\n]{0,60}?" + PERIOD),
        unless=_re(r"ban hành|kế hoạch")),
    Cue("meeting_and_ttdn", "meeting_and_ttdn", _re(MEET + r"|gặp mặt"), requires=_re(TTDN)),
    Cue("ttdn_in_title", "ttdn_in_title", _re(TTDN), title_only=True),
    # --- near-topic pages
    # A plan issued by a People's Committee, a Party committee or a district (LABELING: not relevant).
    Cue("plan_issued", "document",
        _re(r"ban hành (?:các |bản )?Kế hoạch|(?:Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|UBND|Ủy ban nhân dân)"
            r"[^.;\n]{0,40}\bcó Kế hoạch|Kế hoạch[^;\n]{0,120}?được[^;\n]{0,60}?ban hành|^\s*Kế hoạch\b"),
        unless=_re(BCD_ISSUES + r"|tham mưu[^;\n]{0,40}ban hành|" + MEET), positive=False),
    # A decision forming or re-forming the committee is a document about it, not its activity.
    Cue("committee_formed", "document", _re(BCD_FORMED), unless=_re(MEET), positive=False),
    # One foreign delegation's visit or talks.
    Cue("foreign_visit", "foreign_affairs",
        _re(r"thăm và làm việc|thăm, làm việc|(?<!các )chuyến thăm|hội đàm|(?:đón|tiếp) (?:tiếp )?đoàn|đoàn đại biểu"),
        requires=re.compile(FOREIGN_REF), unless=COUNTED_VISITS_RE, positive=False),
    # A meeting on foreign affairs in general ("tổng kết công tác đối ngoại (nhân dân)"), not on TTĐN.
    Cue("other_affairs_meeting", "foreign_affairs",
        _re(MEET + r"[^;\n]{0,40}?(?:công tác|tình hình công tác) (?:đối ngoại|ngoại giao)(?! thông tin)"),
        positive=False),
    Cue("signing", "foreign_affairs",
        _re(r"lễ ký kết|ký kết (?:chương trình|quy chế|thỏa thuận|thoả thuận|biên bản)"), positive=False),
    Cue("anniversary", "foreign_affairs",
        _re(r"(?:tổ chức|lễ|buổi|^\s*)\s*kỷ niệm \d+ năm (?:ngày )?thành lập"), positive=False),
    # People-to-people diplomacy bodies as organiser or subject, not as one participant among many.
    Cue("people_diplomacy", "foreign_affairs",
        _re(r"(?:đối ngoại|ngoại giao) nhân dân|Liên hiệp (?:các )?tổ chức hữu nghị|Hội hữu nghị|hữu nghị tỉnh"),
        requires=_re(r"tổ chức (?!hữu nghị)|chủ trì|phối hợp|nhiệm kỳ|" + MEET), positive=False),
    Cue("party_external", "foreign_affairs", _re(r"Ban Đối ngoại Trung ương|đối ngoại Đảng"), unless=_re(TTDN),
        positive=False),
    # A legal document's page: articles ("Điều 1.") and a preamble of legal grounds ("Căn cứ Luật ...").
    Cue("legal_document", "document",
        re.compile(r"^\s*(?:Điều \d+\s*[.:]|Căn cứ (?:Luật|Nghị định|Quyết định|Thông tư))"),
        positive=False),
)


@dataclass(frozen=True)
class DocCue:
    """A cue of the page as a whole: its opening text ("start"), the URL's words ("slug"), or the URL."""

    name: str
    family: str
    pattern: re.Pattern
    scope: str


DOC_CUES: tuple[DocCue, ...] = (
    # An essay's author line opening the page: "PGS. TS. Nguyễn Văn An" alone on its line.
    DocCue("author_line", "essay",
           re.compile(r"(?m)^\s*(?:(?:PGS|GS|TS|ThS|NCS)\.\s*)+(?:[A-ZĐÀ-Ỹ][^\W\d_]*\s*){2,5}$"),
           "start"),
    # An essay's argument enumerated in the author's voice: "Một là, ...", "Hai là, ...".
    DocCue("essay_points", "essay", re.compile(r"(?m)^\s*(?:Một|Hai|Ba|Bốn) là,"), "start"),
    # Footnote marks after quotations, as scholarly articles cite: "...”(1)".
    DocCue("footnote_marks", "essay", re.compile(r"[”\"]\s*\(\d\)"), "start"),
    DocCue("listing_url", "listing_url", _re(r"/tag/|/tags/|/trang-\d+|[?&]page=|/page/\d+"), "url"),
    DocCue("slug_award", "slug_event", re.compile(r"giai thuong (?:toan quoc|quoc gia) ve thong tin doi ngoai"),
           "slug"),
    DocCue("slug_meeting", "slug_event",
           re.compile(r"(?:hoi nghi|tap huan|boi duong|so ket|tong ket|giao ban|hop ban chi dao|"
                                      r"quan triet|trien khai)\b.{0,60}thong tin doi ngoai"), "slug"),
    DocCue("slug_results", "results",
           re.compile(r"ket qua.{0,60}thong tin doi ngoai|thong tin doi ngoai.{0,40}ket qua"),
           "slug"),
    DocCue("slug_period_results", "period_results",
           re.compile(r"ket qua.{0,60}thong tin doi ngoai.{0,60}(?:nam (?:19|20)\d\d|\d+ thang)"), "slug"),
)
