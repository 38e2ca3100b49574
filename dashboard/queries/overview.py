"""The Overview's figures: key counts over the filters and the latest meetings."""
from __future__ import annotations

import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .counting import count
from .delegations import period_numbers, period_totals
from .filtering import filter_articles

MEETING_TABLE_COLUMNS = ["date", "province", "level", "meeting_type", "title", "articles", "doc_id", "meeting_key"]


def key_figures(corpus: Corpus, f: Filters) -> dict:
    arts = filter_articles(corpus, f)
    totals = period_totals(period_numbers(corpus, f), "Y")
    return {
        "articles": len(arts),
        "meetings": count(arts, "meetings"),
        "provinces": int(arts["province"].nunique()),
        "first": arts["date"].min() if len(arts) else None,
        "last": arts["date"].max() if len(arts) else None,
        "delegations_in": int(totals.loc[totals["field"] == "delegations_in", "value"].sum()),
        "delegations_out": int(totals.loc[totals["field"] == "delegations_out", "value"].sum()),
    }


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
