"""Province charts: the offline bubble map with its label placement, and the comparison by type.

The map is centroid bubbles on plain lon/lat axes: nothing is fetched (no tiles, no geo traces).
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loaders.schema import MEETING_TYPES

from .. import i18n
from .template import SEQUENTIAL, TYPE_COLOURS, count_title, layout, plain, type_name

# Vietnam's two archipelagos are part of the map readers expect (Hoàng Sa: Đà Nẵng; Trường Sa: Khánh Hòa)
ARCHIPELAGOS = [("Quần đảo Hoàng Sa", 16.4, 111.3), ("Quần đảo Trường Sa", 9.8, 112.6)]
MAP_LON_RANGE = (102.0, 115.5)
MAP_LABELS = 12  # at most this many provinces named on the map (the busiest whose label has room)
MAP_LAT_RANGE = (8.2, 23.6)
# label box in map degrees at font size 11 on the 700 px map: ~0.12° per character, ~0.42° per line
MAP_CHAR_DEG, MAP_LINE_DEG, MAP_BUBBLE_GAP_DEG = 0.12, 0.42, 0.3


def province_map(frame: pd.DataFrame, lang: str, unit: str, title: str) -> go.Figure:
    """Centroid bubbles on plain lon/lat axes (equal aspect): nothing is fetched, no tiles, no geo."""
    places = frame[frame["lat"].notna() & frame["lon"].notna()]
    active = places[places["count"] > 0]
    idle = places[places["count"] == 0]
    fig = go.Figure()
    fig.add_scatter(x=idle["lon"], y=idle["lat"], mode="markers", name=i18n.t("chart.no_meetings", lang),
                    marker=dict(size=6, color="#d0d7de"), customdata=[[plain(n)] for n in idle["name"]],
                    hovertemplate="%{customdata[0]}: 0<extra></extra>")
    _add_bubbles(fig, active, places, count_title(unit, lang))
    _add_archipelagos(fig)
    layout(fig, title, lang, showlegend=False, height=700, plot_bgcolor="#f4f8fb")
    fig.update_xaxes(range=list(MAP_LON_RANGE), showgrid=False, zeroline=False, visible=False)
    fig.update_yaxes(range=list(MAP_LAT_RANGE), showgrid=False, zeroline=False, visible=False,
                     scaleanchor="x", scaleratio=1)
    return fig


def _add_bubbles(fig: go.Figure, active: pd.DataFrame, places: pd.DataFrame, name: str) -> None:
    """One bubble per active province, its area following the count."""
    biggest = max(int(active["count"].max()), 1) if len(active) else 1
    # name only the busiest provinces whose label has room (the Mekong delta is crowded); hover names all
    labelled = map_labels(active, places)
    fig.add_scatter(x=active["lon"], y=active["lat"], mode="markers+text", name=name,
                    text=[plain(n) if n in labelled else "" for n in active["name"]],
                    textposition="middle right", textfont=dict(size=11),
                    customdata=[[plain(n), c] for n, c in zip(active["name"], active["count"], strict=False)],
                    marker=dict(size=6 + 26 * (active["count"] / biggest) ** 0.5, color=active["count"],
                                colorscale=SEQUENTIAL, cmin=0, cmax=biggest, line=dict(width=1, color="#08306b"),
                                showscale=False, opacity=0.85),
                    hovertemplate="%{customdata[0]}: %{customdata[1]:,d}<extra></extra>")


def _add_archipelagos(fig: go.Figure) -> None:
    for name, lat, lon in ARCHIPELAGOS:
        fig.add_annotation(x=lon, y=lat, text=f"<i>{name}</i>", showarrow=False, xanchor="left",
                           font=dict(size=11, color="#52606d"))
        fig.add_scatter(x=[lon - 0.15], y=[lat], mode="markers", marker=dict(size=4, color="#52606d"),
                        hoverinfo="skip", showlegend=False)


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_labels(active: pd.DataFrame, places: pd.DataFrame, limit: int = MAP_LABELS) -> set[str]:
    """Names to print beside their bubble: busiest first, skipping any whose text box would cover
    another label or another active province's bubble (boxes in map degrees, text to the right).
    The small grey dots of idle provinces do not block a label."""
    dots = list(zip(active["name"], active["lon"], active["lat"], strict=False))
    taken: list[tuple] = []
    chosen: set[str] = set()
    for name, lon, lat in active.sort_values(["count", "name"], ascending=[False, True])[
            ["name", "lon", "lat"]].itertuples(index=False):
        box = (lon + 0.2, lat - MAP_LINE_DEG / 2, lon + 0.25 + MAP_CHAR_DEG * len(str(name)), lat + MAP_LINE_DEG / 2)
        near = any(other != name and box[0] - MAP_BUBBLE_GAP_DEG < x < box[2] and box[1] - MAP_BUBBLE_GAP_DEG < y
                   < box[3] + MAP_BUBBLE_GAP_DEG for other, x, y in dots)
        if near or any(_overlaps(box, t) for t in taken):
            continue
        taken.append(box)
        chosen.add(name)
        if len(chosen) >= limit:
            break
    return chosen


def compare_types(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """Grouped bars: provinces on x, one trace per meeting type."""
    fig = go.Figure()
    for mtype in [*MEETING_TYPES, "none"]:
        part = frame[frame["meeting_type"] == mtype]
        if part.empty:
            continue
        fig.add_bar(x=[plain(p) for p in part["province"]], y=part["count"], marker_color=TYPE_COLOURS[mtype],
                    name=type_name(mtype, lang))
    layout(fig, i18n.t("chart.compare_types", lang), lang, barmode="group", yaxis_title=count_title(unit, lang))
    return fig
