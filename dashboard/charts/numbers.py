"""Delegation and visitor numbers as grouped bars (received vs sent), per province or period.

"Not reported" is not zero: a missing figure draws no bar but a "—" at the base, a reported 0
reads "0". Period labels keep their length and their coverage: "2022 · một phần: 6 tháng đầu
2022 · 12/63 tỉnh".
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loaders.schema import COUNT_FIELDS

from .. import i18n
from .template import FIELD_COLOURS, PARTIAL_PATTERN, layout

ALL_COUNT_FIELDS = tuple(COUNT_FIELDS)


def delegations(frame: pd.DataFrame, x: str, lang: str, title: str, fields=("delegations_in", "delegations_out"),
                x_label=lambda v: v, axis_title: str | None = None) -> go.Figure:
    """Grouped bars of received vs sent (or visitors) per province or per reporting period."""
    fig = go.Figure()
    labels = [x_label(v) for v in frame[x]]
    partial = list(frame["span"] == "partial") if "span" in frame else [False] * len(frame)
    for name in fields:
        if name not in frame:
            continue
        values = pd.to_numeric(frame[name], errors="coerce")
        fig.add_bar(x=labels, y=values.fillna(0), name=i18n.field_label(name, lang),
                    marker=dict(color=FIELD_COLOURS.get(name),
                                pattern=dict(shape=[PARTIAL_PATTERN["shape"] if p else "" for p in partial],
                                             fgcolor=PARTIAL_PATTERN["fgcolor"], size=PARTIAL_PATTERN["size"])),
                    text=[i18n.NOT_REPORTED if pd.isna(v) else ("0" if v == 0 else "") for v in values],
                    textposition="outside", cliponaxis=False,
                    customdata=[[i18n.fmt_reported(v, lang)] for v in values],
                    hovertemplate="%{x}: %{customdata[0]}<extra>%{fullData.name}</extra>")
    kind = "visitors" if fields and str(fields[0]).startswith("visitors") else "delegations"
    layout(fig, title, lang, barmode="group", yaxis_title=axis_title or i18n.t(f"chart.count_{kind}", lang))
    fig.update_xaxes(type="category", automargin=True)
    fig.update_yaxes(tickformat=",d", rangemode="tozero")  # visitors run into thousands: "5.000" / "5,000"
    if frame[[f for f in fields if f in frame]].isna().to_numpy().any():
        fig.add_annotation(text=i18n.t("chart.not_reported", lang), xref="paper", yref="paper", x=1, y=1.02,
                           xanchor="right", yanchor="bottom", showarrow=False, font=dict(size=12, color="#52606d"))
    return fig


def period_axis_label(periods: pd.DataFrame, lang: str):
    """x labels for ``queries.delegations_by_period``: the period in words, "*" where some number in
    it had no stated period (the page explains the star), its coverage and how it was built."""
    rows = periods.set_index("period").to_dict("index") if len(periods) else {}

    def label(period) -> str:
        row = rows.get(period, {})
        text = i18n.period_label(period, lang) + ("*" if row.get("period_inferred") else "")
        span = row.get("span")
        if span == "parts":
            text += f" ({i18n.t('deleg.span_parts', lang)})"
        elif span == "partial":
            shorter = ", ".join(i18n.period_label(p, lang) for p in row.get("partial_periods") or [])
            text += f" ({i18n.t('deleg.span_partial', lang, periods=shorter)})"
        if row.get("of"):
            text += "<br>" + i18n.t("deleg.coverage", lang, n=row.get("provinces", 0), of=row["of"])
        return text
    return label
