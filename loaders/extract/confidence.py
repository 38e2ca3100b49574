"""How sure the loader is of each value it extracted.

A value decided by a fitted model (relevance, meeting type) carries the model's probability. A value
decided by a rule carries that rule's measured precision: how often the rule's answer was right on
the labelled articles, Laplace-smoothed ((right + 1) / (fired + 2)), so a rule never seen on labelled
data starts at 0.5 and a rule right 40 times out of 40 is 0.98, not 1. The measurements are data
(assets/rule_precision.json), refitted with the weights by ``make fit``.
"""
from __future__ import annotations

from functools import lru_cache

from ..assets import read_json
from ..types import Found

RULE_PRECISION_ASSET = "rule_precision.json"
UNMEASURED = 0.5  # (0 + 1) / (0 + 2): a rule with no labelled evidence either way


def smoothed(right: int, fired: int) -> float:
    return (right + 1) / (fired + 2)


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, dict]]:
    return read_json(RULE_PRECISION_ASSET)["rules"]


def rule_confidence(field: str, rule: str) -> float:
    """The measured precision of ``rule`` when it answers ``field``."""
    row = _table().get(field, {}).get(rule)
    return smoothed(row["right"], row["fired"]) if row else UNMEASURED


def confidence_of(field: str, found: Found | None) -> float | None:
    """The value's confidence: its model probability, else its rule's measured precision; None: no value."""
    if found is None or found.value is None:
        return None
    if found.confidence is not None:
        return round(float(found.confidence), 4)
    return round(rule_confidence(field, found.rule or "unnamed"), 4)
