"""Meetings over time: stacked by meeting type, articles vs meetings, the month profile and the
reporting rhythm (province × half-year of sơ kết / tổng kết)."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, page_controls, tables
from ..filters import Filters

# page controls ride the URL under these plain names: ?freq=Y&share=1
FREQ_PARAM, SHARE_PARAM = "freq", "share"
GAP_NAMES = 10  # provinces named in the rhythm's gap note (the most gaps first)


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.time", lang))
    notices.filter_sentence(f)
    left, right = st.columns(2)
    freq = page_controls.choice(left, i18n.t("time.freq", lang), FREQ_PARAM, queries.FREQS, "H",
                                format_func=lambda v: i18n.t(f"freq.{v}", lang))
    share = page_controls.switch(right, i18n.t("time.share", lang), SHARE_PARAM, help=i18n.t("time.share_help", lang))
    table = queries.over_time(corpus, f, freq)
    if notices.is_empty(table, "count"):
        notices.empty_state(lang)
        return
    axis = queries.time_axis(corpus, f, freq)
    notices.time_axis_notes(axis, f)
    st.caption(i18n.t("time.click_hint", lang))
    event = export_menu.chart_with_exports(charts.over_time(table, lang, f.unit, share, axis["partial"]), table,
                                           f"{f.unit}-over-time-{freq}", lang, selectable=True)
    _selected_meetings(corpus, f, freq, event, lang)

    col1, col2 = st.columns(2)
    with col1:
        both = queries.articles_vs_meetings(corpus, f, freq)
        export_menu.chart_with_exports(charts.articles_vs_meetings(both, lang, axis["partial"]), both,
                                       f"articles-vs-meetings-{freq}", lang)
    with col2:
        profile = queries.month_profile(corpus, f)
        export_menu.chart_with_exports(charts.month_profile(profile, lang, f.unit), profile, f"{f.unit}-by-month", lang)
        st.caption(_month_hint(queries.month_hint(profile), f))
    _rhythm(corpus, f, lang)


def _month_hint(hint: dict | None, f: Filters) -> str:
    """The month profile's reading, from the data: busiest months and the first half's share."""
    unit = i18n.t(f"describe.unit_{f.unit}", f.lang)
    if hint is None:
        return i18n.t("time.rhythm_hint_none", f.lang, unit=unit)
    months = ", ".join(i18n.t(f"month.{m}", f.lang) for m in hint["months"])
    return i18n.t("time.rhythm_hint_data", f.lang, months=months, share=i18n.fmt_pct(hint["share"], f.lang, 0),
                  unit=unit, h1=i18n.fmt_pct(hint["h1_share"], f.lang, 0))


def _rhythm(corpus, f: Filters, lang: str) -> None:
    """Province × half-year: which review was reported, a gap visible at a glance."""
    st.subheader(i18n.t("rhythm.title", lang))
    st.caption(i18n.t("rhythm.rule", lang))
    matrix = queries.rhythm_matrix(corpus, f)
    if matrix.empty:
        notices.empty_state(lang, "rhythm.none")
        return
    export_menu.chart_with_exports(charts.rhythm_matrix(matrix, lang), matrix, "reporting-rhythm", lang)
    gaps = queries.rhythm_gaps(matrix)
    gaps = gaps[gaps["gaps"] > 0].sort_values("gaps", ascending=False, kind="mergesort")
    if len(gaps):
        shown = gaps.head(GAP_NAMES)
        names = ", ".join(f"{p} ({i18n.fmt_int(n, lang)})" for p, n in zip(shown["province"], shown["gaps"],
                                                                             strict=False))
        if len(gaps) > GAP_NAMES:
            names += " " + i18n.t("rhythm.gaps_more", lang, n=i18n.fmt_int(len(gaps) - GAP_NAMES, lang))
        st.caption(i18n.t("rhythm.gaps", lang, names=names))
    with st.expander(i18n.t("rhythm.cells", lang)):
        cells = matrix[matrix["state"] > 0].reset_index(drop=True)
        tables.rhythm_cells(cells, f, lang)
        export_menu.table_downloads(cells, "reporting-rhythm-cells", lang)


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
