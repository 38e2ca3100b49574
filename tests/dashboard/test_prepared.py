"""The per-corpus prepared data (queries.prepared, the term matrix) gives what the plain pandas
definitions give, on the fixture corpus: the fast paths are checked against the slow ones."""
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard import queries
from dashboard.filters import Filters
from dashboard.queries import prepared
from dashboard.queries.counting import map_distinct, positions_in
from dashboard.queries.periods import UNDATED, bucket_of
from dashboard.queries.terms import TermMatrix, distinctive_terms, term_matrix, term_table
from loaders.corpus import Lazy

FILTERS = [
    pytest.param(Filters(), id="defaults: relevant articles only"),
    pytest.param(Filters(relevant_only=False), id="every article, the near-topic page too"),
    pytest.param(Filters(provinces=("Nghệ An", "Huế")), id="a 63-scheme and a 2025-scheme province name"),
    pytest.param(Filters(themes=("bao_chi",)), id="a theme in the list column"),
    pytest.param(Filters(levels=("central",), meeting_types=("so_ket", "tong_ket")), id="two categorical filters"),
    pytest.param(Filters(regions=("Bắc Trung Bộ và Duyên hải miền Trung",)), id="a region"),
    pytest.param(Filters(date_from=date(2023, 1, 1), date_to=date(2023, 12, 31)), id="a date window"),
    pytest.param(Filters(meeting_types=("no_such_type",)), id="a value the corpus lacks: nothing passes"),
    pytest.param(Filters(search="đoàn khách"), id="free text through the search index"),
]


def _kept(corpus):
    """``corpus`` with its prepared data built and kept, as dashboard/data.py does on load."""
    copy = replace(corpus)
    prepared.attach(copy)
    return copy


def _reference_docs(corpus, f):
    """The filtered doc ids without any prepared data (a fresh build, nothing remembered)."""
    return queries.filter_articles(replace(corpus), f)["doc_id"].tolist()


@pytest.mark.parametrize("f", FILTERS)
def test_kept_and_fresh_prepared_data_filter_alike(corpus, f):
    kept = _kept(corpus)
    first = queries.filter_articles(kept, f)
    again = queries.filter_articles(kept, f)  # remembered: the same rows again
    assert first["doc_id"].tolist() == again["doc_id"].tolist() == _reference_docs(corpus, f)
    mask = queries.filtering.article_mask(kept, f)
    assert corpus.articles["doc_id"][mask].tolist() == first["doc_id"].tolist(), "the mask marks the same rows"


def test_a_caller_changing_its_frame_changes_no_other_callers(corpus):
    kept = _kept(corpus)
    mine = queries.filter_articles(kept, Filters())
    mine["province"] = "changed"
    mine.loc[0, "title"] = "changed"
    theirs = queries.filter_articles(kept, Filters())
    assert "changed" not in set(theirs["province"]) and theirs.loc[0, "title"] != "changed"


def test_filtered_frames_carry_no_article_texts(corpus):
    arts = queries.filter_articles(_kept(corpus), Filters())
    assert not set(prepared.TEXT_COLUMNS) & set(arts.columns), "bodies are read only where they are shown"


def test_new_articles_frame_is_prepared_again(corpus):
    kept = _kept(corpus)
    queries.filter_articles(kept, Filters())
    kept.articles = corpus.articles[corpus.articles["doc_id"] != "a01"].reset_index(drop=True)
    assert "a01" not in set(queries.filter_articles(kept, Filters())["doc_id"]), "no stale result served"


@pytest.mark.parametrize("f", FILTERS)
def test_term_counts_from_the_matrix_match_the_groupby(corpus, f):
    kept = _kept(corpus)
    docs = set(queries.filter_articles(kept, f)["doc_id"])
    expected = term_table(corpus.terms[corpus.terms["doc_id"].isin(docs)])
    got = queries.term_overview(kept, f, 1000, hidden=[])["all"]
    assert got["term"].tolist() == expected["term"].tolist(), "same terms in the same rank order"
    assert got["count"].tolist() == expected["count"].tolist()
    assert got["articles"].tolist() == expected["articles"].tolist()


def _with_part_terms(corpus):
    """The fixture with terms a part of it is known for: one term in every article, one in Nghệ
    An's only, one in 2023's only (the fixture's own terms are too few to tell parts apart)."""
    arts = queries.filter_articles(replace(corpus), Filters(relevant_only=False))
    rows = [(d, "chung", 1) for d in arts["doc_id"]]
    rows += [(d, "biển_đảo", 2) for d in arts.loc[arts["province"] == "Nghệ An", "doc_id"]]
    rows += [(d, "năm_nay", 1) for d in arts.loc[arts["date"].dt.year == 2023, "doc_id"]]
    terms = pd.DataFrame(rows, columns=["doc_id", "term", "count"]).astype({"doc_id": "string", "term": "string",
                                                                             "count": "Int64"})
    return replace(corpus, terms=terms)


@pytest.mark.parametrize("target, expected_term", [
    pytest.param("p:Nghệ An", "biển đảo", id="a province against the rest"),
    pytest.param("y:2023", "năm nay", id="a year against the rest"),
])
def test_distinctive_terms_from_the_matrix_match_the_frame_version(corpus, target, expected_term):
    source = _with_part_terms(corpus)
    kept = _kept(source)
    arts = queries.filter_articles(kept, Filters(relevant_only=False))
    kind, _, value = target.partition(":")
    part = arts["province"] == value if kind == "p" else arts["date"].dt.year == int(value)
    hidden = [value] if kind == "p" else []
    expected = distinctive_terms(source.terms, arts.loc[part.fillna(False), "doc_id"], 20, hidden)
    got, years = queries.distinctive_of(kept, Filters(relevant_only=False), target, 20)
    assert expected["term"].tolist() == [expected_term], "the part's own term, the shared one is not distinctive"
    pd.testing.assert_frame_equal(got.drop(columns=["trend"]), expected, check_dtype=False)
    assert len(got.at[0, "trend"]) == len(years) > 1, "a point per year of the shown articles"


def test_term_matrix_holds_every_pair_once(corpus):
    matrix = term_matrix(corpus)
    pairs = corpus.terms.drop_duplicates(["doc_id", "term"])
    assert len(matrix.codes) == len(pairs), "one entry per (article, term)"
    assert int(matrix.counts.sum()) == int(corpus.terms["count"].sum()), "no occurrence lost"


def _matrix_by_groupby(corpus):
    """The term matrix's definition on the whole table: (article row, term) pairs by article row,
    each article's in order of first appearance, their counts summed; codes in order of first
    appearance in the table."""
    terms = corpus.terms.dropna(subset=["term"])
    pairs = terms.groupby(["doc_id", "term"], sort=False, observed=True)["count"].sum().reset_index()
    rows = pd.Index(corpus.articles["doc_id"]).get_indexer(pairs["doc_id"])
    pairs, rows = pairs[rows >= 0], rows[rows >= 0]
    codes, names = pd.factorize(pairs["term"])
    by_row = np.argsort(rows, kind="stable")
    counts = pairs["count"].fillna(0).astype(int).to_numpy()
    return list(names), codes[by_row].tolist(), rows[by_row].tolist(), counts[by_row].tolist()


def _in_batches(terms, size):
    """``terms`` as a lazily read table that a pass reads ``size`` rows at a time (as the cache does)."""
    return Lazy(lambda: terms, batches=lambda: (terms.iloc[i:i + size] for i in range(0, max(len(terms), 1), size)))


@pytest.mark.parametrize("size", [
    pytest.param(1, id="one row per batch: every article straddles batches"),
    pytest.param(3, id="batches cutting through articles"),
    pytest.param(10**6, id="the whole table in one batch"),
])
@pytest.mark.parametrize("extra", [
    pytest.param([], id="the fixture's terms"),
    pytest.param([("a01", "chung", 2), ("a01", "chung", 3), ("a02", "chung", 1)], id="a term repeated in an article"),
    pytest.param([("zz-not-loaded", "lạ", 4)], id="rows of an article not in the corpus are left out"),
    pytest.param([("a01", None, 5)], id="a row without a term is left out"),
    pytest.param([(None, "mồ côi", 5)], id="a row without a doc id is left out"),
    pytest.param([("a02", "trống", None)], id="a count not reported counts 0"),
])
def test_term_matrix_read_in_batches_is_the_groupby_of_the_whole_table(corpus, size, extra):
    rows = pd.DataFrame(extra, columns=["doc_id", "term", "count"]).astype(corpus.terms.dtypes.to_dict())
    terms = pd.concat([corpus.terms, rows], ignore_index=True)
    whole = replace(corpus, terms=terms)
    names, codes, article_rows, counts = _matrix_by_groupby(whole)
    matrix = TermMatrix.build(replace(corpus, terms=_in_batches(terms, size)))
    assert matrix.terms.tolist() == names, "codes in order of first appearance"
    assert matrix.codes.tolist() == codes and matrix.rows.tolist() == article_rows, "one entry per pair, in order"
    assert matrix.counts.tolist() == counts, "counts summed per pair"


@pytest.mark.parametrize("share, reason", [
    (0.0, "no article marked: no pair"),
    (0.3, "some articles: exactly their pairs, articles without terms in between"),
    (1.0, "every article: every pair"),
])
def test_term_matrix_picks_the_pairs_of_the_marked_articles(corpus, share, reason):
    rows = pd.DataFrame([("a02", "cuối bảng", 2)], columns=["doc_id", "term", "count"]).astype(corpus.terms.dtypes.to_dict())
    matrix = TermMatrix.build(replace(corpus, terms=pd.concat([corpus.terms, rows], ignore_index=True)))
    marked = np.random.default_rng(3).random(len(corpus.articles)) < share
    assert matrix.picked(marked).tolist() == marked[matrix.rows].tolist(), reason
    assert (np.diff(matrix.rows) >= 0).all(), "a row appended out of article order is sorted into its article"


@pytest.mark.parametrize("values", [
    pytest.param(pd.Series(["2021H1", None, "2021", "2021H1"], dtype="string"), id="strings with a missing value"),
    pytest.param(pd.Series(["a", "b", "a"], dtype=object, index=[7, 3, 5]), id="objects, index kept"),
    pytest.param(pd.Series(["2021", "2021", None], dtype="string", name="period"), id="a named column keeps its name"),
    pytest.param(pd.Series([], dtype="string"), id="empty"),
])
@pytest.mark.parametrize("fn", [
    pytest.param(lambda v: v if isinstance(v, str) else "none", id="value or a placeholder"),
    pytest.param(lambda v: len(v) if isinstance(v, str) else -1, id="a number per value"),
])
def test_map_distinct_is_map(values, fn):
    pd.testing.assert_series_equal(map_distinct(values, fn), values.map(fn))


def test_map_distinct_calls_once_per_distinct_value():
    calls = []
    map_distinct(pd.Series(["x", "y", "x", "x", None]), lambda v: calls.append(v))
    assert len(calls) == 3, "x, y and the missing value, each once"


@pytest.mark.parametrize("rows", [
    pytest.param([("Nghệ An", "2022", "delegations_in", "2022H2"), ("Nghệ An", "2022", "delegations_in", "2022H1"),
                  ("Nghệ An", "2022", "delegations_in", "2022H2")], id="one group: halves in calendar order, once each"),
    pytest.param([("Huế", "2023", "visitors_in", "2023"), ("Hà Nội", "2023", "visitors_in", "2023M9"),
                  ("Hà Nội", "2023", "visitors_in", "2023Q1"), ("Huế", "2022", "visitors_in", "2022")],
                 id="several groups, in groupby's order"),
])
def test_periods_per_group_match_a_sort_per_group(rows):
    from dashboard.queries.delegations import _periods_per_group
    from dashboard.queries.periods import period_sort_key
    table = pd.DataFrame(rows, columns=["owner", "bucket", "field", "period"]).astype("string")
    keys = ["owner", "bucket", "field"]
    expected = table.groupby(keys)["period"].agg(lambda s: sorted(set(s), key=period_sort_key)).tolist()
    assert _periods_per_group(table, keys) == expected


def _buckets_per_row(dates: pd.Series, freq: str) -> pd.Series:
    """The bucket labels built row by row with pandas string operations (the former definition)."""
    year = dates.dt.year.astype("Int64").astype("string")
    month = dates.dt.month.astype("Int64")
    if freq == "M":
        out = year + "-" + month.astype("string").str.zfill(2)
    elif freq in ("Q", "H"):
        out = year + f"-{freq}" + ((month - 1) // (3 if freq == "Q" else 6) + 1).astype("string")
    else:
        out = year
    return out.fillna(UNDATED)


@pytest.mark.parametrize("freq", ["M", "Q", "H", "Y"])
@pytest.mark.parametrize("dates", [
    pytest.param(pd.Series(pd.to_datetime(["2022-03-05", None, "2021-12-31", "2022-03-01", "1999-07-01"]),
                           index=[3, 1, 2, 5, 4], name="date"), id="dates and a gap, index kept"),
    pytest.param(pd.Series(pd.to_datetime([None, None])), id="only undated"),
    pytest.param(pd.Series([], dtype="datetime64[ns]"), id="empty"),
])
def test_bucket_of_labels_each_month_as_the_row_by_row_definition(dates, freq):
    pd.testing.assert_series_equal(bucket_of(dates, freq), _buckets_per_row(dates, freq))


IDS = pd.Series(["a", "b", None, "c", "a"], dtype="string")


@pytest.mark.parametrize("column, values", [
    pytest.param(IDS, ["a"], id="a list of ids"),
    pytest.param(IDS, {"b", "c"}, id="a set of ids"),
    pytest.param(IDS, pd.Series(["c", None], dtype="string"), id="a missing value matches missing cells"),
    pytest.param(IDS, pd.Index(["a", "zz"]), id="an index (a frame's doc ids), one not in the column"),
    pytest.param(IDS, [], id="nothing wanted: nothing passes"),
    pytest.param(IDS.astype("category"), ["a"], id="a categorical column: pandas' own isin"),
    pytest.param(IDS.astype(object), ["a", None], id="an object column: pandas' own isin"),
])
def test_is_in_is_pandas_isin(column, values):
    from dashboard.queries.counting import is_in
    np.testing.assert_array_equal(is_in(column, values), column.isin(values).to_numpy(dtype=bool))


@pytest.mark.parametrize("values", [
    pytest.param([3.0, 1.0, 2.0], id="odd count: the others are two, their mean"),
    pytest.param([5.0, 1.0, 9.0, 2.0], id="even count: the others are three, the middle one"),
    pytest.param([2.0, 2.0, 2.0, 40.0, 2.0], id="ties and an outlier"),
    pytest.param([0.0, 0.0, 7.0], id="zeros: the usual is 0"),
    pytest.param(list(np.random.default_rng(1).integers(0, 500, 101).astype(float)), id="a long history"),
])
def test_median_of_others_is_each_leave_one_out_median(values):
    from dashboard.queries.review import _median_of_others
    array = np.array(values)
    expected = [np.median(np.delete(array, i)) for i in range(len(array))]
    np.testing.assert_array_equal(_median_of_others(array), expected)


def test_per_corpus_values_outlive_many_filter_changes(corpus):
    """The term matrix is built once per corpus: filtered results come and go (the most recent
    KEPT_RESULTS are kept), but a burst of filter changes must not make a page rebuild it."""
    kept = _kept(corpus)
    matrix = queries.term_matrix(kept)
    for year in range(1990, 1990 + prepared.KEPT_RESULTS + 5):
        queries.filter_articles(kept, Filters(date_from=date(year, 1, 1), date_to=date(year, 12, 31)))
    assert queries.term_matrix(kept) is matrix


@pytest.mark.parametrize("sentences", [
    pytest.param(["Tỉnh đón 20 đoàn khách Lào, 300 lượt khách.", "Tỉnh đón 20 đoàn khách Lào, 300 lượt khách."],
                 id="two figures of one sentence: one reading, a value on each row"),
    pytest.param(["Đoàn công tác sang Nhật Bản và Hàn Quốc.", None, "Không có nước nào.", None],
                 id="a missing sentence links no country"),
    pytest.param([], id="no figures"),
])
def test_figure_countries_read_once_per_sentence_are_read_per_row(corpus, sentences):
    from dashboard.queries.partners import number_countries
    from loaders.extract.countries import countries_in
    numbers = pd.DataFrame({"doc_id": "a01", "field": "delegations_in", "value": 1, "sentence": pd.array(sentences, dtype="string")})
    got = number_countries(replace(corpus, numbers=numbers))
    assert got.tolist() == [countries_in(s or "") for s in sentences]
    pd.testing.assert_series_equal(got, numbers["sentence"].fillna("").map(countries_in),
                                   obj="the per-row reading, dtype and index included")


@pytest.mark.parametrize("values", [
    pytest.param(["b", "a", "b", "b", "c"], id="repeated ids, each found at its row"),
    pytest.param(["zz", "a", None], id="an unknown and a missing id: -1"),
    pytest.param([], id="no ids"),
])
def test_positions_in_is_get_indexer(values):
    index = pd.Index(pd.array(["a", "b", "c"], dtype="string[pyarrow]"))
    wanted = pd.Series(pd.array(values, dtype="string[pyarrow]"))
    assert positions_in(index, wanted).tolist() == index.get_indexer(wanted).tolist()
