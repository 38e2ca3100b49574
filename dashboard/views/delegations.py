"""Delegations: received vs sent by province and by year or half-year, with the sentence behind
every number."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters
from ..settings import setting

EVIDENCE_ORDER = ["province", "period", "date", "field", "value", "link", "sentence"]


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.delegations", lang))
    notices.filter_sentence(f)
    st.caption(i18n.t("delegations.rule", lang))
    if queries.delegations_by_period(corpus, f, "Y").empty:
        notices.empty_state(lang, "empty.no_numbers")
        return
    # the busiest provinces only, full width: 63 pairs of bars in half a page are unreadable
    provinces = queries.delegations_by_province(corpus, f).head(setting("top_provinces"))
    if not provinces.empty:
        export_menu.chart_with_exports(charts.delegations(provinces, "province", lang,
                                                          i18n.t("chart.delegations_by_province", lang)),
                                       provinces, "delegations-by-province", lang)
    granularity = st.segmented_control(i18n.t("delegations.granularity", lang), queries.GRANULARITIES,
                                       key="deleg_granularity", default="Y", required=True,
                                       format_func=lambda v: i18n.t(f"freq.{v}", lang),
                                       help=i18n.t("delegations.granularity_help", lang))
    if _by_period(corpus, f, granularity, lang):
        _evidence(corpus, f, lang)


def _by_period(corpus, f: Filters, granularity: str, lang: str) -> bool:
    """Delegations (and visitors, when any were counted) per year or half-year; False when none."""
    periods = queries.delegations_by_period(corpus, f, granularity)
    _period_note(queries.undivided_periods(corpus, f, granularity), lang)
    if periods.empty:
        return False
    label = charts.inferred_period_label(periods, lang)
    export_menu.chart_with_exports(
        charts.delegations(periods, "period", lang, i18n.t(f"chart.delegations_by_{granularity}", lang),
                           x_label=label), periods, f"delegations-by-{granularity}", lang)
    if periods["period_inferred"].any():
        st.caption(i18n.t("delegations.inferred", lang))
    visitors = queries.visitors_by_period(periods)
    if not visitors.empty:
        export_menu.chart_with_exports(
            charts.delegations(visitors, "period", lang, i18n.t(f"chart.visitors_by_{granularity}", lang),
                               fields=("visitors_in", "visitors_out"), x_label=label),
            visitors, f"visitors-by-{granularity}", lang)
    return True


def _period_note(undivided: list[str], lang: str) -> None:
    """Whole-year figures have no halves: say which years are left out of the half-year chart."""
    if undivided:
        st.info(i18n.t("delegations.undivided", lang, periods=", ".join(i18n.period_label(p, lang)
                                                                         for p in undivided)),
                icon=":material/info:")


def _evidence(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("delegations.evidence", lang))
    table = queries.number_evidence(corpus, f)
    shown = tables.with_links(table, f, lang)
    shown["value"] = tables.approx_numbers(table["value"], table["approx"], lang)
    st.dataframe(shown, hide_index=True, column_order=EVIDENCE_ORDER,
                 column_config={**tables.column_labels(shown.columns, lang),
                                **tables.sized_columns(shown.columns, lang),
                                "sentence": tables.wide_text("sentence", lang),
                                "link": tables.link_column(lang, tables.COLUMN_WIDTHS["link"])})
    export_menu.table_downloads(table, "delegation-numbers", lang)
