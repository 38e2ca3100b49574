"""Finding the input: folders (walked in a stable order), single files and zip members become *units*.

A unit is one file or one zip member with its bytes and sha256 (the cache key). What cannot
become a unit gets a report row with the reason instead: unsupported type, over a size limit,
hidden, a symbolic link leaving the folder, a special file, an unsafe or suspicious zip member,
or the same bytes as a unit already read. Nothing here raises on bad input.

Zips: one level of nesting is read (a zip inside a zip, under the same limits: the inner
archive's bytes and members count against the outer one's expansion budget); deeper nesting
is reported. Member names are never used as paths: nothing is extracted to disk.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import stat
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
MAX_ZIP_DEPTH = 1  # a zip inside a zip is read; a zip inside that is reported
NESTED_SEP = "!"  # outer member and inner member in a nested zip's member name: 'inner.zip!a.txt'


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
class _Budget:
    """Unpacked bytes one archive (with its nested archives) may still yield: the zip-bomb guard."""

    left: int
    ratio: int


def report_row(path: str, member: str | None, status: str, reason: str | None, records: int = 0) -> dict:
    return {"path": str(path), "member": member, "status": status, "reason": reason, "records": records}


def make_unit(path: str, member: str | None, data: bytes) -> Unit:
    return Unit(path=str(path), member=member, data=data, digest=hashlib.sha256(data).hexdigest())


def _size_limit(suffix: str) -> settings.Setting:
    return settings.MAX_TABLE_FILE_BYTES if suffix in TABLE_KINDS else settings.MAX_ARTICLE_FILE_BYTES


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


def _member_skip_reason(info: zipfile.ZipInfo, budget: _Budget, depth: int) -> str | None:
    """Why a zip member is not read (unsafe, hidden, nested too deep, unsupported, too big, a bomb), else None."""
    name = info.filename
    suffix = PurePosixPath(name).suffix.lower()
    limit = (settings.MAX_ARCHIVE_BYTES if suffix in ARCHIVE_SUFFIXES else _size_limit(suffix))
    checks = (
        lambda: unsafe_member_reason(name),
        lambda: "hidden or system file" if _is_hidden(name) else None,
        lambda: ("nested archive more than one level deep (unzip it first)"
                 if suffix in ARCHIVE_SUFFIXES and depth >= MAX_ZIP_DEPTH else None),
        lambda: (f"unsupported file type {suffix or '(none)'}"
                 if suffix not in KINDS and suffix not in ARCHIVE_SUFFIXES else None),
        lambda: (f"file over size limit ({_mb(info.file_size)} > {_mb(limit.value())}; {limit.name})"
                 if info.file_size > limit.value() else None),
        lambda: (f"suspicious compression ratio (zip bomb?): {info.file_size // max(info.compress_size, 1)}x "
                 f"> {budget.ratio}x ({settings.MAX_COMPRESSION_RATIO.name})"
                 if info.file_size > BOMB_MIN_BYTES and info.file_size > budget.ratio * max(info.compress_size, 1)
                 else None),
        lambda: (f"archive expansion limit reached (zip bomb guard; {settings.MAX_ARCHIVE_UNPACKED_BYTES.name}, "
                 f"{settings.MAX_COMPRESSION_RATIO.name})" if info.file_size > budget.left else None),
    )
    return next((reason for check in checks if (reason := check())), None)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | str:
    """The member's bytes, never trusting the header's size alone; or why they cannot be read."""
    try:
        with archive.open(info) as fh:
            data = fh.read(limit + 1)
    except Exception as exc:  # encrypted, bad CRC, unsupported compression...
        return f"unreadable zip member ({type(exc).__name__}: {exc})"
    return f"file over size limit (> {_mb(limit)})" if len(data) > limit else data


def _nested_units(path: Path, name: str, data: bytes, budget: _Budget, depth: int) -> Iterator[Unit | dict]:
    try:
        inner = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        yield report_row(str(path), name, "skipped", f"not a readable zip archive ({exc})")
        return
    with inner:
        yield from _archive_units(inner, path, f"{name}{NESTED_SEP}", budget, depth + 1)


def _archive_units(archive: zipfile.ZipFile, path: Path, prefix: str, budget: _Budget,
                   depth: int) -> Iterator[Unit | dict]:
    """Units of one archive's members (``prefix`` names the outer member of a nested zip)."""
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        name = f"{prefix}{info.filename}"
        reason = _member_skip_reason(info, budget, depth)
        if reason:
            yield report_row(str(path), name, "skipped", reason)
            continue
        nested = PurePosixPath(info.filename).suffix.lower() in ARCHIVE_SUFFIXES
        limit = settings.MAX_ARCHIVE_BYTES if nested else _size_limit(PurePosixPath(info.filename).suffix.lower())
        data = _read_member(archive, info, limit.value())
        if isinstance(data, str):
            yield report_row(str(path), name, "skipped", data)
            continue
        budget.left -= len(data)
        if nested:
            yield from _nested_units(path, name, data, budget, depth)
        else:
            yield make_unit(str(path), name, data)


def _zip_units(path: Path, size: int) -> Iterator[Unit | dict]:
    if size > settings.MAX_ARCHIVE_BYTES.value():
        yield report_row(str(path), None, "skipped",
                         f"archive over size limit ({_mb(size)}; {settings.MAX_ARCHIVE_BYTES.name})")
        return
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield report_row(str(path), None, "skipped", f"not a readable zip archive ({exc})")
        return
    ratio = settings.MAX_COMPRESSION_RATIO.value()
    # The whole archive may unpack to at most `ratio` times its size (and the absolute cap): many
    # small members that each pass the per-member ratio check are a bomb all the same.
    budget = _Budget(left=min(settings.MAX_ARCHIVE_UNPACKED_BYTES.value(), ratio * max(size, BOMB_MIN_BYTES)),
                     ratio=ratio)
    with archive:
        yield from _archive_units(archive, path, "", budget, 0)


def _file_units(path: Path) -> Iterator[Unit | dict]:
    suffix = path.suffix.lower()
    if suffix not in KINDS and suffix not in ARCHIVE_SUFFIXES:
        yield report_row(str(path), None, "skipped", f"unsupported file type {suffix or '(none)'}")
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device would block or never end
            yield report_row(str(path), None, "skipped", "not a regular file (a pipe, socket or device)")
            return
        if suffix in ARCHIVE_SUFFIXES:
            yield from _zip_units(path, info.st_size)
            return
        limit = _size_limit(suffix)
        if info.st_size > limit.value():
            yield report_row(str(path), None, "skipped",
                             f"file over size limit ({_mb(info.st_size)} > {_mb(limit.value())}; {limit.name})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield report_row(str(path), None, "skipped", f"unreadable file ({exc.strerror or exc})")
        return
    yield make_unit(str(path), None, data)


def _link_reason(path: Path, root: Path) -> str | None:
    """Why a symbolic link under the folder is not followed (looping, dangling, leaving it), else None."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on Python 3.11/3.12
        return "broken or looping symbolic link (not followed)"
    if not target.is_relative_to(root):
        return "symbolic link to outside the folder (not followed)"
    return None


def _folder_entries(root: Path) -> list[tuple[tuple[str, ...], Path, str | None]]:
    """(sort key, path, skip reason) of everything under ``root``; symlinked folders are not walked."""
    real_root = root.resolve()
    entries: list[tuple[tuple[str, ...], Path, str | None]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            folder = Path(dirpath, name)
            reason = ("hidden folder not read" if name.startswith(".") or name == "__MACOSX"
                      else "symbolic link to a folder (not followed)" if folder.is_symlink() else None)
            if reason:
                entries.append((folder.relative_to(root).parts, folder, reason))
        dirnames[:] = [d for d in dirnames
                       if not (d.startswith(".") or d == "__MACOSX" or Path(dirpath, d).is_symlink())]
        for name in filenames:
            file = Path(dirpath, name)
            reason = "hidden or system file" if name.startswith(".") else _link_reason(file, real_root)
            entries.append((file.relative_to(root).parts, file, reason))
    return sorted(entries, key=lambda e: e[0])  # like `find | sort`: a/b/x before a/y


def _all_units(root: Path) -> Iterator[Unit | dict]:
    if root.is_file():
        yield from _file_units(root)
        return
    for _, file, reason in _folder_entries(root):
        if reason:
            yield report_row(str(file), None, "skipped", reason)
        else:
            yield from _file_units(file)


def iter_units(path: str | os.PathLike) -> Iterator[Unit | dict]:
    """Units under ``path`` in a stable order, and report rows for what cannot become one.

    A unit whose bytes equal an earlier unit's (the same file under two names, or inside a zip
    too) is reported as a duplicate, not read twice. Raises FileNotFoundError only when ``path``
    itself does not exist (a usage error).
    """
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    first_source: dict[str, str] = {}
    for item in _all_units(root):
        if isinstance(item, Unit) and item.data:
            first = first_source.setdefault(item.digest, item.source)
            if first != item.source:
                item = report_row(item.path, item.member, "skipped", f"duplicate: same content as {first}")
        yield item
