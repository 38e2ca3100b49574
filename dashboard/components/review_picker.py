"""The review queue's picker and its tables in words.

Owns ``ITEM_KEY`` (the picker) and ``SEEDED_ITEM_KEY`` (the ``?item=`` value last applied to it):
``_seed`` and the picker itself are their only writers. The pick rides the URL as
``?item=doc|field`` (plain text), so a link opens the same item.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import i18n
from . import tables, url_state

ITEM_PARAM = "item"
ITEM_KEY = "review_item"
SEEDED_ITEM_KEY = "review_item_from_url"
TEXT_STYLE = ("white-space: pre-wrap; line-height: 1.6; font-size: .95rem; max-height: 30rem; overflow-y: auto; "
              "padding: .75rem 1rem; border: 1px solid #e4e7eb; border-radius: .5rem;")
TITLE_CHARS = 80


def render(queue: pd.DataFrame, lang: str) -> str | None:
    """The item picker over ``queue``; returns the picked item key (``doc|field``) or None."""
    options = queue["item"].tolist()
    labels = {r["item"]: f"{r['doc_id']} · {i18n.field_label(r['field'], lang)} · "
                         f"{str(r['title'] or '')[:TITLE_CHARS]}" for r in queue.to_dict("records")}
    _seed(options)
    picked = st.selectbox(i18n.t("review.pick", lang), options, key=ITEM_KEY, format_func=labels.get,
                          placeholder=i18n.t("review.pick_hint", lang))
    if picked and st.query_params.get(ITEM_PARAM) != picked:
        st.query_params[ITEM_PARAM] = picked
    return picked


# ---------------------------------------------------------------- tables in words (pure)

def shown_value(field: str, value, lang: str) -> str:
    if value is None or (not isinstance(value, list) and pd.isna(value)):
        return i18n.t("review.not_found", lang)
    if field == "meeting_type":
        return i18n.meeting_type_label(value, lang)
    if field == "meeting_date":
        return i18n.fmt_date(value, lang)
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return i18n.t("fix.yes" if value else "fix.no", lang)
    return str(value)


def display_queue(queue: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = tables.display_frame(queue.drop(columns=["field"]), lang)
    out["field"] = queue["field"].map(lambda v: i18n.field_label(v, lang))
    out["value"] = [shown_value(f, v, lang) for f, v in zip(queue["field"], queue["value"], strict=True)]
    out["reasons"] = queue["reasons"].map(lambda rs: "; ".join(i18n.t(f"review.reason_{r}", lang) for r in rs))
    out["score"] = queue["score"].map(lambda s: i18n.fmt_float(s, lang, 2))
    return out


def queue_columns(lang: str) -> dict:
    return {**{c: i18n.t(f"review.col_{c}", lang) for c in ("score", "reasons", "field", "value")},
            **tables.column_labels(["province", "date", "doc_id"], lang)}


def display_readings(readings: pd.DataFrame, lang: str) -> pd.DataFrame:
    return readings.assign(source=readings["source"].map(lambda s: i18n.t(f"review.source_{s}", lang)))


def reading_columns(lang: str) -> dict:
    return {"source": i18n.t("review.col_source", lang), **tables.column_labels(["doc_id", "value"], lang),
            "sentence": tables.wide_text("sentence", lang)}


def _seed(options: list[str]) -> None:
    """Point the picker at ``?item=`` whenever the URL names a new one (``url_state.pick_from_url``)."""
    change = url_state.pick_from_url(ITEM_PARAM, st.session_state.get(SEEDED_ITEM_KEY),
                                     st.session_state.get(ITEM_KEY), options)
    if change is not None:
        st.session_state[SEEDED_ITEM_KEY] = change[0]
        st.session_state[ITEM_KEY] = change[1]
