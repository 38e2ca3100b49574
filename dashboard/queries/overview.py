"""The Overview's figures: key counts over the filters, their yearly trend, the latest meetings.

Delegation figures say what they are: None when no article of the view reports one ("—", not
0), with the reporting periods they cover and how many provinces gave a figure.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .counting import count, counted_dates
from .delegations import filtered_totals, reported_total, scheme_size
from .filtering import filter_articles
from .periods import period_sort_key

MEETING_TABLE_COLUMNS = ["date", "province", "level", "meeting_type", "title", "articles", "doc_id", "meeting_key"]
TREND_FIELDS = ("meetings", "articles", "delegations_in", "delegations_out")
# the last year of the data counts as complete when it reaches this day of December
YEAR_COMPLETE_DAY = 20


def key_figures(corpus: Corpus, f: Filters) -> dict:
    """Counts of the view; delegations are None when nothing is reported; ``periods`` the first and
    last reporting period the delegation totals cover, ``reporting`` how many provinces gave one."""
    arts = filter_articles(corpus, f)
    totals = filtered_totals(corpus, f)
    periods = sorted({p for ps in totals["periods"] for p in ps}, key=period_sort_key) if len(totals) else []
    return {
        "articles": len(arts),
        "meetings": count(arts, "meetings"),
        "provinces": int(arts["province"].nunique()),
        "first": arts["date"].min() if len(arts) else None,
        "last": arts["date"].max() if len(arts) else None,
        "undated": count(arts[arts["date"].isna()], f.unit),
        "delegations_in": reported_total(totals, "delegations_in"),
        "delegations_out": reported_total(totals, "delegations_out"),
        "periods": (periods[0], periods[-1]) if periods else None,
        "reporting": int(totals["province"].nunique()) if len(totals) else 0,
        "of": scheme_size("63"),
    }


def yearly_trend(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Per calendar year in the view: meetings, articles (each at its date) and the delegation totals
    of that year's reporting periods (NA where none is reported). One row per year, none missing."""
    arts = filter_articles(corpus, f)
    years = pd.DataFrame({unit: counted_dates(arts, unit).dt.year for unit in ("meetings", "articles")})
    known = years.stack().dropna().astype(int)
    if known.empty:
        return pd.DataFrame(columns=["year", *TREND_FIELDS])
    table = pd.DataFrame(index=pd.RangeIndex(known.min(), known.max() + 1, name="year"))
    table["meetings"] = arts.assign(y=years["meetings"]).groupby("y")["meeting_key"].nunique()
    table["articles"] = years["articles"].value_counts()
    table[["meetings", "articles"]] = table[["meetings", "articles"]].fillna(0).astype(int)
    totals = filtered_totals(corpus, f)
    for field in ("delegations_in", "delegations_out"):
        per_year = totals[totals["field"] == field].groupby("bucket")["value"].sum()
        per_year.index = per_year.index.astype(int)
        table[field] = per_year.reindex(table.index).astype("Int64")
    return table.reset_index()


def comparison_windows(corpus: Corpus, f: Filters) -> tuple[Filters, Filters] | None:
    """(current, previous) filters for the change shown beside each key figure.

    With a date filter the previous window is the one of the same length just before it; without
    one, the last complete year of the data against the year before. None when there is no year
    before in the data."""
    dates = counted_dates(filter_articles(corpus, f), "articles").dropna()
    if dates.empty:
        return None
    if f.date_from and f.date_to:
        length = f.date_to - f.date_from
        previous = replace(f, date_from=f.date_from - length - timedelta(days=1),
                           date_to=f.date_from - timedelta(days=1))
        return f, previous
    last = dates.max()
    year = last.year if (last.month, last.day) >= (12, YEAR_COMPLETE_DAY) else last.year - 1
    if year - 1 < dates.min().year:
        return None
    window = lambda y: replace(f, date_from=date(y, 1, 1), date_to=date(y, 12, 31))  # noqa: E731
    return window(year), window(year - 1)


def meetings_table(arts: pd.DataFrame) -> pd.DataFrame:
    """One row per meeting (its earliest-dated article stands for it), newest first."""
    if arts.empty:
        return pd.DataFrame(columns=MEETING_TABLE_COLUMNS)
    n = arts.groupby("meeting_key").size().rename("articles")
    first = arts.sort_values(["date", "doc_id"], na_position="last").drop_duplicates("meeting_key")
    table = first.join(n, on="meeting_key")
    table = table.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    return table[MEETING_TABLE_COLUMNS].reset_index(drop=True)


def latest_meetings(corpus: Corpus, f: Filters, n: int) -> pd.DataFrame:
    return meetings_table(filter_articles(corpus, f)).head(n)


def meeting_count(corpus: Corpus, f: Filters) -> int:
    """How many meetings the filters hold (for a "top N of M" note under a cut list)."""
    return count(filter_articles(corpus, f), "meetings")
