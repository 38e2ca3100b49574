import ast
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard import charts, queries
from dashboard.filters import Filters

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


@pytest.mark.parametrize("module", ["queries.py", "charts.py", "filters.py", "i18n.py", "settings.py"])
def test_pure_modules_do_not_import_streamlit(module):
    tree = ast.parse((DASHBOARD / module).read_text("utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(n.split(".")[0] == "streamlit" for n in names)


def test_importing_queries_and_charts_does_not_load_streamlit_transitively():
    code = "import sys, dashboard.queries, dashboard.charts; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=DASHBOARD.parent)
    assert out.stdout.strip() == "False"


def test_over_time_one_trace_per_meeting_type_present(corpus):
    table = queries.over_time(corpus, Filters(), "Y")
    fig = charts.over_time(table, "vi", "meetings")
    names = [t.name for t in fig.data]
    assert isinstance(fig, go.Figure) and fig.layout.barmode == "stack"
    assert "Sơ kết" in names and "Tổng kết" in names  # Vietnamese labels intact
    assert all(t.customdata[0][0] in charts.TYPE_COLOURS for t in fig.data)  # click -> meeting type code


def test_share_mode_plots_shares(corpus):
    fig = charts.over_time(queries.over_time(corpus, Filters(), "Y"), "en", "meetings", share=True)
    assert fig.layout.yaxis.tickformat == ".0%"
    assert max(max(t.y) for t in fig.data) <= 1


def test_map_is_offline_scatter_on_lon_lat(corpus):
    fig = charts.province_map(queries.by_province(corpus, Filters()), "vi", "meetings", "map")
    assert {t.type for t in fig.data} == {"scatter"}  # no scattermapbox/scattergeo: nothing fetched
    assert fig.layout.yaxis.scaleanchor == "x"
    active = fig.data[1]
    assert "Nghệ An" in list(active.text)  # busiest provinces are named
    assert {row[0] for row in active.customdata} == {"Nghệ An", "Hà Nội", "Hà Tĩnh", "Thừa Thiên Huế"}


@pytest.mark.parametrize("builder, kwargs, n_traces", [
    pytest.param(charts.articles_vs_meetings, {"frame": "avm"}, 2, id="articles-and-meetings"),
    pytest.param(charts.month_profile, {"frame": "profile", "unit": "meetings"}, 2, id="h1-and-h2"),
    pytest.param(charts.theme_shares, {"frame": "shares"}, 1, id="one-bar-trace"),
    pytest.param(charts.delegations, {"frame": "periods", "x": "period", "title": "t"}, 2, id="in-and-out"),
])
def test_builders_return_expected_traces(corpus, builder, kwargs, n_traces):
    frames = {"avm": queries.articles_vs_meetings(corpus, Filters(), "Y"),
              "profile": queries.month_profile(corpus, Filters()),
              "shares": queries.theme_shares(corpus, Filters()),
              "periods": queries.delegations_by_period(corpus, Filters())}
    kwargs = {**kwargs, "frame": frames[kwargs["frame"]]}
    fig = builder(lang="vi", **kwargs)
    assert len(fig.data) == n_traces
    assert fig.layout.template.layout.font.family == charts.FONT_FAMILY


def test_heatmap_orders_rows_by_total(corpus):
    fig = charts.heatmap(queries.province_year(corpus, Filters()), "province", "year", "count", "vi", "t")
    assert fig.data[0].type == "heatmap"
    assert list(fig.data[0].y)[-1] == "Nghệ An"  # the busiest province on top


@pytest.mark.parametrize("lang, separators", [pytest.param("vi", ",.", id="vi"), pytest.param("en", ".,", id="en")])
def test_number_format_follows_language(corpus, lang, separators):
    fig = charts.theme_shares(queries.theme_shares(corpus, Filters()), lang)
    assert fig.layout.separators == separators


def test_empty_frames_still_give_figures(corpus):
    nothing = Filters(provinces=("Cà Mau",))
    assert isinstance(charts.over_time(queries.over_time(corpus, nothing, "M"), "vi", "meetings"), go.Figure)
    assert isinstance(charts.theme_trend(queries.theme_trend(corpus, nothing), "vi", "meetings"), go.Figure)
