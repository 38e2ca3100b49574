"""Pure: small frame -> plotly Figure, all through one template. No streamlit here.

Every builder takes the UI language for its labels (Vietnamese labels are passed through
untouched) and returns a Figure even for an empty frame.

    template     the shared template, fixed colours, layout helpers (imported by every module)
    timeline     meetings over time, articles vs meetings, the month profile
    provinces    the comparison by meeting type
    tilegrid     the tile map's layout: one square per province, arranged like the country (pure)
    map          the tile map of provinces, its legend, the archipelagos, filters and source under it
    generic      ranked bars and heatmaps any page reuses
    themes       theme shares and trends
    numbers      delegation and visitor numbers
    partners     partner countries and the reporting-rhythm matrix
    quality      field coverage

The names below are what views and the report call: ``charts.over_time(frame, lang, unit)``.
"""
from .generic import heatmap, ranked_bar
from .map import province_tile_map
from .numbers import ALL_COUNT_FIELDS, delegations, period_axis_label
from .partners import partner_countries, rhythm_matrix
from .provinces import compare_types
from .quality import coverage
from .themes import theme_shares, theme_trend
from .timeline import articles_vs_meetings, month_profile, over_time

__all__ = [
    "ALL_COUNT_FIELDS", "articles_vs_meetings", "compare_types", "coverage", "delegations", "heatmap",
    "month_profile", "over_time", "partner_countries", "period_axis_label", "province_tile_map", "ranked_bar",
    "rhythm_matrix", "theme_shares", "theme_trend",
]
