"""Data quality: field coverage, articles without province or date, merged duplicates, ingest report."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters
from ..settings import SETTINGS, setting


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

    st.subheader(i18n.t("quality.missing", lang))
    missing = queries.missing_place_or_date(corpus, f)
    if missing.empty:
        st.success(i18n.t("quality.none_missing", lang))
    else:
        st.dataframe(tables.display_frame(missing, lang), hide_index=True,
                     column_order=["no_province", "no_date", "title", "province", "date", "level", "url", "doc_id"],
                     column_config={**tables.column_labels(missing.columns, lang),
                                    "title": st.column_config.TextColumn(i18n.t("col.title", lang), width="large"),
                                    "url": tables.url_column(lang)})
        export_menu.table_downloads(missing, "missing-province-or-date", lang)

    st.subheader(i18n.t("quality.duplicates", lang))
    dups = queries.duplicate_groups(corpus, f)
    if dups.empty:
        st.caption(i18n.t("quality.no_duplicates", lang))
    else:
        st.dataframe(tables.display_frame(dups, lang), hide_index=True,
                     column_order=["date", "province", "articles", "titles", "doc_ids", "meeting_id"],
                     column_config={**tables.column_labels(dups.columns, lang),
                                    **tables.sized_columns(dups.columns, lang),
                                    "titles": st.column_config.TextColumn(i18n.t("col.titles", lang), width="large")})
        export_menu.table_downloads(dups, "merged-duplicates", lang)

    st.subheader(i18n.t("quality.report", lang))
    report = queries.ingest_report(corpus)
    if report.empty:
        st.caption(i18n.t("quality.no_report", lang))
    else:
        summary = queries.report_summary(corpus)
        st.dataframe(tables.display_frame(summary, lang), hide_index=True,
                     column_config=tables.column_labels(summary.columns, lang))
        st.dataframe(tables.display_frame(report, lang), hide_index=True,
                     column_config=tables.column_labels(report.columns, lang))
        export_menu.table_downloads(report, "ingest-report", lang)

    with st.expander(i18n.t("quality.settings", lang)):
        rows = [{"setting": k, "current": setting(k), "default": s.default, "help": s.help}
                for k, s in SETTINGS.items()]
        st.dataframe(rows, hide_index=True, column_config={
            **tables.column_labels(["setting", "current", "default"], lang),
            "help": st.column_config.TextColumn(i18n.t("col.help", lang), width="large")})
        st.caption(i18n.t("quality.settings_hint", lang))
