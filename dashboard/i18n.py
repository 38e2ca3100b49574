"""UI strings and locale formatting (vi default, en switchable). No streamlit here.

Strings live in assets/i18n.json as ``{"vi": {key: text}, "en": {key: text}}``; a missing
English string falls back to Vietnamese, a missing key shows the key (tests forbid both).
Numbers and dates follow the chosen locale: vi "1.234" and "18/07/2022", en "1,234" and
"2022-07-18".
"""
from __future__ import annotations

import math
import re
from datetime import date, datetime

import pandas as pd

from loaders import assets

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
DATE_FORMATS = {"vi": "%d/%m/%Y", "en": "%Y-%m-%d"}
MONTH_FORMATS = {"vi": "%m/%Y", "en": "%Y-%m"}
# plotly's layout.separators: decimal mark then thousands mark
PLOTLY_SEPARATORS = {"vi": ",.", "en": ".,"}
# reporting periods and calendar buckets: "2022", "2022H1"/"2022-H1", "2022Q3", "2022M9"/"2022-09"
PERIOD_CODE_RE = re.compile(r"^(\d{4})(?:-?([HQM])?(\d{1,2}))?$")
UNDATED = "undated"  # the bucket of items without a date (dashboard.queries.periods.UNDATED)
NOT_REPORTED = "—"  # a figure no article gives: distinct from "0" and from an empty cell's "–"


def strings(lang: str) -> dict[str, str]:
    table = assets.read_json("i18n.json")
    return table.get(lang if lang in LANGS else DEFAULT_LANG, {})


def has(key: str) -> bool:
    return key in strings(DEFAULT_LANG)


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The UI string ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
    text = strings(lang).get(key) or strings(DEFAULT_LANG).get(key) or key
    return text.format(**values) if values else text


def _is_missing(value) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def fmt_int(value, lang: str = DEFAULT_LANG) -> str:
    """1234 -> "1.234" (vi) or "1,234" (en); missing -> "–"."""
    if _is_missing(value):
        return "–"
    text = f"{int(round(float(value))):,}"
    return text.replace(",", ".") if lang == "vi" else text


def fmt_float(value, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    if _is_missing(value):
        return "–"
    text = f"{float(value):,.{digits}f}"
    if lang == "vi":  # swap the marks: 1,234.5 -> 1.234,5
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_pct(share, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A share in [0, 1] as a percentage: 0.125 -> "12,5%" (vi) / "12.5%" (en)."""
    if _is_missing(share):
        return "–"
    return f"{fmt_float(100 * float(share), lang, digits)}%"


def fmt_date(value, lang: str = DEFAULT_LANG) -> str:
    if _is_missing(value):
        return "–"
    if isinstance(value, str):
        value = pd.to_datetime(value, errors="coerce")
        if pd.isna(value):
            return "–"
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.strftime(DATE_FORMATS.get(lang, DATE_FORMATS[DEFAULT_LANG]))
    return str(value)


def period_label(code, lang: str = DEFAULT_LANG) -> str:
    """A period or bucket code in words, keeping its length.

    Reporting periods (no dash) read in full: "2022H1" -> "6 tháng đầu 2022", "2022M9" -> "9 tháng
    đầu 2022" (a running total, never September), "2022Q3" -> "Quý 3/2022". Calendar buckets (with
    a dash) read short for axes: "2022-H1" -> "6T đầu 2022", "2022-09" -> "T9/2022". "undated" ->
    "Không rõ ngày"; unknown codes as they are."""
    if _is_missing(code) or code == "":
        return "–"
    if code == UNDATED:
        return t("period.undated", lang)
    match = PERIOD_CODE_RE.match(str(code))
    if not match:
        return str(code)
    year, kind, n = match.group(1), match.group(2), match.group(3)
    if n is None:
        return year
    number = int(n)
    reporting = "-" not in str(code)
    if reporting and kind == "M":
        return t("period.run_M", lang, year=year, n=number)
    if reporting and kind == "H":
        return t(f"period.rep_H{number}", lang, year=year)
    kind = kind or "M"  # "2022-09": a month bucket
    key = f"period.H{number}" if kind == "H" else f"period.{kind}"
    return t(key, lang, year=year, n=number, nn=f"{number:02d}")


def partial_label(label: str, mark, lang: str = DEFAULT_LANG) -> str:
    """``label`` with the part of it the data covers: ("to", day) -> "2025 (đến 30/06/2025)"."""
    if not mark:
        return label
    kind, day = mark
    return t(f"period.partial_{kind}", lang, label=label, date=fmt_date(day, lang))


def fmt_reported(value, lang: str = DEFAULT_LANG) -> str:
    """A reported figure in the locale format; "—" when nothing was reported (never "0")."""
    return NOT_REPORTED if _is_missing(value) else fmt_int(value, lang)


def yes_no(value, lang: str = DEFAULT_LANG) -> str:
    """True/False as Có/Không (Yes/No); missing as "–"."""
    if _is_missing(value):
        return "–"
    return t("value.yes" if bool(value) else "value.no", lang)


def meeting_type_label(code, lang: str = DEFAULT_LANG) -> str:
    if _is_missing(code) or code == "":
        return t("type.none", lang)
    return t(f"type.{code}", lang)


def level_label(code, lang: str = DEFAULT_LANG) -> str:
    if _is_missing(code) or code == "":
        return t("level.none", lang)
    return t(f"level.{code}", lang)


def status_label(code, lang: str = DEFAULT_LANG) -> str:
    """Ingest status (loaded, skipped) in words; an unknown status is shown as it is."""
    if _is_missing(code) or code == "":
        return "–"
    return t(f"status.{code}", lang) if has(f"status.{code}") else str(code)


def field_label(name: str, lang: str = DEFAULT_LANG) -> str:
    return t(f"field.{name}", lang)


def region_label(name, lang: str = DEFAULT_LANG) -> str:
    """Regions are stored by their Vietnamese name; English gets a translation when known."""
    if _is_missing(name):
        return "–"
    if lang == "vi":
        return str(name)
    return strings("en").get(f"region.{name}", str(name))


def _theme_rows() -> list[dict]:
    """Rows of assets/themes.json (``{"themes": [{id, label_vi, label_en, colour, ...}]}``, validated
    by tests/test_assets_themes.py). A missing or reshaped file raises: without it every theme
    would quietly lose its label and colour."""
    return assets.read_json("themes.json")["themes"]


def theme_label(theme_id, lang: str = DEFAULT_LANG) -> str:
    if _is_missing(theme_id):
        return "–"
    for row in _theme_rows():
        if row["id"] == theme_id:
            return row.get(f"label_{lang}") or row.get("label_vi") or str(theme_id)
    return str(theme_id).replace("_", " ")


def theme_colours() -> dict[str, str]:
    return {row["id"]: row["colour"] for row in _theme_rows() if row.get("colour")}


def theme_ids() -> list[str]:
    return [row["id"] for row in _theme_rows()]


def country_label(name, lang: str = DEFAULT_LANG) -> str:
    """A country is stored by its Vietnamese name (assets/countries.csv); English gets its name_en."""
    if _is_missing(name):
        return "–"
    if lang == "vi":
        return str(name)
    return _country_names_en().get(str(name), str(name))


def _country_names_en() -> dict[str, str]:
    return {row["name_vi"]: row.get("name_en") or row["name_vi"] for row in assets.read_csv("countries.csv")}
