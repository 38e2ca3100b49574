"""The search index stored beside a corpus snapshot (dashboard/search/stored.py): mapped on the
next load instead of folded again, never read for other rows or other code, and a corpus whose
index cannot be stored still searches."""
import dataclasses
import json
import mmap

import numpy as np
import pytest

from dashboard import search
from dashboard.search import SearchIndex, parse, stored
from dashboard.search import corpus as index_mod
from loaders import load_corpus

LINES = [
    {"id": "s1", "title": "Sơ kết công tác thông tin đối ngoại", "text": "Ngày 5/7, tỉnh Nghệ An sơ kết công tác "
     "thông tin đối ngoại, tuyên truyền biển, đảo."},
    {"id": "s2", "title": "Tập huấn", "text": "Tỉnh Hà Tĩnh tập huấn nghiệp vụ cho phóng viên về biên giới."},
    {"id": "s3", "title": "Hội nghị", "text": "Ban Chỉ đạo họp bàn việc đón đoàn khách quốc tế đến Hòa Bình."},
]
QUERIES = ["biển đảo", "hoa binh", "thông tin đối ngoại", "bien gioi OR tap huan", "tỉnh NOT đoàn", "khong co"]


@pytest.fixture
def cached(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in LINES), encoding="utf-8")
    load_corpus(path, cache_dir=tmp_path / "cache", workers=1, corrections=False)  # writes the snapshot
    return lambda: load_corpus(path, cache_dir=tmp_path / "cache", workers=1, corrections=False)


def held_index(corpus) -> SearchIndex:
    return SearchIndex.build(corpus.articles, corpus.bodies)


def test_a_snapshot_corpus_maps_its_stored_index_and_finds_the_same(cached):
    first = cached()
    search.attach(first)
    assert isinstance(first.search_index.text, mmap.mmap), "the folded text is mapped, not held"
    held = held_index(first)
    assert bytes(first.search_index.text) == bytes(held.text) and first.search_index.starts == held.starts
    for query in QUERIES:
        assert list(first.search_index.mask(parse(query))) == list(held.mask(parse(query))), query


def test_the_next_load_folds_nothing(cached, monkeypatch):
    search.attach(cached())
    monkeypatch.setattr(index_mod.SearchIndex, "build", lambda *a, **k: pytest.fail("folded again"))
    again = cached()
    search.attach(again)
    assert list(np.flatnonzero(again.search_index.mask(parse("biển đảo")))) == [0]


@pytest.mark.parametrize("change, reason", [
    pytest.param(lambda arts: arts.iloc[::-1].reset_index(drop=True), "the same rows in another order",
                 id="reordered"),
    pytest.param(lambda arts: arts.iloc[:2], "fewer rows", id="cut"),
])
def test_other_rows_get_their_own_index(cached, change, reason):
    base = cached()
    search.attach(base)
    other = dataclasses.replace(base, articles=change(base.articles))
    assert stored.folder_for(base.snapshot_folder(), other.articles) != \
        stored.folder_for(base.snapshot_folder(), base.articles), reason
    found = search.index_of(other)
    assert found.starts == held_index(other).starts, reason
    assert list(found.mask(parse("biển đảo"))) == list(held_index(other).mask(parse("biển đảo"))), reason


@pytest.mark.parametrize("damage", [
    pytest.param(lambda folder: (folder / "starts.npy").write_bytes(b"not numpy"), id="unreadable-starts"),
    pytest.param(lambda folder: (folder / "signatures.npy").unlink(), id="missing-signatures"),
    pytest.param(lambda folder: np.save(folder / "starts.npy", np.zeros(1, dtype=np.int64)), id="too-few-rows"),
])
def test_a_damaged_stored_index_is_built_again(cached, damage):
    corpus = cached()
    search.attach(corpus)
    folder = stored.folder_for(corpus.snapshot_folder(), corpus.articles)
    damage(folder)
    assert stored.read(folder, len(corpus.articles)) is None
    again = cached()
    search.attach(again)
    assert again.search_index.starts == held_index(again).starts
    assert list(again.search_index.mask(parse("hoa binh"))) == [False, False, True]


def test_a_corpus_whose_index_cannot_be_stored_holds_it(cached, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise OSError("read-only file system")
    monkeypatch.setattr(stored, "write", refuse)
    corpus = cached()
    search.attach(corpus)
    assert isinstance(corpus.search_index.text, bytearray), "held in memory"
    assert list(corpus.search_index.mask(parse("biển đảo"))) == [True, False, False]
    assert "could not store the search index" in caplog.text
