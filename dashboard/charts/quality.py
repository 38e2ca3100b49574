"""Data-quality charts: how often each field was filled."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .. import i18n
from .generic import ranked_bar


def coverage(frame: pd.DataFrame, lang: str) -> go.Figure:
    """``queries.coverage`` as ranked bars of shares (best-filled field on top), axis 0–100 %."""
    labelled = frame.assign(label=frame["field"].map(lambda v: i18n.field_label(v, lang)))
    fig = ranked_bar(labelled.sort_values(["share", "field"], ascending=[False, True]), "label", "share",
                     lang, i18n.t("chart.coverage", lang), i18n.t("chart.share", lang))
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    return fig
