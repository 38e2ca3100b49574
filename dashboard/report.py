"""The Overview's one-file report: sections of (heading, figure, table) with words, not codes.

Pure (no streamlit): tables are pivoted and labelled for reading — meeting types, periods,
themes and column names in the UI language, numbers in its format. The CSV/Excel buttons on
the pages keep the raw codes for machines; this file is for people.
"""
from __future__ import annotations

import pandas as pd

from loaders.schema import COUNT_FIELDS, MEETING_TYPES

from . import charts, i18n, queries
from .filters import Filters
from .queries.corrections import methodology_sentence
from .settings import setting


def sections(corpus, f: Filters) -> list[tuple]:
    """Key figures, meetings by year and type, provinces, themes, delegations by year, latest meetings."""
    lang, unit = f.lang, f.unit
    provinces = queries.by_province(corpus, f)
    ranked = queries.active_provinces(provinces, setting("top_provinces"))
    themes = queries.theme_shares(corpus, f)
    years = queries.delegations_by_period(corpus, f, "Y")
    count_title = i18n.t(f"chart.count_{unit}", lang)
    return [
        (i18n.t("report.key_figures", lang), None, key_figures_table(queries.key_figures(corpus, f), lang)),
        (i18n.t("chart.over_time", lang), charts.over_time(queries.over_time(corpus, f, "H"), lang, unit),
         type_by_year(queries.over_time(corpus, f, "Y"), lang)),
        (i18n.t("chart.ranked_provinces", lang),
         charts.ranked_bar(ranked, "name", "count", lang, i18n.t("chart.ranked_provinces", lang), count_title),
         _labelled(ranked[["name", "count"]].rename(columns={"name": "province"}), lang, {"count": count_title})),
        (i18n.t("chart.theme_shares", lang), charts.theme_shares(themes, lang), theme_table(themes, lang, count_title)),
        (i18n.t("chart.delegations_by_Y", lang),
         charts.delegations(years, "period", lang, i18n.t("chart.delegations_by_Y", lang),
                            x_label=lambda p: i18n.period_label(p, lang)),
         _labelled(years[["period", *COUNT_FIELDS]], lang, {"period": i18n.t("col.year", lang)})),
        (i18n.t("overview.latest", lang), None,
         latest_table(queries.latest_meetings(corpus, f, setting("latest_meetings")), lang)),
        (i18n.t("report.methodology", lang), None,
         pd.DataFrame({i18n.t("report.methodology", lang): [methodology_sentence(corpus.articles, lang)]})),
    ]


def key_figures_table(figures: dict, lang: str) -> pd.DataFrame:
    rows = [(i18n.t(f"kpi.{k}", lang), i18n.fmt_int(figures[k], lang))
            for k in ("articles", "meetings", "provinces", "delegations_in", "delegations_out")]
    rows.append((i18n.t("kpi.span", lang), f"{i18n.fmt_date(figures['first'], lang)} – "
                                           f"{i18n.fmt_date(figures['last'], lang)}"))
    return pd.DataFrame(rows, columns=[i18n.t("report.figure", lang), i18n.t("report.value", lang)])


def type_by_year(over_time: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per year, one column per meeting type present (in words), and the total."""
    if over_time.empty:
        return pd.DataFrame(columns=[i18n.t("col.year", lang)])
    grid = over_time.pivot_table(index="bucket", columns="meeting_type", values="count", aggfunc="sum", fill_value=0)
    order = [t for t in [*MEETING_TYPES, "none"] if t in grid.columns and grid[t].any()]
    grid = grid[order]
    grid[i18n.t("report.total", lang)] = grid.sum(axis=1)
    grid = grid.rename(columns=lambda t: t if t == i18n.t("report.total", lang)
                       else i18n.meeting_type_label(None if t == "none" else t, lang))
    table = grid.rename_axis(index=i18n.t("col.year", lang), columns=None).reset_index()
    return _numbers_as_text(table, lang)


def theme_table(shares: pd.DataFrame, lang: str, count_title: str) -> pd.DataFrame:
    return pd.DataFrame({
        i18n.t("col.theme", lang): [i18n.theme_label(t, lang) for t in shares["theme"]],
        count_title: [i18n.fmt_int(v, lang) for v in shares["count"]],
        i18n.t("col.share", lang): [i18n.fmt_pct(v, lang) for v in shares["share"]],
    })


def latest_table(latest: pd.DataFrame, lang: str) -> pd.DataFrame:
    table = latest[["date", "province", "meeting_type", "title", "articles"]].copy()
    table["date"] = table["date"].map(lambda v: i18n.fmt_date(v, lang))
    table["meeting_type"] = table["meeting_type"].map(lambda v: i18n.meeting_type_label(v, lang))
    return _labelled(table, lang)


def _labelled(table: pd.DataFrame, lang: str, names: dict | None = None) -> pd.DataFrame:
    """Periods in words, numbers in the locale format, column names from i18n (``names`` first)."""
    out = table.copy()
    if "period" in out:
        out["period"] = out["period"].map(lambda v: i18n.period_label(v, lang))
    out = _numbers_as_text(out, lang)
    names = names or {}
    return out.rename(columns=lambda c: names.get(c) or (i18n.t(f"col.{c}", lang) if i18n.has(f"col.{c}") else c))


def _numbers_as_text(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = table.copy()
    for col in out.columns:
        if pd.api.types.is_integer_dtype(out[col]) or pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].map(lambda v: i18n.fmt_int(v, lang))
        else:
            out[col] = out[col].astype(object).where(out[col].notna(), "–")
    return out
