"""Parquet cache of extracted tables, one entry per input unit (file or zip member).

An entry is keyed by the unit's content digest, its source name (doc_ids derive from file
names) and a *pipeline fingerprint*: a hash of every loaders/*.py and assets/* file, so any
change to code or data invalidates old entries.

An entry is ONE Parquet file holding all of the unit's tables stacked: a ``__table__``
column names the table, other columns are ``<table>.<column>``. One file per unit keeps a
warm load of thousands of files fast (one read each, one pandas conversion for all). It is
written to a temporary file and moved into place with ``os.replace``: a crash leaves either
a complete entry or none. An entry that fails to read or validate is a miss (and removed).
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import settings
from ..extract.terms import LEXICON_FILE, LEXICON_PACKAGE, lexicon_path
from ..schema import ARTICLE_COLUMNS, LONG_TABLES

CACHE_DIRNAME = ".ttdn-cache"
TABLES = {"articles": ARTICLE_COLUMNS, **LONG_TABLES}
# What a cached entry depends on: the code and data that turn a unit's bytes into its tables.
# Every other loaders module is listed in NOT_FINGERPRINTED with the reason it cannot change an
# entry (a test holds the two lists to the tree), so editing the CLI, the meeting grouping, the
# dashboard, the demo generator or a UI string never re-parses a corpus.
FINGERPRINTED_CODE = (
    "types.py", "schema.py", "settings.py", "textnorm.py", "assets.py", "gazetteer.py", "article.py",
    "extract/**/*.py", "io/readers.py", "io/decode.py", "io/cache.py",
)
NOT_FINGERPRINTED = {
    "__init__.py": "a lazy entry point",
    "cli.py": "argument parsing and printing",
    "pipeline.py": "orders the steps; entries hold per-unit tables",
    "batch.py": "fans the per-article map out; rows are the same in any process",
    "grouping.py": "meeting ids are assigned after the cache, over the whole corpus",
    "io/__init__.py": "package marker",
    "io/slots.py": "bookkeeping of hits and misses",
    "io/units.py": "finds units and reads their bytes; an entry is keyed by those bytes",
    "io/export.py": "writes tables out; never read back",
}
UI_ONLY_ASSETS = {
    "i18n.json": "interface strings",
    "demo_templates.json": "templates of the demo generator (tools/), whose output is cached like any file",
    "__init__.py": "package marker",
}
FINGERPRINT_CHARS = 16
TABLE_COL = "__table__"
ENTRY_SUFFIX = ".parquet"

log = logging.getLogger(__name__)


def _package_dir(name: str) -> Path:
    module = __import__(name)
    return Path(str(module.__file__)).resolve().parent


def fingerprinted_files() -> list[tuple[str, Path]]:
    """(name, path) of every file the fingerprint hashes, in a stable order."""
    loaders_dir, assets_dir = _package_dir("loaders"), _package_dir("assets")
    files = {p for pattern in FINGERPRINTED_CODE for p in loaders_dir.glob(pattern)}
    out = [(f"loaders/{p.relative_to(loaders_dir).as_posix()}", p) for p in files]
    out += [(f"assets/{p.relative_to(assets_dir).as_posix()}", p) for p in assets_dir.glob("**/*")
            if p.is_file() and p.name not in UI_ONLY_ASSETS]
    out += [(f"{LEXICON_PACKAGE}/{'/'.join(LEXICON_FILE)}", lexicon_path())]  # the term segmenter's word list
    return sorted((name, p) for name, p in out if p.is_file() and "__pycache__" not in p.parts)


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of the code and data that turn a file into tables (computed once per process)."""
    digest = hashlib.sha256()
    for name, path in fingerprinted_files():
        digest.update(f"{name}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:FINGERPRINT_CHARS]


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".probe-", delete=True):
            return True
    except OSError:
        return False


def user_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ttdn"


def default_cache_dir() -> Path | None:
    """TTDN_CACHE_DIR, else ./.ttdn-cache, else the user cache dir; None if none is writable."""
    configured = settings.CACHE_DIR.value()
    candidates = [Path(configured)] if configured else [Path.cwd() / CACHE_DIRNAME, user_cache_root() / CACHE_DIRNAME]
    return next((c for c in candidates if _writable(c)), None)


def _arrow_part(name: str, frame: pd.DataFrame) -> pa.Table:
    """One table as Arrow with ``name.``-prefixed columns (categories as plain strings)."""
    frame = frame[[c for c in TABLES[name] if c in frame.columns]]
    frame = frame.astype({c: object for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)})
    part = pa.Table.from_pandas(frame, preserve_index=False)
    part = part.rename_columns([f"{name}.{c}" for c in part.column_names])
    return part.append_column(TABLE_COL, pa.array([name] * part.num_rows, pa.string()))


def stack(tables: dict[str, pd.DataFrame]) -> pa.Table:
    """All of a unit's tables as one Arrow table (the on-disk form of an entry)."""
    parts = [_arrow_part(name, frame) for name, frame in tables.items() if name in TABLES and len(frame)]
    return pa.concat_tables(parts, promote_options="permissive")


def part_of(stacked: pa.Table, name: str) -> pa.Table:
    """The rows and columns of table ``name`` in a stacked table, with plain column names."""
    prefix = f"{name}."
    rows = stacked.filter(pc.equal(stacked[TABLE_COL], name))
    cols = [c for c in rows.column_names if c.startswith(prefix)]
    return rows.select(cols).rename_columns([c[len(prefix):] for c in cols])


def _validate(stacked: pa.Table) -> None:
    if TABLE_COL not in stacked.column_names:
        raise ValueError("not a cache entry")
    present = set(stacked[TABLE_COL].unique().to_pylist())
    columns = set(stacked.column_names)
    if "articles" not in present or "report" not in present:
        raise ValueError("entry lacks its articles or report")
    for name in present:
        missing = [c for c in TABLES.get(name, {}) if f"{name}.{c}" not in columns]
        if name not in TABLES or missing:
            raise ValueError(f"table {name!r} does not match the schema")


class UnitCache:
    """Cached tables per unit in ``root/<fingerprint>/<key[:2]>/<key>.parquet``.

    ``root=None`` disables caching (every lookup misses, stores are dropped). Cache problems
    never stop a run: unreadable entries are misses, failed writes are logged and ignored.
    """

    def __init__(self, root: str | os.PathLike | None):
        self.root = Path(root) if root is not None else None
        self.base = self.root / fingerprint() if self.root is not None else None
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.base is not None

    @staticmethod
    def key(source: str, digest: str) -> str:
        return hashlib.sha256(f"{source}\0{digest}".encode()).hexdigest()

    def _entry(self, key: str) -> Path:
        if self.base is None:
            raise RuntimeError("a disabled cache has no entries")
        return self.base / key[:2] / f"{key}{ENTRY_SUFFIX}"

    def load(self, key: str) -> pa.Table | None:
        """The unit's stacked tables (see ``stack``/``part_of``), or None if absent or bad."""
        entry = self._entry(key) if self.enabled else None
        if entry is None or not entry.is_file():
            self.misses += 1
            return None
        try:
            stacked = pq.read_table(entry)
            _validate(stacked)
        except Exception as exc:  # truncated or foreign file: a miss, and clear it
            log.warning("cache entry %s unreadable (%s): re-parsing", entry, exc)
            entry.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return stacked

    def store(self, key: str, tables: dict[str, pd.DataFrame]) -> None:
        """Write an entry atomically (temp file, then os.replace); failures are only logged."""
        if not self.enabled:
            return
        entry = self._entry(key)
        tmp = None
        try:
            stacked = stack(tables)
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=ENTRY_SUFFIX, dir=entry.parent)
            os.close(fd)
            pq.write_table(stacked, tmp)
            os.replace(tmp, entry)
            tmp = None
        except Exception as exc:  # disk full, read-only, a value Arrow cannot store...
            log.warning("could not write cache entry %s: %s", entry, exc)
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)

    def prune_other_fingerprints(self) -> int:
        """Delete entries written by other code versions; returns how many folders went."""
        if self.root is None or self.base is None or not self.root.is_dir():
            return 0
        removed = 0
        for child in self.root.iterdir():
            if child.is_dir() and child.name != self.base.name and len(child.name) == FINGERPRINT_CHARS:
                shutil.rmtree(child, ignore_errors=True)
                removed += 1
        return removed
