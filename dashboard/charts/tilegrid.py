"""The tile-grid layout: one equal square per province, arranged like the country.

Pure and deterministic (tests/dashboard/test_tilegrid.py). From the centroids alone:

1. rows: provinces sorted north to south get a row from a blend of their latitude and their rank
   (the rank evens out the crowded deltas and the long, thin centre); rows nobody fills are
   dropped, so the map has no empty bands. North-south order is kept: a province further north
   is never in a lower row.
2. columns, row by row: west to east as their longitudes are (order kept, no two in one cell),
   as close to the longitude's own column as they can be while a row has gaps of at most
   MAX_GAP tiles (the equal-tile map is compact, not a sparse scatter). Each row is placed by
   a small dynamic programme over the columns (a row holds at most a dozen provinces).
3. each row touches the one above it (its columns overlap), so the country is one piece.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

ROW_DEGREES = {"63": 18, "34": 12}  # rows before empty ones are dropped (more provinces, more rows)
COL_DEGREES = {"63": 0.55, "34": 0.7}  # degrees of longitude per column
LAT_WEIGHT = 0.4  # row position: this much latitude, the rest rank
MAX_GAP = 1  # empty tiles allowed between two provinces of one row
SLACK = 4  # columns tried beyond the targets' range on each side


@dataclass(frozen=True)
class Tile:
    name: str
    row: int  # 0 = northernmost
    col: int  # 0 = westernmost


def tile_rows(lat: pd.Series, rows: int, lat_weight: float = LAT_WEIGHT) -> pd.Series:
    """Row of each province (index kept): north first, rank-blended, empty rows dropped."""
    order = lat.sort_values(ascending=False, kind="mergesort")
    n = len(order)
    rank = pd.Series(range(n), index=order.index) / max(n - 1, 1)
    span = (lat.max() - lat.min()) or 1.0
    position = (lat_weight * (lat.max() - order) / span + (1 - lat_weight) * rank) * (rows - 1)
    raw = position.map(lambda v: int(math.floor(v + 0.5)))
    dense = {r: i for i, r in enumerate(sorted(set(raw)))}
    return raw.map(dense).reindex(lat.index)


def row_columns(targets: list[float], max_gap: int = MAX_GAP) -> list[int]:
    """Strictly increasing integer columns for targets sorted west to east, gaps of at most
    ``max_gap`` empty tiles, minimising the squared distance to the targets."""
    if not targets:
        return []
    low, high = math.floor(min(targets)) - SLACK, math.ceil(max(targets)) + SLACK
    cols = range(low, high + 1)
    cost = {c: (c - targets[0]) ** 2 for c in cols}
    back: list[dict[int, int]] = []
    for target in targets[1:]:
        step, came = {}, {}
        for c in cols:
            options = [(cost[p], p) for p in range(c - 1 - max_gap, c) if p in cost]
            if options:
                best, prev = min(options)
                step[c], came[c] = best + (c - target) ** 2, prev
        cost = step
        back.append(came)
    col = min(cost, key=lambda c: (cost[c], c))
    out = [col]
    for came in reversed(back):
        col = came[col]
        out.append(col)
    return out[::-1]


def tile_layout(frame: pd.DataFrame, scheme: str = "63") -> list[Tile]:
    """Tiles for a frame of ``name``, ``lat``, ``lon`` (63 or 34 provinces), columns from 0."""
    frame = frame.reset_index(drop=True)
    rows = tile_rows(frame["lat"], ROW_DEGREES[scheme])
    west = frame["lon"].min()
    tiles: list[Tile] = []
    above: tuple[int, int] | None = None
    for row in sorted(set(rows)):
        members = frame[rows == row].sort_values(["lon", "name"], kind="mergesort")
        cols = row_columns([(lon - west) / COL_DEGREES[scheme] for lon in members["lon"]])
        if above is not None:  # touch the row above: shift the whole row by the least that does it
            shift = min(0, above[1] - cols[0]) or max(0, above[0] - cols[-1])
            cols = [c + shift for c in cols]
        above = (cols[0], cols[-1])
        tiles += [Tile(name, int(row), c) for name, c in zip(members["name"], cols, strict=True)]
    first = min(t.col for t in tiles)
    return [Tile(t.name, t.row, t.col - first) for t in tiles]
