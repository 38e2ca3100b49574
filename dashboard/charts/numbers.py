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
from .template import FIELD_COLOURS, PARTIAL_PATTERN, layout, plain

ALL_COUNT_FIELDS = tuple(COUNT_FIELDS)
CHART_HEIGHT = 460  # px: three-line period labels stay under the bars and the bars keep their height
LEVEL_LABELS = 16  # more bars than this: labels slant (province names, many half-years)


def delegations(frame: pd.DataFrame, x: str, lang: str, title: str, fields=("delegations_in", "delegations_out"),
                x_label=plain, axis_title: str | None = None) -> go.Figure:
    """Grouped bars of received vs sent (or visitors) per province or per reporting period.
    ``x_label`` turns a value into its tick text; the default shows data as written (``plain``)."""
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
    layout(fig, title, lang, barmode="group", yaxis_title=axis_title or i18n.t(f"chart.count_{kind}", lang),
           height=CHART_HEIGHT)
    fig.update_xaxes(type="category", automargin=True, tickangle=0 if len(labels) <= LEVEL_LABELS else -45)
    fig.update_yaxes(tickformat=",d", rangemode="tozero")  # visitors run into thousands: "5.000" / "5,000"
    if frame[[f for f in fields if f in frame]].isna().to_numpy().any():
        fig.add_annotation(text=i18n.t("chart.not_reported", lang), xref="paper", yref="paper", x=1, y=1.02,
                           xanchor="right", yanchor="bottom", showarrow=False, font=dict(size=12, color="#52606d"))
    return fig


def period_axis_label(periods: pd.DataFrame, lang: str):
    """x labels for ``queries.delegations_by_period``, short enough to stay level under the bars:
    the period in words ("*" where some number had no stated period: the page explains the star),
    then how it was built ("một phần": some province gave only part of it; "ghép kỳ ngắn": built
    from shorter periods), then its coverage ("12/63 tỉnh"). The page's note says which periods."""
    rows = periods.set_index("period").to_dict("index") if len(periods) else {}

    def label(period) -> str:
        row = rows.get(period, {})
        lines = [i18n.period_label(period, lang) + ("*" if row.get("period_inferred") else "")]
        if row.get("span") in ("parts", "partial"):
            lines.append(i18n.t(f"deleg.span_{row['span']}_short", lang))
        if row.get("of"):
            lines.append(i18n.t("deleg.coverage_short", lang, n=row.get("provinces", 0), of=row["of"]))
        return "<br>".join(lines)
    return label
