"""Themes: the terms that inform (corpus-defining terms hidden, user stopwords), the word cloud,
distinctive terms of a province or a year with their trend, theme shares and trends,
province × theme, and keyword in context as a concordance."""
from __future__ import annotations

import streamlit as st

from .. import charts, cloud, i18n, queries
from ..components import export_menu, kwic, notices, tables, term_controls, url_state
from ..filters import Filters
from ..queries.terms import CORPUS_DEFINING_SHARE
from ..settings import setting

KWIC_MODES = ("term", "theme")
KWIC_KEY, KWIC_MODE_KEY, KWIC_THEME_KEY = "kwic", "kwic_mode", "kwic_theme"  # keys and URL parameters
DISTINCT_KEY = "vs"  # key and URL parameter: "p:Nghệ An" or "y:2022"
DISTINCT_ROWS = 20
DISTINCT_ORDER = ["term", "score", "target_articles", "target_share", "rest_articles", "rest_share", "trend"]
OFFERED_TERMS = 200  # terms offered in the hidden-terms picker


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.themes", lang))
    notices.filter_sentence(f)
    if queries.filter_articles(corpus, f).empty:
        notices.empty_state(lang)
        return
    _terms(corpus, f, lang)
    _distinctive(corpus, f, lang)
    shares = queries.theme_shares(corpus, f)
    if shares.empty:
        notices.empty_state(lang, "empty.no_themes")
    else:
        _theme_charts(corpus, f, shares, lang)
    _keyword_in_context(corpus, f, shares, lang)


def _terms(corpus, f: Filters, lang: str) -> list[str]:
    st.subheader(i18n.t("themes.terms", lang))
    first = queries.term_overview(corpus, f, OFFERED_TERMS)
    offered = queries.readable_terms(first["all"].head(OFFERED_TERMS))["term"].tolist()
    hidden = term_controls.hidden_terms(first["defining"], offered, CORPUS_DEFINING_SHARE, lang)
    terms = queries.term_frequencies(corpus, f, setting("top_terms"), hidden)
    if terms.empty:
        notices.empty_state(lang, "empty.no_terms")
        return hidden
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
    return hidden


def _distinctive(corpus, f: Filters, lang: str) -> None:
    st.subheader(i18n.t("terms.distinct", lang))
    targets = queries.distinct_targets(corpus, f)
    if not targets:
        return
    first = targets.index(url_state.value(DISTINCT_KEY, targets[0], url_state.one_of(targets)))
    target = st.selectbox(i18n.t("terms.distinct_of", lang), targets, key=DISTINCT_KEY, index=first,
                          format_func=lambda v: _target_label(v, lang), help=i18n.t("terms.distinct_help", lang))
    target = target or targets[0]
    url_state.publish(DISTINCT_KEY, target, targets[0])
    hidden = st.session_state.get(term_controls.PICK_KEY) or []
    table, years = queries.distinctive_of(corpus, f, target, DISTINCT_ROWS, hidden)
    if table.empty:
        notices.empty_state(lang, "empty.no_distinct")
        return
    st.dataframe(table, hide_index=True, column_order=DISTINCT_ORDER,
                 column_config=_distinct_columns(table, years, lang))
    export_menu.table_downloads(table.assign(trend=table["trend"].map(lambda v: list(v) if v is not None else [])),
                                "distinctive-terms", lang)


def _distinct_columns(table, years: list[int], lang: str) -> dict:
    share = {"min_value": 0.0, "max_value": 1.0, "format": "percent"}
    span = {"first": years[0], "last": years[-1]} if years else {"first": "", "last": ""}
    return {**tables.column_labels(table.columns, lang),
            "term": st.column_config.TextColumn(i18n.t("col.term", lang), width="medium"),
            "score": st.column_config.NumberColumn(i18n.t("col.score", lang), format="%.1f",
                                                   help=i18n.t("terms.score_help", lang)),
            "target_share": st.column_config.ProgressColumn(i18n.t("col.target_share", lang), **share),
            "rest_share": st.column_config.ProgressColumn(i18n.t("col.rest_share", lang), **share),
            "trend": st.column_config.LineChartColumn(i18n.t("terms.trend", lang, **span), y_min=0,
                                                      help=i18n.t("terms.trend_help", lang, **span))}


def _target_label(code: str, lang: str) -> str:
    kind, _, value = code.partition(":")
    return i18n.t("terms.target_province" if kind == "p" else "terms.target_year", lang, value=value)


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


def _keyword_in_context(corpus, f: Filters, shares, lang: str) -> None:
    st.subheader(i18n.t("themes.kwic", lang))
    mode = st.radio(i18n.t("themes.kwic_by", lang), KWIC_MODES, key=KWIC_MODE_KEY, horizontal=True,
                    index=KWIC_MODES.index(url_state.value(KWIC_MODE_KEY, "term", url_state.one_of(KWIC_MODES))),
                    format_func=lambda v: i18n.t(f"themes.kwic_{v}", lang))
    url_state.publish(KWIC_MODE_KEY, mode, "term")
    if mode == "term":
        chosen = st.text_input(i18n.t("themes.kwic_term", lang), key=KWIC_KEY, max_chars=100,
                               value=url_state.value(KWIC_KEY, "", lambda raw: raw.strip()[:100]),
                               placeholder=i18n.t("kwic.hint", lang), help=i18n.t("search.help", lang)).strip()
        url_state.publish(KWIC_KEY, chosen, "")
        wanted = {"term": chosen}
    else:
        themes = shares["theme"].tolist()
        picked = url_state.value(KWIC_THEME_KEY, None, url_state.one_of(themes))
        chosen = st.selectbox(i18n.t("themes.kwic_theme", lang), themes, key=KWIC_THEME_KEY,
                              index=themes.index(picked) if picked else None,
                              format_func=lambda v: i18n.theme_label(v, lang),
                              placeholder=i18n.t("themes.kwic_pick", lang))
        url_state.publish(KWIC_THEME_KEY, chosen, None)
        wanted = {"theme": chosen}
    if not chosen:
        return
    table = queries.keyword_in_context(corpus, f, limit=setting("kwic_rows"), **wanted)
    if table.empty:
        notices.empty_state(lang, "empty.no_sentences")
    else:
        kwic.render(table, f, lang)
