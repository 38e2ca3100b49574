"""The province whose committee or body runs an article's activity (63 pre-2025 units) and its level.

Not every place the text names: signals, strongest first, are the organiser of the event (see
organiser.py), the head of the title ("Hưng Yên: Triển khai ..."), the lede, titles of officials
("Chủ tịch HĐND tỉnh Khánh Hòa"), other mentions, the outlet's signature ("(QBĐT) -") and last the
outlet's address (source "url"). Central bodies' events get level "central" and no province.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import byline_aliases, province_from_url
from ..textnorm import fold, nfc, sentence_of
from ..types import CleanDoc, Found
from .mentions import find_mentions, searchable
from .organiser import HEADLINE_LINES, Organiser, fallback_level, find_organiser, headlines, strip_venues

# Signal weights. An organiser mention outweighs any number of passing mentions.
W_ORGANISER = 10.0
W_TITLE_HEAD = 8.0
W_TITLE = 4.0
W_LEAD_CLASSIFIED = 3.0
W_LEAD = 2.0
W_BODY_CLASSIFIED = 1.5
W_BODY = 1.0
W_BYLINE = 1.5  # below MIN_TEXT_SCORE: an outlet's tag confirms; alone it never overrides the outlet's address
BODY_CAP = 4.0  # many passing mentions in a long body must not beat the lede
MIN_TEXT_SCORE = 2.0  # below this, a provincial outlet's address is the better answer
LEAD_CHARS = 600
BYLINE_RE = re.compile(r"^\s*\(?\s*([^\s()\-–—:][^()\n]{0,24}?)\s*\)?\s*[-–—]")


@dataclass(frozen=True)
class Place:
    province: Found | None
    level: Found | None
    source: str | None  # "text" | "url" | None



def _scorefind_mentions(scores: dict, evidence: dict, text: str, raw: str, classified_w: float, bare_w: float,
                    cap: float | None = None) -> None:
    mentions, _ = find_mentions(text)
    added: dict[str, float] = {}
    for x in mentions:
        weight = (classified_w if x.classified else bare_w) * x.weight_factor
        if cap is not None and added.get(x.province, 0.0) + weight > cap:
            weight = max(0.0, cap - added.get(x.province, 0.0))
        if weight <= 0:
            continue
        added[x.province] = added.get(x.province, 0.0) + weight
        scores[x.province] = scores.get(x.province, 0.0) + weight
        evidence.setdefault(x.province, sentence_of(nfc(raw), x.start, x.end))


def _title_head(line: str) -> tuple[str, int] | None:
    """'Hưng Yên: Triển khai ...', 'Đắk Lắk tập huấn ...': the province leading a headline."""
    text = searchable(line)
    mentions, _ = find_mentions(text)
    for x in mentions:
        head = text[:x.start].strip()
        if head and not re.fullmatch(r"(?i:tỉnh|thành phố|tp\.?)", head):
            continue
        rest = text[x.end:]
        if re.match(r"\s*[:\-–—]", rest) or rest.strip()[:1].islower() or not rest.strip():
            return x.province, x.start
    return None


def _byline_province(doc: CleanDoc) -> tuple[str, str] | None:
    """An outlet's signature at the head of a paragraph: '(QBĐT) -', 'BHG -', '(kontumtv.vn) –'."""
    lines = [doc.byline or ""] + (doc.body or "").split("\n")[:HEADLINE_LINES + 4]
    for line in lines:
        m = BYLINE_RE.match(line)
        if not m:
            continue
        token = m.group(1).strip()
        province = byline_aliases().get(fold(token))
        if province is None and re.fullmatch(r"[\w.-]+\.(?:vn|com|net|org)(?:\.vn)?", token.lower()):
            province = province_from_url(token)
        if province:
            return province, line.strip()
    return None


def _text_province(doc: CleanDoc, organiser: Organiser | None) -> tuple[str, str, float] | None:
    """Best-supported province named by the text, with its evidence sentence and score."""
    scores: dict[str, float] = {}
    evidence: dict[str, str] = {}
    if organiser is not None:
        clause = strip_venues(organiser.clause)
        _scorefind_mentions(scores, evidence, clause, organiser.sentence, W_ORGANISER, W_ORGANISER)
        for province in list(evidence):
            evidence[province] = organiser.sentence
    for i, line in enumerate(headlines(doc)):
        head = _title_head(line)
        if head:
            scores[head[0]] = scores.get(head[0], 0.0) + (W_TITLE_HEAD if i == 0 else W_TITLE)
            evidence.setdefault(head[0], line)
    title = doc.title or ""
    _scorefind_mentions(scores, evidence, searchable(title), title, W_TITLE, W_TITLE, cap=W_TITLE)
    body = doc.body or ""
    lead, rest = body[:LEAD_CHARS], body[LEAD_CHARS:]
    _scorefind_mentions(scores, evidence, searchable(lead), lead, W_LEAD_CLASSIFIED, W_LEAD, cap=2 * W_LEAD_CLASSIFIED)
    _scorefind_mentions(scores, evidence, searchable(rest), rest, W_BODY_CLASSIFIED, W_BODY, cap=BODY_CAP)
    byline = _byline_province(doc)
    if byline:
        scores[byline[0]] = scores.get(byline[0], 0.0) + W_BYLINE
        evidence.setdefault(byline[0], byline[1])
    if not scores:
        return None
    order = {p: i for i, p in enumerate(evidence)}
    best = max(scores, key=lambda p: (scores[p], -order.get(p, 0)))
    if scores[best] <= 0:
        return None
    return best, evidence.get(best, ""), scores[best]


def _province_rule(doc: CleanDoc, organiser: Organiser | None, province: str, evidence: str) -> str:
    """Which signal named the province (the key of its measured precision)."""
    if organiser is not None and evidence == organiser.sentence:
        return "organiser"
    if any(line == evidence and _title_head(line) for line in headlines(doc)):
        return "title_head"
    byline = _byline_province(doc)
    if byline and byline == (province, evidence):
        return "byline"
    return "mentions"


def extract_place(doc: CleanDoc, url: str | None) -> Place:
    """Province (Found or None), level (Found) and where the province came from ("text"/"url")."""
    organiser = find_organiser(doc)
    text_choice = _text_province(doc, organiser)
    if organiser is not None:
        level = Found(organiser.level, organiser.sentence, rule=organiser.rule)
    else:
        # a province met only as a venue ("tại Hà Nội") does not make the event provincial
        level = fallback_level(doc, text_choice is not None and text_choice[2] >= MIN_TEXT_SCORE)
    if level.value == "central":
        return Place(None, level, None)
    from_url = province_from_url(url)
    text_found = Found(text_choice[0], text_choice[1], rule=_province_rule(doc, organiser, *text_choice[:2])) \
        if text_choice else None
    if text_choice and (text_choice[2] >= MIN_TEXT_SCORE or not from_url or text_choice[0] == from_url):
        return Place(text_found, level, "text")
    if from_url:
        return Place(Found(from_url, str(url), rule="outlet_url"), level, "url")
    return Place(text_found, level, "text" if text_found else None)
