"""Frames for people: the headers and values an exported CSV or Excel sheet carries, in the UI
language ("Loại hội nghị: Sơ kết", "Cấp: Cấp tỉnh", "Kỳ: 6 tháng đầu 2022", "Ngày: 18/07/2022",
"Có/Không", "—" for a figure nobody reported). Pure; Parquet keeps the raw codes for machines.
"""
from __future__ import annotations

import pandas as pd

from . import i18n

# columns holding codes, and how each is put in words
CODE_COLUMNS = {
    "meeting_type": i18n.meeting_type_label, "level": i18n.level_label, "field": i18n.field_label,
    "theme": i18n.theme_label, "region": i18n.region_label, "status": i18n.status_label,
    "country": i18n.country_label,
}
PERIOD_COLUMNS = ("period", "bucket", "half", "year")
REPORTED_COLUMNS = ("delegations_in", "visitors_in", "delegations_out", "visitors_out")
SPAN_COLUMNS = ("span",)
STATE_COLUMNS = ("state",)
# count columns and the i18n key naming what they count
COUNTED_COLUMNS = {"count": "chart.count_{unit}", "share": "chart.share_of_{unit}"}
# list columns naming fields (what a person corrected or checked by hand)
FIELD_LIST_COLUMNS = ("corrected_fields", "checked_fields")
# columns only a machine needs: dropped from people's exports
INTERNAL_COLUMNS = ("meeting_key",)


def header(column: str, lang: str, unit: str | None = None) -> str:
    """A column's label in ``lang`` (the raw name when the UI has none); a ``count`` or ``share``
    column names what it counts when ``unit`` (meetings or articles) is given: "Số hội nghị"."""
    if unit and column in COUNTED_COLUMNS:
        return i18n.t(COUNTED_COLUMNS[column].format(unit=unit), lang)
    key = f"col.{column}"
    return i18n.t(key, lang) if i18n.has(key) else str(column)


def _value_labeller(column: str, series: pd.Series, lang: str):
    """The function that writes one cell of ``column`` for a reader, or None to keep the value."""
    if column in CODE_COLUMNS:
        return lambda v: CODE_COLUMNS[column](v, lang)
    if column in PERIOD_COLUMNS and not pd.api.types.is_numeric_dtype(series):
        return lambda v: i18n.period_label(v, lang)
    if column in SPAN_COLUMNS:
        return lambda v: i18n.t(f"span.{v}", lang) if isinstance(v, str) else "–"
    if column in STATE_COLUMNS:
        return lambda v: i18n.t(f"rhythm.state_{v}", lang)
    if column == "date_source":
        return lambda v: i18n.t(f"date_source.{v}", lang) if isinstance(v, str) else "–"
    if pd.api.types.is_bool_dtype(series):
        return lambda v: i18n.yes_no(v, lang)
    if column in REPORTED_COLUMNS:
        return lambda v: i18n.NOT_REPORTED if pd.isna(v) else v
    return None


def labelled_frame(frame: pd.DataFrame, lang: str, unit: str | None = None) -> pd.DataFrame:
    """``frame`` with labelled headers and values; dates stay dates (the writer formats them),
    lists of periods read as words; ``unit`` names what a count column counts."""
    out = frame.drop(columns=[c for c in INTERNAL_COLUMNS if c in frame]).copy()
    for col in out.columns:
        label = _value_labeller(str(col), out[col], lang)
        if label is not None:
            out[col] = out[col].astype(object).map(label)
        elif col in ("periods", "partial_periods"):
            out[col] = out[col].map(lambda ps: ", ".join(i18n.period_label(p, lang) for p in _periods(ps)))
        elif col in FIELD_LIST_COLUMNS:  # ["meeting_date", "province"] -> "Ngày họp; Tỉnh/thành"
            out[col] = out[col].map(lambda fs: "; ".join(i18n.field_label(f, lang) for f in _periods(fs)))
    return out.rename(columns=lambda c: header(str(c), lang, unit))


def _periods(value) -> list:
    """A list cell of period codes (list, tuple or array) as a list; anything else as empty."""
    return list(value) if isinstance(value, (list, tuple)) or hasattr(value, "tolist") else []


def methodology_rows(lang: str, facts: dict) -> pd.DataFrame:
    """The methodology as (topic, text) rows: what is counted, the dates, the merging of meetings,
    the period rule, undated items, "—", the corpus (demo or real) and the filters. ``facts``
    holds corpus, articles, demo, filters (a sentence), generated (a timestamp) and corrections (how
    many values were corrected or checked by hand)."""
    topics = ("counted", "dates", "merging", "periods", "undated", "not_reported", "countries", "corrections",
              "corpus", "filters", "generated")
    values = {"corpus": i18n.t("method.corpus_demo" if facts.get("demo") else "method.corpus_real", lang,
                               source=facts.get("corpus", ""), n=i18n.fmt_int(facts.get("articles", 0), lang)),
              "filters": facts.get("filters", ""), "generated": facts.get("generated", ""),
              "corrections": facts.get("corrections", "")}
    rows = [(i18n.t(f"method.{t}_title", lang), values.get(t) or i18n.t(f"method.{t}", lang)) for t in topics]
    return pd.DataFrame(rows, columns=[i18n.t("method.topic", lang), i18n.t("method.text", lang)])
