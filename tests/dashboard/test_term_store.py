"""The term matrix stored beside a corpus snapshot (dashboard/queries/term_store.py): the mapped
matrix equals the one built from the terms table, the next load reads no term row, and a matrix
that cannot be stored or read back is built and held."""
import dataclasses

import numpy as np
import pandas as pd
import pytest

from dashboard import snapshot_files
from dashboard.filters import Filters
from dashboard.queries import prepared, term_store
from dashboard.queries.terms import TermMatrix, term_frequencies


def stored_matrix(corpus) -> TermMatrix:
    prepared.attach(corpus)
    return term_store.attach(corpus, snapshot_files.beside(corpus))


def same(a: TermMatrix, b: TermMatrix) -> None:
    pd.testing.assert_series_equal(a.terms, b.terms)
    for name in term_store.ARRAYS:
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_the_stored_matrix_is_the_built_one(snapshot_corpus):
    corpus = snapshot_corpus()
    matrix = stored_matrix(corpus)
    assert not matrix.codes.flags.writeable, "mapped read-only, not held"
    same(matrix, TermMatrix.build(corpus))
    assert len(matrix.codes) > 0, "the small corpus has terms"


def test_the_next_load_reads_no_term_row(snapshot_corpus, monkeypatch):
    stored_matrix(snapshot_corpus())
    monkeypatch.setattr(TermMatrix, "build", classmethod(lambda cls, c: pytest.fail("built again")))
    again = snapshot_corpus()
    stored_matrix(again)
    top = term_frequencies(again, Filters(relevant_only=False), 5)
    assert len(top) == 5 and top["count"].min() >= 1


@pytest.mark.parametrize("damage", [
    pytest.param(lambda folder: (folder / "codes.npy").write_bytes(b"not numpy"), id="unreadable-array"),
    pytest.param(lambda folder: (folder / "terms.json").unlink(), id="missing-terms"),
    pytest.param(lambda folder: np.save(folder / "lengths.npy", np.zeros(1, dtype=np.int64)), id="too-few-rows"),
])
def test_a_damaged_stored_matrix_is_built_again(snapshot_corpus, damage):
    corpus = snapshot_corpus()
    stored_matrix(corpus)
    folder = snapshot_files.beside(corpus).folder(term_store.KIND, term_store.CODE_DIGEST)
    damage(folder)
    assert term_store.read(folder, len(corpus.articles)) is None
    again = snapshot_corpus()
    same(stored_matrix(again), TermMatrix.build(again))


def test_a_matrix_that_cannot_be_stored_is_held(snapshot_corpus, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OSError("read-only file system")
    monkeypatch.setattr(snapshot_files, "write_folder", refuse)
    corpus = snapshot_corpus()
    matrix = stored_matrix(corpus)
    assert matrix.codes.flags.writeable, "held in memory"
    same(matrix, TermMatrix.build(corpus))
    assert "could not store the term matrix" in caplog.text


def test_other_rows_get_their_own_matrix(snapshot_corpus):
    base = snapshot_corpus()
    stored_matrix(base)
    reordered = dataclasses.replace(base, articles=base.articles.iloc[::-1].reset_index(drop=True))
    same(stored_matrix(reordered), TermMatrix.build(reordered))
