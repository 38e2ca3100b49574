import re
from datetime import date
from pathlib import Path

import pytest

from dashboard import i18n
from loaders import assets

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
LITERAL_KEY_RE = re.compile(r"""i18n\.t\(\s*["']([a-z_0-9.]+)["']""")


def test_both_languages_have_the_same_keys():
    table = assets.read_json("i18n.json")
    assert set(table["vi"]) == set(table["en"])


def test_every_literal_key_used_in_the_code_exists():
    used = {key for path in DASHBOARD.rglob("*.py") for key in LITERAL_KEY_RE.findall(path.read_text("utf-8"))}
    assert used, "the scan found no keys: the pattern is wrong"
    missing = sorted(k for k in used if not i18n.has(k))
    assert not missing


@pytest.mark.parametrize("prefix, codes", [
    pytest.param("type.", ["so_ket", "tong_ket", "tap_huan", "thong_tin_thoi_su", "hop", "trien_khai", "khac"],
                 id="meeting-types"),
    pytest.param("level.", ["province", "central", "district", "other"], id="levels"),
    pytest.param("field.", ["delegations_in", "visitors_in", "delegations_out", "visitors_out"], id="count-fields"),
    pytest.param("freq.", ["M", "Q", "H", "Y"], id="frequencies"),
    pytest.param("month.", [str(m) for m in range(1, 13)], id="months"),
])
def test_dynamic_keys_exist(prefix, codes):
    assert all(i18n.has(prefix + code) for code in codes)


@pytest.mark.parametrize("value, lang, expected", [
    pytest.param(1234, "vi", "1.234", id="vi-thousands-dot"),
    pytest.param(1234, "en", "1,234", id="en-thousands-comma"),
    pytest.param(1234567, "vi", "1.234.567", id="vi-millions"),
    pytest.param(None, "vi", "–", id="missing-shows-dash"),
])
def test_fmt_int(value, lang, expected):
    assert i18n.fmt_int(value, lang) == expected


@pytest.mark.parametrize("value, lang, expected", [
    pytest.param(date(2022, 7, 18), "vi", "18/07/2022", id="vi"),
    pytest.param(date(2022, 7, 18), "en", "2022-07-18", id="en"),
    pytest.param("2022-07-18", "vi", "18/07/2022", id="iso-string-accepted"),
    pytest.param(None, "en", "–", id="missing"),
])
def test_fmt_date(value, lang, expected):
    assert i18n.fmt_date(value, lang) == expected


@pytest.mark.parametrize("share, lang, expected", [
    pytest.param(0.125, "vi", "12,5%", id="vi-decimal-comma"),
    pytest.param(0.125, "en", "12.5%", id="en-decimal-point"),
])
def test_fmt_pct(share, lang, expected):
    assert i18n.fmt_pct(share, lang) == expected


def test_unknown_theme_id_is_shown_readably():
    assert i18n.theme_label("no_such_theme_xyz", "vi") == "no such theme xyz"


@pytest.mark.parametrize("code, lang, expected", [
    pytest.param("2022", "vi", "2022", id="year"),
    pytest.param("2022H1", "vi", "6 tháng đầu 2022", id="vi-first-half-reporting-period-in-full"),
    pytest.param("2022-H1", "vi", "6T đầu 2022", id="vi-first-half-calendar-bucket-short-for-axes"),
    pytest.param("2022-H2", "en", "H2 2022", id="bucket-form-with-dash"),
    pytest.param("2022Q3", "vi", "Quý 3/2022", id="vi-quarter"),
    pytest.param("2022-09", "en", "2022-09", id="month-bucket"),
    pytest.param("2022M9", "vi", "9 tháng đầu 2022", id="reporting-months-keep-their-length-not-september"),
    pytest.param("2022M9", "en", "First 9 months of 2022", id="reporting-months-en"),
    pytest.param("2022-09", "vi", "T9/2022", id="a-month-bucket-is-the-month"),
    pytest.param("undated", "vi", "Không rõ ngày", id="undated-bucket"),
    pytest.param("sau Tết", "vi", "sau Tết", id="unknown-kept-as-is"),
    pytest.param(None, "en", "–", id="missing"),
])
def test_period_label(code, lang, expected):
    assert i18n.period_label(code, lang) == expected


@pytest.mark.parametrize("code, lang, expected", [
    pytest.param("skipped", "vi", "Bỏ qua", id="known-status-translated"),
    pytest.param("quarantined", "en", "quarantined", id="unknown-status-shown-as-is"),
    pytest.param(None, "vi", "–", id="missing"),
])
def test_status_label(code, lang, expected):
    assert i18n.status_label(code, lang) == expected
