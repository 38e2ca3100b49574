"""One-line notices every page shows: the demo banner, the filters in words, empty states,
and where the corpus comes from."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import i18n
from ..filters import Filters, describe
from .text import md_literal

# Streamlit 1.67 hard-codes the empty dropdown's "No results" (and "You can only select up to N
# options") in English, with no option to change it; in the Vietnamese UI a style rule swaps the text
# of that one element (the dropdown's empty listbox) for ours. Nothing else is touched.
EMPTY_DROPDOWN_CSS = """<style>
[data-testid="stMultiSelectDropdown"] [role="listbox"][data-empty="true"] [role="option"] span {{font-size: 0}}
[data-testid="stMultiSelectDropdown"] [role="listbox"][data-empty="true"] [role="option"] span::after {{
  content: "{text}"; font-size: 0.875rem}}
</style>"""


def localise_streamlit(lang: str) -> None:
    """Streamlit's own strings that no option translates: replaced in the Vietnamese UI."""
    if lang == "vi":
        text = i18n.t("streamlit.no_options", lang).replace("\\", "").replace('"', "'")
        st.html(EMPTY_DROPDOWN_CSS.format(text=text))


def demo_banner(corpus, lang: str) -> None:
    if corpus.demo:
        st.warning(i18n.t("banner.demo", lang), icon=":material/science:")


def filter_sentence(f: Filters) -> None:
    # the sentence quotes the search box and the URL: shown as plain text, never as markdown
    st.caption(md_literal(describe(f)) + " " + i18n.t("describe.date_rule", f.lang))


def time_axis_notes(axis: dict, f: Filters) -> None:
    """Under a time chart: how many items have no date (their own last bucket) and, when the first
    or last bucket is only partly covered, that its bar is not a fall."""
    lines = [i18n.t("undated.rule", f.lang)]
    if axis.get("undated"):
        lines.append(i18n.t("undated.count", f.lang, n=i18n.fmt_int(axis["undated"], f.lang)))
    if axis.get("partial"):
        lines.append(i18n.t("period.partial_note", f.lang) + " " + i18n.t("chart.partial_legend", f.lang))
    st.caption(" ".join(lines))


def cut_note(shown: int, total: int, what: str, lang: str, newest: bool = False) -> None:
    """"Showing N of M …" under a list or chart that keeps only the first ``shown`` of ``total``
    (the largest first, or the newest with ``newest``)."""
    if total <= shown:
        return
    n, m = i18n.fmt_int(shown, lang), i18n.fmt_int(total, lang)
    st.caption(i18n.t("cut.newest", lang, n=n, m=m, what=i18n.t(f"cut.{what}", lang)) if newest else
               i18n.t("cut.top", lang, n=n, m=m, what=i18n.t(f"cut.{what}", lang)))


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
