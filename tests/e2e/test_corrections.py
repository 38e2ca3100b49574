"""Corrections in a real browser on a copy of the seeds: correct a meeting date and a province from
the review queue, see the figures, a chart and the table export change, restart the server and
find the corrections still applied, undo one, import another session's file and see the
conflicting pair. Screenshots of the review queue, the article view and Data quality, both languages.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard import i18n
from loaders import corrections

from .conftest import SEEDS
from .test_browser import download, full_screenshot, open_page, wait_ready

pytestmark = pytest.mark.e2e

LANG = "vi"
NO_PROVINCE = "002_713ece43f4bc33da"  # a seed whose text names no province ("tỉnh" only)
NO_DATE = "004_9a920898044f2605"  # a seed whose meeting day the text does not give
PROVINCE = "Quảng Ninh"  # not a province of any seed: its appearance is the correction's doing
MEETING_DAY = date(2018, 7, 10)
CHART_DATA_JS = "() => JSON.stringify(Array.from(document.querySelectorAll('.js-plotly-plot')).map(d => d.data))"


def metrics(page) -> dict[str, str]:
    out = {}
    for box in page.locator('[data-testid="stMetric"]').all():
        label = box.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        out[label] = box.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return out


def figures(page, url: str) -> tuple[str, str]:
    """(provinces, first year) on the Overview: both move when a province and a date are corrected."""
    open_page(page, url, "overview")
    shown = metrics(page)
    return shown[i18n.t("kpi.provinces", LANG)], shown[i18n.t("kpi.first", LANG)]


def click_button(page, key: str) -> None:
    page.locator(f'button:has-text("{i18n.t(key, LANG)}")').first.click()
    page.wait_for_timeout(300)  # the click starts a rerun; idle means that rerun is over
    wait_ready(page)


def correct_date(page, url: str) -> None:
    open_page(page, url, "review", item=f"{NO_DATE}|meeting_date")
    label = i18n.t("fix.new_value", LANG, field=i18n.field_label("meeting_date", LANG))
    box = page.locator('[data-testid="stDateInput"]').filter(has_text=label)
    # a date field of segments (day / month / year): typed digits move from one segment to the next
    box.locator('[role="spinbutton"][data-type="day"]').click()
    page.keyboard.type(MEETING_DAY.strftime("%d%m%Y"))
    page.keyboard.press("Escape")  # the calendar that opened with the field closes; the typed day stays
    page.locator("h1").first.click()  # leaving the field commits it
    wait_ready(page)
    click_button(page, "fix.set")
    assert page.locator('[data-testid="stAlertContentSuccess"]').count() == 1


def correct_province(page, url: str) -> None:
    open_page(page, url, "review", item=f"{NO_PROVINCE}|province")
    label = i18n.t("fix.new_value", LANG, field=i18n.field_label("province", LANG))
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(PROVINCE)
    page.locator('[role="option"]').filter(has_text=PROVINCE).first.click()
    wait_ready(page)
    click_button(page, "fix.set")


def csv_rows(page, url: str) -> str:
    open_page(page, url, "articles", relevant="0")
    _, data = download(page, i18n.t("export.table", LANG), "CSV")
    return data.decode("utf-8-sig")


def test_corrections_change_the_figures_persist_undo_and_travel(page, seeds_copy_server, tmp_path, screenshot_dir):
    url = seeds_copy_server.url
    before = figures(page, url)
    for lang in ("vi", "en"):  # one item picked: its sentence highlighted, the controls beside it
        open_page(page, url, "review", item=f"{NO_PROVINCE}|province", lang=lang)
        full_screenshot(page, screenshot_dir / f"review-item-{lang}.png")
    correct_date(page, url)
    correct_province(page, url)

    after = figures(page, url)
    assert int(after[0]) == int(before[0]) + 1, "the corrected province counts as one more province"
    assert after[1] == str(MEETING_DAY.year) and before[1] != after[1], "the corrected date moves the span"
    open_page(page, url, "time")
    assert str(MEETING_DAY.year) in page.evaluate(CHART_DATA_JS), "the meeting now stands on the time chart"
    table = csv_rows(page, url)
    # the table export speaks the UI language: dd/mm/yyyy dates, the corrected fields named in words
    header = table.splitlines()[0]
    assert PROVINCE in table and MEETING_DAY.strftime("%d/%m/%Y") in table
    assert i18n.t("col.corrected_fields", LANG) in header and i18n.field_label("meeting_date", LANG) in table

    seeds_copy_server.restart()
    assert figures(page, url) == after, "corrections are read back from the file after a restart"
    _screenshots(page, url, screenshot_dir, "corrected")

    _undo_province(page, url)
    assert figures(page, url)[0] == before[0], "undo brings the extracted (missing) province back"

    _import_conflicting_file(page, url, tmp_path)
    text = page.locator('[data-testid="stApp"]').inner_text()
    assert i18n.t("corrections.conflicts", LANG) in text
    assert page.locator('button:has-text("' + i18n.t("corrections.keep", LANG, n=2) + '")').count() == 1
    full_screenshot(page, screenshot_dir / "quality-conflict.png")
    copy = Path(seeds_copy_server.corpus)
    assert (copy.parent / f"{copy.name}.corrections.jsonl").exists(), "kept beside the (writable) corpus copy"
    assert not list(SEEDS.parent.glob("*.corrections.jsonl")), "nothing is written into ../shared"


def _undo_province(page, url: str) -> None:
    open_page(page, url, "quality")
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=i18n.t("corrections.undo_pick", LANG))
    box.locator("input").click()
    page.locator('[role="option"]').filter(has_text=PROVINCE).first.click()
    wait_ready(page)
    click_button(page, "corrections.undo")


def _import_conflicting_file(page, url: str, tmp_path: Path) -> None:
    """Another session corrected the same meeting date differently, and checked a value we left alone."""
    open_page(page, url, "quality")
    page.locator('[data-testid="stExpander"] summary').filter(has_text=i18n.t("corrections.share", LANG)).click()
    wait_ready(page)
    _, data = download_file(page)
    mine = corrections.parse_bytes(data).items
    dated = next(c for c in mine if c.field == "meeting_date")
    theirs = [corrections.make(dated.doc_id, dated.content_sha, "meeting_date", "set", "2018-07-12", who="colleague",
                               note="theo công văn"),
              corrections.make(dated.doc_id, dated.content_sha, "delegations_in", "check", 73, who="colleague")]
    other = tmp_path / "colleague.corrections.jsonl"
    other.write_bytes(corrections.to_jsonl(theirs))
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(other))
    wait_ready(page)
    click_button(page, "corrections.import")


def download_file(page) -> tuple[str, bytes]:
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text=i18n.t("corrections.download", LANG))
    with page.expect_download() as info:
        button.first.click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def _screenshots(page, url: str, folder: Path, name: str) -> None:
    for lang in ("vi", "en"):
        open_page(page, url, "review", lang=lang)
        full_screenshot(page, folder / f"review-{name}-{lang}.png")
        open_page(page, url, "quality", lang=lang)
        full_screenshot(page, folder / f"quality-{name}-{lang}.png")
        open_page(page, url, "articles", doc=NO_PROVINCE, lang=lang)
        page.locator('[data-testid="stExpander"] summary').filter(has_text=i18n.t("fix.title", lang)).click()
        wait_ready(page)
        full_screenshot(page, folder / f"article-{name}-{lang}.png")
