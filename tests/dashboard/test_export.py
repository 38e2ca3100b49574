"""Exports: bytes that open elsewhere, keep Vietnamese intact, work offline and never run user text."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go
import pytest
from openpyxl import load_workbook

from dashboard import export
from dashboard import report_html as report_module
from tests.availability import require

INJECTED = "<script>alert(1)</script>"
EXTERNAL_SCRIPT_RE = re.compile(r"<script[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//", re.I)
PLOTLY_BANNER = "* plotly.js v"


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "province": pd.Series(["Khánh Hòa", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu"], dtype="string"),
        "meeting_date": pd.to_datetime(["2022-07-18", None, "2021-01-15"]).astype("datetime64[ns]"),
        "chairs": pd.Series([["Nguyễn Văn An", "Trần Thị Bình"], [], ["Lê Quốc Cường"]], dtype=object),
        "delegations_in": pd.Series([11, None, 293], dtype="Int64"),
        "title": pd.Series(["Hội nghị sơ kết", INJECTED, "=HYPERLINK(\"x\")"], dtype="string"),
    })


@pytest.fixture
def figure() -> go.Figure:
    fig = go.Figure(go.Bar(x=["Khánh Hòa", "Đắk Lắk"], y=[3, 5]))
    fig.update_layout(title="Số cuộc họp theo tỉnh")
    return fig


def _csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


# ---------------------------------------------------------------- frames

def test_csv_starts_with_bom_and_round_trips_vietnamese(frame):
    data = export.frame_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert [r["province"] for r in _csv_rows(data)] == list(frame["province"])


@pytest.mark.parametrize("column, row, expected", [
    pytest.param("chairs", 0, json.dumps(["Nguyễn Văn An", "Trần Thị Bình"], ensure_ascii=False),
                 id="list cell becomes a JSON array, diacritics unescaped"),
    pytest.param("chairs", 1, "[]", id="empty list stays an empty JSON array"),
    pytest.param("meeting_date", 0, "2022-07-18", id="dates as YYYY-MM-DD, no time part"),
    pytest.param("meeting_date", 1, "", id="missing date is an empty cell"),
    pytest.param("delegations_in", 2, "293", id="nullable integers stay integers"),
    pytest.param("title", 2, "'=HYPERLINK(\"x\")", id="formula-looking text is defused for spreadsheets"),
])
def test_csv_cells(frame, column, row, expected):
    assert _csv_rows(export.frame_csv(frame))[row][column] == expected


def test_xlsx_opens_with_openpyxl_with_dates_and_joined_lists(frame):
    ws = load_workbook(io.BytesIO(export.frame_xlsx(frame))).active
    header = [c.value for c in ws[1]]
    assert header == list(frame.columns)
    row = {h: c.value for h, c in zip(header, ws[2], strict=False)}
    assert row["province"] == "Khánh Hòa"
    assert row["chairs"] == "Nguyễn Văn An; Trần Thị Bình"
    assert isinstance(row["meeting_date"], datetime) and row["meeting_date"].date() == date(2022, 7, 18)
    formula_cell = ws.cell(row=4, column=header.index("title") + 1)
    assert formula_cell.data_type == "s"  # stored as text, never evaluated


def test_parquet_round_trips_types(frame):
    back = pd.read_parquet(io.BytesIO(export.frame_parquet(frame)))
    assert list(back["province"]) == list(frame["province"])
    assert [list(v) for v in back["chairs"]] == [list(v) for v in frame["chairs"]]
    assert back["meeting_date"].iloc[0] == pd.Timestamp("2022-07-18")
    assert back["delegations_in"].iloc[2] == 293


# ---------------------------------------------------------------- html

@pytest.fixture(scope="module")
def report_html() -> str:
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], name=INJECTED))
    fig.update_layout(title=INJECTED)
    table = pd.DataFrame({"title": [INJECTED], "province": ["Đắk Lắk"]})
    sections = [("Theo thời gian", fig, table), ("Theo tỉnh", fig, None), (INJECTED, None, table)]
    return report_module.html_report("Báo cáo <TTĐN>", "Tỉnh: Đắk Lắk; năm 2022", sections, demo=True).decode("utf-8")


@pytest.fixture(scope="module")
def figure_page() -> str:
    fig = go.Figure(go.Bar(x=["Khánh Hòa"], y=[1]))
    return export.figure_html(fig).decode("utf-8")


@pytest.mark.parametrize("page", ["report_html", "figure_page"])
def test_html_loads_no_external_script(page, request):
    html = request.getfixturevalue(page)
    assert EXTERNAL_SCRIPT_RE.search(html) is None
    assert PLOTLY_BANNER in html  # plotly.js is inline, so the file works offline


@pytest.mark.parametrize("needle, count", [
    pytest.param(PLOTLY_BANNER, 1, id="plotly.js inlined once for all charts"),
    pytest.param(INJECTED, 0, id="injected script never appears raw"),
    pytest.param("&lt;script&gt;alert(1)&lt;/script&gt;", 3, id="escaped in both table cells and the heading"),
    pytest.param("Báo cáo &lt;TTĐN&gt;", 2, id="title escaped in <title> and <h1>"),
    pytest.param("Tỉnh: Đắk Lắk; năm 2022", 1, id="filter sentence shown"),
    pytest.param("DEMO DATA", 1, id="demo notice when demo=True"),
    pytest.param('class="plotly-graph-div"', 2, id="each figure is a div"),
])
def test_report_contents(report_html, needle, count):
    assert report_html.count(needle) == count


def test_report_without_demo_flag_has_no_notice():
    html = report_module.html_report("t", "s", [("a", None, pd.DataFrame({"x": [1]}))]).decode("utf-8")
    assert "DEMO DATA" not in html and PLOTLY_BANNER not in html  # no charts: no 4 MB of plotly.js


@pytest.mark.parametrize("name, expected", [
    pytest.param("so-cuoc-hop", "so-cuoc-hop", id="plain name kept"),
    pytest.param("../etc/passwd", "etc_passwd", id="path separators removed"),
    pytest.param("Tỉnh Khánh Hòa", "Tỉnh_Khánh_Hòa", id="spaces become underscores, letters kept"),
])
def test_camera_config(name, expected):
    config = export.camera_config(name)
    assert config["displaylogo"] is False
    assert config["toImageButtonOptions"] == {"format": "png", "filename": expected, "scale": 2}


# ---------------------------------------------------------------- images

@pytest.mark.parametrize("fmt, check", [
    pytest.param("png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n"), id="png magic"),
    pytest.param("svg", lambda b: b"<svg" in b[:200] and "Khánh Hòa".encode() in b, id="svg text with Vietnamese"),
])
def test_figure_image(figure, fmt, check):
    require(export.image_export_available(),
            "no Chromium for kaleido on this machine: static images fall back to the camera button")
    data = export.figure_image(figure, fmt)
    assert data is not None and check(data)


def test_figure_image_unknown_format_is_none_not_an_error(figure):
    assert export.figure_image(figure, "gif") is None


def test_title_note_marks_a_copy_only():
    fig = go.Figure(go.Bar(x=["a"], y=[1])).update_layout(title_text="Tỷ lệ theo chủ đề")
    marked = export.with_title_note(fig, "(dữ liệu minh hoạ)")
    assert marked.layout.title.text == "Tỷ lệ theo chủ đề (dữ liệu minh hoạ)"
    assert fig.layout.title.text == "Tỷ lệ theo chủ đề"  # the chart on screen keeps its title


def test_report_charts_leave_the_heading_to_the_section():
    fig = go.Figure(go.Bar(x=["a"], y=[1])).update_layout(title_text="Một tiêu đề duy nhất")
    html = report_module.html_report("t", "s", [("Một tiêu đề duy nhất", fig, None)]).decode("utf-8")
    assert html.count("Một tiêu đề duy nhất") == 1
