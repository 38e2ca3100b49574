"""Pure pandas: ``(corpus, Filters) -> small DataFrames`` for the views. No streamlit here.

Conventions every function keeps:
* the date that drives time filters and charts is ``date`` = meeting_date, or published when
  the meeting date is unknown (``date_source`` says which);
* "meetings" counts distinct ``meeting_id`` (an article without one is its own meeting),
  "articles" counts rows — ``Filters.unit`` picks which;
* sorting is deterministic: count descending, then name.
"""
from __future__ import annotations

import re

import pandas as pd

from loaders import assets
from loaders.schema import COUNT_FIELDS, MEETING_TYPES, Corpus
from loaders.textnorm import fold, split_sentences

from . import i18n
from .filters import Filters

FREQS = ("M", "Q", "H", "Y")
NO_PROVINCE = "—"
PERIOD_RE = re.compile(r"^(\d{4})(?:([HQM])(\d{1,2}))?$")
# months covered by a period suffix, so periods sort by when they start
PERIOD_START_MONTH = {"H": lambda n: 6 * (n - 1) + 1, "Q": lambda n: 3 * (n - 1) + 1, "M": lambda n: 1}


# ---------------------------------------------------------------- filtering

def with_dates(articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``date`` (meeting date, else published), ``date_source`` and ``meeting_key``."""
    out = articles.copy()
    out["date"] = out["meeting_date"].fillna(out["published"])
    source = pd.Series(pd.NA, index=out.index, dtype="string")
    source[out["published"].notna()] = "published"
    source[out["meeting_date"].notna()] = "meeting"
    out["date_source"] = source
    out["meeting_key"] = out["meeting_id"].fillna("doc:" + out["doc_id"])
    return out


def _folded(series: pd.Series) -> pd.Series:
    return series.fillna("").astype(str).map(fold)


def _any_of(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose list column shares at least one value with ``wanted``."""
    wanted_set = set(wanted)
    return column.map(lambda values: bool(wanted_set.intersection(values or [])))


def filter_articles(corpus: Corpus, f: Filters, use_dates: bool = True) -> pd.DataFrame:
    """Articles passing every filter, with ``date``/``date_source``/``meeting_key`` added."""
    arts = with_dates(corpus.articles)
    keep = pd.Series(True, index=arts.index)
    if f.relevant_only:
        keep &= arts["relevant"].fillna(False).astype(bool)
    if use_dates and f.date_from:
        keep &= arts["date"] >= pd.Timestamp(f.date_from)
    if use_dates and f.date_to:
        keep &= arts["date"] < pd.Timestamp(f.date_to) + pd.Timedelta(days=1)
    if f.provinces:
        keep &= arts["province"].isin(f.provinces) | arts["province_2025"].isin(f.provinces)
    if f.regions:
        keep &= arts["region"].astype("string").isin(f.regions)
    if f.levels:
        keep &= arts["level"].astype("string").isin(f.levels)
    if f.meeting_types:
        keep &= arts["meeting_type"].astype("string").isin(f.meeting_types)
    if f.themes:
        keep &= _any_of(arts["themes"], f.themes)
    if f.search:
        needle = fold(f.search)
        haystack = _folded(arts["title"]) + "\n" + _folded(corpus.bodies(arts["doc_id"]))
        keep &= haystack.str.contains(needle, regex=False)
    return arts[keep.fillna(False).astype(bool)].reset_index(drop=True)


def count(frame: pd.DataFrame, unit: str) -> int:
    if frame.empty:
        return 0
    return int(frame["meeting_key"].nunique() if unit == "meetings" else len(frame))


def _grouped_count(frame: pd.DataFrame, by: list[str], unit: str, name: str = "count") -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=[*by, name])
    grouped = frame.groupby(by, dropna=False, observed=True)
    counts = grouped["meeting_key"].nunique() if unit == "meetings" else grouped.size()
    return counts.rename(name).reset_index()


def _rank(frame: pd.DataFrame, count_col: str, name_col: str) -> pd.DataFrame:
    return frame.sort_values([count_col, name_col], ascending=[False, True], kind="mergesort").reset_index(drop=True)


# ---------------------------------------------------------------- overview

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
        return pd.DataFrame(columns=["date", "province", "level", "meeting_type", "title", "articles", "doc_id",
                                     "meeting_key"])
    n = arts.groupby("meeting_key").size().rename("articles")
    first = arts.sort_values(["date", "doc_id"], na_position="last").drop_duplicates("meeting_key")
    table = first.join(n, on="meeting_key")
    table = table.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    return table[["date", "province", "level", "meeting_type", "title", "articles", "doc_id", "meeting_key"]] \
        .reset_index(drop=True)


def latest_meetings(corpus: Corpus, f: Filters, n: int) -> pd.DataFrame:
    return meetings_table(filter_articles(corpus, f)).head(n)


# ---------------------------------------------------------------- time

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


def _all_buckets(first: pd.Timestamp, last: pd.Timestamp, freq: str) -> list[str]:
    months = pd.date_range(first.to_period("M").to_timestamp(), last, freq="MS")
    return list(dict.fromkeys(bucket_of(pd.Series(months), freq).tolist()))


def over_time(corpus: Corpus, f: Filters, freq: str) -> pd.DataFrame:
    """Counts per bucket and meeting type, gaps filled with zeros; ``share`` within each bucket."""
    arts = filter_articles(corpus, f)
    arts = arts[arts["date"].notna()]
    if arts.empty:
        return pd.DataFrame(columns=["bucket", "meeting_type", "count", "share"])
    arts = arts.assign(bucket=bucket_of(arts["date"], freq),
                       meeting_type=arts["meeting_type"].astype("string").fillna("none"))
    counts = _grouped_count(arts, ["bucket", "meeting_type"], f.unit)
    types = [t for t in [*MEETING_TYPES, "none"] if t in set(counts["meeting_type"])]
    grid = pd.MultiIndex.from_product([_all_buckets(arts["date"].min(), arts["date"].max(), freq), types],
                                      names=["bucket", "meeting_type"])
    table = counts.set_index(["bucket", "meeting_type"]).reindex(grid, fill_value=0).reset_index()
    totals = table.groupby("bucket")["count"].transform("sum")
    table["share"] = (table["count"] / totals.where(totals > 0)).fillna(0.0)
    return table


def articles_vs_meetings(corpus: Corpus, f: Filters, freq: str) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts[arts["date"].notna()]
    if arts.empty:
        return pd.DataFrame(columns=["bucket", "articles", "meetings"])
    arts = arts.assign(bucket=bucket_of(arts["date"], freq))
    table = pd.concat([_grouped_count(arts, ["bucket"], "articles", "articles").set_index("bucket"),
                       _grouped_count(arts, ["bucket"], "meetings", "meetings").set_index("bucket")], axis=1)
    table = table.reindex(_all_buckets(arts["date"].min(), arts["date"].max(), freq), fill_value=0)
    return table.rename_axis("bucket").reset_index()


def month_profile(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Counts by calendar month (all years together): shows the half-year reporting rhythm."""
    arts = filter_articles(corpus, f)
    arts = arts[arts["date"].notna()]
    arts = arts.assign(month=arts["date"].dt.month.astype(int))
    counts = _grouped_count(arts, ["month"], f.unit).set_index("month")["count"] if len(arts) else pd.Series(dtype=int)
    table = counts.reindex(range(1, 13), fill_value=0).rename_axis("month").rename("count").reset_index()
    table["half"] = table["month"].map(lambda m: "H1" if m <= 6 else "H2")
    return table


def meetings_in_bucket(corpus: Corpus, f: Filters, freq: str, bucket: str,
                       meeting_type: str | None = None) -> pd.DataFrame:
    """The meetings behind one bar (and one stacked segment when ``meeting_type`` is given)."""
    arts = filter_articles(corpus, f)
    arts = arts[arts["date"].notna()]
    arts = arts[bucket_of(arts["date"], freq) == bucket]
    if meeting_type:
        arts = arts[arts["meeting_type"].astype("string").fillna("none") == meeting_type]
    return meetings_table(arts)


# ---------------------------------------------------------------- provinces

def gazetteer(scheme: str = "63") -> pd.DataFrame:
    """Provinces with centroids: 63 before 1 July 2025 (name, lat, lon, province_2025, region)
    or the 34 after (name, lat, lon). Empty frame when the gazetteer is not installed."""
    columns = ["name", "lat", "lon", "province_2025", "region"]
    rows = None
    try:
        from loaders import gazetteer as places
        accessor = getattr(places, "provinces" if scheme == "63" else "provinces_2025", None)
        rows = accessor() if accessor else None
    except ImportError:
        rows = None
    if rows is None:
        try:
            rows = assets.read_csv("provinces.csv" if scheme == "63" else "provinces_2025.csv")
        except (FileNotFoundError, OSError):
            rows = []
    frame = pd.DataFrame(rows if not isinstance(rows, pd.DataFrame) else rows.copy())
    if "name" not in frame and "province" in frame:  # the CSVs name the column "province"
        frame = frame.rename(columns={"province": "name"})
    for col in columns:
        if col not in frame:
            frame[col] = None
    frame["lat"] = pd.to_numeric(frame["lat"], errors="coerce")
    frame["lon"] = pd.to_numeric(frame["lon"], errors="coerce")
    return frame[columns].reset_index(drop=True)


def _province_column(scheme: str) -> str:
    return "province" if scheme == "63" else "province_2025"


def by_province(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Every province of the scheme with its count (0 included, for the map), ranked."""
    arts = filter_articles(corpus, f)
    col = _province_column(scheme)
    arts = arts[arts[col].notna()]
    counts = _grouped_count(arts, [col], f.unit).rename(columns={col: "name"})
    places = gazetteer(scheme)
    table = places.merge(counts, on="name", how="outer")
    table["count"] = table["count"].fillna(0).astype(int)
    return _rank(table, "count", "name")


def province_year(corpus: Corpus, f: Filters, scheme: str = "63", max_rows: int = 30) -> pd.DataFrame:
    """Long frame province × year -> count, for the busiest ``max_rows`` provinces."""
    arts = filter_articles(corpus, f)
    col = _province_column(scheme)
    arts = arts[arts[col].notna() & arts["date"].notna()]
    if arts.empty:
        return pd.DataFrame(columns=["province", "year", "count"])
    arts = arts.assign(year=arts["date"].dt.year.astype(int))
    table = _grouped_count(arts, [col, "year"], f.unit).rename(columns={col: "province"})
    top = _rank(table.groupby("province", as_index=False)["count"].sum(), "count", "province")["province"]
    return table[table["province"].isin(top.head(max_rows))].reset_index(drop=True)


def compare_provinces(corpus: Corpus, f: Filters, names: list[str], scheme: str = "63") -> dict[str, pd.DataFrame]:
    """Side-by-side frames for a few provinces: summary, meeting types, themes."""
    arts = filter_articles(corpus, f)
    col = _province_column(scheme)
    arts = arts[arts[col].isin(names)]
    numbers = period_totals(period_numbers(corpus, f, scheme), "Y")
    summary = []
    for name in names:
        own = arts[arts[col] == name]
        nums = numbers[numbers["province"] == name]
        row = {"province": name, "meetings": count(own, "meetings"), "articles": len(own)}
        for field in COUNT_FIELDS:
            row[field] = int(nums.loc[nums["field"] == field, "value"].sum())
        summary.append(row)
    types = _grouped_count(arts.assign(meeting_type=arts["meeting_type"].astype("string").fillna("none")),
                           [col, "meeting_type"], f.unit).rename(columns={col: "province"})
    exploded = arts[[col, "meeting_key", "themes"]].explode("themes").dropna(subset=["themes"])
    themes = _grouped_count(exploded.rename(columns={"themes": "theme"}), [col, "theme"], f.unit) \
        .rename(columns={col: "province"})
    return {"summary": pd.DataFrame(summary), "types": types, "themes": themes}


# ---------------------------------------------------------------- themes and terms

def term_frequencies(corpus: Corpus, f: Filters, n: int) -> pd.DataFrame:
    """Top ``n`` segmented terms over the filtered articles: term, count, articles."""
    docs = set(filter_articles(corpus, f)["doc_id"])
    terms = corpus.terms[corpus.terms["doc_id"].isin(docs)]
    if terms.empty:
        return pd.DataFrame(columns=["term", "count", "articles"])
    table = terms.groupby("term").agg(count=("count", "sum"), articles=("doc_id", "nunique")).reset_index()
    table["count"] = table["count"].astype(int)
    return _rank(table, "count", "term").head(n)


def display_term(term: str) -> str:
    """Segmenters join syllables with '_' ("thông_tin"); show them with spaces."""
    return str(term).replace("_", " ")


def theme_shares(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Each theme's count and its share of all filtered meetings/articles."""
    arts = filter_articles(corpus, f)
    total = count(arts, f.unit)
    exploded = arts[["meeting_key", "themes"]].explode("themes").dropna(subset=["themes"]) \
        .rename(columns={"themes": "theme"})
    table = _grouped_count(exploded, ["theme"], f.unit)
    table["share"] = table["count"] / total if total else 0.0
    return _rank(table, "count", "theme")


def theme_trend(corpus: Corpus, f: Filters, freq: str = "Y") -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts[arts["date"].notna()]
    exploded = arts.assign(bucket=bucket_of(arts["date"], freq))[["bucket", "meeting_key", "themes"]] \
        .explode("themes").dropna(subset=["themes"]).rename(columns={"themes": "theme"})
    table = _grouped_count(exploded, ["bucket", "theme"], f.unit)
    return table.sort_values(["bucket", "theme"]).reset_index(drop=True)


def province_theme(corpus: Corpus, f: Filters, max_rows: int = 30) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts[arts["province"].notna()]
    exploded = arts[["province", "meeting_key", "themes"]].explode("themes").dropna(subset=["themes"]) \
        .rename(columns={"themes": "theme"})
    table = _grouped_count(exploded, ["province", "theme"], f.unit)
    if table.empty:
        return table
    top = _rank(table.groupby("province", as_index=False)["count"].sum(), "count", "province")["province"]
    return table[table["province"].isin(top.head(max_rows))].reset_index(drop=True)


def keyword_in_context(corpus: Corpus, f: Filters, term: str | None = None, theme: str | None = None,
                       limit: int = 200) -> pd.DataFrame:
    """Sentences of filtered articles that contain ``term`` (or carry ``theme``), with their article."""
    arts = filter_articles(corpus, f)
    columns = ["doc_id", "title", "date", "province", "sentence"]
    if arts.empty or not (term or theme):
        return pd.DataFrame(columns=columns)
    info = arts.set_index("doc_id")[["title", "date", "province"]]
    rows: list[dict] = []
    if theme:
        hits = corpus.themes[(corpus.themes["theme"] == theme) & corpus.themes["doc_id"].isin(info.index)]
        for doc_id, sentence in hits[["doc_id", "sentence"]].drop_duplicates().itertuples(index=False):
            rows.append({"doc_id": doc_id, "sentence": sentence})
    else:
        needle = fold(display_term(term))
        for doc_id, body in zip(arts["doc_id"], corpus.bodies(arts["doc_id"]), strict=True):
            for sentence in split_sentences(body if isinstance(body, str) else ""):
                if needle in fold(sentence):
                    rows.append({"doc_id": doc_id, "sentence": sentence})
                    if len(rows) >= limit:
                        break
            if len(rows) >= limit:
                break
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows).join(info, on="doc_id")
    table = table.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    return table[columns].head(limit).reset_index(drop=True)


# ---------------------------------------------------------------- delegations

def period_sort_key(period: str) -> tuple[int, int, int]:
    """'2021' < '2022H1' < '2022Q3' < '2022M9': by year, start month, then span (whole year first)."""
    match = PERIOD_RE.match(str(period or ""))
    if not match:
        return (9999, 99, 99)
    year, kind, n = match.group(1), match.group(2), match.group(3)
    if not kind:
        return (int(year), 0, 0)
    return (int(year), PERIOD_START_MONTH[kind](int(n)), {"H": 1, "Q": 2, "M": 3}[kind])


def period_numbers(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Delegation/visitor numbers with the period they report, one per (province, period, field).

    A number belongs to the period it reports (``period``); only when the article gives no
    period does the year of its date stand in (``period_inferred``). The same province and
    period reported by several articles (re-posts, a later recap) keeps the largest value,
    so nothing is counted twice.
    """
    columns = ["province", "period", "period_inferred", "field", "value", "approx", "doc_id", "sentence"]
    arts = filter_articles(corpus, f)
    nums = corpus.numbers[corpus.numbers["field"].isin(COUNT_FIELDS) & corpus.numbers["doc_id"].isin(arts["doc_id"])]
    if nums.empty:
        return pd.DataFrame(columns=columns)
    col = _province_column(scheme)
    info = arts.set_index("doc_id")[[col, "period", "date", "meeting_key"]].rename(columns={col: "province"})
    table = nums.join(info, on="doc_id")
    year = table["date"].dt.year.astype("Int64").astype("string")
    table["period_inferred"] = table["period"].isna() & year.notna()
    table["period"] = table["period"].fillna(year)
    # without a province, a meeting stands for itself so unrelated numbers never merge
    owner = table["province"].fillna("meeting:" + table["meeting_key"])
    table = table.assign(_owner=owner).sort_values(["value", "doc_id"], ascending=[False, True], kind="mergesort")
    table = table.drop_duplicates(["_owner", "period", "field"])
    return table[columns].reset_index(drop=True)


GRANULARITIES = ("Y", "H")
# how fine a reporting period is: a year total is coarser than its halves, quarters and months
PERIOD_LEVEL = {"Y": 0, "H": 1, "Q": 2, "M": 3}


def period_parts(period) -> tuple[int, str, int] | None:
    """'2022H1' -> (2022, 'H', 1); '2022' -> (2022, 'Y', 0); None when unparsable."""
    match = PERIOD_RE.match(str(period or ""))
    if not match:
        return None
    return int(match.group(1)), match.group(2) or "Y", int(match.group(3) or 0)


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


def period_totals(nums: pd.DataFrame, granularity: str = "Y") -> pd.DataFrame:
    """Numbers summed per (owner, bucket, field) without counting a period twice.

    Within one bucket a province may report a whole year and its halves (tổng kết and sơ kết):
    the year total already holds the halves, so only the coarsest period present is summed.
    Periods coarser than the bucket (a year at half-year level) are left out: see
    ``undivided_periods``. Columns: province, bucket, field, value, period_inferred.
    """
    columns = ["province", "bucket", "field", "value", "period_inferred"]
    if nums.empty:
        return pd.DataFrame(columns=columns)
    table = nums.assign(bucket=nums["period"].map(lambda p: period_bucket(p, granularity)),
                        level=nums["period"].map(lambda p: PERIOD_LEVEL[(period_parts(p) or (0, "M", 0))[1]]),
                        owner=nums["province"].astype("object").where(nums["province"].notna(),
                                                                      "doc:" + nums["doc_id"].astype(str)))
    table = table[table["bucket"].notna()]
    if table.empty:
        return pd.DataFrame(columns=columns)
    coarsest = table.groupby(["owner", "bucket", "field"])["level"].transform("min")
    table = table[table["level"] == coarsest]
    out = table.groupby(["owner", "bucket", "field"], as_index=False).agg(
        province=("province", "first"), value=("value", "sum"), period_inferred=("period_inferred", "any"))
    return out[columns]


def _all_periods(buckets, granularity: str) -> list[str]:
    """Every year (or half-year) from the first bucket to the last, so gaps show as zero."""
    years = [int(b[:4]) for b in buckets]
    if not years:
        return []
    if granularity == "Y":
        return [str(y) for y in range(min(years), max(years) + 1)]
    halves = [f"{y}H{h}" for y in range(min(years), max(years) + 1) for h in (1, 2)]
    first, last = min(buckets, key=period_sort_key), max(buckets, key=period_sort_key)
    return halves[halves.index(first):halves.index(last) + 1]


def delegations_by_province(corpus: Corpus, f: Filters, scheme: str = "63") -> pd.DataFrame:
    """Per province, numbers summed over years (a year total and its halves count once)."""
    totals = period_totals(period_numbers(corpus, f, scheme), "Y")
    totals = totals[totals["province"].notna()]
    if totals.empty:
        return pd.DataFrame(columns=["province", *COUNT_FIELDS])
    table = totals.pivot_table(index="province", columns="field", values="value", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=COUNT_FIELDS, fill_value=0).astype(int).rename_axis(columns=None).reset_index()
    table["total"] = table["delegations_in"] + table["delegations_out"]
    return _rank(table, "total", "province").drop(columns="total")


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
    table = table.reindex(_all_periods(table.index.tolist(), granularity))
    table[list(COUNT_FIELDS)] = table[list(COUNT_FIELDS)].fillna(0).astype(int)
    table["period_inferred"] = table["period_inferred"].fillna(False).astype(bool)
    return table.rename_axis(index="period", columns=None).reset_index()[columns]


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
    columns = ["doc_id", "province", "period", "date", "field", "value", "approx", "sentence", "title"]
    if nums.empty:
        return pd.DataFrame(columns=columns)
    info = arts.set_index("doc_id")[["province", "period", "date", "title"]]
    table = nums.join(info, on="doc_id")
    table = table.sort_values(["date", "doc_id", "field"], ascending=[False, True, True], na_position="last",
                              kind="mergesort")
    return table[columns].reset_index(drop=True)


# ---------------------------------------------------------------- articles

ARTICLE_TABLE_COLUMNS = ["doc_id", "date", "date_source", "province", "level", "meeting_type", "period", "title",
                         "url", "relevant", "meeting_id"]


def articles_table(corpus: Corpus, f: Filters) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    return arts[ARTICLE_TABLE_COLUMNS].reset_index(drop=True)


def article(corpus: Corpus, doc_id: str) -> dict | None:
    """One article's row plus its evidence, people, numbers and theme hits (whatever the filters)."""
    arts = with_dates(corpus.articles)
    rows = arts[arts["doc_id"] == doc_id]
    if rows.empty:
        return None
    pick = lambda table: table[table["doc_id"] == doc_id].reset_index(drop=True)  # noqa: E731
    body = corpus.bodies([doc_id]).iloc[0]  # the texts live apart from the working frame
    row = {**rows.iloc[0].to_dict(), "body": body if isinstance(body, str) else None}
    return {"row": row, "evidence": pick(corpus.evidence), "people": pick(corpus.people),
            "numbers": pick(corpus.numbers), "themes": pick(corpus.themes)}


# ---------------------------------------------------------------- data quality

QUALITY_FIELDS = ["published", "meeting_date", "period", "province", "level", "meeting_type", "region",
                  "delegations_in", "visitors_in", "delegations_out", "visitors_out", "meeting_id"]


def coverage(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Share of non-null values per field over the filtered articles (date filter not applied)."""
    arts = filter_articles(corpus, f, use_dates=False)
    rows = []
    for name in QUALITY_FIELDS + ["chairs", "themes"]:
        series = arts[name]
        filled = series.map(bool) if name in ("chairs", "themes") else series.notna()
        rows.append({"field": name, "filled": int(filled.sum()), "total": len(arts),
                     "share": float(filled.mean()) if len(arts) else 0.0})
    return pd.DataFrame(rows)


def missing_place_or_date(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Articles lacking a date, or a province when they are not central-level (central events have none)."""
    arts = filter_articles(corpus, f, use_dates=False)
    no_province = arts["province"].isna() & (arts["level"].astype("string") != "central").fillna(True)
    missing = arts[no_province | arts["date"].isna()]
    out = missing[["doc_id", "title", "province", "date", "level", "url"]].copy()
    out["no_province"] = no_province[missing.index]
    out["no_date"] = missing["date"].isna()
    return out.sort_values("doc_id").reset_index(drop=True)


def duplicate_groups(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Meetings reported by more than one article: the articles merged into each."""
    arts = filter_articles(corpus, f, use_dates=False)
    arts = arts[arts["meeting_id"].notna()]
    sizes = arts.groupby("meeting_id").size()
    merged = arts[arts["meeting_id"].isin(sizes[sizes > 1].index)]
    if merged.empty:
        return pd.DataFrame(columns=["meeting_id", "articles", "province", "date", "doc_ids", "titles"])
    table = merged.sort_values("doc_id").groupby("meeting_id").agg(
        articles=("doc_id", "size"), province=("province", "first"), date=("date", "min"),
        doc_ids=("doc_id", lambda s: ", ".join(s)), titles=("title", lambda s: " | ".join(s.fillna(""))),
    ).reset_index()
    return _rank(table, "articles", "meeting_id")


def ingest_report(corpus: Corpus) -> pd.DataFrame:
    return corpus.report.sort_values(["status", "path", "member"], na_position="last").reset_index(drop=True)


def report_summary(corpus: Corpus) -> pd.DataFrame:
    """Files per (status, reason): the ingest report at a glance."""
    report = corpus.report
    if report.empty:
        return pd.DataFrame(columns=["status", "reason", "files"])
    table = report.groupby(["status", "reason"], dropna=False).size().rename("files").reset_index()
    return _rank(table, "files", "status")


# ---------------------------------------------------------------- filter options

def filter_options(corpus: Corpus) -> dict[str, list]:
    """Values present in the corpus for each filter widget, sorted by name."""
    arts = corpus.articles
    themes = sorted({t for values in arts["themes"] for t in (values or [])} | set(i18n.theme_ids()))
    dates = arts["meeting_date"].fillna(arts["published"]).dropna()
    return {
        "provinces": sorted(arts["province"].dropna().unique().tolist()),
        "regions": [r for r in arts["region"].cat.categories if r in set(arts["region"].dropna())],
        "levels": [lv for lv in arts["level"].cat.categories if lv in set(arts["level"].dropna())],
        "meeting_types": [m for m in MEETING_TYPES if m in set(arts["meeting_type"].dropna())],
        "themes": themes,
        "first": dates.min().date() if len(dates) else None,
        "last": dates.max().date() if len(dates) else None,
    }
