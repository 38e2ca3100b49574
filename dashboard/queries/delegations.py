"""Delegations received and sent (and their visitors), per province and per reporting period.

A number belongs to the period it reports; within one province and period the largest report
wins (re-posts and recaps are not added up), and a year total is not added to its own halves.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from loaders import gazetteer as geo
from loaders.schema import COUNT_FIELDS, Corpus

from ..filters import Filters
from .counting import is_in, map_distinct, positions_in, rank
from .filtering import article_mask, filter_articles, filter_key
from .periods import (
    PERIOD_LEVEL,
    all_periods,
    period_bounds,
    period_bucket,
    period_level,
    period_sort_key,
    span_kind,
)
from .prepared import prepared_of, remembered_frame

PERIOD_LISTS = pd.ArrowDtype(pa.list_(pa.string()))
PERIOD_NUMBER_COLUMNS = ["province", "period", "period_inferred", "field", "value", "approx", "doc_id", "sentence"]
PERIOD_TOTAL_COLUMNS = ["province", "bucket", "field", "value", "period_inferred", "periods", "span"]
EVIDENCE_COLUMNS = ["doc_id", "province", "period", "date", "field", "value", "approx", "sentence", "title", "url"]


def province_column(scheme: str) -> str:
    """The articles column naming provinces in ``scheme``: the 63 before 1 July 2025 or the 34 after."""
    return "province" if scheme == "63" else "province_2025"


def scheme_size(scheme: str) -> int:
    """How many provinces the scheme has: 63 before 1 July 2025, 34 after."""
    return len(geo.provinces() if scheme == "63" else geo.provinces_2025())


def period_numbers(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Delegation/visitor numbers with the period they report, one per (province, period, field).

    A number belongs to the period it reports (``period``); only when the article gives no
    period does the year of its date stand in (``period_inferred``). The same province and
    period reported by several articles (re-posts, a later recap) keeps the largest value,
    so nothing is counted twice. A number whose period lies wholly outside the dates shown (the
    filter's, else the articles' first and last) is left out: a total for 2023 never holds the
    2022 figure a January 2023 tổng kết reports (``periods_outside`` lists them).
    """
    key = ("period_numbers", filter_key(f), scheme)  # asked for several times a rerun (figures, trend, tables)
    return remembered_frame(corpus, key, lambda: _period_numbers(corpus, f, scheme))


def _period_numbers(corpus: Corpus, f: Filters, scheme: str) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    nums = corpus.numbers[corpus.numbers["field"].isin(COUNT_FIELDS) & is_in(corpus.numbers["doc_id"], arts["doc_id"])]
    if nums.empty:
        return pd.DataFrame(columns=PERIOD_NUMBER_COLUMNS)
    col = province_column(scheme)
    info = arts.set_index("doc_id")[[col, "period", "date", "meeting_key"]].rename(columns={col: "province"})
    table = nums.join(info, on="doc_id")
    year = table["date"].dt.year.astype("Int64").astype("string")
    table["period_inferred"] = table["period"].isna() & year.notna()
    table["period"] = table["period"].fillna(year)
    first, last = shown_window(arts, f)
    table = table[map_distinct(table["period"], lambda p: _in_window(p, first, last)).astype(bool)]
    # without a province, a meeting stands for itself so unrelated numbers never merge
    owner = table["province"].fillna("meeting:" + table["meeting_key"])
    table = table.assign(_owner=owner).sort_values(["value", "doc_id"], ascending=[False, True], kind="mergesort")
    table = table.drop_duplicates(["_owner", "period", "field"])
    return table[PERIOD_NUMBER_COLUMNS].reset_index(drop=True)


def shown_window(arts: pd.DataFrame, f: Filters) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The dates the view shows: the filter's, else the whole years of its articles' first and last
    date (the Overview shows the span as "Từ 2015 – Đến 2025": a review of 2015's first half held
    in July 2015 belongs to it, a 2014 total reported in January 2015 does not)."""
    dates = arts["date"].dropna()
    first = pd.Timestamp(f.date_from) if f.date_from else (
        pd.Timestamp(year=dates.min().year, month=1, day=1) if len(dates) else None)
    last = pd.Timestamp(f.date_to) if f.date_to else (
        pd.Timestamp(year=dates.max().year, month=12, day=31) if len(dates) else None)
    return first, last


def _in_window(period, first, last) -> bool:
    """Does ``period`` overlap [first, last]? A figure for 2014 reported in January 2015 lies
    outside a view that starts in 2015: no total of that view may hold it."""
    bounds = period_bounds(period)
    if bounds is None:
        return False
    start, end = bounds
    if first is not None and end <= first.normalize():
        return False
    return not (last is not None and start > last)


def periods_outside(corpus: Corpus, f: Filters) -> list[str]:
    """Reporting periods some number of the view's articles gives that lie outside its dates
    (left out of every total; the page says which)."""
    arts = filter_articles(corpus, f)
    nums = corpus.numbers[corpus.numbers["field"].isin(COUNT_FIELDS) & is_in(corpus.numbers["doc_id"], arts["doc_id"])]
    periods = arts.set_index("doc_id")["period"].reindex(nums["doc_id"]).dropna().unique()
    first, last = shown_window(arts, f)
    return sorted({p for p in periods if not _in_window(p, first, last)}, key=period_sort_key)


def period_totals(nums: pd.DataFrame, granularity: str = "Y") -> pd.DataFrame:
    """Numbers summed per (owner, bucket, field) without counting a period twice.

    Within one bucket a province may report a whole year and its halves (tổng kết and sơ kết):
    the year total already holds the halves, so only the coarsest period present is summed; of
    running totals ("9 tháng", "11 tháng") only the longest is kept. Periods coarser than the
    bucket (a year at half-year level) are left out: see ``undivided_periods``. ``span`` says how
    the summed periods cover the bucket (``periods.span_kind``), ``periods`` lists them.
    """
    if nums.empty:
        return pd.DataFrame(columns=PERIOD_TOTAL_COLUMNS)
    table = nums.assign(bucket=map_distinct(nums["period"], lambda p: period_bucket(p, granularity)),
                        level=map_distinct(nums["period"], period_level),
                        owner=nums["province"].astype("object").where(nums["province"].notna(),
                                                                      "doc:" + nums["doc_id"].astype(str)))
    table = table[table["bucket"].notna()]
    if table.empty:
        return pd.DataFrame(columns=PERIOD_TOTAL_COLUMNS)
    coarsest = table.groupby(["owner", "bucket", "field"])["level"].transform("min")
    table = table[table["level"] == coarsest]
    running = table["level"] == PERIOD_LEVEL["M"]
    longest = table[running].sort_values("period", key=lambda s: map_distinct(s, period_sort_key), kind="mergesort") \
        .drop_duplicates(["owner", "bucket", "field"], keep="last")
    table = pd.concat([table[~running], longest])
    keys = ["owner", "bucket", "field"]
    out = table.groupby(keys, as_index=False).agg(
        province=("province", "first"), value=("value", "sum"), period_inferred=("period_inferred", "any"))
    # the dtype pandas gave the per-group lists when a Python function built them
    out["periods"] = pd.Series(_periods_per_group(table, keys), index=out.index, dtype=PERIOD_LISTS)
    out["span"] = [span_kind(p, b) for p, b in zip(out["periods"], out["bucket"], strict=False)]
    return out[PERIOD_TOTAL_COLUMNS]


def filtered_totals(corpus: Corpus, f: Filters, scheme: str = "63", granularity: str = "Y") -> pd.DataFrame:
    """``period_totals(period_numbers(corpus, f, scheme), granularity)``, summed once per set of
    filters: a Delegations rerun asks for the same totals four times, the Overview twice."""
    key = ("period_totals", filter_key(f), scheme, granularity)
    return remembered_frame(corpus, key, lambda: period_totals(period_numbers(corpus, f, scheme), granularity))


def _periods_per_group(table: pd.DataFrame, keys: list[str]) -> list[list[str]]:
    """Per group of ``keys``, in groupby's (sorted) order: its distinct periods in calendar order.
    One sort of the rows instead of a Python sort per group (thousands of groups at 100k articles)."""
    order = {p: i for i, p in enumerate(sorted(set(table["period"]), key=period_sort_key))}
    rows = table[[*keys, "period"]].drop_duplicates()
    rows = rows.assign(_group=rows.groupby(keys).ngroup(), _order=rows["period"].map(order))
    rows = rows.sort_values(["_group", "_order"], kind="mergesort")
    lists: list[list[str]] = [[] for _ in range(int(rows["_group"].max()) + 1)] if len(rows) else []
    for group, period in zip(rows["_group"], rows["period"], strict=True):
        lists[group].append(period)
    return lists


def delegations_by_province(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Per province, numbers summed over years (a year total and its halves count once); a field
    no article of the province reports is NA ("—"), never 0. ``periods``: the periods summed."""
    totals = filtered_totals(corpus, f, scheme, "Y")
    totals = totals[totals["province"].notna()]
    if totals.empty:
        return pd.DataFrame(columns=["province", *COUNT_FIELDS, "periods"])
    table = totals.pivot_table(index="province", columns="field", values="value", aggfunc="sum")
    table = table.reindex(columns=COUNT_FIELDS).astype("Int64").rename_axis(columns=None)
    table["periods"] = totals.groupby("province")["periods"].agg(
        lambda lists: sorted({p for ps in lists for p in ps}, key=period_sort_key))
    table = table.reset_index()
    table["total"] = table["delegations_in"].fillna(0) + table["delegations_out"].fillna(0)
    return rank(table, "total", "province").drop(columns="total")


DELEGATION_FIELDS = ("delegations_in", "delegations_out")
VISITOR_FIELDS = ("visitors_in", "visitors_out")


def delegations_by_period(corpus: Corpus, f: Filters, granularity: str = "Y", scheme: str = "63",
                          fields: tuple[str, ...] = DELEGATION_FIELDS) -> pd.DataFrame:
    """Numbers per year or half-year (``granularity`` 'Y' or 'H'), every bucket in between shown.

    A field nobody reported in a bucket is NA ("—"), not 0. Per bucket: ``period_inferred`` (some
    number had no stated period: its date's year stood in), ``span`` ("full"; "parts": some
    province's figure is built from shorter periods, e.g. a year from its halves; "partial":
    some province reported only part of it, e.g. the first six months), ``partial_periods`` (the
    shorter periods that stand in), ``provinces`` (how many reported a figure) of ``of`` (63 or 34);
    these four describe the ``fields`` (delegations by default, or visitors) that a chart draws.
    """
    columns = ["period", *COUNT_FIELDS, "period_inferred", "span", "partial_periods", "provinces", "of"]
    totals = filtered_totals(corpus, f, scheme, granularity)
    if totals.empty:
        return pd.DataFrame(columns=columns)
    table = totals.pivot_table(index="bucket", columns="field", values="value", aggfunc="sum")
    table = table.reindex(columns=COUNT_FIELDS).astype("Int64")
    described = totals[totals["field"].isin(fields)]
    grouped = described.groupby("bucket")
    table["period_inferred"] = grouped["period_inferred"].any()
    table["span"] = grouped["span"].agg(lambda s: "partial" if "partial" in set(s) else
                                        "parts" if "parts" in set(s) else "full")
    table["partial_periods"] = pd.Series({b: _shorter_periods(g) for b, g in grouped}, dtype=object)
    table["provinces"] = grouped["province"].nunique()
    table = table.reindex(all_periods(table.index.tolist(), granularity))
    table["period_inferred"] = table["period_inferred"].astype("boolean").fillna(False).astype(bool)
    table["span"] = table["span"].fillna("none")
    table["partial_periods"] = [v if isinstance(v, list) else [] for v in table["partial_periods"]]
    table["provinces"] = table["provinces"].fillna(0).astype(int)
    table["of"] = scheme_size(scheme)
    return table.rename_axis(index="period", columns=None).reset_index()[columns]


def _shorter_periods(group: pd.DataFrame) -> list[str]:
    """The periods shorter than their bucket that a bucket's figures were summed from."""
    shorter = {p for ps, span in zip(group["periods"], group["span"], strict=False) if span != "full" for p in ps}
    return sorted(shorter, key=period_sort_key)


def visitors_by_period(corpus: Corpus, f: Filters, granularity: str = "Y") -> pd.DataFrame:
    """``delegations_by_period`` described for the visitor fields; empty when nobody counted a visitor."""
    table = delegations_by_period(corpus, f, granularity, fields=VISITOR_FIELDS)
    visitors = table.drop(columns=list(DELEGATION_FIELDS))
    return visitors if visitors[list(VISITOR_FIELDS)].notna().to_numpy().any() else visitors.iloc[0:0]


def reported_total(totals: pd.DataFrame, field: str) -> int | None:
    """The sum of ``field`` over ``period_totals``; None when no article reports it ("—", not 0)."""
    values = totals.loc[totals["field"] == field, "value"]
    return int(values.sum()) if len(values) else None


def undivided_periods(corpus: Corpus, f: Filters, granularity: str) -> list[str]:
    """Periods whose numbers cannot be shown at ``granularity`` (whole years at half-year level), sorted."""
    nums = period_numbers(corpus, f)
    if nums.empty or granularity == "Y":
        return []
    periods = {p for p in nums["period"].dropna().unique() if period_bucket(p, granularity) is None}
    return sorted(periods, key=period_sort_key)


def number_evidence(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Every extracted number of the filtered articles with the sentence it stands on, newest first
    (then doc_id, field). Cut from the whole corpus's table, joined and sorted once: a stable sort
    keeps the order of any subset of its rows."""
    table, rows = all_number_evidence(corpus)
    picked = article_mask(corpus, f)[rows]
    if not picked.any():
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    return table[picked].reset_index(drop=True)


def all_number_evidence(corpus: Corpus) -> tuple[pd.DataFrame, np.ndarray]:
    """``number_evidence`` of every article and each row's article row (once per prepared corpus,
    ``data.py`` on load)."""
    p = prepared_of(corpus)

    def build() -> tuple[pd.DataFrame, np.ndarray]:
        nums = corpus.numbers
        rows = positions_in(pd.Index(p.frame["doc_id"]), nums["doc_id"])
        info = p.frame.set_index("doc_id")[["province", "period", "date", "title", "url"]]
        table = nums[rows >= 0].join(info, on="doc_id").assign(_row=rows[rows >= 0])
        table = table.sort_values(["date", "doc_id", "field"], ascending=[False, True, True], na_position="last",
                                  kind="mergesort")
        return table[EVIDENCE_COLUMNS].reset_index(drop=True), table["_row"].to_numpy()
    return p.once("number_evidence", build)
