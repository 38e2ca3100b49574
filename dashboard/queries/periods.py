"""Time arithmetic every query shares: calendar buckets of dates and reporting-period codes.

Pure and corpus-free. Calendar buckets ("2022-03", "2022-Q1", "2022-H1", "2022") group dates
for charts; reporting periods ("2022", "2022H1", "2022Q3", "2022M9") are what an article says it
reviews, and the delegation numbers are summed by them.
"""
from __future__ import annotations

import re

import pandas as pd

FREQS = ("M", "Q", "H", "Y")
GRANULARITIES = ("Y", "H")
PERIOD_RE = re.compile(r"^(\d{4})(?:([HQM])(\d{1,2}))?$")
# months covered by a period suffix, so periods sort by when they start
PERIOD_START_MONTH = {"H": lambda n: 6 * (n - 1) + 1, "Q": lambda n: 3 * (n - 1) + 1, "M": lambda n: 1}
# how fine a reporting period is: a year total is coarser than its halves, quarters and months
PERIOD_LEVEL = {"Y": 0, "H": 1, "Q": 2, "M": 3}


# ---------------------------------------------------------------- calendar buckets

def bucket_of(dates: pd.Series, freq: str) -> pd.Series:
    """Calendar bucket labels that sort chronologically: 2022-03, 2022-Q1, 2022-H1, 2022."""
    year = dates.dt.year.astype("Int64").astype("string")
    month = dates.dt.month.astype("Int64")
    if freq == "M":
        return year + "-" + month.astype("string").str.zfill(2)
    if freq == "Q":
        return year + "-Q" + ((month - 1) // 3 + 1).astype("string")
    if freq == "H":
        return year + "-H" + ((month - 1) // 6 + 1).astype("string")
    return year


def all_buckets(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> list[str]:
    """Every bucket from ``first`` to ``last``, so empty months show as zero bars."""
    months = pd.date_range(first.to_period("M").to_timestamp(), last, freq="MS")
    return list(dict.fromkeys(bucket_of(pd.Series(months), freq).tolist()))


# ---------------------------------------------------------------- reporting periods

def period_sort_key(period: str) -> tuple[int, int, int]:
    """'2021' < '2022H1' < '2022Q3' < '2022M9': by year, start month, then span (whole year first)."""
    # a missing period arrives as None, NaN or pd.NA (whose truth value raises): only text can match
    match = PERIOD_RE.match(period) if isinstance(period, str) else None
    if not match:
        return (9999, 99, 99)
    year, kind, n = match.group(1), match.group(2), match.group(3)
    if not kind:
        return (int(year), 0, 0)
    return (int(year), PERIOD_START_MONTH[kind](int(n)), {"H": 1, "Q": 2, "M": 3}[kind])


def period_parts(period) -> tuple[int, str, int] | None:
    """'2022H1' -> (2022, 'H', 1); '2022' -> (2022, 'Y', 0); None when unparsable."""
    # a missing period arrives as None, NaN or pd.NA (whose truth value raises): only text can match
    match = PERIOD_RE.match(period) if isinstance(period, str) else None
    if not match:
        return None
    return int(match.group(1)), match.group(2) or "Y", int(match.group(3) or 0)


def period_level(period) -> int:
    """How fine ``period`` is (PERIOD_LEVEL); an unparsable one counts as the finest."""
    return PERIOD_LEVEL[(period_parts(period) or (0, "M", 0))[1]]


def period_bucket(period, granularity: str) -> str | None:
    """The year ('2022') or half-year ('2022H1') a reporting period falls in.

    A period spanning both halves cannot be split: None at granularity 'H' for a whole year
    and for 'M7'..'M11' (the first seven to eleven months, the way reports count them)."""
    parts = period_parts(period)
    if parts is None:
        return None
    year, kind, n = parts
    if granularity == "Y":
        return str(year)
    if kind == "H":
        return f"{year}H{n}"
    if kind == "Q":
        return f"{year}H{1 if n <= 2 else 2}"
    if kind == "M" and n <= 6:
        return f"{year}H1"
    return None


def all_periods(buckets, granularity: str) -> list[str]:
    """Every year (or half-year) from the first bucket to the last, so gaps show as zero."""
    years = [int(b[:4]) for b in buckets]
    if not years:
        return []
    if granularity == "Y":
        return [str(y) for y in range(min(years), max(years) + 1)]
    halves = [f"{y}H{h}" for y in range(min(years), max(years) + 1) for h in (1, 2)]
    first, last = min(buckets, key=period_sort_key), max(buckets, key=period_sort_key)
    return halves[halves.index(first):halves.index(last) + 1]
