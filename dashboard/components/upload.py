"""The sidebar upload box: a user's own files replace the configured corpus for this session.

Owns ``UPLOAD_KEY`` (the opaque id of the upload this session looks at, "" after "back", absent
before the session chose) and the ``upload`` URL parameter. ``_seed_from_url`` (a session's first
run) and ``_set_upload`` (the buttons) are the key's only writers, ``_sync_url`` the parameter's;
``uploaded_path()`` is how the rest of the app (``data.current_corpus``) reads them. The URL
carries only the id: the server maps it to its own folder (``upload_store.folder_of``), so a
reload finds the upload again and no path ever comes from the browser.
"""
from __future__ import annotations

import streamlit as st

from .. import i18n, upload_store
from ..settings import setting
from .text import md_literal

UPLOAD_KEY = "upload_id"
UPLOAD_PARAM = "upload"
FILES_KEY, LOAD_KEY, BACK_KEY = "upload_files", "upload_load", "upload_back"  # the box's widget keys


def _chosen_id() -> str | None:
    """This session's choice, else (a fresh session, e.g. after a reload) the URL's."""
    if UPLOAD_KEY in st.session_state:
        return st.session_state[UPLOAD_KEY] or None
    return st.query_params.get(UPLOAD_PARAM)


def uploaded_path() -> str | None:
    """The folder of the upload this session looks at, or None for the configured corpus."""
    folder = upload_store.folder_of(_chosen_id())
    return str(folder) if folder else None


def render(lang: str) -> None:
    """The upload expander: pick files, see each refused one with its reason, load, or go back."""
    _seed_from_url(lang)
    limit = setting("max_upload_mb")
    with st.sidebar.expander(i18n.t("upload.title", lang), icon=":material/upload_file:"):
        files = st.file_uploader(
            i18n.t("upload.label", lang), type=[s.lstrip(".") for s in upload_store.UPLOAD_SUFFIXES],
            accept_multiple_files=True, key=FILES_KEY, max_upload_size=limit,
            help=i18n.t("upload.help", lang, mb=limit, files=setting("max_upload_files"),
                        unpacked=setting("max_upload_unpacked_mb")))
        if files:
            accepted, refused = upload_store.check([(f.name, f.getvalue()) for f in files])
            for why in refused:
                st.error(refusal_text(why, lang), icon=":material/block:")
            if accepted:
                st.button(i18n.t("upload.load", lang), key=LOAD_KEY, on_click=_load_picked)
        if uploaded_path():
            st.button(i18n.t("upload.back", lang), key=BACK_KEY, on_click=_go_back)
    _sync_url()


def refusal_text(why: upload_store.Refusal, lang: str) -> str:
    """The refusal in words; the file's own name (and any value from it) shown as plain text."""
    values = {k: md_literal(str(v)) for k, v in why.values.items()}
    return i18n.t(f"upload.refused.{why.reason}", lang, name=md_literal(why.name), **values)


def _seed_from_url(lang: str) -> None:
    """A fresh session adopts the URL's upload when the server still has it, else says it is gone."""
    if UPLOAD_KEY in st.session_state:
        return
    wanted = st.query_params.get(UPLOAD_PARAM)
    known = upload_store.folder_of(wanted) is not None
    st.session_state[UPLOAD_KEY] = wanted if known else ""
    if wanted and not known:
        st.sidebar.warning(i18n.t("upload.gone", lang), icon=":material/history:")


def _load_picked() -> None:
    """The load button: save the files the box holds (those accepted) under a new id for this session.

    The files are read from the box here, not passed as button arguments: those would keep a
    copy of every byte in the session for as long as the button is shown."""
    picked = st.session_state.get(FILES_KEY) or []
    accepted, _ = upload_store.check([(f.name, f.getvalue()) for f in picked])
    _set_upload(upload_store.save(accepted) if accepted else "")


def _go_back() -> None:
    _set_upload("")


def _set_upload(upload_id: str) -> None:
    """The one writer of ``UPLOAD_KEY`` after a session's start: an upload id, or "" for the default corpus."""
    st.session_state[UPLOAD_KEY] = upload_id


def _sync_url() -> None:
    """The URL names this session's upload (so a reload keeps it), or no upload at all."""
    upload_id = st.session_state.get(UPLOAD_KEY) or None
    if upload_id and st.query_params.get(UPLOAD_PARAM) != upload_id:
        st.query_params[UPLOAD_PARAM] = upload_id
    elif not upload_id and UPLOAD_PARAM in st.query_params:
        del st.query_params[UPLOAD_PARAM]
