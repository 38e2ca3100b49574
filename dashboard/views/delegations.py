"""Delegations: received vs sent by province and by year or half-year, with the sentence behind
every number."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters
from ..settings import setting

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
    periods = queries.delegations_by_period(corpus, f, granularity)
    _period_note(queries.undivided_periods(corpus, f, granularity), lang)
    if periods.empty:
        return
    inferred = dict(zip(periods["period"], periods["period_inferred"]))
    label = lambda p: i18n.period_label(p, lang) + ("*" if inferred.get(p) else "")  # noqa: E731
    export_menu.chart_with_exports(charts.delegations(periods, "period", lang, i18n.t(f"chart.delegations_by_{granularity}", lang),
                                                  x_label=label), periods, f"delegations-by-{granularity}", lang)
    if periods["period_inferred"].any():
        st.caption(i18n.t("delegations.inferred", lang))
    visitors = periods[["period", "visitors_in", "visitors_out"]]
    if visitors[["visitors_in", "visitors_out"]].to_numpy().any():
        export_menu.chart_with_exports(charts.delegations(visitors, "period", lang, i18n.t(f"chart.visitors_by_{granularity}", lang),
                                                      fields=("visitors_in", "visitors_out"), x_label=label),
                                   visitors, f"visitors-by-{granularity}", lang)
    _evidence(corpus, f, lang)


def _period_note(undivided: list[str], lang: str) -> None:
    """Whole-year figures have no halves: say which years are left out of the half-year chart."""
    if undivided:
        st.info(i18n.t("delegations.undivided", lang, periods=", ".join(i18n.period_label(p, lang)
                                                                         for p in undivided)),
                icon=":material/info:")


def _evidence(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("delegations.evidence", lang))
    table = queries.number_evidence(corpus, f)
    shown = tables.display_frame(table, lang)
    shown["value"] = [("≈ " if approx else "") + i18n.fmt_int(v, lang) for v, approx in
                      zip(table["value"], table["approx"].fillna(False))]
    shown["link"] = [tables.article_link(d, f) for d in table["doc_id"]]
    st.dataframe(shown, hide_index=True,
                 column_order=["province", "period", "date", "field", "value", "link", "sentence"],
                 column_config={**tables.column_labels(shown.columns, lang), **tables.sized_columns(shown.columns, lang),
                                "sentence": st.column_config.TextColumn(i18n.t("col.sentence", lang), width="large"),
                                "link": st.column_config.LinkColumn(i18n.t("col.link", lang), width=70,
                                                                    display_text=i18n.t("col.open", lang))})
    export_menu.table_downloads(table, "delegation-numbers", lang)
