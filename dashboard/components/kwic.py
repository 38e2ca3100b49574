"""Keyword in context drawn as a concordance: date · province, left context (right-aligned,
cut on the left), the hit highlighted, right context, and a link to the article. Every piece of
article text is escaped, so markup in an article stays inert. Owns no session key."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from .. import i18n
from ..filters import Filters
from . import export_menu, tables

CSS = """
<style>
.ttdn-kwic{max-height:560px;overflow-y:auto;border:1px solid #e5e7eb;border-radius:6px}
.ttdn-kwic table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:0.9rem}
.ttdn-kwic td{padding:3px 6px;border-bottom:1px solid #f0f2f5;white-space:nowrap;overflow:hidden;vertical-align:top}
.ttdn-kwic td.meta{color:#52606d;font-size:0.8rem;text-overflow:ellipsis}
.ttdn-kwic td.left{direction:rtl;text-align:right}
.ttdn-kwic td.left span{direction:ltr;unicode-bidi:embed}
.ttdn-kwic td.hit{padding:3px 0;text-align:center}
.ttdn-kwic td.hit mark{background:#ffe08a;color:#102a43;font-weight:600;padding:0 2px;border-radius:2px}
.ttdn-kwic td.right{text-overflow:ellipsis}
.ttdn-kwic td.link{text-align:right}
</style>
"""
EXPORT_COLUMNS = ["date", "province", "left", "hit", "right", "title", "doc_id"]


def concordance_html(table: pd.DataFrame, f: Filters, lang: str) -> str:
    """The rows as one escaped HTML table (pure: the page only draws it)."""
    esc = html.escape
    rows = []
    for row in table.itertuples(index=False):
        meta = " · ".join(x for x in (i18n.fmt_date(row.date, lang), _text(row.province)) if x and x != "–")
        rows.append(
            f'<tr><td class="meta" title="{esc(_text(row.title))}">{esc(meta)}</td>'
            f'<td class="left"><span>{esc(row.left)}</span></td><td class="hit"><mark>{esc(row.hit)}</mark></td>'
            f'<td class="right">{esc(row.right)}</td>'
            f'<td class="link"><a href="{esc(tables.article_link(row.doc_id, f))}" target="_self">'
            f'{esc(i18n.t("col.open", lang))}</a></td></tr>')
    # fixed layout: the hit column as wide as the longest hit, the two contexts share the rest
    hit_chars = max((len(h) for h in table["hit"]), default=4) + 2
    cols = (f'<colgroup><col style="width:10rem"><col><col style="width:{hit_chars}ch"><col>'
            f'<col style="width:4.5rem"></colgroup>')
    return f'{CSS}<div class="ttdn-kwic"><table>{cols}{"".join(rows)}</table></div>'


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def render(table: pd.DataFrame, f: Filters, lang: str) -> None:
    st.caption(i18n.t("kwic.caption", lang, n=i18n.fmt_int(len(table), lang),
                      articles=i18n.fmt_int(table["doc_id"].nunique(), lang)))
    st.html(concordance_html(table, f, lang))
    export_menu.table_downloads(table[EXPORT_COLUMNS], "keyword-in-context", lang)
