"""The sidebar upload box: a user's own files replace the configured corpus for this session.

Owns ``UPLOAD_KEY`` (the folder the upload was saved to, or None): ``_set_upload`` is its only
writer, ``uploaded_path()`` is how the rest of the app (``data.current_corpus``) reads it.
"""
from __future__ import annotations

import hashlib
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from .. import i18n
from ..settings import setting

UPLOAD_KEY = "upload_path"
FILES_KEY, LOAD_KEY, BACK_KEY = "upload_files", "upload_load", "upload_back"  # the box's widget keys
UPLOAD_TYPES = ["txt", "jsonl", "csv", "zip"]
UPLOAD_SUFFIXES = (".txt", ".jsonl", ".csv", ".zip")


def uploaded_path() -> str | None:
    """The saved upload this session looks at, or None for the configured corpus."""
    return st.session_state.get(UPLOAD_KEY)


def render(lang: str) -> None:
    """The upload expander: pick files, load them (within the size limit), or go back."""
    limit = setting("max_upload_mb")
    with st.sidebar.expander(i18n.t("upload.title", lang), icon=":material/upload_file:"):
        files = st.file_uploader(i18n.t("upload.label", lang), type=UPLOAD_TYPES, accept_multiple_files=True,
                                 key=FILES_KEY, help=i18n.t("upload.help", lang, mb=limit))
        if files:
            if sum(f.size for f in files) / 1e6 > limit:
                st.error(i18n.t("upload.too_big", lang, mb=limit))
            else:
                st.button(i18n.t("upload.load", lang), key=LOAD_KEY, on_click=_set_upload, args=(files,))
        if uploaded_path():
            st.button(i18n.t("upload.back", lang), key=BACK_KEY, on_click=_set_upload, args=(None,))


def _set_upload(files) -> None:
    """The one writer of ``UPLOAD_KEY``: the saved upload folder, or None for the default corpus."""
    st.session_state[UPLOAD_KEY] = save_upload(files) if files else None


def save_upload(files: list) -> str:
    """Write uploaded files to a temp folder named by their content hash; return the folder path.

    Zips are saved as they are (the loader reads archives); the same upload maps to the same
    folder, so the loaded corpus is cached by content.
    """
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode())
        digest.update(f.getvalue())
    folder = Path(tempfile.gettempdir()) / "ttdn-upload" / digest.hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        name = Path(f.name).name  # never trust a path from the browser
        if not name.lower().endswith(UPLOAD_SUFFIXES):
            continue
        target = folder / name
        target.write_bytes(f.getvalue())
        if name.lower().endswith(".zip") and not zipfile.is_zipfile(target):
            target.unlink()
    return str(folder)
