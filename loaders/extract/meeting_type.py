"""What kind of meeting a relevant article reports, from the event's own name.

Each type has cues (general patterns of how Vietnamese reports name that kind of event); a cue
counts by *where* it is seen: the title and headline lines, the lede's event sentence, the rest of
the lede, the URL's words. A type's score is a bias plus the fitted weights of its own cues
(assets/meeting_type_weights.json, ``make fit``), so "Hội nghị sơ kết 6 tháng ..., triển khai nhiệm
vụ 6 tháng cuối năm" is weighed, not decided by rule order; the answer's probability is its
confidence. Two cues read the calendar: a meeting on a named year held at that year's turn reviews
it, and the reviewed period the dates extractor found says whether a review is mid-period or annual.
"""
from __future__ import annotations

import re
from datetime import date

from ..schema import MEETING_TYPES
from ..types import CleanDoc, Found
from .dates.patterns import YEAR_WORK_RE, at_year_turn
from .model import LinearModel, load_model
from .phrases import BCD_ISSUES, CAPTION_RE, MEET
from .segments import head_and_body, normalised, url_words
from .type_cues import GROUP_CLASS, SLUG_CUES, TEXT_CUES

WEIGHTS_ASSET = "meeting_type_weights.json"
TYPES: tuple[str, ...] = tuple(MEETING_TYPES)
# Where a cue is seen says how surely it names the event: the title is the event's own name; the event
# sentence describes it (and may list side activities); the URL's words copy a title; the rest of the
# lede also recounts other events and results.
SEGMENT_FACTOR = {"title": 1.0, "event": 0.8, "slug": 0.6, "lede": 0.2}
# "hop" is a plain meeting that is none of the other types (LABELING.md): once the event is named or
# dated as a review, "họp"/"giao ban" is no evidence of a plain meeting.
REVIEW_FEATURES = ("so_ket", "tong_ket", "tong_ket:year_turn", "tong_ket:annual_period", "so_ket:mid_period")
PLAIN_MEETING = "hop"
NAMED_FACTOR = 0.8  # a review cue at least this strong (title, event sentence) names the event
CALENDAR_FEATURES = ("tong_ket:year_turn", "tong_ket:annual_period", "so_ket:mid_period")
FEATURES: tuple[str, ...] = tuple(GROUP_CLASS) + CALENDAR_FEATURES
# "tổ chức" as the verb of an event ("tổ chức hội nghị"), not the noun ("Liên hiệp các tổ chức hữu nghị")
ORGANISE = (r"tổ chức\s+(?:(?:các|một|buổi|cuộc)\s+)?(?:hội nghị|hội thảo|lễ|lớp|buổi|cuộc|họp|tập huấn|bồi dưỡng"
            r"|giao ban|sơ kết|tổng kết|triển lãm|tọa đàm|toạ đàm|gặp mặt|phổ biến|quán triệt)")
EVENT_SENTENCE_RE = re.compile(MEET + "|" + ORGANISE + r"|chủ trì|khai mạc|diễn ra|" + BCD_ISSUES, re.I)
EVENT_SCAN_CHARS = 1200
MID_PERIOD_RE = re.compile(r"^\d{4}(?:H1|M\d+|Q\d)$")
ANNUAL_PERIOD_RE = re.compile(r"^\d{4}$")
EVIDENCE_CHARS = 400


def feature_type(feature: str) -> str:
    """The type a feature speaks for ("khac_visit" -> "khac", "tong_ket:year_turn" -> "tong_ket")."""
    return GROUP_CLASS.get(feature.split(":", 1)[0], feature.split(":", 1)[0])


def _segments(doc: CleanDoc) -> dict[str, list[str]]:
    """Title and headline lines; the lede's event sentence (the first early non-caption sentence with a
    meeting noun or verb); the rest of the lede; the URL's words."""
    title, head, _ = head_and_body(doc)
    event: list[str] = []
    used = 0
    for sent in head:
        if used > EVENT_SCAN_CHARS:
            break
        used += len(sent) + 1
        if not CAPTION_RE.search(sent) and EVENT_SENTENCE_RE.search(sent):
            event = [sent]
            break
    lede = [s for s in head if s not in event and not CAPTION_RE.search(s)]
    return {"title": title, "event": event, "lede": lede, "slug": [url_words(doc)]}


def _group_hits(segments: dict[str, list[str]]) -> dict[str, tuple[float, str]]:
    """cue group -> (its strongest place's factor, the text it was seen in)."""
    hits: dict[str, tuple[float, str]] = {}
    for segment, texts in segments.items():
        cues = SLUG_CUES if segment == "slug" else TEXT_CUES
        factor = SEGMENT_FACTOR[segment]
        for text in texts:
            for cue in cues:
                seen = cue.pattern.search(text) and not (cue.unless and cue.unless.search(text))
                if seen and (cue.group not in hits or factor > hits[cue.group][0]):
                    hits[cue.group] = (factor, text)
    return hits


def _year_turn(segments: dict[str, list[str]], held: date | None) -> str | None:
    """The title or event sentence names a year and the meeting is held as that year turns."""
    if held is None:
        return None
    for text in segments["title"] + segments["event"]:
        for m in YEAR_WORK_RE.finditer(text):
            if at_year_turn(int(m.group(1)), held):
                return text
    return None


def _hits(doc: CleanDoc, held: date | None, period: str | None) -> dict[str, tuple[float, str]]:
    segments = _segments(doc)
    hits = _group_hits(segments)
    turn = _year_turn(segments, held)
    if turn:
        hits["tong_ket:year_turn"] = (1.0, turn)
    if period and ANNUAL_PERIOD_RE.match(period):
        hits["tong_ket:annual_period"] = (1.0, f"period {period}")
    elif period and MID_PERIOD_RE.match(period):
        hits["so_ket:mid_period"] = (1.0, f"period {period}")
    if any(hits.get(f, (0.0, ""))[0] >= NAMED_FACTOR for f in REVIEW_FEATURES):
        hits.pop(PLAIN_MEETING, None)
    return hits


def meeting_type_features(doc: CleanDoc, held: date | None = None, period: str | None = None) -> dict[str, float]:
    """The model's inputs: each cue group's place factor, and the calendar cues."""
    return {f: factor for f, (factor, _) in _hits(normalised(doc), held, period).items()}


def extract_meeting_type(doc: CleanDoc, held: date | None = None, period: str | None = None,
                         model: LinearModel | None = None) -> Found | None:
    """so_ket | tong_ket | tap_huan | thong_tin_thoi_su | hop | trien_khai | khac, with its probability;
    None for a document without text.

    The evidence is the text of the cue that adds most to the chosen type (the title when none fired).
    """
    doc = normalised(doc)
    if not (doc.title or doc.body or "").strip():
        return None
    model = model or load_model(WEIGHTS_ASSET)
    hits = _hits(doc, held, period)
    features = {f: factor for f, (factor, _) in hits.items()}
    proba = model.proba(features)
    best = max(TYPES, key=lambda t: (proba.get(t, 0.0), -TYPES.index(t)))
    push = model.contributions(features, best)
    support = [(w, hits[f][1]) for f, w in push.items() if w > 0 and feature_type(f) == best]
    evidence = max(support)[1] if support else (doc.title or (doc.body or "").split("\n")[0])
    return Found(best, str(evidence)[:EVIDENCE_CHARS], confidence=proba.get(best), rule="model")
