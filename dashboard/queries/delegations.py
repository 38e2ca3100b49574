"""Delegations received and sent (and their visitors), per province and per reporting period.

A number belongs to the period it reports; within one province and period the largest report
wins (re-posts and recaps are not added up), and a year total is not added to its own halves.
"""
from __future__ import annotations

import pandas as pd

from loaders.schema import COUNT_FIELDS, Corpus

from ..filters import Filters
from .counting import rank
from .filtering import filter_articles
from .periods import all_periods, period_bucket, period_level, period_sort_key

PERIOD_NUMBER_COLUMNS = ["province", "period", "period_inferred", "field", "value", "approx", "doc_id", "sentence"]
PERIOD_TOTAL_COLUMNS = ["province", "bucket", "field", "value", "period_inferred"]
EVIDENCE_COLUMNS = ["doc_id", "province", "period", "date", "field", "value", "approx", "sentence", "title"]


def province_column(scheme: str) -> str:
    """The articles column naming provinces in ``scheme``: the 63 before 1 July 2025 or the 34 after."""
    return "province" if scheme == "63" else "province_2025"


def period_numbers(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Delegation/visitor numbers with the period they report, one per (province, period, field).

    A number belongs to the period it reports (``period``); only when the article gives no
    period does the year of its date stand in (``period_inferred``). The same province and
    period reported by several articles (re-posts, a later recap) keeps the largest value,
    so nothing is counted twice.
    """
    arts = filter_articles(corpus, f)
    nums = corpus.numbers[corpus.numbers["field"].isin(COUNT_FIELDS) & corpus.numbers["doc_id"].isin(arts["doc_id"])]
    if nums.empty:
        return pd.DataFrame(columns=PERIOD_NUMBER_COLUMNS)
    col = province_column(scheme)
    info = arts.set_index("doc_id")[[col, "period", "date", "meeting_key"]].rename(columns={col: "province"})
    table = nums.join(info, on="doc_id")
    year = table["date"].dt.year.astype("Int64").astype("string")
    table["period_inferred"] = table["period"].isna() & year.notna()
    table["period"] = table["period"].fillna(year)
    # without a province, a meeting stands for itself so unrelated numbers never merge
    owner = table["province"].fillna("meeting:" + table["meeting_key"])
    table = table.assign(_owner=owner).sort_values(["value", "doc_id"], ascending=[False, True], kind="mergesort")
    table = table.drop_duplicates(["_owner", "period", "field"])
    return table[PERIOD_NUMBER_COLUMNS].reset_index(drop=True)


def period_totals(nums: pd.DataFrame, granularity: str = "Y") -> pd.DataFrame:
    """Numbers summed per (owner, bucket, field) without counting a period twice.

    Within one bucket a province may report a whole year and its halves (tổng kết and sơ kết):
    the year total already holds the halves, so only the coarsest period present is summed.
    Periods coarser than the bucket (a year at half-year level) are left out: see
    ``undivided_periods``. Columns: province, bucket, field, value, period_inferred.
    """
    if nums.empty:
        return pd.DataFrame(columns=PERIOD_TOTAL_COLUMNS)
    table = nums.assign(bucket=nums["period"].map(lambda p: period_bucket(p, granularity)),
                        level=nums["period"].map(period_level),
                        owner=nums["province"].astype("object").where(nums["province"].notna(),
                                                                      "doc:" + nums["doc_id"].astype(str)))
    table = table[table["bucket"].notna()]
    if table.empty:
        return pd.DataFrame(columns=PERIOD_TOTAL_COLUMNS)
    coarsest = table.groupby(["owner", "bucket", "field"])["level"].transform("min")
    table = table[table["level"] == coarsest]
    out = table.groupby(["owner", "bucket", "field"], as_index=False).agg(
        province=("province", "first"), value=("value", "sum"), period_inferred=("period_inferred", "any"))
    return out[PERIOD_TOTAL_COLUMNS]


def delegations_by_province(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Per province, numbers summed over years (a year total and its halves count once)."""
    totals = period_totals(period_numbers(corpus, f, scheme), "Y")
    totals = totals[totals["province"].notna()]
    if totals.empty:
        return pd.DataFrame(columns=["province", *COUNT_FIELDS])
    table = totals.pivot_table(index="province", columns="field", values="value", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=COUNT_FIELDS, fill_value=0).astype(int).rename_axis(columns=None).reset_index()
    table["total"] = table["delegations_in"] + table["delegations_out"]
    return rank(table, "total", "province").drop(columns="total")


def delegations_by_period(corpus: Corpus, f: Filters, granularity: str = "Y") -> pd.DataFrame:
    """Numbers per year or half-year (``granularity`` 'Y' or 'H'), every bucket in between shown.

    ``period_inferred``: some number in the bucket had no stated period (its date's year stood in)."""
    columns = ["period", "period_inferred", *COUNT_FIELDS]
    totals = period_totals(period_numbers(corpus, f), granularity)
    if totals.empty:
        return pd.DataFrame(columns=columns)
    table = totals.pivot_table(index="bucket", columns="field", values="value", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=COUNT_FIELDS, fill_value=0).astype(int)
    table["period_inferred"] = totals.groupby("bucket")["period_inferred"].any().reindex(table.index).astype(bool)
    table = table.reindex(all_periods(table.index.tolist(), granularity))
    table[list(COUNT_FIELDS)] = table[list(COUNT_FIELDS)].fillna(0).astype(int)
    table["period_inferred"] = table["period_inferred"].fillna(False).astype(bool)
    return table.rename_axis(index="period", columns=None).reset_index()[columns]


def visitors_by_period(periods: pd.DataFrame) -> pd.DataFrame:
    """The visitor columns of ``delegations_by_period``; empty when no period counted a visitor."""
    visitors = periods[["period", "visitors_in", "visitors_out"]]
    return visitors if visitors[["visitors_in", "visitors_out"]].to_numpy().any() else visitors.iloc[0:0]


def undivided_periods(corpus: Corpus, f: Filters, granularity: str) -> list[str]:
    """Periods whose numbers cannot be shown at ``granularity`` (whole years at half-year level), sorted."""
    nums = period_numbers(corpus, f)
    if nums.empty or granularity == "Y":
        return []
    periods = {p for p in nums["period"].dropna().unique() if period_bucket(p, granularity) is None}
    return sorted(periods, key=period_sort_key)


def number_evidence(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Every extracted number of the filtered articles with the sentence it stands on."""
    arts = filter_articles(corpus, f)
    nums = corpus.numbers[corpus.numbers["doc_id"].isin(arts["doc_id"])]
    if nums.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    info = arts.set_index("doc_id")[["province", "period", "date", "title"]]
    table = nums.join(info, on="doc_id")
    table = table.sort_values(["date", "doc_id", "field"], ascending=[False, True, True], na_position="last",
                              kind="mergesort")
    return table[EVIDENCE_COLUMNS].reset_index(drop=True)
