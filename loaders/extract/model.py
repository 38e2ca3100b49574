"""Fitted linear models over hand-written cues: the weights are data (assets/*_weights.json).

A model scores each class as a bias plus the weighted sum of the cue features an article shows, and
turns the scores into probabilities (softmax). The weights are fitted on the labelled articles by
``tools/fit.py`` (``make fit``); reading them needs nothing beyond the standard library.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..assets import read_json


@dataclass(frozen=True)
class LinearModel:
    """Per-class bias and feature weights; a feature missing from an article counts as 0."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]  # class -> feature -> weight
    bias: Mapping[str, float]

    def scores(self, x: Mapping[str, float]) -> dict[str, float]:
        return {c: self.bias.get(c, 0.0) + sum(w * x.get(f, 0.0) for f, w in self.weights.get(c, {}).items())
                for c in self.classes}

    def proba(self, x: Mapping[str, float]) -> dict[str, float]:
        scores = self.scores(x)
        top = max(scores.values())
        exp = {c: math.exp(s - top) for c, s in scores.items()}
        total = sum(exp.values())
        return {c: e / total for c, e in exp.items()}

    def contributions(self, x: Mapping[str, float], cls: str) -> dict[str, float]:
        """How much each present feature adds to ``cls``'s score (for evidence: the deciding cue)."""
        weights = self.weights.get(cls, {})
        return {f: weights.get(f, 0.0) * v for f, v in x.items() if v}


def model_from_json(data: Mapping) -> LinearModel:
    classes = tuple(data["classes"])
    return LinearModel(classes=classes, features=tuple(data["features"]),
                       weights={c: dict(data["weights"].get(c, {})) for c in classes},
                       bias={c: float(data["bias"].get(c, 0.0)) for c in classes})


@lru_cache(maxsize=None)
def load_model(asset: str) -> LinearModel:
    """The fitted model stored in ``assets/<asset>`` (read once per process)."""
    return model_from_json(read_json(asset))
