"""Pure: small frame -> plotly Figure, all through one template. No streamlit here.

Every builder takes the UI language for its labels (Vietnamese labels are passed through
untouched) and returns a Figure even for an empty frame. Colours for meeting types and
themes are fixed so the same thing has the same colour on every page.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from loaders.schema import COUNT_FIELDS, MEETING_TYPES

from . import i18n

TEMPLATE_NAME = "ttdn"
FONT_FAMILY = "Noto Sans, DejaVu Sans, Segoe UI, Arial, sans-serif"
TYPE_COLOURS = {
    "so_ket": "#1f77b4", "tong_ket": "#d62728", "tap_huan": "#2ca02c", "thong_tin_thoi_su": "#9467bd",
    "hop": "#ff7f0e", "trien_khai": "#8c564b", "khac": "#7f7f7f", "none": "#c7c7c7",
}
FIELD_COLOURS = {"delegations_in": "#1f77b4", "delegations_out": "#d62728",
                 "visitors_in": "#6baed6", "visitors_out": "#fc9272"}
HALF_COLOURS = {"H1": "#4c78a8", "H2": "#f58518"}
SEQUENTIAL = "Blues"
# Vietnam's two archipelagos are part of the map readers expect (Hoàng Sa: Đà Nẵng; Trường Sa: Khánh Hòa)
ARCHIPELAGOS = [("Quần đảo Hoàng Sa", 16.4, 111.3), ("Quần đảo Trường Sa", 9.8, 112.6)]
MAP_LON_RANGE = (102.0, 115.5)
MAP_LABELS = 12  # at most this many provinces named on the map (the busiest whose label has room)
MAP_LAT_RANGE = (8.2, 23.6)
# label box in map degrees at font size 11 on the 700 px map: ~0.12° per character, ~0.42° per line
MAP_CHAR_DEG, MAP_LINE_DEG, MAP_BUBBLE_GAP_DEG = 0.12, 0.42, 0.3
# legend in rows at the foot of the figure (container coordinates: below the axis title whatever
# the tick labels do, and the margin grows to fit); beside the plot it ate half a laptop screen
LEGEND_BELOW = dict(orientation="h", yref="container", y=0, yanchor="bottom", x=0, xanchor="left", title_text="")
TICK_FONT_PX = 7.5  # average glyph width of a 13 px tick label, for margin estimates
SLANT_CHARS = 28  # longest slanted axis label before it is cut with "…"


def _register_template() -> None:
    base = pio.templates["plotly_white"]
    template = go.layout.Template(base)
    template.layout.font = dict(family=FONT_FAMILY, size=14, color="#1f2933")
    template.layout.title = dict(font=dict(size=17), x=0, xanchor="left")
    # never above the plot: a wrapped legend there runs into the title
    template.layout.legend = LEGEND_BELOW
    template.layout.margin = dict(l=10, r=10, t=60, b=10)
    template.layout.hoverlabel = dict(font=dict(family=FONT_FAMILY, size=13))
    pio.templates[TEMPLATE_NAME] = template


_register_template()


def _layout(fig: go.Figure, title: str, lang: str, **extra) -> go.Figure:
    fig.update_layout(template=TEMPLATE_NAME, title_text=title, separators=i18n.PLOTLY_SEPARATORS[lang], **extra)
    return fig


def _integer_axis(fig: go.Figure, values, axis: str = "y") -> None:
    """Counts are whole numbers: no 0,5 ticks when the largest value is small."""
    top = pd.to_numeric(pd.Series(values), errors="coerce").max() if len(values) else 0
    if pd.notna(top) and top <= 8:
        (fig.update_yaxes if axis == "y" else fig.update_xaxes)(dtick=1, tick0=0)


def wrap(text, width: int) -> str:
    """Break a label into lines of at most ``width`` characters at spaces (plotly reads <br>),
    as few lines as that allows and of even length: "Xúc tiến đầu tư, / thương mại, du lịch"."""
    text = str(text)
    if len(text) <= width:
        return text
    fewest = len(_greedy_lines(text, width))
    limit = -(-len(text) // fewest)  # the even share; widen until no extra line is needed
    while limit < width and len(_greedy_lines(text, limit)) > fewest:
        limit += 1
    return "<br>".join(_greedy_lines(text, limit))


def _greedy_lines(text: str, limit: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > limit:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines


def _period_ticks(fig: go.Figure, buckets: list[str], lang: str) -> None:
    """Bars keep their codes on x (a click returns the code); the axis shows them in words."""
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=buckets, tickmode="array",
                     tickvals=buckets, ticktext=[i18n.period_label(b, lang) for b in buckets])


def _count_title(unit: str, lang: str) -> str:
    return i18n.t(f"chart.count_{unit}", lang)


# ---------------------------------------------------------------- time

def over_time(frame: pd.DataFrame, lang: str, unit: str, share: bool = False) -> go.Figure:
    """Stacked bars per bucket, one trace per meeting type; customdata carries the type code."""
    fig = go.Figure()
    value = "share" if share else "count"
    for mtype in [*MEETING_TYPES, "none"]:
        part = frame[frame["meeting_type"] == mtype]
        if part.empty or not part["count"].any():
            continue
        fig.add_bar(x=part["bucket"], y=part[value], name=i18n.meeting_type_label(None if mtype == "none" else mtype,
                                                                                     lang),
                    marker_color=TYPE_COLOURS[mtype], customdata=[[mtype]] * len(part),
                    text=[i18n.period_label(b, lang) for b in part["bucket"]], textposition="none",
                    hovertemplate="%{text}: %{y" + (":.0%" if share else ":,d") + "}<extra>%{fullData.name}</extra>")
    axis_title = i18n.t("chart.share", lang) if share else _count_title(unit, lang)
    _layout(fig, i18n.t("chart.over_time", lang), lang, barmode="stack",
            yaxis_title=axis_title, xaxis_title=i18n.t("chart.period_axis", lang), clickmode="event+select")
    _period_ticks(fig, list(dict.fromkeys(frame["bucket"])), lang)
    if share:
        fig.update_yaxes(tickformat=".0%", range=[0, 1])
    else:
        _integer_axis(fig, frame.groupby("bucket")["count"].sum() if len(frame) else [])
    _mark_halves(fig, list(dict.fromkeys(frame["bucket"])))
    return fig


def _mark_halves(fig: go.Figure, buckets: list[str]) -> None:
    """Dotted lines where a half-year starts (Jan, Jul) — or a year, for half-year bars: the
    reporting rhythm of sơ kết/tổng kết."""
    for i, bucket in enumerate(buckets):
        if i and (bucket.endswith(("-01", "-07", "-Q1", "-Q3", "-H1"))):
            fig.add_vline(x=i - 0.5, line=dict(color="#9aa5b1", width=1, dash="dot"))


def articles_vs_meetings(frame: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(x=frame["bucket"], y=frame["articles"], name=i18n.t("chart.articles", lang), marker_color="#9ecae1")
    fig.add_bar(x=frame["bucket"], y=frame["meetings"], name=i18n.t("chart.meetings", lang), marker_color="#08519c")
    _layout(fig, i18n.t("chart.articles_vs_meetings", lang), lang, barmode="group",
            xaxis_title=i18n.t("chart.period_axis", lang), yaxis_title=i18n.t("chart.number", lang))
    _period_ticks(fig, list(frame["bucket"]), lang)
    _integer_axis(fig, frame["articles"] if len(frame) else [])
    return fig


def month_profile(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    fig = go.Figure()
    for half in ("H1", "H2"):
        part = frame[frame["half"] == half]
        fig.add_bar(x=[i18n.t(f"month.{m}", lang) for m in part["month"]], y=part["count"],
                    name=i18n.t(f"chart.half_{half}", lang), marker_color=HALF_COLOURS[half])
    _layout(fig, i18n.t("chart.month_profile", lang), lang, yaxis_title=_count_title(unit, lang), bargap=0.15)
    fig.update_xaxes(type="category")
    _integer_axis(fig, frame["count"])
    return fig


# ---------------------------------------------------------------- provinces

def province_map(frame: pd.DataFrame, lang: str, unit: str, title: str) -> go.Figure:
    """Centroid bubbles on plain lon/lat axes (equal aspect): nothing is fetched, no tiles, no geo."""
    places = frame[frame["lat"].notna() & frame["lon"].notna()]
    active = places[places["count"] > 0]
    idle = places[places["count"] == 0]
    fig = go.Figure()
    fig.add_scatter(x=idle["lon"], y=idle["lat"], mode="markers", name=i18n.t("chart.no_meetings", lang),
                    marker=dict(size=6, color="#d0d7de"), customdata=idle[["name"]],
                    hovertemplate="%{customdata[0]}: 0<extra></extra>")
    biggest = max(int(active["count"].max()), 1) if len(active) else 1
    # name only the busiest provinces whose label has room (the Mekong delta is crowded); hover names all
    labelled = map_labels(active, places)
    fig.add_scatter(x=active["lon"], y=active["lat"], mode="markers+text", name=_count_title(unit, lang),
                    text=[n if n in labelled else "" for n in active["name"]],
                    textposition="middle right", textfont=dict(size=11),
                    customdata=active[["name", "count"]],
                    marker=dict(size=6 + 26 * (active["count"] / biggest) ** 0.5, color=active["count"],
                                colorscale=SEQUENTIAL, cmin=0, cmax=biggest, line=dict(width=1, color="#08306b"),
                                showscale=False, opacity=0.85),
                    hovertemplate="%{customdata[0]}: %{customdata[1]:,d}<extra></extra>")
    for name, lat, lon in ARCHIPELAGOS:
        fig.add_annotation(x=lon, y=lat, text=f"<i>{name}</i>", showarrow=False, xanchor="left",
                           font=dict(size=11, color="#52606d"))
        fig.add_scatter(x=[lon - 0.15], y=[lat], mode="markers", marker=dict(size=4, color="#52606d"),
                        hoverinfo="skip", showlegend=False)
    _layout(fig, title, lang, showlegend=False, height=700, plot_bgcolor="#f4f8fb")
    fig.update_xaxes(range=list(MAP_LON_RANGE), showgrid=False, zeroline=False, visible=False)
    fig.update_yaxes(range=list(MAP_LAT_RANGE), showgrid=False, zeroline=False, visible=False,
                     scaleanchor="x", scaleratio=1)
    return fig


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_labels(active: pd.DataFrame, places: pd.DataFrame, limit: int = MAP_LABELS) -> set[str]:
    """Names to print beside their bubble: busiest first, skipping any whose text box would cover
    another label or another active province's bubble (boxes in map degrees, text to the right).
    The small grey dots of idle provinces do not block a label."""
    dots = list(zip(active["name"], active["lon"], active["lat"]))
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


def ranked_bar(frame: pd.DataFrame, label_col: str, value_col: str, lang: str, title: str,
               axis_title: str, colour: str = "#2171b5", label=lambda v: v) -> go.Figure:
    """Horizontal bars, largest on top (the frame arrives ranked)."""
    frame = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=frame[value_col], y=[label(v) for v in frame[label_col]], orientation="h",
                           marker_color=colour, hovertemplate="%{y}: %{x:,}<extra></extra>"))
    _layout(fig, title, lang, xaxis_title=axis_title, height=max(320, 26 * len(frame) + 120))
    if value_col == "count":
        _integer_axis(fig, frame[value_col], axis="x")
    fig.update_yaxes(type="category", automargin=True)
    return fig


def heatmap(frame: pd.DataFrame, row: str, col: str, value: str, lang: str, title: str,
            row_label=lambda v: v, col_label=lambda v: v) -> go.Figure:
    """Rows ordered by their total (largest on top), columns in their natural order; every row
    and column is labelled (long column labels wrapped and slanted, the margins grow to fit)."""
    grid = frame.pivot_table(index=row, columns=col, values=value, aggfunc="sum", fill_value=0)
    if len(grid):
        totals = grid.sum(axis=1)
        order = sorted(grid.index, key=lambda r: (-totals[r], str(r)))
        grid = grid.loc[order[::-1]]
        grid = grid[sorted(grid.columns, key=str)]
    columns = [str(col_label(c)) for c in grid.columns]
    longest = max((len(c) for c in columns), default=0)
    # many long column labels: one slanted line each, cut at SLANT_CHARS (the hover has the full name);
    # wrapped labels would run into each other once slanted on a narrow screen
    slanted = longest > 6 and len(columns) > 4
    if slanted:
        ticks = [c if len(c) <= SLANT_CHARS else c[:SLANT_CHARS - 1].rstrip(" ,") + "…" for c in columns]
    else:
        ticks = [wrap(c, 16) for c in columns]
    rows = [str(row_label(r)) for r in grid.index]
    fig = go.Figure(go.Heatmap(z=grid.values, x=ticks, y=rows, customdata=[columns] * len(rows),
                               colorscale=SEQUENTIAL, texttemplate="%{z}", colorbar=_count_colorbar(grid.values),
                               hovertemplate="%{y} · %{customdata}: %{z:,}<extra></extra>"))
    bottom = int(min(longest, SLANT_CHARS) * TICK_FONT_PX * 0.8 + 40) if slanted else 40
    _layout(fig, title, lang, height=max(320, 24 * len(grid) + 110 + bottom))
    fig.update_xaxes(type="category", side="bottom", automargin=True, tickangle=-50 if slanted else 0,
                     tickmode="linear", dtick=1)
    fig.update_yaxes(type="category", automargin=True, tickmode="linear", dtick=1)
    return fig


def _count_colorbar(values) -> dict:
    """Whole-number ticks on a heatmap's colour bar (no "0,2" for counts)."""
    top = float(values.max()) if getattr(values, "size", 0) else 0
    return dict(thickness=12, tickformat=",d", **({"dtick": 1} if top <= 8 else {}))


def compare_types(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """Grouped bars: provinces on x, one trace per meeting type."""
    fig = go.Figure()
    for mtype in [*MEETING_TYPES, "none"]:
        part = frame[frame["meeting_type"] == mtype]
        if part.empty:
            continue
        fig.add_bar(x=part["province"], y=part["count"], marker_color=TYPE_COLOURS[mtype],
                    name=i18n.meeting_type_label(None if mtype == "none" else mtype, lang))
    _layout(fig, i18n.t("chart.compare_types", lang), lang, barmode="group", yaxis_title=_count_title(unit, lang))
    return fig


# ---------------------------------------------------------------- themes

def theme_shares(frame: pd.DataFrame, lang: str) -> go.Figure:
    colours = i18n.theme_colours()
    frame = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=frame["share"], y=[wrap(i18n.theme_label(t, lang), 32) for t in frame["theme"]],
                           orientation="h",
                           marker_color=[colours.get(t, "#4c78a8") for t in frame["theme"]],
                           customdata=frame[["count"]], hovertemplate="%{y}: %{x:.0%} (%{customdata[0]:,})<extra></extra>"))
    _layout(fig, i18n.t("chart.theme_shares", lang), lang, xaxis_title=i18n.t("chart.share", lang),
            height=max(300, 40 * len(frame) + 120))
    fig.update_xaxes(tickformat=".0%")
    fig.update_yaxes(type="category", automargin=True, ticksuffix=" ")  # a gap between label and bar
    return fig


def theme_trend(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    colours = i18n.theme_colours()
    fig = go.Figure()
    buckets = sorted(frame["bucket"].unique()) if len(frame) else []
    for theme in sorted(frame["theme"].unique()) if len(frame) else []:
        part = frame[frame["theme"] == theme].set_index("bucket")["count"].reindex(buckets, fill_value=0)
        fig.add_scatter(x=buckets, y=part.values, mode="lines+markers", name=i18n.theme_label(theme, lang),
                        line=dict(color=colours.get(theme)) if colours.get(theme) else None)
    # long theme names: on a narrow screen the legend below takes a row per theme, and the plot
    # must keep its own height above it (else plotly squeezes the plot and scrolls the legend)
    _layout(fig, i18n.t("chart.theme_trend", lang), lang, yaxis_title=_count_title(unit, lang),
            xaxis_title=i18n.t("chart.period_axis", lang), height=380 + 22 * len(fig.data))
    fig.update_xaxes(type="category")
    return fig


# ---------------------------------------------------------------- delegations

def delegations(frame: pd.DataFrame, x: str, lang: str, title: str, fields=("delegations_in", "delegations_out"),
                x_label=lambda v: v) -> go.Figure:
    """Grouped bars of received vs sent (or visitors) per province or per reporting period."""
    fig = go.Figure()
    for name in fields:
        if name not in frame:
            continue
        fig.add_bar(x=[x_label(v) for v in frame[x]], y=frame[name], name=i18n.field_label(name, lang),
                    marker_color=FIELD_COLOURS.get(name), hovertemplate="%{x}: %{y:,}<extra>%{fullData.name}</extra>")
    _layout(fig, title, lang, barmode="group", yaxis_title=i18n.t("chart.number", lang))
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=",d")  # visitors run into thousands: "5.000" in Vietnamese, "5,000" in English
    return fig


ALL_COUNT_FIELDS = tuple(COUNT_FIELDS)
