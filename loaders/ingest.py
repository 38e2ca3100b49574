"""load_corpus: files on disk -> Corpus, parsing only what the cache does not already hold.

Steps: find units (files, zip members) -> cache hits are kept as Arrow tables -> the records
of every miss are extracted in ONE ``frame.extract_records`` call (it fans out over
processes) -> the results are split back per unit and cached -> duplicate doc_ids across
units are dropped (first one wins, in path order) -> all units are joined, in input order,
and handed to ``frame.finalize``. The report accounts for every file and record: loaded, or
skipped with a reason.
"""
from __future__ import annotations

import dataclasses
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from . import frame
from .cache import TABLE_COL, TABLES, UnitCache, default_cache_dir, part_of
from .evidence import RawRecord
from .schema import REPORT_COLUMNS, Corpus, empty, typed
from .sources import Unit, iter_units, parse_unit, report_row

ID_SEP = "\x1f"  # tags doc_ids with their unit while extracting: two files may share an id
SLOT_COL = "__slot__"  # the unit a row came from, to keep input order and drop duplicates
PROGRESS_DELAY_S = 1.0  # the progress bar appears only on runs longer than this
EXTRACTED = [name for name in TABLES if name != "report"]

log = logging.getLogger(__name__)


@dataclass
class Slot:
    """One unit's place in the run (or a report row for a file that never became a unit)."""

    rows: list[dict]
    unit: Unit | None = None
    key: str | None = None
    records: list[RawRecord] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] | None = None  # a miss, once extracted
    cached: pa.Table | None = None  # a hit: the stacked tables from the cache
    drop: dict[str, str] = field(default_factory=dict)  # doc_id -> why it is not loaded

    def doc_ids(self) -> list[str]:
        if self.cached is not None:
            return [str(x) for x in part_of(self.cached, "articles")["doc_id"].to_pylist()]
        if self.tables is not None:
            return [str(x) for x in self.tables["articles"]["doc_id"]]
        return []


@lru_cache(maxsize=None)
def _empty(name: str) -> pd.DataFrame:
    """A typed empty table (shared, never mutated: building one with typed() is slow)."""
    return empty(TABLES[name])


def _cache_for(cache_dir) -> UnitCache:
    if cache_dir is False or cache_dir == "":
        return UnitCache(None)
    return UnitCache(cache_dir if cache_dir is not None else default_cache_dir())


def _read_slots(path, cache: UnitCache) -> list[Slot]:
    slots: list[Slot] = []
    for item in iter_units(path):
        if isinstance(item, dict):
            slots.append(Slot(rows=[item]))
            continue
        key = cache.key(item.source, item.digest)
        cached = cache.load(key)
        if cached is not None:
            rows = part_of(cached, "report").to_pylist()
            slots.append(Slot(rows=rows, unit=item, key=key, cached=cached))
            continue
        parsed = parse_unit(item)
        slots.append(Slot(rows=parsed.report, unit=item, key=key, records=parsed.records))
    return slots


def _progress_callback(progress, total: int):
    """(callback for extract_records, closer) from progress=False|True|callable."""
    if callable(progress):
        return progress, lambda: None
    if not progress or not total:
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", desc="extracting", delay=PROGRESS_DELAY_S, leave=False)
    return bar.update, bar.close


def _extract_safely(records: list[RawRecord], workers, progress) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """Tables for ``records`` and {tagged doc_id: error} for records an extractor crashed on.

    One bad record must not stop a run: if the batch fails, records are retried one by one
    (in this process) so only the culprits are reported.
    """
    callback, close = _progress_callback(progress, len(records))
    try:
        return frame.extract_records(records, workers=workers, progress=callback), {}
    except Exception as exc:
        log.warning("extraction failed on a batch (%s): retrying record by record", exc)
    finally:
        close()
    parts, failed = [], {}
    for rec in records:
        try:
            parts.append(frame.extract_records([rec], workers=1))
        except Exception as exc:
            failed[rec.doc_id] = f"extraction failed ({type(exc).__name__}: {exc})"
    tables = {name: pd.concat([p[name] for p in parts], ignore_index=True) if parts else _empty(name)
              for name in EXTRACTED}
    return tables, failed


def _tag(index: int, rec: RawRecord) -> RawRecord:
    return dataclasses.replace(rec, doc_id=f"{index}{ID_SEP}{rec.doc_id}")


def _split_back(tables: dict[str, pd.DataFrame]) -> dict[int, dict[str, pd.DataFrame]]:
    """{slot index: its tables with the original doc_ids} from tables of tagged records."""
    out: dict[int, dict[str, pd.DataFrame]] = {}
    for name, table in tables.items():
        if table.empty:
            continue
        parts = table["doc_id"].astype(str).str.split(ID_SEP, n=1, expand=True)
        table = table.assign(doc_id=parts[1].to_numpy())
        for index, group in table.groupby(parts[0].astype(int).to_numpy(), sort=False):
            out.setdefault(int(index), {})[name] = group.reset_index(drop=True)
    return out


def _extract_misses(slots: list[Slot], cache: UnitCache, workers, progress) -> None:
    tagged = [_tag(i, rec) for i, slot in enumerate(slots) if slot.cached is None for rec in slot.records]
    if not tagged:
        return
    tables, failed = _extract_safely(tagged, workers, progress)
    by_slot = _split_back(tables)
    for i, slot in enumerate(slots):
        if slot.cached is not None or not slot.records:
            continue
        slot.tables = {name: by_slot.get(i, {}).get(name, _empty(name)) for name in EXTRACTED}
        crashed = {tag.split(ID_SEP, 1)[1]: why for tag, why in failed.items() if tag.startswith(f"{i}{ID_SEP}")}
        if crashed:
            _account(slot, crashed)  # not cached: the next run tries these records again
        else:
            cache.store(slot.key, {**slot.tables, "report": pd.DataFrame(slot.rows)})


def _account(slot: Slot, reasons: dict[str, str]) -> None:
    """Mark records of a slot as not loaded and say why in its report rows."""
    slot.drop.update(reasons)
    head = slot.rows[0]
    head["records"] = max(0, int(head["records"] or 0) - len(reasons))
    if head["status"] == "loaded" and head["records"] == 0 and len(reasons) == 1:
        head["status"], head["reason"] = "skipped", next(iter(reasons.values()))  # a one-article file
        return
    if head["status"] == "loaded" and head["records"] == 0:
        head["status"], head["reason"] = "skipped", "no record left (see the rows below)"
    member = slot.unit.member if slot.unit else None
    for doc_id, why in reasons.items():
        slot.rows.append(report_row(head["path"], f"{member} id {doc_id}" if member else f"id {doc_id}",
                                    "skipped", why))


def _drop_duplicates(slots: list[Slot]) -> None:
    """A doc_id already loaded from an earlier unit is skipped (first one wins)."""
    first_source: dict[str, str] = {}
    for slot in slots:
        ids = [d for d in slot.doc_ids() if d not in slot.drop]
        dups = {d: f"duplicate doc_id {d!r} (already loaded from {first_source[d]})" for d in ids if d in first_source}
        for d in ids:
            first_source.setdefault(d, slot.unit.source if slot.unit else "?")
        if dups:
            _account(slot, dups)


def _join(slots: list[Slot]) -> dict[str, pd.DataFrame]:
    """Every unit's tables joined in input order, without the dropped records.

    Cached units are concatenated as Arrow and converted to pandas once (converting each
    small entry separately is what makes a warm load of many files slow).
    """
    pieces: dict[str, list[pd.DataFrame]] = {name: [] for name in EXTRACTED}
    hits = [slot.cached.append_column(SLOT_COL, pa.array([i] * slot.cached.num_rows, pa.int64()))
            for i, slot in enumerate(slots) if slot.cached is not None]
    if hits:
        joined = pa.concat_tables(hits, promote_options="permissive")
        for name in EXTRACTED:
            rows = joined.filter(pc.equal(joined[TABLE_COL], name))
            if rows.num_rows:
                pieces[name].append(part_of(rows, name).append_column(SLOT_COL, rows[SLOT_COL]).to_pandas())
    for i, slot in enumerate(slots):
        if slot.tables is not None:
            for name in EXTRACTED:
                if len(slot.tables[name]):
                    pieces[name].append(slot.tables[name].assign(**{SLOT_COL: i}))
    drops = {(i, d) for i, slot in enumerate(slots) for d in slot.drop}
    out = {}
    for name in EXTRACTED:
        if not pieces[name]:
            out[name] = _empty(name)
            continue
        table = pd.concat(pieces[name], ignore_index=True).sort_values(SLOT_COL, kind="stable")
        if drops:
            keep = [(s, str(d)) not in drops for s, d in zip(table[SLOT_COL], table["doc_id"])]
            table = table[keep]
        out[name] = table.drop(columns=SLOT_COL).reset_index(drop=True)
    return out


def load_corpus(path, cache_dir=None, workers: int | None = None,
                progress: bool | Callable[[int], None] = False) -> Corpus:
    """Read a folder, file or zip of articles into a Corpus, reusing cached results per file.

    cache_dir: None = default (TTDN_CACHE_DIR, ./.ttdn-cache, user cache); False = no cache.
    progress: True shows a tqdm bar on long runs; a callable receives counts of records done.
    Raises FileNotFoundError if ``path`` does not exist; bad files are reported, not raised.
    """
    cache = _cache_for(cache_dir)
    fresh = cache.enabled and not cache.base.exists()
    slots = _read_slots(os.fspath(path), cache)
    _extract_misses(slots, cache, workers, progress)
    _drop_duplicates(slots)
    if fresh:
        cache.prune_other_fingerprints()  # entries of older code versions are dead weight
    rows = [row for slot in slots for row in slot.rows]
    report = typed(pd.DataFrame(rows), REPORT_COLUMNS) if rows else empty(REPORT_COLUMNS)
    corpus = frame.finalize([_join(slots)], report)
    log.info("loaded %d articles (%d cache hits, %d misses)", len(corpus.articles), cache.hits, cache.misses)
    return corpus
