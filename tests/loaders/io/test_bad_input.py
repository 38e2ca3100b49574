"""Bad input never stops a run: every bad item is reported with a reason, every good one loads."""
import io
import json
import zipfile

import pandas as pd
import pytest

from loaders import batch
from loaders.pipeline import load_corpus
from loaders.settings import MAX_ARTICLE_FILE_BYTES

GOOD = "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức hội nghị sơ kết công tác 6 tháng đầu năm."


def good(tag: str) -> bytes:
    """A good article per file: identical bytes under two names would be reported as duplicates."""
    return f"{GOOD} ({tag})".encode()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def build_corpus(root):
    files = {
        "good/a.txt": good("a"),
        "good/b.md": good("b"),
        "good/c.jsonl": "\n".join([json.dumps({"id": "j1", "text": GOOD}, ensure_ascii=False),
                                   "{not json at all",
                                   json.dumps({"id": "j2", "title": "no text here"}),
                                   json.dumps(["a", "list"])]).encode(),
        "bad/empty.txt": b"",
        "bad/blank.txt": b"   \n\t\n",
        "bad/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "bad/invalid_utf8.txt": bytes(range(0x80, 0x100)) * 4,
        "bad/notext.csv": "id,tieu_de,tac_gia\n1,Tiêu đề,Tên\n".encode(),
        "bad/evil.zip": zip_bytes({"../../x.txt": GOOD.encode(), "/abs.txt": GOOD.encode(),
                                   "inner/ok.txt": good("zip"), "bomb.txt": b"0" * (3 * 1024 * 1024)}),
        "bad/not_a.zip": b"PK but not really a zip",
        "bad/scan.pdf": b"%PDF-1.4 ...",
        "later/a.txt": good("later"),
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    with open(root / "bad" / "huge.txt", "wb") as fh:  # sparse: instant, takes no disk
        fh.truncate(MAX_ARTICLE_FILE_BYTES.value() + 1)
    return root


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = build_corpus(tmp_path_factory.mktemp("bad_input"))
    return root, load_corpus(root, cache_dir=False, workers=1)


def report_row(corpus, path_end, member=None):
    root, c = corpus
    rows = c.report[c.report["path"].str.endswith(path_end)]
    if member is not None:
        rows = rows[rows["member"].fillna("") == member]
    assert len(rows) == 1, f"expected one report row for {path_end} {member or ''}, got\n{rows}"
    return rows.iloc[0]


@pytest.mark.parametrize("path_end,member,reason", [
    pytest.param("bad/empty.txt", None, "empty", id="empty file"),
    pytest.param("bad/blank.txt", None, "empty", id="whitespace-only file"),
    pytest.param("bad/binary.txt", None, "binary", id="binary file"),
    pytest.param("bad/huge.txt", None, "size limit", id="file over the size limit"),
    pytest.param("bad/invalid_utf8.txt", None, "invalid UTF-8", id="bytes no encoding reads"),
    pytest.param("good/c.jsonl", "line 2", "not JSON", id="jsonl line that is not JSON"),
    pytest.param("good/c.jsonl", "line 3", "no text", id="jsonl record without text"),
    pytest.param("good/c.jsonl", "line 4", "not a JSON object", id="jsonl line that is a list"),
    pytest.param("bad/notext.csv", None, "no text column", id="csv without a text column"),
    pytest.param("bad/evil.zip", "../../x.txt", "unsafe", id="zip member escaping with .."),
    pytest.param("bad/evil.zip", "/abs.txt", "unsafe", id="zip member with an absolute path"),
    pytest.param("bad/evil.zip", "bomb.txt", "zip bomb", id="zip member that inflates too much"),
    pytest.param("bad/not_a.zip", None, "zip", id="broken zip archive"),
    pytest.param("bad/scan.pdf", None, "unsupported", id="unsupported extension"),
    pytest.param("later/a.txt", None, "duplicate doc_id", id="duplicate doc_id: the later path is skipped"),
])
def test_bad_item_is_reported_with_a_reason(corpus, path_end, member, reason):
    row = report_row(corpus, path_end, member)
    assert row["status"] == "skipped"
    assert reason.lower() in row["reason"].lower()


@pytest.mark.parametrize("doc_id", [
    pytest.param("a", id="txt"), pytest.param("b", id="markdown"), pytest.param("j1", id="good jsonl line"),
    pytest.param("inner/ok.txt", id="safe member of a zip that also holds unsafe ones"),
])
def test_good_items_are_loaded(corpus, doc_id):
    _, c = corpus
    assert doc_id in set(c.articles["doc_id"])


def test_every_file_is_accounted_for(corpus):
    root, c = corpus
    files = {str(p) for p in root.rglob("*") if p.is_file()}
    assert files == set(c.report["path"])
    assert set(c.report["status"]) == {"loaded", "skipped"}
    assert c.report.loc[c.report["status"] == "skipped", "reason"].notna().all()


def test_loaded_counts_add_up(corpus):
    _, c = corpus
    assert c.report.loc[c.report["status"] == "loaded", "records"].sum() == len(c.articles)


def test_an_extractor_crash_skips_only_that_record(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "boom.txt").write_text(GOOD + " BOOM", encoding="utf-8")
    real = batch.extract_article

    def fragile(rec):
        if "BOOM" in rec.text:
            raise RuntimeError("extractor bug")
        return real(rec)

    monkeypatch.setattr(batch, "extract_article", fragile)
    c = load_corpus(tmp_path, cache_dir=tmp_path / "cache", workers=1)
    assert list(c.articles["doc_id"]) == ["ok"]
    row = c.report[c.report["path"].str.endswith("boom.txt")].iloc[0]
    assert row["status"] == "skipped" and "extraction failed" in row["reason"]


def test_report_has_the_declared_schema(corpus):
    from loaders.schema import REPORT_COLUMNS

    _, c = corpus
    assert list(c.report.columns) == list(REPORT_COLUMNS)
    assert isinstance(c.report, pd.DataFrame)
