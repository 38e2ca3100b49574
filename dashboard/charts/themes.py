"""Theme charts: each theme's share and its trend over time, in the theme's own colour."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import i18n
from .template import count_title, layout, wrap

DEFAULT_THEME_COLOUR = "#4c78a8"


def theme_shares(frame: pd.DataFrame, lang: str, unit: str | None = None) -> go.Figure:
    """Share of the counted meetings (or articles: ``unit``) carrying each theme."""
    colours = i18n.theme_colours()
    frame = frame.iloc[::-1]
    fig = go.Figure(go.Bar(x=frame["share"], y=[wrap(i18n.theme_label(t, lang), 32) for t in frame["theme"]],
                           orientation="h",
                           marker_color=[colours.get(t, DEFAULT_THEME_COLOUR) for t in frame["theme"]],
                           customdata=frame[["count"]],
                           hovertemplate="%{y}: %{x:.0%} (%{customdata[0]:,})<extra></extra>"))
    title = i18n.t(f"chart.theme_shares_{unit}", lang) if unit else i18n.t("chart.theme_shares", lang)
    axis = i18n.t(f"chart.share_of_{unit}", lang) if unit else i18n.t("chart.share", lang)
    layout(fig, title, lang, xaxis_title=axis,
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
    layout(fig, i18n.t(f"chart.theme_trend_{unit}", lang), lang, yaxis_title=count_title(unit, lang),
           xaxis_title=i18n.t("chart.period_axis", lang), height=380 + 22 * len(fig.data))
    fig.update_xaxes(type="category")
    return fig
