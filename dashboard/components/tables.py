"""Dataframes for reading: codes as words, dates in the locale format, fitting column widths,
and links to the Articles page. Exports never go through here: they keep the raw values.

``display_frame`` and ``article_link`` are pure; the rest build ``st.column_config`` entries
or draw a table.
"""
from __future__ import annotations

from urllib.parse import quote_plus, urlencode, urlparse

import pandas as pd
import streamlit as st

from .. import i18n
from ..filters import Filters
from ..queries.counting import map_distinct

# meeting lists: short columns first and the title last, so nothing useful hides past the right edge
MEETING_COLUMNS = ["date", "province", "meeting_type", "articles", "link", "title"]
COLUMN_WIDTHS = {"date": 95, "province": 115, "meeting_type": 120, "articles": 60, "link": 70, "period": 105,
                 "field": 150, "value": 70, "level": 95}
BLANK = "–"  # what an empty cell reads
# delegation figures: "—" when not reported, distinct from 0
REPORTED_COLUMNS = ("delegations_in", "visitors_in", "delegations_out", "visitors_out")
PERIOD_COLUMNS = ("period", "half", "bucket")
# columns holding codes, and how each is put in words
CODE_LABELS = {
    "meeting_type": i18n.meeting_type_label, "level": i18n.level_label, "field": i18n.field_label,
    "theme": i18n.theme_label,
}


# ---------------------------------------------------------------- frames (pure)

def display_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy for showing: dates in the locale format, codes as labels, yes/no in words, and a
    delegation figure nobody reported as "—" (never 0). Exports have their own labelled copy
    (``export.labelled_frame``)."""
    out = frame.copy()
    if "url" in out:  # a link column opens only web pages: no javascript:, data: or file: from a corpus
        out["url"] = _each(out["url"], lambda v: v if _web_url(v) else None)
    for col in out.columns:
        if col in CODE_LABELS:
            # codes are labelled from the raw value: a missing type reads "Không rõ", not "type.–"
            out[col] = _each(frame[col].astype(object), lambda v, label=CODE_LABELS[col]: label(v, lang),
                             frame[col])
        elif col in REPORTED_COLUMNS:
            out[col] = _each(frame[col], lambda v: i18n.fmt_reported(v, lang))
        elif pd.api.types.is_bool_dtype(out[col]):
            out[col] = _each(frame[col], lambda v: i18n.yes_no(v, lang))
        elif pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = _each(out[col], lambda v: i18n.fmt_date(v, lang))
        elif (pd.api.types.is_string_dtype(out[col]) or isinstance(out[col].dtype, pd.CategoricalDtype)
              or out[col].dtype == object):
            # an empty cell reads "–", never "None" (list cells are left alone)
            out[col] = _each(out[col].astype(object), lambda v: BLANK if _blank(v) else v, frame[col])
    for col in PERIOD_COLUMNS:
        if col in out:
            out[col] = _each(frame[col], lambda v: i18n.period_label(v, lang))
    if "status" in out:
        out["status"] = _each(frame["status"], lambda v: i18n.status_label(v, lang))
    if "date_source" in out:
        out["date_source"] = _each(frame["date_source"], lambda v: i18n.t(f"date_source.{v}", lang)
                                   if isinstance(v, str) else BLANK)
    return out


def _each(values: pd.Series, fn, source: pd.Series | None = None) -> pd.Series:
    """``values.map(fn)``, calling ``fn`` once per distinct value when no cell can hold a list (the
    column, or the ``source`` it was made from, is not of object dtype): a 100k-row table repeats
    its dates, provinces and periods thousands of times."""
    if (values if source is None else source).dtype == object:
        return values.map(fn)
    return map_distinct(values, fn)


def _blank(value) -> bool:
    if isinstance(value, (list, tuple)) or hasattr(value, "__array__"):
        return False
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def _web_url(value) -> bool:
    return isinstance(value, str) and urlparse(value.strip()).scheme.lower() in ("http", "https")


def article_link(doc_id: str, f: Filters) -> str:
    """Relative link to the Articles page showing ``doc_id``, keeping the current filters."""
    return "articles?" + urlencode({**f.to_query_params(), "doc": doc_id})


def approx_numbers(values: pd.Series, approx: pd.Series, lang: str) -> list[str]:
    """Numbers in the locale format, "≈ " before those the text gave as approximate ("hơn 50")."""
    return [("≈ " if a else "") + i18n.fmt_int(v, lang) for v, a in zip(values, approx.fillna(False), strict=False)]


def with_links(frame: pd.DataFrame, f: Filters, lang: str) -> pd.DataFrame:
    """``display_frame`` plus a ``link`` column opening each row's article (filters kept)."""
    shown = display_frame(frame, lang)
    # article_link's address, the filters encoded once (not once per row of a 100k-row table)
    query = urlencode(f.to_query_params())
    prefix = f"articles?{query}&" if query else "articles?"
    shown["link"] = [prefix + "doc=" + quote_plus(str(d)) for d in frame["doc_id"]]  # what urlencode writes
    return shown


# ---------------------------------------------------------------- column_config

def column_labels(columns, lang: str) -> dict:
    return {c: st.column_config.Column(i18n.t(f"col.{c}", lang)) for c in columns if i18n.has(f"col.{c}")}


def sized_columns(columns, lang: str) -> dict:
    """Text columns with a width that fits their content (a date never shows as "18/07/202")."""
    return {c: st.column_config.TextColumn(i18n.t(f"col.{c}", lang), width=COLUMN_WIDTHS[c])
            for c in columns if c in COLUMN_WIDTHS and c != "link"}


def link_column(lang: str, width: int | None = None):
    """The ``link`` column of ``with_links``: each cell reads "open"."""
    return st.column_config.LinkColumn(i18n.t("col.link", lang), width=width, display_text=i18n.t("col.open", lang))


def wide_text(column: str, lang: str, width="large"):
    """A text column given the room long text needs (sentences, titles, help)."""
    return st.column_config.TextColumn(i18n.t(f"col.{column}", lang), width=width)


def meeting_columns(columns, lang: str) -> dict:
    """column_config for a meeting list: labels, fixed widths, the link reading "open", a wide title."""
    return {**column_labels(columns, lang), **sized_columns(columns, lang),
            "link": link_column(lang, COLUMN_WIDTHS["link"]), "title": wide_text("title", lang)}


def url_column(lang: str):
    """A source link shown as its site name (full URLs would push every other column away)."""
    return st.column_config.LinkColumn(i18n.t("col.url", lang), display_text=r"https?://(?:www\.)?([^/]+)",
                                       width="medium")


# ---------------------------------------------------------------- tables

def meeting_list(meetings: pd.DataFrame, f: Filters, lang: str) -> None:
    """A ``queries`` meeting table (one row per meeting) with links to each meeting's article."""
    shown = with_links(meetings, f, lang)
    st.dataframe(shown.drop(columns=["meeting_key"]), hide_index=True, column_order=MEETING_COLUMNS,
                 column_config=meeting_columns(shown.columns, lang))


def rhythm_cells(cells: pd.DataFrame, f: Filters, lang: str) -> None:
    """The meeting behind each filled cell of the reporting-rhythm matrix, with its article link."""
    shown = with_links(cells, f, lang)
    shown["state"] = cells["state"].map(lambda v: i18n.t(f"rhythm.state_{v}", lang))
    st.dataframe(shown, hide_index=True, column_order=["province", "half", "state", "date", "link", "title"],
                 column_config={**meeting_columns(shown.columns, lang),
                                "half": st.column_config.TextColumn(i18n.t("col.half_year", lang), width=110),
                                "state": st.column_config.TextColumn(i18n.t("col.state", lang), width=140)})
