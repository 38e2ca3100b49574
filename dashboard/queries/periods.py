"""Time arithmetic every query shares: calendar buckets of dates and reporting-period codes.

Pure and corpus-free. Calendar buckets ("2022-03", "2022-Q1", "2022-H1", "2022") group dates
for charts; reporting periods ("2022", "2022H1", "2022Q3", "2022M9") are what an article says it
reviews, and the delegation numbers are summed by them.
"""
from __future__ import annotations

import re

import pandas as pd

FREQS = ("M", "Q", "H", "Y")
# the bucket of items without any date: every time axis shows them as their own last bucket, so a
# page's totals (the province ranking, the province × year heatmap, the bars over time) agree
UNDATED = "undated"
# a first or last bucket the shown range covers less than this share of is marked partial
PARTIAL_BELOW = 0.9
FREQ_OFFSETS = {"M": pd.DateOffset(months=1), "Q": pd.DateOffset(months=3), "H": pd.DateOffset(months=6),
                "Y": pd.DateOffset(years=1)}
GRANULARITIES = ("Y", "H")
PERIOD_RE = re.compile(r"^(\d{4})(?:([HQM])(\d{1,2}))?$")
# months covered by a period suffix, so periods sort by when they start
PERIOD_START_MONTH = {"H": lambda n: 6 * (n - 1) + 1, "Q": lambda n: 3 * (n - 1) + 1, "M": lambda n: 1}
# how fine a reporting period is: a year total is coarser than its halves, quarters and months
PERIOD_LEVEL = {"Y": 0, "H": 1, "Q": 2, "M": 3}


# ---------------------------------------------------------------- calendar buckets

def bucket_of(dates: pd.Series, freq: str) -> pd.Series:
    """Calendar bucket labels that sort chronologically: 2022-03, 2022-Q1, 2022-H1, 2022;
    ``UNDATED`` where there is no date. Each distinct month is labelled once (a few hundred), not
    each row (100,000 string concatenations)."""
    codes, months = pd.factorize(dates.dt.year * 12 + dates.dt.month - 1)  # a missing date: code -1
    labels = [_bucket_label(int(m) // 12, int(m) % 12 + 1, freq) for m in months] + [UNDATED]
    return pd.Series(pd.array(labels, dtype="string").take(codes), index=dates.index, name=dates.name)


def _bucket_label(year: int, month: int, freq: str) -> str:
    if freq == "M":
        return f"{year}-{month:02d}"
    if freq == "Q":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if freq == "H":
        return f"{year}-H{(month - 1) // 6 + 1}"
    return str(year)


def all_buckets(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> list[str]:
    """Every bucket from ``first`` to ``last``, so empty months show as zero bars."""
    months = pd.date_range(first.to_period("M").to_timestamp(), last, freq="MS")
    return list(dict.fromkeys(bucket_of(pd.Series(months), freq).tolist()))


def axis_buckets(dates: pd.Series, freq: str, first=None, last=None) -> list[str]:
    """The buckets of a time axis: every one from ``first`` (default: the earliest date) to ``last``
    (default: the latest), then ``UNDATED`` when some date is missing."""
    known = dates.dropna()
    first = pd.Timestamp(first) if first is not None else (known.min() if len(known) else None)
    last = pd.Timestamp(last) if last is not None else (known.max() if len(known) else None)
    buckets = all_buckets(first, last, freq) if first is not None and last is not None and first <= last else []
    return buckets + ([UNDATED] if dates.isna().any() else [])


def bucket_bounds(bucket: str, freq: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """[start, end) of a calendar bucket; None for ``UNDATED`` or a label that is not one."""
    match = re.match(r"^(\d{4})(?:-(?:Q|H)?(\d{1,2}))?$", str(bucket))
    if not match:
        return None
    year, n = int(match.group(1)), int(match.group(2) or 1)
    month = {"M": n, "Q": 3 * (n - 1) + 1, "H": 6 * (n - 1) + 1}.get(freq, 1)
    start = pd.Timestamp(year=year, month=month, day=1)
    return start, start + FREQ_OFFSETS[freq]


def partial_buckets(buckets: list[str], freq: str, first, last) -> dict[str, tuple[str, pd.Timestamp]]:
    """The first and last bucket when the shown range [first, last] covers less than PARTIAL_BELOW
    of it: bucket -> ("from", first) or ("to", last), so a half-covered year never reads as a
    collapse. ``first``/``last`` are the filter's dates, else the data's."""
    out: dict[str, tuple[str, pd.Timestamp]] = {}
    dated = [b for b in buckets if b != UNDATED]
    if not dated or first is None or last is None:
        return out
    first, last = pd.Timestamp(first).normalize(), pd.Timestamp(last).normalize()
    for bucket, kind in ((dated[-1], "to"), (dated[0], "from")):
        bounds = bucket_bounds(bucket, freq)
        if bounds is None:
            continue
        start, end = bounds
        covered = (min(end, last + pd.Timedelta(days=1)) - max(start, first)) / (end - start)
        if covered < PARTIAL_BELOW and bucket not in out:
            out[bucket] = (kind, last if kind == "to" else first)
    return out


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
    """'2022H1' -> (2022, 'H', 1); '2022' -> (2022, 'Y', 0); None when unparsable or missing (NA)."""
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


def period_months(period) -> frozenset[int]:
    """The calendar months a reporting period covers: a year 1-12, H2 7-12, Q3 7-9, and "M9"
    (the first nine months, as reports count them) 1-9; empty when unparsable."""
    parts = period_parts(period)
    if parts is None:
        return frozenset()
    _, kind, n = parts
    if kind == "Y":
        return frozenset(range(1, 13))
    if kind == "H":
        return frozenset(range(6 * (n - 1) + 1, 6 * n + 1))
    if kind == "Q":
        return frozenset(range(3 * (n - 1) + 1, 3 * n + 1))
    return frozenset(range(1, min(n, 12) + 1))


def period_bounds(period) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """[first day, day after the last) of a reporting period; None when unparsable."""
    parts, months = period_parts(period), period_months(period)
    if parts is None or not months:
        return None
    start = pd.Timestamp(year=parts[0], month=min(months), day=1)
    return start, pd.Timestamp(year=parts[0], month=max(months), day=1) + pd.DateOffset(months=1)


def bucket_months(bucket: str) -> frozenset[int]:
    """The months of a delegation bucket ('2022' or '2022H1')."""
    return period_months(bucket)


def span_kind(periods, bucket: str) -> str:
    """How the periods summed into ``bucket`` cover it: "full" (the bucket's own period), "parts"
    (finer periods that together cover it, e.g. a year built from its halves) or "partial"."""
    periods = list(periods)
    if periods == [bucket] or str(bucket) in periods:
        return "full"
    covered = frozenset().union(*(period_months(p) for p in periods)) if periods else frozenset()
    return "parts" if covered >= bucket_months(bucket) else "partial"
