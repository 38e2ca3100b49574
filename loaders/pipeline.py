"""The one orchestrator: files on disk -> records -> typed tables -> meetings grouped -> Corpus.

    read      io.readers: folders, files, zip members -> units -> RawRecords (+ the ingest report)
    reuse     io.cache: a unit whose bytes and extraction code are unchanged is read back from Parquet
    extract   batch -> article.extract_article: every extractor on every new record (processes)
    account   io.slots: duplicate doc_ids across files dropped (first wins), every drop reported
    group     grouping.assign_meeting_ids: articles reporting one meeting share an id

Nothing here raises on bad input: every file and record ends up loaded or in the report.
"""
from __future__ import annotations

import logging
import os
from typing import Callable

import pandas as pd

from .batch import EXTRACTED, empty_table, extract_records, extract_safely
from .corrections import apply_corrections, for_corpus
from .grouping import assign_meeting_ids
from .io.cache import UnitCache, default_cache_dir
from .io.slots import ID_SEP, Slot, account, drop_duplicates, join, read_slots, split_back, tag
from .schema import ARTICLE_COLUMNS, LONG_TABLES, REPORT_COLUMNS, Corpus, empty, typed
from .types import RawRecord

log = logging.getLogger(__name__)


def _cache_for(cache_dir) -> UnitCache:
    if cache_dir is False or cache_dir == "":
        return UnitCache(None)
    return UnitCache(cache_dir if cache_dir is not None else default_cache_dir())


def _extract_misses(slots: list[Slot], cache: UnitCache, workers, progress) -> None:
    tagged = [tag(i, rec) for i, slot in enumerate(slots) if slot.cached is None for rec in slot.records]
    if not tagged:
        return
    tables, failed = extract_safely(tagged, workers, progress)
    by_slot = split_back(tables)
    for i, slot in enumerate(slots):
        if slot.cached is not None or not slot.records:
            continue
        slot.tables = {name: by_slot.get(i, {}).get(name, empty_table(name)) for name in EXTRACTED}
        crashed = {tag.split(ID_SEP, 1)[1]: why for tag, why in failed.items() if tag.startswith(f"{i}{ID_SEP}")}
        if crashed:
            account(slot, crashed)  # not cached: the next run tries these records again
        else:
            cache.store(str(slot.key), {**slot.tables, "report": pd.DataFrame(slot.rows)})


def load_corpus(path, cache_dir=None, workers: int | None = None,
                progress: bool | Callable[[int], None] = False, corrections=None) -> Corpus:
    """Read a folder, file or zip of articles into a Corpus, reusing cached results per file.

    cache_dir: None = default (TTDN_CACHE_DIR, ./.ttdn-cache, user cache); False = no cache.
    progress: True shows a tqdm bar on long runs; a callable receives counts of records done.
    corrections: None = the corpus's corrections file (loaders.corrections.for_corpus); False = none.
    Raises FileNotFoundError if ``path`` does not exist; bad files are reported, not raised.
    """
    cache = _cache_for(cache_dir)
    fresh = cache.base is not None and not cache.base.exists()
    slots = read_slots(os.fspath(path), cache)
    _extract_misses(slots, cache, workers, progress)
    drop_duplicates(slots)
    if fresh:
        cache.prune_other_fingerprints()  # entries of older code versions are dead weight
    rows = [row for slot in slots for row in slot.rows]
    report = typed(pd.DataFrame(rows), REPORT_COLUMNS) if rows else empty(REPORT_COLUMNS)
    corpus = finalize([join(slots, EXTRACTED, empty_table)], report, for_corpus(path, corrections))
    log.info("loaded %d articles (%d cache hits, %d misses)", len(corpus.articles), cache.hits, cache.misses)
    return corpus


def finalize(parts: list[dict[str, pd.DataFrame]], report: pd.DataFrame | None = None, corrections=None) -> Corpus:
    """Concatenate per-file tables, apply corrections, assign meeting ids across the corpus, enforce dtypes."""
    def cat(name: str, columns) -> pd.DataFrame:
        frames = [p[name] for p in parts if name in p and len(p[name])]
        return typed(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), columns)

    articles = cat("articles", ARTICLE_COLUMNS)
    articles = articles.drop_duplicates("doc_id", keep="first").reset_index(drop=True)
    corpus = Corpus(articles=typed(articles, ARTICLE_COLUMNS))
    for name, columns in LONG_TABLES.items():
        if name == "report":
            setattr(corpus, name, typed(report if report is not None else pd.DataFrame(), columns))
        else:
            setattr(corpus, name, cat(name, columns))
    # corrections by hand (loaders/corrections) apply to field values before meetings are grouped
    return apply_corrections(corpus, corrections, group=assign_meeting_ids)


def corpus_from_records(records: list[RawRecord], workers: int | None = None) -> Corpus:
    """Convenience for tests and the gate: records in memory -> Corpus (no cache, no report)."""
    return finalize([extract_records(records, workers=workers)])
