"""A corpus's search index kept as files beside its snapshot (``loaders/io/snapshot.py``).

A server start then maps the index instead of folding every body again (~10 s at 100k), and the
folded text (~260 MB at 100k) and the signatures (~100 MB) sit in the OS's page cache instead of
the process's heap: only the pages a search reads become resident, they can be dropped and read
again under memory pressure, and every server process on the machine shares them.

``<snapshot>/search-<code>-<rows>/``: ``text.bin`` (``SearchIndex.text``), ``starts.npy``,
``signatures.npy``. ``<code>`` digests the modules that decide those bytes (folding, hashing,
layout), ``<rows>`` the doc_ids and titles in row order: other code or another set of rows (a
copy of the corpus cut or reordered) never reads a folder written for others. The folder is
written under a temporary name and renamed into place, so a reader never sees half of one; it
goes when its snapshot is pruned.
"""
from __future__ import annotations

import hashlib
import mmap
import os
import shutil
import uuid
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np
import pandas as pd

from .signature import BUCKETS, Signatures

CODE_FILES = ("keys.py", "signature.py", "corpus.py", "stored.py")  # what decides the stored bytes
DIGEST_CHARS = 16
TMP_PREFIX = ".tmp-search-"
Parts = tuple["bytes | mmap.mmap", list[int], Signatures]  # SearchIndex's fields


def _code_digest() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in CODE_FILES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:DIGEST_CHARS]


CODE_DIGEST = _code_digest()


def folder_for(snapshot: Path, articles: pd.DataFrame) -> Path:
    """Where the index of ``articles`` (their doc_ids and titles, in row order) is kept in ``snapshot``."""
    digest = hashlib.sha256()
    for column in ("doc_id", "title"):
        values = articles[column].fillna("").astype(str).to_numpy(dtype=object)
        digest.update("\x00".join(values.tolist()).encode("utf-8", "surrogatepass") + b"\x01")
    return snapshot / f"search-{CODE_DIGEST}-{digest.hexdigest()[:DIGEST_CHARS]}"


def read(folder: Path, rows: int) -> Parts | None:
    """The stored index of ``rows`` articles, its text and signatures mapped (not read), or None
    when the folder is absent or does not hold an index of that many articles."""
    try:
        starts = np.load(folder / "starts.npy")
        bits = np.load(folder / "signatures.npy", mmap_mode="r")
        text = _mapped(folder / "text.bin")
    except (OSError, ValueError):
        return None
    whole = len(starts) == rows and bits.shape == (BUCKETS, (rows + 7) // 8) and (not rows or starts[-1] < len(text))
    return (text, starts.tolist(), Signatures(bits, rows)) if whole else None


def _mapped(path: Path) -> bytes | mmap.mmap:
    with open(path, "rb") as fh:  # the map outlives the file object
        size = os.fstat(fh.fileno()).st_size
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""


def write(folder: Path, rows: int, build: Callable[[BinaryIO], tuple[list[int], Signatures]]) -> Parts:
    """Build the index with ``build`` (it writes the text to the file it is given and returns the
    starts and signatures), store it as ``folder`` and return it mapped from there. When another
    process stored the same folder first, theirs is kept (the same bytes)."""
    tmp = folder.parent / f"{TMP_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        with open(tmp / "text.bin", "wb") as sink:
            starts, signatures = build(sink)
        np.save(tmp / "starts.npy", np.asarray(starts, dtype=np.int64))
        np.save(tmp / "signatures.npy", signatures.bits)
        try:
            os.replace(tmp, folder)
        except OSError:  # a non-empty folder of that name: another process's rename came first
            if read(folder, rows) is None:
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    found = read(folder, rows)
    if found is None:
        raise OSError(f"the search index stored in {folder} could not be read back")
    return found
