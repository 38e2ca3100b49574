"""The quality gate's pinned floors (tests/quality/floors.json): they only go up.

* ``corpus_sha256``: the labelled files the floors were measured on. A changed file fails the gate
  until it is re-pinned on purpose (``python -m tools.gate --pin``) and the weights refitted.
* ``floors``: per kind ("training", "crossval") and field, the score it must reach. A floor is raised
  to today's score minus one record's worth of slack ((right - 1) / total), so a single close call
  flipping does not fail the gate while a real regression does.
* ``highest``: the highest floor each field ever had. A floor below it needs an entry in ``lowered``
  ({"kind", "field", "from", "to", "reason"}); tests/quality/test_gate.py enforces it.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path

FLOORS_FILE = Path(__file__).resolve().parent.parent / "tests" / "quality" / "floors.json"
KINDS = ("training", "crossval")
DECIMALS = 3


def load(path: Path = FLOORS_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def save(data: dict, path: Path = FLOORS_FILE) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pin(paths: Sequence[Path], path: Path = FLOORS_FILE) -> None:
    data = load(path)
    data["corpus_sha256"] = {p.name: sha256(p) for p in paths}
    save(data, path)
    print(f"pinned {', '.join(p.name for p in paths)}")


def with_slack(result: dict) -> float | None:
    """(right - 1) / total of one scored field, rounded down: the floor today's score earns."""
    right, total = result.get("correct"), result.get("total")
    if not total or right is None:
        return None
    return math.floor(max(0, right - 1) / total * 10 ** DECIMALS) / 10 ** DECIMALS


def raise_floors(figures: dict[str, dict[str, float]], results: dict[str, dict], path: Path = FLOORS_FILE) -> None:
    """Lift each floor to its score minus one record's worth; never lowers one."""
    data = load(path)
    for kind in KINDS:
        floors = data.setdefault("floors", {}).setdefault(kind, {})
        highest = data.setdefault("highest", {}).setdefault(kind, {})
        for field in figures.get(kind, {}):
            candidate = with_slack(results[kind].get(field) or {})
            if candidate is None or candidate <= floors.get(field, -1.0):
                continue
            print(f"raising {kind} floor {field}: {floors.get(field)} -> {candidate:.3f}")
            floors[field] = candidate
            highest[field] = max(highest.get(field, 0.0), candidate)
    save(data, path)


def unexplained_lowerings(data: dict) -> list[str]:
    """Floors below their highest value without a `lowered` entry giving a reason."""
    reasons = {(x.get("kind"), x.get("field"), x.get("to")): str(x.get("reason") or "").strip()
               for x in data.get("lowered", [])}
    bad = []
    for kind in KINDS:
        for field, high in data.get("highest", {}).get(kind, {}).items():
            floor = data.get("floors", {}).get(kind, {}).get(field)
            if floor is None or floor + 1e-9 < high:
                reason = reasons.get((kind, field, floor), "")
                if len(reason) < 20:  # a sentence, not a token
                    bad.append(f"{kind}.{field}: {floor} < {high} with no reason in `lowered`")
    return bad
