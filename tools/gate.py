"""Score the loader on the labelled articles, as trained and cross-validated: ``make gate``.

    python -m tools.gate                 # dev + dev2 + seeds: training and cross-validated figures
    python -m tools.gate GOLD.jsonl      # one labelled file, the loader as shipped
    options: --by-id (list the misses), --raise-floors, --pin (re-pin the labelled files' SHA-256)

Training figures score the loader as shipped, whose weights were fitted on these very articles.
Cross-validated figures re-decide relevance and meeting type of each article with weights fitted
without its fold (10 folds, the L2 penalty chosen inside each training set): an honest estimate for
articles nobody fitted on. Rules were written while reading all these articles, so for rule-decided
fields both figures are the same and only a set labelled apart from the code measures them.

Scores come from ../shared/corpus/score.py (the hidden set's scorer), plus the project's own checks
(tools/checks.py): ``period``, dates predicted where gold is null counted wrong, delegation numbers
on Vietnamese-language articles only.
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.extract import relevance as rel
from loaders.io.export import write_articles
from tools import checks, crossval, fit, floors

SHARED = fit.SHARED
DEV = SHARED / "dev.jsonl"
SCORER = SHARED / "score.py"
PATCHED = ("relevant", "relevant_p", "meeting_type", "meeting_type_p")


def load_scorer():
    spec = importlib.util.spec_from_file_location("ttdn_score", SCORER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer from {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(paths: Sequence[Path]) -> pd.DataFrame:
    """The articles table of every labelled file, through the full ingest path (gold keys ignored)."""
    from loaders.pipeline import load_corpus  # the path a user's file takes: reader, cleaner, extractors

    frames = [load_corpus(p, cache_dir=False, workers=1).articles for p in paths]
    return pd.concat(frames, ignore_index=True)


def score(paths: Sequence[Path], articles: pd.DataFrame, examples: Sequence[fit.Example]) -> tuple[dict, dict]:
    """(score.py's result, the gate's figures) for ``articles`` against the gold of ``paths``."""
    scorer = load_scorer()
    gold = scorer.load_gold(",".join(str(p) for p in paths))
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        write_articles(articles, pred_path)
        pred = scorer.load_pred(str(pred_path))
    result = scorer.score(gold, pred)
    result.update(checks.own_checks(gold, pred, {e.doc_id: e.doc for e in examples}, scorer))
    figures = {name: r["acc"] for name, r in result.items()
               if isinstance(r, dict) and "acc" in r and r["acc"] is not None}
    return result, figures


def crossval_articles(articles: pd.DataFrame, examples: Sequence[fit.Example]) -> pd.DataFrame:
    """``articles`` with relevance and meeting type re-decided by weights fitted without each article's fold."""
    ids = [e.doc_id for e in examples]
    folds = crossval.fold_of(ids)
    x, y = fit.relevance_design(examples)
    trainable = np.array([rel.rule_decision(e.doc) is None for e in examples])
    p_rel = crossval.held_out_proba(x, y, fit.relevance_mask(), ids, folds, trainable=trainable)[:, 1]
    tx, ty = fit.type_design(examples)
    p_type = crossval.held_out_proba(tx, np.maximum(ty, 0), fit.type_mask(), ids, folds, trainable=ty >= 0)
    decided = {}
    for i, e in enumerate(examples):
        rule = rel.rule_decision(e.doc)  # listing pages, foreign-language pages: no weights involved
        relevant = bool(p_rel[i] >= 0.5) if rule is None else bool(rule.value)
        best = int(p_type[i].argmax())
        decided[e.doc_id] = (relevant, p_rel[i] if relevant else 1 - p_rel[i],
                             fit.mt.TYPES[best] if relevant else None, p_type[i, best] if relevant else None)
    out = articles.copy()
    for j, column in enumerate(PATCHED):
        values = [decided.get(doc, (None,) * 4)[j] for doc in out["doc_id"]]
        out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype)
    return out


def report(paths: Sequence[Path] | None = None) -> dict:
    """Training and cross-validated results on the labelled files."""
    paths = list(paths or fit.labelled_paths())
    examples = fit.labelled_examples(paths)
    articles = predict(paths)
    training = score(paths, articles, examples)
    cv = score(paths, crossval_articles(articles, examples), examples)
    return {"training": training, "crossval": cv}


def run(gold: Path = DEV) -> tuple[dict, dict]:
    """One labelled file scored with the loader as shipped (no cross-validation)."""
    examples = fit.labelled_examples([gold])
    return score([gold], predict([gold]), examples)


def _print_misses(result: dict) -> None:
    for name, r in result.items():
        for wrong in (r.get("wrong") or [])[:60] if isinstance(r, dict) else []:
            print(f"  {name:20s} {wrong}")


def _cell(result: dict, value: float | None) -> str:
    """'0.974 (113/116)': the figure and what it counts."""
    if value is None:
        return "-"
    return f"{value:.3f} ({result.get('correct')}/{result.get('total')})" if result.get("total") else f"{value:.3f}"


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv if not a.startswith("--")]
    if files:
        result, figures = run(files[0])
        for name, value in figures.items():
            print(f"{name:20s} {value:.3f}")
        if "--by-id" in argv:
            _print_misses(result)
        return 0
    out = report()
    print(f"{'field':20s} {'training':>16s} {'cross-validated':>16s}   (dev + dev2 + seeds; {crossval.FOLDS} folds)")
    for name in out["training"][1]:
        cells = [_cell(out[kind][0].get(name) or {}, out[kind][1].get(name)) for kind in ("training", "crossval")]
        print(f"{name:20s} {cells[0]:>16s} {cells[1]:>16s}")
    if "--by-id" in argv:
        print("cross-validated misses:")
        _print_misses(out["crossval"][0])
    if "--pin" in argv:
        floors.pin(fit.labelled_paths())
    if "--raise-floors" in argv:
        floors.raise_floors({kind: out[kind][1] for kind in out}, {kind: out[kind][0] for kind in out})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
