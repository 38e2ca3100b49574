"""Meetings over time: counts per calendar bucket and meeting type, and the meetings behind a bar.

Undated items are not dropped: they form the last bucket (``periods.UNDATED``), so the bars add
up to the page's headline count. A first or last bucket the shown range covers only in part is
reported by ``time_axis`` so charts mark it instead of drawing a collapse.
"""
from __future__ import annotations

import pandas as pd

from loaders.schema import MEETING_TYPES, Corpus

from ..filters import Filters
from .counting import count, counted_dates, grouped_count
from .filtering import filter_articles, filter_key
from .overview import meetings_table
from .periods import UNDATED, axis_buckets, bucket_of, partial_buckets
from .prepared import remembered_frame


def _typed(arts: pd.DataFrame) -> pd.Series:
    """Meeting type codes with "none" for articles whose type is unknown (a bar segment of its own)."""
    return arts["meeting_type"].astype("string").fillna("none")


def _bucketed(corpus: Corpus, f: Filters, freq: str, unit: str) -> pd.DataFrame:
    """The filtered articles with ``bucket``: where each one is counted on a ``freq`` axis."""
    arts = filter_articles(corpus, f)
    return arts.assign(bucket=bucket_of(_counted_dates(corpus, f, unit), freq))


def _counted_dates(corpus: Corpus, f: Filters, unit: str) -> pd.Series:
    """``counted_dates`` of the filtered articles, once per set of filters and unit: a Time rerun
    asks for it seven times (every chart and the axis), a groupby over 100k meeting keys each."""
    return remembered_frame(corpus, ("counted_dates", filter_key(f), unit),
                            lambda: counted_dates(filter_articles(corpus, f), unit))


def time_axis(corpus: Corpus, f: Filters, freq: str) -> dict:
    """What a time chart of the filters needs: ``buckets`` (every one in range, ``UNDATED`` last when
    some item has no date), ``partial`` (bucket -> ("from"|"to", date)) and ``undated`` (the count)."""
    arts = filter_articles(corpus, f)
    dates = _counted_dates(corpus, f, f.unit)
    first = f.date_from or (dates.min() if dates.notna().any() else None)
    last = f.date_to or (dates.max() if dates.notna().any() else None)
    buckets = axis_buckets(dates, freq, first, last) if len(arts) else []
    return {"buckets": buckets, "partial": partial_buckets(buckets, freq, first, last),
            "undated": count(arts[dates.isna()], f.unit)}


def over_time(corpus: Corpus, f: Filters, freq: str) -> pd.DataFrame:
    """Counts per bucket and meeting type, gaps filled with zeros; ``share`` within each bucket."""
    arts = _bucketed(corpus, f, freq, f.unit)
    if arts.empty:
        return pd.DataFrame(columns=["bucket", "meeting_type", "count", "share"])
    arts = arts.assign(meeting_type=_typed(arts))
    counts = grouped_count(arts, ["bucket", "meeting_type"], f.unit)
    types = [t for t in [*MEETING_TYPES, "none"] if t in set(counts["meeting_type"])]
    grid = pd.MultiIndex.from_product([time_axis(corpus, f, freq)["buckets"], types],
                                      names=["bucket", "meeting_type"])
    table = counts.set_index(["bucket", "meeting_type"]).reindex(grid, fill_value=0).reset_index()
    totals = table.groupby("bucket")["count"].transform("sum")
    table["share"] = (table["count"] / totals.where(totals > 0)).fillna(0.0)
    return table


def articles_vs_meetings(corpus: Corpus, f: Filters, freq: str) -> pd.DataFrame:
    """Articles and meetings per bucket (each counted at its own date, meetings at their first)."""
    buckets = time_axis(corpus, f, freq)["buckets"]
    if not buckets:
        return pd.DataFrame(columns=["bucket", "articles", "meetings"])
    table = pd.concat([grouped_count(_bucketed(corpus, f, freq, unit), ["bucket"], unit, unit).set_index("bucket")
                       for unit in ("articles", "meetings")], axis=1)
    return table.reindex(buckets, fill_value=0).fillna(0).astype(int).rename_axis("bucket").reset_index()


def month_profile(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Counts by calendar month (all years together), the undated as month 0: the reporting rhythm."""
    arts = filter_articles(corpus, f)
    months = _counted_dates(corpus, f, f.unit).dt.month.astype("Int64").fillna(0).astype(int)
    counts = grouped_count(arts.assign(month=months), ["month"], f.unit).set_index("month")["count"] \
        if len(arts) else pd.Series(dtype=int)
    index = list(range(1, 13)) + ([0] if 0 in counts.index else [])
    table = counts.reindex(index, fill_value=0).rename_axis("month").rename("count").reset_index()
    table["half"] = table["month"].map(lambda m: UNDATED if m == 0 else "H1" if m <= 6 else "H2")
    return table


def month_hint(profile: pd.DataFrame) -> dict | None:
    """What the month profile shows, read off the data: the two busiest months and their share of
    all dated items, and the share of the first half-year. None when nothing is dated."""
    dated = profile[profile["month"] > 0]
    total = int(dated["count"].sum())
    if total == 0:
        return None
    top = dated.sort_values(["count", "month"], ascending=[False, True], kind="mergesort").head(2)
    return {"months": [int(m) for m in top["month"]], "share": float(top["count"].sum() / total),
            "h1_share": float(dated.loc[dated["month"] <= 6, "count"].sum() / total), "total": total}


def meetings_in_bucket(corpus: Corpus, f: Filters, freq: str, bucket: str,
                       meeting_type: str | None = None) -> pd.DataFrame:
    """The meetings behind one bar (and one stacked segment when ``meeting_type`` is given)."""
    arts = _bucketed(corpus, f, freq, f.unit)
    arts = arts[arts["bucket"] == bucket]
    if meeting_type:
        arts = arts[_typed(arts) == meeting_type]
    return meetings_table(arts.drop(columns="bucket"))


__all__ = ["UNDATED", "articles_vs_meetings", "meetings_in_bucket", "month_hint", "month_profile", "over_time",
           "time_axis"]
