"""What the Overview's report and workbook hold: sections of (heading, figure, table) with words,
not codes, the methodology, the evidence of each number and the sources.

Pure (no streamlit): tables are pivoted and labelled for reading — meeting types, periods, themes
and column names in the UI language, numbers in its format, "—" for a figure nobody reported.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from loaders.schema import COUNT_FIELDS, MEETING_TYPES

from . import charts, i18n, queries
from .filters import Filters, describe
from .labelled import labelled_frame, methodology_rows
from .queries.corrections import methodology_sentence
from .settings import setting

EVIDENCE_REPORT_COLUMNS = ["province", "period", "date", "field", "value", "sentence", "url"]
MEETING_SHEET_COLUMNS = ["date", "province", "level", "meeting_type", "title", "articles", "doc_id"]
SOURCE_COLUMNS = ["title", "url"]


def sections(corpus, f: Filters, source: str = "") -> list[tuple]:
    """Key figures, meetings by year and type, provinces, themes, delegations by year, latest
    meetings, then the evidence of each delegation number and the methodology."""
    lang, unit = f.lang, f.unit
    provinces = queries.by_province(corpus, f)
    ranked = queries.active_provinces(provinces, setting("top_provinces"))
    themes = queries.theme_shares(corpus, f)
    years = queries.delegations_by_period(corpus, f, "Y")
    count_title = i18n.t(f"chart.count_{unit}", lang)
    ranked_title = i18n.t(f"chart.ranked_provinces_{unit}", lang)
    axis = queries.time_axis(corpus, f, "H")
    return [
        (i18n.t("report.key_figures", lang), None, key_figures_table(queries.key_figures(corpus, f), lang)),
        (i18n.t(f"chart.over_time_{unit}", lang),
         charts.over_time(queries.over_time(corpus, f, "H"), lang, unit, partial=axis["partial"]),
         type_by_year(queries.over_time(corpus, f, "Y"), lang)),
        (ranked_title, charts.ranked_bar(ranked, "name", "count", lang, ranked_title, count_title),
         _labelled(ranked[["name", "count"]].rename(columns={"name": "province"}), lang, {"count": count_title})),
        (i18n.t(f"chart.theme_shares_{unit}", lang), charts.theme_shares(themes, lang, unit),
         theme_table(themes, lang, count_title)),
        (i18n.t("chart.delegations_by_Y", lang),
         charts.delegations(years, "period", lang, i18n.t("chart.delegations_by_Y", lang),
                            x_label=charts.period_axis_label(years, lang)),
         delegation_years_table(years, lang)),
        (i18n.t("overview.latest", lang), None,
         latest_table(queries.latest_meetings(corpus, f, setting("latest_meetings")), lang)),
        (i18n.t("report.evidence", lang), None, evidence_table(corpus, f)),
        (i18n.t("method.section", lang), None, methodology(corpus, f, source)),
    ]


def methodology(corpus, f: Filters, source: str = "", generated: datetime | None = None) -> pd.DataFrame:
    """The methodology rows of this view: the rules, the corpus (demo or real) and the filters."""
    when = (generated or datetime.now(timezone.utc).astimezone()).strftime("%Y-%m-%d %H:%M")
    return methodology_rows(f.lang, {"demo": bool(corpus.demo), "corpus": source, "articles": len(corpus.articles),
                                     "filters": describe(f), "generated": when,
                                     "corrections": methodology_sentence(corpus.articles, f.lang)})


def evidence_table(corpus, f: Filters) -> pd.DataFrame:
    """Every delegation/visitor number of the view with the sentence it was read from, labelled."""
    table = queries.number_evidence(corpus, f)
    table = table[table["field"].isin(COUNT_FIELDS)][EVIDENCE_REPORT_COLUMNS]
    out = labelled_frame(table, f.lang)
    date_col = i18n.t("col.date", f.lang)
    out[date_col] = table["date"].map(lambda v: i18n.fmt_date(v, f.lang)).to_numpy()
    return out


def sources(corpus, f: Filters) -> pd.DataFrame:
    """The articles of the view (title, url), newest first: the report's list of sources."""
    return queries.articles_table(corpus, f)[SOURCE_COLUMNS]


def workbook_sheets(corpus, f: Filters, source: str = "") -> list[tuple[str, pd.DataFrame]]:
    """The sheets of the report workbook: meetings, delegation figures with their evidence
    sentences, delegations by period, methodology — headers and values in the UI language."""
    lang = f.lang
    meetings = queries.latest_meetings(corpus, f, queries.meeting_count(corpus, f))[MEETING_SHEET_COLUMNS]
    numbers = queries.number_evidence(corpus, f)
    numbers = numbers[numbers["field"].isin(COUNT_FIELDS)].drop(columns=["approx", "doc_id"])
    return [
        (i18n.t("workbook.meetings", lang), labelled_frame(meetings, lang)),
        (i18n.t("workbook.numbers", lang), labelled_frame(numbers, lang)),
        (i18n.t("workbook.by_period", lang), labelled_frame(queries.delegations_by_period(corpus, f, "Y"), lang)),
        (i18n.t("workbook.methodology", lang), methodology(corpus, f, source)),
    ]


def key_figures_table(figures: dict, lang: str) -> pd.DataFrame:
    rows = [(i18n.t(f"kpi.{k}", lang), i18n.fmt_reported(figures[k], lang))
            for k in ("articles", "meetings", "provinces", "delegations_in", "delegations_out")]
    rows.append((i18n.t("kpi.span", lang), f"{i18n.fmt_date(figures['first'], lang)} – "
                                           f"{i18n.fmt_date(figures['last'], lang)}"))
    if figures.get("periods"):
        first, last = figures["periods"]
        rows.append((i18n.t("col.periods", lang), i18n.t("kpi.deleg_coverage", lang,
                                                          first=i18n.period_label(first, lang),
                                                          last=i18n.period_label(last, lang),
                                                          n=figures["reporting"], of=figures["of"])))
    return pd.DataFrame(rows, columns=[i18n.t("report.figure", lang), i18n.t("report.value", lang)])


def delegation_years_table(years: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Delegations per reporting year: "—" where nobody reported, how the year was built, coverage."""
    if years.empty:
        return pd.DataFrame(columns=[i18n.t("col.year", lang)])
    table = years[["period", *COUNT_FIELDS, "span", "partial_periods", "provinces"]].copy()
    out = labelled_frame(table, lang)
    return out.rename(columns={i18n.t("col.period", lang): i18n.t("col.year", lang)}).astype(str)


def type_by_year(over_time: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per year (and the undated), one column per meeting type present (in words), the total."""
    if over_time.empty:
        return pd.DataFrame(columns=[i18n.t("col.year", lang)])
    grid = over_time.pivot_table(index="bucket", columns="meeting_type", values="count", aggfunc="sum", fill_value=0)
    order = [t for t in [*MEETING_TYPES, "none"] if t in grid.columns and grid[t].any()]
    grid = grid[order]
    grid[i18n.t("report.total", lang)] = grid.sum(axis=1)
    grid = grid.rename(columns=lambda t: t if t == i18n.t("report.total", lang)
                       else i18n.meeting_type_label(None if t == "none" else t, lang))
    grid.index = [i18n.period_label(b, lang) for b in grid.index]
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
