"""Themes: word cloud and term table, theme shares and trends, province × theme, keyword in context."""
from __future__ import annotations

import streamlit as st

from .. import charts, cloud, i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters
from ..settings import setting

KWIC_ORDER = ["date", "province", "sentence", "title", "link"]


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.themes", lang))
    notices.filter_sentence(f)
    if queries.filter_articles(corpus, f).empty:
        notices.empty_state(lang)
        return
    terms = queries.term_frequencies(corpus, f, setting("top_terms"))
    _terms(terms, lang)
    shares = queries.theme_shares(corpus, f)
    if shares.empty:
        notices.empty_state(lang, "empty.no_themes")
    else:
        _theme_charts(corpus, f, shares, lang)
    _keyword_in_context(corpus, f, terms, shares, lang)


def _terms(terms, lang: str) -> None:
    st.subheader(i18n.t("themes.terms", lang))
    if terms.empty:
        notices.empty_state(lang, "empty.no_terms")
        return
    cloud_col, table_col = st.columns([3, 2])
    with cloud_col:
        freqs = queries.cloud_frequencies(terms)
        st.image(cloud.wordcloud_png(freqs, setting("cloud_width"), setting("cloud_height")),
                 caption=i18n.t("themes.cloud_caption", lang))
        st.download_button("SVG", lambda: cloud.wordcloud_svg(freqs, setting("cloud_width"), setting("cloud_height")),
                           "wordcloud.svg", "image/svg+xml", key="dl-wordcloud-svg", on_click="ignore")
    with table_col:
        shown = queries.readable_terms(terms)
        st.dataframe(shown, hide_index=True, height=420, column_config=tables.column_labels(shown.columns, lang))
        export_menu.table_downloads(shown, "terms", lang)


def _theme_charts(corpus, f: Filters, shares, lang: str) -> None:
    # full width: theme labels are long, side-by-side charts would squeeze them
    export_menu.chart_with_exports(charts.theme_shares(shares, lang), shares, "theme-shares", lang)
    trend = queries.theme_trend(corpus, f, "Y")
    export_menu.chart_with_exports(charts.theme_trend(trend, lang, f.unit), trend, "theme-trend", lang)
    grid = queries.province_theme(corpus, f, setting("heatmap_rows"))
    if not grid.empty:
        export_menu.chart_with_exports(charts.heatmap(grid, "province", "theme", "count", lang,
                                                      i18n.t("chart.province_theme", lang),
                                                      col_label=lambda v: i18n.theme_label(v, lang)),
                                       grid, "province-theme", lang)


def _keyword_in_context(corpus, f: Filters, terms, shares, lang: str) -> None:
    st.subheader(i18n.t("themes.kwic", lang))
    mode = st.radio(i18n.t("themes.kwic_by", lang), ("term", "theme"), key="kwic_mode", horizontal=True,
                    format_func=lambda v: i18n.t(f"themes.kwic_{v}", lang))
    if mode == "term":
        chosen = st.selectbox(i18n.t("themes.kwic_term", lang), queries.readable_terms(terms)["term"].tolist(),
                              key="kwic_term", index=None, accept_new_options=True,
                              placeholder=i18n.t("themes.kwic_pick", lang))
        wanted = {"term": chosen}
    else:
        chosen = st.selectbox(i18n.t("themes.kwic_theme", lang), shares["theme"].tolist(), key="kwic_theme",
                              index=None, format_func=lambda v: i18n.theme_label(v, lang),
                              placeholder=i18n.t("themes.kwic_pick", lang))
        wanted = {"theme": chosen}
    if chosen:
        _sentences(queries.keyword_in_context(corpus, f, limit=setting("kwic_rows"), **wanted), f, lang)


def _sentences(table, f: Filters, lang: str) -> None:
    """The keyword-in-context sentences with a link to each one's article."""
    if table.empty:
        notices.empty_state(lang, "empty.no_sentences")
        return
    shown = tables.with_links(table, f, lang)
    st.dataframe(shown, hide_index=True, column_order=KWIC_ORDER,
                 column_config={**tables.column_labels(shown.columns, lang),
                                "sentence": tables.wide_text("sentence", lang), "link": tables.link_column(lang)})
    export_menu.table_downloads(table, "keyword-in-context", lang)
