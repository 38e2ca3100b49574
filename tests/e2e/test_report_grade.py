"""Issue 7 in a real browser on ../shared/corpus/seeds: the province ranking and the heatmap agree,
"—" is not 0, exports speak Vietnamese, the rhythm matrix and the partner-country chart draw, page
controls ride the URL as codes, and (``TTDN_E2E_SCREENS=1``, ``make screenshots``) every page is
shot at 1280×720 and 1920×1080 in both languages.

Charts are read from the page itself: every plotly chart keeps its data on its DOM node.
"""
from __future__ import annotations

import csv
import io
import os
import urllib.parse

import pytest

from dashboard import i18n
from tests.e2e.test_browser import LANG, URL_PARAM_JS, download, full_screenshot, open_page, page_paths, wait_ready

pytestmark = pytest.mark.e2e

# title -> {data, tickvals} of every drawn chart (titles as plotly shows them, <br> as a space)
CHARTS_JS = """() => Object.fromEntries(Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => [
  ((el.layout && el.layout.title && el.layout.title.text) || '').replaceAll('<br>', ' '),
  {data: (el._fullData || el.data).map(t => ({x: Array.from(t.x || []), y: Array.from(t.y || []), text: Array.from(t.text || []),
                            z: Array.from(t.z || []).map(r => Array.from(r))})),
   tickvals: Array.from((el.layout.xaxis || {}).tickvals || [])}]))"""
SIZES = [(1280, 720), (1920, 1080)]


def chart(page, key: str, **values) -> dict:
    wanted = i18n.t(key, LANG, **values)
    charts = page.evaluate(CHARTS_JS)
    found = [c for title, c in charts.items() if title.startswith(wanted)]
    assert found, f"no chart titled {wanted!r} among {list(charts)}"
    return found[0]


def test_ranking_and_heatmap_totals_agree(page, app_url):
    open_page(page, app_url, "provinces")
    ranking = chart(page, "chart.ranked_provinces_meetings")["data"][0]
    heat = chart(page, "chart.province_year_meetings")["data"][0]
    ranked = dict(zip(ranking["y"], ranking["x"], strict=False))
    rows = {name: sum(row) for name, row in zip(heat["y"], heat["z"], strict=False)}
    assert ranked and ranked == rows


def test_not_reported_is_a_dash_not_zero(page, app_url):
    open_page(page, app_url, "delegations")
    years = chart(page, "chart.delegations_by_Y")
    texts = [t for trace in years["data"] for t in trace["text"]]
    # the seeds report 2018H1 (Kon Tum) and 2022H1 (Khánh Hòa): the years between are not reported
    assert i18n.NOT_REPORTED in texts and "0" not in texts


def test_table_export_headers_and_values_are_vietnamese(page, app_url):
    open_page(page, app_url, "overview")
    name, data = download(page, i18n.t("export.table", LANG), "CSV")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert {i18n.t("col.date", LANG), i18n.t("col.province", LANG), i18n.t("col.meeting_type", LANG)} <= set(rows[0])
    assert any(i18n.meeting_type_label("so_ket", LANG) in row for row in rows[1:])  # "Sơ kết", not so_ket
    assert not any("so_ket" in row for row in rows[1:])


def test_rhythm_matrix_on_the_seeds(page, app_url):
    open_page(page, app_url, "time")
    rhythm = chart(page, "chart.rhythm")["data"][0]
    assert {"Khánh Hòa", "Kon Tum"} <= set(rhythm["y"])  # both held a sơ kết in the seeds
    assert any(v == 1 for row in rhythm["z"] for v in row)  # a sơ kết cell


def test_partner_country_chart_on_the_seeds(page, app_url):
    open_page(page, app_url, "delegations")
    partners = chart(page, "chart.partners_meetings")
    countries = {c for trace in partners["data"] for c in trace["y"]}
    assert {"Lào", "Campuchia", "Ấn Độ"} <= countries  # Kon Tum's and Khánh Hòa's articles name them


def test_page_control_rides_the_url_as_a_code(page, app_url):
    open_page(page, app_url, "time", freq="Y")
    assert all(len(v) == 4 for v in chart(page, "chart.over_time_meetings")["tickvals"] if v != "undated")
    page.locator('[data-testid="stButtonGroup"] button').filter(has_text=i18n.t("freq.Q", LANG)).first.click()
    page.wait_for_function(URL_PARAM_JS, arg=["freq", "Q"], timeout=60_000)
    wait_ready(page)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["freq"] == ["Q"]


def test_typed_date_applies_on_enter(page, app_url):
    open_page(page, app_url, "overview")
    box = page.locator('[data-testid="stTextInput"]').filter(has_text=i18n.t("filters.date_from", LANG))
    box.locator("input").fill("01/01/2019")
    box.locator("input").press("Enter")
    page.wait_for_function(URL_PARAM_JS, arg=["from", "2019-01-01"], timeout=60_000)
    wait_ready(page)
    assert "01/01/2019" in " ".join(page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width, height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_screens(browser, app_url, screenshot_dir, lang, width, height):
    if os.environ.get("TTDN_E2E_SCREENS") != "1":
        pytest.skip("screenshots at every size and language: run `make screenshots` (TTDN_E2E_SCREENS=1)")
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    try:
        for path in page_paths():
            open_page(page, app_url, path, lang=lang)
            assert page.locator('[data-testid="stException"]').count() == 0, f"{path}: a Python error"
            full_screenshot(page, screenshot_dir / f"{path}-{lang}-{width}x{height}.png")
            page.set_viewport_size({"width": width, "height": height})
    finally:
        context.close()


def test_empty_picker_speaks_vietnamese(page, app_url):
    open_page(page, app_url, "overview")
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=i18n.t("filters.provinces", LANG))
    box.locator("input").click()
    box.locator("input").fill("zzzz")  # matches no province
    shown = page.locator('[data-testid="stMultiSelectDropdown"] [role="listbox"][data-empty="true"] span').first
    shown.wait_for(timeout=30_000)
    after = shown.evaluate("el => getComputedStyle(el, '::after').content")
    assert i18n.t("streamlit.no_options", LANG) in after  # Streamlit's own "No results" is hidden behind it
    assert shown.evaluate("el => getComputedStyle(el).fontSize") == "0px"
