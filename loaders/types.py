"""Small value types every extractor returns.

An extractor answers with a ``Found`` (the value and the sentence it came from) or ``None``
when the text does not say. Nothing else crosses module boundaries inside loaders/.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Found:
    """An extracted value with the sentence that supports it, how sure we are, and which rule said so."""

    value: Any
    evidence: str
    approx: bool = False  # "hơn 50", "gần 300": the number is a bound, not an exact count
    # How likely the value is right: a fitted model's probability, or None when a rule decided; the
    # rule's measured precision on the labelled articles then applies (see loaders/extract/confidence.py).
    confidence: float | None = None
    rule: str = ""  # the rule that produced the value: its key in assets/rule_precision.json


@dataclass(frozen=True)
class Person:
    """A named person with the title the text gives them (may be empty)."""

    name: str
    title: str = ""
    role: str = "chair"  # chair | central_official
    evidence: str = ""
    rule: str = ""  # the pattern that found them ("chu_tri", "conclusion", ...): see loaders/extract/confidence.py


@dataclass(frozen=True)
class CleanDoc:
    """One article after cleaning: the parts extractors look at, plus the raw text."""

    title: str | None
    dateline: str | None  # the header line(s) that may carry the article's own date
    body: str  # cleaned body: boilerplate, widgets and duplicated ledes removed
    byline: str | None
    raw: str  # NFC-normalised raw text, untouched otherwise
    header: str = ""  # text above the title (site furniture, clocks, datelines)
    extras: dict = field(default_factory=dict)  # source hints: {"published": "2022-07-18", ...}

    @property
    def lead(self) -> str:
        """Title plus the first part of the body: where the who/when/where of a report lives."""
        return "\n".join(x for x in (self.title, self.body[:1200]) if x)

    @property
    def full(self) -> str:
        """Title and body, the text most extractors read."""
        return "\n".join(x for x in (self.title, self.body) if x)


@dataclass(frozen=True)
class RawRecord:
    """One input article as read from disk, before any extraction."""

    doc_id: str
    source: str  # the file path, or "archive.zip!member/path"
    text: str  # decoded, NFC
    url: str | None = None
    title: str | None = None
    published: str | None = None  # a source-provided date hint (JSONL/CSV `published`), raw string
    html: bool = False  # True when text came out of an HTML page through trafilatura
