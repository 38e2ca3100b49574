"""Is an article a report of external-information (TTĐN) work?

Weighted positive and negative cues; cues in the title and lede weigh more than cues deep in
the body, because a report names its event up front while near-topic pages (plans, friendship
events, op-eds) mention TTĐN in passing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textnorm import split_sentences
from ..types import CleanDoc, Found
from .phrases import ACT, BCD, BCD_FORMED, BCD_ISSUES, CAPTION_RE, FOREIGN_REF, MEET, TTDN
from .segments import head_and_body, normalised, url_words

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

# A results sentence counting received delegations ("Trong năm, tỉnh đã đón tiếp hơn 30 đoàn ...")
# reports statistics; an article about one visit names the visit as its event instead.
COUNTED_VISITS_RE = re.compile(
    r"(?<![\w/.,-])\d[\d.]*\s+(?:lượt\s+)?đoàn\b|^\W*(?:trong năm|năm qua|trong \d+ tháng|trong nhiệm kỳ)\b", re.I)
THREE_PILLARS_RE = re.compile(
    r"(?:ngoại giao nhà nước|đối ngoại (?:của )?đảng)(?:,| và| với)\s*(?:(?:đối ngoại|ngoại giao) (?:của )?"
    r"(?:đảng|nhà nước)(?:,| và| với)\s*)?(?:đối ngoại|ngoại giao) nhân dân", re.I)


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
    Cue("bcd_activity", W_BCD_ACTIVITY, re.compile(BCD, re.I), requires=re.compile(ACT, re.I),
        unless=re.compile(BCD_FORMED, re.I)),
    Cue("bcd_activity", W_BCD_ACTIVITY, re.compile(BCD_ISSUES, re.I), unless=re.compile(BCD_FORMED, re.I)),
    Cue("meeting_on_ttdn", W_MEETING_ON_TTDN, re.compile(MEET + r"[^;\n]{0,100}?" + TTDN, re.I)),
    Cue("award", W_AWARD, re.compile(r"giải thưởng (?:toàn quốc|quốc gia) về (?:thông tin đối ngoại|TTĐN)", re.I)),
    Cue("ttdn_agency_visit", W_TTDN_AGENCY_VISIT,
        re.compile(r"(?:Cục Thông tin đối ngoại|" + BCD + r")[^;\n]{0,80}(?:làm việc|kiểm tra|khảo sát)", re.I)),
    Cue("results_title", W_RESULTS_TITLE,
        re.compile(r"(?:kết quả|thực hiện|triển khai)[^;\n]{0,40}?(?:công tác |nhiệm vụ |hoạt động )?"
                   r"(?:thông tin đối ngoại|TTĐN|Chiến lược phát triển thông tin đối ngoại)", re.I),
        unless=re.compile(r"ban hành|kế hoạch", re.I), title_only=True),
    Cue("meeting_and_ttdn", W_MEETING_AND_TTDN, re.compile(MEET, re.I), requires=re.compile(TTDN, re.I)),
    Cue("ttdn_in_title", W_TTDN_IN_TITLE, re.compile(TTDN, re.I), title_only=True),
    # negatives
    Cue("plan_issued", W_PLAN_ISSUED,
        re.compile(r"ban hành (?:các |bản )?Kế hoạch|(?:Huyện ủy|Tỉnh ủy|Thành ủy|Quận ủy|UBND|Ủy ban nhân dân)"
                   r"[^.;\n]{0,40}\bcó Kế hoạch|Kế hoạch[^;\n]{0,120}?được[^;\n]{0,60}?ban hành|^\s*Kế hoạch\b", re.I),
        unless=re.compile(BCD_ISSUES + r"|tham mưu[^;\n]{0,40}ban hành|" + MEET, re.I)),
    # a decision forming or re-forming the committee is a document about it, not its activity
    Cue("committee_formed", W_COMMITTEE_FORMED, re.compile(BCD_FORMED, re.I), unless=re.compile(MEET, re.I)),
    Cue("foreign_visit", W_FOREIGN_VISIT,
        re.compile(r"thăm và làm việc|thăm, làm việc|(?<!các )chuyến thăm|hội đàm|(?:đón|tiếp) (?:tiếp )?đoàn"
                   r"|đoàn đại biểu", re.I),
        requires=re.compile(FOREIGN_REF), unless=COUNTED_VISITS_RE),
    Cue("other_affairs_meeting", W_OTHER_AFFAIRS_MEETING,
        re.compile(MEET + r"[^;\n]{0,40}?(?:công tác|tình hình công tác) (?:đối ngoại|ngoại giao)(?! thông tin)",
                   re.I)),
    Cue("signing", W_SIGNING,
        re.compile(r"lễ ký kết|ký kết (?:chương trình|quy chế|thỏa thuận|thoả thuận|biên bản)", re.I)),
    Cue("anniversary", W_ANNIVERSARY,
        re.compile(r"(?:tổ chức|lễ|buổi|^\s*)\s*kỷ niệm \d+ năm (?:ngày )?thành lập", re.I)),
    Cue("people_diplomacy", W_PEOPLE_DIPLOMACY,
        re.compile(r"(?:đối ngoại|ngoại giao) nhân dân|Liên hiệp (?:các )?tổ chức hữu nghị|Hội hữu nghị"
                   r"|hữu nghị tỉnh", re.I),
        # only as organiser or subject of the event, not as one participant among many
        requires=re.compile(r"tổ chức (?!hữu nghị)|chủ trì|phối hợp|nhiệm kỳ|" + MEET, re.I)),
    Cue("foreign_affairs_dept", W_FOREIGN_AFFAIRS_DEPT,
        re.compile(r"Sở Ngoại vụ[^;\n]{0,20}(?:đã )?(?:tổ chức|kỷ niệm)|thành lập Sở Ngoại vụ", re.I)),
    Cue("party_external", W_PARTY_EXTERNAL, re.compile(r"Ban Đối ngoại Trung ương|đối ngoại Đảng", re.I),
        unless=re.compile(TTDN, re.I)),
)

OPED_RE = re.compile(
    r"^\s*(?:PGS|GS|TS|ThS)\.\s*(?:TS\.\s*)?[^\W\d_]|^\s*(?:Một|Hai|Ba) là,|[”\"]\s*\(\d\)", re.I | re.M)
OPED_CHARS = 1500  # essay markers this early; a report's enumerations come late, in quoted speeches
LISTING_URL_RE = re.compile(r"/tag/|/tags/|/trang-\d+|[?&]page=|/page/\d+", re.I)
SLUG_AWARD_RE = re.compile(r"giai thuong (?:toan quoc|quoc gia) ve thong tin doi ngoai")
SLUG_MEETING_RE = re.compile(r"(?:hoi nghi|tap huan|boi duong|so ket|tong ket|giao ban|hop ban chi dao)\b.{0,60}"
                             r"thong tin doi ngoai")



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
    title, head, rest = head_and_body(doc)
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
    slug = url_words(doc)
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
    doc = normalised(doc)
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

