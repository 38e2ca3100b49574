"""Page-level controls (grouping, 63/34, compared provinces, delegation grouping) whose value rides
the URL as a plain string: ``?freq=Y``, ``?scheme=34``, ``?compare=Nghệ An,Hà Tĩnh``, ``?share=1``.

Streamlit's own ``bind="query-params"`` writes the *displayed label* ("?freq=Năm", "?scheme=34
tỉnh (từ 1/7/2025)"), which changes with the language and is no code; so each control here keeps
its code. Owns one session key per control (``KEY_PREFIX + param``): ``_seed`` writes it once
per session from the URL (values the page does not offer are dropped), the widget owns it after,
and ``_sync`` writes the URL from it after every run.
"""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

KEY_PREFIX = "pc_"
LIST_SEP = ","


def _url_value(param: str) -> str | None:
    value = st.query_params.get(param)
    return None if value is None else str(value)


def _seed(param: str, value) -> None:
    """Put the URL's value (already checked against the options) into the control, once."""
    if KEY_PREFIX + param not in st.session_state:
        st.session_state[KEY_PREFIX + param] = value


def _sync(param: str, text: str | None) -> None:
    """Write ``param`` to the URL, or remove it when the control is at its default (``None``)."""
    if text is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != text:
        st.query_params[param] = text


def choice(container, label: str, param: str, options: Sequence[str], default: str, **widget) -> str:
    """A segmented control over ``options`` (codes); the URL holds the code, e.g. ``?freq=Y``."""
    key = KEY_PREFIX + param
    wanted = _url_value(param)
    _seed(param, wanted if wanted in options else default)
    value = container.segmented_control(label, options, key=key, required=True, **widget) or default
    _sync(param, None if value == default else value)
    return value


def switch(container, label: str, param: str, **widget) -> bool:
    """A toggle; the URL holds ``1`` while it is on."""
    key = KEY_PREFIX + param
    _seed(param, _url_value(param) == "1")
    value = bool(container.toggle(label, key=key, **widget))
    _sync(param, "1" if value else None)
    return value


def picks(container, label: str, param: str, options: Sequence[str], **widget) -> list[str]:
    """A multiselect; the URL holds the picked names joined by commas (``?compare=A,B``)."""
    key = KEY_PREFIX + param
    wanted = [v.strip() for v in (_url_value(param) or "").split(LIST_SEP) if v.strip()]
    limit = widget.get("max_selections")
    _seed(param, [v for v in dict.fromkeys(wanted) if v in set(options)][:limit])
    value = list(container.multiselect(label, options, key=key, **widget))
    _sync(param, LIST_SEP.join(value) if value else None)
    return value
