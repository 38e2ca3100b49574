"""One-line notices every page shows: the demo banner, the filters in words, empty states,
and where the corpus comes from."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import i18n
from ..filters import Filters, describe
from .text import md_literal


def demo_banner(corpus, lang: str) -> None:
    if corpus.demo:
        st.warning(i18n.t("banner.demo", lang), icon=":material/science:")


def filter_sentence(f: Filters) -> None:
    # the sentence quotes the search box and the URL: shown as plain text, never as markdown
    st.caption(md_literal(describe(f)) + " " + i18n.t("describe.date_rule", f.lang))


def empty_state(lang: str, what: str = "empty.filtered") -> None:
    st.info(i18n.t(what, lang), icon=":material/search_off:")


def is_empty(frame: pd.DataFrame, value_col: str | None = None) -> bool:
    """No rows, or (with ``value_col``) no non-zero value in that column: nothing worth a chart."""
    if frame is None or frame.empty:
        return True
    return value_col is not None and not pd.to_numeric(frame[value_col], errors="coerce").fillna(0).any()


def source_caption(source: str, articles: int, lang: str) -> None:
    """The sidebar's last line: which corpus this is (a path, "upload" or "demo") and its size."""
    st.sidebar.caption(i18n.t("sidebar.source", lang, source=md_literal(source), n=i18n.fmt_int(articles, lang)))
