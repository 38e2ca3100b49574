"""STUB (owned by the dates/numbers helper)."""
from __future__ import annotations

from .evidence import CleanDoc, Found


def extract_counts(doc: CleanDoc) -> dict[str, Found]:
    return {}
