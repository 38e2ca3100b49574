"""The whole grouped, typed corpus cached as a whole: a warm load reads its tables, rebuilds nothing.

A snapshot is keyed by what the corpus is made of (every unit's source and content digest, the
report rows of what could not be read, the settings that shape parsing) and by the corpus
fingerprint (extraction, parsing and grouping code). It is one folder of Parquet files, written
under a temporary name and renamed into place (io/cache.py ``write_parquet_dir``): a killed
ingest leaves the previous snapshot, never half of a new one.

Finding it must not cost a read of every input byte: an *inputs* record per input path keeps the
size, mtime and ctime of every file under it when the snapshot was made. If they are unchanged,
the snapshot is loaded straight away; if any file is newer than that moment minus ``RACY_S``
(it may change again within the clock's resolution, as git's racy-clean files), the record is
not trusted and the units are read and hashed.

Loading keeps the working frame and the small tables in memory; the full texts and the terms are
read from their files when first asked for (loaders/corpus.py).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .. import settings
from ..corpus import TEXT_COLUMNS, WORKING_COLUMNS, Corpus, Lazy, Texts
from ..schema import LONG_TABLES, TERM_COLUMNS
from . import cache
from .cache import FINGERPRINT_CHARS, Built, clear_stale_tmp, damage_row, write_parquet_dir
from .tables import to_pandas
from .units import Unit

RACY_S = 2.0
FORMAT = 1
EAGER = ["evidence", "themes", "people", "numbers", "report"]
FILES = ["articles", "texts", "terms", *EAGER]
TEXT_ROW_GROUP = 64  # texts per row group of the texts file: what showing one article reads
WHOLE_READ_SHARE = 0.25  # asked for more of the texts than this: read the whole column at once
TERM_BATCH_ROWS = 1 << 20  # terms rows read at a time by a pass over the whole table
TEXT_TYPES = {"doc_id": "string", **{c: "string" for c in TEXT_COLUMNS}}

log = logging.getLogger(__name__)


def corpus_fingerprint() -> str:
    return cache.corpus_fingerprint()


def snapshot_key(items: list[Unit | dict]) -> str:
    """Key of the corpus made of ``items`` (units and report rows from io.units.iter_units)."""
    digest = hashlib.sha256(f"{FORMAT}\0{cache.fingerprint()}\0{corpus_fingerprint()}\0".encode())
    digest.update(json.dumps({s.name: s.value() for s in settings.ALL if s is not settings.CACHE_DIR}).encode())
    for item in items:
        if isinstance(item, Unit):
            part = f"u\0{item.source}\0{item.digest}"
        else:
            part = f"r\0{json.dumps(item, sort_keys=True)}"
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


def input_stats(path: str | os.PathLike) -> list[list]:
    """[name, size, mtime_ns, ctime_ns] of the file, or of every file under the folder (hidden too)."""
    root = Path(path)
    if root.is_file():
        st = root.stat()
        return [[root.name, st.st_size, st.st_mtime_ns, st.st_ctime_ns]]
    out = []
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            full = os.path.join(dirpath, name)
            try:
                st = os.stat(full)
            except OSError:
                continue
            out.append([os.path.relpath(full, root), st.st_size, st.st_mtime_ns, st.st_ctime_ns])
    return sorted(out)


class SnapshotStore:
    """Snapshots in ``root/<fingerprint>/corpus/<corpus fingerprint>/``; ``root=None`` disables them."""

    def __init__(self, root: str | os.PathLike | None):
        self.root = Path(root) if root is not None else None
        self.base = self.root / cache.fingerprint() / "corpus" / corpus_fingerprint() if self.root is not None else None
        self.problems: list[dict] = []

    def _inputs(self, path) -> Path | None:
        if self.base is None:
            return None
        name = hashlib.sha256(os.path.abspath(os.fspath(path)).encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return self.base / "inputs" / f"{name}.json"

    def lookup(self, path, stats: list[list]) -> str | None:
        """The snapshot key recorded for ``path`` if none of its files changed since, else None."""
        record = self._inputs(path)
        try:
            saved = json.loads(record.read_text(encoding="utf-8")) if record is not None else None
        except (OSError, ValueError):
            return None
        if not saved or saved.get("stats") != stats:
            return None
        horizon = saved["taken_ns"] - int(RACY_S * 1e9)
        if any(max(s[2], s[3]) >= horizon for s in stats):
            return None  # changed too close to the snapshot to trust the clock
        return saved["key"]

    def load(self, key: str) -> Corpus | None:
        """The snapshot's corpus (texts and terms read on first use), or None if absent or damaged."""
        folder = self.base / key if self.base is not None else None
        if folder is None or not folder.is_dir():
            return None
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            footers = {name: pq.read_metadata(folder / f"{name}.parquet") for name in FILES}
            for name, footer in footers.items():
                if footer.num_rows != manifest["rows"][name]:
                    raise ValueError(f"{name}.parquet holds fewer rows than written")
            tables = {name: self._read(folder, name) for name in ["articles", *EAGER]}
        except Exception as exc:  # truncated, overwritten, half-deleted: rebuild it
            log.warning("corpus snapshot %s damaged (%s): rebuilding it", folder, exc)
            self.problems.append(damage_row(folder, "the corpus was rebuilt from the article cache", exc))
            shutil.rmtree(folder, ignore_errors=True)
            return None
        terms = Lazy(lambda: to_pandas(pq.read_table(folder / "terms.parquet"), TERM_COLUMNS),
                     batches=lambda: _term_batches(folder / "terms.parquet"))
        texts = Texts(stored=TextFile(folder / "texts.parquet", footers["texts"]))
        return Corpus(articles=tables.pop("articles"), terms=terms, texts=texts, **tables)

    @staticmethod
    def _read(folder: Path, name: str):
        columns = WORKING_COLUMNS if name == "articles" else LONG_TABLES[name]
        return to_pandas(pq.read_table(folder / f"{name}.parquet", page_checksum_verification=True), columns)

    def store(self, key: str, tables: dict[str, Built | Callable[[], Built]], path, stats: list[list],
              taken_ns: int) -> bool:
        """Write the snapshot (tables may be built on demand, one at a time, or come as slices) and
        record ``path``'s file stats for it; False (logged) on failure."""
        if self.base is None:
            return False
        try:
            self.base.mkdir(parents=True, exist_ok=True)
            clear_stale_tmp(self.base)
            if not (self.base / key).is_dir():
                manifest = {"manifest.json": lambda rows: json.dumps({"format": FORMAT, "rows": rows})}
                files = {name: tables[name] for name in FILES}
                files["texts"] = _in_row_groups(files["texts"])
                write_parquet_dir(self.base / key, files, manifest)
            self._record(path, key, stats, taken_ns)
        except Exception as exc:  # disk full, read-only: the next load rebuilds from the article cache
            log.warning("could not write corpus snapshot %s: %s", key, exc)
            return False
        self._prune()
        return True

    def _record(self, path, key: str, stats: list[list], taken_ns: int) -> None:
        record = self._inputs(path)
        assert record is not None
        record.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=record.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"path": os.path.abspath(os.fspath(path)), "key": key, "stats": stats, "taken_ns": taken_ns}, fh)
        os.replace(tmp, record)

    def _prune(self) -> None:
        """Drop snapshots no input record points at, and those of other code versions."""
        if self.base is None:
            return
        live = set()
        for record in (self.base / "inputs").glob("*.json"):
            try:
                live.add(json.loads(record.read_text(encoding="utf-8"))["key"])
            except (OSError, ValueError, KeyError):
                record.unlink(missing_ok=True)
        for child in self.base.iterdir():
            if child.is_dir() and len(child.name) == 32 and child.name not in live:
                shutil.rmtree(child, ignore_errors=True)
        for other in self.base.parent.iterdir():
            if other.is_dir() and other != self.base and len(other.name) == FINGERPRINT_CHARS:
                shutil.rmtree(other, ignore_errors=True)


def _in_row_groups(texts: Built | Callable[[], Built]) -> Callable[[], Iterator[pa.Table]]:
    """The texts as slices of TEXT_ROW_GROUP rows, each written as one row group (what
    ``TextFile`` reads one at a time)."""
    def pieces() -> Iterator[pa.Table]:
        built = texts() if callable(texts) else texts
        for part in [built] if isinstance(built, pa.Table) else built:
            for start in range(0, max(part.num_rows, 1), TEXT_ROW_GROUP):
                yield part.slice(start, TEXT_ROW_GROUP)
    return pieces


class TextFile:
    """A snapshot's texts read by row: only the row groups holding the rows asked for, so a page
    showing one article reads TEXT_ROW_GROUP texts, not the ~350 MB of a national corpus's bodies."""

    def __init__(self, path: Path, footer: pq.FileMetaData | None = None):
        self.path = path
        self.meta = footer if footer is not None else pq.read_metadata(path)  # parsed once: it lists every row group
        self.starts = np.cumsum([0, *(self.meta.row_group(i).num_rows for i in range(self.meta.num_row_groups))])

    def doc_ids(self) -> pd.Index:
        return pd.Index(to_pandas(pq.read_table(self.path, columns=["doc_id"]), {"doc_id": "string"})["doc_id"])

    def values(self, name: str, positions: np.ndarray) -> pa.Array:
        positions = np.asarray(positions, dtype=np.int64)
        if not len(positions):
            return pa.array([], pa.large_string())
        if len(positions) > WHOLE_READ_SHARE * self.starts[-1]:  # most rows: one read of the column is quicker
            column = pq.read_table(self.path, columns=[name])[name]
            return column.take(pa.array(positions)).combine_chunks().cast(pa.large_string())
        groups = np.searchsorted(self.starts, positions, side="right") - 1
        by_group = np.argsort(groups, kind="stable")
        edges = np.flatnonzero(np.r_[True, groups[by_group][1:] != groups[by_group][:-1], True])
        file = pq.ParquetFile(self.path, metadata=self.meta)
        parts = [pa.array([], pa.string())]
        for lo, hi in zip(edges[:-1], edges[1:], strict=True):
            rows, group = by_group[lo:hi], int(groups[by_group[lo]])
            column = file.read_row_group(group, columns=[name])[name]
            parts.append(column.take(pa.array(positions[rows] - self.starts[group])).combine_chunks())
        back = np.empty(len(positions), dtype=np.int64)
        back[by_group] = np.arange(len(positions))
        return pa.concat_arrays(parts).take(pa.array(back)).cast(pa.large_string())


def _term_batches(path: Path) -> Iterator[pd.DataFrame]:
    """The stored terms as frames of TERM_BATCH_ROWS rows (one empty frame for none)."""
    empty = True
    for batch in pq.ParquetFile(path).iter_batches(batch_size=TERM_BATCH_ROWS):
        empty = False
        yield to_pandas(pa.Table.from_batches([batch]), TERM_COLUMNS)
    if empty:
        yield to_pandas(pq.read_schema(path).empty_table(), TERM_COLUMNS)


def now_ns() -> int:
    return time.time_ns()
