"""A page's own controls in the URL as plain strings (``?scheme=34&kwic=biển đảo&stop=làm,lớn``).

For a widget whose key is missing from the session (a first visit, or back from another page),
``seed`` puts the URL's value (else the default) into the key before the widget is drawn; after
the widget, ``publish`` writes its value back, dropping the parameter when it is the default.
The page that draws the widget owns its key; this module writes no key of its own.
Streamlit's ``bind="query-params"`` is not used: it writes a widget's formatted label, which
changes with the UI language.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

LIST_SEP = ","
MAX_CHARS = 300  # a URL value longer than this is not ours: ignored


def _raw(param: str) -> str | None:
    value = st.query_params.get(param)
    return None if value is None or len(str(value)) > MAX_CHARS else str(value)


def seed(key: str, param: str, default, parse: Callable[[str], object | None] = str) -> None:
    """Before the widget ``key`` is drawn: when the session has no value for it, take the URL's
    (``parse`` turns the string into the widget's value, None when it is not valid)."""
    if key in st.session_state:
        return
    raw = _raw(param)
    value = parse(raw) if raw is not None else None
    st.session_state[key] = default if value is None else value


def publish(param: str, value, default) -> None:
    """After the widget: the URL carries ``value`` as a plain string, or nothing when it is the default."""
    text = LIST_SEP.join(value) if isinstance(value, (list, tuple)) else ("" if value is None else str(value))
    is_default = value == default or (not value and not default)
    if is_default:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != text:
        st.query_params[param] = text


def one_of(allowed) -> Callable[[str], object | None]:
    """A parser accepting only the given strings."""
    return lambda raw: raw if raw in allowed else None


def string_list(raw: str) -> list[str]:
    """"làm,lớn" -> ["làm", "lớn"] (blanks and repeats dropped)."""
    return list(dict.fromkeys(v.strip() for v in raw.split(LIST_SEP) if v.strip()))
