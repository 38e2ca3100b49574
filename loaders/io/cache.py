"""The article cache: every article's extracted rows, keyed by its content, in Parquet segments.

An article's key hashes its text, url, title and date hint with the *extraction fingerprint* (every
loaders/*.py and assets/* file the per-article map depends on, and the segmenter's word list), so
a change to code or data misses, and an article appended to a JSONL, or edited in it, is the only
one extracted again: the cache is per article, not per file. Its doc_id and source are not part
of the key (they are set again from the record): a renamed or moved file costs nothing.

Rows are stored in *segments*, one per batch of extracted articles: a folder holding one Parquet
file per table, every row tagged with its article's ``__key__`` and its order ``__row__``. A
segment is written under a temporary name and renamed into place, so a crash (SIGKILL included)
leaves complete segments or none; a file that fails to read (truncated, overwritten) makes its
segment a miss: it is deleted, its articles are extracted again and the ingest report says so.
The whole grouped corpus is cached on top of this (io/snapshot.py).
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeAlias, Union

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .. import settings
from ..extract.segmenter import LEXICON_FILE, LEXICON_PACKAGE, lexicon_path
from ..schema import ARTICLE_COLUMNS, LONG_TABLES
from .tables import arrow_schema

CACHE_DIRNAME = ".ttdn-cache"
EXTRACTED = {"articles": ARTICLE_COLUMNS, **{k: v for k, v in LONG_TABLES.items() if k != "report"}}
# What a cached article depends on: the code and data of the per-article map and of the cache
# format. A snapshot of a whole corpus (io/snapshot.py) also depends on CORPUS_CODE: parsing,
# accounting and meeting grouping. Every other loaders module is listed in NOT_FINGERPRINTED
# with the reason it cannot change a cached table (a test holds the lists to the tree), so
# editing the CLI, the dashboard, the demo generator or a UI string never re-parses a corpus,
# and editing grouping re-groups it without extracting a single article again.
EXTRACTION_CODE = (
    "types.py", "schema.py", "textnorm.py", "assets.py", "gazetteer.py", "article.py", "batch.py",
    "extract/**/*.py", "io/cache.py", "io/tables.py",
)
CORPUS_CODE = (
    "settings.py", "grouping.py", "assemble.py", "corpus.py", "pipeline.py", "io/readers.py", "io/decode.py",
    "io/slots.py", "io/snapshot.py",
)
NOT_FINGERPRINTED = {
    "__init__.py": "a lazy entry point",
    "cli.py": "argument parsing and printing",
    "corrections/__init__.py": "corrections are applied to the loaded corpus, after both caches",
    "corrections/records.py": "corrections are applied to the loaded corpus, after both caches",
    "corrections/store.py": "corrections are applied to the loaded corpus, after both caches",
    "corrections/edits.py": "corrections are applied to the loaded corpus, after both caches",
    "corrections/apply.py": "corrections are applied to the loaded corpus, after both caches",
    "io/__init__.py": "package marker",
    "io/units.py": "finds units and reads their bytes; a snapshot is keyed by those bytes",
    "io/export.py": "writes tables out; never read back",
}
UI_ONLY_ASSETS = {
    "i18n.json": "interface strings",
    "demo_templates.json": "templates of the demo generator (tools/), whose output is cached like any file",
    "districts.csv": "the demo generator's districts by province",
    "search_variants.txt": "the dashboard's search spellings",
    "__init__.py": "package marker",
}
FINGERPRINT_CHARS = 16
KEY_CHARS = 32
KEY_COL, ROW_COL = "__key__", "__row__"  # an article's content key; a row's order within its article
SEGMENT_PREFIX, TMP_PREFIX = "seg-", ".tmp-"
PARQUET = {"compression": "zstd", "write_page_checksum": True}  # checksums: a flipped byte is an error, not data

log = logging.getLogger(__name__)


def _package_dir(name: str) -> Path:
    module = __import__(name)
    return Path(str(module.__file__)).resolve().parent


def fingerprinted_files(code: tuple[str, ...] = EXTRACTION_CODE + CORPUS_CODE) -> list[tuple[str, Path]]:
    """(name, path) of every file a fingerprint over ``code`` hashes, in a stable order."""
    loaders_dir, assets_dir = _package_dir("loaders"), _package_dir("assets")
    files = {p for pattern in code for p in loaders_dir.glob(pattern)}
    out = [(f"loaders/{p.relative_to(loaders_dir).as_posix()}", p) for p in files]
    out += [(f"assets/{p.relative_to(assets_dir).as_posix()}", p) for p in assets_dir.glob("**/*")
            if p.is_file() and p.name not in UI_ONLY_ASSETS]
    out += [(f"{LEXICON_PACKAGE}/{'/'.join(LEXICON_FILE)}", lexicon_path())]  # the term segmenter's word list
    return sorted((name, p) for name, p in out if p.is_file() and "__pycache__" not in p.parts)


def _digest(files: list[tuple[str, Path]]) -> str:
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(f"{name}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:FINGERPRINT_CHARS]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Hash of the code and data that turn an article into its rows (computed once per process)."""
    return _digest(fingerprinted_files(EXTRACTION_CODE))


@lru_cache(maxsize=1)
def corpus_fingerprint() -> str:
    """Hash of everything a whole-corpus snapshot depends on (the above, parsing and grouping)."""
    return _digest(fingerprinted_files(EXTRACTION_CODE + CORPUS_CODE))


def article_key(text: str, url: str | None, title: str | None, published: str | None, html: bool) -> str:
    """An article's cache key: its content and the extraction fingerprint (not its doc_id or file)."""
    digest = hashlib.sha256(fingerprint().encode())
    for part in (text, url, title, published, "html" if html else ""):
        data = None if part is None else part.encode("utf-8", "surrogatepass")
        digest.update(b"-;" if data is None else f"{len(data)};".encode() + data)
    return digest.hexdigest()[:KEY_CHARS]


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




@lru_cache(maxsize=None)
def tagged_schema(name: str) -> pa.Schema:
    """Arrow schema of a stored table: its declared columns and the key and order tags."""
    return arrow_schema(EXTRACTED[name], {KEY_COL: pa.string(), ROW_COL: pa.int32()})


def damage_row(path: Path, what: str, exc: Exception) -> dict:
    """An ingest-report row for a cache file that could not be read (it is rebuilt)."""
    return {"path": str(path), "member": None, "status": "rebuilt", "records": 0,
            "reason": f"damaged cache file ({type(exc).__name__}: {str(exc)[:160]}): {what}"}


Built: TypeAlias = Union[pa.Table, Iterable[pa.Table]]  # a whole table, or its slices in order


def _write_parquet(built: Built, path: Path) -> int:
    """One Parquet file of a table or of its slices (written as they come); rows written."""
    if isinstance(built, pa.Table):
        pq.write_table(built, path, **PARQUET)
        return built.num_rows
    rows, writer = 0, None
    try:
        for part in built:
            if writer is None:
                writer = pq.ParquetWriter(path, part.schema, **PARQUET)
            writer.write_table(part.cast(writer.schema) if part.schema != writer.schema else part)
            rows += part.num_rows
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        raise ValueError(f"no slice of {path.stem} to write (not even an empty one)")
    return rows


def write_parquet_dir(folder: Path, tables: dict[str, Built | Callable[[], Built]],
                      texts: dict[str, Callable[[dict[str, int]], str]] | None = None) -> dict[str, int]:
    """Write ``tables`` as ``folder/<name>.parquet`` (and ``texts`` as files), all or nothing: into a
    temporary folder renamed into place, so a crash never leaves a partial folder under that name.

    A table given as a callable is built when its turn comes and dropped once written (the big
    ones need not be in memory together); one given as slices is written slice by slice (the
    whole of it is never in memory). ``texts`` are written last, from the rows written per table
    (a manifest); those counts are returned.
    """
    tmp = folder.parent / f"{TMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir(parents=True)
    rows = {}
    try:
        for name, table in tables.items():
            rows[name] = _write_parquet(table() if callable(table) else table, tmp / f"{name}.parquet")
        for name, text in (texts or {}).items():
            (tmp / name).write_text(text(rows), encoding="utf-8")
        os.replace(tmp, folder)
        return rows
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def clear_stale_tmp(folder: Path) -> None:
    """Remove temporary folders left by writers that died (their pid no longer runs)."""
    for child in folder.glob(f"{TMP_PREFIX}*") if folder.is_dir() else ():
        pid = child.name[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(child, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != 0


class ArticleStore:
    """Every article's extracted rows in ``root/<fingerprint>/articles/seg-*/``, keyed by content.

    ``root=None`` keeps the segments of this run in memory only (nothing is found from earlier
    runs, nothing is written). Cache problems never stop a run: a damaged segment is deleted (its
    articles are extracted again) and reported in ``problems``; a failed write is logged and the
    segment kept in memory instead.
    """

    def __init__(self, root: str | os.PathLike | None):
        self.root = Path(root) if root is not None else None
        self.base = self.root / fingerprint() / "articles" if self.root is not None else None
        self.problems: list[dict] = []
        self._index: dict[str, str] | None = None
        self._memory: dict[str, dict[str, pa.Table]] = {}  # segments not on disk (no cache, failed write)

    @property
    def enabled(self) -> bool:
        return self.base is not None

    def index(self) -> dict[str, str]:
        """{article key: segment name} over every readable segment (read once per store)."""
        if self._index is None:
            self._index = {}
            if self.base is not None and self.base.is_dir():
                clear_stale_tmp(self.base)
                for seg in sorted(self.base.glob(f"{SEGMENT_PREFIX}*")):
                    self._index.update(dict.fromkeys(self._segment_keys(seg), seg.name))
        return self._index

    def _segment_keys(self, seg: Path) -> list[str]:
        try:
            for name in EXTRACTED:
                pq.read_metadata(seg / f"{name}.parquet")  # every file present, with a footer
            return pq.read_table(seg / "articles.parquet", columns=[KEY_COL])[KEY_COL].to_pylist()
        except Exception as exc:  # truncated, missing, not Parquet: the segment is a miss
            self.drop(seg.name, exc)
            return []

    def drop(self, segment: str, exc: Exception) -> None:
        """Delete a damaged segment; its articles are no longer found (so they are extracted again)."""
        if self.base is None:
            return
        log.warning("cache segment %s damaged (%s): its articles are extracted again", segment, exc)
        self.problems.append(damage_row(self.base / segment, "its articles were extracted again", exc))
        shutil.rmtree(self.base / segment, ignore_errors=True)
        if self._index is not None:
            self._index = {k: s for k, s in self._index.items() if s != segment}

    def add(self, tables: dict[str, pa.Table]) -> None:
        """Store one batch of extracted rows (tables with ``__key__``/``__row__``) as a new segment."""
        if not tables["articles"].num_rows:
            return
        name = f"{SEGMENT_PREFIX}{uuid.uuid4().hex}"
        try:
            if self.base is None:
                raise OSError("no cache folder")
            self.base.mkdir(parents=True, exist_ok=True)
            write_parquet_dir(self.base / name, tables)
        except Exception as exc:  # disk full, read-only, a value Arrow cannot store...
            if self.base is not None:
                log.warning("could not write cache segment %s: %s", name, exc)
            self._memory[name] = tables
        self.index().update(dict.fromkeys(tables["articles"][KEY_COL].to_pylist(), name))

    def _segment_table(self, seg: str, table: str, columns: list[str] | None) -> pa.Table:
        wanted = None if columns is None else [*columns, KEY_COL, ROW_COL]
        if seg in self._memory:
            part = self._memory[seg][table]
            return part if wanted is None else part.select(wanted)
        if self.base is None:
            raise FileNotFoundError(seg)
        return pq.read_table(self.base / seg / f"{table}.parquet", columns=wanted, page_checksum_verification=True)

    def read(self, table: str, keys: set[str], columns: list[str] | None = None) -> pa.Table | None:
        """Rows of ``table`` (the given columns, with the tags) for ``keys``, from the segments holding
        them; None if a segment turned out damaged (it is dropped: extract its articles and ask again)."""
        index = self.index()
        value_set = pa.array(sorted(keys), pa.string())
        parts = []
        for seg in sorted({index[k] for k in keys if k in index}):
            try:
                part = self._segment_table(seg, table, columns)
            except Exception as exc:
                self.drop(seg, exc)
                return None
            parts.append(part.filter(pc.is_in(part[KEY_COL], value_set=value_set)))
        if not parts:
            schema = tagged_schema(table)
            empty_rows = schema.empty_table()
            return empty_rows if columns is None else empty_rows.select([*columns, KEY_COL, ROW_COL])
        return pa.concat_tables(parts, promote_options="permissive")

    def prune_other_fingerprints(self) -> int:
        """Delete caches written by other code versions; returns how many folders went."""
        if self.root is None or not self.root.is_dir():
            return 0
        removed = 0
        for child in self.root.iterdir():
            if child.is_dir() and child.name != fingerprint() and len(child.name) == FINGERPRINT_CHARS:
                shutil.rmtree(child, ignore_errors=True)
                removed += 1
        return removed
