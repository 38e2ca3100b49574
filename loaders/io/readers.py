"""Read inputs from disk into ``RawRecord``s, accounting for every file and record.

Input is a folder (walked recursively), a single file, or a .zip of them. A *unit* is one
file or one zip member: the thing the cache keys on (by its sha256). Parsing a unit gives
its records plus report rows; nothing here raises on bad input, it reports a reason instead:

    path, member, status (loaded | skipped), reason, records

Supported: .txt/.md (one article, doc_id = file stem), .html/.htm (one article through
trafilatura), .jsonl/.ndjson (``id``, ``text``, optional ``url``/``title``/``published``),
.csv (a text column; ``id`` column else the row number). In a zip, a one-article member's
doc_id is its path inside the zip.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import logging
import os
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import settings
from ..types import RawRecord
from ..textnorm import nfc, strip_marks

ARTICLE_KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
TABLE_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
KINDS = {**ARTICLE_KINDS, **TABLE_KINDS}
ARCHIVE_SUFFIXES = {".zip"}

# CSV header names (folded: no diacritics, lower case, '_' for spaces) per RawRecord field.
CSV_TEXT_COLUMNS = ("text", "content", "body", "noi_dung", "noidung", "full_text", "fulltext",
                    "toan_van", "van_ban", "bai_viet", "article", "article_text")
CSV_ID_COLUMNS = ("id", "doc_id", "docid", "article_id", "ma")
CSV_TITLE_COLUMNS = ("title", "tieu_de", "tieude", "headline")
CSV_URL_COLUMNS = ("url", "link", "source_url", "duong_dan", "lien_ket")
CSV_PUBLISHED_COLUMNS = ("published", "published_at", "publish_date", "date", "ngay_dang", "ngay_xuat_ban")
CSV_DELIMITERS = ",;\t|"

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x1f\x8b")
SNIFF_BYTES = 8192
CONTROL_BYTES = set(range(0, 32)) - {9, 10, 11, 12, 13, 27}
MAX_CONTROL_SHARE = 0.05  # more control bytes than this in the first 8 KB: not text
HTML_CHARSET_RE = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
# Letters only Vietnamese (of the Latin-script languages likely here) writes often.
VIETNAMESE_LETTERS = frozenset(
    ch for ch in map(chr, range(0xC0, 0x1EFA))
    if ch in "đĐ" or (len(unicodedata.normalize("NFD", ch)) > 1
                      and unicodedata.normalize("NFD", ch)[0] in "aeiouyAEIOUY")
)
MIN_VIETNAMESE_SHARE = 0.05  # share of letters with Vietnamese marks for a windows-1258 guess
MIN_LATIN_SHARE = 0.9  # a charset-normalizer guess must read as Latin-script text
BOMB_MIN_BYTES = 1024 * 1024
# Dates from page metadata only: htmldate's extensive search guesses from any date in the
# text (a resolution's year, a footer), and a wrong hint misleads the year of the meeting.
HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}  # small members may compress extremely well without being bombs

log = logging.getLogger(__name__)


class Skip(Exception):
    """A unit or record that cannot be loaded; the message is the report's reason."""


@dataclass(frozen=True)
class Unit:
    """One input file or zip member, with its bytes and content digest (the cache key)."""

    path: str
    member: str | None
    data: bytes = field(repr=False)
    digest: str = ""

    @property
    def source(self) -> str:
        return f"{self.path}!{self.member}" if self.member else self.path

    @property
    def name(self) -> str:
        return self.member or self.path

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()


@dataclass
class Parsed:
    records: list[RawRecord]
    report: list[dict]


def report_row(path: str, member: str | None, status: str, reason: str | None, records: int = 0) -> dict:
    return {"path": str(path), "member": member, "status": status, "reason": reason, "records": records}


def make_unit(path: str, member: str | None, data: bytes) -> Unit:
    return Unit(path=str(path), member=member, data=data, digest=hashlib.sha256(data).hexdigest())


# ---------------------------------------------------------------- decoding


def _looks_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith(BINARY_MAGIC) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in CONTROL_BYTES)
    return bool(head) and controls / len(head) > MAX_CONTROL_SHARE


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII-heavy text has NUL in every other byte."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 2]
    half = len(head) // 2
    if half < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha()]


def _looks_vietnamese(text: str) -> bool:
    letters = _letters(unicodedata.normalize("NFC", text))
    if not letters:
        return False
    odd = sum(1 for ch in text if "\x80" <= ch <= "\x9f" or ch in "‚ƒ„†‡ˆ‰‹Œ‘’“”•˜™›œŸ¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾")
    viet = sum(1 for ch in letters if ch in VIETNAMESE_LETTERS)
    return viet / len(letters) >= MIN_VIETNAMESE_SHARE and odd / max(len(text), 1) < 0.01


def _looks_latin_text(text: str) -> bool:
    letters = _letters(text)
    if len(letters) < 0.3 * max(1, len(text.strip())):
        return False
    latin = sum(1 for ch in letters if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))
    return latin / len(letters) >= MIN_LATIN_SHARE


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(invalid bytes, valid non-ASCII characters) when read as UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return bad, good


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Text of ``data`` (NFC) and a note naming any non-UTF-8 encoding or repair; raises Skip.

    Order: byte-order mark, UTF-16 without mark, UTF-8, the charset a page declares,
    UTF-8 with a few damaged bytes, windows-1258 (Vietnamese, combining tone marks),
    then charset-normalizer's best guess if it reads as Latin-script text.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return nfc(data.decode(encoding)), (None if encoding == "utf-8-sig" else encoding)
            except UnicodeDecodeError:
                raise Skip(f"invalid {encoding} text after its byte-order mark") from None
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            return nfc(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    if _looks_binary(data):
        raise Skip("binary file, not text")
    try:
        return nfc(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            text = data.decode(declared)
            if _looks_latin_text(text):
                return nfc(text), declared.lower()
        except (LookupError, UnicodeDecodeError):
            pass
    bad, good = _utf8_damage(data)
    if good and bad * 20 <= good:
        return nfc(data.decode("utf-8", errors="replace")), f"{bad} invalid UTF-8 byte(s) replaced"
    try:
        text = data.decode("cp1258")
        if _looks_vietnamese(text):
            return nfc(text), "windows-1258"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: only odd files need it

    best = from_bytes(data).best()
    if best is not None and _looks_latin_text(str(best)):
        return nfc(str(best)), best.encoding
    raise Skip("invalid UTF-8 and no other known encoding reads it as text")


# ---------------------------------------------------------------- parsing one unit


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


def _check_length(text: str) -> None:
    limit = settings.MAX_RECORD_CHARS.value()
    if len(text) > limit:
        raise Skip(f"text longer than {limit} characters")


def _parse_text(unit: Unit) -> tuple[list[RawRecord], list[dict], str | None]:
    text, note = decode_bytes(unit.data)
    if not text.strip():
        raise Skip("empty file (whitespace only)")
    _check_length(text)
    return [RawRecord(doc_id=_article_id(unit), source=unit.source, text=text)], [], note


def _parse_html(unit: Unit) -> tuple[list[RawRecord], list[dict], str | None]:
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
    return [rec], [], note


def _accept_record(unit: Unit, where: str, rec: RawRecord, seen: set[str],
                   records: list[RawRecord], rows: list[dict]) -> None:
    """Keep one record of a table file (JSONL line, CSV row), or report why it is skipped."""
    if rec.doc_id in seen:
        rows.append(report_row(unit.path, where, "skipped", f"duplicate doc_id {rec.doc_id!r}"))
        return
    text = nfc(rec.text)
    if len(text) > settings.MAX_RECORD_CHARS.value():
        rows.append(report_row(unit.path, where, "skipped",
                               f"text longer than {settings.MAX_RECORD_CHARS.value()} characters"))
        return
    seen.add(rec.doc_id)
    records.append(replace(rec, text=text))


def _parse_jsonl(unit: Unit) -> tuple[list[RawRecord], list[dict], str | None]:
    text, note = decode_bytes(unit.data)
    records: list[RawRecord] = []
    rows: list[dict] = []
    seen: set[str] = set()
    prefix = f"{unit.member} " if unit.member else ""
    for lineno, line in enumerate(text.splitlines(), start=1):
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
        _accept_record(unit, where, RawRecord(
            doc_id=_optional_str(obj.get("id")) or f"{_stem(unit)}:{lineno}", source=unit.source, text=body,
            url=_optional_str(obj.get("url")), title=_optional_str(obj.get("title")),
            published=_optional_str(obj.get("published"))), seen, records, rows)
    if not records and not rows:
        raise Skip("empty file (no JSON lines)")
    return records, rows, note


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


def _parse_csv(unit: Unit) -> tuple[list[RawRecord], list[dict], str | None]:
    text, note = decode_bytes(unit.data)
    if not text.strip():
        raise Skip("empty file (whitespace only)")
    first_line = text.split("\n", 1)[0]
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        raise Skip(f"unreadable CSV header ({exc})") from None
    text_col = _pick_column(header, CSV_TEXT_COLUMNS)
    if text_col is None:
        raise Skip(f"CSV has no text column (looked for {', '.join(CSV_TEXT_COLUMNS[:4])}, ...; "
                   f"found {', '.join(h for h in header[:8])})")
    index = {name: header.index(name) for name in header}
    cols = {f: _pick_column(header, c) for f, c in (("id", CSV_ID_COLUMNS), ("title", CSV_TITLE_COLUMNS),
                                                   ("url", CSV_URL_COLUMNS), ("published", CSV_PUBLISHED_COLUMNS))}
    records: list[RawRecord] = []
    rows: list[dict] = []
    seen: set[str] = set()
    prefix = f"{unit.member} " if unit.member else ""
    rownum = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            rows.append(report_row(unit.path, f"{prefix}row {rownum + 1}", "skipped", f"broken CSV row ({exc})"))
            break  # the reader cannot resynchronise after a structural error
        rownum += 1
        if not any(cell.strip() for cell in row):
            continue
        where = f"{prefix}row {rownum}"

        def cell(name):
            i = index.get(name) if name else None
            return row[i] if i is not None and i < len(row) else None

        body = cell(text_col)
        if not body or not body.strip():
            rows.append(report_row(unit.path, where, "skipped", "row has no text"))
            continue
        _accept_record(unit, where, RawRecord(
            doc_id=_optional_str(cell(cols["id"])) or f"{_stem(unit)}:{rownum}", source=unit.source, text=body,
            url=_optional_str(cell(cols["url"])), title=_optional_str(cell(cols["title"])),
            published=_optional_str(cell(cols["published"]))), seen, records, rows)
    if not records and not rows:
        raise Skip("CSV has a header but no rows")
    return records, rows, note


PARSERS = {"text": _parse_text, "html": _parse_html, "jsonl": _parse_jsonl, "csv": _parse_csv}


def parse_unit(unit: Unit) -> Parsed:
    """Records of one unit and its report rows (the unit's own row first). Never raises."""
    if not unit.data:
        return Parsed([], [report_row(unit.path, unit.member, "skipped", "empty file")])
    try:
        records, rows, note = PARSERS[KINDS[unit.suffix]](unit)
    except Skip as exc:
        return Parsed([], [report_row(unit.path, unit.member, "skipped", str(exc))])
    except Exception as exc:  # a parser bug must not stop the run: report it as the reason
        log.exception("failed to parse %s", unit.source)
        return Parsed([], [report_row(unit.path, unit.member, "skipped", f"could not parse ({type(exc).__name__}: {exc})")])
    if records:
        head = report_row(unit.path, unit.member, "loaded", note, len(records))
    else:
        head = report_row(unit.path, unit.member, "skipped", "no usable records")
    return Parsed(records, [head, *rows])


# ---------------------------------------------------------------- finding units


def _size_limit(suffix: str) -> int:
    if suffix in TABLE_KINDS:
        return settings.MAX_TABLE_FILE_BYTES.value()
    return settings.MAX_ARTICLE_FILE_BYTES.value()


def _mb(n: int) -> str:
    return f"{n / settings.MB:.1f} MB"


def _is_hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts)


def unsafe_member_reason(name: str) -> str | None:
    """Why a zip member name must not be used (path traversal, absolute path), else None."""
    posix = name.replace("\\", "/")
    if "\x00" in posix:
        return "unsafe zip member name (NUL byte)"
    if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix):
        return "unsafe zip member (absolute path)"
    if ".." in PurePosixPath(posix).parts:
        return "unsafe zip member (path escapes the archive with '..')"
    return None


def _zip_units(path: Path) -> Iterator[Unit | dict]:
    size = path.stat().st_size
    if size > settings.MAX_ARCHIVE_BYTES.value():
        yield report_row(str(path), None, "skipped", f"archive over size limit ({_mb(size)})")
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield report_row(str(path), None, "skipped", f"not a readable zip archive ({exc})")
        return
    budget = settings.MAX_ARCHIVE_UNPACKED_BYTES.value()
    ratio_limit = settings.MAX_COMPRESSION_RATIO.value()
    with archive:
        infos = sorted(archive.infolist(), key=lambda i: i.filename)
        for info in infos:
            name = info.filename
            if info.is_dir():
                continue
            reason = unsafe_member_reason(name)
            suffix = PurePosixPath(name).suffix.lower()
            limit = _size_limit(suffix)
            if reason is None and _is_hidden(name):
                reason = "hidden or system file"
            if reason is None and suffix in ARCHIVE_SUFFIXES:
                reason = "nested archive (unzip it first)"
            if reason is None and suffix not in KINDS:
                reason = f"unsupported file type {suffix or '(none)'}"
            if reason is None and info.file_size > limit:
                reason = f"file over size limit ({_mb(info.file_size)} > {_mb(limit)})"
            if reason is None and info.file_size > BOMB_MIN_BYTES and info.file_size > ratio_limit * max(info.compress_size, 1):
                reason = f"suspicious compression ratio (zip bomb?): {info.file_size // max(info.compress_size, 1)}x"
            if reason is None and info.file_size > budget:
                reason = "archive unpacked-size budget exhausted (zip bomb guard)"
            if reason:
                yield report_row(str(path), name, "skipped", reason)
                continue
            try:
                with archive.open(info) as fh:
                    data = fh.read(limit + 1)  # never trust the header's size alone
            except Exception as exc:  # encrypted, bad CRC, unsupported compression...
                yield report_row(str(path), name, "skipped", f"unreadable zip member ({type(exc).__name__}: {exc})")
                continue
            if len(data) > limit:
                yield report_row(str(path), name, "skipped", f"file over size limit (> {_mb(limit)})")
                continue
            budget -= len(data)
            yield make_unit(str(path), name, data)


def _file_units(path: Path) -> Iterator[Unit | dict]:
    suffix = path.suffix.lower()
    if suffix in ARCHIVE_SUFFIXES:
        yield from _zip_units(path)
        return
    if suffix not in KINDS:
        yield report_row(str(path), None, "skipped", f"unsupported file type {suffix or '(none)'}")
        return
    try:
        size = path.stat().st_size
        limit = _size_limit(suffix)
        if size > limit:
            yield report_row(str(path), None, "skipped", f"file over size limit ({_mb(size)} > {_mb(limit)})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield report_row(str(path), None, "skipped", f"unreadable file ({exc.strerror or exc})")
        return
    yield make_unit(str(path), None, data)


def iter_units(path: str | os.PathLike) -> Iterator[Unit | dict]:
    """Units under ``path`` in a stable order, and report rows for what cannot become one.

    Raises FileNotFoundError only when ``path`` itself does not exist (a usage error).
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    if root.is_file():
        yield from _file_units(root)
        return
    entries: list[tuple[tuple[str, ...], Path, str | None]] = []  # (sort key, path, skip reason)
    for dirpath, dirnames, filenames in os.walk(root):
        hidden = [d for d in dirnames if d.startswith(".") or d == "__MACOSX"]
        dirnames[:] = [d for d in dirnames if d not in hidden]
        for name in hidden:
            entries.append(((*Path(dirpath, name).relative_to(root).parts,), Path(dirpath, name), "hidden folder not read"))
        for name in filenames:
            file = Path(dirpath, name)
            entries.append(((*file.relative_to(root).parts,), file, "hidden or system file" if name.startswith(".") else None))
    for _, file, reason in sorted(entries, key=lambda e: e[0]):  # like `find | sort`: a/b/x before a/y
        if reason:
            yield report_row(str(file), None, "skipped", reason)
        else:
            yield from _file_units(file)


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
