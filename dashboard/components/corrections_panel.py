"""The Data quality page's corrections section: every correction with before/after and its status,
undo, the conflicting pairs with "keep this one", refused lines of the file, and the file itself
to download or another session's file to import (merged, never overwriting).

Owns the keys starting ``corr-``; writes the corrections file only from its button callbacks.
Nothing read from a corrections file is rendered as markdown or HTML: it goes into dataframes
and select boxes, which show text as text.
"""
from __future__ import annotations

import streamlit as st

from loaders import corrections

from .. import data, i18n
from ..queries import corrections as audit
from . import tables

UNDO_KEY, UNDO_BUTTON = "corr-undo", "corr-undo-go"
IMPORT_FILE_KEY, IMPORT_BUTTON, IMPORT_RESULT_KEY = "corr-import-file", "corr-import-go", "corr-import-result"
LIST_ORDER = ["when", "who", "doc_id", "field", "action", "before", "after", "status", "note"]


def render(lang: str) -> None:
    st.subheader(i18n.t("corrections.title", lang))
    store = data.current_store()
    if store is None:
        st.caption(i18n.t("fix.no_store", lang))
        return
    fixes, result = data.corrections_state()
    st.caption(i18n.t("corrections.where", lang, path=str(store.path)))
    for problem in fixes.problems:
        st.warning(i18n.t("corrections.problem", lang, problem=problem), icon=":material/warning:")
    table = audit.corrections_table(fixes, result)
    if table.empty:
        st.caption(i18n.t("corrections.none", lang))
    else:
        _list(table, lang)
        _undo(table, lang)
    _conflicts(fixes, lang)
    _share(store, fixes, lang)


def _list(table, lang: str) -> None:
    shown = table.assign(status=table["status"].map(lambda s: i18n.t(f"corrections.status_{s}", lang)),
                         action=table["action"].map(lambda a: i18n.t(f"corrections.action_{a}", lang)))
    st.dataframe(tables.display_frame(shown, lang), hide_index=True, column_order=LIST_ORDER, column_config={
        **{c: i18n.t(f"corrections.col_{c}", lang) for c in LIST_ORDER}, "note": tables.wide_text("note", lang)})


def _undo(table, lang: str) -> None:
    labels = {r["id"]: f"{r['when']} · {r['doc_id']} · {i18n.field_label(r['field'], lang)}: "
                       f"{r['before']} → {r['after']}" for r in table.to_dict("records")}
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    left.selectbox(i18n.t("corrections.undo_pick", lang), list(labels), index=None, key=UNDO_KEY,
                   format_func=labels.get, placeholder=i18n.t("corrections.undo_hint", lang))
    right.button(i18n.t("corrections.undo", lang), key=UNDO_BUTTON, icon=":material/undo:", on_click=_do_undo)


def _do_undo() -> None:
    wanted = st.session_state.get(UNDO_KEY)
    store = data.current_store()
    if wanted and store is not None:
        store.update(lambda items: corrections.without(items, wanted))
        st.session_state[UNDO_KEY] = None


def _conflicts(fixes, lang: str) -> None:
    table = audit.conflicts_table(fixes)
    if table.empty:
        return
    st.markdown(f"**{i18n.t('corrections.conflicts', lang)}**")
    st.warning(i18n.t("corrections.conflicts_hint", lang, n=i18n.fmt_int(table["slot"].nunique(), lang)),
               icon=":material/call_split:")
    for _, group in table.groupby("slot", sort=True):
        shown = group.drop(columns=["id", "slot"]).assign(
            field=group["field"].map(lambda v: i18n.field_label(v, lang)),
            action=group["action"].map(lambda a: i18n.t(f"corrections.action_{a}", lang)))
        st.dataframe(shown, hide_index=True, column_config={
            c: i18n.t(f"corrections.col_{c}", lang) for c in group.columns if c not in ("id", "slot")})
        cols = st.columns(len(group))
        for col, (i, rec) in zip(cols, enumerate(group.to_dict("records")), strict=True):
            col.button(i18n.t("corrections.keep", lang, n=i + 1), key=f"corr-keep-{rec['id']}",
                       on_click=_keep, args=(rec["id"],))


def _keep(correction_id: str) -> None:
    store = data.current_store()
    if store is not None:
        store.update(lambda items: corrections.keeping(items, correction_id))


def _share(store, fixes, lang: str) -> None:
    """Download this corpus's corrections; import a colleague's (merged: agreement deduplicated, conflicts kept)."""
    with st.expander(i18n.t("corrections.share", lang), icon=":material/sync_alt:"):
        st.download_button(i18n.t("corrections.download", lang), corrections.to_jsonl(fixes.items),
                           store.path.name, "application/jsonl", key="corr-download", on_click="ignore",
                           icon=":material/download:")
        st.file_uploader(i18n.t("corrections.import_label", lang), type=["jsonl"], key=IMPORT_FILE_KEY,
                         help=i18n.t("corrections.import_help", lang))
        st.button(i18n.t("corrections.import", lang), key=IMPORT_BUTTON, icon=":material/upload:",
                  on_click=_import, args=(lang,))
        result = st.session_state.pop(IMPORT_RESULT_KEY, None)
        if result:
            (st.success if result[0] == "success" else st.warning)(result[1])
            for problem in result[2]:
                st.caption(i18n.t("corrections.problem", lang, problem=problem))


def _import(lang: str) -> None:
    upload = st.session_state.get(IMPORT_FILE_KEY)
    store = data.current_store()
    if upload is None or store is None:
        st.session_state[IMPORT_RESULT_KEY] = ("warning", i18n.t("corrections.import_none", lang), ())
        return
    incoming = corrections.parse_bytes(upload.getvalue(), upload.name)
    summary: list = []

    def merge(items):
        out, counts = corrections.merged(items, list(incoming.items))
        summary.append(counts)
        return out
    store.update(merge)
    counts = summary[0]
    text = i18n.t("corrections.imported", lang, added=counts.added, same=counts.duplicates, conflicts=counts.conflicts)
    st.session_state[IMPORT_RESULT_KEY] = ("warning" if counts.conflicts else "success", text, incoming.problems)
