"""Provinces: the tile map (63 before / 34 after 1 July 2025; a click filters every page),
ranking, province × year, and a side-by-side comparison of a few provinces."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from .. import charts, i18n, queries
from ..charts.template import count_title
from ..components import export_menu, notices, page_controls, province_click, tables
from ..filters import Filters, describe
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
    _tile_map(corpus, f, scheme, table, lang)
    active = queries.active_provinces(table)
    ranked = active.head(setting("top_provinces"))
    export_menu.chart_with_exports(
        charts.ranked_bar(ranked, "name", "count", lang, i18n.t(f"chart.ranked_provinces_{f.unit}", lang),
                          i18n.t(f"chart.count_{f.unit}", lang)), ranked, f"{f.unit}-ranked-{scheme}", lang)
    notices.cut_note(len(ranked), len(active), "provinces", lang)
    _province_year(corpus, f, scheme, len(active), lang)
    _comparison(corpus, f, scheme, table, lang)


def _tile_map(corpus, f: Filters, scheme: str, table, lang: str) -> None:
    """The tile map with its legend, the filters and the source printed under it (its PNG
    stands alone in a report); a click on a tile sets the province filter of every page."""
    name = f"map-{scheme}"
    title = i18n.t("map.title", lang, count=count_title(f.unit, lang),
                   scheme=i18n.t(f"provinces.scheme_{scheme}", lang))
    footer = describe(f) + "\n" + i18n.t("map.source", lang, source=_source_name(corpus, lang),
                                        n=i18n.fmt_int(len(corpus.articles), lang))
    fig = charts.province_tile_map(table, scheme, lang, f.unit, title, footer)
    offered = queries.filter_options(corpus)["provinces"]
    export_menu.chart_with_exports(fig, table[["name", "count"]], name, lang,
                                   selectable=province_click.on_click(name, scheme, offered))
    st.caption(i18n.t("map.caption", lang))


def _source_name(corpus, lang: str) -> str:
    """What the corpus is, in a few words: demo data, or the file or folder it was read from."""
    if corpus.demo:
        return i18n.t("map.source_demo", lang)
    paths = {Path(str(p)) for p in corpus.report.get("path", []) if isinstance(p, str) and p}
    if len(paths) == 1:
        return next(iter(paths)).name
    parents = {p.parent for p in paths}
    return next(iter(parents)).name if len(parents) == 1 else i18n.t("map.source_upload", lang)


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
