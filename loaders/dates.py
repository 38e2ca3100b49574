"""STUB (owned by the dates helper)."""
from __future__ import annotations

from datetime import date

from .evidence import CleanDoc, Found


def extract_published(doc: CleanDoc) -> Found | None:
    return None


def extract_meeting_date(doc: CleanDoc, published: date | None) -> Found | None:
    return None


def extract_period(doc: CleanDoc, meeting_date: date | None, published: date | None) -> Found | None:
    return None
