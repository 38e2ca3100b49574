"""Fixtures for the dashboard tests: a hand-written corpus and a headless page runner.

Pages are run with streamlit's AppTest on a small harness that does what app.py does for one
page (filter bar, demo banner, the view) — AppTest cannot switch between st.navigation pages
built from callables — plus one test that runs app.py itself.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fixtures import fixture_corpus  # noqa: E402

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TIMEOUT = 60  # first runs import plotly/pandas; CI machines are slow


def page_harness(view_name: str) -> None:
    """Runs inside AppTest: the sidebar filter bar, the demo banner and one view."""
    import importlib

    from dashboard import data, queries
    from dashboard.components import filter_bar, notices

    corpus = data.current_corpus()
    filters = filter_bar.render(queries.filter_options(corpus))
    notices.demo_banner(corpus, filters.lang)
    importlib.import_module(f"dashboard.views.{view_name}").render(corpus, filters)


@pytest.fixture(scope="session")
def corpus():
    return fixture_corpus()


@pytest.fixture
def corrections_store(tmp_path):
    """The corrections file of the test's corpus: empty, in the test's own folder."""
    from loaders import corrections
    return corrections.Store(tmp_path / "fixture.corrections.jsonl")


@pytest.fixture
def use_corpus(monkeypatch, corrections_store):
    """Make the app see ``c`` as its corpus (data.current_corpus is what app.py and views call),
    with the corrections saved in ``corrections_store`` applied as data.py applies them."""
    from dashboard import data

    def install(c):
        monkeypatch.setattr(data, "current_store", lambda: corrections_store)
        monkeypatch.setattr(data, "current_corpus", lambda: data.with_corrections(c, corrections_store))
        return c
    return install


@pytest.fixture
def run_page(use_corpus, corpus):
    """run_page("overview", params={"province": "Nghệ An"}, corpus=...) -> the AppTest after one run."""
    from streamlit.testing.v1 import AppTest

    def run(view_name: str, params: dict | None = None, corpus_=None):
        use_corpus(corpus_ if corpus_ is not None else corpus)
        at = AppTest.from_function(page_harness, args=(view_name,), default_timeout=TIMEOUT)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at
    return run


@pytest.fixture
def run_app(use_corpus, corpus):
    from streamlit.testing.v1 import AppTest

    def run(params: dict | None = None):
        use_corpus(corpus)
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at
    return run


SNAPSHOT_LINES = [  # three short reports of our own, for a corpus read back from its snapshot
    {"id": "s1", "title": "Sơ kết công tác thông tin đối ngoại", "text": "Ngày 5/7, tỉnh Nghệ An sơ kết công tác "
     "thông tin đối ngoại, tuyên truyền biển, đảo."},
    {"id": "s2", "title": "Tập huấn", "text": "Tỉnh Hà Tĩnh tập huấn nghiệp vụ cho phóng viên về biên giới."},
    {"id": "s3", "title": "Hội nghị", "text": "Ban Chỉ đạo họp bàn việc đón đoàn khách quốc tế đến Hòa Bình."},
]


@pytest.fixture
def snapshot_corpus(tmp_path):
    """A function loading the same small corpus from its snapshot (written once here): each call
    a fresh load, as a server start makes."""
    import json

    from loaders import load_corpus

    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in SNAPSHOT_LINES), encoding="utf-8")
    load_corpus(path, cache_dir=tmp_path / "cache", workers=1, corrections=False)
    return lambda: load_corpus(path, cache_dir=tmp_path / "cache", workers=1, corrections=False)
