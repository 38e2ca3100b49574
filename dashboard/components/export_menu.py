"""A chart or table with its download menu, and the Overview's report and workbook buttons.

Every chart exports as PNG and SVG (when a Chromium is here), standalone HTML and the CSV of
exactly the frame behind it; tables as CSV, Excel and Parquet. CSV and Excel carry headers and
values in the UI language (Sơ kết, 6 tháng đầu 2022, 18/07/2022, Có/Không, "—"), Excel adds a
methodology sheet; Parquet keeps the raw codes for the next tool. Demo data says so: exported
chart titles carry "(dữ liệu minh hoạ)" and file names end in "-demo". CSV, HTML, Excel,
Parquet and the report are made only when their button is clicked (a 100k-row table's CSV took
seconds on every rerun); images when "make images" is clicked, so a failure is said in words
and never handed over as an empty file.

Session state: only ``_make_images`` writes, one ``IMAGE_STATE_PREFIX + chart`` key per chart.
"""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from .. import data, export, i18n, report, report_html
from ..filters import Filters, describe
from ..queries.corrections import corpus_corrections_note

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_KEY = "dl-report"
WORKBOOK_KEY = "dl-workbook"
IMAGE_STATE_PREFIX = "img-"  # + chart key: {"png": bytes | None, "svg": …, "reason": {fmt: why}}


def chart_with_exports(fig, frame: pd.DataFrame, name: str, lang: str, selectable: bool | Callable = False):
    """Show ``fig`` with download buttons (PNG/SVG/HTML and the CSV of ``frame``, the data behind it).

    Demo data: exported charts carry "(dữ liệu minh hoạ)" in their title and files end in "-demo".
    Returns the selection state when ``selectable`` (clicking a bar reruns the page); a callable
    ``selectable`` is called on a click before the rerun (it may set other widgets' state)."""
    key = name
    name = _export_name(name)
    out = export.with_title_note(fig, i18n.t("export.demo_note", lang)) if _is_demo() else fig
    corrected = corpus_corrections_note(data.current_corpus(), lang)
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
    unit = _unit()
    st.download_button(i18n.t("export.csv", lang), lambda: export.frame_csv(frame, lang, unit), f"{name}.csv",
                       "text/csv", key=f"dl-{key}-csv", on_click="ignore")
    st.download_button(i18n.t("export.html", lang), lambda: export.figure_html(fig), f"{name}.html",
                       "text/html", key=f"dl-{key}-html", on_click="ignore")
    if not export.image_export_available():
        st.caption(i18n.t("export.camera", lang))
        return
    made = st.session_state.get(IMAGE_STATE_PREFIX + key)
    if made is None:
        st.button(i18n.t("export.make_images", lang), key=f"mk-{key}-img", on_click=_make_images, args=(fig, key),
                  icon=":material/image:")
        return
    for fmt, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
        if made.get(fmt):
            st.download_button(fmt.upper(), made[fmt], f"{name}.{fmt}", mime, key=f"dl-{key}-{fmt}",
                               on_click="ignore")
        else:
            st.warning(i18n.t("export.image_failed", lang, fmt=fmt.upper(), reason=made["reason"].get(fmt, "")),
                       icon=":material/broken_image:")


def _make_images(fig, key: str) -> None:
    """Render PNG and SVG once, on request; a failure keeps its reason instead of empty bytes."""
    made: dict = {"reason": {}}
    for fmt in ("png", "svg"):
        data, reason = export.figure_image_or_reason(fig, fmt)
        made[fmt] = data
        if data is None:
            made["reason"][fmt] = reason
    st.session_state[IMAGE_STATE_PREFIX + key] = made


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


def table_downloads(frame: pd.DataFrame | Callable[[], pd.DataFrame], name: str, lang: str) -> None:
    """CSV / Excel (labelled, with a methodology sheet) / Parquet (raw) of exactly ``frame``; a callable
    ``frame`` is built only when a button is clicked (a table far longer than what the page shows)."""
    key, name = name, _export_name(name)
    table = frame if callable(frame) else lambda: frame
    with st.popover(i18n.t("export.table", lang), icon=":material/download:"):
        unit = _unit()
        st.download_button("CSV", lambda: export.frame_csv(table(), lang, unit), f"{name}.csv", "text/csv",
                           key=f"dl-{key}-tcsv", on_click="ignore")
        st.download_button(i18n.t("export.xlsx", lang), lambda: _table_workbook(table(), lang), f"{name}.xlsx",
                           XLSX_MIME, key=f"dl-{key}-xlsx", on_click="ignore")
        st.download_button("Parquet", lambda: export.frame_parquet(table()), f"{name}.parquet",
                           "application/octet-stream", key=f"dl-{key}-parquet", on_click="ignore")


def _table_workbook(frame: pd.DataFrame, lang: str) -> bytes:
    corpus = data.current_corpus()
    method = report.methodology(corpus, filter_bar_filters(lang), data.current_source())
    return export.frame_xlsx(frame, i18n.t("workbook.data", lang), lang,
                             extra=[(i18n.t("workbook.methodology", lang), method)], unit=_unit())


def _unit() -> str:
    """What the view counts (meetings or articles): a count column's header says so."""
    return filter_bar_filters(i18n.DEFAULT_LANG).unit


def filter_bar_filters(lang: str) -> Filters:
    """The filters of this run, read back from the URL the filter bar keeps in step."""
    return Filters.from_query_params(st.query_params.to_dict()).with_(lang=lang)


def report_download(corpus, f: Filters) -> None:
    """One button that builds the HTML report of the current view (sections built on click)."""
    lang, source = f.lang, data.current_source()
    labels = {"generated": i18n.t("report.generated", lang), "demo": i18n.t("report.demo_banner", lang),
              "sources": i18n.t("report.sources", lang)}
    title = i18n.t("report.title", lang)
    st.download_button(i18n.t("export.report", lang),
                       lambda: report_html.html_report(title, describe(f), report.sections(corpus, f, source),
                                                       demo=corpus.demo, sources=report.sources(corpus, f),
                                                       lang=lang, labels=labels),
                       report_html.report_filename(title), "text/html", key=REPORT_KEY, on_click="ignore",
                       icon=":material/description:", type="primary")


def workbook_download(corpus, f: Filters) -> None:
    """The report workbook: meetings, delegation figures with their evidence, by period, methodology."""
    st.download_button(i18n.t("workbook.button", f.lang),
                       lambda: export.workbook_xlsx(report.workbook_sheets(corpus, f, data.current_source()), f.lang),
                       f"{_export_name('ttdn-report')}.xlsx", XLSX_MIME, key=WORKBOOK_KEY, on_click="ignore",
                       icon=":material/table_view:")


def _is_demo() -> bool:
    return bool(data.current_corpus().demo)


def _export_name(name: str) -> str:
    """Files made from the demo corpus say so in their name (a CSV has no room for a notice)."""
    return f"{name}-demo" if _is_demo() else name
