"""Property-based tests of the loader (hypothesis): whatever bytes or text arrive, it never raises,
accounts for every item, and returns tables of the declared dtypes.

Inputs: arbitrary bytes under every supported suffix; hostile Unicode (NFD, zero-width
characters, bidi marks, emoji, control characters, lone surrogates through JSON escapes) mixed
into article-like text; real-looking articles (our own templates) cut at a random byte.
A parser or extractor bug caught by the loader's safety nets ("could not parse", "extraction
failed") counts as a failure here: those nets are for production, not for hiding bugs.
Bounded for CI: derandomized (the same examples every run), no example database written,
a per-example deadline that a regex blow-up would exceed.
"""
from __future__ import annotations

import json
import tempfile
import unicodedata
from datetime import timedelta
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from loaders.io.readers import parse_unit
from loaders.io.units import KINDS, make_unit
from loaders.pipeline import load_corpus
from loaders.schema import ARTICLE_COLUMNS, LONG_TABLES, empty

BUG_REASONS = ("could not parse", "extraction failed")
BOUNDED = dict(derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
READER_SETTINGS = settings(max_examples=300, deadline=timedelta(seconds=5), **BOUNDED)
PIPELINE_SETTINGS = settings(max_examples=40, deadline=timedelta(seconds=30), **BOUNDED)

HOSTILE = [
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060",  # zero-width space, (non-)joiner, BOM, word joiner
    "\u200e", "\u200f", "\u202e", "\u2066", "\u2069",  # left/right marks, right-to-left override, isolates
    "\U0001F600", "\U0001F1FB\U0001F1F3", "\U0001F469\u200d\U0001F4BB", "\u2764\ufe0f",  # emoji, flag, ZWJ
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\t",  # controls
    "\u0301", "\u0323\u0302",  # stray combining marks
    "<script>alert(1)</script>", "&amp;", '"', ",", ";", "\n", "{", "}",
]
TITLES = ["Hội nghị Ban Chỉ đạo công tác thông tin đối ngoại tỉnh {p}",
          "{p}: sơ kết công tác thông tin đối ngoại 6 tháng đầu năm {y}",
          "Tập huấn nghiệp vụ thông tin đối ngoại năm {y}"]
SENTENCES = ["Sáng {d}/{m}, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh {p} tổ chức hội nghị sơ kết.",
             "Đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chủ trì hội nghị.",
             "Trong 6 tháng, tỉnh đón {n} đoàn khách quốc tế với 1.{n}0 lượt người, tăng so với cùng kỳ.",
             "Tham dự có đại diện Bộ Ngoại giao và {n} đại biểu các sở, ngành, địa phương.",
             "Hội nghị đề ra nhiệm vụ trọng tâm những tháng cuối năm {y}."]
PROVINCES = ["Khánh Hòa", "Nghệ An", "Lào Cai", "Thừa Thiên Huế", "Cà Mau", "TP. Hồ Chí Minh"]


def article_text(draw) -> tuple[str, str]:
    fill = {"p": draw(st.sampled_from(PROVINCES)), "y": draw(st.integers(2015, 2026)),
            "d": draw(st.integers(1, 28)), "m": draw(st.integers(1, 12)), "n": draw(st.integers(1, 99))}
    title = draw(st.sampled_from(TITLES)).format(**fill)
    body = " ".join(s.format(**fill) for s in draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6)))
    return title, body


@st.composite
def hostile_text(draw) -> str:
    """Article-like text with hostile pieces spliced in, sometimes entirely in NFD."""
    title, body = article_text(draw)
    pieces = [title, "\n", *body.split(" ")]
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(pieces)))
        piece = draw(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)))
        pieces.insert(at, piece)
    text = " ".join(pieces)
    return unicodedata.normalize("NFD", text) if draw(st.booleans()) else text


def render(kind: str, title: str, body: str) -> bytes:
    """One article as the bytes of a file of ``kind``."""
    if kind == ".html":
        page = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
        return page.encode("utf-8", errors="surrogatepass")
    if kind in (".jsonl", ".ndjson"):
        return (json.dumps({"id": "a1", "title": title, "text": body}) + "\n").encode()  # ascii: surrogates escaped
    if kind == ".csv":
        cell = body.replace('"', '""')
        return f'id,title,text\na1,"{title.replace(chr(34), chr(39))}","{cell}"\n'.encode("utf-8", errors="surrogatepass")
    return f"{title}\n\n{body}".encode("utf-8", errors="surrogatepass")


@st.composite
def truncated_file(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(sorted(KINDS)))
    title, body = article_text(draw)
    data = render(kind, title, body)
    return kind, data[:draw(st.integers(0, len(data)))]  # a download cut anywhere, even inside a character


def assert_accounted(report: list[dict] | pd.DataFrame, loaded: int) -> None:
    rows = report.to_dict("records") if isinstance(report, pd.DataFrame) else report
    assert rows, "an item without a report row"
    for row in rows:
        assert row["status"] in {"loaded", "skipped"}
        assert row["status"] == "loaded" or row["reason"], row
        assert not str(row["reason"] or "").startswith(BUG_REASONS), row
    assert sum(int(r["records"] or 0) for r in rows if r["status"] == "loaded") == loaded


def assert_texts_usable(records) -> None:
    for rec in records:
        assert rec.text.strip() and rec.text == unicodedata.normalize("NFC", rec.text), rec

def assert_declared_dtypes(corpus) -> None:
    assert corpus.full_articles().dtypes.to_dict() == empty(ARTICLE_COLUMNS).dtypes.to_dict()
    for name, columns in LONG_TABLES.items():
        assert getattr(corpus, name).dtypes.to_dict() == empty(columns).dtypes.to_dict(), name


@READER_SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(sorted(KINDS)))
def test_arbitrary_bytes_are_read_or_reported(data, suffix):
    parsed = parse_unit(make_unit(f"input{suffix}", None, data))
    assert_accounted(parsed.report, len(parsed.records))
    assert_texts_usable(parsed.records)


@READER_SETTINGS
@given(text=hostile_text(), suffix=st.sampled_from(sorted(KINDS)))
def test_hostile_unicode_is_read_or_reported(text, suffix):
    title, _, body = text.partition("\n")
    parsed = parse_unit(make_unit(f"input{suffix}", None, render(suffix, title, body)))
    assert_accounted(parsed.report, len(parsed.records))


@READER_SETTINGS
@given(body=hostile_text(), escaped=st.booleans())
@example(body="Tin \u2028 dòng\x85hai \x1c ba", escaped=False)  # separators str.splitlines() breaks lines at
@example(body="\u200b\u200d", escaped=True)  # nothing left once zero-width characters are removed
def test_any_text_in_a_valid_json_line_loads_or_is_reported_empty(body, escaped):
    line = json.dumps({"id": "a1", "text": body}, ensure_ascii=escaped).encode("utf-8")
    parsed = parse_unit(make_unit("lines.jsonl", None, line))
    assert_accounted(parsed.report, len(parsed.records))
    assert_texts_usable(parsed.records)
    assume(body.strip("\u200b\u200c\u200d\ufeff\u2060 \t\n\r"))
    assert [r.doc_id for r in parsed.records] == ["a1"], parsed.report


def load_files(files: dict[str, bytes]):
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in files.items():
            Path(tmp, name).write_bytes(data)
        corpus = load_corpus(tmp, cache_dir=False, workers=1)
        assert set(corpus.report["path"]) == {str(Path(tmp, name)) for name in files}
    return corpus


@PIPELINE_SETTINGS
@given(text=hostile_text(), suffix=st.sampled_from(sorted(KINDS)))
def test_hostile_unicode_through_the_pipeline(text, suffix):
    title, _, body = text.partition("\n")
    corpus = load_files({f"hostile{suffix}": render(suffix, title, body)})
    assert_accounted(corpus.report, len(corpus.articles))
    assert_declared_dtypes(corpus)


@PIPELINE_SETTINGS
@given(files=st.lists(truncated_file(), min_size=1, max_size=3))
def test_truncated_articles_through_the_pipeline(files):
    corpus = load_files({f"cut{i}{kind}": data for i, (kind, data) in enumerate(files)})
    assert_accounted(corpus.report, len(corpus.articles))
    assert_declared_dtypes(corpus)
