"""Delegations: received vs sent by province and by the period the numbers report, with the
sentence behind every number."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries, widgets
from ..filters import Filters
from ..settings import setting


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.delegations", lang))
    widgets.filter_sentence(f)
    st.caption(i18n.t("delegations.rule", lang))
    periods = queries.delegations_by_period(corpus, f)
    if periods.empty:
        widgets.empty_state(lang, "empty.no_numbers")
        return
    # the busiest provinces only, full width: 63 pairs of bars in half a page are unreadable
    provinces = queries.delegations_by_province(corpus, f).head(setting("top_provinces"))
    if not provinces.empty:
        widgets.chart_with_exports(charts.delegations(provinces, "province", lang,
                                                      i18n.t("chart.delegations_by_province", lang)),
                                   provinces, "delegations-by-province", lang)
    inferred = dict(zip(periods["period"], periods["period_inferred"]))
    widgets.chart_with_exports(charts.delegations(periods, "period", lang, i18n.t("chart.delegations_by_period", lang),
                                                  x_label=lambda p: f"{p}*" if inferred.get(p) else p),
                               periods, "delegations-by-period", lang)
    if periods["period_inferred"].any():
        st.caption(i18n.t("delegations.inferred", lang))
    visitors = periods[["period", "visitors_in", "visitors_out"]]
    if visitors[["visitors_in", "visitors_out"]].to_numpy().any():
        widgets.chart_with_exports(charts.delegations(visitors, "period", lang, i18n.t("chart.visitors", lang),
                                                      fields=("visitors_in", "visitors_out")),
                                   visitors, "visitors-by-period", lang)
    _evidence(corpus, f, lang)


def _evidence(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("delegations.evidence", lang))
    table = queries.number_evidence(corpus, f)
    shown = widgets.display_frame(table, lang)
    shown["value"] = [("≈ " if approx else "") + i18n.fmt_int(v, lang) for v, approx in
                      zip(table["value"], table["approx"].fillna(False))]
    shown["link"] = [widgets.article_link(d, f) for d in table["doc_id"]]
    st.dataframe(shown, hide_index=True,
                 column_order=["province", "period", "date", "field", "value", "sentence", "link"],
                 column_config={**widgets.column_labels(shown.columns, lang),
                                "sentence": st.column_config.TextColumn(i18n.t("col.sentence", lang), width="large"),
                                "link": st.column_config.LinkColumn(i18n.t("col.link", lang),
                                                                    display_text=i18n.t("col.open", lang))})
    widgets.table_downloads(table, "delegation-numbers", lang)
