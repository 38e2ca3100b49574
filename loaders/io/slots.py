"""A run's bookkeeping: every unit's report rows and every record's place, cache key and fate.

Units are read one after another (``Run.add``); each record becomes an ``Entry`` in input order
with its article cache key. A record is dropped when its doc_id was already loaded from an earlier
unit (first one wins) or when an extractor crashed on it; either way its unit's report rows say
why, so the ingest report still accounts for every item. Only the kept entries become rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..types import RawRecord
from .cache import article_key
from .readers import Streamed
from .units import Unit, report_row


@dataclass
class Slot:
    """One unit's report rows (its own row first), or a report row for a file that is no unit."""

    rows: list[dict]
    member: str | None = None  # the unit's zip member (a slot keeps no unit: a unit holds its file's bytes)
    drop: dict[str, str] = field(default_factory=dict)  # doc_id -> why it is not loaded


@dataclass(frozen=True)
class Entry:
    """One record to load: its unit, identity and the key of its extracted rows."""

    slot: int
    doc_id: str
    source: str
    key: str


def account(slot: Slot, reasons: dict[str, str]) -> None:
    """Mark records of a slot as not loaded and say why in its report rows."""
    slot.drop.update(reasons)
    head = slot.rows[0]
    head["records"] = max(0, int(head["records"] or 0) - len(reasons))
    if head["status"] == "loaded" and head["records"] == 0 and len(reasons) == 1:
        head["status"], head["reason"] = "skipped", next(iter(reasons.values()))  # a one-article file
        return
    if head["status"] == "loaded" and head["records"] == 0:
        head["status"], head["reason"] = "skipped", "no record left (see the rows below)"
    member = slot.member
    for doc_id, why in reasons.items():
        slot.rows.append(report_row(head["path"], f"{member} id {doc_id}" if member else f"id {doc_id}",
                                    "skipped", why))


def record_key(rec: RawRecord) -> str:
    return article_key(rec.text, rec.url, rec.title, rec.published, rec.html)


class Run:
    """The slots and entries of one ingest, built unit by unit."""

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self.entries: list[Entry] = []
        self._first_source: dict[str, str] = {}
        self._failed: dict[str, str] = {}  # key -> why an extractor crashed on it, not yet reported

    def add(self, item: Unit | dict) -> Iterator[tuple[str, RawRecord]]:
        """Read one unit (or a report row), yielding its new records with their keys as they are read
        (duplicates dropped); the unit's report rows are complete once the generator is exhausted."""
        if isinstance(item, dict):
            self.slots.append(Slot(rows=[item]))
            return
        streamed = Streamed(item)
        slot = Slot(rows=streamed.report, member=item.member)
        index = len(self.slots)
        self.slots.append(slot)
        dups = {}
        for rec in streamed.records:
            if rec.doc_id in self._first_source:
                first = self._first_source[rec.doc_id]
                dups[rec.doc_id] = f"duplicate doc_id {rec.doc_id!r} (already loaded from {first})"
                continue
            self._first_source[rec.doc_id] = item.source
            key = record_key(rec)
            self.entries.append(Entry(index, rec.doc_id, rec.source, key))
            yield key, rec
        if dups:
            account(slot, dups)

    def crashed(self, failed: dict[str, str]) -> None:
        """Drop the records an extractor crashed on (by key); reported in their units' rows once
        reading is over (a unit still being read has no complete rows yet)."""
        self._failed.update(failed)

    def _settle(self) -> None:
        if not self._failed:
            return
        by_slot: dict[int, dict[str, str]] = {}
        for e in self.entries:
            if e.key in self._failed:
                by_slot.setdefault(e.slot, {})[e.doc_id] = self._failed[e.key]
        self._failed = {}
        for index, reasons in by_slot.items():
            account(self.slots[index], reasons)

    def kept(self) -> list[Entry]:
        self._settle()
        return [e for e in self.entries if e.doc_id not in self.slots[e.slot].drop]

    def report_rows(self) -> list[dict]:
        self._settle()
        return [row for slot in self.slots for row in slot.rows]
