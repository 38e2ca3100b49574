"""Keyword in context: every hit of a term (a search query) or a theme's keyword in the filtered
articles, as left context · the hit · right context, so the hits line up in a column.

The term is matched as search matches (case, diacritics and punctuation ignored, phrases, OR,
variants): the corpus's search index picks the articles, then only their sentences are read.
"""
from __future__ import annotations

from typing import Iterator

import pandas as pd

from loaders.schema import Corpus
from loaders.textnorm import split_sentences

from ..filters import Filters
from ..search import index_of, match_spans, parse
from .counting import is_in
from .filtering import filter_articles

KWIC_COLUMNS = ["doc_id", "title", "date", "province", "left", "hit", "right", "sentence"]
CONTEXT_CHARS = 70  # each side of the hit
BODY_CHUNK = 64  # bodies read at a time while collecting hits
ELLIPSIS = "…"


def context_rows(sentence: str, spans: list[tuple[int, int]], width: int = CONTEXT_CHARS) -> list[dict]:
    """One row per hit: up to ``width`` characters each side, cut at a word, "…" where cut."""
    rows = []
    for start, end in spans:
        left, right = sentence[:start].rstrip(), sentence[end:].lstrip()
        if len(left) > width:
            left = ELLIPSIS + left[-width:].split(" ", 1)[-1]
        if len(right) > width:
            right = right[:width].rsplit(" ", 1)[0] + ELLIPSIS
        gap_left = " " if start and sentence[start - 1] == " " else ""
        gap_right = " " if end < len(sentence) and sentence[end] == " " else ""
        rows.append({"left": left + gap_left, "hit": sentence[start:end], "right": gap_right + right,
                     "sentence": sentence})
    return rows


def keyword_in_context(corpus: Corpus, f: Filters, term: str | None = None, theme: str | None = None,
                       limit: int = 200, width: int = CONTEXT_CHARS) -> pd.DataFrame:
    """Hits of ``term`` (or of ``theme``'s keywords) in the filtered articles, newest first."""
    arts = filter_articles(corpus, f)
    if arts.empty or not (term or theme):
        return pd.DataFrame(columns=KWIC_COLUMNS)
    arts = arts.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    rows = _theme_hits(corpus, theme, arts, limit, width) if theme else _term_hits(corpus, term or "", arts, limit,
                                                                                   width)
    if not rows:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    info = arts.set_index("doc_id")[["title", "date", "province"]]
    table = pd.DataFrame(rows).join(info, on="doc_id")
    return table[KWIC_COLUMNS].head(limit).reset_index(drop=True)


def _term_hits(corpus: Corpus, term: str, arts: pd.DataFrame, limit: int, width: int) -> list[dict]:
    query = parse(term.replace("_", " "))
    if not query.phrases:
        return []
    holding = set(corpus.articles["doc_id"][index_of(corpus).mask(query)])
    ordered = arts.loc[is_in(arts["doc_id"], holding), "doc_id"]
    rows: list[dict] = []
    for doc_id, body in zip(ordered, _bodies(corpus, ordered), strict=True):
        for sentence in split_sentences(body if isinstance(body, str) else ""):
            rows += [{"doc_id": doc_id, **r} for r in context_rows(sentence, match_spans(sentence, query), width)]
            if len(rows) >= limit:
                return rows
    return rows


def _bodies(corpus: Corpus, doc_ids: pd.Series) -> Iterator:
    """The bodies of ``doc_ids``, in their order, read BODY_CHUNK at a time: the one place this
    module reads article texts (Corpus.bodies reads them from the cache), and the caller stops at
    its limit of hits, usually within the first chunk."""
    for start in range(0, len(doc_ids), BODY_CHUNK):
        yield from corpus.bodies(doc_ids.iloc[start:start + BODY_CHUNK]).tolist()


def _theme_hits(corpus: Corpus, theme: str, arts: pd.DataFrame, limit: int, width: int) -> list[dict]:
    """The sentences the theme was found in, its keyword as the hit (each sentence once per article)."""
    hits = corpus.themes[(corpus.themes["theme"] == theme) & is_in(corpus.themes["doc_id"], arts["doc_id"])]
    order = {d: i for i, d in enumerate(arts["doc_id"])}
    hits = hits.drop_duplicates(["doc_id", "sentence"]).sort_values("doc_id", key=lambda s: s.map(order))
    rows: list[dict] = []
    for doc_id, keyword, sentence in hits[["doc_id", "keyword", "sentence"]].itertuples(index=False):
        spans = match_spans(sentence, parse(f'"{keyword}"')) or [(0, 0)]
        rows += [{"doc_id": doc_id, **r} for r in context_rows(sentence, spans[:1], width)]
        if len(rows) >= limit:
            break
    return rows
