"""Uploads on the server's side: which files are accepted, under which names, and in which folder.

Pure (no streamlit): ``components/upload.py`` draws the box and calls these.

- What is accepted: the input types the loader reads (``loaders.io.units``), within the limits
  of ``dashboard/settings.py``; every refused file gets a ``Refusal`` naming the file and why.
- Where it goes: ``<data_dir>/uploads/<id>/files/``, where ``<id>`` is a random opaque token (the
  URL carries it so a reload finds the upload again) and the file names are rebuilt from the
  browser's names (no folders, no "..", no absolute paths, no hidden files); the loader's parse
  cache for it goes to ``<data_dir>/uploads/<id>/cache/``, so pruning an upload removes all of
  it. Nothing is ever unpacked: a .zip is saved as it came and read by the loader under its own
  limits.
"""
from __future__ import annotations

import io
import os
import re
import secrets
import shutil
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from loaders import settings as loader_settings
from loaders.io.units import ARCHIVE_SUFFIXES, BOMB_MIN_BYTES, KINDS

from .settings import setting

MB = 1024 * 1024
UPLOAD_SUFFIXES = tuple(sorted({*KINDS, *ARCHIVE_SUFFIXES}))  # every type the loader reads
ID_RE = re.compile(r"^[A-Za-z0-9_-]{22}$")  # secrets.token_urlsafe(16): 128 random bits
NAME_UNSAFE_RE = re.compile(r"[^\w .()+,-]+")  # letters (Vietnamese included), digits and plain punctuation
MAX_NAME_CHARS = 120
# names Windows reserves whatever the suffix (a corpus folder may be copied there)
RESERVED_STEMS = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
FILES, CACHE = "files", "cache"  # an upload's folder: its files, and the loader's cache of them
OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class Refusal:
    """One refused file: its name as the browser gave it, the reason's i18n key and its values."""

    name: str
    reason: str  # an i18n key under "upload.refused."
    values: dict = field(default_factory=dict)


def safe_name(name: str) -> str:
    """A browser's file name made safe as one plain file name inside the upload folder.

    Only the last path component is kept (either slash), control and odd characters become
    "_", leading dots and spaces go (no hidden files, no ".."), the length is capped with the
    suffix kept, and a Windows device name gets a "_" in front.
    """
    text = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else "_" for ch in text)
    text = NAME_UNSAFE_RE.sub("_", text).strip().lstrip(". ")
    stem, suffix = os.path.splitext(text)
    suffix = suffix.lower()
    stem = stem[:MAX_NAME_CHARS - len(suffix)].rstrip(". ") or "upload"
    if stem.upper() in RESERVED_STEMS:
        stem = "_" + stem
    return stem + suffix


def refusal(name: str, data: bytes, total_before: int) -> Refusal | None:
    """Why the file ``name`` with ``data`` cannot join an upload already ``total_before`` bytes
    big, or None when it is accepted."""
    suffix = PurePosixPath(safe_name(name)).suffix
    limit = setting("max_upload_mb")
    if suffix not in UPLOAD_SUFFIXES:
        return Refusal(name, "type", {"suffix": suffix or "–", "types": " ".join(UPLOAD_SUFFIXES)})
    if not data:
        return Refusal(name, "empty")
    if len(data) > limit * MB:
        return Refusal(name, "too_big", {"size": _mb(len(data)), "mb": limit})
    if total_before + len(data) > limit * MB:
        return Refusal(name, "over_total", {"mb": limit})
    return zip_refusal(name, data) if suffix in ARCHIVE_SUFFIXES else None


def zip_refusal(name: str, data: bytes) -> Refusal | None:
    """A .zip that is no zip, holds too many members, inflates past the limits or holds nothing
    the loader reads. Only the archive's directory is read, never a member's content."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return Refusal(name, "not_zip")
    most, unpacked_mb = setting("max_upload_zip_members"), setting("max_upload_unpacked_mb")
    if len(members) > most:
        return Refusal(name, "zip_members", {"n": len(members), "max": most})
    unpacked = sum(info.file_size for info in members)
    if unpacked > unpacked_mb * MB:
        return Refusal(name, "zip_unpacked", {"size": _mb(unpacked), "mb": unpacked_mb})
    ratio_limit = loader_settings.MAX_COMPRESSION_RATIO.value()
    for info in members:
        if info.file_size > BOMB_MIN_BYTES and info.file_size > ratio_limit * max(info.compress_size, 1):
            return Refusal(name, "zip_ratio", {"member": info.filename[:80], "max": ratio_limit})
    if not any(PurePosixPath(info.filename).suffix.lower() in UPLOAD_SUFFIXES for info in members):
        return Refusal(name, "zip_nothing", {"types": " ".join(UPLOAD_SUFFIXES)})
    return None


def check(files: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[Refusal]]:
    """Split ``(name, bytes)`` pairs into the accepted ones (in order) and one refusal per other file."""
    accepted: list[tuple[str, bytes]] = []
    refused: list[Refusal] = []
    total = 0
    for index, (name, data) in enumerate(files):
        if index >= setting("max_upload_files"):
            refused.append(Refusal(name, "too_many", {"max": setting("max_upload_files")}))
            continue
        why = refusal(name, data, total)
        if why is None:
            accepted.append((name, data))
            total += len(data)
        else:
            refused.append(why)
    return accepted, refused


def _mb(n: int) -> str:
    return f"{n / MB:.1f}"


# ---------------------------------------------------------------- the store

def data_dir() -> Path:
    """The dashboard's own folder (setting ``data_dir``; else $XDG_DATA_HOME/ttdn or ~/.local/share/ttdn)."""
    configured = setting("data_dir")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ttdn"


def uploads_root() -> Path:
    """``<data_dir>/uploads``, created private to this user; a symlink there is refused."""
    root = data_dir() / "uploads"
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if root.is_symlink() or not root.is_dir():
        raise RuntimeError(f"{root} must be a real folder, not a link")
    return root


def folder_of(upload_id: str | None) -> Path | None:
    """The folder holding an upload's files, for an id from a URL; None when the id is
    malformed or unknown.

    The id is matched against its exact shape before it is joined to any path, so a value
    like "../x" or "/etc" never reaches the file system."""
    if not isinstance(upload_id, str) or not ID_RE.match(upload_id):
        return None
    home = uploads_root() / upload_id
    files = home / FILES
    real = home.is_dir() and files.is_dir() and not home.is_symlink() and not files.is_symlink()
    return files if real else None


def cache_dir_of(files_folder: str | os.PathLike) -> Path:
    """Where the loader caches what it parsed of an upload: beside its files, pruned with them."""
    return Path(files_folder).parent / CACHE


def save(files: list[tuple[str, bytes]], now: float | None = None) -> str:
    """Write accepted files to a new folder under ``uploads_root()``; return its opaque id.

    Old uploads (``upload_keep_hours``) are removed first, so the folder stays bounded."""
    root = uploads_root()
    prune(root, now)
    upload_id = secrets.token_urlsafe(16)
    (root / upload_id).mkdir(mode=0o700)
    folder = root / upload_id / FILES
    folder.mkdir(mode=0o700)
    used: set[str] = set()
    for name, data in files:
        target = folder / _unique(safe_name(name), used)
        if target.parent != folder:  # safe_name makes this impossible; the check keeps it so
            raise ValueError(f"refused file name {name!r}")
        fd = os.open(target, OPEN_FLAGS, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    return upload_id


def _unique(name: str, used: set[str]) -> str:
    """``name``, or ``stem-2.ext``, ``stem-3.ext`` … when an earlier file took it (case-insensitive)."""
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{stem}-{n}{suffix}"
    used.add(candidate.lower())
    return candidate


def prune(root: Path, now: float | None = None) -> list[str]:
    """Delete upload folders older than ``upload_keep_hours``; return their ids."""
    cutoff = (now if now is not None else time.time()) - setting("upload_keep_hours") * 3600
    removed = []
    for folder in root.iterdir():
        if ID_RE.match(folder.name) and folder.is_dir() and not folder.is_symlink() \
                and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
    return removed
