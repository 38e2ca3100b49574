"""Files derived from a corpus read from a snapshot (``loaders/io/snapshot.py``), kept beside that
snapshot so the next server start maps them instead of deriving them again: the search index
(``search/stored.py``) and the term matrix (``queries/term_store.py``).

Mapped files sit in the OS's page cache instead of the process's heap: only the pages a query
reads become resident, they can be dropped and read again under memory pressure, and every
server process on the machine shares them.

Each kind has a folder ``<snapshot>/<kind>-<code>-<rows>/``: ``<code>`` digests the modules that
decide its bytes, ``<rows>`` the articles' ids and titles in row order, so other code or another
set of rows (a copy of the corpus cut or reordered) never reads a folder written for others. A
folder is written under a temporary name and renamed into place: a reader never sees half of
one. It goes when its snapshot is pruned.
"""
from __future__ import annotations

import hashlib
import logging
import mmap
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import numpy as np

from loaders.io.cache import TMP_PREFIX, clear_stale_tmp  # the snapshot's own scheme for temporary folders

DIGEST_CHARS = 16
ROW_COLUMNS = ("doc_id", "title")  # what the derived files are made from, beside the texts
T = TypeVar("T")

log = logging.getLogger(__name__)


def code_digest(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:DIGEST_CHARS]


@dataclass(frozen=True)
class Beside:
    """Where the files derived from one corpus read from a snapshot are kept (``beside``)."""
    snapshot: Path
    rows: str  # digest of the articles' ids and titles in row order

    def folder(self, kind: str, code: str) -> Path:
        return self.snapshot / f"{kind}-{code}-{self.rows}"


def beside(corpus) -> Beside | None:
    """Where ``corpus``'s derived files are kept; None for a corpus built in memory, or without
    articles (an empty file cannot be mapped). Its rows are digested here once per load (~70 ms
    at 100k): every kind's folder is named from it."""
    snapshot = corpus.snapshot_folder()
    if snapshot is None or not len(corpus.articles):
        return None
    digest = hashlib.sha256()
    for column in ROW_COLUMNS:
        values = corpus.articles[column].fillna("").astype(str).to_numpy(dtype=object)
        digest.update("\x00".join(values.tolist()).encode("utf-8", "surrogatepass") + b"\x01")
    return Beside(snapshot, digest.hexdigest()[:DIGEST_CHARS])


def kept(folder: Path, read: Callable[[Path], T | None], fill: Callable[[Path], None], held: Callable[[], T],
         what: str) -> T:
    """What ``read`` finds in ``folder``; else ``fill`` writes it there (``write_folder``) and it is
    read back from there; where it cannot be written (a read-only or full disk), ``held()``: the
    derived value in memory, with a warning."""
    found = read(folder)
    if found is not None:
        return found
    try:
        return write_folder(folder, fill, read)
    except OSError as exc:
        log.warning("could not store the %s in %s (%s): holding it in memory", what, folder, exc)
        return held()


def write_folder(folder: Path, fill: Callable[[Path], None], read: Callable[[Path], T | None]) -> T:
    """Write ``folder`` with ``fill`` (given the empty temporary folder), rename it into place and
    return ``read(folder)``. When another process stored the same folder first, theirs is kept
    (the same bytes). Then the folders of its kind that older code or other rows left in the
    snapshot go, and what writers that died left half-written: one folder per kind and snapshot
    (each ~1-4 KB per article). OSError when it cannot be written or read back."""
    clear_stale_tmp(folder.parent)
    tmp = folder.parent / f"{TMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        fill(tmp)
        try:
            os.replace(tmp, folder)
        except OSError:  # a non-empty folder of that name: another process's rename came first
            if read(folder) is None:
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    found = read(folder)
    if found is None:
        raise OSError(f"{folder} could not be read back")
    kind = folder.name.split("-", 1)[0]
    for other in folder.parent.glob(f"{kind}-*"):
        if other != folder:  # a process mapping its files reads on: an unlinked file lives until unmapped
            shutil.rmtree(other, ignore_errors=True)
    return found


def mapped_bytes(path: Path) -> bytes | mmap.mmap:
    """The file's bytes, mapped (an empty file cannot be mapped: it is b"")."""
    with open(path, "rb") as fh:  # the map outlives the file object
        size = os.fstat(fh.fileno()).st_size
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""


def mapped_array(path: Path) -> np.ndarray:
    """A saved array, mapped read-only, as a plain ndarray (a memmap's results would be memmaps)."""
    return np.load(path, mmap_mode="r").view(np.ndarray)
