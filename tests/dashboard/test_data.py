import pytest

from dashboard import data
from dashboard.settings import SETTINGS, setting, settings_table


@pytest.mark.parametrize("argv, expected", [
    pytest.param(["--corpus", "data/x"], "data/x", id="separate-value"),
    pytest.param(["--corpus=data/y.jsonl"], "data/y.jsonl", id="equals-form"),
    pytest.param(["--other", "1"], None, id="absent"),
    pytest.param(["--corpus"], None, id="flag-without-value"),
])
def test_corpus_path_from_argv(argv, expected):
    assert data.corpus_path_from_argv(argv) == expected


def test_settings_have_help_and_env_override(monkeypatch):
    assert all(spec.help for spec in SETTINGS.values())
    monkeypatch.setenv("TTDN_MAX_UPLOAD_MB", "5")
    assert setting("max_upload_mb") == 5
    monkeypatch.setenv("TTDN_MAX_UPLOAD_MB", "lots")
    assert setting("max_upload_mb") == SETTINGS["max_upload_mb"].default  # unparsable -> default


def test_settings_table_lists_every_setting_with_the_value_in_force(monkeypatch):
    monkeypatch.setenv("TTDN_TOP_TERMS", "7")
    rows = {row["setting"]: row for row in settings_table()}
    assert set(rows) == set(SETTINGS)
    assert (rows["top_terms"]["current"], rows["top_terms"]["default"]) == ("7", "60")  # text: one column type
    assert all(row["help"] for row in rows.values())
