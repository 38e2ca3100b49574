"""Pages headless (AppTest) for search, the pickers' search boxes, the tile map and the terms:
"bien dao" finds "biển, đảo"; "nghe an" finds Nghệ An in the picker; the map's 63/34 and the
themes page's KWIC term and stopwords ride the URL."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dashboard.search import search_key
from loaders.schema import ARTICLE_COLUMNS, typed

BODIES = {  # our own sentences, written for these tests
    "a01": "Công tác tuyên truyền về chủ quyền biển, đảo được đẩy mạnh.",
    "a03": "Tỉnh phối hợp với Cam-pu-chia trong thông tin đối ngoại.",
    "a05": "Thành phố đón nhiều đoàn khách quốc tế.",
}


@pytest.fixture
def searchable(corpus):
    arts = corpus.articles.copy()
    for doc, body in BODIES.items():
        arts.loc[arts["doc_id"] == doc, "body"] = body
    return replace(corpus, articles=typed(arts, ARTICLE_COLUMNS))


def metric(at, label):
    return {m.label: m.value for m in at.metric}[label]


@pytest.mark.parametrize("query, meetings", [
    pytest.param("bien dao", "1", id="unaccented finds biển, đảo"),
    pytest.param("biển đảo", "1", id="the search hint's own example finds the comma'd text"),
    pytest.param("biển, đảo", "1", id="as written"),
    pytest.param("Campuchia", "1", id="spelling variant Cam-pu-chia"),
    pytest.param("biển đảo OR Campuchia", "2", id="OR"),
    pytest.param("đoàn NOT Thành phố", "7", id="NOT leaves out the one article saying both"),
])
def test_search_box_reaches_the_figures(run_page, searchable, query, meetings):
    at = run_page("overview", params={"q": query}, corpus_=searchable)
    assert metric(at, "Hội nghị") == meetings


def test_typing_unaccented_in_the_province_picker_finds_the_province(run_page):
    at = run_page("overview")
    at.sidebar.text_input(key="f_provinces_find").input("nghe an").run()
    assert at.sidebar.multiselect(key="f_provinces").options == ["Nghệ An"]
    at.sidebar.button(key="f_provinces_pick_found").click().run()
    assert at.sidebar.multiselect(key="f_provinces").value == ["Nghệ An"]
    assert at.query_params["province"] in (["Nghệ An"], "Nghệ An")
    assert metric(at, "Hội nghị") == "3"


def test_theme_picker_finds_a_theme_by_its_unaccented_label(run_page):
    at = run_page("overview")
    at.sidebar.text_input(key="f_themes_find").input("bien").run()
    options = at.sidebar.multiselect(key="f_themes").options
    assert options and all(" bien" in search_key(o) for o in options)
    assert len(options) < len(run_page("overview").sidebar.multiselect(key="f_themes").options)


@pytest.mark.parametrize("scheme, tiles", [pytest.param("63", 63, id="before the merger"),
                                           pytest.param("34", 34, id="after the merger, from the URL")])
def test_provinces_page_draws_the_tile_map_of_the_scheme_in_the_url(run_page, scheme, tiles):
    at = run_page("provinces", params={"scheme": scheme})
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    maps = [s for s in specs if any(len(t.get("customdata") or []) == tiles for t in s["data"])]
    assert maps, f"a map of {tiles} tiles"
    assert "Hoàng Sa" in json.dumps(maps[0], ensure_ascii=False)
    assert at.segmented_control(key="pc_scheme").value == scheme


def test_scheme_choice_is_written_to_the_url(run_page):
    at = run_page("provinces")
    assert "scheme" not in at.query_params, "the default stays out of the link"
    at.segmented_control(key="pc_scheme").set_value("34").run()
    assert at.query_params["scheme"] in (["34"], "34")


def test_themes_kwic_term_comes_from_the_url_and_is_highlighted(run_page, searchable):
    at = run_page("themes", params={"kwic": "bien dao"}, corpus_=searchable)
    assert at.text_input(key="kwic").value == "bien dao"
    page = "".join(el.proto.body for el in at.get("html"))
    assert "<mark>biển, đảo</mark>" in page, "the hit is highlighted as written in the article"
    assert "articles?" in page, "each row links to its article"


def test_themes_kwic_term_typed_is_written_to_the_url(run_page):
    at = run_page("themes")
    at.text_input(key="kwic").input("đoàn").run()
    assert at.query_params["kwic"] in (["đoàn"], "đoàn")


def test_hidden_terms_default_to_corpus_defining_and_stopwords_ride_the_url(run_page):
    at = run_page("themes", params={"stop": "a05"})
    hidden = at.multiselect(key="terms_hidden").value
    assert "thông tin" in hidden and "đối ngoại" in hidden, "terms in every article are hidden by default"
    assert "a05" in hidden, "the link's stopword is hidden too"
    assert any("thông tin" in c.value for c in at.caption), "the page says which terms it hides"
    at.multiselect(key="terms_hidden").set_value(["đối ngoại", "a05", "a06"]).run()
    assert at.query_params["show"] in (["thông tin"], "thông tin"), "a default term shown again"
    assert at.query_params["stop"] in (["a05,a06"], "a05,a06")
