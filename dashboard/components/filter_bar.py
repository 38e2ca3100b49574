"""The sidebar filter bar shared by every page: widgets <-> ``Filters`` <-> URL query params.

Owns one session-state key per filter widget (``KEYS``) and ``SEEDED_KEY``. Only
``_write_widget_state`` assigns the widget keys (on a session's first run, and from the reset
button), so each key has one writer; the rest of the app reads the language through
``current_lang()`` and the filters through the ``Filters`` that ``render`` returns.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import streamlit as st

from .. import i18n
from ..filters import MAX_SEARCH_CHARS, PARAM_NAMES, Filters
from . import notices

KEYS = {
    "lang": "f_lang", "date_from": "f_from", "date_to": "f_to", "provinces": "f_provinces", "regions": "f_regions",
    "levels": "f_levels", "meeting_types": "f_types", "themes": "f_themes", "search": "f_search",
    "relevant_only": "f_relevant", "unit": "f_unit",
}
SEEDED_KEY = "f_seeded"  # set once the widgets hold the URL's filters: later runs leave them to the user
RESET_KEY = "f_reset"  # the reset button's widget key
LIST_FILTERS = ("provinces", "regions", "levels", "meeting_types", "themes")
LANG_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def current_lang() -> str:
    """The UI language: the switch's choice, else the URL's ``lang``, else the default."""
    lang = st.session_state.get(KEYS["lang"])
    if lang in i18n.LANGS:
        return lang
    return Filters.from_query_params(st.query_params.to_dict()).lang


def render(options: dict) -> Filters:
    """Draw the filter bar in the sidebar; return the active ``Filters`` (also written to the URL)."""
    if SEEDED_KEY not in st.session_state:
        _write_widget_state(Filters.from_query_params(st.query_params.to_dict()), options)
        st.session_state[SEEDED_KEY] = True
    st.sidebar.radio("Ngôn ngữ / Language", i18n.LANGS, key=KEYS["lang"], format_func=LANG_NAMES.get,
                     horizontal=True)
    lang = current_lang()
    notices.localise_streamlit(lang)
    st.sidebar.header(i18n.t("filters.title", lang))
    _date_widget(options, lang)
    _list_widgets(options, lang)
    _switch_widgets(lang)
    st.sidebar.button(i18n.t("filters.reset", lang), on_click=_reset, args=(options,), key=RESET_KEY,
                      icon=":material/restart_alt:")
    f = _filters_from_widgets(options)
    _sync_url(f)
    return f


# ---------------------------------------------------------------- widgets

def _date_widget(options: dict, lang: str) -> None:
    """Two text boxes, "from" and "to" (dd/mm/yyyy in Vietnamese): a date applies on Enter (or on
    leaving the box), never half-typed, and no calendar brings English strings into the page."""
    first, last = _date_bounds(options)
    left, right = st.sidebar.columns(2)
    hint = i18n.t("filters.date_format", lang)
    for col, name, default in ((left, "date_from", first), (right, "date_to", last)):
        col.text_input(i18n.t(f"filters.{name}", lang), key=KEYS[name], placeholder=i18n.fmt_date(default, lang),
                       help=i18n.t("filters.dates_help", lang) + " " + hint)
        typed = st.session_state.get(KEYS[name]) or ""
        if typed.strip() and parse_day(typed, lang) is None:
            st.sidebar.caption(i18n.t("filters.date_invalid", lang, text=typed, hint=hint))


def parse_day(text: str, lang: str) -> date | None:
    """A typed date: dd/mm/yyyy (also d-m-yyyy, d.m.yyyy) or ISO yyyy-mm-dd; None when it is none."""
    text = (text or "").strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    dmy = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if dmy:
            return date(int(dmy.group(3)), int(dmy.group(2)), int(dmy.group(1)))
    except ValueError:
        return None
    return None


def _list_widgets(options: dict, lang: str) -> None:
    """One multiselect per list filter; codes shown as words in the UI language."""
    labels = {"provinces": None, "regions": i18n.region_label, "levels": i18n.level_label,
              "meeting_types": i18n.meeting_type_label, "themes": i18n.theme_label}
    titles = {"provinces": "filters.provinces", "regions": "filters.regions", "levels": "filters.levels",
              "meeting_types": "filters.types", "themes": "filters.themes"}
    for name in LIST_FILTERS:
        label = labels[name]
        extra = {"format_func": (lambda v, label=label: label(v, lang))} if label else {}
        # select_all=False: Streamlit's own "Select all" is English, and "all" is already the empty pick
        st.sidebar.multiselect(i18n.t(titles[name], lang), options.get(name, []), key=KEYS[name],
                               placeholder=i18n.t("filters.all", lang), select_all=False, **extra)


def _switch_widgets(lang: str) -> None:
    sb = st.sidebar
    sb.text_input(i18n.t("filters.search", lang), key=KEYS["search"], placeholder=i18n.t("filters.search_hint", lang),
                  max_chars=MAX_SEARCH_CHARS)
    sb.toggle(i18n.t("filters.relevant_only", lang), key=KEYS["relevant_only"],
              help=i18n.t("filters.relevant_help", lang))
    sb.radio(i18n.t("filters.unit", lang), ("meetings", "articles"), key=KEYS["unit"], horizontal=True,
             format_func=lambda v: i18n.t(f"filters.unit_{v}", lang), help=i18n.t("filters.unit_help", lang))


# ---------------------------------------------------------------- state

def _date_bounds(options: dict) -> tuple[date, date]:
    first = options.get("first") or date.today() - timedelta(days=365)
    last = options.get("last") or date.today()
    return first, last


def _write_widget_state(f: Filters, options: dict) -> None:
    """Put ``f`` into the widgets' keys (values the corpus does not offer are dropped)."""
    st.session_state[KEYS["lang"]] = f.lang
    st.session_state[KEYS["date_from"]] = i18n.fmt_date(f.date_from, f.lang) if f.date_from else ""
    st.session_state[KEYS["date_to"]] = i18n.fmt_date(f.date_to, f.lang) if f.date_to else ""
    for name in LIST_FILTERS:
        allowed = set(options.get(name, []))
        st.session_state[KEYS[name]] = [v for v in getattr(f, name) if v in allowed]
    st.session_state[KEYS["search"]] = f.search
    st.session_state[KEYS["relevant_only"]] = f.relevant_only
    st.session_state[KEYS["unit"]] = f.unit


def _reset(options: dict) -> None:
    _write_widget_state(Filters(lang=current_lang()), options)


def _filters_from_widgets(options: dict) -> Filters:
    lang = current_lang()
    start = parse_day(st.session_state.get(KEYS["date_from"]) or "", lang)
    end = parse_day(st.session_state.get(KEYS["date_to"]) or "", lang)
    return Filters(
        date_from=start,
        date_to=end,
        **{name: tuple(st.session_state.get(KEYS[name]) or ()) for name in LIST_FILTERS},
        search=(st.session_state.get(KEYS["search"]) or "").strip(),
        relevant_only=bool(st.session_state.get(KEYS["relevant_only"], True)),
        unit=st.session_state.get(KEYS["unit"]) or "meetings",
        lang=lang,
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

