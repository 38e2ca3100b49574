"""Provinces: an offline bubble map (63 before / 34 after 1 July 2025), ranking, province × year,
and a side-by-side comparison of a few provinces."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, page_controls, tables
from ..filters import Filters
from ..queries.collation import sorted_vi
from ..settings import setting

SCHEME_PARAM = "scheme"  # page controls in the URL: ?scheme=34&compare34=Nghệ An,Hà Tĩnh
COMPARE_PARAM = "compare"


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.provinces", lang))
    notices.filter_sentence(f)
    scheme = page_controls.choice(st, i18n.t("provinces.scheme", lang), SCHEME_PARAM, ("63", "34"), "63",
                                  format_func=lambda v: i18n.t(f"provinces.scheme_{v}", lang),
                                  help=i18n.t("provinces.scheme_help", lang))
    table = queries.by_province(corpus, f, scheme)
    if notices.is_empty(table, "count"):
        notices.empty_state(lang)
        return
    map_col, rank_col = st.columns([3, 2])
    with map_col:
        export_menu.chart_with_exports(charts.province_map(table, lang, f.unit, i18n.t(f"chart.map_{scheme}", lang)),
                                       table, f"map-{scheme}", lang)
    active = queries.active_provinces(table)
    with rank_col:
        ranked = active.head(setting("top_provinces"))
        export_menu.chart_with_exports(
            charts.ranked_bar(ranked, "name", "count", lang, i18n.t(f"chart.ranked_provinces_{f.unit}", lang),
                              i18n.t(f"chart.count_{f.unit}", lang)), ranked, f"{f.unit}-ranked-{scheme}", lang)
        notices.cut_note(len(ranked), len(active), "provinces", lang)
    _province_year(corpus, f, scheme, len(active), lang)
    _comparison(corpus, f, scheme, table, lang)


def _province_year(corpus, f: Filters, scheme: str, active: int, lang: str) -> None:
    """Province × year with every year in range and the undated column: rows add up to the ranking."""
    grid = queries.province_year(corpus, f, scheme, setting("heatmap_rows"))
    if grid.empty:
        return
    export_menu.chart_with_exports(charts.heatmap(grid, "province", "year", "count", lang,
                                                  i18n.t(f"chart.province_year_{f.unit}", lang),
                                                  col_label=lambda v: i18n.period_label(v, lang)), grid,
                                   f"{f.unit}-by-province-year-{scheme}", lang)
    st.caption(i18n.t("provinces.heatmap_rule", lang))
    notices.cut_note(grid["province"].nunique(), active, "provinces", lang)


def _comparison(corpus, f: Filters, scheme: str, table, lang: str) -> None:
    st.subheader(i18n.t("provinces.compare", lang))
    names = sorted_vi(queries.active_provinces(table)["name"].tolist())
    picked = page_controls.picks(st, i18n.t("provinces.compare_pick", lang), f"{COMPARE_PARAM}{scheme}", names,
                                 max_selections=setting("compare_max"), select_all=False, filter_mode="contains",
                                 placeholder=i18n.t("provinces.compare_hint", lang))
    if len(picked) < 2:
        st.caption(i18n.t("provinces.compare_hint", lang))
        return
    parts = queries.compare_provinces(corpus, f, picked, scheme)
    summary = parts["summary"]
    st.dataframe(tables.display_frame(summary, lang), hide_index=True,
                 column_config=tables.column_labels(summary.columns, lang))
    left, right = st.columns(2)
    with left:
        export_menu.chart_with_exports(charts.compare_types(parts["types"], lang, f.unit), parts["types"],
                                       f"{f.unit}-compare-types", lang)
    with right:
        if parts["themes"].empty:
            notices.empty_state(lang, "empty.no_themes")
        else:
            export_menu.chart_with_exports(
                charts.heatmap(parts["themes"], "province", "theme", "count", lang,
                               i18n.t(f"chart.compare_themes_{f.unit}", lang),
                               col_label=lambda v: i18n.theme_label(v, lang)),
                parts["themes"], f"{f.unit}-compare-themes", lang)
    export_menu.chart_with_exports(
        charts.delegations(summary, "province", lang, i18n.t("chart.compare_delegations", lang),
                           fields=charts.ALL_COUNT_FIELDS), summary, "compare-delegations", lang)
