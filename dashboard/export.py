"""Figures and frames to downloadable bytes: HTML, PNG/SVG, CSV, Excel, Parquet, one-file report.

No streamlit here: pages call these inside download buttons. Everything works offline
(plotly.js is inlined, never fetched from a CDN). Static images need a Chromium for kaleido;
without one ``figure_image`` returns None and the page falls back to the chart's camera button.
User text (titles, article snippets) is escaped wherever it lands in HTML.
"""
from __future__ import annotations

import io
import json
import logging
import os
import re
import shutil
from functools import lru_cache

import pandas as pd

from . import i18n
from .labelled import labelled_frame

log = logging.getLogger(__name__)

IMAGE_FORMATS = ("png", "svg")
IMAGE_SCALE = 2  # crisp on high-density screens and in slides
# kaleido evaluates its page script before the page has defined it when Chromium starts slowly
# ("kaleido_scopes is not defined" on a loaded machine): a second attempt finds it ready.
IMAGE_ATTEMPTS = 2
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
LIST_JOIN = "; "  # how Excel and HTML tables show list cells (CSV keeps JSON arrays)
# A spreadsheet runs a cell that starts with these as a formula: prefix a quote (OWASP CSV injection).
FORMULA_START = ("=", "+", "@", "\t", "\r")
FILENAME_UNSAFE_RE = re.compile(r"[^\w.\-]+")
SHEET_UNSAFE_RE = re.compile(r"[\[\]:*?/\\]")
MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH = 8, 60  # Excel column widths, in characters


# ---------------------------------------------------------------- figures

def figure_html(fig) -> bytes:
    """A standalone HTML page with the interactive chart; plotly.js inlined, so it opens offline."""
    import plotly.io as pio
    return pio.to_html(fig, include_plotlyjs=True, full_html=True).encode("utf-8")


def with_title_note(fig, note: str):
    """A copy of ``fig`` whose title ends with ``note`` (e.g. "(demo data)"); the shown chart is untouched."""
    import plotly.graph_objects as go
    out = go.Figure(fig)
    title = out.layout.title.text or ""
    out.update_layout(title_text=f"{title} {note}".strip())
    return out


def _chromium_path() -> str | None:
    configured = os.environ.get("BROWSER_PATH")
    if configured and os.access(configured, os.X_OK):
        return configured
    for path in CHROMIUM_CANDIDATES:
        if os.access(path, os.X_OK):
            return path
    return next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)


@lru_cache(maxsize=1)
def image_export_available() -> bool:
    """Whether a Chromium is here for kaleido (checked once per process).

    kaleido is a declared dependency: a broken install raises instead of passing for "no browser"."""
    import kaleido  # noqa: F401
    path = _chromium_path()
    if path is None:
        return False
    # kaleido 1.x finds its browser through choreographer, which honours BROWSER_PATH.
    os.environ.setdefault("BROWSER_PATH", path)
    return True


def figure_image(fig, fmt: str = "png", scale: int = IMAGE_SCALE) -> bytes | None:
    """PNG or SVG bytes of ``fig`` via kaleido; None when that is impossible here (never raises)."""
    return figure_image_or_reason(fig, fmt, scale)[0]


def figure_image_or_reason(fig, fmt: str = "png", scale: int = IMAGE_SCALE) -> tuple[bytes | None, str]:
    """(bytes, "") or (None, why not): the page says why instead of handing over an empty file."""
    if fmt not in IMAGE_FORMATS:
        return None, f"unknown format {fmt}"
    if not image_export_available():
        return None, "no Chromium for kaleido"
    import plotly.io as pio

    why = ""
    for attempt in range(1, IMAGE_ATTEMPTS + 1):
        try:
            data = pio.to_image(fig, format=fmt, scale=scale)
        except Exception as exc:  # a broken browser must cost a button, not the page
            log.warning("static image export failed (%s, attempt %d of %d): %s", fmt, attempt, IMAGE_ATTEMPTS, exc)
            why = type(exc).__name__
            continue
        return (data, "") if data else (None, "empty image")
    return None, why


def safe_filename(name: str) -> str:
    """ASCII-ish file stem without path separators ('Tỉnh/x' -> 'Tỉnh_x')."""
    return FILENAME_UNSAFE_RE.sub("_", name).strip("._") or "chart"


def camera_config(filename: str) -> dict:
    """``st.plotly_chart(config=...)``: the toolbar camera saves a 2x PNG named after the chart."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": safe_filename(filename), "scale": IMAGE_SCALE},
    }


# ---------------------------------------------------------------- frames

def _is_list(value) -> bool:
    return isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)
                                                 and getattr(value, "ndim", 0) == 1)


def _list_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if df[c].dtype == object and df[c].map(_is_list).any()]


def _as_list(value) -> list:
    if _is_list(value):
        return [str(v) for v in list(value)]
    return []


def _date_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c])]


def _defuse(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def flat_frame(df: pd.DataFrame, list_style: str = "json") -> pd.DataFrame:
    """A copy safe for flat files: lists as JSON arrays (or joined), dates as YYYY-MM-DD strings."""
    out = df.copy()
    for col in _list_columns(out):
        if list_style == "json":
            out[col] = [json.dumps(_as_list(v), ensure_ascii=False) for v in out[col]]
        else:
            out[col] = [LIST_JOIN.join(_as_list(v)) for v in out[col]]
    for col in _date_columns(out):
        out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object).where(out[col].notna(), None)
    return out


def frame_csv(df: pd.DataFrame, lang: str | None = None, unit: str | None = None) -> bytes:
    """UTF-8 with BOM (Excel then shows Vietnamese right), list cells as JSON. With ``lang``: the
    headers and values a reader wants (``labelled.labelled_frame``, ``unit`` naming what a count
    counts), dates dd/mm/yyyy in Vietnamese."""
    if lang is not None:
        df = labelled_frame(df, lang, unit)
    flat = flat_frame(df, "json")
    if lang is not None:
        for col in _date_columns(df):
            flat[col] = df[col].map(lambda v: i18n.fmt_date(v, lang) if pd.notna(v) else "")
    for col in flat.columns:
        if flat[col].dtype == object or pd.api.types.is_string_dtype(flat[col]):
            flat[col] = flat[col].map(_defuse)
    return flat.to_csv(index=False).encode("utf-8-sig")


def _cell(value):
    """A value openpyxl writes as the right type: dates as dates, missing as empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_convert(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return value


def frame_xlsx(df: pd.DataFrame, sheet: str = "data", lang: str | None = None,
               extra: list[tuple[str, pd.DataFrame]] | None = None, unit: str | None = None) -> bytes:
    """An Excel workbook of ``df`` (labelled for people when ``lang`` is given) and any ``extra``
    sheets (e.g. the methodology): header row bold and frozen, lists joined with '; ', dates as
    real dates shown dd/mm/yyyy in Vietnamese, columns as wide as their content."""
    sheets = [(sheet, labelled_frame(df, lang, unit) if lang else df), *(extra or [])]
    return workbook_xlsx(sheets, lang or i18n.DEFAULT_LANG)


def workbook_xlsx(sheets: list[tuple[str, pd.DataFrame]], lang: str = i18n.DEFAULT_LANG) -> bytes:
    """One workbook, one sheet per (name, frame), frames written as they are (label them first)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in sheets:
        _write_sheet(wb.create_sheet(sheet_name(name)), frame, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def sheet_name(name: str) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\ (spaces and Vietnamese are fine)."""
    return SHEET_UNSAFE_RE.sub(" ", str(name)).strip()[:31] or "data"


def _write_sheet(ws, df: pd.DataFrame, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    out = df.copy()
    for col in _list_columns(out):
        out[col] = [LIST_JOIN.join(_as_list(v)) for v in out[col]]
    dates = set(_date_columns(out))
    ws.append([str(c) for c in out.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in out.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    date_format = "dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd"
    for idx, col in enumerate(out.columns, start=1):
        for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, not a formula: article text may start with '='
            elif col in dates and cell.value is not None:
                cell.number_format = date_format
        width = column_width(out[col], str(col), is_date=col in dates)
        ws.column_dimensions[ws.cell(row=1, column=idx).column_letter].width = width
        if width >= MAX_COLUMN_WIDTH:  # long text (sentences, titles) wraps inside its column
            for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def column_width(values: pd.Series, name: str, is_date: bool = False) -> float:
    """A column width in characters that fits the header and most cells (the 90th percentile, so
    one long sentence does not make every column huge), between MIN and MAX_COLUMN_WIDTH."""
    if is_date:
        return max(12.0, len(name) + 2.0)
    lengths = values.map(lambda v: len(str(v)) if v is not None and not (isinstance(v, float) and pd.isna(v))
                         else 0)
    body = float(lengths.quantile(0.9)) if len(lengths) else 0.0
    return float(min(MAX_COLUMN_WIDTH, max(MIN_COLUMN_WIDTH, len(name) + 2, body + 2)))


def frame_parquet(df: pd.DataFrame) -> bytes:
    """Parquet keeps every dtype (lists, dates, categories) for the next tool in the chain."""
    buf = io.BytesIO()
    df.reset_index(drop=True).to_parquet(buf, index=False)
    return buf.getvalue()
