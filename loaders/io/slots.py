"""A run's units in input order: cache hits as Arrow tables, misses as records still to extract.

Every file and zip member becomes a *slot*. A slot found in the cache carries its stacked tables;
a miss carries its parsed records until the pipeline extracts them. Records dropped later
(duplicate doc_ids across files, an extractor crash) are accounted for in the slot's report rows,
so the ingest report still says what became of every item. ``join`` stacks all slots back into
one set of tables, in input order.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..types import RawRecord
from .cache import TABLE_COL, UnitCache, part_of
from .readers import parse_unit
from .units import Unit, iter_units, report_row

ID_SEP = "\x1f"  # tags doc_ids with their slot while extracting: two files may share an id
SLOT_COL = "__slot__"  # the unit a row came from, to keep input order and drop duplicates


@dataclass
class Slot:
    """One unit's place in the run (or a report row for a file that never became a unit)."""

    rows: list[dict]
    unit: Unit | None = None
    key: str | None = None
    records: list[RawRecord] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] | None = None  # a miss, once extracted
    cached: pa.Table | None = None  # a hit: the stacked tables from the cache
    drop: dict[str, str] = field(default_factory=dict)  # doc_id -> why it is not loaded

    def doc_ids(self) -> list[str]:
        if self.cached is not None:
            return [str(x) for x in part_of(self.cached, "articles")["doc_id"].to_pylist()]
        if self.tables is not None:
            return [str(x) for x in self.tables["articles"]["doc_id"]]
        return []


def read_slots(path, cache: UnitCache) -> list[Slot]:
    slots: list[Slot] = []
    for item in iter_units(path):
        if isinstance(item, dict):
            slots.append(Slot(rows=[item]))
            continue
        key = cache.key(item.source, item.digest)
        cached = cache.load(key)
        if cached is not None:
            rows = part_of(cached, "report").to_pylist()
            slots.append(Slot(rows=rows, unit=item, key=key, cached=cached))
            continue
        parsed = parse_unit(item)
        slots.append(Slot(rows=parsed.report, unit=item, key=key, records=parsed.records))
    return slots


def tag(index: int, rec: RawRecord) -> RawRecord:
    return dataclasses.replace(rec, doc_id=f"{index}{ID_SEP}{rec.doc_id}")


def split_back(tables: dict[str, pd.DataFrame]) -> dict[int, dict[str, pd.DataFrame]]:
    """{slot index: its tables with the original doc_ids} from tables of tagged records."""
    out: dict[int, dict[str, pd.DataFrame]] = {}
    for name, table in tables.items():
        if table.empty:
            continue
        parts = table["doc_id"].astype(str).str.split(ID_SEP, n=1, expand=True)
        table = table.assign(doc_id=parts[1].to_numpy())
        for index, group in table.groupby(parts[0].astype(int).to_numpy(), sort=False):
            out.setdefault(int(index), {})[name] = group.reset_index(drop=True)
    return out


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


def drop_duplicates(slots: list[Slot]) -> None:
    """A doc_id already loaded from an earlier unit is skipped (first one wins)."""
    first_source: dict[str, str] = {}
    for slot in slots:
        ids = [d for d in slot.doc_ids() if d not in slot.drop]
        dups = {d: f"duplicate doc_id {d!r} (already loaded from {first_source[d]})" for d in ids if d in first_source}
        for d in ids:
            first_source.setdefault(d, slot.unit.source if slot.unit else "?")
        if dups:
            account(slot, dups)


def join(slots: list[Slot], names: list[str], empty_table) -> dict[str, pd.DataFrame]:
    """Every unit's tables joined in input order, without the dropped records.

    Cached units are concatenated as Arrow and converted to pandas once (converting each
    small entry separately is what makes a warm load of many files slow).
    """
    pieces: dict[str, list[pd.DataFrame]] = {name: [] for name in names}
    hits = [slot.cached.append_column(SLOT_COL, pa.array([i] * slot.cached.num_rows, pa.int64()))
            for i, slot in enumerate(slots) if slot.cached is not None]
    if hits:
        joined = pa.concat_tables(hits, promote_options="permissive")
        for name in names:
            rows = joined.filter(pc.equal(joined[TABLE_COL], name))
            if rows.num_rows:
                pieces[name].append(part_of(rows, name).append_column(SLOT_COL, rows[SLOT_COL]).to_pandas())
    for i, slot in enumerate(slots):
        if slot.tables is not None:
            for name in names:
                if len(slot.tables[name]):
                    pieces[name].append(slot.tables[name].assign(**{SLOT_COL: i}))
    drops = {(i, d) for i, slot in enumerate(slots) for d in slot.drop}
    out = {}
    for name in names:
        if not pieces[name]:
            out[name] = empty_table(name)
            continue
        table = pd.concat(pieces[name], ignore_index=True).sort_values(SLOT_COL, kind="stable")
        if drops:
            keep = [(s, str(d)) not in drops for s, d in zip(table[SLOT_COL], table["doc_id"], strict=True)]
            table = table[keep]
        out[name] = table.drop(columns=SLOT_COL).reset_index(drop=True)
    return out
