"""The Overview report's tables are for people: labels in words, numbers in the locale format."""
import re

import pytest

from dashboard import queries, report
from dashboard.filters import Filters

CODE_RE = re.compile(r"\b(so_ket|tong_ket|tap_huan|thong_tin_thoi_su|trien_khai|delegations_in|bien_dao|quang_ba)\b")


@pytest.mark.parametrize("lang, year_col, type_col", [
    pytest.param("vi", "Năm", "Sơ kết", id="vi"),
    pytest.param("en", "Year", "Mid-term review", id="en"),
])
def test_type_by_year_is_a_labelled_pivot(corpus, lang, year_col, type_col):
    table = report.type_by_year(queries.over_time(corpus, Filters(), "Y"), lang)
    assert table.columns[0] == year_col and type_col in table.columns
    assert table[year_col].tolist() == ["2021", "2022", "2023", "2024"]  # one row per year, not per (year, type)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_internal_code_reaches_the_report_tables(corpus, lang):
    for heading, _fig, table in report.sections(corpus, Filters(lang=lang)):
        if table is None:
            continue
        text = table.to_csv(index=False)
        assert not CODE_RE.search(text), f"{heading}: {CODE_RE.search(text).group(0)}"
        assert not any(CODE_RE.search(str(c)) for c in table.columns)


def test_report_numbers_follow_the_locale(corpus):
    figures = dict(report.key_figures_table(queries.key_figures(corpus, Filters()), "vi").values.tolist())
    assert figures["Đoàn vào"] == "200"
    assert figures["Khoảng thời gian"] == "10/07/2021 – 05/07/2024"
