"""Articles: the searchable table and one article with its evidence highlighted.

Article text is data, never markup: it is escaped with html.escape before our own <mark>
tags are added around evidence sentences, so HTML or <script> in an article stays inert.
"""
from __future__ import annotations

import html
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from .. import i18n, queries
from ..components import export_menu, notices, tables
from ..filters import Filters
from ..settings import setting

TABLE_ORDER = ["date", "province", "meeting_type", "link", "title", "period", "level", "date_source", "url",
               "doc_id", "relevant"]
TITLE_WIDTH = 360  # px: long titles are cut (read them whole in the article view); the columns after stay near
DOC_PARAM = "doc"
DOC_KEY = "article_doc"  # the selectbox's key; only _seed_selection and the selectbox write it
SEEDED_DOC_KEY = "article_doc_from_url"
ARTICLE_STYLE = ("white-space: pre-wrap; line-height: 1.6; font-size: 1rem; max-height: 36rem; overflow-y: auto; "
                 "padding: .75rem 1rem; border: 1px solid #e4e7eb; border-radius: .5rem;")


def render(corpus, f: Filters) -> None:
    lang = f.lang
    st.title(i18n.t("page.articles", lang))
    notices.filter_sentence(f)
    table = queries.articles_table(corpus, f)
    if table.empty:
        notices.empty_state(lang)
    else:
        shown = tables.display_frame(table.head(setting("article_rows")), lang)
        shown["link"] = [tables.article_link(d, f) for d in shown["doc_id"]]
        # what a reader scans first, and no column wider than the page: long titles are cut here
        # and shown whole in the article view below (the "open" link selects the article)
        st.dataframe(shown, hide_index=True, column_order=TABLE_ORDER, column_config={
            **tables.meeting_columns(shown.columns, lang),
            "title": st.column_config.TextColumn(i18n.t("col.title", lang), width=TITLE_WIDTH),
            "url": tables.url_column(lang)})
        st.caption(i18n.t("articles.title_hint", lang))
        if len(table) > setting("article_rows"):
            st.caption(i18n.t("articles.cut", lang, n=i18n.fmt_int(setting("article_rows"), lang)))
        export_menu.table_downloads(table, "articles", lang)
    _article_view(corpus, f, table, lang)


def _seed_selection(options: list[str]) -> None:
    """Select the article named by ``?doc=`` whenever the URL names a new one (first load, a link)."""
    wanted = st.query_params.get(DOC_PARAM)
    if wanted != st.session_state.get(SEEDED_DOC_KEY):
        st.session_state[SEEDED_DOC_KEY] = wanted
        st.session_state[DOC_KEY] = wanted if wanted in options else None
    elif st.session_state.get(DOC_KEY) not in options:
        st.session_state[DOC_KEY] = None


def _article_view(corpus, f: Filters, table: pd.DataFrame, lang: str) -> None:
    st.subheader(i18n.t("articles.view", lang))
    titles = dict(zip(corpus.articles["doc_id"], corpus.articles["title"].fillna("")))
    options = table["doc_id"].tolist()
    wanted = st.query_params.get(DOC_PARAM)
    if wanted in titles and wanted not in options:  # a linked article outside the filters still opens
        options = [wanted, *options]
    _seed_selection(options)
    doc_id = st.selectbox(i18n.t("articles.pick", lang), options, key=DOC_KEY,
                          format_func=lambda d: f"{d} — {titles.get(d, '')[:120]}",
                          placeholder=i18n.t("articles.pick_hint", lang))
    if doc_id and st.query_params.get(DOC_PARAM) != doc_id:
        st.query_params[DOC_PARAM] = doc_id
    if not doc_id:
        return
    found = queries.article(corpus, doc_id)
    if found is None:
        notices.empty_state(lang, "empty.no_article")
        return
    _show_article(found, lang)


def _show_article(found: dict, lang: str) -> None:
    row = found["row"]
    st.markdown(f"#### {_escape_md(row.get('title') or row['doc_id'])}")
    facts = [
        (i18n.t("col.meeting_date", lang), i18n.fmt_date(row.get("meeting_date"), lang)),
        (i18n.t("col.published", lang), i18n.fmt_date(row.get("published"), lang)),
        (i18n.t("col.period", lang), _text(row.get("period"))),
        (i18n.t("col.province", lang), _text(row.get("province"))),
        (i18n.t("col.province_2025", lang), _text(row.get("province_2025"))),
        (i18n.t("col.level", lang), i18n.level_label(row.get("level"), lang)),
        (i18n.t("col.meeting_type", lang), i18n.meeting_type_label(row.get("meeting_type"), lang)),
        (i18n.t("col.chairs", lang), ", ".join(row.get("chairs") or []) or "–"),
    ]
    st.dataframe(pd.DataFrame(facts, columns=[i18n.t("articles.field", lang), i18n.t("articles.value", lang)]),
                 hide_index=True)
    url = row.get("url")
    if _safe_url(url):
        st.link_button(i18n.t("articles.source", lang), url, icon=":material/open_in_new:")
    sentences = _evidence_sentences(found)
    st.caption(i18n.t("articles.highlight_hint", lang))
    st.html(f"<div style=\"{ARTICLE_STYLE}\">{highlight(row.get('body') or '', sentences)}</div>")
    evidence = _evidence_table(found, lang)
    if not evidence.empty:
        st.markdown(f"**{i18n.t('articles.evidence', lang)}**")
        st.dataframe(evidence, hide_index=True, column_config={
            "sentence": st.column_config.TextColumn(i18n.t("col.sentence", lang), width="large")})


def highlight(text: str, sentences: list[str]) -> str:
    """Escape ``text``, then wrap each (escaped) evidence sentence in <mark>: nothing in the text is markup."""
    out = html.escape(text)
    for sentence in sorted({s for s in sentences if s and len(s) > 3}, key=len, reverse=True):
        escaped = html.escape(sentence)
        out = out.replace(escaped, f"<mark>{escaped}</mark>")
    return out


def _evidence_sentences(found: dict) -> list[str]:
    out = []
    for name in ("evidence", "people", "numbers", "themes"):
        frame = found[name]
        if "sentence" in frame:
            out.extend(frame["sentence"].dropna().astype(str).tolist())
    return out


def _evidence_table(found: dict, lang: str) -> pd.DataFrame:
    ev = found["evidence"][["field", "value", "sentence"]]
    people = found["people"]
    people = pd.DataFrame({"field": people["role"].map(lambda r: f"people.{r}"),
                           "value": people["name"], "sentence": people["sentence"]})
    table = pd.concat([ev, people], ignore_index=True)
    table["field"] = table["field"].map(lambda v: i18n.field_label(v, lang))
    return table.rename(columns={"field": i18n.t("articles.field", lang), "value": i18n.t("articles.value", lang)})


def _safe_url(url) -> bool:
    return isinstance(url, str) and urlparse(url).scheme in ("http", "https")


def _text(value) -> str:
    return "–" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else str(value)


def _escape_md(text: str) -> str:
    """Title shown as markdown: escape HTML and the markdown punctuation that would format it."""
    text = html.escape(str(text), quote=False)  # only &lt; &gt; &amp;: entities the markdown renderer decodes
    return "".join("\\" + ch if ch in "\\`*_{}[]()#+-.!|>~$" else ch for ch in text)
