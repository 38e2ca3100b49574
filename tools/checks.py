"""The project's own checks beside score.py: stricter where the hidden set's scorer is lenient.

* ``period``: the reviewed period of relevant articles ("2022H1", "2021", null), null included.
* ``published_strict`` / ``meeting_date_strict``: a date predicted where gold is null is wrong
  (score.py only scores records whose gold date is set).
* ``counts_precision`` / ``counts_recall``: delegation numbers on Vietnamese-language articles only
  (the issue's figures; a page in another language is never a province's report).

Each check has score.py's shape: {"acc", "correct", "total", "wrong": [(id, gold, predicted), ...]}.
"""
from __future__ import annotations

from loaders.extract.relevance import LANGUAGE_SCAN_CHARS, looks_foreign_language
from loaders.types import CleanDoc

COUNT_FIELDS = ("delegations_in", "visitors_in", "delegations_out", "visitors_out")


def _tally(pairs: list[tuple[str, object, object]]) -> dict:
    correct = sum(1 for _, g, p in pairs if g == p)
    return {"acc": correct / len(pairs) if pairs else None, "correct": correct, "total": len(pairs),
            "wrong": [x for x in pairs if x[1] != x[2]]}


def _expected(g: dict, field: str, norm, predicted):
    """Gold's value, or its accepted alternative (gold["alt"]) when the prediction equals that."""
    alt = g.get("alt") or {}
    if field in alt and predicted == norm(alt[field]):
        return predicted
    return norm(g.get(field))


def _exact(gold: dict, pred: dict, field: str, norm, keep) -> dict:
    pairs = []
    for doc, g in gold.items():
        if keep(g):
            p = norm(pred.get(doc, {}).get(field))
            pairs.append((doc, _expected(g, field, norm, p), p))
    return _tally(pairs)


def _norm_period(value) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text if text and text.lower() not in {"none", "nan", "null"} else None


def _counts(gold: dict, pred: dict, docs: dict[str, CleanDoc], norm_int) -> tuple[dict, dict]:
    tp = fp = fn = 0
    wrong = []
    for doc, g in gold.items():
        if doc in docs and looks_foreign_language(docs[doc].full[:LANGUAGE_SCAN_CHARS]):
            continue
        for field in COUNT_FIELDS:
            p = norm_int(pred.get(doc, {}).get(field))
            want = _expected(g, field, norm_int, p)
            if p is not None and p == want:
                tp += 1
                continue
            fp += p is not None
            fn += want is not None
            if p is not None or want is not None:
                wrong.append((f"{doc}.{field}", want, p))
    precision = {"acc": tp / (tp + fp) if tp + fp else 1.0, "correct": tp, "total": tp + fp,
                 "wrong": [w for w in wrong if w[2] is not None]}
    recall = {"acc": tp / (tp + fn) if tp + fn else 1.0, "correct": tp, "total": tp + fn,
              "wrong": [w for w in wrong if w[1] is not None]}
    return precision, recall


def own_checks(gold: dict, pred: dict, docs: dict[str, CleanDoc], scorer) -> dict[str, dict]:
    """The project's checks on score.py's normalised gold and predictions (``scorer`` is score.py)."""
    def relevant(g):
        return g.get("relevant") is True

    precision, recall = _counts(gold, pred, docs, scorer.norm_int)
    return {
        "period": _exact(gold, pred, "period", _norm_period, relevant),
        "published_strict": _exact(gold, pred, "published", scorer.norm_date, lambda g: True),
        "meeting_date_strict": _exact(gold, pred, "meeting_date", scorer.norm_date, relevant),
        "counts_precision": precision,
        "counts_recall": recall,
    }
