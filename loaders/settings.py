"""Ingest limits and locations, each with the reason it exists.

Every value can be overridden by an environment variable of the same name (``TTDN_...``),
so an operator can lift a limit without editing code. ``ttdn ingest --help`` lists them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Setting:
    name: str  # also the environment variable that overrides it
    default: int | str
    help: str

    def value(self):
        raw = os.environ.get(self.name)
        if raw is None or raw == "":
            return self.default
        if isinstance(self.default, int):
            try:
                return int(raw)
            except ValueError:
                return self.default
        return raw


MAX_ARTICLE_FILE_BYTES = Setting(
    "TTDN_MAX_ARTICLE_FILE_BYTES", 50 * MB,
    "largest .txt/.md/.html file (or zip member) read as one article; a bigger one is not an "
    "article but a dump or a mistake, and would stall the extractors")
MAX_TABLE_FILE_BYTES = Setting(
    "TTDN_MAX_TABLE_FILE_BYTES", 2048 * MB,
    "largest .jsonl/.ndjson/.csv file (or zip member) read; these hold many articles")
MAX_ARCHIVE_BYTES = Setting(
    "TTDN_MAX_ARCHIVE_BYTES", 4096 * MB,
    "largest .zip file opened")
MAX_ARCHIVE_UNPACKED_BYTES = Setting(
    "TTDN_MAX_ARCHIVE_UNPACKED_BYTES", 4096 * MB,
    "total uncompressed bytes read from one .zip; members past it are skipped (zip-bomb guard)")
MAX_COMPRESSION_RATIO = Setting(
    "TTDN_MAX_COMPRESSION_RATIO", 200,
    "a zip member that inflates more than this many times its packed size (and past 1 MB) "
    "is skipped as a zip bomb; real text packs 3-20x")
MAX_RECORD_CHARS = Setting(
    "TTDN_MAX_RECORD_CHARS", 200_000,
    "longest text of one record (file, JSONL line, CSV row, page); longer ones are skipped so one "
    "dump cannot stall a run: real articles stay under 40,000 characters, and extraction takes "
    "seconds per 100,000")
CACHE_DIR = Setting(
    "TTDN_CACHE_DIR", "",
    "where parsed files are cached; empty means ./.ttdn-cache, or the user cache dir when the "
    "working directory is not writable")
DATA_DIR = Setting(
    "TTDN_DATA_DIR", "",
    "where corrections of a read-only corpus are kept; empty means $XDG_DATA_HOME/ttdn or "
    "~/.local/share/ttdn (a writable corpus keeps them beside itself, in PATH.corrections.jsonl)")
MAX_CORRECTIONS_FILE_BYTES = Setting(
    "TTDN_MAX_CORRECTIONS_FILE_BYTES", 20 * MB,
    "largest corrections file read or imported; a bigger one is reported and ignored")

ALL = (MAX_ARTICLE_FILE_BYTES, MAX_TABLE_FILE_BYTES, MAX_ARCHIVE_BYTES, MAX_ARCHIVE_UNPACKED_BYTES,
       MAX_COMPRESSION_RATIO, MAX_RECORD_CHARS, CACHE_DIR, DATA_DIR, MAX_CORRECTIONS_FILE_BYTES)


def describe() -> str:
    """One line per setting, for --help texts."""
    return "\n".join(f"  {s.name}={s.value()!s:<12} {s.help}" for s in ALL)
