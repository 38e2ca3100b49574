"""Queries on the hand-written fixture corpus (tests/dashboard/fixtures.py): expected values are
read off that file, each case says why it matters."""
import dataclasses
from datetime import date

import pandas as pd
import pytest

from dashboard import queries
from dashboard.filters import Filters
from dashboard.queries.counting import top_rows
from dashboard.queries.periods import (
    all_buckets,
    all_periods,
    bucket_of,
    period_bucket,
    period_level,
    period_sort_key,
)


@pytest.mark.parametrize("filters, expected_docs", [
    pytest.param(Filters(), 10, id="relevant-only-drops-the-near-topic-page"),
    pytest.param(Filters(relevant_only=False), 11, id="toggle-off-keeps-everything"),
    pytest.param(Filters(provinces=("Nghệ An",)), 4, id="one-province"),
    pytest.param(Filters(provinces=("Huế",)), 1, id="a-2025-province-name-matches-its-old-province"),
    pytest.param(Filters(levels=("central",)), 1, id="central-level"),
    pytest.param(Filters(meeting_types=("so_ket",)), 5, id="type"),
    pytest.param(Filters(themes=("bao_chi",)), 2, id="theme-in-list-column"),
    pytest.param(Filters(date_from=date(2023, 1, 1), date_to=date(2023, 12, 31)), 4,
                 id="date-range-uses-published-when-meeting-date-missing"),
    pytest.param(Filters(date_to=date(2022, 1, 15)), 2, id="end-date-inclusive"),
    pytest.param(Filters(search="ĐOÀN KHÁCH"), 10, id="search-ignores-case"),
    pytest.param(Filters(search="in đậm"), 1, id="search-reads-the-body"),
    pytest.param(Filters(provinces=("Cà Mau",)), 0, id="nothing-matches"),
])
def test_filter_articles(corpus, filters, expected_docs):
    assert len(queries.filter_articles(corpus, filters)) == expected_docs


def test_date_falls_back_to_published_and_says_so(corpus):
    arts = queries.filter_articles(corpus, Filters()).set_index("doc_id")
    assert arts.at["a07", "date"] == pd.Timestamp("2023-06-30")
    assert arts.at["a07", "date_source"] == "published"
    assert arts.at["a01", "date_source"] == "meeting"


@pytest.mark.parametrize("unit, expected", [
    pytest.param("meetings", 9, id="repost-a04-merged-into-a03s-meeting"),
    pytest.param("articles", 10, id="articles-count-every-row"),
])
def test_count_units(corpus, unit, expected):
    assert queries.count(queries.filter_articles(corpus, Filters()), unit) == expected


def test_key_figures(corpus):
    figures = queries.key_figures(corpus, Filters())
    # delegations_in: 30 (Nghệ An 2021: the year total already holds its 12 of 2021H1) + 20 (2022H1,
    # reported twice, counted once) + 150 (Hà Nội 2022)
    assert figures["delegations_in"] == 200
    assert figures["delegations_out"] == 5 + 40 + 3
    assert (figures["meetings"], figures["provinces"]) == (9, 4)


def test_over_time_fills_gaps_and_shares_sum_to_one(corpus):
    table = queries.over_time(corpus, Filters(), "H")
    buckets = list(dict.fromkeys(table["bucket"]))
    assert buckets == ["2021-H2", "2022-H1", "2022-H2", "2023-H1", "2023-H2", "2024-H1", "2024-H2"]
    per_bucket = table.groupby("bucket")
    assert per_bucket["count"].sum()["2024-H1"] == 0  # an empty half-year is a zero bar, not a missing one
    shares = per_bucket["share"].sum()
    assert all(abs(shares[b] - 1) < 1e-9 for b in buckets if per_bucket["count"].sum()[b])


@pytest.mark.parametrize("freq, expected", [
    pytest.param("M", "2022-07", id="month"),
    pytest.param("Q", "2022-Q3", id="quarter"),
    pytest.param("H", "2022-H2", id="half-year"),
    pytest.param("Y", "2022", id="year"),
])
def test_bucket_labels(freq, expected):
    assert bucket_of(pd.Series(pd.to_datetime(["2022-07-20"])), freq).iloc[0] == expected


def test_articles_vs_meetings_differ_where_a_meeting_has_two_articles(corpus):
    table = queries.articles_vs_meetings(corpus, Filters(), "Y").set_index("bucket")
    assert (table.at["2022", "articles"], table.at["2022", "meetings"]) == (4, 3)


def test_month_profile_has_twelve_months(corpus):
    profile = queries.month_profile(corpus, Filters())
    assert profile["month"].tolist() == list(range(1, 13))
    assert profile.loc[profile["month"] == 7, "count"].item() == 3  # Jul: a01, a03(+a04), a11


def test_meetings_in_bucket_lists_the_bar(corpus):
    table = queries.meetings_in_bucket(corpus, Filters(), "H", "2022-H2", "so_ket")
    assert table["doc_id"].tolist() == ["a03"]
    assert table["articles"].tolist() == [2]


def test_by_province_covers_the_gazetteer_and_ranks(corpus):
    table = queries.by_province(corpus, Filters(), "63")
    assert len(table) >= 63
    assert table.head(3)["name"].tolist() == ["Nghệ An", "Hà Nội", "Hà Tĩnh"]  # 3, then 2 and 2 by name


@pytest.mark.parametrize("scheme, n", [
    pytest.param("63", 63, id="before-the-2025-merger"),
    pytest.param("34", 34, id="after-the-2025-merger"),
])
def test_gazetteer_has_every_province_with_its_centroid(scheme, n):
    places = queries.gazetteer(scheme)
    assert len(places) == n and places["name"].is_unique
    assert places[["lat", "lon"]].notna().all().all()  # the map needs every centroid (no silent empty map)


def test_by_province_2025_merges_into_new_provinces(corpus):
    table = queries.by_province(corpus, Filters(), "34").set_index("name")
    assert table.at["Huế", "count"] == 1


def test_province_year(corpus):
    table = queries.province_year(corpus, Filters())
    row = table[(table["province"] == "Nghệ An") & (table["year"] == "2022")]
    assert row["count"].item() == 2


def test_compare_provinces(corpus):
    parts = queries.compare_provinces(corpus, Filters(), ["Nghệ An", "Hà Nội"])
    summary = parts["summary"].set_index("province")
    assert summary.at["Nghệ An", "meetings"] == 3 and summary.at["Nghệ An", "articles"] == 4
    assert summary.at["Hà Nội", "delegations_in"] == 150


def test_theme_shares(corpus):
    table = queries.theme_shares(corpus, Filters())
    assert table["theme"].tolist() == ["quang_ba", "bien_dao", "bao_chi"]
    assert table.loc[0, "share"] == pytest.approx(4 / 9)


@pytest.mark.parametrize("kwargs, expected_docs", [
    pytest.param({"term": "đoàn_khách"}, 10, id="underscored-term-found-as-words"),
    pytest.param({"theme": "bao_chi"}, 2, id="theme-sentences"),
    pytest.param({"term": "không có từ này"}, 0, id="absent-term-empty"),
    pytest.param({}, 0, id="nothing-chosen"),
])
def test_keyword_in_context(corpus, kwargs, expected_docs):
    table = queries.keyword_in_context(corpus, Filters(), **kwargs)
    assert table["doc_id"].nunique() == expected_docs


@pytest.mark.parametrize("periods, expected", [
    pytest.param(["2022H1", "2021", "2022"], ["2021", "2022", "2022H1"], id="whole-year-before-its-halves"),
    pytest.param(["2022Q3", "2022H2", "2022M9"], ["2022M9", "2022H2", "2022Q3"],
                 id="m9-means-first-nine-months-so-starts-in-january"),
    pytest.param(["junk", "2020"], ["2020", "junk"], id="unparsable-last"),
])
def test_period_sort_key(periods, expected):
    assert sorted(periods, key=period_sort_key) == expected


def test_period_numbers_fall_back_to_year_and_flag_it(corpus):
    table = queries.delegations_by_period(corpus, Filters(), "H").set_index("period")
    assert bool(table.at["2022H1", "period_inferred"]) is False
    assert table.at["2022H1", "delegations_in"] == 20  # reported by a03 and its re-post a04: once
    years = queries.delegations_by_period(corpus, Filters(), "Y").set_index("period")
    assert bool(years.at["2023", "period_inferred"]) is True  # a07 has no period: its date's year stands in


@pytest.mark.parametrize("period, year, half", [
    pytest.param("2022", "2022", None, id="whole-year-cannot-be-split"),
    pytest.param("2022H2", "2022", "2022H2", id="half-year-stays"),
    pytest.param("2022Q2", "2022", "2022H1", id="quarter-into-its-half"),
    pytest.param("2022Q3", "2022", "2022H2", id="third-quarter-is-second-half"),
    pytest.param("2022M6", "2022", "2022H1", id="first-six-months-are-the-first-half"),
    pytest.param("2022M9", "2022", None, id="first-nine-months-span-both-halves"),
    pytest.param("junk", None, None, id="unparsable"),
])
def test_period_bucket(period, year, half):
    assert (period_bucket(period, "Y"), period_bucket(period, "H")) == (year, half)


def test_year_level_counts_a_year_total_and_its_halves_once(corpus):
    years = queries.delegations_by_period(corpus, Filters(provinces=("Nghệ An",)), "Y").set_index("period")
    assert years.at["2021", "delegations_in"] == 30  # 2021 total (30) wins over 2021H1 (12), not 42
    assert years.at["2022", "delegations_in"] == 20  # only a half reported: the half stands for the year


def test_half_year_level_leaves_whole_years_out_and_says_which(corpus):
    halves = queries.delegations_by_period(corpus, Filters(provinces=("Nghệ An",)), "H")
    assert halves["period"].tolist() == ["2021H1", "2021H2", "2022H1"]  # the gap 2021H2 is shown…
    assert pd.isna(halves.set_index("period").at["2021H2", "delegations_in"])  # …as not reported, not as 0
    assert queries.undivided_periods(corpus, Filters(provinces=("Nghệ An",)), "H") == ["2021"]
    assert queries.undivided_periods(corpus, Filters(), "Y") == []


def test_delegations_by_province(corpus):
    table = queries.delegations_by_province(corpus, Filters())
    assert table["province"].tolist()[0] == "Hà Nội"
    assert table.set_index("province").at["Nghệ An", "delegations_in"] == 30 + 20  # 2021 (holds 2021H1) + 2022H1


def test_number_evidence_keeps_every_sentence(corpus):
    table = queries.number_evidence(corpus, Filters())
    assert len(table) == len(corpus.numbers)
    assert table["sentence"].notna().all()


def test_coverage_and_missing(corpus):
    cover = queries.coverage(corpus, Filters()).set_index("field")
    assert cover.at["province", "share"] == pytest.approx(9 / 10)
    assert queries.missing_place_or_date(corpus, Filters()).empty  # a08 has no province but is central-level
    missing = queries.missing_place_or_date(corpus, Filters(relevant_only=False))
    assert missing[["doc_id", "no_province", "no_date"]].values.tolist() == [["a10", False, True]]


def test_duplicate_groups(corpus):
    table = queries.duplicate_groups(corpus, Filters())
    assert table["meeting_id"].tolist() == ["m-a03"] and table["doc_ids"].tolist() == ["a03, a04"]


@pytest.fixture(scope="module")
def regrouped(corpus):
    """The fixture with two more merged meetings: a05, a06 and a09 one meeting (three articles,
    the largest), a07 with a02 (two, tying with m-a03)."""
    arts = corpus.articles.copy()
    arts["meeting_id"] = arts["meeting_id"].astype(object)
    arts.loc[arts["doc_id"].isin(["a05", "a06", "a09"]), "meeting_id"] = "m-a05"
    arts.loc[arts["doc_id"] == "a07", "meeting_id"] = "m-a02"
    arts["meeting_id"] = arts["meeting_id"].astype(corpus.articles["meeting_id"].dtype)
    return dataclasses.replace(corpus, articles=arts)


@pytest.mark.parametrize("max_rows, meetings, reason", [
    (None, ["m-a05", "m-a02", "m-a03"], "every merged meeting, the most articles first, ties by id"),
    (2, ["m-a05", "m-a02"], "a cut keeps the first rows of the whole table"),
    (0, [], "nothing asked, nothing joined"),
])
def test_duplicate_groups_cut(regrouped, max_rows, meetings, reason):
    table = queries.duplicate_groups(regrouped, Filters(), max_rows=max_rows)
    assert table["meeting_id"].tolist() == meetings, reason
    whole = queries.duplicate_groups(regrouped, Filters()).head(len(meetings))
    pd.testing.assert_frame_equal(table.reset_index(drop=True), whole, check_dtype=False, check_index_type=False)


def test_merged_meetings_counts_what_the_table_lists(regrouped):
    counted = queries.merged_meetings(regrouped, Filters())
    assert counted.values.tolist() == [["m-a05", 3], ["m-a02", 2], ["m-a03", 2]]
    row = queries.duplicate_groups(regrouped, Filters(), max_rows=1).iloc[0]
    # province of the first doc_id (a05: Hà Nội), the earliest date of the three
    assert (row["doc_ids"], row["province"], str(row["date"].date())) == ("a05, a06, a09", "Hà Nội", "2022-12-28")


def test_article_lookup(corpus):
    found = queries.article(corpus, "a01")
    assert found["row"]["province"] == "Nghệ An" and len(found["numbers"]) == 2  # delegations_in, visitors_in
    assert queries.article(corpus, "nope") is None


def test_empty_filters_give_empty_frames_not_errors(corpus):
    nothing = Filters(provinces=("Cà Mau",))
    for frame in (queries.over_time(corpus, nothing, "M"), queries.articles_vs_meetings(corpus, nothing, "Y"),
                  queries.province_year(corpus, nothing), queries.theme_shares(corpus, nothing),
                  queries.theme_trend(corpus, nothing), queries.province_theme(corpus, nothing),
                  queries.delegations_by_period(corpus, nothing), queries.delegations_by_province(corpus, nothing),
                  queries.number_evidence(corpus, nothing), queries.latest_meetings(corpus, nothing, 5),
                  queries.term_frequencies(corpus, nothing, 5), queries.articles_table(corpus, nothing)):
        assert frame.empty
    assert queries.month_profile(corpus, nothing)["count"].sum() == 0
    assert queries.key_figures(corpus, nothing)["meetings"] == 0


# ---------------------------------------------------------------- helpers the pages call

def test_active_provinces_keeps_counted_rows_in_rank_order(corpus):
    table = queries.by_province(corpus, Filters())
    assert queries.active_provinces(table)["name"].tolist() == ["Nghệ An", "Hà Nội", "Hà Tĩnh", "Thừa Thiên Huế"]
    assert queries.active_provinces(table, 2)["name"].tolist() == ["Nghệ An", "Hà Nội"]


@pytest.mark.parametrize("filters, expected_rows", [
    pytest.param(Filters(), 3, id="nghe-an-2021h1-counted-300-visitors"),  # 2021 .. 2023, the years with numbers
    pytest.param(Filters(provinces=("Hà Nội",)), 0, id="no-visitor-number-no-chart"),
])
def test_visitors_by_period(corpus, filters, expected_rows):
    visitors = queries.visitors_by_period(corpus, filters, "Y")
    assert list(visitors.columns)[:3] == ["period", "visitors_in", "visitors_out"]
    assert len(visitors) == expected_rows


def test_terms_are_shown_with_spaces_and_counted_for_the_cloud(corpus):
    terms = queries.term_frequencies(corpus, Filters(), 3)
    assert queries.readable_terms(terms)["term"].tolist()[:2] == ["thông tin", "đối ngoại"]
    assert queries.cloud_frequencies(terms)["thông tin"] == 5 * 10  # five per article, ten relevant articles
    assert terms["term"].tolist()[0] == "thông_tin"  # the query itself keeps the segmenter's form


def test_article_titles_cover_articles_outside_the_filters(corpus):
    titles = queries.article_titles(corpus)
    assert len(titles) == len(corpus.articles) and titles["a10"] == "Đoàn đại biểu nước ngoài thăm Hà Nội"


def test_evidence_of_one_article(corpus):
    found = queries.article(corpus, "a01")
    rows = queries.evidence_rows(found)
    assert rows["field"].tolist() == ["province", "people.chair"]  # extracted fields first, then people
    sentences = queries.evidence_sentences(found)
    assert len(sentences) == len(found["evidence"]) + len(found["people"]) + len(found["numbers"]) \
        + len(found["themes"])


@pytest.mark.parametrize("period, level", [
    pytest.param("2022", 0, id="year-is-coarsest"),
    pytest.param("2022H1", 1, id="half-year"),
    pytest.param("2022Q3", 2, id="quarter"),
    pytest.param("2022M9", 3, id="months"),
    pytest.param("junk", 3, id="unparsable-counts-as-finest-so-it-never-hides-a-total"),
])
def test_period_level(period, level):
    assert period_level(period) == level


def test_all_periods_and_buckets_fill_the_gaps():
    assert all_periods(["2021H1", "2022H1"], "H") == ["2021H1", "2021H2", "2022H1"]
    assert all_periods(["2023", "2021"], "Y") == ["2021", "2022", "2023"]
    assert all_buckets(pd.Timestamp("2022-11-15"), pd.Timestamp("2023-02-01"), "M") == \
        ["2022-11", "2022-12", "2023-01", "2023-02"]


def test_top_rows_keeps_the_busiest_groups_whole():
    table = pd.DataFrame({"province": ["A", "A", "B", "C"], "year": [1, 2, 1, 1], "count": [1, 1, 3, 1]})
    assert top_rows(table, "province", 2)["province"].tolist() == ["A", "A", "B"]  # A (2) beats C (1) on total


# ---------------------------------------------------------------- per-corpus pairs and kept totals

@pytest.mark.parametrize("themes, rows, names", [
    pytest.param([["a", "b"], [], ["c"]], [0, 0, 2], ["a", "b", "c"], id="row order, then list order; none for []"),
    pytest.param([[], []], [], [], id="no themes at all"),
    pytest.param([["a"], ["a"]], [0, 1], ["a", "a"], id="a theme of two rows is two pairs"),
])
def test_theme_pairs(themes, rows, names):
    from dashboard.queries.themes import theme_pairs
    found_rows, found_names = theme_pairs(pd.Series(themes, index=[10 + i for i in range(len(themes))], dtype=object))
    assert (found_rows.tolist(), found_names.tolist()) == (rows, names)


@pytest.mark.parametrize("f, keep", [
    pytest.param(Filters(), ["meeting_key"], id="default filters, meetings counted"),
    pytest.param(Filters(relevant_only=False, unit="articles"), ["province", "meeting_key"], id="every article"),
    pytest.param(Filters(themes=("bao_chi",)), ["province"], id="a theme filter, no meeting kept"),
])
def test_themes_of_is_the_exploded_frame(corpus, f, keep):
    from dashboard.queries.counting import explode_themes
    from dashboard.queries.themes import themes_of
    arts = queries.filter_articles(corpus, f)
    for frame in (arts, arts[arts["date"].notna()].iloc[1:]):  # the filtered frame, or some of its rows
        expected, found = explode_themes(frame, keep), themes_of(corpus, f, frame, keep)
        others = [c for c in found.columns if c != "meeting_key"]
        pd.testing.assert_frame_equal(found[others], expected[others])
        if "meeting_key" in keep:  # the meeting as a code: the same meetings, told apart the same way
            assert found.groupby("meeting_key")["theme"].size().sort_values().tolist() == \
                expected.groupby("meeting_key")["theme"].size().sort_values().tolist()


@pytest.mark.parametrize("granularity", [pytest.param("Y", id="years"), pytest.param("H", id="half-years")])
def test_filtered_totals_are_the_period_totals(corpus, granularity):
    from dashboard.queries.delegations import filtered_totals, period_numbers, period_totals
    f = Filters(relevant_only=False)
    expected = period_totals(period_numbers(corpus, f), granularity)
    for _ in range(2):  # summed once, then read back
        pd.testing.assert_frame_equal(filtered_totals(corpus, f, "63", granularity), expected)


@pytest.mark.parametrize("dates, doc_ids, expected", [
    pytest.param(["2022-01-02", "2023-05-01", "2021-12-31"], ["a", "b", "c"], [1, 0, 2], id="newest first"),
    pytest.param(["2022-01-02", None, "2022-01-02"], ["b", "z", "a"], [2, 0, 1],
                 id="same day: by doc_id; undated last"),
    pytest.param([None, None], ["b", "a"], [1, 0], id="all undated: by doc_id"),
])
def test_newest_first(dates, doc_ids, expected):
    from dashboard.queries.articles import newest_first
    arts = pd.DataFrame({"date": pd.to_datetime(dates), "doc_id": pd.array(doc_ids, dtype="string")},
                        index=[7, 8, 9][:len(dates)])
    assert newest_first(arts).tolist() == expected


@pytest.mark.parametrize("f", [
    pytest.param(Filters(), id="default filters"),
    pytest.param(Filters(relevant_only=False), id="every article, undated ones included"),
    pytest.param(Filters(provinces=("Nghệ An",), relevant_only=False), id="one province"),
])
def test_articles_table_is_the_filtered_articles_newest_first(corpus, f):
    arts = queries.filter_articles(corpus, f)
    expected = arts.sort_values(["date", "doc_id"], ascending=[False, True], na_position="last", kind="mergesort")
    expected = expected[queries.articles.ARTICLE_TABLE_COLUMNS].reset_index(drop=True)
    pd.testing.assert_frame_equal(queries.articles_table(corpus, f), expected)


def test_article_labels_name_every_article_by_id_and_cut_title(corpus):
    labels = queries.article_labels(corpus)
    titles = queries.article_titles(corpus)
    assert set(labels) == set(titles)  # outside the filters too: a linked article is named
    for doc_id, title in titles.items():
        assert labels[doc_id] == f"{doc_id} — {title[:queries.articles.PICKER_TITLE_CHARS]}"


@pytest.mark.parametrize("cells, expected", [
    pytest.param([("A", 1), ("A", 0), ("A", 2)], [("A", 2, 1)], id="a gap between two reviews"),
    pytest.param([("A", 0), ("A", 1), ("A", 0)], [("A", 1, 0)], id="empty halves before the first or after the last"),
    pytest.param([("B", 0), ("B", 0), ("A", 3)], [("B", 0, 0), ("A", 1, 0)],
                 id="a province without any review; provinces in the matrix's order"),
])
def test_rhythm_gaps(cells, expected):
    from dashboard.queries.rhythm import rhythm_gaps
    matrix = pd.DataFrame(cells, columns=["province", "state"])
    gaps = rhythm_gaps(matrix)
    assert list(zip(gaps["province"], gaps["reported"], gaps["gaps"], strict=True)) == expected


@pytest.mark.parametrize("period, month, half", [
    pytest.param("2022H1", "2022-07-01", "2022H1", id="a stated half wins over the date"),
    pytest.param(None, "2022-12-01", "2022H2", id="no period, December: its own second half"),
    pytest.param(None, "2023-02-01", "2022H2", id="no period, February: the half before"),
    pytest.param(None, None, None, id="neither: no half"),
])
def test_halves_of_each_row_as_reviewed_half(period, month, half):
    from dashboard.queries.rhythm import halves_of, reviewed_half
    periods = pd.Series([period, "2021", period], dtype="string", index=[4, 5, 6])
    months = pd.Series(pd.to_datetime([month, "2021-12-01", month]), index=[4, 5, 6])
    found = halves_of(periods, months)
    assert found.index.tolist() == [4, 5, 6]
    assert [None if pd.isna(v) else v for v in found] == [half, "2021H2", half]
    assert half == reviewed_half(period, pd.Timestamp(month) if month else None)


# figures linked to a country: a01 (in + visitors in), a03/a04 (one meeting, in), a05 (in, out), a10 none
LINKED = {0: ["Lào"], 1: ["Lào"], 4: ["Lào", "Nhật Bản"], 5: ["Lào"], 7: ["Nhật Bản"]}


@pytest.mark.parametrize("unit, expected", [
    pytest.param("meetings", {("Lào", "in"): 2, ("Nhật Bản", "in"): 1, ("Nhật Bản", "out"): 1},
                 id="a01's two figures and the re-posted a03/a04 each count once"),
    pytest.param("articles", {("Lào", "in"): 4, ("Nhật Bản", "in"): 1, ("Nhật Bản", "out"): 1},
                 id="articles: rows are counted, a01's two linked figures and a03, a04 apart"),
])
def test_partner_countries_from_linked_figures(corpus, unit, expected):
    from dataclasses import replace
    numbers = corpus.numbers.assign(countries=[LINKED.get(i, []) for i in range(len(corpus.numbers))])
    table = queries.partner_countries(replace(corpus, numbers=numbers), Filters(unit=unit))
    linked = table[table["relation"] != "mentioned"]
    assert dict(zip(zip(linked["country"], linked["relation"], strict=True), linked["count"], strict=True)) == expected


@pytest.mark.parametrize("f", [
    pytest.param(Filters(), id="default filters"),
    pytest.param(Filters(relevant_only=False), id="every article"),
    pytest.param(Filters(provinces=("Nghệ An",)), id="one province"),
    pytest.param(Filters(provinces=("Không có tỉnh này",)), id="nothing passes: the empty table"),
])
def test_number_evidence_is_every_figure_of_the_filtered_articles_newest_first(corpus, f):
    arts = queries.filter_articles(corpus, f)
    table = queries.number_evidence(corpus, f)
    assert sorted(table["doc_id"]) == sorted(corpus.numbers.loc[corpus.numbers["doc_id"].isin(arts["doc_id"]), "doc_id"])
    dated = table.assign(date=table["date"].fillna(pd.Timestamp.min))
    keys = list(zip(-dated["date"].astype("int64"), dated["doc_id"], dated["field"], strict=True))
    assert keys == sorted(keys)  # newest first, then doc_id and field (undated last)
