"""Provinces: the gazetteer with centroids, counts per province (63 or 34), province × year,
and a side-by-side comparison of a few provinces."""
from __future__ import annotations

import pandas as pd

from loaders import gazetteer as geo
from loaders.schema import COUNT_FIELDS, Corpus

from ..filters import Filters
from .counting import count, counted_dates, explode_themes, grouped_count, rank, top_rows
from .delegations import filtered_totals, province_column, reported_total
from .filtering import filter_articles
from .periods import UNDATED

GAZETTEER_COLUMNS = ["name", "lat", "lon", "province_2025", "region"]


def gazetteer(scheme: str = "63") -> pd.DataFrame:
    """Provinces with centroids: 63 before 1 July 2025 (name, lat, lon, province_2025, region)
    or the 34 after (name, lat, lon; the other two columns empty)."""
    frame = geo.provinces() if scheme == "63" else geo.provinces_2025()
    frame = frame.rename(columns={"province": "name"})
    for col in GAZETTEER_COLUMNS:
        if col not in frame:  # the 34 units have no later unit and no region of their own
            frame[col] = None
    return frame[GAZETTEER_COLUMNS].reset_index(drop=True)


def by_province(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Every province of the scheme with its count (0 included, for the map), ranked."""
    arts = filter_articles(corpus, f)
    col = province_column(scheme)
    arts = arts[arts[col].notna()]
    counts = grouped_count(arts, [col], f.unit).rename(columns={col: "name"})
    table = gazetteer(scheme).merge(counts, on="name", how="outer")
    table["count"] = table["count"].fillna(0).astype(int)
    return rank(table, "count", "name")


def active_provinces(table: pd.DataFrame, n: int | None = None) -> pd.DataFrame:
    """Rows of ``by_province`` with at least one meeting (or article), the first ``n`` when given."""
    active = table[table["count"] > 0]
    return active if n is None else active.head(n)


def province_year(corpus: Corpus, f: Filters, scheme: str = "63", max_rows: int = 30) -> pd.DataFrame:
    """Long frame province × year -> count for the busiest ``max_rows`` provinces: every year in
    range (empty years as 0) and ``periods.UNDATED`` for the undated, so each row adds up to the
    province's count in ``by_province``. A meeting sits in the year of its first article."""
    arts = filter_articles(corpus, f)
    col = province_column(scheme)
    years = counted_dates(arts, f.unit).dt.year.astype("Int64").astype("string")
    arts = arts.assign(year=years.fillna(UNDATED))[arts[col].notna()]
    if arts.empty:
        return pd.DataFrame(columns=["province", "year", "count"])
    table = grouped_count(arts, [col, "year"], f.unit).rename(columns={col: "province"})
    table = top_rows(table, "province", max_rows)
    grid = pd.MultiIndex.from_product([table["province"].unique(), year_columns(arts["year"], f)],
                                      names=["province", "year"])
    return table.set_index(["province", "year"]).reindex(grid, fill_value=0).reset_index()


def year_columns(years: pd.Series, f: Filters) -> list[str]:
    """Every year from the first to the last (the filter's dates when set), then UNDATED if present."""
    known = [int(y) for y in years if y != UNDATED]
    first = f.date_from.year if f.date_from else min(known, default=None)
    last = f.date_to.year if f.date_to else max(known, default=None)
    span = [str(y) for y in range(first, last + 1)] if first is not None and last is not None else []
    return span + ([UNDATED] if (years == UNDATED).any() else [])


def compare_provinces(corpus: Corpus, f: Filters, names: list[str], scheme: str = "63") -> dict[str, pd.DataFrame]:
    """Side-by-side frames for a few provinces: summary, meeting types, themes."""
    arts = filter_articles(corpus, f)
    col = province_column(scheme)
    arts = arts[arts[col].isin(names)]
    types = grouped_count(arts.assign(meeting_type=arts["meeting_type"].astype("string").fillna("none")),
                          [col, "meeting_type"], f.unit).rename(columns={col: "province"})
    themes = grouped_count(explode_themes(arts, [col, "meeting_key"]), [col, "theme"], f.unit) \
        .rename(columns={col: "province"})
    return {"summary": _comparison_summary(corpus, f, arts, col, names, scheme), "types": types, "themes": themes}


def _comparison_summary(corpus: Corpus, f: Filters, arts: pd.DataFrame, col: str, names: list[str],
                        scheme: str) -> pd.DataFrame:
    """One row per compared province: meetings, articles and each delegation number summed over years."""
    numbers = filtered_totals(corpus, f, scheme)
    summary = []
    for name in names:
        own = arts[arts[col] == name]
        nums = numbers[numbers["province"] == name]
        row = {"province": name, "meetings": count(own, "meetings"), "articles": len(own)}
        for field in COUNT_FIELDS:
            row[field] = reported_total(nums, field)  # None ("—") when the province reports none
        summary.append(row)
    return pd.DataFrame(summary).astype({field: "Int64" for field in COUNT_FIELDS})
