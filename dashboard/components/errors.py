"""What a user sees when a page fails: one sentence and an error id, never a traceback.

The traceback goes to the server log under the same id, so whoever runs the dashboard can find
it from what the user reports. Streamlit's own control flow (``st.rerun``, ``st.stop``,
``st.switch_page``) passes through: it is a ``BaseException``, not an ``Exception``. No session
state is written here.
"""
from __future__ import annotations

import secrets
from typing import Callable

import streamlit as st
from streamlit.logger import get_logger

from .. import i18n

LOG = get_logger("ttdn.dashboard")


def new_error_id() -> str:
    """Short, random, easy to read out on the phone: 8 hex digits."""
    return secrets.token_hex(4)


def shown_safely(run: Callable[[], None], lang: Callable[[], str]) -> str | None:
    """Run ``run()``; on an exception log its traceback with a new id, show the id, return it."""
    try:
        run()
    except Exception:  # the page's own failure: logged in full, shown as an id only
        error_id = new_error_id()
        LOG.error("error id %s: a page failed", error_id, exc_info=True)
        st.error(i18n.t("error.shown", lang(), id=error_id), icon=":material/error:")
        return error_id
    return None
