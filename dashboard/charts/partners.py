"""Partner countries (bars per country: linked to delegations received / sent, mentioned) and the
reporting-rhythm matrix (province × half-year: sơ kết, tổng kết, both or nothing)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import i18n
from .template import count_title, integer_axis, layout

RELATION_COLOURS = {"in": "#1f77b4", "out": "#d62728", "mentioned": "#9ecae1"}
# rhythm cells: nothing, sơ kết, tổng kết, both (discrete colours on a 0..3 scale)
RHYTHM_COLOURS = ("#f1f3f5", "#1f77b4", "#d62728", "#6a3d9a")
RHYTHM_KEY_PX = 160  # height of the colour key


def partner_countries(totals: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """Horizontal grouped bars, the most mentioned country on top (``queries.country_totals``)."""
    frame = totals.iloc[::-1]
    fig = go.Figure()
    for relation in ("mentioned", "out", "in"):
        if relation not in frame or not frame[relation].any():
            continue
        fig.add_bar(y=[i18n.country_label(c, lang) for c in frame["country"]], x=frame[relation], orientation="h",
                    name=i18n.t(f"partners.{relation}", lang), marker_color=RELATION_COLOURS[relation],
                    hovertemplate="%{y}: %{x:,d}<extra>%{fullData.name}</extra>")
    layout(fig, i18n.t(f"chart.partners_{unit}", lang), lang, barmode="group",
           xaxis_title=count_title(unit, lang), legend_traceorder="reversed",
           height=max(320, (14 + 12 * len(fig.data)) * len(frame) + 140))
    fig.update_yaxes(type="category", automargin=True, ticksuffix=" ")
    integer_axis(fig, frame[["in", "out", "mentioned"]].max(axis=1) if len(frame) else [], axis="x")
    return fig


def rhythm_matrix(matrix: pd.DataFrame, lang: str) -> go.Figure:
    """Province rows × half-year columns coloured by what was reported; the hover names the meeting."""
    halves = list(dict.fromkeys(matrix["half"]))
    provinces = list(dict.fromkeys(matrix["province"]))[::-1]  # first province on top
    grid = matrix.pivot(index="province", columns="half", values="state").reindex(index=provinces, columns=halves)
    hover = matrix.assign(text=[_cell_text(r, lang) for r in matrix.itertuples(index=False)]) \
        .pivot(index="province", columns="half", values="text").reindex(index=provinces, columns=halves)
    n = len(RHYTHM_COLOURS)
    scale = [[edge, colour] for i, colour in enumerate(RHYTHM_COLOURS) for edge in (i / n, (i + 1) / n)]
    fig = go.Figure(go.Heatmap(
        z=grid.values, x=[i18n.period_label(h.replace("H", "-H"), lang) for h in halves], y=provinces,
        zmin=-0.5, zmax=n - 0.5,
        colorscale=scale, xgap=2, ygap=2, customdata=hover.values, hovertemplate="%{customdata}<extra></extra>",
        # a fixed-size key at the top right, not a bar stretched down 63 rows
        colorbar=dict(tickvals=list(range(n)), ticktext=[i18n.t(f"rhythm.state_{i}", lang) for i in range(n)],
                      thickness=12, title=None, len=RHYTHM_KEY_PX, lenmode="pixels", y=1, yanchor="top")))
    layout(fig, i18n.t("chart.rhythm", lang), lang, height=max(300, 26 * len(provinces) + 170))
    fig.update_xaxes(type="category", side="bottom", tickangle=-45 if len(halves) > 8 else 0, automargin=True)
    fig.update_yaxes(type="category", automargin=True, tickmode="linear", dtick=1)
    return fig


def _cell_text(row, lang: str) -> str:
    head = f"{row.province} · {i18n.period_label(row.half, lang)}: {i18n.t(f'rhythm.state_{row.state}', lang)}"
    if not row.state:
        return head
    title = row.title if isinstance(row.title, str) else ""
    more = f" (+{row.meetings - 1})" if row.meetings > 1 else ""
    return f"{head}<br>{i18n.fmt_date(row.date, lang)} · {title[:80]}{more}"
