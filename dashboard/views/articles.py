"""Articles: the searchable table, then one article with its evidence highlighted
(components.article_view)."""
from __future__ import annotations

import streamlit as st

from .. import i18n, queries
from ..components import article_view, export_menu, notices, tables
from ..filters import Filters
from ..settings import setting

TABLE_ORDER = ["date", "province", "meeting_type", "link", "title", "period", "level", "date_source", "url",
               "doc_id", "relevant"]
TITLE_WIDTH = 360  # px: long titles are cut (read them whole in the article view); the columns after stay near


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.articles", lang))
    notices.filter_sentence(f)
    table = queries.articles_table(corpus, f)
    if table.empty:
        notices.empty_state(lang)
    else:
        _table(table, f, lang)
    article_view.render(corpus, f, table, lang)


def _table(table, f: Filters, lang: str) -> None:
    shown = tables.with_links(table.head(setting("article_rows")), f, lang)
    # what a reader scans first, and no column wider than the page: long titles are cut here
    # and shown whole in the article view below (the "open" link selects the article)
    st.dataframe(shown, hide_index=True, column_order=TABLE_ORDER, column_config={
        **tables.meeting_columns(shown.columns, lang),
        "title": tables.wide_text("title", lang, TITLE_WIDTH),
        "url": tables.url_column(lang)})
    st.caption(i18n.t("articles.title_hint", lang))
    if len(table) > setting("article_rows"):
        st.caption(i18n.t("articles.cut", lang, n=i18n.fmt_int(setting("article_rows"), lang)))
    export_menu.table_downloads(table, "articles", lang)
