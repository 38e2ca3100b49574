"""The one orchestrator: files on disk -> records -> typed tables -> meetings grouped -> Corpus.

    find      io.snapshot: an input whose files are unchanged loads its cached corpus as a whole
    read      io.units + io.readers: folders, files, zip members -> RawRecords as they are read (a JSONL
              line by line; + the ingest report)
    account   io.slots: each record's cache key; duplicate doc_ids across files dropped, reported
    extract   batch -> article.extract_article on the records the article cache lacks (processes),
              in batches written to the cache as they finish (a long run keeps what it has done)
    assemble  assemble: rows of every kept record in input order (the big tables in slices);
              grouping.assign_meeting_ids
    keep      io.snapshot: the grouped corpus stored whole for the next load

Nothing here raises on bad input: every file and record ends up loaded or in the report, and so
does every cache file that had to be rebuilt.
"""
from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa

from .assemble import Assembled, Missing, assemble
from .batch import Extractor, Keyed, progress_callback
from .corpus import TEXT_COLUMNS, WORKING_COLUMNS, Corpus, Texts
from .corrections import apply_corrections, for_corpus
from .grouping import assign_meeting_ids
from .io import cache
from .io.cache import ArticleStore, default_cache_dir
from .io.slots import Entry, Run, record_key
from .io.snapshot import SnapshotStore, input_stats, now_ns, snapshot_key
from .io.tables import to_arrow, to_pandas
from .io.units import Unit, iter_units
from .schema import LONG_TABLES, REPORT_COLUMNS, empty, typed
from .types import RawRecord

BATCH_RECORDS = 2048  # records extracted per batch, and stored as one cache segment
ASSEMBLY_TRIES = 3  # a segment found damaged while assembling: extract its articles, assemble again
TEXT_TYPES = {"doc_id": "string", **{c: "string" for c in TEXT_COLUMNS}}

log = logging.getLogger(__name__)


def _cache_root(cache_dir) -> Path | None:
    if cache_dir is False or cache_dir == "":
        return None
    return Path(cache_dir) if cache_dir is not None else default_cache_dir()


def _light(item: Unit | dict) -> Unit | dict:
    """A unit without its bytes (what a snapshot key needs), so a pass over the input holds none."""
    return Unit(item.path, item.member, b"", item.digest) if isinstance(item, Unit) else item


def load_corpus(path, cache_dir=None, workers: int | None = None,
                progress: bool | Callable[[int], None] = False, corrections=None) -> Corpus:
    """Read a folder, file or zip of articles into a Corpus, reusing every cached result.

    cache_dir: None = default (TTDN_CACHE_DIR, ./.ttdn-cache, user cache); False = no cache.
    progress: True shows a tqdm bar on long runs; a callable receives counts of records done.
    corrections: None = the corpus's corrections file (loaders.corrections.for_corpus); False = none.
    Raises FileNotFoundError if ``path`` does not exist; bad files are reported, not raised.
    """
    if not Path(path).exists():
        raise FileNotFoundError(f"no such file or folder: {path}")
    root = _cache_root(cache_dir)
    fresh = root is not None and not (root / cache.fingerprint()).exists()
    store, snapshots = ArticleStore(root), SnapshotStore(root)
    taken, stats = now_ns(), input_stats(path)
    key = snapshots.lookup(path, stats)
    corpus = snapshots.load(key) if key else None
    if corpus is None:
        key = snapshot_key([_light(item) for item in iter_units(path)])
        corpus = snapshots.load(key)
        if corpus is not None:
            snapshots.store(key, {}, path, stats, taken)  # same content, touched files: remember their stats
    if corpus is None:
        corpus = _build(path, store, snapshots, (stats, taken), workers, progress)
    problems = store.problems + snapshots.problems
    if problems:
        corpus.report = pd.concat([corpus.report, typed(pd.DataFrame(problems), REPORT_COLUMNS)], ignore_index=True)
    if fresh:
        store.prune_other_fingerprints()  # caches of older code versions are dead weight
    log.info("loaded %d articles", len(corpus.articles))
    # the snapshot holds the raw extraction; corrections by hand go on top (their file is not an
    # input of the snapshot key, so a corrected corpus is never served as the raw one or back)
    return apply_corrections(corpus, for_corpus(path, corrections), group=assign_meeting_ids)


def _read_and_extract(path, store: ArticleStore, extractor: Extractor) -> tuple[Run, list[Unit | dict]]:
    """Read every unit, extracting the records the article cache lacks batch by batch."""
    run, items, pending, queued = Run(), [], [], set()
    for item in iter_units(path):
        items.append(_light(item))
        for key, rec in run.add(item):
            if key not in store.index() and key not in queued:
                pending.append((key, rec))
                queued.add(key)
            if len(pending) >= BATCH_RECORDS:
                _extract(pending, store, run, extractor)
                pending = []
    _extract(pending, store, run, extractor)
    return run, items


def _extract(batch: list[Keyed], store: ArticleStore, run: Run, extractor: Extractor) -> None:
    if batch:
        tables, failed = extractor.extract(batch)
        store.add(tables)  # crashed records are not in the tables: the next run tries them again
        run.crashed(failed)


def _build(path, store: ArticleStore, snapshots: SnapshotStore, seen, workers, progress) -> Corpus:
    callback, close = progress_callback(progress)  # the total is unknown: units are read as we go
    try:
        for attempt in range(ASSEMBLY_TRIES):
            # the workers stop before assembling: grouping is the memory peak of an ingest, and
            # idle workers would hold their share of it (a retry starts them again)
            with Extractor(workers, callback) as extractor:
                run, items = _read_and_extract(path, store, extractor)
            try:
                done = assemble(store, run.kept())
                break
            except Missing:  # a segment turned out damaged and was dropped: its articles again
                if attempt == ASSEMBLY_TRIES - 1:
                    raise
    finally:
        close()
    report = typed(pd.DataFrame(run.report_rows()), REPORT_COLUMNS) if run.report_rows() else empty(REPORT_COLUMNS)
    key = snapshot_key(items)
    stats, taken = seen
    if not snapshots.store(key, _arrow_tables(done, report), path, stats, taken):  # logged
        return _in_memory(done, report)
    del done  # read back from the snapshot instead: holding both would be the ingest's peak
    corpus = snapshots.load(key)
    return corpus if corpus is not None else _in_memory(assemble(store, run.kept()), report)


def _arrow_tables(done: Assembled, report: pd.DataFrame) -> dict:
    """The snapshot's tables, each converted to Arrow only when its turn to be written comes."""
    out: dict = {"articles": partial(to_arrow, done.articles, WORKING_COLUMNS), "texts": done.texts,
                 "terms": done.terms, "report": partial(to_arrow, report, REPORT_COLUMNS)}
    out.update({name: partial(to_arrow, frame, LONG_TABLES[name]) for name, frame in done.small.items()})
    return out


def _in_memory(done: Assembled, report: pd.DataFrame) -> Corpus:
    texts, terms = pa.concat_tables(done.texts()), pa.concat_tables(done.terms())
    return Corpus(articles=done.articles, texts=Texts(frame=to_pandas(texts, TEXT_TYPES)),
                  terms=to_pandas(terms, LONG_TABLES["terms"]), report=report, **done.small)


def corpus_from_records(records: list[RawRecord], workers: int | None = None) -> Corpus:
    """Convenience for tests and the gate: records in memory -> Corpus (no cache, no report)."""
    store = ArticleStore(None)
    keyed = [(record_key(rec), rec) for rec in records]
    entries = [Entry(0, rec.doc_id, rec.source, key) for key, rec in keyed]
    with Extractor(workers) as extractor:
        tables, failed = extractor.extract(list({k: (k, r) for k, r in keyed}.values()))
    store.add(tables)
    if failed:
        log.warning("%d record(s) failed extraction and are left out", len(failed))
    return _in_memory(assemble(store, [e for e in entries if e.key not in failed]), empty(REPORT_COLUMNS))

