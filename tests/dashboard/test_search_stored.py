"""The search index stored beside a corpus snapshot (dashboard/search/stored.py): mapped on the
next load instead of folded again, never read for other rows or other code, and a corpus whose
index cannot be stored still searches."""
import dataclasses
import mmap

import numpy as np
import pytest

from dashboard import search, snapshot_files
from dashboard.search import SearchIndex, parse, stored
from dashboard.search import corpus as index_mod

QUERIES = ["biển đảo", "hoa binh", "thông tin đối ngoại", "bien gioi OR tap huan", "tỉnh NOT đoàn", "khong co"]


def index_folder(corpus):
    return snapshot_files.beside(corpus).folder(stored.KIND, stored.CODE_DIGEST)


def held_index(corpus) -> SearchIndex:
    return SearchIndex.build(corpus.articles, corpus.bodies)


def test_a_snapshot_corpus_maps_its_stored_index_and_finds_the_same(snapshot_corpus):
    first = snapshot_corpus()
    search.attach(first, snapshot_files.beside(first))
    assert isinstance(first.search_index.text, mmap.mmap), "the folded text is mapped, not held"
    held = held_index(first)
    assert bytes(first.search_index.text) == bytes(held.text) and first.search_index.starts == held.starts
    for query in QUERIES:
        assert list(first.search_index.mask(parse(query))) == list(held.mask(parse(query))), query


def test_the_next_load_folds_nothing(snapshot_corpus, monkeypatch):
    stored_corpus = snapshot_corpus()
    search.attach(stored_corpus, snapshot_files.beside(stored_corpus))
    monkeypatch.setattr(index_mod.SearchIndex, "build", lambda *a, **k: pytest.fail("folded again"))
    again = snapshot_corpus()
    search.attach(again, snapshot_files.beside(again))
    assert list(np.flatnonzero(again.search_index.mask(parse("biển đảo")))) == [0]


@pytest.mark.parametrize("change, reason", [
    pytest.param(lambda arts: arts.iloc[::-1].reset_index(drop=True), "the same rows in another order",
                 id="reordered"),
    pytest.param(lambda arts: arts.iloc[:2], "fewer rows", id="cut"),
])
def test_other_rows_get_their_own_index(snapshot_corpus, change, reason):
    base = snapshot_corpus()
    search.attach(base, snapshot_files.beside(base))
    other = dataclasses.replace(base, articles=change(base.articles))
    assert index_folder(other) != index_folder(base), reason
    search.attach(other, snapshot_files.beside(other))
    found = other.search_index
    assert not index_folder(base).exists(), "one index per snapshot on disk"
    assert list(base.search_index.mask(parse("biển đảo"))) == [True, False, False], "a mapped index outlives its files"
    assert found.starts == held_index(other).starts, reason
    assert list(found.mask(parse("biển đảo"))) == list(held_index(other).mask(parse("biển đảo"))), reason


@pytest.mark.parametrize("damage", [
    pytest.param(lambda folder: (folder / "starts.npy").write_bytes(b"not numpy"), id="unreadable-starts"),
    pytest.param(lambda folder: (folder / "signatures.npy").unlink(), id="missing-signatures"),
    pytest.param(lambda folder: np.save(folder / "starts.npy", np.zeros(1, dtype=np.int64)), id="too-few-rows"),
])
def test_a_damaged_stored_index_is_built_again(snapshot_corpus, damage):
    corpus = snapshot_corpus()
    search.attach(corpus, snapshot_files.beside(corpus))
    folder = index_folder(corpus)
    damage(folder)
    assert stored.read(folder, len(corpus.articles)) is None
    again = snapshot_corpus()
    search.attach(again, snapshot_files.beside(again))
    assert again.search_index.starts == held_index(again).starts
    assert list(again.search_index.mask(parse("hoa binh"))) == [False, False, True]


def test_a_corpus_whose_index_cannot_be_stored_holds_it(snapshot_corpus, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OSError("read-only file system")
    monkeypatch.setattr(stored, "fill", refuse)
    corpus = snapshot_corpus()
    search.attach(corpus, snapshot_files.beside(corpus))
    assert isinstance(corpus.search_index.text, bytearray), "held in memory"
    assert list(corpus.search_index.mask(parse("biển đảo"))) == [True, False, False]
    assert "could not store the search index" in caplog.text


def test_a_loaded_corpus_is_prepared_with_its_index_kept_beside_its_snapshot(snapshot_corpus):
    from dashboard import data

    corpus = data.prepare(snapshot_corpus())
    assert isinstance(corpus.search_index.text, mmap.mmap)
    assert stored.read(index_folder(corpus), len(corpus.articles))


def test_a_corpus_in_memory_holds_its_index():
    from tests.dashboard.fixtures import fixture_corpus

    corpus = fixture_corpus()
    assert corpus.snapshot_folder() is None
    search.attach(corpus, snapshot_files.beside(corpus))
    assert isinstance(corpus.search_index.text, bytearray)


def test_what_a_dead_writer_left_half_written_goes(snapshot_corpus):
    corpus = snapshot_corpus()
    left = corpus.snapshot_folder() / ".tmp-999999999-deadbeef"  # no such process
    left.mkdir()
    (left / "text.bin").write_bytes(b" half ")
    search.attach(corpus, snapshot_files.beside(corpus))
    assert not left.exists()
