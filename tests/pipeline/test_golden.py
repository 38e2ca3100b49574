"""Golden frames: the whole pipeline on a handful of records we wrote, every column of every table.

The expected tables in tests/fixtures/golden/expected.json pin behaviour across refactors: a change
that moves code must leave them byte-for-byte the same. A change that *means* to alter extraction
regenerates them on purpose and the diff is reviewed with the change:

    python -m tests.pipeline.test_golden --write
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd
import pytest

from loaders import load_corpus

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
RECORDS = GOLDEN_DIR / "records.jsonl"
EXPECTED = GOLDEN_DIR / "expected.json"


def _plain(value):
    """A cell as a JSON value that compares exactly: NA -> None, timestamps -> ISO, arrays -> lists."""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist() if hasattr(value, "tolist") else value
        if isinstance(value, list):
            return [_plain(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()
    return value


def frames_as_json() -> dict:
    corpus = load_corpus(RECORDS, cache_dir=False, workers=1)
    out = {}
    for name, table in corpus.tables().items():
        if name == "report":  # paths depend on the checkout; the report has its own tests
            table = table.drop(columns=["path"])
        if name == "articles":  # so does the source path: pinned relative to the fixture folder
            table = table.assign(source=table["source"].str.replace(str(GOLDEN_DIR) + "/", "", regex=False))
        out[name] = {
            "dtypes": {c: str(t) for c, t in table.dtypes.items()},
            "rows": [{c: _plain(v) for c, v in row.items()} for row in table.to_dict("records")],
        }
    return out


@pytest.fixture(scope="module")
def actual() -> dict:
    return frames_as_json()


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_same_tables(actual, expected):
    assert sorted(actual) == sorted(expected)


@pytest.mark.parametrize("table", ["articles", "evidence", "themes", "terms", "people", "numbers", "report"])
def test_table_dtypes_unchanged(actual, expected, table):
    assert actual[table]["dtypes"] == expected[table]["dtypes"]


@pytest.mark.parametrize("table", ["articles", "evidence", "themes", "terms", "people", "numbers", "report"])
def test_table_rows_unchanged(actual, expected, table):
    got, want = actual[table]["rows"], expected[table]["rows"]
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g == w, f"{table} row {i} differs"


if __name__ == "__main__" and "--write" in sys.argv:
    EXPECTED.write_text(json.dumps(frames_as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTED}")
