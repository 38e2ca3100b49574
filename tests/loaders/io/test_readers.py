"""Reading inputs into RawRecords: every format, every encoding, every file accounted for."""
import codecs
import json
import unicodedata

import pytest

from loaders.io import readers
from loaders.io.decode import UTF8_CHECK_BYTES, decode_bytes, is_plain_utf8
from loaders.io.readers import Streamed, parse_unit, read_records
from loaders.io.units import Skip, iter_units, unsafe_member_reason
from tests.loaders.io.encoded import cp1258, zip_bytes

SENTENCE = "Sáng 18/7, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Khánh Hòa họp sơ kết."




def load_one(tmp_path, name, data):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return read_records(path)


@pytest.mark.parametrize("data", [
    pytest.param(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), id="utf-8 with BOM"),
    pytest.param(SENTENCE.encode("utf-16"), id="utf-16 with BOM (platform order)"),
    pytest.param(codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), id="utf-16 big-endian BOM"),
    pytest.param(SENTENCE.encode("utf-16-le"), id="utf-16 little-endian without BOM"),
    pytest.param(cp1258(SENTENCE), id="windows-1258 with combining tone marks"),
    pytest.param(unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), id="NFD utf-8 is normalised to NFC"),
    pytest.param(SENTENCE.encode("utf-8"), id="plain utf-8"),
])
def test_encodings_decode_to_the_same_nfc_text(data):
    text, _ = decode_bytes(data)
    assert text == SENTENCE


def test_windows_1258_is_named_in_the_note():
    _, note = decode_bytes(cp1258(SENTENCE))
    assert note == "windows-1258"


def test_a_few_damaged_utf8_bytes_are_replaced_not_fatal():
    data = (SENTENCE * 3).encode("utf-8") + b"\xff" + SENTENCE.encode("utf-8")
    text, note = decode_bytes(data)
    assert SENTENCE in text and "replaced" in note


HTML = ("<html><head><meta charset='utf-8'><title>Họp Ban Chỉ đạo thông tin đối ngoại</title>"
        "<meta property='article:published_time' content='2022-07-18T09:07:00+07:00'></head><body>"
        "<nav>Trang chủ | Tin tức</nav><article><h1>Họp Ban Chỉ đạo thông tin đối ngoại</h1>"
        f"<p>{SENTENCE}</p><p>Hội nghị đánh giá kết quả sáu tháng đầu năm và đề ra nhiệm vụ cuối năm.</p>"
        "</article><footer>Bản quyền thuộc về tòa soạn</footer></body></html>")


@pytest.mark.parametrize("name,data,doc_ids", [
    pytest.param("a/bai-01.txt", SENTENCE.encode(), ["bai-01"], id="txt: doc_id is the file stem"),
    pytest.param("notes.md", f"# Tin\n\n{SENTENCE}".encode(), ["notes"], id="markdown: doc_id is the file stem"),
    pytest.param("page.html", HTML.encode(), ["page"], id="html page through trafilatura"),
    pytest.param("x.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "n1", "text": SENTENCE, "url": "https://baokhanhhoa.vn/a", "gold": {"x": 1}},
        {"id": 7, "text": SENTENCE, "title": "Tiêu đề"}]).encode(), ["n1", "7"], id="jsonl ids, other keys ignored"),
    pytest.param("x.ndjson", json.dumps({"id": "q", "text": SENTENCE}).encode(), ["q"], id="ndjson is jsonl"),
    pytest.param("t.csv", f'id,text\nk1,"{SENTENCE}"\n'.encode(), ["k1"], id="csv with id and text"),
    pytest.param("t.csv", f'content,title\n"{SENTENCE}",Tin\n'.encode(), ["t:1"], id="csv content column, row number id"),
    pytest.param("t.csv", f'stt;Nội dung\n1;"{SENTENCE}"\n'.encode(), ["t:1"], id="csv semicolons and a Vietnamese header"),
    pytest.param("t.csv", f'id,body\nm,"dòng một\n{SENTENCE}"\n'.encode(), ["m"], id="csv quoted multi-line text"),
    pytest.param("z.zip", zip_bytes({"sub/a.txt": SENTENCE.encode(), "b.jsonl": json.dumps({"id": "j", "text": SENTENCE}).encode()}),
                 ["b.jsonl", "sub/a.txt"], id="zip: member path ids, jsonl members keep their ids"),
])
def test_formats(tmp_path, name, data, doc_ids):
    records, rows = load_one(tmp_path, name, data)
    got = [r.doc_id for r in records]
    if name.endswith(".zip"):
        assert sorted(got) == sorted(["j", "sub/a.txt"]) and all("z.zip!" in r.source for r in records)
        assert sorted(r["member"] for r in rows) == doc_ids
    else:
        assert got == doc_ids
    assert all(SENTENCE in r.text for r in records)
    assert all(row["status"] == "loaded" for row in rows)


def test_html_record_carries_title_date_and_flag(tmp_path):
    (rec,), _ = load_one(tmp_path, "page.html", HTML.encode())
    assert rec.html and rec.title == "Họp Ban Chỉ đạo thông tin đối ngoại"
    assert rec.published == "2022-07-18"
    assert "Bản quyền" not in rec.text


def test_html_in_windows_1258_declared_in_meta(tmp_path):
    page = HTML.replace("charset='utf-8'", "charset='windows-1258'")
    (rec,), _ = load_one(tmp_path, "old.htm", cp1258(page))
    assert SENTENCE in rec.text


def test_jsonl_and_csv_optional_fields(tmp_path):
    rows = [{"id": "a", "text": SENTENCE, "url": "https://x.vn/1", "title": "T", "published": "2022-07-18"}]
    (rec,), _ = load_one(tmp_path, "x.jsonl", json.dumps(rows[0], ensure_ascii=False).encode())
    assert (rec.url, rec.title, rec.published) == ("https://x.vn/1", "T", "2022-07-18")
    (rec,), _ = load_one(tmp_path, "y.csv", f'id,link,tieu_de,ngay_dang,noi_dung\nb,https://x.vn/2,T2,2022-07-19,"{SENTENCE}"\n'.encode())
    assert (rec.doc_id, rec.url, rec.title, rec.published) == ("b", "https://x.vn/2", "T2", "2022-07-19")


def test_folder_is_walked_recursively_in_a_stable_order(tmp_path):
    for name in ["b.txt", "a/c.txt", "a/b/d.txt", ".hidden/e.txt", ".DS_Store", "f.pdf"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"{SENTENCE} {name}".encode())
    records, rows = read_records(tmp_path)
    assert [r.doc_id for r in records] == ["d", "c", "b"]  # a/b/d, a/c, b: sorted paths
    skipped = {row["path"].rsplit("/", 1)[-1]: row["reason"] for row in rows if row["status"] == "skipped"}
    assert set(skipped) == {".hidden", ".DS_Store", "f.pdf"}
    assert "unsupported" in skipped["f.pdf"] and "hidden" in skipped[".hidden"]


@pytest.mark.parametrize("name,unsafe", [
    pytest.param("a/b.txt", False, id="plain relative path"),
    pytest.param("../../x.txt", True, id="parent traversal"),
    pytest.param("a/../../x.txt", True, id="traversal in the middle"),
    pytest.param("/etc/passwd", True, id="absolute posix path"),
    pytest.param("C:/win.txt", True, id="absolute windows drive"),
    pytest.param("..\\..\\x.txt", True, id="backslash traversal"),
    pytest.param("a..b.txt", False, id="dots inside a name are fine"),
])
def test_unsafe_zip_member_names(name, unsafe):
    assert (unsafe_member_reason(name) is not None) == unsafe


def test_units_carry_a_content_digest(tmp_path):
    (tmp_path / "a.txt").write_bytes(SENTENCE.encode())
    (unit,) = list(iter_units(tmp_path))
    assert len(unit.digest) == 64
    assert parse_unit(unit).records[0].source.endswith("a.txt")


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(iter_units(tmp_path / "nope"))


def test_html_date_comes_from_metadata_not_from_the_text(tmp_path):
    page = (f"<html><head><title>Tin</title></head><body><article><h1>Hội nghị thông tin đối ngoại năm 2022</h1>"
            f"<p>Thực hiện Nghị quyết ngày 14/02/2012 của Bộ Chính trị. {SENTENCE}</p></article></body></html>")
    (rec,), _ = load_one(tmp_path, "nodate.html", page.encode())
    assert rec.published is None  # a guessed date would mislead the meeting year


LINE = json.dumps({"id": "x", "text": SENTENCE}, ensure_ascii=False).encode("utf-8") + b"\n"


@pytest.mark.parametrize("data, plain", [
    pytest.param(LINE * 3, True, id="utf-8 lines: read line by line"),
    pytest.param(b"", True, id="empty: nothing to decode"),
    pytest.param("ệ".encode() * (UTF8_CHECK_BYTES // 3 + 1), True,
                 id="a character cut by the validation slices is still valid"),
    pytest.param(LINE * 3 + b"\xff", False, id="one bad byte, even at the end: the whole-file repair"),
    pytest.param(codecs.BOM_UTF8 + LINE, False, id="byte-order mark: whole-file decoding drops it"),
    pytest.param(LINE.decode().encode("utf-16-le"), False, id="utf-16 without a mark"),
    pytest.param(cp1258(SENTENCE), False, id="windows-1258"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + LINE, False, id="a file signature: binary"),
    pytest.param(b"\x01\x02\x03\x04" * 100 + LINE, False, id="control bytes: binary"),
])
def test_plain_utf8_is_what_decode_bytes_reads_without_a_note(data, plain):
    assert is_plain_utf8(data) is plain
    if plain:
        try:
            assert decode_bytes(data) == (unicodedata.normalize("NFC", data.decode("utf-8")), None)
        except Skip:
            assert not data.strip(), "only an empty file is skipped"


def test_a_jsonl_is_handed_on_record_by_record_and_reported_when_read(tmp_path):
    unit = next(iter_units(_write(tmp_path / "lines.jsonl", LINE.replace(b'"x"', b'"a"') + LINE.replace(b'"x"', b'"b"'))))
    streamed = Streamed(unit)
    first = next(streamed.records)
    assert first.doc_id == "a" and streamed.report == [], "the first record before the second line is read"
    assert [r.doc_id for r in streamed.records] == ["b"]
    assert streamed.report[0]["status"] == "loaded" and streamed.report[0]["records"] == 2


def test_a_parser_failure_midway_keeps_the_records_read_and_says_where_it_stopped(tmp_path, monkeypatch):
    lines = b"".join(LINE.replace(b'"x"', f'"{i}"'.encode()) for i in range(3))
    real = json.loads

    def fail_on_the_third(line, *args, **kwargs):
        if '"2"' in line:
            raise RuntimeError("parser bug")
        return real(line, *args, **kwargs)

    monkeypatch.setattr(readers.json, "loads", fail_on_the_third)
    parsed = parse_unit(next(iter_units(_write(tmp_path / "lines.jsonl", lines))))
    assert [r.doc_id for r in parsed.records] == ["0", "1"]
    head = parsed.report[0]
    assert head["status"] == "loaded" and head["records"] == 2 and "could not parse the rest" in head["reason"]


def _write(path, data):
    path.write_bytes(data)
    return path
