"""Generalisation check: the loader scored on a hand-labelled set written apart from dev.jsonl.

tests/fixtures/heldout.jsonl holds 40 records written independently of dev.jsonl (other provinces,
outlets, date/dateline forms, chair patterns, delegation-number phrasings and near-topic negatives),
labelled per ../shared/corpus/LABELING.md. It is scored with the project's scorer via
``tools.gate.run``; see the misses with
``python -m tools.gate tests/fixtures/heldout.jsonl --by-id``.

The set was written and first scored before anyone read its misses (the first scores are kept in
the comments below). The seven rule failures it exposed were then fixed with general rules and unit
cases of their own, so these 40 records are no longer unseen: add new records written apart from
the code to measure generalisation again, never edit existing labels to make a change pass.
"""
from pathlib import Path

import pytest

from tools import gate

HELDOUT = Path(__file__).resolve().parent.parent / "fixtures" / "heldout.jsonl"

# Floors only rise: raise one when the loader improves, never lower one to make a change pass.
# Comments: the score when the set was first run, before the misses were looked at.
FLOORS = {
    "relevant": 1.00,          # 0.925 (37/40)
    "level": 1.00,             # 0.964 (27/28)
    "province": 1.00,          # 1.000 (23/23)
    "published": 1.00,         # 1.000 (12/12)
    "meeting_date": 1.00,      # 0.962 (25/26)
    "meeting_type": 1.00,      # 0.929 (26/28)
    "delegations_in": 1.00,    # 0.975
    "visitors_in": 1.00,       # 0.950
    "delegations_out": 1.00,   # 0.975
    "visitors_out": 1.00,      # 0.975
    "counts_precision": 1.00,  # 1.000 (14 tp, 0 fp)
    "counts_recall": 1.00,     # 0.737 (14 tp, 5 fn)
    "chairs_recall": 1.00,     # 1.000 (30/30)
    "chairs_precision": 1.00,  # 1.000
}
EPS = 1e-9


@pytest.fixture(scope="module")
def heldout_scores(shared_corpus):  # needs ../shared/corpus/score.py; skipped in a fresh clone
    result, scores = gate.run(HELDOUT)
    scores = dict(scores)
    scores["counts_recall"] = result["counts_f1"]["recall"] or 0.0
    assert not result["missing_ids"], f"no prediction for {result['missing_ids']}"
    return scores


def test_heldout_fixture_shape():
    import json
    rows = [json.loads(x) for x in HELDOUT.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert [r["id"] for r in rows] == [f"h{i:03d}" for i in range(1, len(rows) + 1)]
    assert len(rows) >= 40
    for r in rows:
        g = r["gold"]
        assert 300 <= len(r["text"]) <= 1600, r["id"]
        if not g["relevant"]:
            assert g["meeting_type"] is None, r["id"]
        if g["level"] == "central":
            assert g["province"] is None, r["id"]


@pytest.mark.gate
@pytest.mark.parametrize("field", sorted(FLOORS))
def test_heldout_score_meets_floor(heldout_scores, field):
    assert heldout_scores[field] + EPS >= FLOORS[field], (
        f"{field}: {heldout_scores[field]:.3f} < held-out floor {FLOORS[field]:.2f}; run "
        "`python -m tools.gate tests/fixtures/heldout.jsonl --by-id` to see the misses"
    )
