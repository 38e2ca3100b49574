"""A run's bookkeeping: every unit's report rows and every record's place, cache key and fate.

Units are read one after another (``Run.add``); each record becomes an ``Entry`` in input order
with its article cache key. A record is dropped when its doc_id was already loaded from an earlier
unit (first one wins) or when an extractor crashed on it; either way its unit's report rows say
why, so the ingest report still accounts for every item. Only the kept entries become rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..types import RawRecord
from .cache import article_key
from .readers import parse_unit
from .units import Unit, report_row


@dataclass
class Slot:
    """One unit's report rows (its own row first), or a report row for a file that is no unit."""

    rows: list[dict]
    unit: Unit | None = None
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
    member = slot.unit.member if slot.unit else None
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

    def add(self, item: Unit | dict) -> list[tuple[str, RawRecord]]:
        """Read one unit (or a report row); return its new records with their keys, duplicates dropped."""
        if isinstance(item, dict):
            self.slots.append(Slot(rows=[item]))
            return []
        parsed = parse_unit(item)
        slot = Slot(rows=parsed.report, unit=item)
        index = len(self.slots)
        self.slots.append(slot)
        keyed, dups = [], {}
        for rec in parsed.records:
            if rec.doc_id in self._first_source:
                first = self._first_source[rec.doc_id]
                dups[rec.doc_id] = f"duplicate doc_id {rec.doc_id!r} (already loaded from {first})"
                continue
            self._first_source[rec.doc_id] = item.source
            key = record_key(rec)
            self.entries.append(Entry(index, rec.doc_id, rec.source, key))
            keyed.append((key, rec))
        if dups:
            account(slot, dups)
        return keyed

    def crashed(self, failed: dict[str, str]) -> None:
        """Drop the records an extractor crashed on (by key), each reported in its unit's rows."""
        by_slot: dict[int, dict[str, str]] = {}
        for e in self.entries:
            if e.key in failed:
                by_slot.setdefault(e.slot, {})[e.doc_id] = failed[e.key]
        for index, reasons in by_slot.items():
            account(self.slots[index], reasons)

    def kept(self) -> list[Entry]:
        return [e for e in self.entries if e.doc_id not in self.slots[e.slot].drop]

    def report_rows(self) -> list[dict]:
        return [row for slot in self.slots for row in slot.rows]
