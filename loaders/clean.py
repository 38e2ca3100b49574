"""STUB (owned by the ingest helper): raw text -> CleanDoc."""
from __future__ import annotations

from .evidence import CleanDoc
from .textnorm import nfc


def clean_text(raw: str, title: str | None = None, extras: dict | None = None) -> CleanDoc:
    raw = nfc(raw)
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    head = title or (lines[0] if lines else None)
    body = "\n".join(lines[1:] if not title else lines)
    return CleanDoc(title=head, dateline=None, body=body, byline=None, raw=raw, extras=extras or {})
