"""Data quality: field coverage, articles without province or date, merged duplicates, corrections by
hand (components.corrections_panel), ingest report, and the settings in force."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import corrections_panel, export_menu, notices, tables
from ..filters import Filters
from ..settings import setting, settings_table

MISSING_ORDER = ["no_province", "no_date", "title", "province", "date", "level", "url", "doc_id"]
DUPLICATE_ORDER = ["date", "province", "articles", "titles", "doc_ids", "meeting_id"]


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.quality", lang))
    notices.filter_sentence(f)
    st.caption(i18n.t("quality.no_date_filter", lang))
    cover = queries.coverage(corpus, f)
    if cover["total"].max() == 0:
        notices.empty_state(lang)
    else:
        export_menu.chart_with_exports(charts.coverage(cover, lang), cover, "coverage", lang)
    _missing(corpus, f, lang)
    _duplicates(corpus, f, lang)
    corrections_panel.render(lang)
    _ingest_report(corpus, lang)
    _settings(lang)


def _missing(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("quality.missing", lang))
    missing = queries.missing_place_or_date(corpus, f)
    if missing.empty:
        st.success(i18n.t("quality.none_missing", lang))
        return
    st.dataframe(tables.display_frame(missing, lang), hide_index=True, column_order=MISSING_ORDER,
                 column_config={**tables.column_labels(missing.columns, lang), "title": tables.wide_text("title", lang),
                                "url": tables.url_column(lang)})
    export_menu.table_downloads(missing, "missing-province-or-date", lang)


def _duplicates(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("quality.duplicates", lang))
    every = queries.merged_meetings(corpus, f)
    if every.empty:
        st.caption(i18n.t("quality.no_duplicates", lang))
        return
    # the meetings with the most articles on screen (a national corpus merges thousands, and
    # joining and sending every one costs each rerun half a second); the downloads hold them all
    dups = queries.duplicate_groups(corpus, f, max_rows=setting("duplicate_rows"))
    st.dataframe(tables.display_frame(dups, lang), hide_index=True, column_order=DUPLICATE_ORDER,
                 column_config={**tables.column_labels(dups.columns, lang), **tables.sized_columns(dups.columns, lang),
                                "titles": tables.wide_text("titles", lang)})
    notices.cut_note(len(dups), len(every), "meetings", lang)
    export_menu.table_downloads(lambda: queries.duplicate_groups(corpus, f), "merged-duplicates", lang)


def _ingest_report(corpus, lang: str) -> None:
    st.subheader(i18n.t("quality.report", lang))
    report = queries.ingest_report(corpus)
    if report.empty:
        st.caption(i18n.t("quality.no_report", lang))
        return
    summary = queries.report_summary(corpus)
    st.dataframe(tables.display_frame(summary, lang), hide_index=True,
                 column_config=tables.column_labels(summary.columns, lang))
    st.dataframe(tables.display_frame(report, lang), hide_index=True,
                 column_config=tables.column_labels(report.columns, lang))
    export_menu.table_downloads(report, "ingest-report", lang)


def _settings(lang: str) -> None:
    with st.expander(i18n.t("quality.settings", lang)):
        st.dataframe(settings_table(), hide_index=True, column_config={
            **tables.column_labels(["setting", "current", "default"], lang), "help": tables.wide_text("help", lang)})
        st.caption(i18n.t("quality.settings_hint", lang))
