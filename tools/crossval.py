"""K-fold cross-validation of the fitted weights, and the choice of their L2 penalty.

Folds are fixed by the articles' ids (a hash, so adding an article does not reshuffle the rest).
The penalty is chosen *inside* each training set by an inner cross-validation of the held-out log
loss, so the score of a fold left out never influences the weights or the penalty used on it.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from tools import logreg

FOLDS = 10
INNER_FOLDS = 5
L2_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def fold_of(ids: Sequence[str], k: int = FOLDS) -> np.ndarray:
    """Fold index per id: ids sorted by their SHA-1, dealt round-robin (balanced, stable)."""
    order = sorted(range(len(ids)), key=lambda i: hashlib.sha1(ids[i].encode("utf-8")).hexdigest())
    folds = np.zeros(len(ids), dtype=int)
    for rank, i in enumerate(order):
        folds[i] = rank % k
    return folds


def _log_loss(fitted: logreg.Fitted, x: np.ndarray, y: np.ndarray) -> float:
    p = logreg.predict_proba(fitted, x)[np.arange(len(y)), y]
    return float(-np.log(np.clip(p, 1e-12, 1.0)).sum())


def choose_l2(x: np.ndarray, y: np.ndarray, mask: np.ndarray, ids: Sequence[str],
              grid: Sequence[float] = L2_GRID) -> float:
    """The penalty with the lowest held-out log loss over an inner k-fold split (ties: the larger)."""
    folds = fold_of(ids, INNER_FOLDS)
    best: tuple[float, float] | None = None
    for l2 in sorted(grid, reverse=True):
        loss = 0.0
        for k in range(INNER_FOLDS):
            train = folds != k
            if not train.any() or train.all():
                continue
            loss += _log_loss(logreg.fit(x[train], y[train], mask, l2), x[~train], y[~train])
        if best is None or loss < best[0] - 1e-9:
            best = (loss, l2)
    return best[1] if best else grid[0]


def fit_chosen(x: np.ndarray, y: np.ndarray, mask: np.ndarray, ids: Sequence[str]) -> tuple[logreg.Fitted, float]:
    l2 = choose_l2(x, y, mask, ids)
    return logreg.fit(x, y, mask, l2), l2


def held_out_proba(x: np.ndarray, y: np.ndarray, mask: np.ndarray, ids: Sequence[str], folds: np.ndarray,
                   trainable: np.ndarray | None = None) -> np.ndarray:
    """Class probabilities of every article from the weights fitted without its fold.

    ``folds`` gives one fold index per article (the same split for every model); ``trainable`` says
    which articles a model may learn from (the meeting-type model learns from relevant articles only,
    yet every article the relevance model calls relevant is given a type by its fold's model).
    """
    trainable = np.ones(len(ids), dtype=bool) if trainable is None else trainable
    out = np.zeros((len(ids), mask.shape[0]))
    for k in sorted(set(folds.tolist())):
        train = (folds != k) & trainable
        fitted, _ = fit_chosen(x[train], y[train], mask, [i for i, t in zip(ids, train, strict=True) if t])
        out[folds == k] = logreg.predict_proba(fitted, x[folds == k])
    return out
