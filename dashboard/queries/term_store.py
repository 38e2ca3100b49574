"""The term matrix (``terms.TermMatrix``) kept beside a corpus's snapshot (``dashboard/snapshot_files.py``):
a server start maps it instead of reading the ~10 million rows of the terms table again (~2 s and
~300 MB of building at 100k).

``terms-<code>-<rows>/``: ``terms.json`` (each code's term) and one ``.npy`` per array of the matrix;
``<code>`` digests the modules that decide them (``terms.py`` builds, this file lays out).
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.schema import TERM_COLUMNS, Corpus

from .. import snapshot_files
from .prepared import prepared_of
from .terms import TermMatrix

KIND = "terms"
CODE_FILES = ("terms.py", "term_store.py")
CODE_DIGEST = snapshot_files.code_digest(Path(__file__).parent / name for name in CODE_FILES)
ARRAYS = ("order", "codes", "rows", "counts", "lengths")  # TermMatrix's fields besides ``terms``


def attach(corpus: Corpus, beside: snapshot_files.Beside) -> TermMatrix:
    """``corpus``'s term matrix mapped from ``beside`` its snapshot (built and stored there first if
    it is not), kept where ``terms.term_matrix`` finds it."""
    return prepared_of(corpus).once("term_matrix", lambda: _kept(corpus, beside))


def _kept(corpus: Corpus, beside: snapshot_files.Beside) -> TermMatrix:
    rows, built = len(corpus.articles), functools.cache(lambda: TermMatrix.build(corpus))  # built once at most
    return snapshot_files.kept(beside.folder(KIND, CODE_DIGEST), lambda found: read(found, rows),
                               lambda tmp: _fill(tmp, built()), built, "term matrix")


def _fill(tmp: Path, matrix: TermMatrix) -> None:
    (tmp / "terms.json").write_text(json.dumps(matrix.terms.tolist(), ensure_ascii=False), encoding="utf-8")
    for name in ARRAYS:
        np.save(tmp / f"{name}.npy", getattr(matrix, name))


def read(folder: Path, rows: int) -> TermMatrix | None:
    """The stored matrix of ``rows`` articles, its arrays mapped, or None when the folder is absent
    or does not hold a whole matrix of that many articles."""
    try:
        terms = pd.Series(json.loads((folder / "terms.json").read_text(encoding="utf-8")), dtype=TERM_COLUMNS["term"])
        arrays = {name: snapshot_files.mapped_array(folder / f"{name}.npy") for name in ARRAYS}
    except (OSError, ValueError):
        return None
    pairs = len(arrays["codes"])
    whole = (len(arrays["order"]) == len(terms) and len(arrays["lengths"]) == rows
             and len(arrays["rows"]) == len(arrays["counts"]) == pairs == int(arrays["lengths"].sum()))
    return TermMatrix(terms, **arrays) if whole else None
