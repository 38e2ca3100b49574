"""Themes: theme shares and trends, province × theme. (Terms are queries/terms.py, keyword in
context queries/kwic.py.)"""
from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .counting import count, explode_themes, grouped_count, rank, top_rows
from .filtering import article_mask, dated_articles, filter_articles
from .periods import bucket_of
from .prepared import prepared_of


def theme_shares(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Each theme's count and its share of all filtered meetings/articles."""
    arts = filter_articles(corpus, f)
    total = count(arts, f.unit)
    table = grouped_count(themes_of(corpus, f, arts, ["meeting_key"]), ["theme"], f.unit)
    table["share"] = table["count"] / total if total else 0.0
    return rank(table, "count", "theme")


def theme_trend(corpus: Corpus, f: Filters, freq: str = "Y") -> pd.DataFrame:
    arts = dated_articles(corpus, f)
    exploded = themes_of(corpus, f, arts.assign(bucket=bucket_of(arts["date"], freq)), ["bucket", "meeting_key"])
    table = grouped_count(exploded, ["bucket", "theme"], f.unit)
    return table.sort_values(["bucket", "theme"]).reset_index(drop=True)


def province_theme(corpus: Corpus, f: Filters, max_rows: int = 30) -> pd.DataFrame:
    arts = filter_articles(corpus, f)
    arts = arts[arts["province"].notna()]
    table = grouped_count(themes_of(corpus, f, arts, ["province", "meeting_key"]), ["province", "theme"], f.unit)
    if table.empty:
        return table
    return top_rows(table, "province", max_rows)


def themes_of(corpus: Corpus, f: Filters, frame: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """``explode_themes(frame, keep)`` for ``frame`` = ``filter_articles(corpus, f)`` or some of its
    rows (its index: positions in that frame), read from the corpus's (article, theme) pairs, built
    once: exploding 100k lists cost a tenth of a second per chart. ``meeting_key``, when kept, is the
    meeting's code in the corpus (what counting meetings needs: distinct values, not their text)."""
    rows, themes = corpus_theme_pairs(corpus)
    mask = article_mask(corpus, f)
    picked = mask[rows]
    at = (np.cumsum(mask) - 1)[rows[picked]]  # each pair's position in the filtered frame
    in_frame = np.zeros(int(mask.sum()), dtype=bool)
    in_frame[frame.index.to_numpy()] = True
    kept = in_frame[at]
    if not kept.any():  # nothing to count: as explode gives it (its dtypes when empty)
        return explode_themes(frame, keep)
    out = frame[[c for c in keep if c != "meeting_key"]].loc[at[kept]]
    if "meeting_key" in keep:
        meetings = meeting_codes(corpus)
        out.insert(keep.index("meeting_key"), "meeting_key", meetings[np.flatnonzero(mask)[at[kept]]])
    out["theme"] = themes.array.take(np.flatnonzero(picked)[kept])
    return out


def corpus_theme_pairs(corpus: Corpus) -> tuple[np.ndarray, pd.Series]:
    """``theme_pairs`` of the whole corpus, built once per prepared corpus (``data.py`` on load)."""
    p = prepared_of(corpus)
    return p.once("theme_pairs", lambda: theme_pairs(p.frame["themes"]))


def meeting_codes(corpus: Corpus) -> np.ndarray:
    """Each article's meeting (``meeting_key``) as a code, once per prepared corpus (``data.py`` on load)."""
    p = prepared_of(corpus)
    return p.once("meeting_codes", lambda: pd.factorize(p.frame["meeting_key"])[0])


def theme_pairs(themes: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(row, theme) for every theme of every row of the list column ``themes``, in row then list order."""
    exploded = themes.reset_index(drop=True).explode().dropna()
    return exploded.index.to_numpy(dtype=np.int64), exploded.reset_index(drop=True)
