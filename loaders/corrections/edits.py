"""Edits of a list of corrections, pure: add one, undo one, resolve a conflict, merge another file.

A change made by hand replaces every earlier correction of the same value (that is how the
analyst resolves a conflict too). A merged file never overwrites: a correction of a value the
local file already corrects the same way is a duplicate and dropped; a different one is kept
beside it, and the pair is a conflict (``CorrectionSet.conflicts``) until someone picks one.
"""
from __future__ import annotations

from dataclasses import dataclass

from .records import Correction


@dataclass(frozen=True)
class MergeSummary:
    added: int = 0
    duplicates: int = 0
    conflicts: int = 0  # added corrections that disagree with one already there


def with_added(items: list[Correction], new: Correction) -> list[Correction]:
    """``items`` with ``new`` in place of every correction of the same slot."""
    return [c for c in items if c.slot != new.slot] + [new]


def without(items: list[Correction], correction_id: str) -> list[Correction]:
    """Undo: ``items`` less the correction ``correction_id`` (the extracted value shows again)."""
    return [c for c in items if c.id != correction_id]


def keeping(items: list[Correction], correction_id: str) -> list[Correction]:
    """Resolve a conflict: keep ``correction_id`` and drop the others of its slot."""
    chosen = next((c for c in items if c.id == correction_id), None)
    if chosen is None:
        return list(items)
    return [c for c in items if c.slot != chosen.slot or c.id == chosen.id]


def merged(local: list[Correction], incoming: list[Correction]) -> tuple[list[Correction], MergeSummary]:
    """``local`` plus what ``incoming`` adds; agreement is deduplicated, disagreement kept side by side."""
    out = list(local)
    ids = {c.id for c in out}
    added = duplicates = conflicts = 0
    for c in incoming:
        same_slot = [o for o in out if o.slot == c.slot]
        if c.id in ids or any(o.change == c.change for o in same_slot):
            duplicates += 1
            continue
        if same_slot and c.action != "check":
            conflicts += 1
        out.append(c)
        ids.add(c.id)
        added += 1
    return out, MergeSummary(added, duplicates, conflicts)
