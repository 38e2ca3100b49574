"""Finding the input: folders (walked in a stable order), single files and zip members become *units*.

A unit is one file or one zip member with its bytes and sha256 (the cache key). What cannot
become a unit gets a report row with the reason instead: unsupported type, over a size limit,
hidden, an unsafe or suspicious zip member. Nothing here raises on bad input.
"""
from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from .. import settings

ARTICLE_KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
TABLE_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
KINDS = {**ARTICLE_KINDS, **TABLE_KINDS}
ARCHIVE_SUFFIXES = {".zip"}
BOMB_MIN_BYTES = 1024 * 1024  # small members may compress extremely well without being bombs


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


def report_row(path: str, member: str | None, status: str, reason: str | None, records: int = 0) -> dict:
    return {"path": str(path), "member": member, "status": status, "reason": reason, "records": records}


def make_unit(path: str, member: str | None, data: bytes) -> Unit:
    return Unit(path=str(path), member=member, data=data, digest=hashlib.sha256(data).hexdigest())



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


def _member_skip_reason(info: zipfile.ZipInfo, budget: int, ratio_limit: int) -> str | None:
    """Why a zip member is not read (unsafe, hidden, nested, unsupported, too big, a bomb), else None."""
    name = info.filename
    suffix = PurePosixPath(name).suffix.lower()
    limit = _size_limit(suffix)
    checks = (
        lambda: unsafe_member_reason(name),
        lambda: "hidden or system file" if _is_hidden(name) else None,
        lambda: "nested archive (unzip it first)" if suffix in ARCHIVE_SUFFIXES else None,
        lambda: f"unsupported file type {suffix or '(none)'}" if suffix not in KINDS else None,
        lambda: f"file over size limit ({_mb(info.file_size)} > {_mb(limit)})" if info.file_size > limit else None,
        lambda: (f"suspicious compression ratio (zip bomb?): {info.file_size // max(info.compress_size, 1)}x"
                 if info.file_size > BOMB_MIN_BYTES and info.file_size > ratio_limit * max(info.compress_size, 1)
                 else None),
        lambda: "archive unpacked-size budget exhausted (zip bomb guard)" if info.file_size > budget else None,
    )
    return next((reason for check in checks if (reason := check())), None)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> Unit | dict:
    """The member's bytes as a unit, never trusting the header's size alone; or a report row."""
    limit = _size_limit(PurePosixPath(info.filename).suffix.lower())
    try:
        with archive.open(info) as fh:
            data = fh.read(limit + 1)
    except Exception as exc:  # encrypted, bad CRC, unsupported compression...
        return report_row(str(path), info.filename, "skipped", f"unreadable zip member ({type(exc).__name__}: {exc})")
    if len(data) > limit:
        return report_row(str(path), info.filename, "skipped", f"file over size limit (> {_mb(limit)})")
    return make_unit(str(path), info.filename, data)


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
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            reason = _member_skip_reason(info, budget, ratio_limit)
            item = (report_row(str(path), info.filename, "skipped", reason) if reason
                    else _read_member(archive, info, path))
            if isinstance(item, Unit):
                budget -= len(item.data)
            yield item


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
            folder = Path(dirpath, name)
            entries.append((folder.relative_to(root).parts, folder, "hidden folder not read"))
        for name in filenames:
            file = Path(dirpath, name)
            hidden_file = "hidden or system file" if name.startswith(".") else None
            entries.append((file.relative_to(root).parts, file, hidden_file))
    for _, file, reason in sorted(entries, key=lambda e: e[0]):  # like `find | sort`: a/b/x before a/y
        if reason:
            yield report_row(str(file), None, "skipped", reason)
        else:
            yield from _file_units(file)

