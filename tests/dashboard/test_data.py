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


def test_prepare_frees_the_terms_table_and_an_export_reads_it_again(tmp_path):
    """The pages count terms from the matrix built on load; the table itself (the largest at a
    national scale) is read again from the cache only when asked for, with the same rows."""
    from pathlib import Path

    from dashboard import queries
    from loaders import load_corpus
    from loaders.corpus import Lazy

    seeds = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
    corpus = load_corpus(seeds, cache_dir=tmp_path / "cache", corrections=False)
    lazy = corpus.__dict__["terms"]
    assert isinstance(lazy, Lazy), "a cached corpus reads its terms on first use"
    before = corpus.terms.copy()
    data.prepare(corpus)
    assert not lazy.loaded, "prepare built the term matrix and let the table go"
    assert len(queries.term_matrix(corpus).codes) > 0
    assert corpus.terms.equals(before) and lazy.loaded
