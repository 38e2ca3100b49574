"""Score the loader against gold-labelled JSONL with the project's scorer (../shared/corpus/score.py).

Used by the quality-gate test and by developers: ``python -m tools.gate [GOLD.jsonl] [--by-id]``.
"""
from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from loaders.io.export import write_articles

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEV = SHARED / "dev.jsonl"
SCORER = SHARED / "score.py"
FLOORS = Path(__file__).resolve().parent.parent / "tests" / "quality" / "floors.json"


def load_scorer():
    spec = importlib.util.spec_from_file_location("ttdn_score", SCORER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer from {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_file(gold: Path, predictions: Path) -> dict:
    scorer = load_scorer()
    return scorer.score(scorer.load_gold(str(gold)), scorer.load_pred(str(predictions)))


def gate_scores(result: dict) -> dict[str, float]:
    """The numbers the gate pins: per-field accuracy, delegation precision, chairs recall."""
    out = {name: r["acc"] for name, r in result.items()
           if isinstance(r, dict) and "acc" in r and r["acc"] is not None}
    out["counts_precision"] = result["counts_f1"]["precision"] or 0.0
    return out


def run(gold: Path = DEV) -> tuple[dict, dict]:
    """Load the gold JSONL through the real ingest path (its `gold` key is ignored) and score it."""
    from loaders.pipeline import load_corpus  # the full path a user's file takes: reader, cleaner, extractors

    corpus = load_corpus(gold, cache_dir=False, workers=1)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        write_articles(corpus.articles, pred)
        result = score_file(gold, pred)
    return result, gate_scores(result)


def raise_floors(scores: dict[str, float]) -> None:
    """Lift each pinned floor to today's score (rounded down to 0.01); never lowers one."""
    data = json.loads(FLOORS.read_text(encoding="utf-8"))
    for name, floor in data["floors"].items():
        now = int(scores.get(name, 0.0) * 100) / 100
        if now > floor:
            print(f"raising floor {name}: {floor:.2f} -> {now:.2f}")
            data["floors"][name] = now
    FLOORS.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    gold = Path(next((a for a in argv if not a.startswith("--")), DEV))
    result, scores = run(gold)
    for name, value in scores.items():
        print(f"{name:18s} {value:.3f}")
    if "--raise-floors" in argv:
        raise_floors(scores)
    if "--by-id" in argv:
        for name, r in result.items():
            for wrong in (r.get("wrong") or [])[:60] if isinstance(r, dict) else []:
                print(f"  {name:14s} {wrong}")
        cf = result["counts_f1"]
        print("counts", cf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
