"""Figures and frames to downloadable bytes: HTML, PNG/SVG, CSV, Excel, Parquet, one-file report.

No streamlit here: pages call these inside download buttons. Everything works offline
(plotly.js is inlined, never fetched from a CDN). Static images need a Chromium for kaleido;
without one ``figure_image`` returns None and the page falls back to the chart's camera button.
User text (titles, article snippets) is escaped wherever it lands in HTML.
"""
from __future__ import annotations

import html
import io
import json
import logging
import os
import re
import shutil
from datetime import date, datetime, timezone
from functools import lru_cache

import pandas as pd

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
REPORT_CSS = """
body{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;margin:2rem auto;max-width:1100px;color:#1f2937}
header{border-bottom:2px solid #1f4e79;margin-bottom:1.5rem}
h1{color:#1f4e79;margin-bottom:.3rem} h2{color:#1f4e79;margin-top:2rem}
.meta{color:#4b5563;font-size:.9rem;margin:.2rem 0}
.demo{background:#fff3cd;border:1px solid #e0b100;padding:.6rem 1rem;font-weight:bold;margin:1rem 0}
table{border-collapse:collapse;font-size:.85rem;margin:1rem 0;width:100%}
th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f7}
"""


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
    if fmt not in IMAGE_FORMATS or not image_export_available():
        return None
    import plotly.io as pio

    for attempt in range(1, IMAGE_ATTEMPTS + 1):
        try:
            return pio.to_image(fig, format=fmt, scale=scale)
        except Exception as exc:  # a broken browser must cost a button, not the page
            log.warning("static image export failed (%s, attempt %d of %d): %s", fmt, attempt, IMAGE_ATTEMPTS, exc)
    return None


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


def frame_csv(df: pd.DataFrame) -> bytes:
    """UTF-8 with BOM (Excel then shows Vietnamese right), list cells as JSON, dates YYYY-MM-DD."""
    flat = flat_frame(df, "json")
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


def frame_xlsx(df: pd.DataFrame, sheet: str = "data") -> bytes:
    """An Excel workbook: header row frozen, lists joined with '; ', dates as real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out = df.copy()
    for col in _list_columns(out):
        out[col] = [LIST_JOIN.join(_as_list(v)) for v in out[col]]
    dates = set(_date_columns(out))
    wb = Workbook()
    ws = wb.active
    ws.title = safe_filename(sheet)[:31]
    ws.append([str(c) for c in out.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in out.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    for idx, col in enumerate(out.columns, start=1):
        for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, not a formula: article text may start with '='
            elif col in dates and cell.value is not None:
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def frame_parquet(df: pd.DataFrame) -> bytes:
    """Parquet keeps every dtype (lists, dates, categories) for the next tool in the chain."""
    buf = io.BytesIO()
    df.reset_index(drop=True).to_parquet(buf, index=False)
    return buf.getvalue()


# ---------------------------------------------------------------- report

def _table_html(df: pd.DataFrame) -> str:
    flat = flat_frame(df, "joined")
    return flat.to_html(index=False, escape=True, na_rep="", border=0)


def _figure_div(fig) -> str:
    """The chart without its own title: the section heading above it already says what it is."""
    import plotly.graph_objects as go
    import plotly.io as pio
    fig = go.Figure(fig).update_layout(title_text=None, margin_t=30)
    return pio.to_html(fig, include_plotlyjs=False, full_html=False, config={"displaylogo": False})


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs
    # "</script" inside the bundle would end the tag early; the escaped form means the same to JS.
    return get_plotlyjs().replace("</script", "<\\/script")


def html_report(title: str, filters_sentence: str, sections, demo: bool = False,
                generated: datetime | None = None) -> bytes:
    """One self-contained HTML file: header, then per section a heading, its chart and its table.

    ``sections`` is a list of (heading, Figure | None, DataFrame | None). plotly.js is
    inlined once for all charts, so the file opens offline and can be mailed as is.
    """
    esc = html.escape
    when = (generated or datetime.now(timezone.utc).astimezone()).strftime("%Y-%m-%d %H:%M")
    has_figures = any(fig is not None for _, fig, _ in sections)
    parts = [
        "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>", f"<style>{REPORT_CSS}</style>",
    ]
    if has_figures:
        parts.append(f'<script type="text/javascript">{_plotly_js()}</script>')
    parts += ["</head>", "<body>", "<header>", f"<h1>{esc(title)}</h1>",
              f'<p class="meta">Tạo lúc / Generated: {esc(when)}</p>',
              f'<p class="meta">{esc(filters_sentence)}</p>']
    if demo:
        parts.append('<p class="demo">DỮ LIỆU MẪU (DEMO DATA): các bài viết là dữ liệu tổng hợp, '
                     'không phải tin thật / synthetic articles, not real news.</p>')
    parts.append("</header>")
    for heading, fig, table in sections:
        parts.append(f"<section><h2>{esc(str(heading))}</h2>")
        if fig is not None:
            parts.append(_figure_div(fig))
        if table is not None:
            parts.append(_table_html(table))
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts).encode("utf-8")


def report_filename(title: str, day: date | None = None) -> str:
    return f"{safe_filename(title)}-{(day or date.today()).isoformat()}.html"
