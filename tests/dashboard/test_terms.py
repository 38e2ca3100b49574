"""Terms that inform: corpus-defining terms, hidden terms, log-likelihood, distinctive terms,
trends; keyword in context rows."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import queries
from dashboard.filters import Filters
from dashboard.queries.kwic import context_rows
from dashboard.queries.terms import corpus_defining, distinctive_terms, log_likelihood, term_table, term_trend, without
from dashboard.search import match_spans, parse

TERMS = pd.DataFrame([  # (doc, term, count): t1 in every article, t2 only in the target's
    *[(f"d{i}", "thông_tin đối ngoại", 3) for i in range(10)],
    *[(f"d{i}", "biển đảo", 1) for i in range(4)],
    *[(f"d{i}", "đầu tư", 1) for i in range(4, 10)],
    ("d0", "lẻ", 1),
], columns=["doc_id", "term", "count"])
TARGET = ["d0", "d1", "d2", "d3"]


def test_corpus_defining_terms_are_those_in_most_articles():
    table = term_table(TERMS)
    assert corpus_defining(table, 10) == ["thông tin đối ngoại", "đầu tư"]  # 10/10 and 6/10 reach half
    assert corpus_defining(table, 10, share=0.9) == ["thông tin đối ngoại"]


@pytest.mark.parametrize("hidden, left", [
    pytest.param(["thông tin đối ngoại"], {"biển đảo", "đầu tư", "lẻ"}, id="spaces match the segmenter's underscores"),
    pytest.param(["BIỂN ĐẢO", "Lẻ"], {"thông_tin đối ngoại", "đầu tư"}, id="case folded"),
    pytest.param([], {"thông_tin đối ngoại", "biển đảo", "đầu tư", "lẻ"}, id="nothing hidden"),
])
def test_without_hidden_terms(hidden, left):
    assert set(without(term_table(TERMS), hidden)["term"]) == left


@pytest.mark.parametrize("a, b, c, d, expected", [
    pytest.param(5, 50, 10, 100, 0.0, id="same share: nothing distinctive"),
    pytest.param(0, 0, 10, 100, 0.0, id="absent everywhere"),
])
def test_log_likelihood_is_zero_without_difference(a, b, c, d, expected):
    assert float(log_likelihood(a, b, c, d)) == pytest.approx(expected)


def test_log_likelihood_grows_with_the_difference():
    weak, strong = log_likelihood([6, 9], [40, 10], 10, 100)
    assert 0 < weak < strong


def test_distinctive_terms_of_a_part():
    table = distinctive_terms(TERMS, TARGET)
    assert table["term"].tolist() == ["biển đảo"], "over-represented only, single-article terms dropped"
    assert (table.loc[0, "target_articles"], table.loc[0, "rest_articles"]) == (4, 0)
    assert distinctive_terms(TERMS, TARGET, hidden=["biển đảo"]).empty
    assert distinctive_terms(TERMS, [f"d{i}" for i in range(10)]).empty, "no rest to compare with"


def test_term_trend_has_every_year():
    dates = pd.Series(pd.to_datetime(["2020-01-01", "2022-05-01", "2022-06-01"]), index=["d0", "d1", "d5"])
    trend = term_trend(TERMS, dates, ["biển đảo"])
    assert trend["year"].tolist() == [2020, 2021, 2022]
    assert trend["articles"].tolist() == [1, 0, 1]


def test_distinctive_of_a_province_leaves_its_own_name_out(corpus):
    table, years = queries.distinctive_of(corpus, Filters(), "p:Nghệ An", 10)
    assert "nghệ an" not in set(table["term"].str.lower())
    assert years == list(range(min(years), max(years) + 1)) if years else True


@pytest.mark.parametrize("sentence, query, hits", [
    pytest.param("Tuyên truyền chủ quyền biển, đảo cho ngư dân.", "bien dao",
                 [("…truyền chủ quyền ", "biển, đảo", " cho ngư dân.")], id="one hit, punctuation kept, left cut at a word"),
    pytest.param("Lào và Campuchia, rồi Lào.", "Lào", [("", "Lào", " và Campuchia, rồi…"), ("…và Campuchia, rồi ", "Lào", ".")],
                 id="two hits, contexts cut at a word"),
])
def test_context_rows(sentence, query, hits):
    rows = context_rows(sentence, match_spans(sentence, parse(query)), width=18)
    assert [(r["left"], r["hit"], r["right"]) for r in rows] == hits


@pytest.mark.parametrize("kwargs, docs", [
    pytest.param({"term": "đoàn khách"}, 10, id="a phrase, as search finds it"),
    pytest.param({"term": "DOAN KHACH"}, 10, id="case and marks ignored"),
    pytest.param({"term": "Nghệ An OR Hà Tĩnh"}, 0, id="bodies do not name provinces: none"),
])
def test_keyword_in_context_finds_what_search_finds(corpus, kwargs, docs):
    table = queries.keyword_in_context(corpus, Filters(), **kwargs)
    assert table["doc_id"].nunique() == docs
    assert all(h for h in table["hit"])


@pytest.mark.parametrize("f", [
    pytest.param(Filters(), id="default filters"),
    pytest.param(Filters(relevant_only=False), id="every article"),
])
def test_trend_over_the_matrix_is_term_trend(corpus, f):
    from dashboard.queries.counting import map_distinct
    from dashboard.queries.filtering import article_mask
    from dashboard.queries.prepared import prepared_of
    from dashboard.queries.terms import _trend_in, term_key
    matrix, frame = queries.term_matrix(corpus), prepared_of(corpus).frame
    shown = article_mask(corpus, f)
    wanted = queries.term_frequencies(corpus, f, 5)["term"].map(lambda t: t.replace("_", " ")).tolist()
    keys = map_distinct(matrix.terms, term_key).to_numpy(dtype=object)
    pairs = corpus.terms[corpus.terms["doc_id"].isin(frame["doc_id"][shown])][["doc_id", "term"]]
    dates = frame.loc[shown, ["doc_id", "date"]].set_index("doc_id")["date"]
    expected = term_trend(pairs, dates, wanted)
    assert len(expected) and expected["articles"].sum()
    pd.testing.assert_frame_equal(_trend_in(matrix, keys, frame["date"], shown, wanted), expected)
