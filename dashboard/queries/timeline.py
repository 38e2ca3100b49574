"""Meetings over time: counts per calendar bucket and meeting type, and the meetings behind a bar."""
from __future__ import annotations

import pandas as pd

from loaders.schema import MEETING_TYPES, Corpus

from ..filters import Filters
from .counting import grouped_count
from .filtering import dated_articles
from .overview import meetings_table
from .periods import all_buckets, bucket_of


def _typed(arts: pd.DataFrame) -> pd.Series:
    """Meeting type codes with "none" for articles whose type is unknown (a bar segment of its own)."""
    return arts["meeting_type"].astype("string").fillna("none")


def over_time(corpus: Corpus, f: Filters, freq: str) -> pd.DataFrame:
    """Counts per bucket and meeting type, gaps filled with zeros; ``share`` within each bucket."""
    arts = dated_articles(corpus, f)
    if arts.empty:
        return pd.DataFrame(columns=["bucket", "meeting_type", "count", "share"])
    arts = arts.assign(bucket=bucket_of(arts["date"], freq), meeting_type=_typed(arts))
    counts = grouped_count(arts, ["bucket", "meeting_type"], f.unit)
    types = [t for t in [*MEETING_TYPES, "none"] if t in set(counts["meeting_type"])]
    grid = pd.MultiIndex.from_product([all_buckets(arts["date"].min(), arts["date"].max(), freq), types],
                                      names=["bucket", "meeting_type"])
    table = counts.set_index(["bucket", "meeting_type"]).reindex(grid, fill_value=0).reset_index()
    totals = table.groupby("bucket")["count"].transform("sum")
    table["share"] = (table["count"] / totals.where(totals > 0)).fillna(0.0)
    return table


def articles_vs_meetings(corpus: Corpus, f: Filters, freq: str) -> pd.DataFrame:
    arts = dated_articles(corpus, f)
    if arts.empty:
        return pd.DataFrame(columns=["bucket", "articles", "meetings"])
    arts = arts.assign(bucket=bucket_of(arts["date"], freq))
    table = pd.concat([grouped_count(arts, ["bucket"], "articles", "articles").set_index("bucket"),
                       grouped_count(arts, ["bucket"], "meetings", "meetings").set_index("bucket")], axis=1)
    table = table.reindex(all_buckets(arts["date"].min(), arts["date"].max(), freq), fill_value=0)
    return table.rename_axis("bucket").reset_index()


def month_profile(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Counts by calendar month (all years together): shows the half-year reporting rhythm."""
    arts = dated_articles(corpus, f)
    arts = arts.assign(month=arts["date"].dt.month.astype(int))
    counts = grouped_count(arts, ["month"], f.unit).set_index("month")["count"] if len(arts) else pd.Series(dtype=int)
    table = counts.reindex(range(1, 13), fill_value=0).rename_axis("month").rename("count").reset_index()
    table["half"] = table["month"].map(lambda m: "H1" if m <= 6 else "H2")
    return table


def meetings_in_bucket(corpus: Corpus, f: Filters, freq: str, bucket: str,
                       meeting_type: str | None = None) -> pd.DataFrame:
    """The meetings behind one bar (and one stacked segment when ``meeting_type`` is given)."""
    arts = dated_articles(corpus, f)
    arts = arts[bucket_of(arts["date"], freq) == bucket]
    if meeting_type:
        arts = arts[_typed(arts) == meeting_type]
    return meetings_table(arts)
