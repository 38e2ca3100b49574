"""In a real browser: Vietnamese search ("bien dao" finds "biển, đảo"), the keyword-in-context
concordance, and a click on a map tile that filters another page. Waits are on events (the URL
the app writes, Streamlit's idle state), never on a fixed time."""
from __future__ import annotations

import urllib.parse

import pytest

from dashboard import i18n
from dashboard.search import search_key

from .test_browser import LANG, PROVINCE, READY_TIMEOUT_MS, URL_PARAM_JS, open_page, wait_ready

pytestmark = pytest.mark.e2e


def _params(page) -> dict:
    return urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)


def _type_and_enter(page, label: str, text: str) -> None:
    box = page.locator('[data-testid="stTextInput"]').filter(has_text=label).locator("input")
    box.fill(text)
    box.press("Enter")


def test_sidebar_search_bien_dao_finds_the_article_saying_bien_dao(page, app_url):
    open_page(page, app_url, "overview", relevant="0")
    _type_and_enter(page, i18n.t("filters.search", LANG), "bien dao")
    page.wait_for_function(URL_PARAM_JS, arg=["q", "bien dao"], timeout=READY_TIMEOUT_MS)
    wait_ready(page)
    counts = [int(v.replace(".", "")) for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()
              if v.replace(".", "").isdigit()]
    assert counts and counts[0] >= 1, "an article writing “biển, đảo” is found by the unaccented query"


def test_kwic_highlights_the_hit_as_written(page, app_url):
    open_page(page, app_url, "themes", relevant="0")
    _type_and_enter(page, i18n.t("themes.kwic_term", LANG), "bien dao")
    page.wait_for_function(URL_PARAM_JS, arg=["kwic", "bien dao"], timeout=READY_TIMEOUT_MS)
    wait_ready(page)
    marks = page.locator(".ttdn-kwic mark").all_inner_texts()
    assert marks, "the concordance lists the hits"
    assert all(search_key(m) == " bien dao " for m in marks)
    assert any(m != "bien dao" for m in marks), "the hit is shown with its marks and punctuation"
    link = page.locator(".ttdn-kwic a").first.get_attribute("href")
    assert link.startswith("articles?") and "doc=" in link


def test_clicking_a_map_tile_filters_every_page(page, app_url):
    open_page(page, app_url, "provinces")
    tile = page.locator('[data-testid="stPlotlyChart"] g.textpoint text').filter(has_text=PROVINCE.split()[0]).first
    tile.scroll_into_view_if_needed()
    box = tile.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_function(URL_PARAM_JS, arg=["province", PROVINCE], timeout=READY_TIMEOUT_MS)
    wait_ready(page)
    page.locator('[data-testid="stTopNavLink"], [data-testid="stNavLink"]').filter(
        has_text=i18n.t("nav.overview", LANG)).first.click()
    page.wait_for_function("() => location.pathname.endsWith('/overview')", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(URL_PARAM_JS, arg=["province", PROVINCE], timeout=READY_TIMEOUT_MS)
    wait_ready(page)
    sentence = " ".join(page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())
    assert PROVINCE in sentence, "the overview counts only the clicked province"
    assert _params(page).get("province") == [PROVINCE]
