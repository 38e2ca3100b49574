"""Overview: key figures, the active filters in words, the latest meetings, a one-click report."""
from __future__ import annotations

import streamlit as st

from .. import i18n, queries, report
from ..components import export_menu, notices, tables
from ..filters import Filters, describe
from ..settings import setting


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.overview", lang))
    notices.filter_sentence(f)
    figures = queries.key_figures(corpus, f)
    if figures["articles"] == 0:
        notices.empty_state(lang)
        return
    _key_figures(figures, lang)

    st.subheader(i18n.t("overview.latest", lang))
    latest = queries.latest_meetings(corpus, f, setting("latest_meetings"))
    tables.meeting_list(latest, f, lang)
    export_menu.table_downloads(latest.drop(columns=["meeting_key"]), "latest-meetings", lang)
    export_menu.report_download(i18n.t("report.title", lang), describe(f), lambda: report.sections(corpus, f), lang,
                                corpus.demo)


def _key_figures(figures: dict, lang: str) -> None:
    """Two rows on one four-column grid, so labels and numbers fit a laptop screen: counts first,
    then the provinces and the date span as 'From'/'To' years with the exact dates beneath."""
    top = st.columns(4)
    top[0].metric(i18n.t("kpi.articles", lang), i18n.fmt_int(figures["articles"], lang))
    top[1].metric(i18n.t("kpi.meetings", lang), i18n.fmt_int(figures["meetings"], lang),
                  help=i18n.t("kpi.meetings_help", lang))
    for col, key in zip(top[2:], ("delegations_in", "delegations_out"), strict=False):
        col.metric(i18n.t(f"kpi.{key}", lang), i18n.fmt_int(figures[key], lang),
                   help=i18n.t("kpi.delegations_help", lang))
    bottom = st.columns(4)
    bottom[0].metric(i18n.t("kpi.provinces", lang), i18n.fmt_int(figures["provinces"], lang))
    for col, key in zip(bottom[1:], ("first", "last"), strict=False):
        day = figures[key]
        col.metric(i18n.t(f"kpi.{key}", lang), str(day.year) if day is not None else "–",
                   help=i18n.t("kpi.span_help", lang))
        col.caption(i18n.fmt_date(day, lang))
