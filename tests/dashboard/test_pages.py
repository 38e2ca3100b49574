"""Every page headless (AppTest) on the fixture corpus: renders, reacts to a filter, shows its
empty state, keeps article text inert, and keeps the filters in the URL."""
import json

import pytest

from dashboard.components.export_menu import selected_bar

VIEWS = ["overview", "timeline", "provinces", "themes", "delegations", "articles", "quality", "review"]
EMPTY_PARAMS = {"province": "Hà Tĩnh", "type": "tong_ket"}  # both exist, never together


def chart_specs(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def texts(at) -> str:
    parts = [el.value for kind in ("info", "warning", "caption", "markdown", "title", "subheader")
             for el in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("view", VIEWS)
def test_page_renders_with_demo_banner_and_filter_sentence(run_page, corpus, use_corpus, view):
    demo = corpus.__class__(**{**corpus.__dict__, "demo": True})
    at = run_page(view, corpus_=demo)
    assert at.title, "every page has a title"
    assert any("MINH HOẠ" in w.value for w in at.warning), "demo data is marked on every page"
    assert "Đang đếm" in texts(at), "the active filters are stated in words"


@pytest.mark.parametrize("view", VIEWS)
def test_page_shows_an_empty_state_not_an_exception(run_page, view):
    at = run_page(view, params=EMPTY_PARAMS)
    assert at.info or at.success or at.caption  # run_page already asserted there is no exception
    if view in ("overview", "timeline", "provinces", "themes", "articles"):
        assert any("Không có dữ liệu" in i.value for i in at.info)


@pytest.mark.parametrize("view", ["timeline", "provinces", "themes", "delegations", "quality"])
def test_changing_a_filter_changes_the_charts(run_page, view):
    at = run_page(view)
    before = chart_specs(at)
    assert before, "the page draws charts on the full fixture"
    at.sidebar.multiselect(key="f_provinces").set_value(["Nghệ An"]).run()
    assert not at.exception
    assert chart_specs(at) != before


def test_overview_figures_follow_the_filters(run_page):
    at = run_page("overview")
    assert {m.label: m.value for m in at.metric}["Hội nghị"] == "9"
    at.sidebar.multiselect(key="f_provinces").set_value(["Nghệ An"]).run()
    assert {m.label: m.value for m in at.metric}["Hội nghị"] == "3"
    at.sidebar.radio(key="f_unit").set_value("articles").run()
    assert "bài viết" in texts(at)


def test_filters_are_read_from_and_written_to_the_url(run_page):
    at = run_page("overview", params={"province": "Hà Nội", "lang": "en"})
    assert at.sidebar.multiselect(key="f_provinces").value == ["Hà Nội"]
    assert at.title[0].value == "Overview"
    at.sidebar.toggle(key="f_relevant").set_value(False).run()
    assert at.query_params["relevant"] == ["0"] or at.query_params["relevant"] == "0"


def test_reset_button_restores_defaults_but_keeps_language(run_page):
    at = run_page("overview", params={"province": "Hà Nội", "lang": "en", "q": "đoàn"})
    at.sidebar.button(key="f_reset").click().run()
    assert at.sidebar.multiselect(key="f_provinces").value == []
    assert at.sidebar.text_input(key="f_search").value == ""
    assert at.title[0].value == "Overview"
    assert "province" not in at.query_params


def test_unknown_url_values_are_dropped(run_page):
    at = run_page("overview", params={"province": "Atlantis", "from": "not-a-date", "unit": "rm -rf"})
    assert at.sidebar.multiselect(key="f_provinces").value == []
    assert {m.label: m.value for m in at.metric}["Hội nghị"] == "9"


def test_article_text_stays_inert_and_evidence_is_highlighted(run_page):
    at = run_page("articles", params={"doc": "a11"})
    body = at.get("html")[0].proto.body
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "<mark>" in body  # the province evidence sentence
    titles = [m.value for m in at.markdown if "Sơ kết" in m.value]
    assert titles and all("<script>" not in t for t in titles)


def test_linked_article_opens_even_outside_the_filters(run_page):
    at = run_page("articles", params={"doc": "a10"})  # a10 is not relevant: hidden by the default toggle
    assert at.selectbox(key="article_doc").value == "a10"


def test_english_switch_formats_numbers_and_dates(run_page):
    at = run_page("overview", params={"lang": "en"})
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["From"], metrics["To"]) == ("2021", "2024")  # years fit a metric on any screen
    captions = [c.value for c in at.caption]
    assert "2021-07-10" in captions and "2024-07-05" in captions  # exact dates beneath, in the locale format
    assert captions[0].startswith("Counting meetings")


def test_app_router_runs_the_overview_by_default(run_app):
    at = run_app()
    assert at.title[0].value == "Tổng quan"
    assert at.sidebar.multiselect(key="f_provinces") is not None


def test_pages_render_pipeline_output(run_page):
    """Whatever the real loader produces today (extractors still improving) must render."""
    from fixtures import pipeline_corpus
    c = pipeline_corpus()
    for view in VIEWS:
        run_page(view, corpus_=c)


@pytest.mark.parametrize("event, expected", [
    pytest.param({"selection": {"points": [{"x": "2022-H1", "customdata": ["so_ket"]}]}}, ("2022-H1", "so_ket"),
                 id="bar-segment"),
    pytest.param({"selection": {"points": [{"x": "2022"}]}}, ("2022", None), id="no-customdata"),
    pytest.param({"selection": {"points": []}}, None, id="nothing-selected"),
    pytest.param(None, None, id="no-event"),
])
def test_selected_bar(event, expected):
    assert selected_bar(event) == expected


def test_overview_report_builds_one_html_file(corpus):
    from dashboard import report_html
    from dashboard.filters import Filters, describe
    from dashboard.report import sections as report_sections
    sections = report_sections(corpus, Filters())
    # key figures, over time, provinces, themes, delegations, latest, evidence, methodology
    assert [fig is not None for _, fig, _ in sections] == [False, True, True, True, True, False, False, False]
    page = report_html.html_report("Báo cáo", describe(Filters()), sections, demo=True).decode("utf-8")
    assert "Báo cáo" in page and "Nghệ An" in page


def test_overview_offers_the_report_download(run_page):
    at = run_page("overview")
    assert any(el.proto.label.startswith("Tải báo cáo") for el in at.get("download_button"))
