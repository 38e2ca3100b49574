"""The loader's quality gate: per-field scores on ../shared/corpus/dev.jsonl against pinned floors.

Floors live in floors.json beside this file and only go up; the issue's minimums are the
lowest a floor may ever be, whatever floors.json says.
"""
import json
from pathlib import Path

import pytest

from tools import gate

FLOORS_FILE = Path(__file__).with_name("floors.json")
# The minimums the loader issue pins: no floor may sit below these.
ISSUE_MINIMUMS = {
    "relevant": 0.95, "province": 0.95, "meeting_date": 0.90, "published": 0.95,
    "meeting_type": 0.85, "level": 0.90, "counts_precision": 0.95, "chairs_recall": 0.85,
}


def floors() -> dict[str, float]:
    return json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["floors"]


@pytest.fixture(scope="module")
def dev_scores(shared_corpus):
    _, scores = gate.run(gate.DEV)
    return scores


@pytest.mark.parametrize("field", sorted(ISSUE_MINIMUMS))
def test_floor_never_below_issue_minimum(field):
    assert floors()[field] >= ISSUE_MINIMUMS[field], f"floor for {field} lowered below the issue's minimum"


@pytest.mark.gate
@pytest.mark.parametrize("field", sorted(ISSUE_MINIMUMS))
def test_dev_score_meets_floor(dev_scores, field):
    assert dev_scores[field] >= floors()[field], (
        f"{field}: {dev_scores[field]:.3f} < floor {floors()[field]:.3f}; run `python -m tools.gate --by-id` to see the misses"
    )
