"""The Parquet cache: hits skip extraction, changes and corruption are misses, writes are atomic."""
import pandas as pd
import pyarrow.parquet as pq
import pytest

from loaders import batch
from loaders.io import cache as cache_mod
from loaders.io.cache import UnitCache, default_cache_dir
from loaders.pipeline import load_corpus

TEXTS = {
    "a.txt": "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa họp sơ kết 6 tháng đầu năm.",
    "b.txt": "Ngày 8/7, tỉnh Hưng Yên tổ chức hội nghị tập huấn công tác thông tin đối ngoại năm 2019.",
}


@pytest.fixture
def corpus_dir(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture
def extracted(monkeypatch):
    """Records passed to batch.extract_records, per call (the real extraction still runs)."""
    calls: list[list[str]] = []
    real = batch.extract_records

    def counting(records, *args, **kwargs):
        calls.append([r.doc_id for r in records])
        return real(records, *args, **kwargs)

    monkeypatch.setattr(batch, "extract_records", counting)
    return calls


def entries(cache_dir):
    return sorted(cache_dir.rglob("*.parquet"))


def test_second_load_hits_the_cache(corpus_dir, tmp_path, extracted):
    first = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    second = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert len(extracted) == 1 and len(extracted[0]) == 2  # one batch for all misses, none for hits
    for name, table in first.tables().items():
        pd.testing.assert_frame_equal(table, second.tables()[name], obj=name)


def test_cached_tables_equal_uncached_ones(corpus_dir, tmp_path):
    plain = load_corpus(corpus_dir, cache_dir=False, workers=1)
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    warm = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    for name, table in plain.tables().items():
        pd.testing.assert_frame_equal(table, warm.tables()[name], obj=name)


def test_changed_file_is_parsed_again(corpus_dir, tmp_path, extracted):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    (corpus_dir / "b.txt").write_text(TEXTS["b.txt"] + " Hội nghị kết thúc lúc 11 giờ.", encoding="utf-8")
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert [len(c) for c in extracted] == [2, 1]
    assert "11 giờ" in again.articles.set_index("doc_id").loc["b", "raw_text"]


def test_renamed_file_gets_its_new_doc_id(corpus_dir, tmp_path):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    (corpus_dir / "b.txt").rename(corpus_dir / "c.txt")
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert sorted(again.articles["doc_id"]) == ["a", "c"]


@pytest.mark.parametrize("damage", [
    pytest.param(lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), id="truncated file"),
    pytest.param(lambda p: p.write_bytes(b"not parquet"), id="garbage file"),
    pytest.param(lambda p: p.write_bytes(b""), id="empty file"),
    pytest.param(lambda p: pq.write_table(pq.read_table(p).drop_columns(["articles.title"]), p),
                 id="valid parquet missing a column"),
])
def test_damaged_entry_is_a_miss(corpus_dir, tmp_path, extracted, damage):
    first = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    for entry in entries(tmp_path / "c"):
        damage(entry)
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert [len(c) for c in extracted] == [2, 2]
    pd.testing.assert_frame_equal(first.articles, again.articles)
    third = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)  # rewritten entries hit again
    assert len(extracted) == 2 and len(third.articles) == 2


def test_code_change_invalidates(corpus_dir, tmp_path, extracted, monkeypatch):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    monkeypatch.setattr(cache_mod, "fingerprint", lambda: "0" * cache_mod.FINGERPRINT_CHARS)
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert [len(c) for c in extracted] == [2, 2]
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["0" * cache_mod.FINGERPRINT_CHARS]  # old entries pruned


def test_fingerprint_covers_code_and_assets():
    cache_mod.fingerprint.cache_clear()
    try:
        value = cache_mod.fingerprint()
    finally:
        cache_mod.fingerprint.cache_clear()
    assert len(value) == cache_mod.FINGERPRINT_CHARS
    names = {name for name, _ in cache_mod.fingerprinted_files()}
    assert {"loaders/extract/clean.py", "loaders/extract/dates/meeting.py", "assets/boilerplate.txt"} <= names


def test_fingerprint_leaves_out_what_cannot_change_an_entry():
    names = {name for name, _ in cache_mod.fingerprinted_files()}
    assert not any(name.startswith(("dashboard/", "tools/")) for name in names)
    assert "assets/i18n.json" not in names and "assets/demo_templates.json" not in names
    assert "loaders/cli.py" not in names and "loaders/grouping.py" not in names


def test_every_loader_module_is_fingerprinted_or_says_why_not():
    """A new module must be placed on one side on purpose: forgetting it in the fingerprint would
    serve stale cache entries after a change to it."""
    root = cache_mod._package_dir("loaders")
    modules = {p.relative_to(root).as_posix() for p in root.glob("**/*.py") if "__pycache__" not in p.parts}
    hashed = {name.removeprefix("loaders/") for name, _ in cache_mod.fingerprinted_files() if name.startswith("loaders/")}
    assert modules - hashed == set(cache_mod.NOT_FINGERPRINTED)
    assert not hashed & set(cache_mod.NOT_FINGERPRINTED)


def test_crash_while_writing_leaves_no_entry(corpus_dir, tmp_path, monkeypatch):
    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(cache_mod.pq, "write_table", crash)
    c = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert len(c.articles) == 2
    assert not [p for p in (tmp_path / "c").rglob("*") if p.is_file()]  # no entry, no temp file


def test_no_cache_writes_nothing(corpus_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    load_corpus(corpus_dir, cache_dir=False, workers=1)
    assert not list(tmp_path.rglob("*.parquet"))


@pytest.mark.parametrize("env,expected", [
    pytest.param("custom", "custom", id="TTDN_CACHE_DIR wins"),
    pytest.param(None, ".ttdn-cache", id="default: .ttdn-cache in the working directory"),
])
def test_default_cache_dir(tmp_path, monkeypatch, env, expected):
    monkeypatch.chdir(tmp_path)
    if env:
        monkeypatch.setenv("TTDN_CACHE_DIR", str(tmp_path / env))
    else:
        monkeypatch.delenv("TTDN_CACHE_DIR", raising=False)
    assert default_cache_dir() == tmp_path / expected


def test_disabled_cache_misses_and_stores_nothing():
    c = UnitCache(None)
    c.store("k", {})
    assert c.load("k") is None and not c.enabled
