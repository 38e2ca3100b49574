"""Delegation and visitor numbers as grouped bars (received vs sent), per province or period."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loaders.schema import COUNT_FIELDS

from .. import i18n
from .template import FIELD_COLOURS, layout, plain

ALL_COUNT_FIELDS = tuple(COUNT_FIELDS)


def delegations(frame: pd.DataFrame, x: str, lang: str, title: str, fields=("delegations_in", "delegations_out"),
                x_label=lambda v: v) -> go.Figure:
    """Grouped bars of received vs sent (or visitors) per province or per reporting period."""
    fig = go.Figure()
    for name in fields:
        if name not in frame:
            continue
        fig.add_bar(x=[plain(x_label(v)) for v in frame[x]], y=frame[name], name=i18n.field_label(name, lang),
                    marker_color=FIELD_COLOURS.get(name), hovertemplate="%{x}: %{y:,}<extra>%{fullData.name}</extra>")
    layout(fig, title, lang, barmode="group", yaxis_title=i18n.t("chart.number", lang))
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=",d")  # visitors run into thousands: "5.000" in Vietnamese, "5,000" in English
    return fig


def inferred_period_label(periods: pd.DataFrame, lang: str):
    """x labels for ``queries.delegations_by_period``: the period in words, "*" where some number
    in it had no stated period (its date's year stood in; the page explains the star)."""
    inferred = dict(zip(periods["period"], periods["period_inferred"], strict=False))
    return lambda p: i18n.period_label(p, lang) + ("*" if inferred.get(p) else "")
