"""STUB (owned by the places helper)."""
from __future__ import annotations

from dataclasses import dataclass

from .evidence import CleanDoc, Found


@dataclass(frozen=True)
class Place:
    province: Found | None
    level: Found | None
    source: str | None  # "text" | "url" | None


def extract_place(doc: CleanDoc, url: str | None) -> Place:
    return Place(None, None, None)


def province_2025(province: str | None) -> str | None:
    return None


def region_of(province: str | None) -> str | None:
    return None
