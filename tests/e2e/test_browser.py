"""What only a browser shows: every page renders, filters ride the URL, downloads arrive intact.

Run: ``.venv/bin/python -m pytest -m e2e tests/e2e`` (screenshots land in artifacts/screenshots/).
Labels are read through dashboard.i18n, page paths from dashboard/app.py: no UI text is
hard-coded here, so a relabel does not break the tests.
"""
from __future__ import annotations

import ast
import json
import os
import re
import urllib.parse
from pathlib import Path

import pytest

from dashboard import i18n

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
LANG = "vi"
PROVINCE = "Khánh Hòa"  # a province the seeds corpus holds, with two diacritics to survive
READY_TIMEOUT_MS = 120_000  # the first page of a demo run waits for the demo build
MOJIBAKE_RE = re.compile("[\ufffd]|Ã.|Ä.|á»")  # replacement char or UTF-8 read as Latin-1
EXTERNAL_SCRIPT_RE = re.compile(r"<script[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//", re.I)


# Idle, read off the DOM: Streamlit says its script run is over (stApp's data-test-script-state, which
# its own e2e tests wait on), no element is a placeholder (stSkeleton: a component still loading) or
# stale from the previous run, fonts and images have loaded, and every plotly chart has drawn its SVG
# at its container's width (a chart redraws after the viewport changes).
IDLE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.dataset.testScriptState !== 'notRunning' || app.dataset.testConnectionState !== 'CONNECTED') {
    return false;
  }
  if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"], [data-stale="true"]')) {
    return false;
  }
  if (document.fonts.status !== 'loaded' || !Array.from(document.images).every(img => img.complete)) {
    return false;
  }
  return Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]')).every(chart => {
    const svg = chart.querySelector('.main-svg');
    return svg && Math.abs(svg.getBoundingClientRect().width - chart.getBoundingClientRect().width) < 2;
  });
}"""
# The URL carries query parameter ``name`` with value ``value`` (the app writes the filters there).
URL_PARAM_JS = "([name, value]) => new URLSearchParams(window.location.search).get(name) === value"


def page_paths() -> list[str]:
    """The url paths declared in dashboard/app.py's PAGES table."""
    tree = ast.parse((ROOT / "dashboard" / "app.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            return [elt.elts[1].value for elt in node.value.elts]
    raise AssertionError("dashboard/app.py has no PAGES table")


def wait_ready(page) -> None:
    """The page has its title and is idle (IDLE_JS): the script run is over and everything is drawn."""
    page.wait_for_selector("h1", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(IDLE_JS, timeout=READY_TIMEOUT_MS)


def open_page(page, app_url: str, path: str, **params) -> None:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    page.goto(f"{app_url}/{path}{query}")
    wait_ready(page)


def full_screenshot(page, target: Path) -> None:
    """Streamlit scrolls inside its own containers: grow the viewport to the content, then shoot."""
    height = page.evaluate("""() => Math.max(
        ...['[data-testid="stMain"]', '[data-testid="stMainBlockContainer"]', '[data-testid="stSidebarContent"]']
          .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight), 0)""")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": max(1000, min(int(height) + 120, 12000))})
    page.wait_for_function(IDLE_JS, timeout=READY_TIMEOUT_MS)
    # CSS transitions (popovers, hover effects) jump to their end state instead of being caught halfway
    page.screenshot(path=str(target), full_page=True, animations="disabled")


def download(page, popover_label: str, button_label: str) -> tuple[str, bytes]:
    """Open the first popover labelled ``popover_label`` and download through ``button_label``."""
    page.locator('[data-testid="stPopover"] button').filter(has_text=popover_label).first.click()
    body = page.locator('[data-testid="stPopoverBody"]')
    button = body.locator('[data-testid="stDownloadButton"] button').filter(has_text=button_label).first
    with page.expect_download() as info:
        button.click()
    dl = info.value
    return dl.suggested_filename, Path(dl.path()).read_bytes()


@pytest.mark.parametrize("path", page_paths())
def test_page_renders_in_vietnamese(page, app_url, screenshot_dir, path):
    open_page(page, app_url, path)
    assert page.locator('[data-testid="stException"]').count() == 0, f"{path}: a Python error is on the page"
    text = page.locator('[data-testid="stApp"]').inner_text()
    assert i18n.t(f"page.{path}", LANG) in text
    assert not MOJIBAKE_RE.search(text), f"{path}: broken Vietnamese text"
    full_screenshot(page, screenshot_dir / f"{path}.png")


def _filter_sentence(page) -> str:
    return " ".join(page.locator('[data-testid="stCaptionContainer"]').all_inner_texts())


def test_filter_from_url_reaches_the_page(page, app_url):
    open_page(page, app_url, "overview", province=PROVINCE)
    assert PROVINCE in _filter_sentence(page)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query).get("province") == [PROVINCE]


def test_filter_from_widget_is_written_to_the_url(page, app_url):
    open_page(page, app_url, "overview")
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=i18n.t("filters.provinces", LANG))
    box.locator("input").click()
    box.locator("input").fill(PROVINCE)  # long option lists are virtualised: type to bring it into view
    page.locator('[role="option"]').filter(has_text=PROVINCE).first.click()
    page.keyboard.press("Escape")
    # the rerun the pick started writes the URL; only then is "idle" about the new filters
    page.wait_for_function(URL_PARAM_JS, arg=["province", PROVINCE], timeout=READY_TIMEOUT_MS)
    wait_ready(page)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query).get("province") == [PROVINCE]
    assert PROVINCE in _filter_sentence(page)


def test_table_csv_download_has_bom_and_vietnamese(page, app_url):
    open_page(page, app_url, "overview", province=PROVINCE)  # so the table surely holds that name
    name, data = download(page, i18n.t("export.table", LANG), "CSV")
    assert name.endswith(".csv")
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must carry a BOM so Excel reads UTF-8"
    text = data.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert i18n.t("col.province", LANG) in header and "province" not in header  # labelled in the UI language
    assert PROVINCE in text


def test_chart_html_download_holds_the_chart_offline(page, app_url):
    open_page(page, app_url, "time")
    name, data = download(page, i18n.t("export.chart", LANG), i18n.t("export.html", LANG))
    html = data.decode("utf-8")
    assert name.endswith(".html")
    assert "plotly-graph-div" in html
    assert EXTERNAL_SCRIPT_RE.search(html) is None, "exported chart must not fetch scripts from the web"


def test_report_download_is_one_self_contained_file(page, app_url):
    open_page(page, app_url, "overview", province=PROVINCE)
    with page.expect_download() as info:
        page.locator('[data-testid="stDownloadButton"] button').filter(
            has_text=i18n.t("export.report", LANG)).first.click()
    html = Path(info.value.path()).read_text(encoding="utf-8")
    assert "<h1>" in html and "plotly-graph-div" in html and "<table" in html
    assert PROVINCE in html  # the filter sentence travels with the report
    assert EXTERNAL_SCRIPT_RE.search(html) is None


@pytest.mark.parametrize("button_key, suffix", [
    pytest.param("export.csv", "-demo.csv", id="csv-named-demo"),
    pytest.param("export.html", "-demo.html", id="html-named-demo-and-titled"),
])
def test_demo_exports_say_so(page, app_url, button_key, suffix):
    if os.environ.get("TTDN_E2E_CORPUS") != "demo":
        pytest.skip("only demo data marks its exports (run with TTDN_E2E_CORPUS=demo, e.g. make screenshots)")
    open_page(page, app_url, "time")
    name, data = download(page, i18n.t("export.chart", LANG), i18n.t(button_key, LANG))
    assert name.endswith(suffix)
    if suffix.endswith(".html"):
        note = i18n.t("export.demo_note", LANG)
        html = data.decode("utf-8")
        assert note in html or json.dumps(note)[1:-1] in html  # plotly may \u-escape the title
