"""The sidebar filter bar shared by every page: widgets <-> ``Filters`` <-> URL query params.

Owns one session-state key per filter widget (``KEYS``), the pickers' search boxes
(``FIND_KEYS``) and ``SEEDED_KEY``. Only ``_write_widget_state`` assigns the widget keys (on a
session's first run, and from the reset button), ``select_provinces`` the provinces key (from a
callback, e.g. a click on the map) and ``_pick_found`` a picker and its box (from its button),
so each key has one writer; the rest of the app reads the language through ``current_lang()``
and the filters through the ``Filters`` that ``render`` returns.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import streamlit as st

from .. import i18n
from ..filters import MAX_SEARCH_CHARS, PARAM_NAMES, Filters
from ..search import matches_text, parse
from . import notices

KEYS = {
    "lang": "f_lang", "date_from": "f_from", "date_to": "f_to", "provinces": "f_provinces", "regions": "f_regions",
    "levels": "f_levels", "meeting_types": "f_types", "themes": "f_themes", "search": "f_search",
    "relevant_only": "f_relevant", "unit": "f_unit",
}
# search-as-you-type boxes that narrow a long picker's options (Streamlit's own box matches the
# label letter for letter, so "nghe an" would never find Nghệ An), and their "pick all found" buttons
FIND_KEYS = {"provinces": "f_provinces_find", "themes": "f_themes_find"}
PICK_FOUND_KEYS = {"provinces": "f_provinces_pick_found", "themes": "f_themes_pick_found"}
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


LABELS = {"provinces": None, "regions": i18n.region_label, "levels": i18n.level_label,
          "meeting_types": i18n.meeting_type_label, "themes": i18n.theme_label}
TITLES = {"provinces": "filters.provinces", "regions": "filters.regions", "levels": "filters.levels",
          "meeting_types": "filters.types", "themes": "filters.themes"}


def _list_widgets(options: dict, lang: str) -> None:
    """One multiselect per list filter; codes shown as words in the UI language. The long ones
    (provinces, themes) get a search box that narrows their options the way search does:
    case, diacritics and punctuation ignored, the last word matching as it is typed."""
    for name in LIST_FILTERS:
        label = LABELS[name]
        extra = {"format_func": (lambda v, label=label: label(v, lang))} if label else {}
        offered = options.get(name, [])
        if name in FIND_KEYS:
            offered = found_options(offered, st.session_state.get(FIND_KEYS[name], ""),
                                    st.session_state.get(KEYS[name]) or [], _labeller(name, lang))
        # select_all=False: Streamlit's own "Select all" is English, and "all" is already the empty pick
        st.sidebar.multiselect(i18n.t(TITLES[name], lang), offered, key=KEYS[name],
                               placeholder=i18n.t("filters.all", lang), select_all=False, **extra)
        if name in FIND_KEYS:
            _find_box(name, offered, lang)


def _labeller(name: str, lang: str):
    label = LABELS[name]
    return (lambda v: label(v, lang)) if label else str


def found_options(offered: list[str], typed: str, selected: list[str], label) -> list[str]:
    """The options matching ``typed`` (by label or by value), the selected ones kept in front
    (a multiselect must still hold its values); all options when nothing is typed."""
    if not (typed or "").strip():
        return offered
    query = parse(typed)
    hits = [v for v in offered if matches_text(label(v), query, prefix=True) or matches_text(v, query, prefix=True)]
    return list(dict.fromkeys([*(v for v in selected if v in offered), *hits]))


def _find_box(name: str, offered: list[str], lang: str) -> None:
    what = i18n.t(TITLES[name], lang)
    st.sidebar.text_input(i18n.t("picker.find", lang, what=what), key=FIND_KEYS[name], live=True,
                          placeholder=i18n.t("picker.find_hint", lang), label_visibility="collapsed",
                          icon=":material/search:")
    typed = st.session_state.get(FIND_KEYS[name], "")
    if (typed or "").strip():
        chosen = set(st.session_state.get(KEYS[name]) or [])
        new = [v for v in offered if v not in chosen]
        st.sidebar.button(i18n.t("picker.pick_found", lang, n=len(new)), key=PICK_FOUND_KEYS[name],
                          on_click=_pick_found, args=(name, new), disabled=not new)


def _pick_found(name: str, found: list[str]) -> None:
    """Add every option the search box found to the picker (a button callback)."""
    st.session_state[KEYS[name]] = list(dict.fromkeys([*(st.session_state.get(KEYS[name]) or []), *found]))
    st.session_state[FIND_KEYS[name]] = ""


def _switch_widgets(lang: str) -> None:
    sb = st.sidebar
    sb.text_input(i18n.t("filters.search", lang), key=KEYS["search"], placeholder=i18n.t("filters.search_hint", lang),
                  max_chars=MAX_SEARCH_CHARS, help=i18n.t("search.help", lang))
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
    for name in FIND_KEYS:
        st.session_state[FIND_KEYS[name]] = ""
    st.session_state[KEYS["relevant_only"]] = f.relevant_only
    st.session_state[KEYS["unit"]] = f.unit


def select_provinces(names: list[str]) -> None:
    """Make ``names`` the province filter. For callbacks only (a map click): they run before the
    filter bar is drawn, when its widget state may still be set."""
    st.session_state[KEYS["provinces"]] = list(dict.fromkeys(names))


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

