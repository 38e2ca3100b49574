"""Correcting one value: set it, clear it (the text does not say), or mark it checked; and split an
article off its meeting or merge it into another. Used by the review queue and the article view.

Owns every key starting ``fix-`` (a value widget, a note and buttons per place, article and field),
``WHO_KEY`` (the analyst's name) and ``MESSAGE_KEY`` (the last click's outcome, shown once).
Corrections are written only by the callbacks below, one atomic write per click, through
``data.current_store()``; the next run reads the new file and shows the corrected corpus.
Everything typed here is validated by ``loaders.corrections`` and shown back only as text.
"""
from __future__ import annotations

import getpass
from datetime import date, timedelta

import pandas as pd
import streamlit as st

from loaders import corrections, gazetteer
from loaders.corrections.records import EARLIEST_DATE, LATEST_AHEAD, MAX_COUNT
from loaders.schema import MEETING_TYPES

from .. import data, i18n

WHO_KEY = "fix_who"
MESSAGE_KEY = "fix_message"
MERGE_CHOICES = 300  # articles offered as a meeting to merge into (same province first, then nearest dates)


def render(corpus, doc_id: str, field: str, lang: str, place: str) -> None:
    """The value of ``field`` in article ``doc_id`` with the controls to change it (``place`` keeps keys apart)."""
    row = _row(corpus, doc_id)
    if row is None:
        return
    if field == corrections.MEETING:
        meeting_controls(corpus, doc_id, lang, place)
        return
    current = corrections.plain(field, row.get(field))
    key = f"fix-{place}-{doc_id}-{field}"
    _state_caption(row, field, lang)
    _value_widget(field, current, key, lang)
    st.text_input(i18n.t("fix.note", lang), key=f"{key}-note", max_chars=500)
    sha = corrections.content_sha(row.get("raw_text"))
    # one button a line: their labels stay whole in the review page's narrow column
    buttons = (("set", ":material/save:"), ("clear", ":material/backspace:"), ("check", ":material/task_alt:"))
    for action, icon in buttons:
        st.button(i18n.t(f"fix.{action}", lang), key=f"{key}-{action}", icon=icon, on_click=_save,
                  args=(doc_id, sha, field, action, key, current, lang))


def who_input(lang: str) -> None:
    """The analyst's name, recorded with every correction (the one writer of ``WHO_KEY`` is this widget)."""
    st.text_input(i18n.t("fix.who", lang), key=WHO_KEY, value=_default_who(), max_chars=80)


def show_message() -> None:
    """The outcome of the last click (saved, or why it was refused), once."""
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        kind, text = message
        (st.success if kind == "success" else st.error)(text)


def _row(corpus, doc_id: str) -> dict | None:
    rows = corpus.articles[corpus.articles["doc_id"] == doc_id]
    if not len(rows):
        return None
    raw = corpus.raw_texts([doc_id]).iloc[0]  # the texts live apart from the working frame
    return {**rows.iloc[0].to_dict(), "raw_text": raw if isinstance(raw, str) else None}


def _state_caption(row: dict, field: str, lang: str) -> None:
    if field in (row.get("corrected_fields") or []):
        st.caption(i18n.t("fix.is_corrected", lang))
    elif field in (row.get("checked_fields") or []):
        st.caption(i18n.t("fix.is_checked", lang))


def _default_who() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


# ---------------------------------------------------------------- the value widget

def _value_widget(field: str, current, key: str, lang: str) -> None:
    kind = corrections.VALUE_FIELDS[field]
    label = i18n.t("fix.new_value", lang, field=i18n.field_label(field, lang))
    if kind == "bool":
        st.radio(label, [True, False], index=0 if current is not False else 1, key=key, horizontal=True,
                 format_func=lambda v: i18n.t("fix.yes" if v else "fix.no", lang))
    elif kind == "type":
        st.selectbox(label, MEETING_TYPES, index=MEETING_TYPES.index(current) if current in MEETING_TYPES else None,
                     key=key, format_func=lambda v: i18n.meeting_type_label(v, lang))
    elif kind == "province":
        names = gazetteer.provinces()["province"].sort_values().tolist()
        st.selectbox(label, names, index=names.index(current) if current in names else None, key=key,
                     placeholder=i18n.t("fix.pick_province", lang))
    elif kind == "date":
        st.date_input(label, value=date.fromisoformat(current) if current else None, key=key,
                      min_value=EARLIEST_DATE, max_value=date.today() + LATEST_AHEAD,
                      format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD")
    elif kind == "count":
        st.number_input(label, min_value=0, max_value=MAX_COUNT, step=1, key=key,
                        value=int(current) if isinstance(current, int) else None)
    else:  # period, names: typed as text, validated on save
        shown = "; ".join(current) if isinstance(current, list) else (current or "")
        st.text_input(label, value=shown, key=key, help=i18n.t(f"fix.help_{kind}", lang))


def _raw(field: str, value):
    """A widget's value as the JSON value a correction holds (validated by ``corrections.make``)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# ---------------------------------------------------------------- writing

def _save(doc_id: str, sha: str, field: str, action: str, key: str, current, lang: str) -> None:
    """Validate and write one correction; the outcome is shown on the next run."""
    new = None if action == "clear" else current if action == "check" else _raw(field, st.session_state.get(key))
    if action == "set" and new is None:
        st.session_state[MESSAGE_KEY] = ("error", i18n.t("fix.empty", lang))
        return
    write(doc_id, sha, field, action, new, current, st.session_state.get(f"{key}-note") or "", lang)


def write(doc_id: str, sha: str, field: str, action: str, new, current, note: str, lang: str) -> None:
    store = data.current_store()
    if store is None:
        st.session_state[MESSAGE_KEY] = ("error", i18n.t("fix.no_store", lang))
        return
    earlier = next((c for c in store.load().items if (c.doc_id, c.field) == (doc_id, field)
                    and c.action != "check"), None)
    old = earlier.old if earlier is not None else current  # "before" stays the extracted value
    try:
        fix = corrections.make(doc_id, sha, field, action, new, old=old, note=note,
                               who=st.session_state.get(WHO_KEY) or _default_who())
    except ValueError as exc:
        st.session_state[MESSAGE_KEY] = ("error", i18n.t("fix.invalid", lang, reason=str(exc)))
        return
    try:
        store.update(lambda items: corrections.with_added(items, fix))
    except OSError as exc:
        st.session_state[MESSAGE_KEY] = ("error", i18n.t("fix.not_written", lang, reason=exc.strerror or str(exc)))
        return
    st.session_state[MESSAGE_KEY] = ("success", i18n.t(f"fix.done_{action}", lang))


# ---------------------------------------------------------------- meetings

def meeting_controls(corpus, doc_id: str, lang: str, place: str) -> None:
    """The article's meeting (the other reports grouped with it), and split / merge / checked buttons."""
    arts = corpus.articles
    row = _row(corpus, doc_id)
    if row is None:
        return
    members = arts[(arts["meeting_id"] == row["meeting_id"]) & (arts["doc_id"] != doc_id)]
    st.caption(i18n.t("fix.meeting_members", lang, n=i18n.fmt_int(len(members), lang)))
    if len(members):
        st.dataframe(members[["doc_id", "title"]], hide_index=True, column_config={
            "doc_id": i18n.t("col.doc_id", lang), "title": i18n.t("col.title", lang)})
    key, sha = f"fix-{place}-{doc_id}-meeting", corrections.content_sha(row.get("raw_text"))
    current = sorted(members["doc_id"].tolist())
    choices = merge_candidates(arts, row)
    titles = dict(zip(arts["doc_id"], arts["title"].fillna(""), strict=True))
    st.selectbox(i18n.t("fix.merge_with", lang), choices, index=None, key=f"{key}-target",
                 format_func=lambda d: f"{d} — {titles.get(d, '')[:100]}", placeholder=i18n.t("fix.pick_article", lang))
    st.button(i18n.t("fix.split", lang), key=f"{key}-split", disabled=not len(members), icon=":material/call_split:",
                 on_click=write, args=(doc_id, sha, corrections.MEETING, "split", None, current, "", lang))
    st.button(i18n.t("fix.merge", lang), key=f"{key}-merge", icon=":material/merge:", on_click=_merge,
                 args=(doc_id, sha, key, current, lang))
    st.button(i18n.t("fix.check", lang), key=f"{key}-check", icon=":material/task_alt:", on_click=write,
                 args=(doc_id, sha, corrections.MEETING, "check", None, current, "", lang))


def _merge(doc_id: str, sha: str, key: str, current, lang: str) -> None:
    target = st.session_state.get(f"{key}-target")
    if not target:
        st.session_state[MESSAGE_KEY] = ("error", i18n.t("fix.pick_article", lang))
        return
    write(doc_id, sha, corrections.MEETING, "merge", target, current, "", lang)


def merge_candidates(arts: pd.DataFrame, row: dict) -> list[str]:
    """Articles of other meetings, the likeliest first: same province, then the nearest date."""
    others = arts[arts["meeting_id"] != row["meeting_id"]]
    when = row.get("meeting_date") if pd.notna(row.get("meeting_date")) else row.get("published")
    dates = others["meeting_date"].fillna(others["published"])
    distance = (dates - when).abs() if pd.notna(when) else pd.Series(pd.NaT, index=others.index)
    far = distance.fillna(timedelta(days=365 * 100))
    province = row.get("province")
    same = (others["province"].eq(province).fillna(False).astype(bool) if isinstance(province, str)
            else pd.Series(False, index=others.index))
    ranked = others.assign(_same=~same, _far=far).sort_values(["_same", "_far", "doc_id"], kind="mergesort")
    return ranked["doc_id"].head(MERGE_CHOICES).tolist()
