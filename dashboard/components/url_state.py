"""A page's own controls in the URL as plain strings (``?scheme=34&kwic=biển đảo&stop=làm,lớn``).

``value`` reads a parameter (validated; the default when absent or not valid), which a page
passes as its widget's initial value: a widget takes it when first drawn, then keeps the user's
choice. After the widget, ``publish`` writes the choice back, dropping the parameter when it is
the default. No session state is written here. Streamlit's ``bind="query-params"`` is not used:
it writes a widget's formatted label, which changes with the UI language.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

LIST_SEP = ","
MAX_CHARS = 300  # a URL value longer than this is not ours: ignored


def _raw(param: str) -> str | None:
    value = st.query_params.get(param)
    return None if value is None or len(str(value)) > MAX_CHARS else str(value)


def value(param: str, default, parse: Callable[[str], object | None] = str):
    """The URL's value of ``param`` through ``parse`` (None: not valid), else ``default``."""
    raw = _raw(param)
    parsed = parse(raw) if raw is not None else None
    return default if parsed is None else parsed


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


def pick_from_url(param: str, last_seeded, current, options: list[str]) -> tuple[str | None, str | None] | None:
    """What a picker seeded from the URL should now hold: ``(seeded, pick)`` when the URL names a
    new value (first load, a followed link) or the current pick left ``options``; None to leave it
    (the user's own later pick stands). ``last_seeded``: the URL value last applied."""
    wanted = _raw(param)
    if wanted != last_seeded:
        return wanted, (wanted if wanted in options else None)
    if current not in options:
        return last_seeded, None
    return None
