"""Declared tables (loaders/schema.py) as Arrow and back, without a Python object per string.

The cache holds tables as Arrow/Parquet and the dashboard wants pandas frames with the declared
dtypes. Everything here is driven by the declarations, so a column the schema gains is stored and
restored like the others: "string" <-> Arrow string (pandas keeps it in Arrow: no copy per value),
dates <-> timestamp[ns], "boolean" <-> bool, "Int64" <-> int64, "Float64" <-> float64, categories <-> string (values
outside the declared categories become missing, as ``schema.typed`` makes them), "list" <->
list<string> (Python lists in pandas, as ``typed`` gives).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import pyarrow as pa

from ..schema import Columns, empty


def arrow_type(dtype) -> pa.DataType:
    if dtype == "list":
        return pa.list_(pa.string())
    if dtype == "datetime64[ns]":
        return pa.timestamp("ns")
    if dtype == "boolean":
        return pa.bool_()
    if dtype == "Int64":
        return pa.int64()
    if dtype == "Float64":
        return pa.float64()
    return pa.string()  # "string" and categories


def arrow_schema(columns: Columns, extra: dict[str, pa.DataType] | None = None) -> pa.Schema:
    fields = [pa.field(name, arrow_type(dtype)) for name, dtype in columns.items()]
    return pa.schema(fields + [pa.field(k, t) for k, t in (extra or {}).items()])


def to_arrow(frame: pd.DataFrame, columns: Columns) -> pa.Table:
    """A frame typed by ``schema.typed`` as an Arrow table of the declared columns (in order)."""
    arrays = []
    for name, dtype in columns.items():
        series = frame[name]
        if isinstance(dtype, pd.CategoricalDtype):
            series = series.astype("string")
        if dtype == "list":
            arrays.append(pa.array([list(v) for v in series], pa.list_(pa.string())))
        else:
            arrays.append(pa.Array.from_pandas(series, type=arrow_type(dtype)))
    return pa.Table.from_arrays(arrays, schema=arrow_schema(columns))


def _series(column: pa.ChunkedArray, dtype, index: pd.RangeIndex) -> pd.Series:
    if dtype == "list":
        return pd.Series([v if v is not None else [] for v in column.to_pylist()], index=index, dtype=object)
    if dtype == "string":
        return pd.Series(pd.arrays.ArrowStringArray(column.cast(pa.large_string())) if len(column) else
                         pd.array([], dtype="string"), index=index, dtype="string")
    if dtype == "datetime64[ns]":
        return pd.Series(column.to_numpy(zero_copy_only=False), index=index).astype("datetime64[ns]")
    if dtype == "boolean":
        return pd.Series(pd.array(column.to_pylist(), dtype="boolean"), index=index)
    if dtype == "Int64":
        return pd.Series(column.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get), index=index,
                         dtype="Int64")
    if dtype == "Float64":
        return pd.Series(column.to_pandas(types_mapper={pa.float64(): pd.Float64Dtype()}.get), index=index,
                         dtype="Float64")
    strings = _series(column, "string", index)
    return strings.astype(object).where(strings.notna(), None).astype(dtype)  # categories


def to_pandas(table: pa.Table, columns: Columns) -> pd.DataFrame:
    """The declared columns of ``table`` as a frame equal to what ``schema.typed`` builds.

    Columns missing from ``table`` (a cache written before the schema gained them) come back empty.
    """
    if table.num_rows == 0:
        return empty(columns)
    index = pd.RangeIndex(table.num_rows)
    data = {}
    with paused_gc():
        for name, dtype in columns.items():
            if name in table.column_names:
                data[name] = _series(table[name], dtype, index)
            else:
                data[name] = empty({name: dtype})[name].reindex(index)
    return pd.DataFrame(data, index=index)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a table's list column becomes Python lists: every 700
    new lists start a collection, and the older generations' collections walk every list made so
    far (at 100k articles, 0.5 s of the 0.7 s the six list columns take). Lists of strings hold no
    cycles, so nothing is left uncollected; the collector's earlier state is restored after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
