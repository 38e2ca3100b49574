"""Overview: key figures with their yearly trend and the change against the previous period, the
active filters in words, the latest meetings, one-click report and workbook."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters
from ..settings import setting

TREND_KEYS = ("meetings", "articles", "delegations_in", "delegations_out")


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.overview", lang))
    notices.filter_sentence(f)
    figures = queries.key_figures(corpus, f)
    if figures["articles"] == 0:
        notices.empty_state(lang)
        return
    _key_figures(corpus, f, figures, lang)

    st.subheader(i18n.t("overview.latest", lang))
    latest = queries.latest_meetings(corpus, f, setting("latest_meetings"))
    tables.meeting_list(latest, f, lang)
    notices.cut_note(len(latest), queries.meeting_count(corpus, f), "meetings", lang, newest=True)
    export_menu.table_downloads(latest.drop(columns=["meeting_key"]), "latest-meetings", lang)
    left, right = st.columns(2)
    with left:
        export_menu.report_download(corpus, f)
    with right:
        export_menu.workbook_download(corpus, f)


def _key_figures(corpus, f: Filters, figures: dict, lang: str) -> None:
    """Four trend cards (count, yearly sparkline, change against the previous period), then the
    provinces and the date span as 'From'/'To' years with the exact dates beneath."""
    trend = queries.yearly_trend(corpus, f)
    change = _changes(corpus, f)
    top = st.columns(4)
    for col, key in zip(top, TREND_KEYS, strict=False):
        value = figures[key]
        # a year nobody reported a delegation figure for is a gap in the line, never a 0
        series = [float("nan") if pd.isna(v) else float(v) for v in trend[key]] if len(trend) > 1 else None
        delta = change.get(key)
        col.metric(i18n.t(f"kpi.{key}", lang), i18n.fmt_reported(value, lang),
                   delta=None if delta is None else f"{delta:+,d}".replace(",", "." if lang == "vi" else ","),
                   delta_description=None if delta is None else change.get("label"),
                   delta_color="off" if key.startswith("deleg") else "normal",
                   help=i18n.t("kpi.delegations_help" if key.startswith("deleg") else f"kpi.{key}_help", lang)
                   + (" " + i18n.t("value.not_reported_help", lang) if value is None else ""),
                   chart_data=series, chart_type="line", border=True)
    _captions(figures, trend, change, lang)
    bottom = st.columns(4)
    bottom[0].metric(i18n.t("kpi.provinces", lang), i18n.fmt_int(figures["provinces"], lang))
    for col, key in zip(bottom[1:], ("first", "last"), strict=False):
        day = figures[key]
        col.metric(i18n.t(f"kpi.{key}", lang), str(day.year) if day is not None else "–",
                   help=i18n.t("kpi.span_help", lang))
        col.caption(i18n.fmt_date(day, lang))
    if figures["undated"]:
        bottom[3].caption(i18n.t("kpi.undated", lang, n=i18n.fmt_int(figures["undated"], lang)))


def _changes(corpus, f: Filters) -> dict:
    """key -> change of the current window against the previous one, and ``label`` naming both."""
    windows = queries.comparison_windows(corpus, f)
    if windows is None:
        return {}
    current, previous = (queries.key_figures(corpus, w) for w in windows)
    out: dict = {"label": i18n.t("kpi.change", f.lang, previous=_window_name(windows[1], f.lang)),
                 "current_name": _window_name(windows[0], f.lang), "previous_name": _window_name(windows[1], f.lang)}
    for key in TREND_KEYS:
        if current[key] is not None and previous[key] is not None:
            out[key] = int(current[key]) - int(previous[key])
    return out


def _window_name(w: Filters, lang: str) -> str:
    if w.date_from and w.date_to and (w.date_from.month, w.date_from.day, w.date_to.month, w.date_to.day) == \
            (1, 1, 12, 31) and w.date_from.year == w.date_to.year:
        return str(w.date_from.year)
    return f"{i18n.fmt_date(w.date_from, lang)} – {i18n.fmt_date(w.date_to, lang)}"


def _captions(figures: dict, trend, change: dict, lang: str) -> None:
    """What the cards cover: the years of the sparklines, the compared windows, the delegation periods."""
    parts = []
    if len(trend) > 1:
        parts.append(i18n.t("kpi.trend_caption", lang, first=int(trend["year"].min()), last=int(trend["year"].max()),
                            current=change.get("current_name", "–"), previous=change.get("previous_name", "–"))
                     if change else i18n.t("kpi.trend_none", lang))
    if figures["periods"]:
        first, last = figures["periods"]
        parts.append(i18n.t("kpi.deleg_coverage", lang, first=i18n.period_label(first, lang),
                            last=i18n.period_label(last, lang), n=figures["reporting"], of=figures["of"]))
    if parts:
        st.caption(" ".join(parts))
