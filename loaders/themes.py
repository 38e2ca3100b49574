"""STUB (owned by the meetings helper)."""
from __future__ import annotations

from dataclasses import dataclass

from .evidence import CleanDoc


@dataclass(frozen=True)
class ThemeHit:
    theme: str
    keyword: str
    sentence: str


def extract_themes(doc: CleanDoc) -> list[ThemeHit]:
    return []


def extract_countries(doc: CleanDoc) -> list[str]:
    return []
