"""Where an article names its event: title and headline lines, the lede, the later body; the URL's words.

A report names its event up front (title, headline lines the cleaner left in the body, the lede)
while near-topic pages mention TTĐN in passing deeper down; the relevance and meeting-type
extractors weigh these parts differently.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..textnorm import nfc, split_sentences, strip_marks
from ..types import CleanDoc
from .phrases import CAPTION_RE

HEAD_CHARS = 700           # title + this much body is the "head" (title and lede)
HEADING_SCAN_CHARS = 400  # headline-like lines this early in the body count as title lines
HEADING_MAX_CHARS = 160


def normalised(doc: CleanDoc) -> CleanDoc:
    """The same document in NFC (a hand-built or decomposed document must read the same)."""
    title, body = nfc(doc.title or "") or None, nfc(doc.body or "")
    if title == doc.title and body == doc.body:
        return doc
    return replace(doc, title=title, body=body)


def url_words(doc: CleanDoc) -> str:
    """The article URL's path words ('hoi-nghi-tap-huan-...' -> 'hoi nghi tap huan ...'), unaccented."""
    url = (doc.extras or {}).get("url") or ""
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    return re.sub(r"[^a-z0-9]+", " ", strip_marks(path)).strip()


def is_heading(sentence: str) -> bool:
    """A short line without closing punctuation: a headline or kicker, even when the cleaner
    left it in the body (a site banner or clock line was taken as the title)."""
    s = sentence.strip()
    return 12 <= len(s) <= HEADING_MAX_CHARS and s[-1] not in ".:;…!?|" and not CAPTION_RE.search(s)


def head_and_body(doc: CleanDoc) -> tuple[list[str], list[str], list[str]]:
    """(title and headline sentences, lede sentences, later body sentences)."""
    title = split_sentences(doc.title or "")
    head: list[str] = []
    rest: list[str] = []
    used = 0
    for sent in split_sentences(doc.body or ""):
        if used < HEADING_SCAN_CHARS and is_heading(sent):
            title.append(sent)
        else:
            (head if used < HEAD_CHARS else rest).append(sent)
        used += len(sent) + 1
    return title, head, rest

