"""Themes: theme shares and trends, province × theme. (Terms are queries/terms.py, keyword in
context queries/kwic.py.)"""
from __future__ import annotations

import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .counting import count, explode_themes, grouped_count, rank, top_rows
from .filtering import dated_articles, filter_articles
from .periods import bucket_of


def theme_shares(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Each theme's count and its share of all filtered meetings/articles."""
    arts = filter_articles(corpus, f)
    total = count(arts, f.unit)
    table = grouped_count(explode_themes(arts, ["meeting_key"]), ["theme"], f.unit)
    table["share"] = table["count"] / total if total else 0.0
    return rank(table, "count", "theme")


def theme_trend(corpus: Corpus, f: Filters, freq: str = "Y") -> pd.DataFrame:
    arts = dated_articles(corpus, f)
    exploded = explode_themes(arts.assign(bucket=bucket_of(arts["date"], freq)), ["bucket", "meeting_key"])
    table = grouped_count(exploded, ["bucket", "theme"], f.unit)
    return table.sort_values(["bucket", "theme"]).reset_index(drop=True)


def province_theme(corpus: Corpus, f: Filters, max_rows: int = 30) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts[arts["province"].notna()]
    table = grouped_count(explode_themes(arts, ["province", "meeting_key"]), ["province", "theme"], f.unit)
    if table.empty:
        return table
    return top_rows(table, "province", max_rows)
