"""STUB (owned by the meetings helper)."""
from __future__ import annotations

from collections import Counter


def extract_terms(text: str) -> Counter:
    return Counter()
