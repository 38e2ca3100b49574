"""Records in, typed tables out: the per-article map fanned out over processes.

Work is per record and independent (see article.py), so records are cut into chunks and spread
over worker processes. A worker types its chunk's rows itself and sends back Arrow tables, each
row tagged with its article's cache key (``__key__``) and its order within the article
(``__row__``), so the main process only concatenates. One bad record must not stop a run: if a
chunk fails, its records are retried one by one so only the culprits are reported.
"""
from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import pandas as pd
import pyarrow as pa

from .article import extract_article
from .extract import segmenter
from .io.cache import EXTRACTED, KEY_COL, ROW_COL, tagged_schema
from .io.tables import to_arrow
from .schema import empty, typed
from .types import RawRecord

PARALLEL_MIN_RECORDS = 64  # below this, process start-up costs more than it saves
CHUNK_SIZE = 64  # records per task: typing a chunk's rows costs a few ms, whatever its size
PROGRESS_DELAY_S = 1.0  # the progress bar appears only on runs longer than this

log = logging.getLogger(__name__)
Keyed = tuple[str, RawRecord]  # (cache key, record)


@lru_cache(maxsize=None)
def empty_table(name: str) -> pd.DataFrame:
    """A typed empty table (shared, never mutated: building one with typed() is slow)."""
    return empty(EXTRACTED[name])


def _typed_arrow(name: str, rows: list[dict], keys: list[str], order: list[int]) -> pa.Table:
    if not rows:
        return tagged_schema(name).empty_table()
    table = to_arrow(typed(pd.DataFrame(rows), EXTRACTED[name]), EXTRACTED[name])
    return table.append_column(KEY_COL, pa.array(keys, pa.string())).append_column(ROW_COL, pa.array(order, pa.int32()))


def extract_chunk(chunk: list[Keyed]) -> dict[str, pa.Table]:
    """Every table's rows for ``chunk``, typed, tagged with key and order (runs in a worker)."""
    rows: dict[str, list[dict]] = {name: [] for name in EXTRACTED}
    keys: dict[str, list[str]] = {name: [] for name in EXTRACTED}
    order: dict[str, list[int]] = {name: [] for name in EXTRACTED}
    for key, rec in chunk:
        for name, found in extract_article(rec).items():
            rows[name] += found
            keys[name] += [key] * len(found)
            order[name] += range(len(found))
    return {name: _typed_arrow(name, rows[name], keys[name], order[name]) for name in EXTRACTED}


def _prime(_: int) -> None:
    """Load the segmenter's word list in a worker before the first chunk arrives."""
    segmenter.lexicon()


def _chunks(items: list[Keyed], size: int) -> Iterable[list[Keyed]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def concat(parts: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    return {name: pa.concat_tables([p[name] for p in parts]) if parts else tagged_schema(name).empty_table()
            for name in EXTRACTED}


class Extractor:
    """Extracts batches of keyed records, in one process or a pool kept for the whole run."""

    def __init__(self, workers: int | None = None, progress: Callable[[int], None] | None = None):
        self.workers = default_workers() if workers is None else workers
        self.progress = progress
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Extractor":
        """Start the workers now, while this process is small: a worker forked later would share the
        pages of every record read so far, and copy them as the garbage collector touches them."""
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
            list(self._pool.map(_prime, range(self.workers)))
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def _map(self, chunks: list[list[Keyed]]) -> Iterator[dict[str, pa.Table]]:
        if self.workers <= 1 or sum(map(len, chunks)) < PARALLEL_MIN_RECORDS:
            return map(extract_chunk, chunks)
        if self._pool is None:  # used without "with": start the pool on the first batch
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        return self._pool.map(extract_chunk, chunks)

    def extract(self, batch: list[Keyed]) -> tuple[dict[str, pa.Table], dict[str, str]]:
        """Tables for ``batch`` and {key: why} for records an extractor crashed on (not in the tables)."""
        chunks = list(_chunks(batch, CHUNK_SIZE))
        try:
            parts = []
            for chunk, part in zip(chunks, self._map(chunks), strict=True):
                parts.append(part)
                if self.progress:
                    self.progress(len(chunk))
            return concat(parts), {}
        except Exception as exc:
            log.warning("extraction failed on a batch (%s): retrying record by record", exc)
        parts, failed = [], {}
        for key, rec in batch:
            try:
                parts.append(extract_chunk([(key, rec)]))
            except Exception as exc:
                failed[key] = f"extraction failed ({type(exc).__name__}: {exc})"
        return concat(parts), failed


def progress_callback(progress, total: int | None = None):
    """(callback receiving counts of records done, closer) from progress=False|True|callable."""
    if callable(progress):
        return progress, lambda: None
    if not progress:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", desc="extracting", delay=PROGRESS_DELAY_S, leave=False)
    return bar.update, bar.close
