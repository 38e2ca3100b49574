"""STUB (owned by the meetings helper)."""
from __future__ import annotations

from .evidence import CleanDoc, Found, Person


def extract_relevance(doc: CleanDoc) -> Found:
    return Found(True, "")


def extract_meeting_type(doc: CleanDoc) -> Found | None:
    return None


def extract_people(doc: CleanDoc) -> list[Person]:
    return []
