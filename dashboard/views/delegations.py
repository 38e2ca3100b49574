"""Delegations: received vs sent by province and by year or half-year, partner countries, and the
sentence behind every number."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, page_controls, tables
from ..filters import Filters
from ..settings import setting

EVIDENCE_ORDER = ["province", "period", "date", "field", "value", "link", "sentence"]
GROUPING_PARAM = "dgroup"  # the year / half-year control, in the URL as ?dgroup=H


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.delegations", lang))
    notices.filter_sentence(f)
    st.caption(i18n.t("delegations.rule", lang) + " " + i18n.t("value.not_reported_help", lang))
    if queries.delegations_by_period(corpus, f, "Y").empty:
        notices.empty_state(lang, "empty.no_numbers")
    else:
        _numbers(corpus, f, lang)
    _partners(corpus, f, lang)


def _numbers(corpus, f: Filters, lang: str) -> None:
    # the busiest provinces only, full width: 63 pairs of bars in half a page are unreadable
    every = queries.delegations_by_province(corpus, f)
    provinces = every.head(setting("top_provinces"))
    export_menu.chart_with_exports(charts.delegations(provinces, "province", lang,
                                                      i18n.t("chart.delegations_by_province", lang)),
                                   provinces, "delegations-by-province", lang)
    notices.cut_note(len(provinces), len(every), "provinces", lang)
    granularity = page_controls.choice(st, i18n.t("delegations.granularity", lang), GROUPING_PARAM,
                                       queries.GRANULARITIES, "Y", format_func=lambda v: i18n.t(f"freq.{v}", lang),
                                       help=i18n.t("delegations.granularity_help", lang))
    if _by_period(corpus, f, granularity, lang):
        _evidence(corpus, f, lang)


def _by_period(corpus, f: Filters, granularity: str, lang: str) -> bool:
    """Delegations (and visitors, when any were counted) per year or half-year; False when none."""
    periods = queries.delegations_by_period(corpus, f, granularity)
    _period_note(queries.undivided_periods(corpus, f, granularity), lang)
    outside = queries.periods_outside(corpus, f)
    if outside:
        st.caption(i18n.t("deleg.outside", lang, periods=", ".join(i18n.period_label(p, lang) for p in outside)))
    if periods.empty:
        return False
    export_menu.chart_with_exports(
        charts.delegations(periods, "period", lang, i18n.t(f"chart.delegations_by_{granularity}", lang),
                           x_label=charts.period_axis_label(periods, lang)), periods,
        f"delegations-by-{granularity}", lang)
    st.caption(i18n.t("deleg.coverage_note", lang) + (" " + i18n.t("delegations.inferred", lang)
                                                       if periods["period_inferred"].any() else ""))
    visitors = queries.visitors_by_period(corpus, f, granularity)
    if not visitors.empty:
        export_menu.chart_with_exports(
            charts.delegations(visitors, "period", lang, i18n.t(f"chart.visitors_by_{granularity}", lang),
                               fields=("visitors_in", "visitors_out"),
                               x_label=charts.period_axis_label(visitors, lang)),
            visitors, f"visitors-by-{granularity}", lang)
    return True


def _period_note(undivided: list[str], lang: str) -> None:
    """Whole-year figures have no halves: say which years are left out of the half-year chart."""
    if undivided:
        st.info(i18n.t("delegations.undivided", lang, periods=", ".join(i18n.period_label(p, lang)
                                                                         for p in undivided)),
                icon=":material/info:")


def _partners(corpus, f: Filters, lang: str) -> None:
    """Which countries the delegations came from or went to, and which each province mentions."""
    st.subheader(i18n.t("partners.title", lang))
    st.caption(i18n.t("partners.rule", lang))
    every = queries.country_totals(queries.partner_countries(corpus, f))
    if every.empty:
        notices.empty_state(lang, "partners.none")
        return
    shown = every.head(setting("top_countries"))
    export_menu.chart_with_exports(charts.partner_countries(shown, lang, f.unit), shown,
                                   f"{f.unit}-naming-partner-countries", lang)
    notices.cut_note(len(shown), len(every), "countries", lang)
    grid = queries.province_countries(corpus, f, max_rows=setting("heatmap_rows"))
    if grid.empty:
        return
    export_menu.chart_with_exports(
        charts.heatmap(grid, "province", "country", "count", lang, i18n.t(f"chart.province_countries_{f.unit}", lang),
                       col_label=lambda v: i18n.country_label(v, lang)),
        grid, f"{f.unit}-by-province-country", lang)
    with_countries = queries.province_countries(corpus, f, max_rows=10_000)["province"].nunique()
    notices.cut_note(grid["province"].nunique(), with_countries, "provinces", lang)


def _evidence(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("delegations.evidence", lang))
    table = queries.number_evidence(corpus, f)
    # the newest rows on screen (a national corpus holds ~100k figures: no one reads them in a page,
    # and sending them costs seconds per rerun); the downloads below hold every row
    head = table.head(setting("evidence_rows"))
    shown = tables.with_links(head, f, lang)
    shown["value"] = tables.approx_numbers(head["value"], head["approx"], lang)
    st.dataframe(shown, hide_index=True, column_order=EVIDENCE_ORDER,
                 column_config={**tables.column_labels(shown.columns, lang),
                                **tables.sized_columns(shown.columns, lang),
                                "sentence": tables.wide_text("sentence", lang),
                                "link": tables.link_column(lang, tables.COLUMN_WIDTHS["link"])})
    notices.cut_note(len(head), len(table), "numbers", lang, newest=True)
    export_menu.table_downloads(table, "delegation-numbers", lang)
