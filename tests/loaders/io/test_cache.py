"""The caches: per-article rows and whole-corpus snapshots. Hits skip extraction (and grouping),
a changed article is the only one extracted again, damage is detected, rebuilt and reported."""
import json
import os

import pandas as pd
import pyarrow.parquet as pq
import pytest

from loaders import batch
from loaders.io import cache as cache_mod
from loaders.io import snapshot as snapshot_mod
from loaders.io.cache import ArticleStore, default_cache_dir
from loaders.pipeline import load_corpus

TEXTS = {
    "a.txt": "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa họp sơ kết 6 tháng đầu năm.",
    "b.txt": "Ngày 8/7, tỉnh Hưng Yên tổ chức hội nghị tập huấn công tác thông tin đối ngoại năm 2019.",
}
LINES = [
    {"id": "n1", "text": "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa họp sơ kết."},
    {"id": "n2", "text": "Ngày 8/7, tỉnh Hưng Yên tổ chức hội nghị tập huấn công tác thông tin đối ngoại."},
    {"id": "n3", "text": "Chiều 2/1, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Nghệ An tổng kết năm 2022."},
]


@pytest.fixture
def corpus_dir(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def write_jsonl(path, lines):
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


@pytest.fixture
def extracted(monkeypatch):
    """doc_ids handed to the extractors, per batch (the real extraction still runs)."""
    calls: list[list[str]] = []
    real = batch.extract_chunk

    def counting(chunk):
        calls.append([rec.doc_id for _, rec in chunk])
        return real(chunk)

    monkeypatch.setattr(batch, "extract_chunk", counting)
    return calls


@pytest.fixture
def grouped(monkeypatch):
    """How often meeting grouping ran."""
    from loaders import assemble

    calls = []
    real = assemble.assign_meeting_ids
    monkeypatch.setattr(assemble, "assign_meeting_ids", lambda frame, sets=None: calls.append(len(frame)) or real(frame, sets))
    return calls


def same_tables(a, b):
    """Equal tables; a report row about a rebuilt cache file is the only difference allowed."""
    for name, table in a.tables().items():
        other = b.tables()[name]
        if name == "report":
            table, other = (t[t["status"] != "rebuilt"].reset_index(drop=True) for t in (table, other))
        pd.testing.assert_frame_equal(table, other, obj=name)


def segments(cache_dir):
    return sorted(cache_dir.glob("*/articles/seg-*"))


def snapshots(cache_dir):
    return sorted(p for p in cache_dir.glob("*/corpus/*/*") if p.is_dir() and p.name != "inputs")


def rebuilt(corpus):
    return corpus.report[corpus.report["status"] == "rebuilt"]


def test_second_load_extracts_and_groups_nothing(corpus_dir, tmp_path, extracted, grouped):
    first = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    second = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert sorted(sum(extracted, [])) == ["a", "b"] and grouped == [2]  # the snapshot is the whole corpus
    same_tables(first, second)


def test_cached_tables_equal_uncached_ones(corpus_dir, tmp_path):
    plain = load_corpus(corpus_dir, cache_dir=False, workers=1)
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    warm = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    same_tables(plain, warm)


def test_tables_read_and_written_in_slices_equal_whole_ones(tmp_path, monkeypatch):
    from loaders import assemble

    path = write_jsonl(tmp_path / "lines.jsonl", LINES)
    whole = load_corpus(path, cache_dir=False, workers=1)  # assembled in one slice
    monkeypatch.setattr(assemble, "SLICE_ENTRIES", 1)  # now every article is its own slice
    monkeypatch.setattr(snapshot_mod, "TERM_BATCH_ROWS", 2)  # batches cutting through articles
    load_corpus(path, cache_dir=tmp_path / "c", workers=1)
    warm = load_corpus(path, cache_dir=tmp_path / "c", workers=1)
    batches = list(warm.term_batches())
    assert len(batches) > len(LINES), "the stored terms were read a batch at a time"
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), warm.terms)
    same_tables(whole, warm)


@pytest.mark.parametrize("ids", [
    pytest.param(["n2"], id="one article: its row group only"),
    pytest.param(["n3", "n1"], id="out of storage order"),
    pytest.param(["n1", "zz", "n1"], id="an unknown id is missing, a repeated one read twice"),
    pytest.param(["n1", "n2", "n3"], id="most of the corpus: one read of the column"),
    pytest.param([], id="none"),
])
@pytest.mark.parametrize("name", ["body", "raw_text"])
def test_stored_texts_read_by_row_equal_the_texts_in_memory(tmp_path, monkeypatch, ids, name):
    monkeypatch.setattr(snapshot_mod, "TEXT_ROW_GROUP", 1)  # a row group per article
    monkeypatch.setattr(snapshot_mod, "WHOLE_READ_SHARE", 0.9)  # by row group up to 2 of the 3 articles
    path = write_jsonl(tmp_path / "lines.jsonl", LINES)
    plain = load_corpus(path, cache_dir=False, workers=1)
    load_corpus(path, cache_dir=tmp_path / "c", workers=1)
    stored = load_corpus(path, cache_dir=tmp_path / "c", workers=1)
    assert isinstance(stored.texts._stored, snapshot_mod.TextFile), "texts read from the snapshot, not held"
    assert pq.read_metadata(next((tmp_path / "c").glob("*/corpus/*/*/texts.parquet"))).num_row_groups == len(LINES)
    index = pd.RangeIndex(len(ids)) + 5  # the caller's index is kept
    pd.testing.assert_series_equal(stored.texts.of(pd.Series(ids, index=index, dtype=object), name),
                                   plain.texts.of(pd.Series(ids, index=index, dtype=object), name))


@pytest.mark.parametrize("change, again", [
    pytest.param(lambda ls: ls + [{"id": "n4", "text": "Ngày 5/1, tỉnh Bình Định họp Ban Chỉ đạo."}], ["n4"],
                 id="appended line: only it is extracted"),
    pytest.param(lambda ls: [ls[0], {**ls[1], "text": ls[1]["text"] + " Hội nghị kết thúc lúc 11 giờ."}, ls[2]], ["n2"],
                 id="edited line: only it is extracted"),
    pytest.param(lambda ls: [ls[2], ls[0], ls[1]], [], id="reordered lines: nothing is extracted"),
])
def test_a_changed_jsonl_re_extracts_only_changed_articles(tmp_path, extracted, change, again):
    src = write_jsonl(tmp_path / "a.jsonl", LINES)
    load_corpus(src, cache_dir=tmp_path / "c", workers=1)
    write_jsonl(src, change(LINES))
    corpus = load_corpus(src, cache_dir=tmp_path / "c", workers=1)
    assert sorted(sum(extracted[1:], [])) == again
    plain = load_corpus(src, cache_dir=False, workers=1)
    same_tables(plain, corpus)


def test_changed_file_is_extracted_again(corpus_dir, tmp_path, extracted):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    (corpus_dir / "b.txt").write_text(TEXTS["b.txt"] + " Hội nghị kết thúc lúc 11 giờ.", encoding="utf-8")
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert sum(extracted[1:], []) == ["b"]
    assert "11 giờ" in again.full_articles().set_index("doc_id").loc["b", "raw_text"]


def test_renamed_file_gets_its_new_doc_id_without_extraction(corpus_dir, tmp_path, extracted):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    (corpus_dir / "b.txt").rename(corpus_dir / "c.txt")
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert sorted(again.articles["doc_id"]) == ["a", "c"] and len(extracted) == 1
    assert (again.evidence["doc_id"] != "b").all()


def test_same_text_under_two_ids_is_extracted_once_and_loaded_twice(tmp_path, extracted):
    src = write_jsonl(tmp_path / "a.jsonl", [LINES[0], {**LINES[0], "id": "copy"}])
    corpus = load_corpus(src, cache_dir=tmp_path / "c", workers=1)
    assert sum(extracted, []) == ["n1"]
    assert list(corpus.articles["doc_id"]) == ["n1", "copy"]
    assert set(corpus.evidence["doc_id"]) == {"n1", "copy"}


DAMAGE = [
    pytest.param(lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]), id="truncated file"),
    pytest.param(lambda p: p.write_bytes(b"not parquet"), id="garbage file"),
    pytest.param(lambda p: p.write_bytes(b""), id="empty file"),
    pytest.param(lambda p: p.unlink(), id="missing file"),
]


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("table", ["articles", "terms"])
def test_damaged_article_cache_is_detected_rebuilt_and_reported(corpus_dir, tmp_path, extracted, damage, table):
    first = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    for snap in snapshots(tmp_path / "c"):  # make the next load use the article cache
        (snap / "manifest.json").unlink()
    for seg in segments(tmp_path / "c"):
        damage(seg / f"{table}.parquet")
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert sorted(sum(extracted[1:], [])) == ["a", "b"], "the damaged segment's articles are extracted again"
    assert len(rebuilt(again)) >= 1 and rebuilt(again)["reason"].str.contains("damaged cache file").all()
    pd.testing.assert_frame_equal(first.articles, again.articles)
    third = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)  # rebuilt: hits again, no report
    assert len(extracted) == 2 and rebuilt(third).empty


@pytest.mark.parametrize("where", [0.3, 0.5, 0.7])
def test_a_flipped_byte_never_gives_wrong_tables(tmp_path, where):
    # page checksums: a byte flipped in stored data is an error (rebuilt), or it hit no data at all
    src = write_jsonl(tmp_path / "a.jsonl", [{**x, "text": x["text"] * 20} for x in LINES])
    first = load_corpus(src, cache_dir=tmp_path / "c", workers=1)
    for snap in snapshots(tmp_path / "c"):
        (snap / "manifest.json").unlink()
    for seg in segments(tmp_path / "c"):
        path = seg / "articles.parquet"
        data = bytearray(path.read_bytes())
        data[int(len(data) * where)] ^= 0xFF
        path.write_bytes(bytes(data))
    same_tables(first, load_corpus(src, cache_dir=tmp_path / "c", workers=1))


@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("table", ["articles", "texts", "evidence"])
def test_damaged_snapshot_is_rebuilt_from_the_article_cache_and_reported(corpus_dir, tmp_path, extracted, grouped,
                                                                         damage, table):
    first = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    (snap,) = snapshots(tmp_path / "c")
    damage(snap / f"{table}.parquet")
    again = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert len(extracted) == 1 and grouped == [2, 2], "regrouped from cached articles, nothing extracted"
    assert rebuilt(again)["reason"].str.contains("the corpus was rebuilt").any()
    same_tables(first, load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1))


def test_touched_but_unchanged_files_still_load_the_snapshot(corpus_dir, tmp_path, grouped):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    os.utime(corpus_dir / "a.txt", ns=(1, 1))
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert grouped == [2]


def test_unchanged_files_are_not_read_again(corpus_dir, tmp_path, monkeypatch):
    for f in corpus_dir.iterdir():  # old enough that their clock cannot be racing the snapshot
        os.utime(f, ns=(10**18, 10**18))
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    monkeypatch.setattr(snapshot_mod, "RACY_S", -10**10)
    import loaders.pipeline as pipeline

    monkeypatch.setattr(pipeline, "iter_units", lambda path: (_ for _ in ()).throw(AssertionError("read")))
    assert len(load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1).articles) == 2


def test_code_change_invalidates_and_prunes(corpus_dir, tmp_path, extracted, monkeypatch):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    monkeypatch.setattr(cache_mod, "fingerprint", lambda: "0" * cache_mod.FINGERPRINT_CHARS)
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert len(extracted) == 2
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["0" * cache_mod.FINGERPRINT_CHARS]  # old caches pruned


def test_grouping_change_regroups_without_extracting(corpus_dir, tmp_path, extracted, grouped, monkeypatch):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    monkeypatch.setattr(snapshot_mod, "corpus_fingerprint", lambda: "1" * cache_mod.FINGERPRINT_CHARS)
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert len(extracted) == 1 and grouped == [2, 2]


def test_fingerprint_covers_code_and_assets():
    cache_mod.fingerprint.cache_clear()
    try:
        value = cache_mod.fingerprint()
    finally:
        cache_mod.fingerprint.cache_clear()
    assert len(value) == cache_mod.FINGERPRINT_CHARS
    names = {name for name, _ in cache_mod.fingerprinted_files(cache_mod.EXTRACTION_CODE)}
    assert {"loaders/extract/clean.py", "loaders/extract/dates/meeting.py", "assets/boilerplate.txt"} <= names
    assert any(name.endswith("dictionary.bin") for name in names), "the segmenter's word list"


def test_fingerprints_leave_out_what_cannot_change_a_table():
    names = {name for name, _ in cache_mod.fingerprinted_files()}
    assert not any(name.startswith(("dashboard/", "tools/", "bench/")) for name in names)
    assert "assets/i18n.json" not in names and "assets/demo_templates.json" not in names
    assert "loaders/cli.py" not in names
    extraction = {name for name, _ in cache_mod.fingerprinted_files(cache_mod.EXTRACTION_CODE)}
    assert "loaders/grouping.py" not in extraction, "a grouping change must not re-extract"


def test_every_loader_module_is_fingerprinted_or_says_why_not():
    """A new module must be placed on one side on purpose: forgetting it in the fingerprint would
    serve stale cache entries after a change to it."""
    root = cache_mod._package_dir("loaders")
    modules = {p.relative_to(root).as_posix() for p in root.glob("**/*.py") if "__pycache__" not in p.parts}
    hashed = {name.removeprefix("loaders/") for name, _ in cache_mod.fingerprinted_files() if name.startswith("loaders/")}
    assert modules - hashed == set(cache_mod.NOT_FINGERPRINTED)
    assert not hashed & set(cache_mod.NOT_FINGERPRINTED)


def test_failed_writes_leave_no_files_and_the_run_completes(corpus_dir, tmp_path, monkeypatch):
    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(cache_mod.pq, "write_table", crash)
    c = load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert len(c.articles) == 2 and len(c.full_articles()["body"].dropna()) == 2
    assert not [p for p in (tmp_path / "c").rglob("*.parquet")]  # no entry, no temp file


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


def test_disabled_store_finds_nothing_from_earlier_runs(tmp_path):
    store = ArticleStore(None)
    assert store.index() == {} and not store.enabled
    assert not list(tmp_path.iterdir())


def test_stale_temporary_folders_are_cleared(corpus_dir, tmp_path):
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    (base,) = (tmp_path / "c").glob("*/articles")
    dead = base / f"{cache_mod.TMP_PREFIX}999999999-dead"
    dead.mkdir()
    (dead / "articles.parquet").write_bytes(b"half")
    (corpus_dir / "a.txt").write_text(TEXTS["a.txt"] + " Thêm.", encoding="utf-8")
    load_corpus(corpus_dir, cache_dir=tmp_path / "c", workers=1)
    assert not dead.exists()
    assert pq.read_metadata(next(base.glob("seg-*")) / "articles.parquet").num_rows >= 1
