"""Streamlit building blocks shared by every page: the filter bar, banners, empty states,
charts and tables with their export buttons, the upload box.

Each filter widget owns one session-state key (``KEYS``); only ``_write_widget_state`` (first
run of a session, and the reset button) ever assigns them, so there is one writer per key.
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from . import data, i18n
from .filters import PARAM_NAMES, Filters, describe
from .settings import setting

try:  # dashboard/export.py is written by another helper; pages must work before it lands
    from . import export
except ImportError:  # pragma: no cover - depends on the checkout
    export = None

KEYS = {
    "lang": "f_lang", "dates": "f_dates", "provinces": "f_provinces", "regions": "f_regions",
    "levels": "f_levels", "meeting_types": "f_types", "themes": "f_themes", "search": "f_search",
    "relevant_only": "f_relevant", "unit": "f_unit",
}
SEEDED_KEY = "f_seeded"
LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}
DATE_FLOOR = date(2000, 1, 1)


def current_lang() -> str:
    lang = st.session_state.get(KEYS["lang"])
    if lang in i18n.LANGS:
        return lang
    return Filters.from_query_params(st.query_params.to_dict()).lang


# ---------------------------------------------------------------- filter bar

def _date_bounds(options: dict) -> tuple[date, date]:
    first = options.get("first") or date.today() - timedelta(days=365)
    last = options.get("last") or date.today()
    return first, last


def _write_widget_state(f: Filters, options: dict) -> None:
    """Put ``f`` into the widgets' keys (values the corpus does not offer are dropped)."""
    first, last = _date_bounds(options)
    st.session_state[KEYS["lang"]] = f.lang
    st.session_state[KEYS["dates"]] = (f.date_from or first, f.date_to or last)
    for name in ("provinces", "regions", "levels", "meeting_types", "themes"):
        allowed = set(options.get(name, []))
        st.session_state[KEYS[name]] = [v for v in getattr(f, name) if v in allowed]
    st.session_state[KEYS["search"]] = f.search
    st.session_state[KEYS["relevant_only"]] = f.relevant_only
    st.session_state[KEYS["unit"]] = f.unit


def _reset(options: dict) -> None:
    _write_widget_state(Filters(lang=current_lang()), options)


def _filters_from_widgets(options: dict) -> Filters:
    first, last = _date_bounds(options)
    picked = st.session_state.get(KEYS["dates"]) or ()
    start = picked[0] if len(picked) >= 1 else None
    end = picked[1] if len(picked) >= 2 else None
    return Filters(
        date_from=start if start and start > first else None,
        date_to=end if end and end < last else None,
        provinces=tuple(st.session_state.get(KEYS["provinces"]) or ()),
        regions=tuple(st.session_state.get(KEYS["regions"]) or ()),
        levels=tuple(st.session_state.get(KEYS["levels"]) or ()),
        meeting_types=tuple(st.session_state.get(KEYS["meeting_types"]) or ()),
        themes=tuple(st.session_state.get(KEYS["themes"]) or ()),
        search=(st.session_state.get(KEYS["search"]) or "").strip(),
        relevant_only=bool(st.session_state.get(KEYS["relevant_only"], True)),
        unit=st.session_state.get(KEYS["unit"]) or "meetings",
        lang=current_lang(),
    )


def _sync_url(f: Filters) -> None:
    """Make the filter params of the URL match ``f``; other params (e.g. ``doc``) are left alone."""
    wanted = f.to_query_params()
    for name in PARAM_NAMES.values():
        if name in wanted:
            if st.query_params.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


def filter_bar(options: dict) -> Filters:
    """The sidebar filter bar shared by every page; returns the active ``Filters``."""
    if SEEDED_KEY not in st.session_state:
        _write_widget_state(Filters.from_query_params(st.query_params.to_dict()), options)
        st.session_state[SEEDED_KEY] = True
    first, last = _date_bounds(options)
    sb = st.sidebar
    sb.radio("Ngôn ngữ / Language", i18n.LANGS, key=KEYS["lang"], format_func=LANG_NAMES.get, horizontal=True)
    lang = current_lang()
    sb.header(i18n.t("filters.title", lang))
    sb.date_input(i18n.t("filters.dates", lang), key=KEYS["dates"], min_value=min(first, DATE_FLOOR),
                  max_value=max(last, date.today() + timedelta(days=366)), format="DD/MM/YYYY" if lang == "vi"
                  else "YYYY-MM-DD", help=i18n.t("filters.dates_help", lang))
    sb.multiselect(i18n.t("filters.provinces", lang), options.get("provinces", []), key=KEYS["provinces"],
                   placeholder=i18n.t("filters.all", lang))
    sb.multiselect(i18n.t("filters.regions", lang), options.get("regions", []), key=KEYS["regions"],
                   format_func=lambda v: i18n.region_label(v, lang), placeholder=i18n.t("filters.all", lang))
    sb.multiselect(i18n.t("filters.levels", lang), options.get("levels", []), key=KEYS["levels"],
                   format_func=lambda v: i18n.level_label(v, lang), placeholder=i18n.t("filters.all", lang))
    sb.multiselect(i18n.t("filters.types", lang), options.get("meeting_types", []), key=KEYS["meeting_types"],
                   format_func=lambda v: i18n.meeting_type_label(v, lang), placeholder=i18n.t("filters.all", lang))
    sb.multiselect(i18n.t("filters.themes", lang), options.get("themes", []), key=KEYS["themes"],
                   format_func=lambda v: i18n.theme_label(v, lang), placeholder=i18n.t("filters.all", lang))
    sb.text_input(i18n.t("filters.search", lang), key=KEYS["search"], placeholder=i18n.t("filters.search_hint", lang),
                  max_chars=200)
    sb.toggle(i18n.t("filters.relevant_only", lang), key=KEYS["relevant_only"],
              help=i18n.t("filters.relevant_help", lang))
    sb.radio(i18n.t("filters.unit", lang), ("meetings", "articles"), key=KEYS["unit"], horizontal=True,
             format_func=lambda v: i18n.t(f"filters.unit_{v}", lang), help=i18n.t("filters.unit_help", lang))
    sb.button(i18n.t("filters.reset", lang), on_click=_reset, args=(options,), key="f_reset",
              icon=":material/restart_alt:")
    f = _filters_from_widgets(options)
    _sync_url(f)
    return f


# ---------------------------------------------------------------- banners and states

def demo_banner(corpus, lang: str) -> None:
    if corpus.demo:
        st.warning(i18n.t("banner.demo", lang), icon=":material/science:")


def filter_sentence(f: Filters) -> None:
    st.caption(describe(f) + " " + i18n.t("describe.date_rule", f.lang))


def empty_state(lang: str, what: str = "empty.filtered") -> None:
    st.info(i18n.t(what, lang), icon=":material/search_off:")


def is_empty(frame: pd.DataFrame, value_col: str | None = None) -> bool:
    if frame is None or frame.empty:
        return True
    return value_col is not None and not pd.to_numeric(frame[value_col], errors="coerce").fillna(0).any()


# ---------------------------------------------------------------- exports

def _csv_bytes(frame: pd.DataFrame) -> bytes:
    if export is not None:
        return export.frame_csv(frame)
    return frame.to_csv(index=False).encode("utf-8-sig")


def _image_bytes(fig, fmt: str):
    return lambda: export.figure_image(fig, fmt) or b""


def _is_demo() -> bool:
    return bool(getattr(data.current_corpus(), "demo", False))


def _export_name(name: str) -> str:
    """Files made from the demo corpus say so in their name (a CSV has no room for a notice)."""
    return f"{name}-demo" if _is_demo() else name


def chart_with_exports(fig, frame: pd.DataFrame, name: str, lang: str, selectable: bool = False):
    """Show ``fig`` with download buttons (PNG/SVG/HTML and the CSV of ``frame``, the data behind it).

    Demo data: exported charts carry "(dữ liệu minh hoạ)" in their title and files end in "-demo".
    Returns the selection state when ``selectable`` (clicking a bar reruns the page)."""
    key = name
    name = _export_name(name)
    out = fig
    if export is not None and _is_demo():
        out = export.with_title_note(fig, i18n.t("export.demo_note", lang))
    config = export.camera_config(name) if export is not None else {"displaylogo": False}
    # theme=None: the chart keeps our template, so the screen matches the PNG/SVG/HTML exports
    event = st.plotly_chart(fig, config=config, key=f"chart-{key}", on_select="rerun" if selectable else "ignore",
                            selection_mode=("points",), theme=None)
    with st.popover(i18n.t("export.chart", lang), icon=":material/download:"):
        st.download_button(i18n.t("export.csv", lang), _csv_bytes(frame), f"{name}.csv", "text/csv",
                           key=f"dl-{key}-csv", on_click="ignore")
        if export is None:
            st.caption(i18n.t("export.unavailable", lang))
            return event
        st.download_button(i18n.t("export.html", lang), lambda: export.figure_html(out), f"{name}.html",
                           "text/html", key=f"dl-{key}-html", on_click="ignore")
        if export.image_export_available():
            st.download_button("PNG", _image_bytes(out, "png"), f"{name}.png", "image/png",
                               key=f"dl-{key}-png", on_click="ignore")
            st.download_button("SVG", _image_bytes(out, "svg"), f"{name}.svg", "image/svg+xml",
                               key=f"dl-{key}-svg", on_click="ignore")
        else:
            st.caption(i18n.t("export.camera", lang))
    return event


def table_downloads(frame: pd.DataFrame, name: str, lang: str) -> None:
    """CSV / Excel / Parquet of exactly ``frame`` (file names end in "-demo" for demo data)."""
    key, name = name, _export_name(name)
    with st.popover(i18n.t("export.table", lang), icon=":material/download:"):
        st.download_button("CSV", _csv_bytes(frame), f"{name}.csv", "text/csv", key=f"dl-{key}-tcsv",
                           on_click="ignore")
        if export is None:
            st.caption(i18n.t("export.unavailable", lang))
            return
        st.download_button("Excel", lambda: export.frame_xlsx(frame), f"{name}.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           key=f"dl-{key}-xlsx", on_click="ignore")
        st.download_button("Parquet", lambda: export.frame_parquet(frame), f"{name}.parquet",
                           "application/octet-stream", key=f"dl-{key}-parquet", on_click="ignore")


def report_download(title: str, sentence: str, build_sections, lang: str, demo: bool) -> None:
    """One button that builds the HTML report of the current view (sections built on click)."""
    if export is None:
        return
    st.download_button(i18n.t("export.report", lang),
                       lambda: export.html_report(title, sentence, build_sections(), demo=demo),
                       export.report_filename(title), "text/html", key="dl-report", on_click="ignore",
                       icon=":material/description:", type="primary")


# ---------------------------------------------------------------- tables

def display_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A copy for showing: dates in the locale format, codes as labels (exports keep raw values)."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].map(lambda v: i18n.fmt_date(v, lang))
        elif (pd.api.types.is_string_dtype(out[col]) or isinstance(out[col].dtype, pd.CategoricalDtype)
              or out[col].dtype == object):
            # an empty cell reads "–", never "None" (list cells are left alone)
            out[col] = out[col].astype(object).map(lambda v: "–" if _blank(v) else v)
    if "period" in out:
        out["period"] = frame["period"].map(lambda v: i18n.period_label(v, lang))
    if "status" in out:
        out["status"] = frame["status"].map(lambda v: i18n.status_label(v, lang))
    if "date_source" in out:
        out["date_source"] = frame["date_source"].map(lambda v: i18n.t(f"date_source.{v}", lang) if isinstance(v, str)
                                                      else "–")
    if "meeting_type" in out:
        out["meeting_type"] = out["meeting_type"].map(lambda v: i18n.meeting_type_label(v, lang))
    if "level" in out:
        out["level"] = out["level"].map(lambda v: i18n.level_label(v, lang))
    if "field" in out:
        out["field"] = out["field"].map(lambda v: i18n.field_label(v, lang))
    if "theme" in out:
        out["theme"] = out["theme"].map(lambda v: i18n.theme_label(v, lang))
    return out


def _blank(value) -> bool:
    if isinstance(value, (list, tuple)) or hasattr(value, "__array__"):
        return False
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def column_labels(columns, lang: str) -> dict:
    return {c: st.column_config.Column(i18n.t(f"col.{c}", lang)) for c in columns if i18n.has(f"col.{c}")}


# meeting lists: short columns first and the title last, so nothing useful hides past the right edge
MEETING_COLUMNS = ["date", "province", "meeting_type", "articles", "link", "title"]
COLUMN_WIDTHS = {"date": 95, "province": 115, "meeting_type": 120, "articles": 60, "link": 70, "period": 105,
                 "field": 150, "value": 70, "level": 95}


def meeting_columns(columns, lang: str) -> dict:
    """column_config for a meeting list: labels, fixed widths, the link reading "open", a wide title."""
    return {**column_labels(columns, lang), **sized_columns(columns, lang),
            "link": st.column_config.LinkColumn(i18n.t("col.link", lang), width=COLUMN_WIDTHS["link"],
                                                display_text=i18n.t("col.open", lang)),
            "title": st.column_config.TextColumn(i18n.t("col.title", lang), width="large")}


def sized_columns(columns, lang: str) -> dict:
    """Text columns with a width that fits their content (a date never shows as "18/07/202")."""
    return {c: st.column_config.TextColumn(i18n.t(f"col.{c}", lang), width=COLUMN_WIDTHS[c])
            for c in columns if c in COLUMN_WIDTHS and c != "link"}


def url_column(lang: str):
    """A source link shown as its site name (full URLs would push every other column away)."""
    return st.column_config.LinkColumn(i18n.t("col.url", lang), display_text=r"https?://(?:www\.)?([^/]+)",
                                       width="medium")


def article_link(doc_id: str, f: Filters) -> str:
    """Relative link to the Articles page showing ``doc_id``, keeping the current filters."""
    from urllib.parse import urlencode
    return "articles?" + urlencode({**f.to_query_params(), "doc": doc_id})


# ---------------------------------------------------------------- upload

def upload_box(lang: str) -> None:
    with st.sidebar.expander(i18n.t("upload.title", lang), icon=":material/upload_file:"):
        files = st.file_uploader(i18n.t("upload.label", lang), type=["txt", "jsonl", "csv", "zip"],
                                 accept_multiple_files=True, key="upload_files",
                                 help=i18n.t("upload.help", lang, mb=setting("max_upload_mb")))
        if files:
            size_mb = sum(f.size for f in files) / 1e6
            if size_mb > setting("max_upload_mb"):
                st.error(i18n.t("upload.too_big", lang, mb=setting("max_upload_mb")))
            else:
                st.button(i18n.t("upload.load", lang), key="upload_load", on_click=_set_upload, args=(files,))
        if st.session_state.get(data.UPLOAD_KEY):
            st.button(i18n.t("upload.back", lang), key="upload_back", on_click=_set_upload, args=(None,))


def _set_upload(files) -> None:
    """The one writer of ``data.UPLOAD_KEY``: the saved upload folder, or None for the default corpus."""
    st.session_state[data.UPLOAD_KEY] = data.save_upload(files) if files else None
