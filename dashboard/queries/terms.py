"""Terms that inform: frequencies without the terms every article has, distinctive terms of a
province or a year against the rest of the corpus (log-likelihood), and per-term trends.

A term "defines the corpus" when it is in at least CORPUS_DEFINING_SHARE of the filtered
articles ("thông tin đối ngoại" in 728 of 728): it says what the corpus is about, nothing about
any part of it, so it is hidden by default and the page says so. Users hide more terms (their
stopwords) or show a hidden one again; both lists ride the URL.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.schema import Corpus
from loaders.textnorm import fold

from ..filters import Filters
from .counting import rank
from .filtering import filter_articles

CORPUS_DEFINING_SHARE = 0.5  # in half the articles or more: it describes the whole corpus, not a part of it
MIN_DISTINCT_ARTICLES = 2  # a term in a single article of the target is an accident, not a trait
TERM_COLUMNS = ["term", "count", "articles"]
DISTINCT_COLUMNS = ["term", "score", "target_articles", "target_share", "rest_articles", "rest_share"]


def display_term(term: str) -> str:
    """Segmenters join syllables with '_' ("thông_tin"); show them with spaces."""
    return str(term).replace("_", " ")


def term_key(term: str) -> str:
    """What two spellings of a term compare as: spaces for '_', case and tone placement folded."""
    return fold(display_term(term))


def _filtered_terms(corpus: Corpus, f: Filters) -> tuple[pd.DataFrame, int]:
    docs = set(filter_articles(corpus, f)["doc_id"])
    return corpus.terms[corpus.terms["doc_id"].isin(docs)], len(docs)


def term_table(terms: pd.DataFrame) -> pd.DataFrame:
    """term, count (occurrences), articles (articles holding it), ranked by count."""
    if terms.empty:
        return pd.DataFrame(columns=TERM_COLUMNS)
    table = terms.groupby("term").agg(count=("count", "sum"), articles=("doc_id", "nunique")).reset_index()
    table["count"] = table["count"].astype(int)
    return rank(table, "count", "term")


def corpus_defining(table: pd.DataFrame, n_articles: int, share: float = CORPUS_DEFINING_SHARE) -> list[str]:
    """Readable terms in at least ``share`` of the ``n_articles`` articles, most widespread first."""
    if table.empty or not n_articles:
        return []
    wide = table[table["articles"] >= share * n_articles].sort_values(["articles", "term"], ascending=[False, True])
    return [display_term(t) for t in wide["term"]]


def without(table: pd.DataFrame, hidden) -> pd.DataFrame:
    """``table`` without the rows whose term is one of ``hidden`` (compared as ``term_key``)."""
    keys = {term_key(h) for h in hidden}
    return table[~table["term"].map(term_key).isin(keys)] if keys else table


def term_frequencies(corpus: Corpus, f: Filters, n: int, hidden=()) -> pd.DataFrame:
    """Top ``n`` segmented terms over the filtered articles, ``hidden`` left out: term, count, articles."""
    terms, _ = _filtered_terms(corpus, f)
    return without(term_table(terms), hidden).head(n).reset_index(drop=True)


def term_overview(corpus: Corpus, f: Filters, n: int, hidden=None) -> dict:
    """What the terms section shows: ``terms`` (top n visible), ``defining`` (the corpus-defining
    ones), ``hidden`` (what is left out: ``hidden`` if given, else the defining ones) and ``articles``."""
    terms, n_articles = _filtered_terms(corpus, f)
    table = term_table(terms)
    defining = corpus_defining(table, n_articles)
    hide = list(defining if hidden is None else hidden)
    return {"terms": without(table, hide).head(n).reset_index(drop=True), "defining": defining, "hidden": hide,
            "articles": n_articles, "all": table}


def readable_terms(terms: pd.DataFrame) -> pd.DataFrame:
    """A term table with its terms as a reader writes them (the term table and its export)."""
    return terms.assign(term=terms["term"].map(display_term))


def cloud_frequencies(terms: pd.DataFrame) -> dict[str, int]:
    """Readable term -> count, what the word cloud is drawn from."""
    return {display_term(t): int(n) for t, n in zip(terms["term"], terms["count"], strict=False)}


# ---------------------------------------------------------------- distinctive terms

def log_likelihood(a, b, c, d) -> np.ndarray:
    """Dunning's G²: a term in ``a`` of ``c`` target articles and ``b`` of ``d`` other articles.
    0 when the term is as common in both; larger the more its share differs."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    total = np.maximum(c + d, 1.0)
    expected_a, expected_b = c * (a + b) / total, d * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        part_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    return 2 * (part_a + part_b)


def distinctive_terms(terms: pd.DataFrame, target_docs, n: int = 20, hidden=()) -> pd.DataFrame:
    """Terms more common in the target articles (a province's, a year's) than in the others, by
    log-likelihood of article counts: term, score, target/rest articles and shares."""
    target = set(target_docs)
    docs = set(terms["doc_id"])
    c, d = len(docs & target), len(docs - target)
    if terms.empty or not c or not d:
        return pd.DataFrame(columns=DISTINCT_COLUMNS)
    pairs = terms[["doc_id", "term"]].drop_duplicates()
    in_target = pairs["doc_id"].isin(target)
    table = pd.DataFrame({"target_articles": pairs[in_target].groupby("term").size(),
                          "rest_articles": pairs[~in_target].groupby("term").size()}).fillna(0).astype(int)
    table = table.reset_index().rename(columns={"index": "term"})
    table["target_share"], table["rest_share"] = table["target_articles"] / c, table["rest_articles"] / d
    table["score"] = log_likelihood(table["target_articles"], table["rest_articles"], c, d)
    keep = (table["target_share"] > table["rest_share"]) & (table["target_articles"] >= MIN_DISTINCT_ARTICLES)
    table = without(table[keep], hidden)
    table = table.sort_values(["score", "term"], ascending=[False, True], kind="mergesort").head(n)
    return table.assign(term=table["term"].map(display_term))[DISTINCT_COLUMNS].reset_index(drop=True)


def term_trend(terms: pd.DataFrame, dates: pd.Series, wanted: list[str]) -> pd.DataFrame:
    """Articles holding each ``wanted`` term per year: term, year, articles (every year of the
    dated articles, zeros included, so a sparkline's points line up). ``dates``: doc_id -> date."""
    years = dates.dropna().dt.year.astype(int)
    if years.empty or not wanted:
        return pd.DataFrame(columns=["term", "year", "articles"])
    keys = {term_key(w): w for w in wanted}
    picked = terms[terms["term"].map(term_key).isin(keys)][["doc_id", "term"]].drop_duplicates()
    picked = picked.assign(term=picked["term"].map(lambda t: keys[term_key(t)]), year=picked["doc_id"].map(years))
    counts = picked.dropna(subset=["year"]).groupby(["term", "year"]).size()
    grid = pd.MultiIndex.from_product([wanted, range(years.min(), years.max() + 1)], names=["term", "year"])
    return counts.reindex(grid, fill_value=0).rename("articles").reset_index()


def distinct_targets(corpus: Corpus, f: Filters) -> list[str]:
    """What a part of the filtered corpus can be compared as: "p:<province>" for each province,
    then "y:<year>" for each year, busiest provinces first."""
    arts = filter_articles(corpus, f)
    provinces = arts["province"].dropna().value_counts()
    provinces = provinces.sort_index(kind="mergesort").sort_values(ascending=False, kind="mergesort")
    years = sorted(arts["date"].dropna().dt.year.astype(int).unique())
    return [f"p:{p}" for p in provinces.index] + [f"y:{y}" for y in years]


def distinctive_of(corpus: Corpus, f: Filters, target: str, n: int, hidden=()) -> tuple[pd.DataFrame, list[int]]:
    """Distinctive terms of ``target`` ("p:Nghệ An" or "y:2022") against the rest of the filtered
    corpus, each with ``trend``: the filtered articles holding it per year (``years``)."""
    arts = filter_articles(corpus, f)
    kind, _, value = target.partition(":")
    if kind == "p":
        docs = arts.loc[arts["province"] == value, "doc_id"]
    elif kind == "y" and value.isdigit():
        docs = arts.loc[arts["date"].dt.year == int(value), "doc_id"]
    else:
        return pd.DataFrame(columns=[*DISTINCT_COLUMNS, "trend"]), []
    terms = corpus.terms[corpus.terms["doc_id"].isin(set(arts["doc_id"]))]
    # a province's own name is what picked its articles: that it is "distinctive" tells nothing
    table = distinctive_terms(terms, docs, n, [*hidden, value] if kind == "p" else hidden)
    trend = term_trend(terms, arts.set_index("doc_id")["date"], table["term"].tolist())
    years = sorted(trend["year"].unique().tolist()) if not trend.empty else []
    series = trend.groupby("term")["articles"].apply(list) if not trend.empty else pd.Series(dtype=object)
    return table.assign(trend=table["term"].map(series)), years
