"""Partner countries: which countries the delegations came from or went to, and which countries
each province's meetings mention.

Two sources, never mixed up: a country *linked to a delegation figure* is named in the sentence
the figure was read from (or, when the loader gives one, in the number's own ``countries``
column); a country *mentioned* is anywhere in the article (``articles.countries``). Counts are
meetings (or articles, by ``Filters.unit``) and a meeting counts once per country.
"""
from __future__ import annotations

import pandas as pd

from loaders.extract.countries import countries_in
from loaders.schema import Corpus

from ..filters import Filters
from .collation import sort_frame
from .counting import grouped_count, is_in, rank, top_rows
from .delegations import province_column
from .filtering import filter_articles, filter_key
from .prepared import prepared_of, remembered_frame

RELATIONS = ("in", "out", "mentioned")
# which delegation fields stand for a direction
DIRECTION_FIELDS = {"in": ("delegations_in", "visitors_in"), "out": ("delegations_out", "visitors_out")}
PARTNER_COLUMNS = ["country", "relation", "count"]


def _number_countries(numbers: pd.DataFrame) -> pd.Series:
    """The countries each delegation figure is linked to: the number's own ``countries`` when the
    loader provides that column, else those named in its evidence sentence."""
    if "countries" in numbers:
        return numbers["countries"].map(lambda v: list(v) if isinstance(v, (list, tuple)) else [])
    return numbers["sentence"].fillna("").map(countries_in)


def number_countries(corpus: Corpus) -> pd.Series:
    """The countries of every figure of ``corpus.numbers``, in its row order: read once per prepared
    corpus (a regex over each evidence sentence; ``dashboard/data.py`` reads them on load)."""
    return prepared_of(corpus).once("number_countries", lambda: _number_countries(corpus.numbers))


def _linked(corpus: Corpus, arts: pd.DataFrame) -> pd.DataFrame:
    """meeting_key, country, relation ("in"/"out") for every figure linked to a country."""
    keys = arts.set_index("doc_id")["meeting_key"]
    countries = number_countries(corpus)
    frames = []
    for relation, fields in DIRECTION_FIELDS.items():
        picked = corpus.numbers["field"].isin(fields).to_numpy(dtype=bool) & is_in(corpus.numbers["doc_id"], keys.index)
        if not picked.any():
            continue
        table = pd.DataFrame({"doc_id": corpus.numbers["doc_id"].to_numpy()[picked],
                              "country": countries.to_numpy()[picked]})
        table = table.explode("country").dropna(subset=["country"])
        frames.append(table.assign(relation=relation, meeting_key=table["doc_id"].map(keys)))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["doc_id", "country", "relation", "meeting_key"])


def _mentioned(arts: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
    """One row per (article, country it mentions) with the ``keep`` columns."""
    table = arts[[*keep, "countries"]].explode("countries").dropna(subset=["countries"])
    return table.rename(columns={"countries": "country"})


def partner_countries(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """Long frame country × relation -> count: "in"/"out" when a delegation figure of the meeting
    names the country, "mentioned" when its article does at all. Countries by their mentions, then
    name (Vietnamese order)."""
    arts = filter_articles(corpus, f)
    if arts.empty:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    mentioned = _mentioned(arts, ["doc_id", "meeting_key"]).assign(relation="mentioned")
    rows = pd.concat([_linked(corpus, arts), mentioned], ignore_index=True)
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
    arts = filter_articles(corpus, f)
    col = province_column(scheme)
    arts = arts[arts[col].notna()]
    table = _mentioned(arts, [col, "meeting_key"]).rename(columns={col: "province"})
    if table.empty:
        return pd.DataFrame(columns=["province", "country", "count"])
    return grouped_count(table, ["province", "country"], f.unit)
