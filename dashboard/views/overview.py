"""Overview: key figures, the active filters in words, the latest meetings, a one-click report."""
from __future__ import annotations

import streamlit as st

from .. import charts, i18n, queries, widgets
from ..filters import Filters, describe
from ..settings import setting


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.overview", lang))
    widgets.filter_sentence(f)
    figures = queries.key_figures(corpus, f)
    if figures["articles"] == 0:
        widgets.empty_state(lang)
        return
    cols = st.columns([1, 1, 1, 1.4, 1.3, 1.3])
    cols[0].metric(i18n.t("kpi.articles", lang), i18n.fmt_int(figures["articles"], lang))
    cols[1].metric(i18n.t("kpi.meetings", lang), i18n.fmt_int(figures["meetings"], lang),
                   help=i18n.t("kpi.meetings_help", lang))
    cols[2].metric(i18n.t("kpi.provinces", lang), i18n.fmt_int(figures["provinces"], lang))
    span = f"{i18n.fmt_date(figures['first'], lang)} – {i18n.fmt_date(figures['last'], lang)}"
    years = f"{figures['first'].year} – {figures['last'].year}" if figures["first"] is not None else "–"
    cols[3].metric(i18n.t("kpi.span", lang), years, help=span)
    cols[4].metric(i18n.t("kpi.delegations_in", lang), i18n.fmt_int(figures["delegations_in"], lang),
                   help=i18n.t("kpi.delegations_help", lang))
    cols[5].metric(i18n.t("kpi.delegations_out", lang), i18n.fmt_int(figures["delegations_out"], lang),
                   help=i18n.t("kpi.delegations_help", lang))

    st.subheader(i18n.t("overview.latest", lang))
    latest = queries.latest_meetings(corpus, f, setting("latest_meetings"))
    shown = widgets.display_frame(latest, lang)
    shown["link"] = [widgets.article_link(d, f) for d in latest["doc_id"]]
    st.dataframe(shown.drop(columns=["meeting_key"]), hide_index=True,
                 column_order=["date", "province", "meeting_type", "title", "articles", "link"],
                 column_config={**widgets.column_labels(shown.columns, lang),
                                "link": st.column_config.LinkColumn(i18n.t("col.link", lang),
                                                                    display_text=i18n.t("col.open", lang))})
    widgets.table_downloads(latest.drop(columns=["meeting_key"]), "latest-meetings", lang)
    widgets.report_download(i18n.t("report.title", lang), describe(f), lambda: report_sections(corpus, f), lang,
                            corpus.demo)


def report_sections(corpus, f: Filters) -> list[tuple]:
    """The report: time, provinces, themes, delegations, each as (heading, figure, data)."""
    lang, unit = f.lang, f.unit
    time = queries.over_time(corpus, f, "H")
    provinces = queries.by_province(corpus, f)
    ranked = provinces[provinces["count"] > 0].head(setting("top_provinces"))
    themes = queries.theme_shares(corpus, f)
    periods = queries.delegations_by_period(corpus, f)
    return [
        (i18n.t("report.key_figures", lang), None, _figures_frame(queries.key_figures(corpus, f), lang)),
        (i18n.t("chart.over_time", lang), charts.over_time(time, lang, unit), time),
        (i18n.t("chart.ranked_provinces", lang),
         charts.ranked_bar(ranked, "name", "count", lang, i18n.t("chart.ranked_provinces", lang),
                           i18n.t(f"chart.count_{unit}", lang)), ranked),
        (i18n.t("chart.theme_shares", lang), charts.theme_shares(themes, lang), themes),
        (i18n.t("chart.delegations_by_period", lang),
         charts.delegations(periods, "period", lang, i18n.t("chart.delegations_by_period", lang)), periods),
        (i18n.t("overview.latest", lang), None,
         queries.latest_meetings(corpus, f, setting("latest_meetings")).drop(columns=["meeting_key"])),
    ]


def _figures_frame(figures: dict, lang: str):
    import pandas as pd
    rows = [(i18n.t(f"kpi.{k}", lang), i18n.fmt_int(figures[k], lang))
            for k in ("articles", "meetings", "provinces", "delegations_in", "delegations_out")]
    rows.append((i18n.t("kpi.span", lang), f"{i18n.fmt_date(figures['first'], lang)} – "
                                           f"{i18n.fmt_date(figures['last'], lang)}"))
    return pd.DataFrame(rows, columns=[i18n.t("report.figure", lang), i18n.t("report.value", lang)])
