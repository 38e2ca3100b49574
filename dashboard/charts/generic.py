"""Shapes any page reuses: ranked horizontal bars and labelled heatmaps."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..queries.collation import sort_key
from .template import SEQUENTIAL, integer_axis, layout, plain, wrap

TICK_FONT_PX = 7.5  # average glyph width of a 13 px tick label, for margin estimates
SLANT_CHARS = 28  # longest slanted axis label before it is cut with "…"


def ranked_bar(frame: pd.DataFrame, label_col: str, value_col: str, lang: str, title: str,
               axis_title: str, colour: str = "#2171b5", label=lambda v: v) -> go.Figure:
    """Horizontal bars, largest on top (the frame arrives ranked)."""
    frame = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=frame[value_col], y=[plain(label(v)) for v in frame[label_col]], orientation="h",
                           marker_color=colour, hovertemplate="%{y}: %{x:,}<extra></extra>"))
    layout(fig, title, lang, xaxis_title=axis_title, height=max(320, 26 * len(frame) + 120))
    if value_col == "count":
        integer_axis(fig, frame[value_col], axis="x")
    fig.update_yaxes(type="category", automargin=True)
    return fig


def heatmap(frame: pd.DataFrame, row: str, col: str, value: str, lang: str, title: str,
            row_label=lambda v: v, col_label=lambda v: v) -> go.Figure:
    """Rows ordered by their total (largest on top), columns in their natural order; every row
    and column is labelled (long column labels wrapped and slanted, the margins grow to fit)."""
    grid = _ordered_grid(frame, row, col, value)
    columns = [str(col_label(c)) for c in grid.columns]
    longest = max((len(c) for c in columns), default=0)
    # many long column labels: one slanted line each, cut at SLANT_CHARS (the hover has the full name);
    # wrapped labels would run into each other once slanted on a narrow screen
    slanted = longest > 6 and len(columns) > 4
    if slanted:
        ticks = [plain(c if len(c) <= SLANT_CHARS else c[:SLANT_CHARS - 1].rstrip(" ,") + "…") for c in columns]
    else:
        ticks = [wrap(c, 16) for c in columns]
    rows = [plain(row_label(r)) for r in grid.index]
    fig = go.Figure(go.Heatmap(z=grid.values, x=ticks, y=rows, customdata=[[plain(c) for c in columns]] * len(rows),
                               colorscale=SEQUENTIAL, texttemplate="%{z}", colorbar=_count_colorbar(grid.values),
                               hovertemplate="%{y} · %{customdata}: %{z:,}<extra></extra>"))
    bottom = int(min(longest, SLANT_CHARS) * TICK_FONT_PX * 0.8 + 40) if slanted else 40
    layout(fig, title, lang, height=max(320, 24 * len(grid) + 110 + bottom))
    fig.update_xaxes(type="category", side="bottom", automargin=True, tickangle=-50 if slanted else 0,
                     tickmode="linear", dtick=1)
    fig.update_yaxes(type="category", automargin=True, tickmode="linear", dtick=1)
    return fig


def _ordered_grid(frame: pd.DataFrame, row: str, col: str, value: str) -> pd.DataFrame:
    """``frame`` pivoted row × col; rows by total with the largest last (plotly draws it on top)."""
    grid = frame.pivot_table(index=row, columns=col, values=value, aggfunc="sum", fill_value=0)
    if len(grid):
        totals = grid.sum(axis=1)
        order = sorted(grid.index, key=lambda r: (-totals[r], sort_key(str(r))))
        grid = grid.loc[order[::-1]]
        grid = grid[sorted(grid.columns, key=lambda c: sort_key(str(c)))]
    return grid


def _count_colorbar(values) -> dict:
    """Whole-number ticks on a heatmap's colour bar (no "0,2" for counts)."""
    top = float(values.max()) if getattr(values, "size", 0) else 0
    return dict(thickness=12, tickformat=",d", **({"dtick": 1} if top <= 8 else {}))
