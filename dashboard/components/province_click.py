"""A click on a province of the map becomes the province filter of every page.

Owns no session key: it reads the chart's selection (the key ``export_menu`` gives the chart)
and hands the province to ``filter_bar.select_provinces``, in the chart's on-select callback,
which Streamlit runs before the rerun the click starts.
"""
from __future__ import annotations

from typing import Callable

import streamlit as st

from loaders import gazetteer

from . import export_menu, filter_bar


def clicked_name(state) -> str | None:
    """The province name carried by the clicked point (``customdata[0]``), if any."""
    try:
        points = state["selection"]["points"]
    except (KeyError, TypeError):
        return None
    custom = (points[0].get("customdata") or []) if points else []
    return str(custom[0]) if custom else None


def provinces_of(name: str, scheme: str, offered: list[str]) -> list[str]:
    """The filter values a clicked tile stands for: the province itself (63), or the pre-2025
    provinces merged into the clicked unit (34), among those the filter bar offers."""
    if scheme == "63":
        return [name] if name in offered else []
    old = gazetteer.provinces()
    merged = old.loc[old["province_2025"] == name, "province"].tolist()
    return [p for p in offered if p in merged]


def on_click(chart_name: str, scheme: str, offered: list[str]) -> Callable[[], None]:
    """The on-select callback of the map drawn as ``chart_name``."""
    def handle() -> None:
        name = clicked_name(st.session_state.get(export_menu.chart_key(chart_name)))
        picked = provinces_of(name, scheme, offered) if name else []
        if picked:
            filter_bar.select_provinces(picked)
    return handle
