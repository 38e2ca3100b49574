"""A hostile corpus, built at test time: every faulty item has one asserted outcome.

The small items go through the whole pipeline (load_corpus); the big ones (a 50 MB text, a
200,000-line JSONL) through the readers only, since extracting 200k records is a benchmark,
not a test. Our own template sentences; no real article text.
"""
from __future__ import annotations

import json
import os
import struct
import unicodedata
import zlib

import pytest

from loaders.io.readers import read_records
from loaders.pipeline import load_corpus
from loaders.settings import MAX_RECORD_CHARS, MB
from tests.loaders.io.encoded import cp1258, zip_bytes

BASE = "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa tổ chức hội nghị sơ kết công tác"


def article(tag: str) -> str:
    """A distinct good article per item (identical bytes would be reported as duplicates)."""
    return f"{BASE} ({tag}). Hội nghị đánh giá kết quả và đề ra nhiệm vụ những tháng cuối năm."




def png_bytes() -> bytes:
    """A real 2x2 PNG (its IDAT and IEND chunks are full of NUL bytes, like UTF-16 text)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + b"\x00\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


CSV_TEXT = "\n".join([
    "id,text,title",
    f'c1,"{article("csv plain")}",Tin',
    f'c2,"{article("csv multi-line")}\nDòng thứ hai của bài.",Tin',  # embedded newline inside quotes
    f'c3,"{article("csv no title cell")}"',  # a missing optional cell: loads
    "c4",  # the text cell is missing
    f'c5,"{article("csv extra")}",Tin,ngày 18,Hà Nội',  # extra cells: an unquoted comma cut the text
    f'c6,"{article("csv unterminated")}\nc7,more text,Tin\nc8,still swallowed,Tin',  # quote never closed
])

SMALL = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 8,
    "table.csv": CSV_TEXT.encode(),
    "old-windows.txt": cp1258(article("windows-1258")),
    "utf16-bom.txt": article("utf-16 with BOM").encode("utf-16"),
    "utf16-le.txt": article("utf-16-le without BOM").encode("utf-16-le"),
    "twin-a.txt": article("twin").encode(),
    "twin-b.txt": article("twin").encode(),  # the same bytes under another name
    "traversal.zip": zip_bytes({"../../evil.txt": article("evil").encode(), "/abs.txt": article("abs").encode(),
                                "..\\win.txt": article("win").encode(), "safe/ok.txt": article("zip safe").encode()}),
    "bomb.zip": zip_bytes({"bomb.txt": b"0" * (40 * MB)}),  # under the file size limit, 1000x packed
    "many-small.zip": zip_bytes({f"m{i:03}.txt": f"{i:03}".encode() + b"0" * (MB - 3) for i in range(250)}),
    "nested.zip": zip_bytes({"inner.zip": zip_bytes({"a.txt": article("nested").encode(),
                                                     "deeper.zip": zip_bytes({"b.txt": article("deep").encode()})})}),
    "fake-page.html": png_bytes(),
    "long-line.txt": ((BASE + ", ") * (MB // len(BASE) + 1)).encode()[:MB],  # 1 MB, one line, no full stop
}


@pytest.fixture(scope="module")
def fault(tmp_path_factory):
    base = tmp_path_factory.mktemp("fault")
    root = base / "corpus"
    (base / "outside").mkdir()
    (base / "outside" / "secret.txt").write_text(article("outside the folder"), encoding="utf-8")
    for name, data in SMALL.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "loop.txt").symlink_to("loop.txt")  # a link to itself
    (root / "sub").mkdir()
    (root / "sub" / "again").symlink_to("..", target_is_directory=True)  # a folder loop
    (root / "escape.txt").symlink_to(base / "outside" / "secret.txt")
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    return base, root, load_corpus(root, cache_dir=False, workers=1)


def rows_for(corpus, name, member=None):
    rows = corpus.report[corpus.report["path"].str.endswith(f"/{name}")]
    if member is not None:
        rows = rows[rows["member"].fillna("") == member]
    return rows


@pytest.mark.parametrize("name,member,reason", [
    pytest.param("empty.txt", None, "empty file", id="empty file"),
    pytest.param("binary.txt", None, "binary file", id="binary bytes"),
    pytest.param("table.csv", "row 4", "row has no text", id="csv: the text cell is missing"),
    pytest.param("table.csv", "row 5", "more non-empty cell", id="csv: extra cells are not silently dropped"),
    pytest.param("table.csv", "row 6", "unterminated quote", id="csv: a quote never closed swallows the rest"),
    pytest.param("twin-b.txt", None, "duplicate: same content as", id="same bytes under a second name"),
    pytest.param("traversal.zip", "../../evil.txt", "unsafe zip member", id="zip member escaping with .."),
    pytest.param("traversal.zip", "/abs.txt", "unsafe zip member", id="zip member with an absolute path"),
    pytest.param("traversal.zip", "..\\win.txt", "unsafe zip member", id="zip member escaping with backslashes"),
    pytest.param("bomb.zip", "bomb.txt", "zip bomb", id="one member inflating 40 MB from 40 KB"),
    pytest.param("nested.zip", "inner.zip!deeper.zip", "more than one level deep", id="zip in a zip in a zip"),
    pytest.param("loop.txt", None, "looping symbolic link", id="a symlink to itself"),
    pytest.param("again", None, "symbolic link to a folder", id="a symlinked folder (here a loop) is not walked"),
    pytest.param("escape.txt", None, "outside the folder", id="a symlink out of the folder is not followed"),
    pytest.param("pipe.txt", None, "not a regular file", id="a named pipe is never opened"),
    pytest.param("fake-page.html", None, "binary file (PNG image)", id="an .html that is really a PNG"),
    pytest.param("long-line.txt", None, "TTDN_MAX_RECORD_CHARS", id="a 1 MB one-line article is over the record limit"),
])
def test_faulty_item_is_skipped_with_its_reason(fault, name, member, reason):
    _, _, corpus = fault
    rows = rows_for(corpus, name, member)
    assert len(rows) == 1, corpus.report.to_string()
    assert rows.iloc[0]["status"] == "skipped" and reason in rows.iloc[0]["reason"]


@pytest.mark.parametrize("doc_id,needle", [
    pytest.param("c1", "csv plain", id="csv row"),
    pytest.param("c2", "Dòng thứ hai", id="csv quoted text with an embedded newline"),
    pytest.param("c3", "csv no title cell", id="csv row missing an optional cell"),
    pytest.param("old-windows", "windows-1258", id="windows-1258 with combining tone marks"),
    pytest.param("utf16-bom", "utf-16 with BOM", id="UTF-16 with a byte-order mark"),
    pytest.param("utf16-le", "utf-16-le without BOM", id="UTF-16 without a byte-order mark"),
    pytest.param("twin-a", "(twin)", id="the first of two identical files"),
    pytest.param("safe/ok.txt", "zip safe", id="a safe member beside unsafe ones"),
    pytest.param("inner.zip!a.txt", "nested", id="one level of nested zip is read"),
])
def test_readable_item_is_loaded_once(fault, doc_id, needle):
    _, _, corpus = fault
    arts = corpus.full_articles()  # the texts live apart from the working frame
    rows = arts[arts["doc_id"] == doc_id]
    assert len(rows) == 1
    assert needle in rows.iloc[0]["raw_text"] and rows.iloc[0]["raw_text"] == unicodedata.normalize(
        "NFC", rows.iloc[0]["raw_text"])


def test_identical_files_count_once(fault):
    _, _, corpus = fault
    twins = corpus.full_articles()["raw_text"].str.contains("(twin)", regex=False)
    assert twins.sum() == 1


def test_many_small_members_stop_at_the_archive_expansion_limit(fault):
    _, root, corpus = fault
    rows = rows_for(corpus, "many-small.zip")
    budget_hit = rows["reason"].fillna("").str.contains("archive expansion limit")
    assert len(rows) == 250 and budget_hit.any()
    read = rows[~budget_hit]  # read members are 1 MB single lines: over the record limit, not loaded
    assert 0 < len(read) <= 200 * max((root / "many-small.zip").stat().st_size, MB) // MB


def test_nothing_from_outside_the_folder_is_read_and_nothing_is_written(fault):
    base, root, corpus = fault
    raw = corpus.full_articles()["raw_text"]
    assert not raw.str.contains("outside the folder").any()
    assert not raw.str.contains("(evil)", regex=False).any()
    assert sorted(p.name for p in base.iterdir()) == ["corpus", "outside"]  # no member was written out


def test_every_item_is_accounted_for(fault):
    _, root, corpus = fault
    expected = {str(root / name) for name in SMALL} | {str(root / n) for n in ("loop.txt", "escape.txt", "pipe.txt")}
    expected.add(str(root / "sub" / "again"))
    assert set(corpus.report["path"]) == expected
    assert corpus.report.loc[corpus.report["status"] == "skipped", "reason"].notna().all()
    assert corpus.report.loc[corpus.report["status"] == "loaded", "records"].sum() == len(corpus.articles)


def test_a_50_mb_text_is_refused_without_decoding(tmp_path):
    line = f"{BASE}.\n".encode()
    (tmp_path / "dump.txt").write_bytes((line * (50 * MB // len(line) + 1))[:50 * MB])
    records, rows = read_records(tmp_path / "dump.txt")
    assert records == [] and len(rows) == 1
    assert rows[0]["status"] == "skipped" and f"longer than {MAX_RECORD_CHARS.value()} characters" in rows[0]["reason"]


def test_200k_line_jsonl_with_broken_lines(tmp_path):
    broken = set(range(1, 200_001, 997))
    with open(tmp_path / "big.jsonl", "w", encoding="utf-8") as fh:
        for i in range(1, 200_001):
            if i in broken:
                fh.write('{"id": "x%d", "text": "cut off\n' % i)
            else:
                fh.write(json.dumps({"id": f"r{i}", "text": f"{BASE} số {i}."}, ensure_ascii=False) + "\n")
    records, rows = read_records(tmp_path / "big.jsonl")
    assert len(records) == 200_000 - len(broken)
    head, *lines = rows
    assert head["status"] == "loaded" and head["records"] == len(records)
    assert {int(r["member"].split()[-1]) for r in lines} == broken
    assert all("not JSON" in r["reason"] for r in lines)


def test_a_lifted_limit_reads_the_long_line(tmp_path, monkeypatch):
    """Limits are environment variables: lifting one reads what it refused."""
    monkeypatch.setenv(MAX_RECORD_CHARS.name, str(2 * MB))
    (tmp_path / "long-line.txt").write_bytes(SMALL["long-line.txt"])
    records, rows = read_records(tmp_path / "long-line.txt")
    assert len(records) == 1 and rows[0]["status"] == "loaded"
