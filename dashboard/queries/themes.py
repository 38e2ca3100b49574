"""Themes and terms: term frequencies, theme shares and trends, province × theme, keyword in context."""
from __future__ import annotations

import pandas as pd

from loaders.schema import Corpus
from loaders.textnorm import fold, split_sentences

from ..filters import Filters
from .counting import count, explode_themes, grouped_count, rank, top_rows
from .filtering import dated_articles, filter_articles
from .periods import bucket_of

KWIC_COLUMNS = ["doc_id", "title", "date", "province", "sentence"]


def term_frequencies(corpus: Corpus, f: Filters, n: int) -> pd.DataFrame:
    """Top ``n`` segmented terms over the filtered articles: term, count, articles."""
    docs = set(filter_articles(corpus, f)["doc_id"])
    terms = corpus.terms[corpus.terms["doc_id"].isin(docs)]
    if terms.empty:
        return pd.DataFrame(columns=["term", "count", "articles"])
    table = terms.groupby("term").agg(count=("count", "sum"), articles=("doc_id", "nunique")).reset_index()
    table["count"] = table["count"].astype(int)
    return rank(table, "count", "term").head(n)


def display_term(term: str) -> str:
    """Segmenters join syllables with '_' ("thông_tin"); show them with spaces."""
    return str(term).replace("_", " ")


def readable_terms(terms: pd.DataFrame) -> pd.DataFrame:
    """``term_frequencies`` with its terms as a reader writes them (the term table and its export)."""
    return terms.assign(term=terms["term"].map(display_term))


def cloud_frequencies(terms: pd.DataFrame) -> dict[str, int]:
    """Readable term -> count, what the word cloud is drawn from."""
    return {display_term(t): int(n) for t, n in zip(terms["term"], terms["count"], strict=False)}


def theme_shares(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Each theme's count and its share of all filtered meetings/articles."""
    arts = filter_articles(corpus, f)
    total = count(arts, f.unit)
    table = grouped_count(explode_themes(arts, ["meeting_key"]), ["theme"], f.unit)
    table["share"] = table["count"] / total if total else 0.0
    return rank(table, "count", "theme")


def theme_trend(corpus: Corpus, f: Filters, freq: str = "Y") -> pd.DataFrame:
    arts = dated_articles(corpus, f)
    exploded = explode_themes(arts.assign(bucket=bucket_of(arts["date"], freq)), ["bucket", "meeting_key"])
    table = grouped_count(exploded, ["bucket", "theme"], f.unit)
    return table.sort_values(["bucket", "theme"]).reset_index(drop=True)


def province_theme(corpus: Corpus, f: Filters, max_rows: int = 30) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts[arts["province"].notna()]
    table = grouped_count(explode_themes(arts, ["province", "meeting_key"]), ["province", "theme"], f.unit)
    if table.empty:
        return table
    return top_rows(table, "province", max_rows)


def keyword_in_context(corpus: Corpus, f: Filters, term: str | None = None, theme: str | None = None,
                       limit: int = 200) -> pd.DataFrame:
    """Sentences of filtered articles that contain ``term`` (or carry ``theme``), with their article."""
    arts = filter_articles(corpus, f)
    if arts.empty or not (term or theme):
        return pd.DataFrame(columns=KWIC_COLUMNS)
    info = arts.set_index("doc_id")[["title", "date", "province"]]
    rows = _theme_sentences(corpus, theme, info.index) if theme else _term_sentences(arts, term or "", limit)
    if not rows:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    table = pd.DataFrame(rows).join(info, on="doc_id")
    table = table.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    return table[KWIC_COLUMNS].head(limit).reset_index(drop=True)


def _theme_sentences(corpus: Corpus, theme: str, docs: pd.Index) -> list[dict]:
    """The sentences the theme was found in (each once per article)."""
    hits = corpus.themes[(corpus.themes["theme"] == theme) & corpus.themes["doc_id"].isin(docs)]
    return [{"doc_id": doc_id, "sentence": sentence}
            for doc_id, sentence in hits[["doc_id", "sentence"]].drop_duplicates().itertuples(index=False)]


def _term_sentences(arts: pd.DataFrame, term: str, limit: int) -> list[dict]:
    """Body sentences containing ``term`` (case and tone marks folded), at most ``limit``, in article order."""
    needle = fold(display_term(term))
    rows: list[dict] = []
    for doc_id, body in arts[["doc_id", "body"]].itertuples(index=False):
        for sentence in split_sentences(body if isinstance(body, str) else ""):
            if needle in fold(sentence):
                rows.append({"doc_id": doc_id, "sentence": sentence})
                if len(rows) >= limit:
                    return rows
    return rows
