"""Declared tables as Arrow and back (loaders/io/tables.py): list columns come back as the
Python lists ``schema.typed`` gives, whatever the Arrow layout they were read in."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from loaders.io.tables import to_arrow, to_pandas
from loaders.schema import ARTICLE_COLUMNS, typed

LIST_TYPE = pa.list_(pa.string())
ROWS = [["Lào", "Cam-pu-chia"], [], None, ["Nhật Bản"], [None, "Hàn Quốc"], []]
EXPECTED = [["Lào", "Cam-pu-chia"], [], [], ["Nhật Bản"], [None, "Hàn Quốc"], []]


def _chunked(kind: str) -> pa.ChunkedArray:
    whole = pa.array(ROWS, LIST_TYPE)
    if kind == "one chunk":
        return pa.chunked_array([whole])
    if kind == "three chunks":
        return pa.chunked_array([whole.slice(0, 2), whole.slice(2, 3), whole.slice(5)])
    if kind == "slices of a longer array":  # offsets of a slice point into the whole child array
        longer = pa.array([["x"], ["y", "z"]] + ROWS + [["w"]], LIST_TYPE)
        return pa.chunked_array([longer.slice(2, 3), longer.slice(5, 3)])
    if kind == "no chunks":
        return pa.chunked_array([], LIST_TYPE)
    raise ValueError(kind)


@pytest.mark.parametrize("kind, expected", [
    pytest.param("one chunk", EXPECTED, id="a missing list is an empty one; a missing value inside stays None"),
    pytest.param("three chunks", EXPECTED, id="rows keep their order across chunks"),
    pytest.param("slices of a longer array", EXPECTED, id="a sliced chunk reads only its own rows"),
    pytest.param("no chunks", [], id="an empty column"),
])
def test_list_columns_come_back_as_python_lists(kind, expected):
    column = _chunked(kind)
    table = pa.table({"themes": column})
    assert to_pandas(table, {"themes": "list"})["themes"].tolist() == expected


def test_articles_round_trip_equal_to_typed():
    """A frame typed by ``schema.typed`` comes back from Arrow equal, dtypes included."""
    frame = typed(pd.DataFrame({
        "doc_id": ["a", "b", "c"], "themes": [["biển đảo"], [], None], "countries": [["Lào"], ["Mỹ", "Nhật"], []],
        "meeting_type": ["so_ket", None, "not a type"], "delegations_in": [3, None, 1], "relevant": [True, False, None],
        "published": ["2024-01-05", None, "2025-07-01"],
    }), ARTICLE_COLUMNS)
    back = to_pandas(to_arrow(frame, ARTICLE_COLUMNS), ARTICLE_COLUMNS)
    pd.testing.assert_frame_equal(back, frame)
