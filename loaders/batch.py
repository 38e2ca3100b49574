"""Records in, typed tables out: the per-article map fanned out over processes.

Work is per record and independent (see article.py), so large inputs are cut into chunks and
spread over worker processes; the rows come back in input order and are typed once. One bad
record must not stop a run: if a batch fails, its records are retried one by one so only the
culprits are reported.
"""
from __future__ import annotations

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Callable, Iterable

import pandas as pd

from .article import extract_article
from .schema import ARTICLE_COLUMNS, LONG_TABLES, empty, typed
from .types import RawRecord

PARALLEL_MIN_RECORDS = 64  # below this, process start-up costs more than it saves
CHUNK_SIZE = 32
PROGRESS_DELAY_S = 1.0  # the progress bar appears only on runs longer than this
EXTRACTED = ["articles", *(name for name in LONG_TABLES if name != "report")]

log = logging.getLogger(__name__)


@lru_cache(maxsize=None)
def empty_table(name: str) -> pd.DataFrame:
    """A typed empty table (shared, never mutated: building one with typed() is slow)."""
    return empty(ARTICLE_COLUMNS if name == "articles" else LONG_TABLES[name])


def _extract_chunk(records: list[RawRecord]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {name: [] for name in ("articles", *LONG_TABLES)}
    for rec in records:
        for name, rows in extract_article(rec).items():
            out[name].extend(rows)
    return out


def _chunks(records: list[RawRecord], size: int) -> Iterable[list[RawRecord]]:
    for i in range(0, len(records), size):
        yield records[i:i + size]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def extract_records(records: list[RawRecord], workers: int | None = None,
                    progress: Callable[[int], None] | None = None) -> dict[str, pd.DataFrame]:
    """Typed tables for ``records`` (meeting ids not yet assigned: that needs the whole corpus)."""
    workers = default_workers() if workers is None else workers
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *LONG_TABLES)}

    def absorb(part: dict[str, list[dict]], n: int):
        for name, r in part.items():
            rows[name].extend(r)
        if progress:
            progress(n)

    if workers > 1 and len(records) >= PARALLEL_MIN_RECORDS:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunks = list(_chunks(records, CHUNK_SIZE))
            for chunk, part in zip(chunks, pool.map(_extract_chunk, chunks), strict=True):
                absorb(part, len(chunk))
    else:
        for chunk in _chunks(records, CHUNK_SIZE):
            absorb(_extract_chunk(chunk), len(chunk))
    tables = {"articles": typed(pd.DataFrame(rows["articles"]), ARTICLE_COLUMNS)}
    for name, columns in LONG_TABLES.items():
        if name != "report":
            tables[name] = typed(pd.DataFrame(rows[name]), columns)
    return tables


def extract_safely(records: list[RawRecord], workers, progress) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Tables for ``records`` and {tagged doc_id: error} for records an extractor crashed on.

    One bad record must not stop a run: if the batch fails, records are retried one by one
    (in this process) so only the culprits are reported.
    """
    callback, close = progress_callback(progress, len(records))
    try:
        return extract_records(records, workers=workers, progress=callback), {}
    except Exception as exc:
        log.warning("extraction failed on a batch (%s): retrying record by record", exc)
    finally:
        close()
    parts, failed = [], {}
    for rec in records:
        try:
            parts.append(extract_records([rec], workers=1))
        except Exception as exc:
            failed[rec.doc_id] = f"extraction failed ({type(exc).__name__}: {exc})"
    tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) if parts else empty_table(name)
              for name in EXTRACTED}
    return tables, failed


def progress_callback(progress, total: int):
    """(callback for extract_records, closer) from progress=False|True|callable."""
    if callable(progress):
        return progress, lambda: None
    if not progress or not total:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", desc="extracting", delay=PROGRESS_DELAY_S, leave=False)
    return bar.update, bar.close
