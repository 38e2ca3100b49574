"""Issue 7: numbers that agree and say what they are, on the hand-written fixture corpus.

Each case names the rule it holds; values are read off the fixture (tests/dashboard/fixtures.py).
"""
from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from dashboard import charts, export, i18n, queries, report
from dashboard.charts.template import labelled_buckets
from dashboard.filters import Filters
from dashboard.labelled import labelled_frame
from dashboard.queries.periods import UNDATED, all_buckets, partial_buckets, span_kind
from dashboard.queries.rhythm import CELL_SO_KET, CELL_TONG_KET, reviewed_half


def _undated_copy(corpus):
    """The fixture with a07 (Hà Tĩnh, a sơ kết) stripped of both dates: an undated meeting."""
    arts = corpus.articles.copy()
    arts.loc[arts["doc_id"] == "a07", ["published", "meeting_date"]] = pd.NaT
    return type(corpus)(**{**corpus.__dict__, "articles": arts})


@pytest.mark.parametrize("unit", ["meetings", "articles"])
def test_ranking_and_heatmap_rows_agree_with_an_undated_meeting(corpus, unit):
    c = _undated_copy(corpus)
    ranking = queries.by_province(c, Filters(unit=unit)).set_index("name")["count"]
    grid = queries.province_year(c, Filters(unit=unit))
    rows = grid.groupby("province")["count"].sum()
    assert (rows == ranking.reindex(rows.index)).all()  # Kon Tum "3 vs 2" cannot happen
    assert grid.loc[(grid["province"] == "Hà Tĩnh") & (grid["year"] == UNDATED), "count"].item() == 1


def test_heatmap_has_every_year_in_range(corpus):
    years = queries.province_year(corpus, Filters(provinces=("Nghệ An", "Thừa Thiên Huế")))["year"].unique().tolist()
    assert years == ["2021", "2022", "2023", "2024"]  # 2023 has no meeting of these two: still a column


def test_time_axis_counts_the_undated_as_its_own_last_bucket(corpus):
    c = _undated_copy(corpus)
    table = queries.over_time(c, Filters(), "Y")
    assert table["bucket"].iloc[-1] == UNDATED
    assert table["count"].sum() == queries.key_figures(c, Filters())["meetings"]  # the bars add up to the KPI


@pytest.mark.parametrize("granularity, period, field, expected", [
    pytest.param("H", "2021H2", "delegations_in", None, id="a-gap-half-year-is-not-reported-not-zero"),
    pytest.param("Y", "2023", "delegations_in", None, id="2023-has-only-an-out-figure-in-stays-dash"),
    pytest.param("Y", "2023", "delegations_out", 3, id="a07-out-figure"),
])
def test_not_reported_is_not_zero(corpus, granularity, period, field, expected):
    value = queries.delegations_by_period(corpus, Filters(), granularity).set_index("period").at[period, field]
    assert (pd.isna(value) and expected is None) or value == expected


def test_key_figures_say_dash_when_nothing_is_reported(corpus):
    figures = queries.key_figures(corpus, Filters(provinces=("Thừa Thiên Huế",)))  # a11 gives no number row
    assert figures["delegations_in"] is None and i18n.fmt_reported(figures["delegations_in"]) == "—"
    assert i18n.fmt_reported(0) == "0"


def test_delegation_chart_draws_dash_for_missing_and_0_for_zero():
    frame = pd.DataFrame({"period": ["2021", "2022"], "delegations_in": pd.array([None, 0], dtype="Int64"),
                          "delegations_out": pd.array([4, None], dtype="Int64")})
    fig = charts.delegations(frame, "period", "vi", "t")
    assert list(fig.data[0].text) == ["—", "0"] and list(fig.data[1].text) == ["", "—"]


def test_headline_total_never_holds_a_period_outside_the_date_filter(corpus):
    # a02 (January 2022) reports the year 2021: a 2022 view must not count its 30 delegations
    figures = queries.key_figures(corpus, Filters(date_from=pd.Timestamp("2022-01-01").date(),
                                                  date_to=pd.Timestamp("2022-12-31").date()))
    assert figures["delegations_in"] == 150 + 20  # Hà Nội 2022 + Nghệ An 2022H1, not + 30
    assert figures["periods"] == ("2022", "2022H1")


@pytest.mark.parametrize("periods, bucket, expected", [
    pytest.param(["2022"], "2022", "full", id="the-year-itself"),
    pytest.param(["2022H1", "2022H2"], "2022", "parts", id="a-year-built-from-halves"),
    pytest.param(["2022H1"], "2022", "partial", id="only-the-first-half"),
    pytest.param(["2022M9"], "2022", "partial", id="nine-months-is-not-a-year"),
    pytest.param(["2022Q1", "2022Q2"], "2022H1", "parts", id="a-half-from-its-quarters"),
])
def test_span_kind(periods, bucket, expected):
    assert span_kind(periods, bucket) == expected


def test_partial_last_year_is_marked():
    buckets = all_buckets(pd.Timestamp("2015-01-02"), pd.Timestamp("2025-06-30"), "Y")
    marks = partial_buckets(buckets, "Y", pd.Timestamp("2015-01-02"), pd.Timestamp("2025-06-30"))
    assert marks == {"2025": ("to", pd.Timestamp("2025-06-30"))}  # 2015 from 2 January is whole enough
    assert i18n.partial_label("2025", marks["2025"], "vi") == "2025 (đến 30/06/2025)"


@pytest.mark.parametrize("first, last, freq, most", [
    pytest.param("2015-01-01", "2025-06-30", "M", 14, id="126-months-get-about-a-dozen-labels"),
    pytest.param("2015-01-01", "2025-06-30", "Q", 14, id="42-quarters"),
    pytest.param("2022-01-01", "2022-06-30", "M", 6, id="few-buckets-all-labelled"),
])
def test_time_axis_labels_never_crowd(first, last, freq, most):
    buckets = all_buckets(pd.Timestamp(first), pd.Timestamp(last), freq)
    shown = labelled_buckets(buckets, 14)
    assert len(shown) <= most and shown[0] == buckets[0]


@pytest.mark.parametrize("period, day, expected", [
    pytest.param("2022H1", None, "2022H1", id="a-stated-half"),
    pytest.param("2022", None, "2022H2", id="a-year-reviewed-at-its-end"),
    pytest.param(None, pd.Timestamp("2022-07-18"), "2022H1", id="july-review-of-the-first-half"),
    pytest.param(None, pd.Timestamp("2023-01-10"), "2022H2", id="january-review-of-the-year-before"),
    pytest.param(None, None, None, id="no-period-no-date-no-cell"),
])
def test_reviewed_half(period, day, expected):
    assert reviewed_half(period, day) == expected


def test_rhythm_matrix_shows_gaps(corpus):
    matrix = queries.rhythm_matrix(corpus, Filters(provinces=("Nghệ An",)))
    cells = matrix.set_index("half")["state"].to_dict()
    # 2021H1 sơ kết (a01), 2021H2 tổng kết (a02 reviews 2021), 2022H1 sơ kết (a03/a04 one meeting)
    assert cells == {"2021H1": CELL_SO_KET, "2021H2": CELL_TONG_KET, "2022H1": CELL_SO_KET}
    assert matrix.set_index("half").at["2022H1", "meetings"] == 1


def test_partner_countries_from_article_mentions(corpus):
    arts = corpus.articles.copy()
    arts["countries"] = [["Lào"] if d in ("a01", "a03", "a04") else [] for d in arts["doc_id"]]
    c = type(corpus)(**{**corpus.__dict__, "articles": arts})
    totals = queries.country_totals(queries.partner_countries(c, Filters())).set_index("country")
    assert totals.at["Lào", "mentioned"] == 2  # a03 and its re-post a04 are one meeting
    grid = queries.province_countries(c, Filters())
    assert grid[["province", "country", "count"]].values.tolist() == [["Nghệ An", "Lào", 2]]


@pytest.mark.parametrize("lang, headers, values", [
    pytest.param("vi", ["Ngày", "Loại hội nghị", "Cấp", "Kỳ báo cáo", "Liên quan TTĐN"],
                 ["Sơ kết", "Cấp tỉnh", "6 tháng đầu 2022", "Có"], id="vietnamese-ui"),
    pytest.param("en", ["Date", "Meeting type"], ["Mid-term review", "Provincial", "First half of 2022", "Yes"],
                 id="english-ui"),
])
def test_exports_are_labelled_in_the_ui_language(lang, headers, values):
    frame = pd.DataFrame({"date": pd.to_datetime(["2022-07-18"]), "meeting_type": ["so_ket"], "level": ["province"],
                          "period": ["2022H1"], "relevant": [True]})
    text = export.frame_csv(frame, lang).decode("utf-8-sig")
    head, row = text.splitlines()[:2]
    assert all(h in head for h in headers) and all(v in row for v in values)
    assert ("18/07/2022" if lang == "vi" else "2022-07-18") in row


def test_report_workbook_has_the_sheets_and_widths(corpus):
    sheets = report.workbook_sheets(corpus, Filters(), "fixture")
    wb = load_workbook(io.BytesIO(export.workbook_xlsx(sheets, "vi")))
    assert wb.sheetnames == ["Hội nghị", "Số liệu đoàn", "Đoàn theo kỳ", "Phương pháp"]
    numbers = wb["Số liệu đoàn"]
    header = [c.value for c in numbers[1]]
    assert "Câu chứng cứ" in header and "Tỉnh/thành" in header
    width = numbers.column_dimensions[numbers.cell(row=1, column=header.index("Câu chứng cứ") + 1).column_letter]
    assert width.width > 20  # a sentence column is wide, not Excel's default 8.43


def test_labelled_frame_keeps_dash_for_not_reported():
    frame = pd.DataFrame({"province": ["Huế"], "delegations_in": pd.array([None], dtype="Int64")})
    assert labelled_frame(frame, "vi").iloc[0].tolist() == ["Huế", "—"]


@pytest.mark.parametrize("failure, reason", [
    pytest.param(RuntimeError("browser died"), "RuntimeError", id="kaleido-raises"),
    pytest.param(None, "empty image", id="kaleido-returns-nothing"),
])
def test_a_failed_image_export_says_why_instead_of_an_empty_file(monkeypatch, failure, reason):
    import plotly.graph_objects as go
    import plotly.io as pio

    def broken(*_args, **_kwargs):
        if failure is not None:
            raise failure
        return b""
    monkeypatch.setattr(export, "image_export_available", lambda: True)
    monkeypatch.setattr(pio, "to_image", broken)
    assert export.figure_image_or_reason(go.Figure(), "png") == (None, reason)


@pytest.mark.parametrize("unit, header", [
    pytest.param("meetings", "Số hội nghị", id="counting-meetings"),
    pytest.param("articles", "Số bài viết", id="counting-articles-never-titled-meetings"),
])
def test_a_count_column_names_what_it_counts(unit, header):
    frame = pd.DataFrame({"province": ["Huế"], "count": [3]})
    assert export.frame_csv(frame, "vi", unit).decode("utf-8-sig").splitlines()[0] == f"Tỉnh/thành,{header}"


def test_a_total_of_a_year_before_the_view_is_left_out_and_said(corpus):
    # only a02: a tổng kết held in January 2022 reporting 2021; the view shows 2022 alone
    f = Filters(provinces=("Nghệ An",), meeting_types=("tong_ket",))
    assert queries.key_figures(corpus, f)["delegations_in"] is None  # not 30: 2021 is outside the view
    assert queries.periods_outside(corpus, f) == ["2021"]
