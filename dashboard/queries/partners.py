"""Partner countries: which countries the delegations came from or went to, and which countries
each province's meetings mention.

Two sources, never mixed up: a country *linked to a delegation figure* is named in the sentence
the figure was read from (or, when the loader gives one, in the number's own ``countries``
column); a country *mentioned* is anywhere in the article (``articles.countries``). Counts are
meetings (or articles, by ``Filters.unit``) and a meeting counts once per country.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from loaders.extract.countries import countries_in
from loaders.schema import Corpus

from ..filters import Filters
from .collation import sort_frame
from .counting import grouped_count, map_distinct, positions_in, rank, top_rows
from .delegations import province_column
from .filtering import article_mask, filter_articles, filter_key
from .prepared import prepared_of, remembered_frame
from .themes import meeting_codes, theme_pairs

RELATIONS = ("in", "out", "mentioned")
# which delegation fields stand for a direction
DIRECTION_FIELDS = {"in": ("delegations_in", "visitors_in"), "out": ("delegations_out", "visitors_out")}
PARTNER_COLUMNS = ["country", "relation", "count"]


def _number_countries(numbers: pd.DataFrame) -> pd.Series:
    """The countries each delegation figure is linked to: the number's own ``countries`` when the
    loader provides that column, else those named in its evidence sentence."""
    if "countries" in numbers:
        return numbers["countries"].map(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
    # once per distinct sentence: a sentence often holds two figures ("20 đoàn, 300 lượt khách"), and reposts repeat it
    return map_distinct(numbers["sentence"].fillna(""), countries_in)


def number_countries(corpus: Corpus) -> pd.Series:
    """The countries of every figure of ``corpus.numbers``, in its row order: read once per prepared
    corpus (a regex over each evidence sentence; ``dashboard/data.py`` reads them on load)."""
    return prepared_of(corpus).once("number_countries", lambda: _number_countries(corpus.numbers))


def _linked(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """country, relation ("in"/"out") and meeting (``meeting_codes``) for every figure of the
    filtered articles linked to a country, from the corpus's (figure, country) pairs."""
    figures = figure_countries(corpus)
    shown = article_mask(corpus, f)[figures["article"]]
    frames = [pd.DataFrame({"country": figures["country"][picked], "relation": relation,
                            "meeting_key": figures["meeting"][picked]})
              for relation, fields in DIRECTION_FIELDS.items()
              if (picked := shown & figures["field"].isin(fields).to_numpy(dtype=bool)).any()]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["country", "relation",
                                                                                     "meeting_key"])


def figure_countries(corpus: Corpus) -> pd.DataFrame:
    """(article row, meeting code, field, country) for every country linked to a figure of
    ``corpus.numbers`` whose article is in the corpus, in the figures' order (once per prepared corpus)."""
    p = prepared_of(corpus)

    def build() -> pd.DataFrame:
        numbers = corpus.numbers
        rows = positions_in(pd.Index(p.frame["doc_id"]), numbers["doc_id"])
        table = pd.DataFrame({"article": rows, "field": numbers["field"].to_numpy(),
                              "country": number_countries(corpus).to_numpy()})
        table = table[rows >= 0].explode("country").dropna(subset=["country"]).reset_index(drop=True)
        return table.assign(meeting=meeting_codes(corpus)[table["article"].to_numpy(dtype=np.int64)])
    return p.once("figure_countries", build)


def country_pairs(corpus: Corpus) -> tuple[np.ndarray, pd.Series]:
    """(article row, country) for every country each article mentions (``themes.theme_pairs`` of the
    ``countries`` lists), once per prepared corpus (``data.py`` on load)."""
    p = prepared_of(corpus)
    return p.once("country_pairs", lambda: theme_pairs(p.frame["countries"]))


def _mentioned(corpus: Corpus, f: Filters, keep: list[str]) -> pd.DataFrame:
    """One row per (filtered article, country it mentions) with the ``keep`` columns of the article
    (``meeting_key`` as its ``meeting_codes``), from the corpus's (article, country) pairs."""
    p = prepared_of(corpus)
    rows, countries = country_pairs(corpus)
    picked = article_mask(corpus, f)[rows]
    at = rows[picked]
    out = pd.DataFrame({c: meeting_codes(corpus)[at] if c == "meeting_key" else p.frame[c].array.take(at)
                        for c in keep})
    out["country"] = countries.array.take(np.flatnonzero(picked))
    return out


def partner_countries(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Long frame country × relation -> count: "in"/"out" when a delegation figure of the meeting
    names the country, "mentioned" when its article does at all. Countries by their mentions, then
    name (Vietnamese order)."""
    arts = filter_articles(corpus, f)
    if arts.empty:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    mentioned = _mentioned(corpus, f, ["meeting_key"]).assign(relation="mentioned")
    rows = pd.concat([_linked(corpus, f), mentioned], ignore_index=True)
    if rows.empty:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    table = grouped_count(rows, ["country", "relation"], f.unit)
    order = rank(table.groupby("country", as_index=False)["count"].sum(), "count", "country")["country"]
    table["relation"] = pd.Categorical(table["relation"], RELATIONS)
    table["country"] = pd.Categorical(table["country"], list(order))
    return table.sort_values(["country", "relation"]).astype({"country": str, "relation": str}) \
        .reset_index(drop=True)[PARTNER_COLUMNS]


def country_totals(partners: pd.DataFrame) -> pd.DataFrame:
    """Per country, one column per relation (0 where none), ranked by mentions."""
    if partners.empty:
        return pd.DataFrame(columns=["country", *RELATIONS])
    wide = partners.pivot_table(index="country", columns="relation", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(RELATIONS), fill_value=0).astype(int).rename_axis(columns=None).reset_index()
    return rank(wide, "mentioned", "country")


def province_countries(corpus: Corpus, f: Filters, scheme: str = "63", max_rows: int = 30) -> pd.DataFrame:
    """Long frame province × country -> count of meetings (or articles) mentioning the country, for
    the ``max_rows`` provinces with the most such meetings."""
    counts = remembered_frame(corpus, ("province_countries", filter_key(f), f.unit, scheme),
                              lambda: _province_country_counts(corpus, f, scheme))
    if counts.empty:
        return pd.DataFrame(columns=["province", "country", "count"])
    return sort_frame(top_rows(counts, "province", max_rows), ["province", "country"]).reset_index(drop=True)


def _province_country_counts(corpus: Corpus, f: Filters, scheme: str) -> pd.DataFrame:
    """Every (province, country) count of ``province_countries`` (the page asks twice: the heatmap
    and how many provinces mention any country); empty when no article mentions one."""
    col = province_column(scheme)
    table = _mentioned(corpus, f, [col, "meeting_key"]).rename(columns={col: "province"})
    table = table[table["province"].notna()]
    if table.empty:
        return pd.DataFrame(columns=["province", "country", "count"])
    return grouped_count(table, ["province", "country"], f.unit)
