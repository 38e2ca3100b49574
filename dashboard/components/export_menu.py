"""A chart or table with its download menu, and the Overview's one-file report button.

Every chart exports as PNG and SVG (when a Chromium is here), standalone HTML and the CSV of
exactly the frame behind it; tables as CSV, Excel and Parquet. Demo data says so: exported
chart titles carry "(dữ liệu minh hoạ)" and file names end in "-demo". CSV bytes are made with
the page; HTML, images, Excel, Parquet and the report only when their button is clicked. No
session state is written here (each widget key below belongs to one widget).
"""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from .. import data, export, i18n
from ..queries.corrections import corrections_note

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_KEY = "dl-report"


def chart_with_exports(fig, frame: pd.DataFrame, name: str, lang: str, selectable: bool | Callable = False):
    """Show ``fig`` with download buttons (PNG/SVG/HTML and the CSV of ``frame``, the data behind it).

    Demo data: exported charts carry "(dữ liệu minh hoạ)" in their title and files end in "-demo".
    Returns the selection state when ``selectable`` (clicking a bar reruns the page); a callable
    ``selectable`` is called on a click before the rerun (it may set other widgets' state)."""
    key = name
    name = _export_name(name)
    out = export.with_title_note(fig, i18n.t("export.demo_note", lang)) if _is_demo() else fig
    corrected = corrections_note(data.current_corpus().articles, lang)
    out = export.with_title_note(out, f"({corrected})") if corrected else out
    # theme=None: the chart keeps our template, so the screen matches the PNG/SVG/HTML exports
    event = st.plotly_chart(fig, config=export.camera_config(name), key=chart_key(key),
                            on_select=selectable if callable(selectable) else "rerun" if selectable else "ignore",
                            selection_mode=("points",), theme=None)
    with st.popover(i18n.t("export.chart", lang), icon=":material/download:"):
        _chart_buttons(out, frame, key, name, lang)
    return event


def chart_key(name: str) -> str:
    """The widget key of the chart ``chart_with_exports(..., name, ...)`` draws (its selection state)."""
    return f"chart-{name}"


def _chart_buttons(fig, frame: pd.DataFrame, key: str, name: str, lang: str) -> None:
    st.download_button(i18n.t("export.csv", lang), export.frame_csv(frame), f"{name}.csv", "text/csv",
                       key=f"dl-{key}-csv", on_click="ignore")
    st.download_button(i18n.t("export.html", lang), lambda: export.figure_html(fig), f"{name}.html",
                       "text/html", key=f"dl-{key}-html", on_click="ignore")
    if export.image_export_available():
        st.download_button("PNG", _image_bytes(fig, "png"), f"{name}.png", "image/png",
                           key=f"dl-{key}-png", on_click="ignore")
        st.download_button("SVG", _image_bytes(fig, "svg"), f"{name}.svg", "image/svg+xml",
                           key=f"dl-{key}-svg", on_click="ignore")
    else:
        st.caption(i18n.t("export.camera", lang))


def selected_bar(event) -> tuple[str, str | None] | None:
    """(bucket, meeting type code) of the clicked bar segment, or None when nothing is selected."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    if not points or points[0].get("x") is None:
        return None
    custom = points[0].get("customdata") or []
    return str(points[0]["x"]), (custom[0] if custom else None)


def table_downloads(frame: pd.DataFrame, name: str, lang: str) -> None:
    """CSV / Excel / Parquet of exactly ``frame`` (file names end in "-demo" for demo data)."""
    key, name = name, _export_name(name)
    with st.popover(i18n.t("export.table", lang), icon=":material/download:"):
        st.download_button("CSV", export.frame_csv(frame), f"{name}.csv", "text/csv", key=f"dl-{key}-tcsv",
                           on_click="ignore")
        st.download_button("Excel", lambda: export.frame_xlsx(frame), f"{name}.xlsx", XLSX_MIME,
                           key=f"dl-{key}-xlsx", on_click="ignore")
        st.download_button("Parquet", lambda: export.frame_parquet(frame), f"{name}.parquet",
                           "application/octet-stream", key=f"dl-{key}-parquet", on_click="ignore")


def report_download(title: str, sentence: str, build_sections, lang: str, demo: bool) -> None:
    """One button that builds the HTML report of the current view (sections built on click)."""
    st.download_button(i18n.t("export.report", lang),
                       lambda: export.html_report(title, sentence, build_sections(), demo=demo),
                       export.report_filename(title), "text/html", key=REPORT_KEY, on_click="ignore",
                       icon=":material/description:", type="primary")


def _image_bytes(fig, fmt: str):
    return lambda: export.figure_image(fig, fmt) or b""


def _is_demo() -> bool:
    return bool(data.current_corpus().demo)


def _export_name(name: str) -> str:
    """Files made from the demo corpus say so in their name (a CSV has no room for a notice)."""
    return f"{name}-demo" if _is_demo() else name
