"""The shared filter state: a frozen ``Filters`` <-> URL query params <-> one sentence in words.

Pure (no streamlit): the sidebar widgets that edit it live in ``components.filter_bar``.
Query params are plain strings — dates as ISO, lists joined with commas — parsed
defensively (bad values are dropped, never evaluated). Only non-default values are written
so a shared link stays short.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Callable, Mapping

from . import i18n

UNITS = ("meetings", "articles")
LIST_SEP = ","
# Filters field -> URL query parameter name
PARAM_NAMES = {
    "date_from": "from", "date_to": "to", "provinces": "province", "regions": "region",
    "levels": "level", "meeting_types": "type", "themes": "theme", "search": "q",
    "relevant_only": "relevant", "unit": "unit", "lang": "lang",
}
TUPLE_FIELDS = ("provinces", "regions", "levels", "meeting_types", "themes")
MAX_SEARCH_CHARS = 200


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    provinces: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    meeting_types: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    search: str = ""
    relevant_only: bool = True
    unit: str = "meetings"  # count distinct meetings or articles
    lang: str = i18n.DEFAULT_LANG

    def to_query_params(self) -> dict[str, str]:
        """Non-default fields as plain strings, keyed by their URL names."""
        default = Filters()
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            name = PARAM_NAMES[f.name]
            if isinstance(value, tuple):
                out[name] = LIST_SEP.join(value)
            elif isinstance(value, date):
                out[name] = value.isoformat()
            elif isinstance(value, bool):
                out[name] = "1" if value else "0"
            else:
                out[name] = str(value)
        return out

    @classmethod
    def from_query_params(cls, params: Mapping) -> "Filters":
        """Parse URL params; anything malformed falls back to the default for that field."""
        def get(field: str) -> str | None:
            value = params.get(PARAM_NAMES[field])
            if isinstance(value, (list, tuple)):  # repeated params: keep the last
                value = value[-1] if value else None
            return None if value is None else str(value)

        kwargs: dict = {}
        for name in ("date_from", "date_to"):
            kwargs[name] = _parse_date(get(name))
        for name in TUPLE_FIELDS:
            raw = get(name)
            if raw:
                kwargs[name] = tuple(dict.fromkeys(v.strip() for v in raw.split(LIST_SEP) if v.strip()))
        search = get("search")
        if search:
            kwargs["search"] = search.strip()[:MAX_SEARCH_CHARS]
        relevant = get("relevant_only")
        if relevant in ("0", "1"):
            kwargs["relevant_only"] = relevant == "1"
        if get("unit") in UNITS:
            kwargs["unit"] = get("unit")
        if get("lang") in i18n.LANGS:
            kwargs["lang"] = get("lang")
        return cls(**kwargs)

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def describe(f: Filters) -> str:
    """The active filters as one sentence, in the UI language (datasette's human description)."""
    lang = f.lang
    unit = i18n.t(f"describe.unit_{f.unit}", lang)
    parts = [i18n.t("describe.counting", lang, unit=unit)]
    parts.append(i18n.t("describe.relevant_only" if f.relevant_only else "describe.all_articles", lang))
    if f.date_from and f.date_to:
        parts.append(i18n.t("describe.between", lang, start=i18n.fmt_date(f.date_from, lang),
                            end=i18n.fmt_date(f.date_to, lang)))
    elif f.date_from:
        parts.append(i18n.t("describe.since", lang, start=i18n.fmt_date(f.date_from, lang)))
    elif f.date_to:
        parts.append(i18n.t("describe.until", lang, end=i18n.fmt_date(f.date_to, lang)))
    labelled: list[tuple[str, tuple[str, ...], Callable[[str], str]]] = [
        ("describe.provinces", f.provinces, str),
        ("describe.regions", f.regions, lambda v: i18n.region_label(v, lang)),
        ("describe.levels", f.levels, lambda v: i18n.level_label(v, lang)),
        ("describe.types", f.meeting_types, lambda v: i18n.meeting_type_label(v, lang)),
        ("describe.themes", f.themes, lambda v: i18n.theme_label(v, lang)),
    ]
    for key, values, label in labelled:
        if values:
            parts.append(i18n.t(key, lang, values=_join([label(v) for v in values], lang)))
    if f.search:
        parts.append(i18n.t("describe.search", lang, text=f.search))
    return " ".join(parts[:1]) + " " + "; ".join(parts[1:]) + "."


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {i18n.t('describe.or', lang)} " + items[-1]
