"""Is an article a report of external-information (TTĐN) work?

Hand-written cues say *what* to look at (each a general pattern of Vietnamese news writing, with its
reason beside it); their weights are fitted on the labelled articles (``make fit`` ->
assets/relevance_weights.json) and the answer is a probability. A cue in the title or lede counts
fully, deep in the body it counts for BODY_FACTOR of that: a report names its event up front while
near-topic pages (plans, friendship events, op-eds) mention TTĐN in passing.

Some pages are decided by definition, whatever their cues: a tag/section listing and a page not
written in Vietnamese are no reports; a plan or guideline the committee itself issues is relevant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..textnorm import split_sentences
from ..types import CleanDoc, Found
from .cues import CUES, DOC_CUES, THREE_PILLARS_RE, Cue
from .model import LinearModel, load_model
from .phrases import BCD_FORMED, BCD_ISSUES, CAPTION_RE, ISSUED_DOC, TTDN
from .segments import head_and_body, normalised, url_words

WEIGHTS_ASSET = "relevance_weights.json"
RELEVANT = "relevant"
HEAD_FACTOR = 1.0
BODY_FACTOR = 0.3  # a cue deep in the body is a weaker sign than the same cue in the lede
DENSITY_FULL_AT = 6  # this many TTĐN mentions make the density feature 1: the article is about TTĐN
TTDN_RE = re.compile(TTDN, re.I)
NAMES_THE_TOPIC_RE = re.compile(r"đối ngoại|TTĐN|hình ảnh|BCĐ", re.I)
COMMITTEE_ISSUES_RE = re.compile(BCD_ISSUES + r"\s+(?:các |bản )?" + ISSUED_DOC, re.I)
BCD_FORMED_RE = re.compile(BCD_FORMED, re.I)
MIN_VIETNAMESE_WORD_SHARE = 0.15  # Vietnamese prose has diacritics on about half its words
MIN_WORDS_FOR_LANGUAGE = 40
LANGUAGE_SCAN_CHARS = 1500
EVIDENCE_CHARS = 400
ISSUED_BY_COMMITTEE, PLAN_ISSUED = "bcd_issues", "plan_issued"


# The model's inputs, in a fixed order: one per cue family, and the TTĐN density.
FEATURES: tuple[str, ...] = tuple(dict.fromkeys([c.family for c in CUES] + [c.family for c in DOC_CUES]
                                               + ["ttdn_density"]))
FAMILY: dict[str, str] = {c.name: c.family for c in CUES} | {c.name: c.family for c in DOC_CUES}


@dataclass(frozen=True)
class _Hit:
    cue: str
    factor: float  # where it fired: HEAD_FACTOR in the title and lede, BODY_FACTOR deeper
    sentence: str


def _fires(cue: Cue, sentence: str, in_title: bool, caption: bool) -> bool:
    if (cue.title_only and not in_title) or (cue.positive and caption):
        return False  # a photo caption repeats the event's name: it adds no evidence of its own
    if not cue.pattern.search(sentence):
        return False
    if cue.requires is not None and not cue.requires.search(sentence):
        return False
    return cue.unless is None or not cue.unless.search(sentence)


def _sentence_hits(sentence: str, in_title: bool, factor: float) -> list[_Hit]:
    caption = bool(CAPTION_RE.search(sentence))
    cleaned = THREE_PILLARS_RE.sub(" ", sentence)  # "đối ngoại Đảng, ngoại giao nhà nước, đối ngoại nhân dân"
    return [_Hit(cue.name, factor, sentence) for cue in CUES if _fires(cue, cleaned, in_title, caption)]


def _doc_hits(doc: CleanDoc) -> list[_Hit]:
    """Cues of the page as a whole: essay markers near the top, the URL's words."""
    text_start = "\n".join(x for x in (doc.title, doc.body) if x)[:LANGUAGE_SCAN_CHARS]
    slug = url_words(doc)
    url = (doc.extras or {}).get("url") or ""
    hits = []
    for cue in DOC_CUES:
        target = {"start": text_start, "slug": slug, "url": url}[cue.scope]
        m = cue.pattern.search(target)
        if m:
            shown = url if cue.scope != "start" else target[m.start():m.end() + 80].strip().split("\n")[0]
            hits.append(_Hit(cue.name, HEAD_FACTOR, shown))
    return hits


def relevance_hits(doc: CleanDoc) -> list[_Hit]:
    """Every cue that fires, once per cue name (where it counts most).

    Sentence cues are read only on a page that names external information or its image abroad at all
    (NAMES_THE_TOPIC_RE): every sign of a report needs those words, so on the rest of a general feed
    only the URL and essay cues can speak, and the page is not a report.
    """
    hits: list[_Hit] = []
    if NAMES_THE_TOPIC_RE.search(doc.full):
        title, head, rest = head_and_body(doc)
        for sent in title:
            hits += _sentence_hits(sent, True, HEAD_FACTOR)
        for sent in head:
            hits += _sentence_hits(sent, False, HEAD_FACTOR)
        for sent in rest:
            hits += _sentence_hits(sent, False, BODY_FACTOR)
    hits += _doc_hits(doc)
    if any(h.cue == ISSUED_BY_COMMITTEE for h in hits):
        # the issuer decides: a plan the committee itself issues is its activity (LABELING.md), so the
        # plan's own title line ("Kế hoạch hoạt động TTĐN năm 2021") is no sign of another body's plan
        hits = [h for h in hits if h.cue != PLAN_ISSUED]
    best: dict[str, _Hit] = {}
    for hit in hits:
        if hit.cue not in best or hit.factor > best[hit.cue].factor:
            best[hit.cue] = hit
    return list(best.values())


def _features(doc: CleanDoc, hits: list[_Hit]) -> dict[str, float]:
    features: dict[str, float] = {}
    for hit in hits:
        family = FAMILY[hit.cue]
        features[family] = max(features.get(family, 0.0), hit.factor)
    mentions = len(TTDN_RE.findall(doc.full))
    if mentions:
        features["ttdn_density"] = min(mentions, DENSITY_FULL_AT) / DENSITY_FULL_AT
    return features


def relevance_features(doc: CleanDoc) -> dict[str, float]:
    """The model's inputs: each cue family's position factor, and how densely the text names TTĐN."""
    doc = normalised(doc)
    return _features(doc, relevance_hits(doc))


def looks_foreign_language(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return False
    marked = sum(1 for w in words if not w.isascii())
    return marked / len(words) < MIN_VIETNAMESE_WORD_SHARE


def _evidence(doc: CleanDoc, model: LinearModel, features: dict[str, float], hits: list[_Hit],
              relevant: bool) -> str:
    """The sentence of the cue that pushed hardest towards the answer given."""
    push = model.contributions(features, RELEVANT)
    side = [(abs(push.get(FAMILY[h.cue], 0.0)) * h.factor, h.sentence) for h in hits
            if push.get(FAMILY[h.cue], 0.0) and (push[FAMILY[h.cue]] > 0) == relevant]
    if side:
        return max(side)[1][:EVIDENCE_CHARS]
    return next(iter(split_sentences(doc.title or "") + split_sentences(doc.body or "")), "")[:EVIDENCE_CHARS]


def _issued_by_committee(doc: CleanDoc) -> str | None:
    """The title or lede sentence in which the committee itself issues a plan or guideline."""
    title, head, _ = head_and_body(doc)
    return next((s for s in title + head if COMMITTEE_ISSUES_RE.search(s) and not BCD_FORMED_RE.search(s)), None)


def rule_decision(doc: CleanDoc) -> Found | None:
    """Pages decided by definition, whatever their cues: a listing or a page not in Vietnamese is no report;
    a plan or guideline the committee itself issues is its activity (LABELING.md), meeting or not."""
    extras = doc.extras or {}
    if extras.get("listing_page"):
        # a tag/section page lists other articles; reports of a meeting are never listings
        return Found(False, str(extras.get("listing_reason") or "listing page")[:EVIDENCE_CHARS], rule="listing_page")
    text_start = "\n".join(x for x in (doc.title, doc.body) if x)[:LANGUAGE_SCAN_CHARS]
    if looks_foreign_language(text_start):
        return Found(False, text_start[:200], rule="foreign_language")
    issued = _issued_by_committee(doc)
    if issued:
        return Found(True, issued[:EVIDENCE_CHARS], rule="issued_by_committee")
    return None


def extract_relevance(doc: CleanDoc, model: LinearModel | None = None) -> Found:
    """True when the article reports TTĐN work (a Ban Chỉ đạo TTĐN activity, a TTĐN review, training,
    meeting, dissemination, results report or the national TTĐN award); confidence = P(answer)."""
    doc = normalised(doc)
    decided = rule_decision(doc)
    if decided is not None:
        return decided
    model = model or load_model(WEIGHTS_ASSET)
    hits = relevance_hits(doc)
    features = _features(doc, hits)
    p = model.proba(features)[RELEVANT]
    relevant = p >= 0.5
    return Found(relevant, _evidence(doc, model, features, hits, relevant), confidence=p if relevant else 1.0 - p,
                 rule="model")
