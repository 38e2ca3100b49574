"""Corrections made by hand: plain data beside the corpus, validated, applied on load before
meetings are grouped, never altering the raw text.

    records   one correction (doc_id, content digest, field, old, new, who, when, note), validated
    store     corrections files: where they live, read without failing, written atomically
    edits     add, undo, resolve a conflict, merge another session's file (pure)
    apply     corrections applied to a corpus, and what became of each

A whole-corpus cache of loaded tables must put ``CorrectionSet.digest()`` (or the file's bytes)
in its key: the same files with other corrections are another corpus.
"""
from __future__ import annotations

import os

from .apply import Outcome, apply_corrections, outcome
from .edits import MergeSummary, keeping, merged, with_added, without
from .records import FIELDS, MEETING, VALUE_FIELDS, Correction, content_sha, make, parse_value, plain
from .store import CorrectionSet, Store, corpus_store, parse_bytes, read_file, to_jsonl

__all__ = [
    "FIELDS", "MEETING", "VALUE_FIELDS", "Correction", "CorrectionSet", "MergeSummary", "Outcome", "Store",
    "apply_corrections", "content_sha", "corpus_store", "for_corpus", "keeping", "make", "merged", "outcome",
    "parse_bytes", "parse_value", "plain", "read_file", "to_jsonl", "with_added", "without",
]


def for_corpus(path, corrections=None) -> CorrectionSet:
    """The corrections ``load_corpus(path, corrections=...)`` applies.

    None: the corpus's own file (beside it, or the app's data folder for a read-only corpus);
    False: none (the raw extraction); a path: that file; a CorrectionSet: itself."""
    if corrections is False:
        return CorrectionSet()
    if isinstance(corrections, CorrectionSet):
        return corrections
    if corrections is None:
        return corpus_store(path).load() if path is not None else CorrectionSet()
    return read_file(os.fspath(corrections))
