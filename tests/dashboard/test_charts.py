import ast
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from dashboard import charts, queries
from dashboard.charts import template
from dashboard.filters import Filters

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


# modules (or packages: every file in them) that must run without streamlit
PURE_MODULES = ["queries", "charts", "filters", "i18n", "settings", "export", "cloud", "report", "upload_store",
                "components/text"]


def _pure_files() -> list[str]:
    files = []
    for name in PURE_MODULES:
        package = DASHBOARD / name
        paths = sorted(package.glob("*.py")) if package.is_dir() else [DASHBOARD / f"{name}.py"]
        files += [str(p.relative_to(DASHBOARD)) for p in paths]
    return files


@pytest.mark.parametrize("module", _pure_files())
def test_pure_modules_do_not_import_streamlit(module):
    tree = ast.parse((DASHBOARD / module).read_text("utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(n.split(".")[0] == "streamlit" for n in names)


def test_importing_queries_and_charts_does_not_load_streamlit_transitively():
    code = ("import sys, dashboard.queries, dashboard.charts, dashboard.export, dashboard.cloud, dashboard.report; "
            "print('streamlit' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=DASHBOARD.parent)
    assert out.stdout.strip() == "False"


def test_over_time_one_trace_per_meeting_type_present(corpus):
    table = queries.over_time(corpus, Filters(), "Y")
    fig = charts.over_time(table, "vi", "meetings")
    names = [t.name for t in fig.data]
    assert isinstance(fig, go.Figure) and fig.layout.barmode == "stack"
    assert "Sơ kết" in names and "Tổng kết" in names  # Vietnamese labels intact
    assert all(t.customdata[0][0] in template.TYPE_COLOURS for t in fig.data)  # click -> meeting type code


def test_share_mode_plots_shares(corpus):
    fig = charts.over_time(queries.over_time(corpus, Filters(), "Y"), "en", "meetings", share=True)
    assert fig.layout.yaxis.tickformat == ".0%"
    assert max(max(t.y) for t in fig.data) <= 1


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
    assert fig.layout.template.layout.font.family == template.FONT_FAMILY


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


@pytest.mark.parametrize("text, width, expected", [
    pytest.param("Biên giới", 20, "Biên giới", id="short-label-untouched"),
    pytest.param("Đấu tranh phản bác thông tin sai trái", 16, "Đấu tranh phản<br>bác thông tin<br>sai trái",
                 id="breaks-at-spaces"),
    pytest.param("Siêudàiliềnmộtkhối", 5, "Siêudàiliềnmộtkhối", id="one-long-word-is-not-cut"),
])
def test_wrap(text, width, expected):
    assert template.wrap(text, width) == expected


def test_heatmap_labels_every_row_and_grows_with_rows():
    import pandas as pd
    rows = [f"Tỉnh {i:02d}" for i in range(30)]
    frame = pd.DataFrame({"province": rows * 2, "theme": ["một chủ đề có tên rất dài"] * 30 + ["ngắn"] * 30,
                          "count": range(60)})
    fig = charts.heatmap(frame, "province", "theme", "count", "vi", "t")
    assert (fig.layout.yaxis.tickmode, fig.layout.yaxis.dtick) == ("linear", 1)  # no row label skipped
    assert fig.layout.xaxis.automargin and fig.layout.yaxis.automargin
    small = charts.heatmap(frame[frame["province"].isin(rows[:3])], "province", "theme", "count", "vi", "t")
    assert fig.layout.height > small.layout.height


def test_period_axes_show_words_but_keep_codes(corpus):
    fig = charts.over_time(queries.over_time(corpus, Filters(), "H"), "vi", "meetings")
    assert "2021-H2" in list(fig.layout.xaxis.tickvals)  # a click still returns the bucket code
    assert "6T cuối 2021" in list(fig.layout.xaxis.ticktext)


def test_theme_trend_legend_sits_below_the_plot(corpus):
    fig = charts.theme_trend(queries.theme_trend(corpus, Filters()), "vi", "meetings")
    legend = fig.layout.legend if fig.layout.legend.orientation else fig.layout.template.layout.legend
    assert legend.orientation == "h" and legend.yref == "container" and legend.y == 0


@pytest.mark.parametrize("period, starts, has, lacks", [
    pytest.param("2023", "2023*", "1/63", "một phần", id="a07-gives-no-period-its-year-stands-in-starred"),
    pytest.param("2022", "2022<br>một phần", "2/63", "*",
                 id="nghe-an-gives-only-the-first-half-so-the-year-is-marked-partial"),
])
def test_period_labels_say_how_the_figure_was_built(corpus, period, starts, has, lacks):
    periods = queries.delegations_by_period(corpus, Filters(), "Y")
    label = charts.period_axis_label(periods, "vi")(period)
    assert label.startswith(starts) and has in label and lacks not in label


def test_coverage_chart_ranks_shares_on_a_percent_axis(corpus):
    cover = queries.coverage(corpus, Filters())
    fig = charts.coverage(cover, "en")
    assert fig.layout.xaxis.tickformat == ".0%" and tuple(fig.layout.xaxis.range) == (0, 1)
    shares = list(fig.data[0].x)
    assert shares[-1] == cover["share"].max() and shares == sorted(shares)  # best-filled field drawn on top
    assert "Province" in list(fig.data[0].y)  # fields in words, not column names
