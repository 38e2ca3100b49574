"""Page-level controls (grouping, 63/34, compared provinces, delegation grouping) whose value rides
the URL as a plain string: ``?freq=Y``, ``?scheme=34``, ``?compare=Nghệ An,Hà Tĩnh``, ``?share=1``.

Streamlit's own ``bind="query-params"`` writes the *displayed label* ("?freq=Năm", "?scheme=34
tỉnh (từ 1/7/2025)"), which changes with the language and is no code; so each control here keeps
its code. Owns one session key per control (``KEY_PREFIX + param``): ``_seed`` writes it once
per session from the URL (values the page does not offer are dropped), the widget owns it after,
and ``url_state.publish`` writes the URL from it after every run (url_state reads and writes the
plain strings for every page control, these widgets and the themes page's alike).
"""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit import string_util

from . import url_state

KEY_PREFIX = "pc_"

# Streamlit looks for a leading emoji in every non-ASCII option label (all of ours are Vietnamese);
# its first look loads the emoji table, an import and a regex of thousands of alternatives
# (0.1-0.15 s). Looked up here, when app.py imports the views, it is paid once as the server's
# first run starts instead of on whichever page first shows a segmented control.
string_util.extract_leading_emoji("Đ")


def _seed(param: str, value) -> None:
    """Put the URL's value (already checked against the options) into the control, once."""
    if KEY_PREFIX + param not in st.session_state:
        st.session_state[KEY_PREFIX + param] = value


def choice(container, label: str, param: str, options: Sequence[str], default: str, **widget) -> str:
    """A segmented control over ``options`` (codes); the URL holds the code, e.g. ``?freq=Y``."""
    _seed(param, url_state.value(param, default, url_state.one_of(options)))
    value = container.segmented_control(label, options, key=KEY_PREFIX + param, required=True, **widget) or default
    url_state.publish(param, value, default)
    return value


def switch(container, label: str, param: str, **widget) -> bool:
    """A toggle; the URL holds ``1`` while it is on."""
    _seed(param, url_state.value(param, False, lambda raw: raw == "1"))
    value = bool(container.toggle(label, key=KEY_PREFIX + param, **widget))
    url_state.publish(param, "1" if value else "", "")
    return value


def picks(container, label: str, param: str, options: Sequence[str], **widget) -> list[str]:
    """A multiselect; the URL holds the picked names joined by commas (``?compare=A,B``)."""
    offered = set(options)
    wanted = [v for v in url_state.value(param, [], url_state.string_list) if v in offered]
    _seed(param, wanted[:widget.get("max_selections")])
    value = list(container.multiselect(label, options, key=KEY_PREFIX + param, **widget))
    url_state.publish(param, value, [])
    return value
