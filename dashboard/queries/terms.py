"""Terms that inform: frequencies without the terms every article has, distinctive terms of a
province or a year against the rest of the corpus (log-likelihood), and per-term trends.

A term "defines the corpus" when it is in at least CORPUS_DEFINING_SHARE of the filtered
articles ("thông tin đối ngoại" in 728 of 728): it says what the corpus is about, nothing about
any part of it, so it is hidden by default and the page says so. Users hide more terms (their
stopwords) or show a hidden one again; both lists ride the URL.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from loaders.schema import Corpus
from loaders.textnorm import fold

from ..filters import Filters
from .collation import series_key
from .counting import is_in, map_distinct, positions_in, rank
from .filtering import article_mask, filter_articles, filter_key
from .prepared import prepared_of, remembered_frame

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


@dataclass(frozen=True)
class TermMatrix:
    """The corpus's terms as arrays, one entry per (article, term) pair, the pairs of each article
    together in article row order: counting the terms of any filtered set of articles is then a
    couple of ``np.bincount`` calls, never a groupby."""
    terms: pd.Series  # code -> term (the terms table's dtype)
    order: np.ndarray  # code -> position of the term in Vietnamese order (``rank``'s tie-break)
    codes: np.ndarray  # per pair: the term's code
    rows: np.ndarray  # per pair: the article's row in corpus.articles (non-decreasing)
    counts: np.ndarray  # per pair: occurrences
    lengths: np.ndarray  # per article row: how many pairs it has (0: no term)

    @classmethod
    def build(cls, corpus: Corpus) -> "TermMatrix":
        """From the terms table read a batch at a time (it is never held whole): pairs in order of
        first appearance within each article, term codes in order of first appearance, counts
        summed per pair."""
        index = pd.Index(corpus.articles["doc_id"])
        vocabulary: dict[str, int] = {}
        rows, codes, counts, dtype = [], [], [], None
        for batch in corpus.term_batches():
            dtype = batch["term"].dtype
            batch = batch.dropna(subset=["term"])
            at = positions_in(index, batch["doc_id"])
            kept = batch[at >= 0]
            local, distinct = pd.factorize(kept["term"])
            known = np.fromiter((vocabulary.setdefault(t, len(vocabulary)) for t in distinct), np.int32, len(distinct))
            # 32-bit: ~10 million pairs at a national scale, and no code, row or count nears 2**31
            rows.append(at[at >= 0].astype(np.int32))
            codes.append(known[local])
            counts.append(kept["count"].fillna(0).to_numpy(dtype=np.int32))
        row, code, count = (np.concatenate(part) if part else np.zeros(0, np.int32) for part in (rows, codes, counts))
        del rows, codes, counts
        names = pd.Series(list(vocabulary), dtype=dtype)
        order = np.empty(len(names), dtype=np.int64)
        order[np.argsort(series_key(names).to_numpy(dtype=object), kind="stable")] = np.arange(len(names))
        code, row, count = _by_article(*_one_entry_per_pair(row, code, count, len(vocabulary)))
        return cls(names, order, code, row, count, np.bincount(row, minlength=len(index)))

    @property
    def with_terms(self) -> np.ndarray:
        """Per article row: whether it has any term."""
        return self.lengths > 0

    def picked(self, articles: np.ndarray) -> np.ndarray:
        """Per pair: is its article marked in ``articles`` (booleans per article row)? The pairs of
        an article are together, so this repeats each article's mark (~7x quicker than a gather)."""
        return np.repeat(articles, self.lengths)

    def counted(self, articles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(occurrences, articles holding it) per term code, over the articles marked in ``articles``."""
        picked = self.picked(articles)
        codes = self.codes[picked]
        return (np.bincount(codes, weights=self.counts[picked], minlength=len(self.terms)).astype(np.int64),
                np.bincount(codes, minlength=len(self.terms)))


def _by_article(code: np.ndarray, row: np.ndarray, count: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs in article row order, each article's in their order (a terms table read in
    article order, as a snapshot's is, is so already: then nothing is copied)."""
    if not len(row) or (row[1:] >= row[:-1]).all():
        return code, row, count
    order = np.argsort(row, kind="stable")
    return code[order], row[order], count[order]


def _one_entry_per_pair(row: np.ndarray, code: np.ndarray, count: np.ndarray,
                        terms: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(codes, rows, counts) with each (row, code) pair once, at its first appearance, its counts
    summed: a table may repeat a term within an article (and a batch may cut through one). Usually
    nothing repeats, and one sorted copy of the keys shows it."""
    key = row.astype(np.int64) * max(terms, 1) + code
    ordered = np.sort(key)
    if not (ordered[1:] == ordered[:-1]).any():
        return code, row, count
    del ordered
    by_key = np.argsort(key, kind="stable")  # stable: a pair's first appearance comes first
    starts = np.r_[True, key[by_key][1:] != key[by_key][:-1]]
    summed = np.bincount(np.cumsum(starts) - 1, weights=count[by_key]).astype(np.int32)
    first = by_key[starts]
    appearance = np.argsort(first, kind="stable")
    return code[first[appearance]], row[first[appearance]], summed[appearance]


def term_keys(corpus: Corpus) -> np.ndarray:
    """Each term code's ``term_key``, folded once per prepared corpus (``data.py`` on load)."""
    return prepared_of(corpus).once("term_keys",
                                    lambda: map_distinct(term_matrix(corpus).terms, term_key).to_numpy(dtype=object))


def term_matrix(corpus: Corpus) -> TermMatrix:
    """The corpus's ``TermMatrix``, built once per prepared corpus (``dashboard/data.py`` builds it on load)."""
    return prepared_of(corpus).once("term_matrix", lambda: TermMatrix.build(corpus))


def _filtered_table(corpus: Corpus, f: Filters) -> tuple[pd.DataFrame, int]:
    """``term_table`` of the filtered articles' terms (counted once per set of filters: the page asks
    twice), and how many articles the filters leave."""
    table = remembered_frame(corpus, ("term_table", filter_key(f)), lambda: _counted_table(corpus, f))
    return table, int(article_mask(corpus, f).sum())


def _code_counts(corpus: Corpus, f: Filters) -> tuple[np.ndarray, np.ndarray]:
    """``TermMatrix.counted`` over the filtered articles, kept per set of filters (the term table
    and the distinctive terms both read it)."""
    return prepared_of(corpus).remembered(("term_codes", filter_key(f)),
                                          lambda: term_matrix(corpus).counted(article_mask(corpus, f)))


def _counted_table(corpus: Corpus, f: Filters) -> pd.DataFrame:
    matrix = term_matrix(corpus)
    count, articles = _code_counts(corpus, f)
    present = np.flatnonzero(articles)
    ranked = present[np.lexsort((matrix.order[present], -count[present]))]
    table = pd.DataFrame({"term": matrix.terms.take(ranked).reset_index(drop=True),
                          "count": count[ranked].astype(int), "articles": articles[ranked]})
    return table if len(table) else pd.DataFrame(columns=TERM_COLUMNS)


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
    table, _ = _filtered_table(corpus, f)
    return without(table, hidden).head(n).reset_index(drop=True)


def term_overview(corpus: Corpus, f: Filters, n: int, hidden=None) -> dict:
    """What the terms section shows: ``terms`` (top n visible), ``defining`` (the corpus-defining
    ones), ``hidden`` (what is left out: ``hidden`` if given, else the defining ones) and ``articles``."""
    table, n_articles = _filtered_table(corpus, f)
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
    in_target = is_in(pairs["doc_id"], target)
    table = pd.DataFrame({"target_articles": pairs[in_target].groupby("term").size(),
                          "rest_articles": pairs[~in_target].groupby("term").size()}).fillna(0).astype(int)
    return _distinct_ranking(table.reset_index().rename(columns={"index": "term"}), c, d, n, hidden)


def _distinct_ranking(table: pd.DataFrame, c: int, d: int, n: int, hidden) -> pd.DataFrame:
    """``table`` (term, target_articles, rest_articles) scored against ``c`` target and ``d`` other
    articles: the ``n`` most distinctive over-represented terms, ``hidden`` left out."""
    table["target_share"], table["rest_share"] = table["target_articles"] / c, table["rest_articles"] / d
    table["score"] = log_likelihood(table["target_articles"], table["rest_articles"], c, d)
    keep = (table["target_share"] > table["rest_share"]) & (table["target_articles"] >= MIN_DISTINCT_ARTICLES)
    table = without(table[keep], hidden)
    table = table.sort_values(["score", "term"], ascending=[False, True], kind="mergesort").head(n)
    return table.assign(term=table["term"].map(display_term))[DISTINCT_COLUMNS].reset_index(drop=True)


def _distinctive_in(matrix: TermMatrix, shown: np.ndarray, target: np.ndarray, shown_articles: np.ndarray,
                    n: int, hidden) -> pd.DataFrame:
    """``distinctive_terms`` over the matrix: ``shown`` marks the filtered articles, ``target`` the
    target's (both in article row order), ``shown_articles`` the filtered articles holding each
    term code (``_code_counts``): only the target's pairs are counted here."""
    c = int((matrix.with_terms & shown & target).sum())
    d = int((matrix.with_terms & shown & ~target).sum())
    if not c or not d:
        return pd.DataFrame(columns=DISTINCT_COLUMNS)
    target_articles = np.bincount(matrix.codes[matrix.picked(shown & target)], minlength=len(matrix.terms))
    rest_articles = shown_articles - target_articles
    present = np.flatnonzero(shown_articles)
    table = pd.DataFrame({"term": matrix.terms.take(present).reset_index(drop=True),
                          "target_articles": target_articles[present], "rest_articles": rest_articles[present]})
    return _distinct_ranking(table, c, d, n, hidden)


def term_trend(terms: pd.DataFrame, dates: pd.Series, wanted: list[str]) -> pd.DataFrame:
    """Articles holding each ``wanted`` term per year: term, year, articles (every year of the
    dated articles, zeros included, so a sparkline's points line up). ``dates``: doc_id -> date."""
    years = dates.dropna().dt.year.astype(int)
    if years.empty or not wanted:
        return pd.DataFrame(columns=["term", "year", "articles"])
    keys = {term_key(w): w for w in wanted}
    picked = terms[map_distinct(terms["term"], term_key).isin(keys)][["doc_id", "term"]].drop_duplicates()
    picked = picked.assign(term=map_distinct(picked["term"], lambda t: keys[term_key(t)]),
                           year=picked["doc_id"].map(years))
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
    shown = article_mask(corpus, f)
    frame = prepared_of(corpus).frame
    kind, _, value = target.partition(":")
    if kind == "p":
        part = (frame["province"] == value).fillna(False).to_numpy(dtype=bool)
    elif kind == "y" and value.isdigit():
        part = (frame["date"].dt.year == int(value)).fillna(False).to_numpy(dtype=bool)
    else:
        return pd.DataFrame(columns=[*DISTINCT_COLUMNS, "trend"]), []
    matrix = term_matrix(corpus)
    # a province's own name is what picked its articles: that it is "distinctive" tells nothing
    table = _distinctive_in(matrix, shown, shown & part, _code_counts(corpus, f)[1], n,
                            [*hidden, value] if kind == "p" else hidden)
    wanted = table["term"].tolist()
    trend = _trend_in(matrix, term_keys(corpus), frame["date"], shown, wanted)
    years = sorted(trend["year"].unique().tolist()) if not trend.empty else []
    series = trend.groupby("term")["articles"].apply(list) if not trend.empty else pd.Series(dtype=object)
    return table.assign(trend=table["term"].map(series)), years


def _trend_in(matrix: TermMatrix, keys: np.ndarray, dates: pd.Series, shown: np.ndarray,
              wanted: list[str]) -> pd.DataFrame:
    """``term_trend`` over the matrix: ``keys`` is each term code's ``term_key``, ``dates`` each
    article row's date, ``shown`` marks the filtered articles (row order). Each (article, term) pair
    is counted in its article's year, as ``term_trend`` counts its (doc_id, term) rows."""
    years = dates[shown].dropna().dt.year.astype(int)
    if years.empty or not wanted:
        return pd.DataFrame(columns=["term", "year", "articles"])
    first, span = int(years.min()), int(years.max()) - int(years.min()) + 1
    # each code's line in the grid (-1: not wanted); two wanted spellings of one key count on the later's line
    line_of_key = {term_key(w): i for i, w in enumerate(wanted)}
    line_of_code = pd.Series(keys, dtype=object).map(line_of_key).fillna(-1).to_numpy(dtype=np.int64)
    # the wanted terms' pairs among the filtered articles' (a gather of booleans, not of lines)
    at = np.flatnonzero((line_of_code >= 0)[matrix.codes] & matrix.picked(shown))
    year = dates.dt.year.to_numpy(dtype=float, na_value=np.nan)[matrix.rows[at]]
    dated = ~np.isnan(year)
    cell = line_of_code[matrix.codes[at[dated]]] * span + (year[dated].astype(np.int64) - first)
    counts = np.bincount(cell, minlength=len(wanted) * span)
    return pd.DataFrame({"term": np.repeat(np.array(wanted, dtype=object), span),
                         "year": np.tile(np.arange(first, first + span, dtype=np.int64), len(wanted)),
                         "articles": counts.astype(np.int64)})
