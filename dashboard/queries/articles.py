"""Articles: the filtered table, and one article with everything extracted from it."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

import numpy as np
import pandas as pd

from loaders.schema import Corpus

from ..filters import Filters
from .filtering import article_mask, with_dates
from .prepared import prepared_of

ARTICLE_TABLE_COLUMNS = ["doc_id", "date", "date_source", "province", "level", "meeting_type", "period", "title",
                         "url", "relevant", "meeting_id", "corrected_fields"]
PICKER_TITLE_CHARS = 120  # of a title in the article picker
# the long tables whose rows carry the sentence they were read from
EVIDENCE_TABLES = ("evidence", "people", "numbers", "themes")


def articles_table(corpus: Corpus, f: Filters) -> pd.DataFrame:
    """The filtered articles, newest first (then by doc_id; undated last). The corpus is sorted once:
    doc_ids are unique, so the order is total and the filtered rows keep it (sorting 90k rows of
    text keys cost a sixth of a second per rerun)."""
    order = articles_order(corpus)
    picked = order[article_mask(corpus, f)[order]]
    return prepared_of(corpus).frame[ARTICLE_TABLE_COLUMNS].take(picked).reset_index(drop=True)


def articles_order(corpus: Corpus) -> np.ndarray:
    """``newest_first`` of the whole corpus, sorted once per prepared corpus (``data.py`` on load)."""
    p = prepared_of(corpus)
    return p.once("articles_order", lambda: newest_first(p.frame))


def newest_first(arts: pd.DataFrame) -> np.ndarray:
    """Row positions of ``arts`` by date, newest first, then doc_id; undated rows last."""
    ranked = arts[["date", "doc_id"]].reset_index(drop=True)
    return ranked.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last",
                              kind="mergesort").index.to_numpy()


def article_titles(corpus: Corpus) -> dict[str, str]:
    """doc_id -> title ("" when it has none) for every article, whatever the filters (built once
    per prepared corpus; each caller gets its own dict)."""
    arts = corpus.articles
    return dict(prepared_of(corpus).once(
        "titles", lambda: dict(zip(arts["doc_id"].tolist(), arts["title"].fillna("").tolist(), strict=False))))


def article_labels(corpus: Corpus) -> Mapping[str, str]:
    """doc_id -> how the article picker names it ("doc — title", the title cut at ``title_chars``),
    for every article: built once per prepared corpus, read-only (the picker asks it of every
    filtered article on each rerun)."""
    return prepared_of(corpus).once("article_labels", lambda: MappingProxyType(
        {d: f"{d} — {t[:PICKER_TITLE_CHARS]}" for d, t in article_titles(corpus).items()}))


def article(corpus: Corpus, doc_id: str) -> dict | None:
    """One article's row plus its evidence, people, numbers and theme hits (whatever the filters)."""
    rows = with_dates(corpus.articles[corpus.articles["doc_id"] == doc_id])  # its texts included: the page shows them
    if rows.empty:
        return None
    pick = lambda table: table[table["doc_id"] == doc_id].reset_index(drop=True)  # noqa: E731
    texts = {"body": corpus.bodies([doc_id]).iloc[0], "raw_text": corpus.raw_texts([doc_id]).iloc[0]}
    row = {**rows.iloc[0].to_dict(), **{k: v if isinstance(v, str) else None for k, v in texts.items()}}
    return {"row": row, "evidence": pick(corpus.evidence), "people": pick(corpus.people),
            "numbers": pick(corpus.numbers), "themes": pick(corpus.themes)}


def evidence_sentences(found: dict) -> list[str]:
    """Every sentence some extracted value of ``article(...)`` stands on."""
    out = []
    for name in EVIDENCE_TABLES:
        frame = found[name]
        if "sentence" in frame:
            out.extend(frame["sentence"].dropna().astype(str).tolist())
    return out


def evidence_rows(found: dict) -> pd.DataFrame:
    """field, value, sentence for the article's extracted fields, then its people ("people.<role>")."""
    ev = found["evidence"][["field", "value", "sentence"]]
    people = found["people"]
    people = pd.DataFrame({"field": people["role"].map(lambda r: f"people.{r}"),
                           "value": people["name"], "sentence": people["sentence"]})
    return pd.concat([ev, people], ignore_index=True)
