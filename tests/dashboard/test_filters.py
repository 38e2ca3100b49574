from datetime import date

import pytest

from dashboard.filters import Filters, describe


@pytest.mark.parametrize("filters", [
    pytest.param(Filters(), id="defaults-give-an-empty-url"),
    pytest.param(Filters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31)), id="date-range"),
    pytest.param(Filters(provinces=("Nghệ An", "Bà Rịa - Vũng Tàu")), id="vietnamese-names-with-hyphen"),
    pytest.param(Filters(regions=("Tây Nguyên",), levels=("central",), meeting_types=("so_ket", "tap_huan"),
                         themes=("bien_dao",)), id="every-list-field"),
    pytest.param(Filters(search="biển đảo", relevant_only=False, unit="articles", lang="en"), id="scalars"),
])
def test_filters_round_trip_through_query_params(filters):
    params = filters.to_query_params()
    assert all(isinstance(v, str) for v in params.values())
    assert Filters.from_query_params(params) == filters


def test_defaults_write_no_params():
    assert Filters().to_query_params() == {}


@pytest.mark.parametrize("params, expected", [
    pytest.param({"from": "2022-13-45"}, Filters(), id="impossible-date-dropped"),
    pytest.param({"unit": "__import__('os')"}, Filters(), id="unknown-unit-is-never-evaluated"),
    pytest.param({"lang": "fr"}, Filters(), id="unknown-language-falls-back-to-vi"),
    pytest.param({"relevant": "maybe"}, Filters(), id="non-boolean-toggle-ignored"),
    pytest.param({"province": "Huế,,Huế, "}, Filters(provinces=("Huế",)), id="blanks-and-repeats-removed"),
    pytest.param({"province": ["Hà Nội", "Nghệ An"]}, Filters(provinces=("Nghệ An",)), id="repeated-param-keeps-last"),
    pytest.param({"q": "x" * 1000}, Filters(search="x" * 200), id="search-length-capped"),
])
def test_malformed_params_fall_back_to_defaults(params, expected):
    assert Filters.from_query_params(params) == expected


@pytest.mark.parametrize("filters, fragments", [
    pytest.param(Filters(), ["hội nghị", "chỉ các bài"], id="defaults-vi"),
    pytest.param(Filters(lang="en", unit="articles", relevant_only=False), ["articles", "all articles"], id="en"),
    pytest.param(Filters(provinces=("Nghệ An", "Hà Tĩnh")), ["Nghệ An hoặc Hà Tĩnh"], id="provinces-joined-with-or"),
    pytest.param(Filters(date_from=date(2022, 7, 18)), ["18/07/2022"], id="vi-date-format"),
    pytest.param(Filters(date_to=date(2022, 7, 18), lang="en"), ["2022-07-18"], id="en-date-format"),
    pytest.param(Filters(meeting_types=("so_ket",)), ["Sơ kết"], id="type-label-not-code"),
])
def test_describe_states_the_filters_in_words(filters, fragments):
    sentence = describe(filters)
    for fragment in fragments:
        assert fragment in sentence
