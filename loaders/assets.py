"""The only code that opens files in assets/.

Paths resolve from the installed ``assets`` package, so the app works from any working
directory and from a wheel. Readers are cached: assets are read once per process.
Domain modules (places, themes, terms, the dashboard's i18n) build their lookups on these.
"""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .textnorm import nfc


def asset_path(name: str) -> Path:
    """Filesystem path of an asset file (for libraries that want a path, e.g. fonts)."""
    return Path(str(resources.files("assets").joinpath(name)))


@lru_cache(maxsize=None)
def read_text(name: str) -> str:
    return nfc(resources.files("assets").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def read_json(name: str):
    return json.loads(read_text(name))


@lru_cache(maxsize=None)
def read_csv(name: str) -> tuple[dict, ...]:
    """Rows of a UTF-8 CSV with a header; blank lines and lines starting with '#' are skipped."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(io.StringIO("\n".join(lines))))


@lru_cache(maxsize=None)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text asset, '#' comments dropped."""
    out = []
    for line in read_text(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)
