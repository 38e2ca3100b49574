"""Fit the loader's cue weights on the labelled articles: ``make fit`` (``python -m tools.fit``).

Reads ../shared/corpus/{dev,dev2,seeds.gold}.jsonl through the loader's own reader and cleaner,
computes every article's cue features with the loader's own functions, fits the weights
(tools/logreg.py) and writes them to assets/relevance_weights.json and
assets/meeting_type_weights.json, and each rule's measured precision to assets/rule_precision.json
(tools/rule_precision.py), each with the SHA-256 of the files it was fitted on.
``python -m tools.fit --check`` only says whether the assets match a fresh fit.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from loaders.article import clean_record
from loaders.assets import asset_path
from loaders.extract import dates
from loaders.extract import meeting_type as mt
from loaders.extract import relevance as rel
from loaders.extract.confidence import RULE_PRECISION_ASSET
from loaders.io.readers import read_records
from loaders.types import CleanDoc, RawRecord
from tools import crossval, logreg, rule_precision

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
LABELLED_FILES = ("dev.jsonl", "dev2.jsonl", "seeds.gold.jsonl")
ROUND = 6  # decimals kept in the asset files (a refit reproduces them exactly)


@dataclass(frozen=True)
class Example:
    """One labelled article as the loader sees it, with its gold labels."""

    doc_id: str
    record: RawRecord
    doc: CleanDoc
    gold: dict
    meeting_date: date | None  # the loader's own meeting date and reviewed period (inputs of the type cues)
    period: str | None


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def labelled_paths(shared: Path = SHARED) -> list[Path]:
    """dev, dev2 and the seeds' gold: the labelled files weights are fitted on and the gate scores."""
    return [shared / name for name in LABELLED_FILES]


def labelled_examples(paths: Sequence[Path] | None = None) -> list[Example]:
    """Every labelled article, read and cleaned exactly as ``ttdn`` reads a JSONL file."""
    out = []
    for path in paths or labelled_paths():
        gold = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold[row["id"]] = row["gold"]
        records, _ = read_records(path)
        for rec in records:
            doc = clean_record(rec)
            held, period = calendar(doc)
            out.append(Example(rec.doc_id, rec, doc, gold[rec.doc_id], held, period))
    return out


def calendar(doc: CleanDoc) -> tuple[date | None, str | None]:
    """The meeting date and reviewed period, as article.py finds them."""
    published = dates.extract_published(doc)
    meeting = dates.extract_meeting_date(doc, published.value if published else None)
    period = dates.extract_period(doc, meeting.value if meeting else None, published.value if published else None)
    return (meeting.value if meeting else None), (period.value if period else None)


def _matrix(rows: list[dict[str, float]], names: Sequence[str]) -> np.ndarray:
    return np.array([[row.get(n, 0.0) for n in names] for row in rows], dtype=float)


def _asset(kind: str, classes: Sequence[str], names: Sequence[str], fitted: logreg.Fitted, l2: float,
           mask: np.ndarray, n: int, sources: dict[str, str]) -> dict:
    weights = {c: {f: round(float(fitted.weights[k, j]), ROUND) for j, f in enumerate(names) if mask[k, j]}
               for k, c in enumerate(classes)}
    bias = {c: round(float(fitted.bias[k]), ROUND) for k, c in enumerate(classes) if mask[k, -1]}
    return {"_about": f"{kind} weights fitted by tools/fit.py (make fit) on {n} labelled articles; do not edit "
                      "by hand: refit.", "model": kind, "l2": l2, "fitted_on": sources, "records": n,
            "classes": list(classes), "features": list(names), "weights": weights, "bias": bias}


def relevance_design(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    rows = [rel.relevance_features(e.doc) for e in examples]
    y = np.array([1 if e.gold.get("relevant") is True else 0 for e in examples])
    return _matrix(rows, rel.FEATURES), y


RELEVANCE_CLASSES = ("not_relevant", rel.RELEVANT)


def relevance_mask() -> np.ndarray:
    mask = np.zeros((2, len(rel.FEATURES) + 1), dtype=bool)
    mask[1, :] = True  # the first class is the reference: its score is 0
    return mask


def fit_relevance(examples: Sequence[Example], sources: dict[str, str]) -> dict:
    """Weights fitted on every labelled article, the L2 penalty chosen by an inner cross-validation."""
    learn = [e for e in examples if rel.rule_decision(e.doc) is None]  # listings etc. never reach the model
    x, y = relevance_design(learn)
    mask = relevance_mask()
    fitted, l2 = crossval.fit_chosen(x, y, mask, [e.doc_id for e in learn])
    return _asset("relevance", RELEVANCE_CLASSES, rel.FEATURES, fitted, l2, mask, len(learn), sources)


def type_design(examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    """Type features of every example; y is the gold type's index, -1 where it has none."""
    rows = [mt.meeting_type_features(e.doc, e.meeting_date, e.period) for e in examples]
    y = np.array([mt.TYPES.index(e.gold["meeting_type"]) if e.gold.get("meeting_type") in mt.TYPES else -1
                  for e in examples])
    return _matrix(rows, mt.FEATURES), y


def type_mask() -> np.ndarray:
    """Each type's score uses its own cues only (and its bias)."""
    mask = np.zeros((len(mt.TYPES), len(mt.FEATURES) + 1), dtype=bool)
    for k, name in enumerate(mt.TYPES):
        for j, feature in enumerate(mt.FEATURES):
            mask[k, j] = mt.feature_type(feature) == name
    mask[:, -1] = True
    return mask


def typed_examples(examples: Sequence[Example]) -> list[Example]:
    """The articles the type model learns from: relevant ones (only they have a type)."""
    return [e for e in examples if e.gold.get("relevant") is True and e.gold.get("meeting_type")]


def fit_meeting_type(examples: Sequence[Example], sources: dict[str, str]) -> dict:
    typed = typed_examples(examples)
    x, y = type_design(typed)
    mask = type_mask()
    fitted, l2 = crossval.fit_chosen(x, y, mask, [e.doc_id for e in typed])
    return _asset("meeting_type", mt.TYPES, mt.FEATURES, fitted, l2, mask, len(typed), sources)


def fitted_assets(examples: Sequence[Example], sources: dict[str, str]) -> dict[str, dict]:
    """The weight files and the rules' measured precision (no measured field depends on the weights)."""
    weights = {rel.WEIGHTS_ASSET: fit_relevance(examples, sources),
               mt.WEIGHTS_ASSET: fit_meeting_type(examples, sources)}
    return {**weights, RULE_PRECISION_ASSET: rule_precision.rule_precision_asset(examples, sources)}


def sources_of(paths: Sequence[Path]) -> dict[str, str]:
    return {p.name: file_sha256(p) for p in paths}


def main(argv: list[str]) -> int:
    paths = labelled_paths()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"labelled files missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    assets = fitted_assets(labelled_examples(paths), sources_of(paths))
    stale = []
    for name, data in assets.items():
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        target = asset_path(name)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if "--check" not in argv:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    if "--check" in argv and stale:
        print(f"out of date (run make fit): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
