"""Units -> ``RawRecord``s, accounting for every record: loaded, or in the report with its reason.

Supported: .txt/.md (one article, doc_id = file stem), .html/.htm (one article through
trafilatura), .jsonl/.ndjson (``id``, ``text``, optional ``url``/``title``/``published``),
.csv (a text column; ``id`` column else the row number). In a zip, a one-article member's
doc_id is its path inside the zip. Report rows:

    path, member, status (loaded | skipped), reason, records
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import settings
from ..textnorm import nfc, strip_marks
from ..types import RawRecord
from .decode import SNIFF_BYTES, decode_bytes, is_plain_utf8
from .units import KINDS, Skip, Unit, iter_units, report_row

# CSV header names (folded: no diacritics, lower case, '_' for spaces) per RawRecord field.
CSV_TEXT_COLUMNS = ("text", "content", "body", "noi_dung", "noidung", "full_text", "fulltext",
                    "toan_van", "van_ban", "bai_viet", "article", "article_text")
CSV_ID_COLUMNS = ("id", "doc_id", "docid", "article_id", "ma")
CSV_TITLE_COLUMNS = ("title", "tieu_de", "tieude", "headline")
CSV_URL_COLUMNS = ("url", "link", "source_url", "duong_dan", "lien_ket")
CSV_PUBLISHED_COLUMNS = ("published", "published_at", "publish_date", "date", "ngay_dang", "ngay_xuat_ban")
CSV_DELIMITERS = ",;\t|"
CSV_SNIFF_CHARS = 65536
MAX_BYTES_PER_CHAR = 4  # no encoding we read spends more: more bytes than 4 x the limit is over it
HTML_CHARSET_RE = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
# Dates from page metadata only: htmldate's extensive search guesses from any date in the
# text (a resolution's year, a footer), and a wrong hint misleads the year of the meeting.
HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}

log = logging.getLogger(__name__)


@dataclass
class Parsed:
    records: list[RawRecord]
    report: list[dict]



def _stem(unit: Unit) -> str:
    return PurePosixPath(unit.member).stem if unit.member else Path(unit.path).stem


def _article_id(unit: Unit) -> str:
    """One-article files: the file stem; zip members: the member path inside the zip."""
    return unit.member if unit.member else Path(unit.path).stem


def _optional_str(value) -> str | None:
    if value is None:
        return None
    value = nfc(str(value)).strip()
    return value or None


def _too_long_reason() -> str:
    return f"text longer than {settings.MAX_RECORD_CHARS.value()} characters ({settings.MAX_RECORD_CHARS.name})"


def _too_long(text: str) -> str | None:
    return _too_long_reason() if len(text) > settings.MAX_RECORD_CHARS.value() else None


def _check_length(text: str) -> None:
    reason = _too_long(text)
    if reason:
        raise Skip(reason)


def _parse_text(unit: Unit, rows: list[dict]) -> tuple[list[RawRecord], str | None]:
    if len(unit.data) > MAX_BYTES_PER_CHAR * settings.MAX_RECORD_CHARS.value():
        raise Skip(_too_long_reason())  # surely over the limit: not worth decoding
    text, note = decode_bytes(unit.data)
    if not text.strip():
        raise Skip("empty file (whitespace only)")
    _check_length(text)
    return [RawRecord(doc_id=_article_id(unit), source=unit.source, text=text)], note


def _parse_html(unit: Unit, rows: list[dict]) -> tuple[list[RawRecord], str | None]:
    import trafilatura  # imported late: slow to import, only HTML needs it

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    declared = HTML_CHARSET_RE.search(unit.data[:SNIFF_BYTES])
    page, note = decode_bytes(unit.data, declared.group(1).decode("ascii") if declared else None)
    if not page.strip():
        raise Skip("empty file (whitespace only)")
    try:
        doc = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True,
                                          favor_recall=True, date_extraction_params=HTML_DATE_PARAMS)
    except Exception as exc:  # trafilatura on hostile markup: report, never crash the run
        log.debug("trafilatura failed on %s: %s", unit.source, exc)
        doc = None
    text = nfc(getattr(doc, "text", None) or "")
    if not text.strip():
        text = nfc(trafilatura.html2txt(page) or "")
    if not text.strip():
        raise Skip("HTML page has no extractable text")
    _check_length(text)
    rec = RawRecord(doc_id=_article_id(unit), source=unit.source, text=text,
                    url=_optional_str(getattr(doc, "url", None)),
                    title=_optional_str(getattr(doc, "title", None)),
                    published=_optional_str(getattr(doc, "date", None)), html=True)
    return [rec], note


def _accepted(unit: Unit, where: str, rec: RawRecord, seen: set[str], rows: list[dict]) -> RawRecord | None:
    """One record of a table file (JSONL line, CSV row; its text already NFC), or None with a report row."""
    if rec.doc_id in seen:
        rows.append(report_row(unit.path, where, "skipped", f"duplicate doc_id {rec.doc_id!r}"))
        return None
    why = _too_long(rec.text) or (None if rec.text.strip() else "record has no text (only invisible characters)")
    if why:
        rows.append(report_row(unit.path, where, "skipped", why))
        return None
    seen.add(rec.doc_id)
    return rec


def _jsonl_lines(unit: Unit) -> tuple[Iterator[str], str | None]:
    """The lines of a JSONL unit, decoded one at a time when the file is plain UTF-8 (the usual
    case: a big file is never held as text), else through the whole-file decoding of io/decode.py."""
    data = unit.data
    if is_plain_utf8(data):
        # b"\n" only: str.splitlines() also breaks at U+2028 and other separators JSON strings may hold
        return (line.decode("utf-8") for line in io.BytesIO(data)), None
    text, note = decode_bytes(data)
    return iter(text.split("\n")), note


def _jsonl_records(unit: Unit, lines: Iterator[str], rows: list[dict]) -> Iterator[RawRecord]:
    seen: set[str] = set()
    prefix = f"{unit.member} " if unit.member else ""
    kept = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{prefix}line {lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(report_row(unit.path, where, "skipped", f"line is not JSON ({exc.msg})"))
            continue
        if not isinstance(obj, dict):
            rows.append(report_row(unit.path, where, "skipped", "line is not a JSON object"))
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            rows.append(report_row(unit.path, where, "skipped", "record has no text"))
            continue
        rec = _accepted(unit, where, RawRecord(
            doc_id=_optional_str(obj.get("id")) or f"{_stem(unit)}:{lineno}", source=unit.source, text=nfc(body),
            url=_optional_str(obj.get("url")), title=_optional_str(obj.get("title")),
            published=_optional_str(obj.get("published"))), seen, rows)
        if rec is not None:
            kept += 1
            yield rec
    if not kept and not rows:
        raise Skip("empty file (no JSON lines)")


def _parse_jsonl(unit: Unit, rows: list[dict]) -> tuple[Iterator[RawRecord], str | None]:
    lines, note = _jsonl_lines(unit)
    return _jsonl_records(unit, lines, rows), note


def _column_key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", strip_marks(name or "").strip())


def _pick_column(header: list[str], candidates: tuple[str, ...]) -> str | None:
    keys = {_column_key(h): h for h in reversed(header)}  # first occurrence wins
    return next((keys[c] for c in candidates if c in keys), None)


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _csv_reader(text: str) -> tuple[Iterator[list[str]], list[str]]:
    """A CSV reader past the header (delimiter sniffed from the first line), and the header."""
    first_line = text[:CSV_SNIFF_CHARS].split("\n", 1)[0]  # bounded: the Sniffer is slow on long lines
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    try:
        return reader, next(reader)
    except (csv.Error, StopIteration) as exc:
        raise Skip(f"unreadable CSV header ({exc})") from None


def _csv_rows(reader, unit: Unit, prefix: str, rows: list[dict], text: str):
    """(row number, cells) of every non-empty row; a structural error ends the file with a report row.

    An opening quote never closed makes the reader swallow the rest of the file into one cell:
    that last row is reported instead of loaded, so the rows it swallowed do not vanish silently.
    """
    rownum, last = 0, None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append(report_row(unit.path, f"{prefix}row {rownum + 1}", "skipped", f"broken CSV row ({exc})"))
            break  # the reader cannot resynchronise after a structural error
        rownum += 1
        if last is not None:
            yield last
        last = (rownum, row) if any(cell.strip() for cell in row) else None
    if last is not None:
        if last[1] and "\n" in last[1][-1] and not text.rstrip("\r\n").endswith('"'):
            rows.append(report_row(unit.path, f"{prefix}row {last[0]}", "skipped",
                                   "unterminated quote: the rest of the file ran into this row"))
        else:
            yield last


def _parse_csv(unit: Unit, rows: list[dict]) -> tuple[Iterator[RawRecord], str | None]:
    text, note = decode_bytes(unit.data)
    if not text.strip():
        raise Skip("empty file (whitespace only)")
    reader, header = _csv_reader(text)
    text_col = _pick_column(header, CSV_TEXT_COLUMNS)
    if text_col is None:
        raise Skip(f"CSV has no text column (looked for {', '.join(CSV_TEXT_COLUMNS[:4])}, ...; "
                   f"found {', '.join(h for h in header[:8])})")
    return _csv_records(unit, text, reader, header, text_col, rows), note


def _csv_records(unit: Unit, text: str, reader, header: list[str], text_col: str,
                 rows: list[dict]) -> Iterator[RawRecord]:
    index = {name: header.index(name) for name in header}
    cols = {f: _pick_column(header, c) for f, c in (("id", CSV_ID_COLUMNS), ("title", CSV_TITLE_COLUMNS),
                                                   ("url", CSV_URL_COLUMNS), ("published", CSV_PUBLISHED_COLUMNS))}
    seen: set[str] = set()
    prefix = f"{unit.member} " if unit.member else ""
    kept = 0
    for rownum, row in _csv_rows(reader, unit, prefix, rows, text):
        def cell(name, row=row):
            i = index.get(name) if name else None
            return row[i] if i is not None and i < len(row) else None

        extra = sum(1 for c in row[len(header):] if c.strip())
        if extra:  # usually an unquoted delimiter inside the text: loading it would cut the text short
            rows.append(report_row(unit.path, f"{prefix}row {rownum}", "skipped",
                                   f"row has {extra} more non-empty cell(s) than the header's {len(header)} "
                                   "columns (an unquoted delimiter?)"))
            continue
        body = cell(text_col)
        if not body or not body.strip():
            rows.append(report_row(unit.path, f"{prefix}row {rownum}", "skipped", "row has no text"))
            continue
        rec = _accepted(unit, f"{prefix}row {rownum}", RawRecord(
            doc_id=_optional_str(cell(cols["id"])) or f"{_stem(unit)}:{rownum}", source=unit.source, text=nfc(body),
            url=_optional_str(cell(cols["url"])), title=_optional_str(cell(cols["title"])),
            published=_optional_str(cell(cols["published"]))), seen, rows)
        if rec is not None:
            kept += 1
            yield rec
    if not kept and not rows:
        raise Skip("CSV has a header but no rows")


# Each parser: (unit, the list its records' report rows go to) -> (its records, lazily for the table
# formats, and the decoding note); raises Skip before its first record when the unit is unusable.
PARSERS = {"text": _parse_text, "html": _parse_html, "jsonl": _parse_jsonl, "csv": _parse_csv}


class Streamed:
    """One unit's records as they are read, never all held at once (a 300 MB JSONL is read line
    by line); ``report`` (the unit's own row first, then a row per record not loaded) is complete
    once ``records`` is exhausted. Never raises."""

    def __init__(self, unit: Unit):
        self.unit = unit
        self.report: list[dict] = []
        self.records = self._read()

    def _read(self) -> Iterator[RawRecord]:
        unit, count, note, failed = self.unit, 0, None, None
        rows: list[dict] = []
        if not unit.data:
            self.report.append(report_row(unit.path, unit.member, "skipped", "empty file"))
            return
        try:
            records, note = PARSERS[KINDS[unit.suffix]](unit, rows)
            for rec in records:
                count += 1
                yield rec
        except Skip as exc:  # raised before a unit's first record (a parser's checks come first)
            self.report.append(report_row(unit.path, unit.member, "skipped", str(exc)))
            return
        except Exception as exc:  # a parser bug must not stop the run: report it as the reason
            log.exception("failed to parse %s", unit.source)
            failed = f"({type(exc).__name__}: {exc})"
        if count:  # records already handed on stay loaded; the row says where reading stopped
            reason = f"could not parse the rest {failed}" if failed else note
            head = report_row(unit.path, unit.member, "loaded", reason, count)
        else:
            head = report_row(unit.path, unit.member, "skipped",
                              f"could not parse {failed}" if failed else "no usable records")
        self.report[:] = [head, *rows]


def parse_unit(unit: Unit) -> Parsed:
    """Records of one unit and its report rows (the unit's own row first), all read. Never raises."""
    streamed = Streamed(unit)
    records = list(streamed.records)
    return Parsed(records, streamed.report)


def read_records(path: str | os.PathLike) -> tuple[list[RawRecord], list[dict]]:
    """Every record under ``path`` and the report rows (no cache, no duplicate check across files)."""
    records: list[RawRecord] = []
    rows: list[dict] = []
    for item in iter_units(path):
        if isinstance(item, dict):
            rows.append(item)
            continue
        parsed = parse_unit(item)
        records.extend(parsed.records)
        rows.extend(parsed.report)
    return records, rows
