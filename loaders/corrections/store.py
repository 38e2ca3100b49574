"""Corrections files: where they live, reading them without ever failing, writing them atomically,
merging another session's file, and telling agreement from conflict.

A corrections file is JSON Lines, one correction per line (``records.Correction.to_json``).
For a corpus at ``PATH`` (a folder, a file or a zip) it is ``PATH.corrections.jsonl`` beside it.
When that place is not writable (a read-only share), the app keeps it in its data folder
instead: ``$TTDN_DATA_DIR/corrections/<name>-<digest of the absolute path>.corrections.jsonl``,
seeded from the file beside the corpus if there is one. ``ttdn export`` looks in the same places.

Reading never raises: a file that cannot be read, is too large or is not UTF-8 is reported and
ignored; a line that is not JSON or not a valid correction is reported and skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import settings
from .records import Correction, from_json

SUFFIX = ".corrections.jsonl"
NAME_UNSAFE_RE = re.compile(r"[^\w.-]+")
_WRITE_LOCK = threading.Lock()  # one read-modify-write at a time within a server process


@dataclass(frozen=True)
class CorrectionSet:
    """The corrections of one file, the lines that were refused (with reasons), and where they came from."""

    items: tuple[Correction, ...] = ()
    problems: tuple[str, ...] = ()
    source: str = ""

    def __bool__(self) -> bool:
        return bool(self.items)

    def conflicts(self) -> dict[tuple, list[Correction]]:
        """Slots holding corrections that disagree (different changes of one value): none of them applies."""
        by_slot: dict[tuple, list[Correction]] = {}
        for c in self.items:
            if c.action != "check":
                by_slot.setdefault(c.slot, []).append(c)
        return {slot: cs for slot, cs in by_slot.items() if len({c.change for c in cs}) > 1}

    def active(self) -> list[Correction]:
        """The corrections that apply: one per slot, conflicting slots left out, the latest check kept."""
        conflicted = set(self.conflicts())
        chosen: dict[tuple, Correction] = {}
        for c in self.items:
            if c.slot in conflicted:
                continue
            if c.slot not in chosen or c.action == "check" and c.when >= chosen[c.slot].when:
                chosen[c.slot] = c
        return list(chosen.values())

    def digest(self) -> str:
        payload = "\n".join(json.dumps(c.to_json(), sort_keys=True, ensure_ascii=False) for c in self.items)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- reading and writing

def parse_lines(text: str, source: str = "") -> CorrectionSet:
    """Every valid correction of a JSON Lines text; refused lines become problems, never errors."""
    items: list[Correction] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            found = from_json(json.loads(line))
        except (ValueError, RecursionError):
            found = "not JSON"
        if isinstance(found, str):
            problems.append(f"line {number}: {found}")
        elif found.id in seen:
            problems.append(f"line {number}: repeats correction {found.id}")
        else:
            seen.add(found.id)
            items.append(found)
    return CorrectionSet(tuple(items), tuple(problems), source)


def parse_bytes(data: bytes, source: str = "") -> CorrectionSet:
    """``parse_lines`` of uploaded bytes; too large or not UTF-8 is one problem and no correction."""
    limit = settings.MAX_CORRECTIONS_FILE_BYTES.value()
    if len(data) > limit:
        return CorrectionSet((), (f"file is larger than {limit:,} bytes: ignored",), source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return CorrectionSet((), ("file is not UTF-8 text: ignored",), source)
    return parse_lines(text, source)


def read_file(path: str | os.PathLike) -> CorrectionSet:
    """The corrections in ``path``; a missing file is an empty set, an unreadable one a reported problem."""
    path = Path(path)
    if not path.exists():
        return CorrectionSet(source=str(path))
    try:
        if path.stat().st_size > settings.MAX_CORRECTIONS_FILE_BYTES.value():
            return CorrectionSet((), ("file is too large: ignored",), str(path))
        data = path.read_bytes()
    except OSError as exc:
        return CorrectionSet((), (f"cannot read the file: {exc.strerror or exc}",), str(path))
    return parse_bytes(data, str(path))


def to_jsonl(items) -> bytes:
    return "".join(json.dumps(c.to_json(), ensure_ascii=False) + "\n" for c in items).encode("utf-8")


def write_file(path: str | os.PathLike, items) -> Path:
    """Write ``items`` to ``path`` atomically: a crash leaves the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(to_jsonl(items))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


# ---------------------------------------------------------------- where a corpus keeps them

def beside(corpus_path: str | os.PathLike) -> Path:
    """``PATH.corrections.jsonl`` next to the corpus (a folder's file sits beside the folder, not in it)."""
    target = Path(corpus_path).resolve()
    return target.parent / f"{target.name}{SUFFIX}"


def in_data_dir(corpus_path: str | os.PathLike) -> Path:
    """The app's own copy for a corpus whose folder is read-only, named by the corpus's absolute path."""
    target = Path(corpus_path).resolve()
    digest = hashlib.sha1(str(target).encode("utf-8")).hexdigest()[:12]
    name = NAME_UNSAFE_RE.sub("_", target.name)[:60] or "corpus"
    return data_dir() / "corrections" / f"{name}-{digest}{SUFFIX}"


def data_dir() -> Path:
    configured = settings.DATA_DIR.value()
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ttdn"


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) if path.exists() else os.access(path.parent, os.W_OK)


@dataclass
class Store:
    """The corrections of one corpus: ``path`` is read and written; ``seed`` is read while ``path`` is absent."""

    path: Path
    seed: Path | None = None

    def load(self) -> CorrectionSet:
        source = self.path if self.path.exists() or self.seed is None else self.seed
        return read_file(source)

    def digest(self) -> str:
        """Changes whenever the file does (size and modification time, then content)."""
        source = self.path if self.path.exists() or self.seed is None else self.seed
        try:
            stat = source.stat()
        except OSError:
            return "none"
        return f"{stat.st_size}-{stat.st_mtime_ns}"

    def save(self, items) -> None:
        write_file(self.path, items)

    def update(self, change) -> CorrectionSet:
        """Read, apply ``change(list of corrections) -> list``, write: one writer at a time."""
        with _WRITE_LOCK:
            current = self.load()
            self.save(change(list(current.items)))
            return self.load()


def corpus_store(corpus_path: str | os.PathLike) -> Store:
    """Where the corrections of the corpus at ``corpus_path`` are kept (see the module docstring)."""
    side, own = beside(corpus_path), in_data_dir(corpus_path)
    if own.exists():
        return Store(own, side if side.exists() else None)
    if _writable(side):
        return Store(side)
    return Store(own, side if side.exists() else None)
