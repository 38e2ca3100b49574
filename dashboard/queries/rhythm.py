"""The reporting rhythm: for each province and half-year, was a sơ kết or a tổng kết reported?

A review belongs to the half-year it reviews: its reporting period when the article names one
(a half -> that half; a year, as a tổng kết reviews it -> the second half; a quarter or "9
months" -> the half it ends in); otherwise the half-year that ended last by the meeting's date
(a review is held at the end of the half or just after: June-November -> the first half of that
year, December -> its second half, January-May -> the second half of the year before).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .collation import sort_frame
from .delegations import province_column
from .filtering import filter_articles
from .overview import meetings_table
from .periods import all_periods, period_months, period_parts

REVIEW_TYPES = ("so_ket", "tong_ket")
# cell codes of the matrix: what was reported in that half-year
CELL_NONE, CELL_SO_KET, CELL_TONG_KET, CELL_BOTH = 0, 1, 2, 3
CELL_COLUMNS = ["province", "half", "state", "meetings", "doc_id", "date", "title"]


def reviewed_half(period, day) -> str | None:
    """The half-year ('2022H1') a review of ``period`` held on ``day`` reports on."""
    parts = period_parts(period) if isinstance(period, str) and period else None
    if parts is not None:
        year, kind, _ = parts
        last_month = max(period_months(period)) if kind != "Y" else 12
        return f"{year}H{1 if last_month <= 6 else 2}"
    if day is None or pd.isna(day):
        return None
    if 6 <= day.month <= 11:
        return f"{day.year}H1"
    return f"{day.year}H2" if day.month == 12 else f"{day.year - 1}H2"


def halves_of(periods: pd.Series, months: pd.Series) -> pd.Series:
    """``reviewed_half`` of each (period, month) row, called once per distinct pair (a few hundred
    among tens of thousands of reviews): the pairs are told apart by their codes, not as tuples."""
    period_codes, period_values = pd.factorize(periods)
    month_codes, month_values = pd.factorize(months)
    codes, pairs = pd.factorize((period_codes + 1) * (len(month_values) + 1) + (month_codes + 1))
    distinct = pd.Series([(None if p == 0 else period_values[p - 1], pd.NaT if m == 0 else month_values[m - 1])
                          for p, m in zip(*np.divmod(pairs, len(month_values) + 1), strict=True)], dtype=object)
    return distinct.map(lambda pair: reviewed_half(*pair)).take(codes).set_axis(periods.index)


def reviews(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """One row per review meeting with its province and the half it reviews (``half``)."""
    arts = filter_articles(corpus, f)
    col = province_column(scheme)
    arts = arts[arts["meeting_type"].astype("string").isin(REVIEW_TYPES) & arts[col].notna()]
    table = meetings_table(arts)
    if table.empty:
        return table.assign(half=pd.Series(dtype="string"))
    own = arts.drop_duplicates("meeting_key").set_index("meeting_key")
    table["province"] = table["meeting_key"].map(own[col])
    periods = table["meeting_key"].map(own["period"])  # one lookup for all rows, not one per row
    months = table["date"].dt.to_period("M").dt.to_timestamp()  # the half depends on the month, not the day
    table["half"] = halves_of(periods, months)
    return table[table["half"].notna()].reset_index(drop=True)


def rhythm_matrix(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Province × half-year cells: ``state`` (CELL_* code), how many review ``meetings`` and the
    first one behind it (doc_id, date, title); every half-year from the first to the last shown,
    empty cells included, so a gap is visible. Provinces in Vietnamese order."""
    found = reviews(corpus, f, scheme)
    if found.empty:
        return pd.DataFrame(columns=CELL_COLUMNS)
    found = found.assign(code=found["meeting_type"].astype("string").map(
        {"so_ket": CELL_SO_KET, "tong_ket": CELL_TONG_KET}))
    first = found.sort_values(["date", "doc_id"], na_position="last").drop_duplicates(["province", "half"])
    grouped = found.groupby(["province", "half"])
    cells = grouped.agg(kinds=("code", "nunique"), code=("code", "first"), meetings=("meeting_key", "nunique"))
    cells = cells.assign(state=cells["code"].where(cells["kinds"] <= 1, CELL_BOTH).astype(int))[["state", "meetings"]]
    cells = cells.join(first.set_index(["province", "half"])[["doc_id", "date", "title"]])
    halves = all_periods(sorted(found["half"].unique()), "H")
    grid = pd.MultiIndex.from_product([found["province"].unique(), halves], names=["province", "half"])
    table = cells.reindex(grid).reset_index()
    table["state"] = table["state"].fillna(CELL_NONE).astype(int)
    table["meetings"] = table["meetings"].fillna(0).astype(int)
    return sort_frame(table, ["province", "half"])[CELL_COLUMNS].reset_index(drop=True)


def rhythm_gaps(matrix: pd.DataFrame) -> pd.DataFrame:
    """Per province: half-years with a review, half-years without one between its first and last."""
    if matrix.empty:
        return pd.DataFrame(columns=["province", "reported", "gaps"])
    # per province (in the matrix's order): its cells' positions, the first and last filled one
    codes, provinces = pd.factorize(matrix["province"])
    at = matrix.groupby(codes, sort=False).cumcount().to_numpy()
    filled = matrix["state"].to_numpy() > 0
    first = np.full(len(provinces), np.iinfo(np.int64).max)
    last = np.full(len(provinces), -1)
    np.minimum.at(first, codes[filled], at[filled])
    np.maximum.at(last, codes[filled], at[filled])
    inside = ~filled & (at >= first[codes]) & (at <= last[codes])
    return pd.DataFrame({"province": provinces.tolist(),
                         "reported": np.bincount(codes[filled], minlength=len(provinces)),
                         "gaps": np.bincount(codes[inside], minlength=len(provinces))})
