"""Charts of meetings over time: stacked by meeting type, articles vs meetings, the month profile.

Titles name what is counted (meetings, articles or shares). Time axes space their labels out
(``template.period_ticks``); a first or last bucket the data covers only in part is hatched and
its label says up to which day, so a half-covered year is not read as a collapse.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loaders.schema import MEETING_TYPES

from .. import i18n
from .template import (
    HALF_COLOURS,
    PARTIAL_PATTERN,
    TYPE_COLOURS,
    UNDATED,
    UNDATED_COLOUR,
    count_title,
    integer_axis,
    layout,
    period_ticks,
    type_name,
    wrap,
)

HALF_WIDTH_TITLE = 38  # characters per title line of a chart drawn in half the page (1280 px screens)
# where a half-year starts (Jan, Jul; Q1, Q3) — or a year, for half-year bars
HALF_START_SUFFIXES = ("-01", "-07", "-Q1", "-Q3", "-H1")


def _patterns(buckets, partial: dict) -> dict:
    """marker.pattern hatching the partly covered buckets of a trace."""
    return dict(shape=[PARTIAL_PATTERN["shape"] if b in partial else "" for b in buckets],
                fgcolor=PARTIAL_PATTERN["fgcolor"], size=PARTIAL_PATTERN["size"])


def over_time(frame: pd.DataFrame, lang: str, unit: str, share: bool = False, partial: dict | None = None) -> go.Figure:
    """Stacked bars per bucket, one trace per meeting type; customdata carries the type code."""
    partial = partial or {}
    fig = go.Figure()
    value = "share" if share else "count"
    for mtype in [*MEETING_TYPES, "none"]:
        part = frame[frame["meeting_type"] == mtype]
        if part.empty or not part["count"].any():
            continue
        labels = [i18n.partial_label(i18n.period_label(b, lang), partial.get(b), lang) for b in part["bucket"]]
        fig.add_bar(x=part["bucket"], y=part[value], name=type_name(mtype, lang),
                    marker=dict(color=TYPE_COLOURS[mtype], pattern=_patterns(part["bucket"], partial)),
                    customdata=[[mtype]] * len(part), text=labels, textposition="none",
                    hovertemplate="%{text}: %{y" + (":.0%" if share else ":,d") + "}<extra>%{fullData.name}</extra>")
    title = f"chart.over_time_share{'_articles' if unit == 'articles' else ''}" if share else f"chart.over_time_{unit}"
    axis_title = i18n.t(f"chart.share_of_{unit}", lang) if share else count_title(unit, lang)
    layout(fig, i18n.t(title, lang), lang, barmode="stack",
           yaxis_title=axis_title, xaxis_title=i18n.t("chart.period_axis", lang), clickmode="event+select")
    buckets = list(dict.fromkeys(frame["bucket"]))
    period_ticks(fig, buckets, lang, partial)
    if share:
        fig.update_yaxes(tickformat=".0%", range=[0, 1])
    else:
        integer_axis(fig, frame.groupby("bucket")["count"].sum() if len(frame) else [])
    _mark_halves(fig, buckets)
    return fig


HALF_LINE = dict(color="#9aa5b1", width=1, dash="dot")  # where a half-year (or a year) starts


def _mark_halves(fig: go.Figure, buckets: list[str]) -> None:
    """Dotted lines where a half-year starts (Jan, Jul) — or a year, for half-year bars: the
    reporting rhythm of sơ kết/tổng kết — and before the undated bucket. Dropped when there are so
    many that they would grey the chart (more than one per ~8 bars is noise)."""
    lines = [i for i, b in enumerate(buckets) if i and (b.endswith(HALF_START_SUFFIXES) or b == UNDATED)]
    if len(lines) * 8 > len(buckets) + 8 and len(buckets) > 40:
        lines = [i for i in lines if buckets[i].endswith(("-01", "-Q1", "-H1")) or buckets[i] == UNDATED]
    # what add_vline draws, set at once: add_vline per line re-validates every shape so far (quadratic)
    fig.layout.shapes = (*fig.layout.shapes, *(dict(type="line", x0=i - 0.5, x1=i - 0.5, xref="x", y0=0, y1=1,
                                                    yref="y domain", line=HALF_LINE) for i in lines))


def articles_vs_meetings(frame: pd.DataFrame, lang: str, partial: dict | None = None) -> go.Figure:
    partial = partial or {}
    fig = go.Figure()
    for col, colour in (("articles", "#9ecae1"), ("meetings", "#08519c")):
        fig.add_bar(x=frame["bucket"], y=frame[col], name=i18n.t(f"chart.{col}", lang),
                    marker=dict(color=colour, pattern=_patterns(frame["bucket"], partial)))
    layout(fig, wrap(i18n.t("chart.articles_vs_meetings", lang), HALF_WIDTH_TITLE), lang, barmode="group",
           xaxis_title=i18n.t("chart.period_axis", lang), yaxis_title=i18n.t("chart.number", lang))
    period_ticks(fig, list(frame["bucket"]), lang, partial, max_labels=8)
    integer_axis(fig, frame["articles"] if len(frame) else [])
    return fig


def month_profile(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """Bars per calendar month coloured by half-year; the undated (month 0) as a grey last bar."""
    fig = go.Figure()
    for half in ("H1", "H2", UNDATED):
        part = frame[frame["half"] == half]
        if part.empty:
            continue
        names = [i18n.t("period.undated", lang) if m == 0 else i18n.t(f"month.{m}", lang) for m in part["month"]]
        label = i18n.t("period.undated", lang) if half == UNDATED else i18n.t(f"chart.half_{half}", lang)
        fig.add_bar(x=names, y=part["count"], name=label,
                    marker_color=UNDATED_COLOUR if half == UNDATED else HALF_COLOURS[half])
    layout(fig, wrap(i18n.t(f"chart.month_profile_{unit}", lang), HALF_WIDTH_TITLE), lang,
           yaxis_title=count_title(unit, lang), bargap=0.15, margin_t=80)
    fig.update_xaxes(type="category")
    integer_axis(fig, frame["count"])
    return fig
