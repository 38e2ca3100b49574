"""Data quality: field coverage, articles without province or date, merged duplicates, the ingest report.

These ignore the date filter (``use_dates=False``): an article without a date must still show up.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .counting import rank
from .filtering import filter_articles, filter_key
from .prepared import remembered_frame

QUALITY_FIELDS = ["published", "meeting_date", "period", "province", "level", "meeting_type", "region",
                  "delegations_in", "visitors_in", "delegations_out", "visitors_out", "meeting_id"]
LIST_FIELDS = ["chairs", "themes"]  # filled means a non-empty list
MERGED_COLUMNS = ["meeting_id", "doc_id", "province", "date", "title"]


def coverage(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Share of non-null values per field over the filtered articles (date filter not applied)."""
    arts = filter_articles(corpus, f, use_dates=False)
    rows = []
    for name in QUALITY_FIELDS + LIST_FIELDS:
        series = arts[name]
        filled = series.map(bool) if name in LIST_FIELDS else series.notna()
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


def merged_meetings(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Meetings reported by more than one article (``meeting_id``, ``articles``), the most articles
    first: what ``duplicate_groups`` lists, counted without joining any text. Kept per filters."""
    return remembered_frame(corpus, ("merged_meetings", filter_key(f, use_dates=False)),
                            lambda: _ranked_merged(_merged_articles(corpus, f)))


def duplicate_groups(corpus: Corpus, f: Filters, max_rows: int | None = None) -> pd.DataFrame:
    """The articles merged into each meeting reported by more than one (``merged_meetings``' order):
    their province (that of the first doc_id), earliest date, doc_ids and titles. ``max_rows``: only
    the first so many meetings, whose texts alone are joined (a page shows a few thousand; at a
    national scale every meeting's join costs a rerun a quarter of a second)."""
    ranked = merged_meetings(corpus, f)
    if max_rows is not None:
        ranked = ranked.head(max_rows)
    if ranked.empty:
        return pd.DataFrame(columns=["meeting_id", "articles", "province", "date", "doc_ids", "titles"])
    merged = _merged_articles(corpus, f)
    # by meeting, then doc_id: each meeting's articles in a run, so their ids and titles are joined
    # by slicing (a Python function per group and column cost seconds at a national scale)
    merged = merged[merged["meeting_id"].isin(ranked["meeting_id"])] \
        .sort_values(["meeting_id", "doc_id"], kind="mergesort")
    table = merged.groupby("meeting_id", sort=False).agg(
        articles=("doc_id", "size"), province=("province", "first"), date=("date", "min")).reset_index()
    edges = np.r_[0, np.cumsum(table["articles"].to_numpy())]
    ids, titles = merged["doc_id"].to_numpy(dtype=object), merged["title"].fillna("").to_numpy(dtype=object)
    runs = list(zip(edges[:-1], edges[1:], strict=True))
    table["doc_ids"] = pd.array([", ".join(ids[a:b]) for a, b in runs], dtype="string")
    table["titles"] = pd.array([" | ".join(titles[a:b]) for a, b in runs], dtype="string")
    order = pd.Index(table["meeting_id"]).get_indexer(ranked["meeting_id"])
    return table.iloc[order].reset_index(drop=True)


def _merged_articles(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """The filtered articles (date filter not applied) of meetings with more than one, with only
    the columns the duplicates table reads (the whole frame's other columns are never copied).
    Kept per set of filters: the page counts them and joins them in one rerun."""
    def cut() -> pd.DataFrame:
        arts = filter_articles(corpus, f, use_dates=False)
        grouped = arts.loc[arts["meeting_id"].notna(), MERGED_COLUMNS]
        sizes = grouped["meeting_id"].map(grouped["meeting_id"].value_counts())
        return grouped[sizes.to_numpy() > 1]
    return remembered_frame(corpus, ("merged_articles", filter_key(f, use_dates=False)), cut)


def _ranked_merged(merged: pd.DataFrame) -> pd.DataFrame:
    sizes = merged["meeting_id"].value_counts(sort=False)
    table = pd.DataFrame({"meeting_id": sizes.index.astype(merged["meeting_id"].dtype),
                          "articles": sizes.to_numpy()})
    return rank(table, "articles", "meeting_id")


def ingest_report(corpus: Corpus) -> pd.DataFrame:
    return corpus.report.sort_values(["status", "path", "member"], na_position="last").reset_index(drop=True)


def report_summary(corpus: Corpus) -> pd.DataFrame:
    """Files per (status, reason): the ingest report at a glance."""
    report = corpus.report
    if report.empty:
        return pd.DataFrame(columns=["status", "reason", "files"])
    table = report.groupby(["status", "reason"], dropna=False).size().rename("files").reset_index()
    return rank(table, "files", "status")
