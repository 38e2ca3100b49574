"""Charts of meetings over time: stacked by meeting type, articles vs meetings, the month profile."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loaders.schema import MEETING_TYPES

from .. import i18n
from .template import HALF_COLOURS, TYPE_COLOURS, count_title, integer_axis, layout, period_ticks, type_name

# where a half-year starts (Jan, Jul; Q1, Q3) — or a year, for half-year bars
HALF_START_SUFFIXES = ("-01", "-07", "-Q1", "-Q3", "-H1")


def over_time(frame: pd.DataFrame, lang: str, unit: str, share: bool = False) -> go.Figure:
    """Stacked bars per bucket, one trace per meeting type; customdata carries the type code."""
    fig = go.Figure()
    value = "share" if share else "count"
    for mtype in [*MEETING_TYPES, "none"]:
        part = frame[frame["meeting_type"] == mtype]
        if part.empty or not part["count"].any():
            continue
        fig.add_bar(x=part["bucket"], y=part[value], name=type_name(mtype, lang),
                    marker_color=TYPE_COLOURS[mtype], customdata=[[mtype]] * len(part),
                    text=[i18n.period_label(b, lang) for b in part["bucket"]], textposition="none",
                    hovertemplate="%{text}: %{y" + (":.0%" if share else ":,d") + "}<extra>%{fullData.name}</extra>")
    axis_title = i18n.t("chart.share", lang) if share else count_title(unit, lang)
    layout(fig, i18n.t("chart.over_time", lang), lang, barmode="stack",
           yaxis_title=axis_title, xaxis_title=i18n.t("chart.period_axis", lang), clickmode="event+select")
    period_ticks(fig, list(dict.fromkeys(frame["bucket"])), lang)
    if share:
        fig.update_yaxes(tickformat=".0%", range=[0, 1])
    else:
        integer_axis(fig, frame.groupby("bucket")["count"].sum() if len(frame) else [])
    _mark_halves(fig, list(dict.fromkeys(frame["bucket"])))
    return fig


def _mark_halves(fig: go.Figure, buckets: list[str]) -> None:
    """Dotted lines where a half-year starts (Jan, Jul) — or a year, for half-year bars: the
    reporting rhythm of sơ kết/tổng kết."""
    for i, bucket in enumerate(buckets):
        if i and (bucket.endswith(HALF_START_SUFFIXES)):
            fig.add_vline(x=i - 0.5, line=dict(color="#9aa5b1", width=1, dash="dot"))


def articles_vs_meetings(frame: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_bar(x=frame["bucket"], y=frame["articles"], name=i18n.t("chart.articles", lang), marker_color="#9ecae1")
    fig.add_bar(x=frame["bucket"], y=frame["meetings"], name=i18n.t("chart.meetings", lang), marker_color="#08519c")
    layout(fig, i18n.t("chart.articles_vs_meetings", lang), lang, barmode="group",
           xaxis_title=i18n.t("chart.period_axis", lang), yaxis_title=i18n.t("chart.number", lang))
    period_ticks(fig, list(frame["bucket"]), lang)
    integer_axis(fig, frame["articles"] if len(frame) else [])
    return fig


def month_profile(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    fig = go.Figure()
    for half in ("H1", "H2"):
        part = frame[frame["half"] == half]
        fig.add_bar(x=[i18n.t(f"month.{m}", lang) for m in part["month"]], y=part["count"],
                    name=i18n.t(f"chart.half_{half}", lang), marker_color=HALF_COLOURS[half])
    layout(fig, i18n.t("chart.month_profile", lang), lang, yaxis_title=count_title(unit, lang), bargap=0.15)
    fig.update_xaxes(type="category")
    integer_axis(fig, frame["count"])
    return fig
