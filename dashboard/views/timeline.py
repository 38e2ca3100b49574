"""Meetings over time: stacked by meeting type, articles vs meetings, the half-year rhythm."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.time", lang))
    notices.filter_sentence(f)
    left, right = st.columns(2)
    freq = left.segmented_control(i18n.t("time.freq", lang), queries.FREQS, key="time_freq", default="H",
                                  format_func=lambda v: i18n.t(f"freq.{v}", lang), required=True)
    share = right.toggle(i18n.t("time.share", lang), key="time_share", help=i18n.t("time.share_help", lang))
    table = queries.over_time(corpus, f, freq)
    if notices.is_empty(table, "count"):
        notices.empty_state(lang)
        return
    st.caption(i18n.t("time.click_hint", lang))
    event = export_menu.chart_with_exports(charts.over_time(table, lang, f.unit, share), table, f"over-time-{freq}",
                                       lang, selectable=True)
    _selected_meetings(corpus, f, freq, event, lang)

    col1, col2 = st.columns(2)
    with col1:
        both = queries.articles_vs_meetings(corpus, f, freq)
        export_menu.chart_with_exports(charts.articles_vs_meetings(both, lang), both, f"articles-vs-meetings-{freq}",
                                       lang)
    with col2:
        profile = queries.month_profile(corpus, f)
        export_menu.chart_with_exports(charts.month_profile(profile, lang, f.unit), profile, "month-profile", lang)
        st.caption(i18n.t("time.rhythm_hint", lang))


def _selected_meetings(corpus, f: Filters, freq: str, event, lang: str) -> None:
    picked = export_menu.selected_bar(event)
    if picked is None:
        return
    bucket, mtype = picked
    meetings = queries.meetings_in_bucket(corpus, f, freq, bucket, mtype)
    label = i18n.meeting_type_label(None if mtype in (None, "none") else mtype, lang)
    st.subheader(i18n.t("time.behind_bar", lang, bucket=i18n.period_label(bucket, lang), type=label))
    if meetings.empty:
        notices.empty_state(lang)
        return
    tables.meeting_list(meetings, f, lang)
