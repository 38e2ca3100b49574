"""A corpus's search index kept beside its snapshot (``dashboard/snapshot_files.py``): a server
start maps it instead of folding every body again (~10 s at 100k), and the folded text (~260 MB
at 100k) and the signatures (~100 MB) are mapped, not held.

``search-<code>-<rows>/``: ``text.bin`` (``SearchIndex.text``), ``starts.npy``, ``signatures.npy``;
``<code>`` digests the modules that decide those bytes (folding, hashing, layout).
"""
from __future__ import annotations

import mmap
from pathlib import Path
from typing import BinaryIO, Callable

import numpy as np

from .. import snapshot_files
from .signature import BUCKETS, Signatures

KIND = "search"
CODE_FILES = ("keys.py", "signature.py", "corpus.py", "stored.py")
CODE_DIGEST = snapshot_files.code_digest(Path(__file__).parent / name for name in CODE_FILES)
Parts = tuple["bytes | mmap.mmap", list[int], Signatures]  # SearchIndex's fields


def read(folder: Path, rows: int) -> Parts | None:
    """The stored index of ``rows`` articles, its text and signatures mapped (not read), or None
    when the folder is absent or does not hold an index of that many articles."""
    try:
        starts = np.load(folder / "starts.npy")
        bits = snapshot_files.mapped_array(folder / "signatures.npy")
        text = snapshot_files.mapped_bytes(folder / "text.bin")
    except (OSError, ValueError):
        return None
    whole = len(starts) == rows and bits.shape == (BUCKETS, (rows + 7) // 8) and (not rows or starts[-1] < len(text))
    return (text, starts.tolist(), Signatures(bits, rows)) if whole else None


def fill(tmp: Path, build: Callable[[BinaryIO], tuple[list[int], Signatures]]) -> None:
    """Write an index into ``tmp`` with ``build`` (it writes the text to the file it is given and
    returns the starts and signatures)."""
    with open(tmp / "text.bin", "wb") as sink:
        starts, signatures = build(sink)
    np.save(tmp / "starts.npy", np.asarray(starts, dtype=np.int64))
    np.save(tmp / "signatures.npy", signatures.bits)
