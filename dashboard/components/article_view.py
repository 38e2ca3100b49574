"""One article: picked from the filtered table or named by ``?doc=``, shown with its extracted
facts, its cleaned text with every evidence sentence highlighted, and the evidence table.

Owns ``DOC_KEY`` (the picker) and ``SEEDED_DOC_KEY`` (the ``?doc=`` value last applied to it):
``_seed_selection`` and the picker itself are their only writers; ``FIX_FIELD_KEY`` is the picker
of the field to correct (the correction controls are ``correction_form``'s).

Article text is data, never markup: it is escaped with html.escape before our own <mark>
tags are added around evidence sentences, so HTML or <script> in an article stays inert.
"""
from __future__ import annotations

import html
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from loaders.corrections import FIELDS

from .. import i18n, queries
from ..filters import Filters
from . import correction_form, notices, tables, url_state
from .text import md_literal

DOC_PARAM = "doc"
DOC_KEY = "article_doc"
SEEDED_DOC_KEY = "article_doc_from_url"
FIX_FIELD_KEY = "article_fix_field"
ARTICLE_STYLE = ("white-space: pre-wrap; line-height: 1.6; font-size: 1rem; max-height: 36rem; overflow-y: auto; "
                 "padding: .75rem 1rem; border: 1px solid #e4e7eb; border-radius: .5rem;")


def render(corpus, f: Filters, table: pd.DataFrame, lang: str) -> None:
    """The picker over ``table``'s articles (plus a linked one outside the filters) and the pick."""
    st.subheader(i18n.t("articles.view", lang))
    labels = queries.article_labels(corpus)  # every article's, so a dict lookup names each option
    options = table["doc_id"].tolist()
    wanted = st.query_params.get(DOC_PARAM)
    if wanted in labels and wanted not in options:  # a linked article outside the filters still opens
        options = [wanted, *options]
    _seed_selection(options)
    doc_id = st.selectbox(i18n.t("articles.pick", lang), options, key=DOC_KEY, format_func=labels.get,
                          placeholder=i18n.t("articles.pick_hint", lang))
    if doc_id and st.query_params.get(DOC_PARAM) != doc_id:
        st.query_params[DOC_PARAM] = doc_id
    if not doc_id:
        return
    found = queries.article(corpus, doc_id)
    if found is None:
        notices.empty_state(lang, "empty.no_article")
        return
    _show_article(found, lang, corpus)


def _show_article(found: dict, lang: str, corpus) -> None:
    row = found["row"]
    st.markdown(f"#### {escape_markdown(row.get('title') or row['doc_id'])}")
    st.dataframe(facts_table(row, lang), hide_index=True)
    _hand_marks(row, lang)
    _corrections(corpus, row["doc_id"], lang)
    url = row.get("url")
    if safe_url(url):
        st.link_button(i18n.t("articles.source", lang), url, icon=":material/open_in_new:")
    st.caption(i18n.t("articles.highlight_hint", lang))
    body = highlight(row.get("body") or "", queries.evidence_sentences(found))
    st.html(f"<div style=\"{ARTICLE_STYLE}\">{body}</div>")
    evidence = evidence_table(found, lang)
    if not evidence.empty:
        st.markdown(f"**{i18n.t('articles.evidence', lang)}**")
        st.dataframe(evidence, hide_index=True, column_config={"sentence": tables.wide_text("sentence", lang)})


def _hand_marks(row: dict, lang: str) -> None:
    """Which of these values a person corrected or checked (the Data quality page lists the changes)."""
    marks = (("fix.corrected_here", row.get("corrected_fields")), ("fix.checked_here", row.get("checked_fields")))
    for key, fields in marks:
        if fields:
            st.caption(i18n.t(key, lang, fields=", ".join(i18n.field_label(f, lang) for f in fields)))


def _corrections(corpus, doc_id: str, lang: str) -> None:
    """Set, clear or check one value of this article, or split/merge its meeting."""
    correction_form.show_message()
    with st.expander(i18n.t("fix.title", lang), icon=":material/edit:"):
        correction_form.who_input(lang)
        field = st.selectbox(i18n.t("fix.field", lang), FIELDS, key=FIX_FIELD_KEY,
                             format_func=lambda v: i18n.field_label(v, lang))
        correction_form.render(corpus, doc_id, field, lang, place="article")


# ---------------------------------------------------------------- pure helpers

def facts_table(row: dict, lang: str) -> pd.DataFrame:
    """The article's extracted fields as (field, value) rows in the UI language."""
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
    return pd.DataFrame(facts, columns=[i18n.t("articles.field", lang), i18n.t("articles.value", lang)])


def evidence_table(found: dict, lang: str) -> pd.DataFrame:
    """``queries.evidence_rows`` with field names in words and headings in the UI language."""
    table = queries.evidence_rows(found)
    table["field"] = table["field"].map(lambda v: i18n.field_label(v, lang))
    return table.rename(columns={"field": i18n.t("articles.field", lang), "value": i18n.t("articles.value", lang)})


def highlight(text: str, sentences: list[str]) -> str:
    """Escape ``text``, then wrap each (escaped) evidence sentence in <mark>: nothing in the text is markup."""
    out = html.escape(text)
    for sentence in sorted({s for s in sentences if isinstance(s, str) and len(s) > 3}, key=len, reverse=True):
        escaped = html.escape(sentence)
        out = out.replace(escaped, f"<mark>{escaped}</mark>")
    return out


def safe_url(url) -> bool:
    """Only web links become a button (no javascript: or file: from an article's metadata)."""
    return isinstance(url, str) and urlparse(url).scheme in ("http", "https")


def _text(value) -> str:
    return "–" if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) else str(value)


def escape_markdown(text: str) -> str:
    """Title shown as markdown: HTML, markdown marks and autolinks all inert (``text.md_literal``)."""
    return md_literal(text)


def _seed_selection(options: list[str]) -> None:
    """Point the picker at ``?doc=`` whenever the URL names a new one (``url_state.pick_from_url``)."""
    change = url_state.pick_from_url(DOC_PARAM, st.session_state.get(SEEDED_DOC_KEY),
                                     st.session_state.get(DOC_KEY), options)
    if change is not None:
        st.session_state[SEEDED_DOC_KEY] = change[0]
        st.session_state[DOC_KEY] = change[1]
