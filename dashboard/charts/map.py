"""The province map: a tile grid, one equal square per province (63 before 1 July 2025 or the 34
after), coloured by count, a label on every tile, Hoàng Sa and Trường Sa marked, a legend, and
the filters and the source written under it, so a PNG of it stands on its own in a report.

Plain cartesian axes: nothing is fetched (no tiles, no geo traces, no outlines). Each tile is a
square shape under an invisible point carrying its province name, so a click selects it (the page
turns that into the province filter) and hovering names it in full.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from loaders.assets import read_csv

from .. import i18n
from .template import count_title, layout, plain, wrap
from .tilegrid import Tile, tile_layout

# light to dark blue for 1..max; zero is grey, kept out of the scale ("none" is not "a few")
SCALE = [[0.0, "#c6dbef"], [0.35, "#6baed6"], [0.7, "#2171b5"], [1.0, "#08306b"]]
ZERO_COLOUR, ZERO_TEXT = "#eceff1", "#52606d"
DARK_FROM = 0.5  # tiles this far up the scale get white text
TILE_PX = 46  # a tile's side on screen and in the PNG (the figure is sized from it)
LABEL_CHARS = 6  # a tile's line holds this many letters at the label's font size
LABEL_FONT, COUNT_FONT = 10, 11
MARGIN = dict(l=10, r=10, t=60, b=10)
FOOTER_LINE_PX = 16
# the grey "none" square right of the map, under the colour bar (the foot of the figure holds the filters)
ZERO_LEGEND = dict(orientation="v", x=1.02, y=0.5, xref="paper", yref="paper", xanchor="left", yanchor="top",
                   font=dict(size=11))
FOOTER_CHARS = 90  # a footer line: fits the narrowest figure (a 700 px export) at its font size
# the two archipelagos, beside the province each belongs to (Đà Nẵng, Khánh Hòa: in both lists)
ARCHIPELAGOS = (("map.hoang_sa", "Đà Nẵng", 0), ("map.truong_sa", "Khánh Hòa", 2))


def tile_label(name: str, chars: int = LABEL_CHARS) -> str:
    """The tile's text: the name on one or two lines of ``chars`` letters; a name too long for
    that is written as its usual abbreviation (assets/province_aliases.csv, kind abbr: TP.HCM).
    Shown as written (``plain``): only our own <br> is markup."""
    if len(name) <= chars:
        return plain(name)
    lines = wrap(name, chars).split("<br>")
    if len(lines) <= 2 and all(len(line) <= chars for line in lines):
        return "<br>".join(lines)
    abbr = next((r["alias"] for r in read_csv("province_aliases.csv")
                 if r["province"] == name and r["kind"] == "abbr"), None)
    return plain(abbr or "".join(w[0] for w in name.split()[:-1]) + name.split()[-1][:chars])


def province_tile_map(table: pd.DataFrame, scheme: str, lang: str, unit: str, title: str,
                      footer: str = "") -> go.Figure:
    """``table``: every province of the scheme with ``name``, ``lat``, ``lon`` and ``count``
    (``queries.by_province``). ``footer``: the filter sentence and the source, printed under the map."""
    places = table[table["lat"].notna() & table["lon"].notna()]
    tiles = tile_layout(places, scheme)
    counts = dict(zip(places["name"], places["count"].astype(int), strict=True))
    biggest = max(max(counts.values(), default=0), 1)
    frame = pd.DataFrame([{"name": t.name, "row": t.row, "col": t.col, "count": counts[t.name]} for t in tiles])
    fig = go.Figure()
    _tiles(fig, frame, biggest, lang, unit)
    _legend(fig, frame, biggest, lang, unit)
    _archipelagos(fig, tiles, lang)
    rows, cols = frame["row"].max() + 1, frame["col"].max() + 1
    footer_lines = _footer(fig, footer)
    layout(fig, title, lang, height=int(rows * TILE_PX + MARGIN["t"] + 90 + footer_lines * FOOTER_LINE_PX),
           plot_bgcolor="white", clickmode="event+select", dragmode=False,
           margin={**MARGIN, "b": 20 + footer_lines * FOOTER_LINE_PX}, showlegend=True,
           legend=ZERO_LEGEND)
    fig.update_xaxes(range=[-0.6, cols + 0.4], visible=False, fixedrange=True)
    fig.update_yaxes(range=[rows - 0.4, -0.6], visible=False, fixedrange=True, scaleanchor="x", scaleratio=1)
    return fig


def _hover(lang: str, unit: str) -> str:
    return "%{customdata[0]}: %{customdata[1]:,d} " + count_title(unit, lang).lower() + \
        "<br><i>" + i18n.t("map.click_hint", lang) + "</i><extra></extra>"


def tile_colour(count: int, biggest: int) -> str:
    """Grey for none, else the scale's colour at count's place between 1 and the largest count."""
    if count <= 0:
        return ZERO_COLOUR
    return sample_colorscale(SCALE, [(count - 1) / max(biggest - 1, 1)])[0]


def _tiles(fig: go.Figure, frame: pd.DataFrame, biggest: int, lang: str, unit: str) -> None:
    """Squares as shapes in data units (they scale with the chart, so tiles never overlap), and on
    top one invisible point per tile with its label: what a hover names and a click selects."""
    # set at once: add_shape per tile re-validates every shape added so far (quadratic, seconds at 63 tiles)
    fig.update_layout(shapes=[dict(type="rect", x0=row.col - 0.47, x1=row.col + 0.47, y0=row.row - 0.47,
                                   y1=row.row + 0.47, fillcolor=tile_colour(row.count, biggest), line=dict(width=0),
                                   layer="below") for row in frame.itertuples(index=False)])
    dark = frame["count"] > 0
    dark &= (frame["count"] - 1) / max(biggest - 1, 1) >= DARK_FROM
    text = [tile_label(n) if c == 0 else f"{tile_label(n)}<br><b>{i18n.fmt_int(c, lang)}</b>"
            for n, c in zip(frame["name"], frame["count"], strict=True)]
    colours = ["white" if d else (ZERO_TEXT if c == 0 else "#102a43") for d, c in zip(dark, frame["count"],
                                                                                         strict=True)]
    fig.add_scatter(x=frame["col"], y=frame["row"], mode="markers+text", text=text, name=i18n.t("map.tiles", lang),
                    textfont=dict(size=LABEL_FONT, color=colours),
                    customdata=[[plain(n), c] for n, c in zip(frame["name"], frame["count"], strict=True)],
                    marker=dict(symbol="square", size=TILE_PX * 0.8, color="rgba(0,0,0,0)"),
                    hovertemplate=_hover(lang, unit), showlegend=False)


def _legend(fig: go.Figure, frame: pd.DataFrame, biggest: int, lang: str, unit: str) -> None:
    """The colour bar (1 .. largest count) and a grey square for the provinces with none."""
    first = frame.iloc[0]
    fig.add_scatter(x=[first["col"], first["col"]], y=[first["row"], first["row"]], mode="markers", hoverinfo="skip",
                    marker=dict(size=0.1, color=[1, max(biggest, 2)], colorscale=SCALE, cmin=1, cmax=max(biggest, 2),
                                showscale=True, colorbar=dict(title=dict(text=wrap(count_title(unit, lang), 8),
                                                                         side="top"), thickness=14, len=0.4, y=1,
                                                              yanchor="top", outlinewidth=0, tickformat=",d",
                                                              dtick=_tick_step(biggest))),
                    showlegend=False)
    fig.add_scatter(x=[None], y=[None], mode="markers", name=i18n.t("map.zero", lang),
                    marker=dict(symbol="square", size=14, color=ZERO_COLOUR, line=dict(width=1, color="#b0bec5")),
                    showlegend=bool((frame["count"] == 0).any()))


def _tick_step(biggest: int) -> int:
    """Whole-number ticks on the colour bar, about five of them (1, 2, 5, 10, 20, 50 ...)."""
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if biggest / step <= 6:
            return step
    return 2000


def _archipelagos(fig: go.Figure, tiles: list[Tile], lang: str) -> None:
    """Hoàng Sa and Trường Sa east of the coast, at the rows of Đà Nẵng and Khánh Hòa."""
    by_name = {t.name: t for t in tiles}
    east = max(t.col for t in tiles)
    for key, owner, rows_down in ARCHIPELAGOS:
        row = by_name[owner].row + rows_down
        fig.add_scatter(x=[east - 0.15, east, east + 0.15, east + 0.05],
                        y=[row - 0.25, row - 0.1, row - 0.2, row - 0.35], mode="markers",
                        marker=dict(size=4, color="#52606d"), hoverinfo="skip", showlegend=False)
        fig.add_annotation(x=east, y=row + 0.05, text=f"<i>{i18n.t(key, lang)}</i>", showarrow=False,
                           yanchor="top", font=dict(size=10, color="#52606d"))


def _footer(fig: go.Figure, footer: str) -> int:
    """Write ``footer`` under the map, wrapped to the map's width; return its number of lines."""
    if not footer:
        return 0
    text = "<br>".join(wrap(part, FOOTER_CHARS) for part in footer.split("\n"))
    fig.add_annotation(x=0, y=0, xref="paper", yref="paper", yshift=-8, xanchor="left", yanchor="top",
                       text=text, showarrow=False, align="left", font=dict(size=11, color="#52606d"))
    return text.count("<br>") + 1
