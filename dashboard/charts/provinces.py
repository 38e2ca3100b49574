"""Province charts: the comparison by meeting type. (The map is charts/map.py, on the tile layout
of charts/tilegrid.py.)"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loaders.schema import MEETING_TYPES

from .. import i18n
from .template import TYPE_COLOURS, count_title, layout, plain, type_name


def compare_types(frame: pd.DataFrame, lang: str, unit: str) -> go.Figure:
    """Grouped bars: provinces on x, one trace per meeting type."""
    fig = go.Figure()
    for mtype in [*MEETING_TYPES, "none"]:
        part = frame[frame["meeting_type"] == mtype]
        if part.empty:
            continue
        fig.add_bar(x=[plain(p) for p in part["province"]], y=part["count"], marker_color=TYPE_COLOURS[mtype],
                    name=type_name(mtype, lang))
    layout(fig, i18n.t(f"chart.compare_types_{unit}", lang), lang, barmode="group", yaxis_title=count_title(unit, lang))
    return fig
