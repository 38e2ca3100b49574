"""The reduce side of an ingest: stored rows of the kept records -> tables in input order -> meetings.

Every kept record (``io.slots.Entry``) names its article's cache key; the rows of each table are
read back from the article store (io/cache.py) for those keys, given the record's doc_id and
source, and ordered by the record's place in the input, then by the row's order within its
article: exactly the order one extraction pass over the input gives. Two records with the same
content share one key and both get its rows. Meeting grouping then runs over the whole corpus
(it cannot be done per article), and the result is what the corpus snapshot stores.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .corpus import TEXT_COLUMNS, WORKING_COLUMNS
from .grouping import ShingleSets, assign_meeting_ids
from .io.cache import EXTRACTED, KEY_COL, ROW_COL, ArticleStore
from .io.slots import Entry
from .io.tables import arrow_schema, to_pandas

POS_COL = "__pos__"
SET_FROM_RECORD = ("doc_id", "source")  # not part of the key: set from the record at assembly
SLICE_ENTRIES = 4096  # entries whose bodies, texts or terms are read at a time
GROUPING_COLUMNS = ["doc_id", "relevant", "meeting_date", "meeting_type", "province", "level", "chairs"]


class Missing(Exception):
    """Rows the store should hold turned out unreadable (their segment was dropped): extract again."""


def _placement(entries: list[Entry]) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """(distinct keys, start of each key's entries in ``flat``, ``flat``: entry positions by key)."""
    by_key: dict[str, list[int]] = {}
    for pos, e in enumerate(entries):
        by_key.setdefault(e.key, []).append(pos)
    counts = np.fromiter((len(v) for v in by_key.values()), dtype=np.int64, count=len(by_key))
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64) if len(counts) else counts
    flat = np.fromiter((p for v in by_key.values() for p in v), dtype=np.int64, count=len(entries))
    return pa.array(list(by_key), pa.string()), starts, flat


def place(rows: pa.Table, entries: list[Entry], placement) -> pa.Table:
    """``rows`` (tagged with keys) once per entry of their key, with the entry's doc_id/source, in order."""
    keys, starts, flat = placement
    idx = pc.index_in(rows[KEY_COL], value_set=keys).to_numpy(zero_copy_only=False)
    wanted = ~np.isnan(idx.astype(float))
    rows, idx = rows.filter(pa.array(wanted)), idx[wanted].astype(np.int64)
    counts = np.diff(np.append(starts, len(flat)))[idx]
    take = np.repeat(np.arange(len(idx)), counts)
    within = np.arange(len(take)) - np.repeat(np.cumsum(counts) - counts, counts)
    positions = flat[np.repeat(starts[idx], counts) + within]
    out = rows.take(pa.array(take)).append_column(POS_COL, pa.array(positions, pa.int64()))
    for name in SET_FROM_RECORD:
        if name in out.column_names:
            values = pa.array([getattr(entries[p], name) for p in positions], pa.string())
            out = out.set_column(out.column_names.index(name), name, values)
    order = pc.sort_indices(out, sort_keys=[(POS_COL, "ascending"), (ROW_COL, "ascending")])
    return out.take(order)


def gather(store: ArticleStore, name: str, entries: list[Entry], placement,
           columns: list[str] | None = None) -> pa.Table:
    """Table ``name`` (the given columns) for ``entries``, in input order, without the tags."""
    schema = arrow_schema({c: t for c, t in EXTRACTED[name].items() if columns is None or c in columns})
    if not entries:
        return schema.empty_table()
    rows = store.read(name, set(placement[0].to_pylist()), columns)
    if rows is None:
        raise Missing(name)
    placed = place(rows, entries, placement)
    return placed.select([c for c in schema.names if c in placed.column_names])


def slices(entries: list[Entry]) -> Iterator[tuple[list[Entry], tuple]]:
    """Consecutive slices of SLICE_ENTRIES entries with their placements (one empty slice for none)."""
    for start in range(0, max(len(entries), 1), SLICE_ENTRIES):
        part = entries[start:start + SLICE_ENTRIES]
        yield part, _placement(part)


def gather_slices(store: ArticleStore, name: str, entries: list[Entry],
                  columns: list[str] | None = None) -> Iterator[pa.Table]:
    """``gather`` slice by slice: the big tables (texts, terms) of a whole corpus are never built
    at once; concatenated, the slices are ``gather`` over all entries."""
    for part, placement in slices(entries):
        yield gather(store, name, part, placement, columns)


def shingle_sets(store: ArticleStore, entries: list[Entry]) -> ShingleSets:
    """Every entry's body shingles (what grouping compares), bodies read a slice at a time."""
    return ShingleSets.of(part["body"].to_pylist() for part in gather_slices(store, "articles", entries, ["body"]))


@dataclass
class Assembled:
    """The corpus of the kept entries: the working frame and small tables as pandas; the texts and
    terms (most of the bytes and rows) as Arrow slices, read only when iterated, one at a time."""

    articles: pd.DataFrame
    small: dict[str, pd.DataFrame]
    texts: Callable[[], Iterator[pa.Table]]
    terms: Callable[[], Iterator[pa.Table]]


def assemble(store: ArticleStore, entries: list[Entry]) -> Assembled:
    """Every table of the kept entries in input order, meetings grouped."""
    placement = _placement(entries)
    working = [c for c in WORKING_COLUMNS if c != "meeting_id"]
    articles = to_pandas(gather(store, "articles", entries, placement, working), WORKING_COLUMNS)
    # Arrow's allocator keeps freed pages for later Arrow use; grouping's arrays are numpy's, so
    # the Arrow tables just converted would stay resident beside them at a national scale
    pa.default_memory_pool().release_unused()
    articles["meeting_id"] = assign_meeting_ids(articles[GROUPING_COLUMNS], shingle_sets(store, entries))
    small = {name: to_pandas(gather(store, name, entries, placement), EXTRACTED[name])
             for name in EXTRACTED if name not in ("articles", "terms")}
    return Assembled(articles, small,
                     texts=lambda: gather_slices(store, "articles", entries, ["doc_id", *TEXT_COLUMNS]),
                     terms=lambda: gather_slices(store, "terms", entries))
